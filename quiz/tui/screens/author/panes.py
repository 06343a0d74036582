"""The authoring screen's two panes: the list of the draft's questions, and the highlighted one.

The detail pane shows a question as a teacher checks it: its type and review state, what the
item review advises, the prompt, the answer, the explanation and the source sentence with the
key span highlighted.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import OptionList, Static

from quiz.authoring import Draft, DraftItem, ItemState
from quiz.tui.screens.author.content import (
    NO_MATCH,
    advice_content,
    answer_content,
    explanation_content,
    kind_line,
    source_content,
)
from quiz.tui.text import prompt_content


class QuestionList(OptionList):
    """The draft's questions, one line each; Enter edits the highlighted one (a click only
    highlights: the form opens on purpose, not by a stray click)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "screen.edit", "Edit", show=False),
    ]


class QuestionDetail(VerticalScroll):
    """The highlighted question, part by part (each part a ``#d-…`` Static the CSS places)."""

    def compose(self) -> ComposeResult:
        yield Static(id="d-kind")
        yield Static(id="d-advice")
        yield Static(id="d-prompt")
        yield Static(id="d-answer")
        yield Static(id="d-explanation")
        yield Static(id="d-source")

    def on_mount(self) -> None:
        self.query_one("#d-source", Static).border_title = "from the article"

    def show(self, draft: Draft | None, item: DraftItem | None) -> None:
        """Show ``item`` of ``draft``; None: no question matches the filters."""
        kind = self.query_one("#d-kind", Static)
        parts = [self.query_one(f"#d-{n}", Static) for n in ("prompt", "answer", "explanation")]
        source = self.query_one("#d-source", Static)
        if draft is None or item is None:
            kind.update(NO_MATCH)
            for widget in (*parts, source):
                widget.update("")
            source.display = False
            self.query_one("#d-advice", Static).display = False
            return
        question = item.question
        kind.update(kind_line(item))
        advice = self.query_one("#d-advice", Static)
        notes = draft.advice().get(question.id, []) if item.state is not ItemState.REJECTED else []
        advice.update(advice_content(notes))
        advice.display = bool(notes)
        parts[0].update(prompt_content(question))
        parts[1].update(answer_content(question))
        explanation = question.explanation
        parts[2].update(explanation_content(explanation))
        parts[2].display = bool(explanation)
        source.display = True
        source.update(source_content(draft, question))
        self.scroll_home(animate=False)
