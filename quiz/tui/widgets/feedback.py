"""What the learner sees after answering: the verdict, the right answer, the explanation, and
the sentence of the article it comes from with the key span highlighted."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static

from quiz.bank.model import Bank, MultipleChoice, Question
from quiz.record import Outcome
from quiz.session import Result
from quiz.tui.text import highlight_terms, quote_content

VERDICTS = {
    Outcome.RIGHT: ("✓ Right", "-right"),
    Outcome.NEAR_MISS: ("≈ Near miss — counted as right", "-near"),
    Outcome.WRONG: ("✗ Not quite", "-wrong"),
}


class Labelled(Horizontal):
    """``Answer   80,000`` — a muted label column and wrapping text."""

    DEFAULT_CSS = """
    Labelled { height: auto; }
    Labelled > .label { width: 10; color: $text-muted; }
    Labelled > .value { width: 1fr; }
    Labelled.answer-line > .value { text-style: bold; }
    """

    def __init__(self, label: str, value: Content, *, classes: str = "") -> None:
        super().__init__(classes=classes)
        self._label = label
        self._value = value

    def compose(self) -> ComposeResult:
        yield Static(Content(self._label), classes="label")
        yield Static(self._value, classes="value")


class Feedback(Vertical):
    """Filled by :meth:`show` once a question is answered."""

    DEFAULT_CSS = """
    Feedback {
        height: auto;
        margin-top: 1;
        .verdict-row { height: auto; margin-bottom: 1; }
        .verdict { text-style: bold; width: 1fr; }
        .continue { width: auto; color: $text-muted; }
        &.-right .verdict { color: $success; }
        &.-near .verdict { color: $warning; }
        &.-wrong .verdict { color: $error; }
        .note { color: $text-muted; }
        .explanation { margin-top: 1; }
        .quote {
            margin-top: 1;
            border: round $foreground 25%;
            border-title-color: $text-muted;
            border-subtitle-color: $text-muted;
            border-subtitle-align: right;
            padding: 0 1;
        }
    }
    Feedback .save-note { margin-bottom: 1; }
    Feedback .save-note.reset { color: $warning; }
    Feedback .save-note.retake { color: $warning; }
    Feedback .save-note.not-saved { color: $error; text-style: bold; }
    """

    def __init__(self, bank: Bank, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.bank = bank

    async def show(
        self,
        result: Result,
        next_hint: str = "",
        *,
        bank: Bank | None = None,
        notes: Sequence[tuple[str, str]] = (),
    ) -> None:
        """``bank``: the question's own bank (in a review of several); ``notes``: lines about
        saving, as (text, class) pairs, shown under the verdict."""
        bank = bank or self.bank
        await self.remove_children()
        self.remove_class("-right", "-near", "-wrong")
        title, cls = VERDICTS[result.outcome]
        self.add_class(cls)
        question = result.question
        widgets: list[Static | Horizontal | Vertical] = [
            Horizontal(
                Static(Content(title), classes="verdict"),
                Static(Content(next_hint), classes="continue"),
                classes="verdict-row",
            )
        ]
        for text, cls in notes:
            widgets.append(Static(Content(text), classes=f"save-note {cls}"))
        shown = Content(_answer_as_shown(question))
        widgets.append(Labelled("Answer", shown, classes="answer-line"))
        if result.outcome is not Outcome.RIGHT and result.grade.given:
            widgets.append(Labelled("You said", Content(result.grade.given), classes="given-line"))
        for note in result.grade.notes:
            widgets.append(Static(Content(note), classes="note"))
        if question.explanation:
            widgets.append(Static(Content(question.explanation), classes="explanation"))
        quote = Static(
            quote_content(question.source, highlight_terms(bank, question)),
            classes="quote",
        )
        quote.border_title = "From the article"
        if bank.as_of:
            quote.border_subtitle = Content(f"Facts as of {bank.as_of}")
        widgets.append(quote)
        await self.mount_all(widgets)


def _answer_as_shown(question: Question) -> str:
    """The right answer as the learner saw the choices: a "pick all" question's right choices
    in the order shown (the session shuffles them), not the bank's."""
    if isinstance(question, MultipleChoice) and set(question.answers) <= set(question.choices):
        return "; ".join(dict.fromkeys(c for c in question.choices if c in question.answers))
    return question.answer_text()
