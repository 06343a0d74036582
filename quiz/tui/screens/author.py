"""The authoring screen (``quiz author``): review a drafted bank question by question, then save.

Each question is shown beside its source sentence, the key span highlighted. A teacher accepts
(a), rejects (x), edits (e) a question, or asks for other wrong options (o); filters by type (t)
and review state (s); saves (ctrl+s) a bank that passes ``quiz check``. All bank and article
text is shown literally (``Content``), never as markup. The state lives in
:class:`quiz.authoring.Draft`; this module only shows it and turns keys into calls.
"""

from __future__ import annotations

import contextlib
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import (
    Button,
    Input,
    LoadingIndicator,
    OptionList,
    Select,
    Static,
    TextArea,
)
from textual.widgets.option_list import Option

from quiz.authoring import (
    STATES,
    Draft,
    DraftError,
    DraftItem,
    FormField,
    ItemState,
    form_fields,
    form_values,
    question_from_form,
    save_draft,
    swap_in,
)
from quiz.bank.model import (
    TYPE_NAMES,
    Cloze,
    Matching,
    MultipleChoice,
    Numeric,
    Ordering,
    Question,
    ShortAnswer,
    TrueFalse,
)
from quiz.tui.screens.dialogs import HelpScreen
from quiz.tui.text import find_span, prompt_content
from quiz.tui.widgets.footer import KeyBar
from quiz.tui.widgets.topbar import TopBar, brand

if TYPE_CHECKING:
    from quiz.tui.app import QuizApp
    from quiz.tui.config import StartAuthor

#: The type as the list shows it: short, so the prompt keeps the room.
TYPE_TAGS = {
    "multiple_choice": "choice",
    "true_false": "true/false",
    "cloze": "blank",
    "short_answer": "short",
    "numeric": "number",
    "matching": "match",
    "ordering": "order",
}
STATE_NAMES = {
    ItemState.PENDING: "to review",
    ItemState.ACCEPTED: "accepted",
    ItemState.REJECTED: "rejected",
    ItemState.EDITED: "edited",
}
STATE_MARKS = {
    ItemState.PENDING: ("○", "$text-muted"),
    ItemState.ACCEPTED: ("✓", "$success"),
    ItemState.REJECTED: ("✗", "$error"),
    ItemState.EDITED: ("✎", "$accent"),
}
#: The order ``s`` steps through the state filter (None: every state).
STATE_FILTERS: tuple[ItemState | None, ...] = (None, *STATES)

KEYS: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "Reviewing",
        [
            ("↑ ↓  /  j k", "move between questions"),
            ("a", "accept the question as it is"),
            ("x", "reject it (it is left out of the bank)"),
            ("e  /  Enter", "edit it: the question, the answer, the options"),
            ("o", "multiple choice: other wrong options from the article"),
            ("r", "restore it as it was drafted, to review again"),
            ("m", "from an article: 5 more drafted questions to review"),
            ("b", "the bank's title, description and tags"),
        ],
    ),
    (
        "Finding",
        [
            ("t", "show one type of question, then the next, then all"),
            ("s", "show one state: to review, accepted, rejected, edited, all"),
        ],
    ),
    (
        "Saving",
        [
            ("ctrl+s", "save the accepted and edited questions as a bank"),
            ("q  /  ctrl+q", "quit (asks first if there are unsaved changes)"),
        ],
    ),
    (
        "Editing",
        [
            ("Tab  shift+Tab", "next or previous field"),
            ("ctrl+s", "keep the changes (when the question is valid)"),
            ("ctrl+o", "multiple choice: other wrong options"),
            ("Esc", "cancel the changes"),
        ],
    ),
]


def _flat(text: str) -> str:
    return " ".join(text.split())


def list_prompt(item: DraftItem) -> Content:
    """One line of the question list: state mark, type, prompt (literal)."""
    mark, style = STATE_MARKS[item.state]
    question = item.question
    text_style = "$text-muted" if item.state is ItemState.REJECTED else ""
    return Content.assemble(
        (mark, f"bold {style}"),
        " ",
        (f"{TYPE_TAGS.get(question.type, question.type):<11}", "$text-muted"),
        (_flat(question.prompt), text_style),
    )


def kind_line(item: DraftItem) -> Content:
    question = item.question
    kind = TYPE_NAMES.get(question.type, question.type)
    if isinstance(question, MultipleChoice) and question.multiple:
        kind += " · pick all that apply"
    mark, style = STATE_MARKS[item.state]
    line = Content.assemble(
        (kind, "bold"),
        ("  ·  ", "$text-muted"),
        (f"{mark} {STATE_NAMES[item.state]}", f"bold {style}"),
        ("  ·  ", "$text-muted"),
        (question.id, "$text-muted"),
    )
    if question.held_back and not item.state.kept:
        # why the generator (or the teacher) kept it out of the quiz: what to check first
        line = Content.assemble(line, "\n", ("held back: ", "bold $warning"), question.held_back)
    return line


def answer_content(question: Question) -> Content:
    """The answer part of a question, as a teacher checks it."""
    label = "$text-muted"
    if isinstance(question, MultipleChoice):
        lines: list[Content] = []
        for choice in question.choices:
            if choice in question.answers:
                lines.append(Content.assemble(("✓ ", "bold $success"), (choice, "bold")))
            else:
                lines.append(Content.assemble(("· ", "$text-muted"), choice))
        return Content("\n").join(lines)
    if isinstance(question, TrueFalse):
        return Content.assemble(("Answer  ", label), (question.answer_text(), "bold"))
    if isinstance(question, Cloze):
        lines = []
        many = len(question.blanks) > 1
        for n, blank in enumerate(question.blanks, start=1):
            parts: list[str | tuple[str, str]] = [
                (f"Blank {n}  " if many else "Answer  ", label),
                (blank[0], "bold"),
            ]
            if len(blank) > 1:
                parts.append((f"   also accepted: {', '.join(blank[1:])}", label))
            lines.append(Content.assemble(*parts))
        return Content("\n").join(lines)
    if isinstance(question, ShortAnswer):
        parts = [("Answer  ", label), (question.answers[0], "bold")]
        if len(question.answers) > 1:
            parts.append((f"   also accepted: {', '.join(question.answers[1:])}", label))
        return Content.assemble(*parts)
    if isinstance(question, Numeric):
        return Content.assemble(("Answer  ", label), (question.answer_text(), "bold"))
    if isinstance(question, Matching):
        return Content("\n").join(
            Content.assemble((p.left, "bold"), ("  →  ", label), p.right) for p in question.pairs
        )
    if isinstance(question, Ordering):
        return Content("\n").join(
            Content.assemble((f"{n}. ", label), item)
            for n, item in enumerate(question.items, start=1)
        )
    return Content(question.answer_text())  # pragma: no cover


def source_content(draft: Draft, question: Question) -> Content:
    """The source sentence with the fact's key span (else the answer) highlighted."""
    sentence = _flat(question.source)
    fact = draft.fact_of(question)
    terms = [fact.key] if fact is not None and fact.key else []
    if not terms or find_span(sentence, terms[0]) is None:
        answer = question.answer_text()
        terms = answer.split("; ") if "→" not in answer else []
    content = Content(sentence)
    for term in terms:
        span = find_span(sentence, term)
        if span is not None:
            content = content.stylize("bold $accent underline", *span)
    return content


#: The dialogs' look (its confirmations and help are dialogs too), then the authoring screen's.
AUTHOR_CSS: list[str | PurePath] = ["dialogs.tcss", "author.tcss"]


class QuestionList(OptionList):
    """The draft's questions, one line each; Enter edits the highlighted one (a click only
    highlights: the form opens on purpose, not by a stray click)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "screen.edit", "Edit", show=False),
    ]


class AuthorScreen(Screen[None]):
    """Review a draft: the question list on one side, the question and its sentence on the
    other (stacked on narrow terminals)."""

    CSS_PATH = AUTHOR_CSS
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "accept", "Accept"),
        Binding("x", "reject", "Reject"),
        Binding("e", "edit", "Edit"),
        Binding("o", "other_options", "Options"),
        Binding("r", "restore", "Restore", show=False),
        Binding("m", "more", "More questions", show=False),
        Binding("t", "type_filter", "Type", show=False),  # both shown in the filter bar
        Binding("s", "state_filter", "State", show=False),
        Binding("ctrl+s", "save", "Save"),
        Binding("b", "details", "Title"),
        Binding("question_mark,f1", "help", "Help"),
        Binding("q,ctrl+q", "quit", "Quit"),
        Binding("j", "move(1)", "Down", show=False),
        Binding("k", "move(-1)", "Up", show=False),
    ]

    app: QuizApp

    def __init__(self, start: StartAuthor) -> None:
        super().__init__()
        self.start = start
        self.draft: Draft | None = None
        self.type_filter: str | None = None
        self.state_filter: ItemState | None = None
        self.shown: list[int] = []
        self.failed = ""

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield TopBar(brand("author"))
        with Vertical(id="author-loading"):
            yield LoadingIndicator()
            yield Static(Content(self.start.making or "Opening the bank…"), id="loading-what")
        with Vertical(id="author-main"):
            yield Static(id="author-filters")
            with Horizontal(id="author-body"):
                yield QuestionList(id="author-list")
                with VerticalScroll(id="author-detail"):
                    yield Static(id="d-kind")
                    yield Static(id="d-advice")
                    yield Static(id="d-prompt")
                    yield Static(id="d-answer")
                    yield Static(id="d-explanation")
                    yield Static(id="d-source")
        yield KeyBar(show_command_palette=False)

    def on_mount(self) -> None:
        self.add_class("-loading")
        self.query_one("#d-source", Static).border_title = "from the article"
        self.make_draft()

    @work(thread=True, exit_on_error=False, group="author-draft")
    def make_draft(self) -> None:
        """Build the draft off the UI thread (generation takes seconds)."""
        from quiz.generate.nlp import ModelMissing

        try:
            draft = self.start.make()
        except ModelMissing as missing:
            self.app.call_from_thread(self.app.exit, None, 1, str(missing))
            return
        except Exception as error:  # shown, not raised: the teacher can still quit calmly
            message = str(error) or type(error).__name__
            self.app.call_from_thread(self._failed, message)
            return
        self.app.call_from_thread(self.show_draft, draft)

    def _failed(self, message: str) -> None:
        self.failed = message
        self.query_one(LoadingIndicator).display = False
        self.query_one("#loading-what", Static).update(
            Content.assemble(
                ("No draft could be made: ", "bold $error"), message, ("\n\nq quits", "$text-muted")
            )
        )
        self.refresh_bindings()

    def show_draft(self, draft: Draft) -> None:
        self.draft = draft
        self.remove_class("-loading")
        self.query_one(TopBar).set_where(brand("author", draft.bank.title))
        self.refresh_list(0)
        self.query_one(QuestionList).focus()
        self.refresh_bindings()
        if self.start.notice:
            self.notify(self.start.notice, timeout=15, markup=False)

    # ------------------------------------------------------------------ showing

    @property
    def current(self) -> int | None:
        """The index (in the draft) of the highlighted question."""
        highlighted = self.query_one(QuestionList).highlighted
        if highlighted is None or not 0 <= highlighted < len(self.shown):
            return None
        return self.shown[highlighted]

    def refresh_list(self, position: int | None = None, keep: int | None = None) -> None:
        """Rebuild the list for the filters; highlight ``keep`` (a draft index) if shown,
        else the row at ``position``."""
        draft = self.draft
        if draft is None:
            return
        questions = self.query_one(QuestionList)
        old = questions.highlighted or 0
        self.shown = draft.visible(self.type_filter, self.state_filter)
        questions.set_options(Option(list_prompt(draft.items[i]), id=f"q{i}") for i in self.shown)
        if self.shown:
            if keep is not None and keep in self.shown:
                row = self.shown.index(keep)
            else:
                row = old if position is None else position
            questions.highlighted = max(0, min(row, len(self.shown) - 1))
        self.show_detail()
        self.update_status()

    def show_detail(self) -> None:
        draft = self.draft
        index = self.current
        kind = self.query_one("#d-kind", Static)
        parts = [self.query_one(f"#d-{n}", Static) for n in ("prompt", "answer", "explanation")]
        source = self.query_one("#d-source", Static)
        if draft is None or index is None:
            kind.update(
                Content.assemble(
                    ("No question matches these filters. ", "bold"),
                    ("t and s change them.", "$text-muted"),
                )
            )
            for widget in (*parts, source):
                widget.update("")
            source.display = False
            self.query_one("#d-advice", Static).display = False
            return
        item = draft.items[index]
        question = item.question
        kind.update(kind_line(item))
        advice = self.query_one("#d-advice", Static)
        notes = draft.advice().get(question.id, []) if item.state is not ItemState.REJECTED else []
        advice.update(
            Content("\n").join(Content.assemble(("▲ ", "bold $warning"), note) for note in notes)
        )
        advice.display = bool(notes)
        parts[0].update(prompt_content(question))
        parts[1].update(answer_content(question))
        explanation = question.explanation
        parts[2].update(
            Content.assemble(("Explanation  ", "$text-muted"), explanation) if explanation else ""
        )
        parts[2].display = bool(explanation)
        source.display = True
        source.update(source_content(draft, question))
        self.set_class(item.state is ItemState.REJECTED, "-rejected")
        self.query_one("#author-detail", VerticalScroll).scroll_home(animate=False)

    def update_status(self) -> None:
        draft = self.draft
        if draft is None:
            return
        counts = draft.counts()
        bits: list[str | tuple[str, str]] = []
        for state in (ItemState.ACCEPTED, ItemState.EDITED, ItemState.REJECTED):
            mark, style = STATE_MARKS[state]
            bits += [(f"{mark} {counts[state]}", style), "  "]
        bits.append((f"{counts[ItemState.PENDING]} to review", "bold"))
        if draft.dirty:
            bits += [("  ·  ", "$text-muted"), ("unsaved", "bold $warning")]
        elif draft.saved_to is not None:
            bits += [("  ·  ", "$text-muted"), ("saved", "$success")]
        self.query_one(TopBar).set_status(Content.assemble(*bits, " "))
        type_name = TYPE_NAMES.get(self.type_filter, "") if self.type_filter else "all"
        state_name = STATE_NAMES[self.state_filter] if self.state_filter else "all"
        muted = "$text-muted"
        self.query_one("#author-filters", Static).update(
            Content.assemble(
                (f"{len(self.shown)} of {len(draft)} shown", "bold"),
                ("   type ", muted),
                (type_name, "bold" if self.type_filter else ""),
                (" (t)", muted),
                ("   state ", muted),
                (state_name, "bold" if self.state_filter else ""),
                (" (s)", muted),
                (f"   {len(draft.reserve)} more (m)" if draft.reserve else "", muted),
                ("   → ", muted),
                (_short_path(draft.saved_to or self.start.save_to), muted),
            )
        )

    @on(OptionList.OptionHighlighted, "#author-list")
    def _highlighted(self) -> None:
        self.show_detail()

    # ------------------------------------------------------------------ actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("help", "quit"):
            return True
        if self.draft is None:
            return False
        if action == "more":
            return bool(self.draft.reserve) or None
        if action in ("accept", "reject", "edit", "restore", "other_options"):
            index = self.current
            if index is None:
                return None
            if action == "other_options":
                return isinstance(self.draft.items[index].question, MultipleChoice) or None
        return True

    def action_move(self, step: int) -> None:
        questions = self.query_one(QuestionList)
        if step > 0:
            questions.action_cursor_down()
        else:
            questions.action_cursor_up()

    def _review(self, index: int, change: str) -> None:
        draft = self.draft
        assert draft is not None
        row = self.query_one(QuestionList).highlighted or 0
        getattr(draft, change)(index)
        visible = draft.visible(self.type_filter, self.state_filter)
        # move on to the next question; when the filter hides this one, the next one moves up
        self.refresh_list(row + 1 if index in visible else row)
        self.refresh_bindings()

    def action_accept(self) -> None:
        if (index := self.current) is not None:
            self._review(index, "accept")

    def action_reject(self) -> None:
        if (index := self.current) is not None:
            self._review(index, "reject")

    def action_restore(self) -> None:
        if (index := self.current) is not None and self.draft is not None:
            self.draft.restore(index)
            self.refresh_list(keep=index)

    def action_other_options(self) -> None:
        draft, index = self.draft, self.current
        if draft is None or index is None:
            return
        try:
            question = draft.other_wrong_options(index)
        except DraftError as error:
            self.notify(str(error), title="Other wrong options", severity="warning", markup=False)
            return
        self.refresh_list(keep=index)
        wrong = [c for c in question.choices if c not in question.answers]
        self.notify(
            "Now: " + ", ".join(wrong) + ". o again for others, r for the drafted ones.",
            title="Other wrong options",
            markup=False,
        )

    def action_edit(self) -> None:
        draft, index = self.draft, self.current
        if draft is None or index is None:
            return

        def done(values: dict[str, str] | None) -> None:
            if values is None or self.draft is None:
                return
            try:
                self.draft.edit(index, values)
            except DraftError as error:  # pragma: no cover - the form validated it
                self.notify("\n".join(error.problems), severity="error", markup=False)
                return
            self.refresh_list(keep=index)
            self.refresh_bindings()

        self.app.push_screen(EditQuestion(draft, index), done)

    def action_more(self) -> None:
        draft = self.draft
        if draft is None or not draft.reserve:
            return
        added = draft.more()
        # show them: they are to review, of any type
        self.type_filter = None
        if self.state_filter not in (None, ItemState.PENDING):
            self.state_filter = None
        self.refresh_list(keep=added[0])
        self.refresh_bindings()
        left = f"; {len(draft.reserve)} more left" if draft.reserve else ""
        self.notify(
            f"{len(added)} more questions to review, at the end of the list{left}.",
            title="More questions",
            markup=False,
        )

    def action_type_filter(self) -> None:
        if self.draft is None:
            return
        cycle: list[str | None] = [None, *self.draft.types()]
        at = cycle.index(self.type_filter) if self.type_filter in cycle else 0
        self.type_filter = cycle[(at + 1) % len(cycle)]
        self.refresh_list(0, keep=self.current)

    def action_state_filter(self) -> None:
        at = STATE_FILTERS.index(self.state_filter)
        self.state_filter = STATE_FILTERS[(at + 1) % len(STATE_FILTERS)]
        self.refresh_list(0, keep=self.current)

    def action_help(self) -> None:
        self.app.push_screen(AuthorHelp())

    def action_details(self) -> None:
        if self.draft is None:
            return

        def done(changed: bool | None) -> None:
            if changed and self.draft is not None:
                self.query_one(TopBar).set_where(brand("author", self.draft.bank.title))
                self.update_status()

        self.app.push_screen(BankDetails(self.draft), done)

    # ------------------------------------------------------------------ saving and quitting

    def _needs_replace_confirmation(self, target: Path) -> bool:
        draft = self.draft
        if draft is None or not target.exists():
            return False
        if draft.saved_to is not None and _same_file(draft.saved_to, target):
            return False
        return not (draft.bank.path and _same_file(Path(draft.bank.path), target))

    def _join_library(self, path: Path) -> str:
        """Put a bank saved outside the library's folders into it (so home and review show
        it); what to add to the "Saved" message."""
        from quiz.errors import QuizError
        from quiz.shelf import add_bank

        try:
            added = add_bank(path, self.app.config.data_dir)
        except QuizError as error:
            return f"\n(not added to your library: {error})"
        if added.status == "added":
            return "; added to your library"
        if added.status == "renamed":
            return f"\n{added.message()}"
        return ""

    def action_save(self) -> None:
        self.save()

    def save(self, then_quit: bool = False) -> None:
        draft = self.draft
        if draft is None:
            return
        target = self.start.save_to
        if self._needs_replace_confirmation(target):

            def confirmed(replace: bool | None) -> None:
                if replace:
                    self._save_now(target, then_quit)

            self.app.push_screen(
                Confirm(
                    "Replace the existing file?",
                    f"{target} exists. Saving replaces it with this bank.",
                    yes="Replace",
                ),
                confirmed,
            )
            return
        self._save_now(target, then_quit)

    def _save_now(self, target: Path, then_quit: bool) -> None:
        draft = self.draft
        assert draft is not None
        try:
            result = save_draft(draft, target)
        except DraftError as error:
            self.notify(
                "\n".join(error.problems[:4]), title="Not saved", severity="error", markup=False
            )
            return
        message = f"{result.questions} questions in {result.path}"
        if result.left_out:
            message += f"; {result.left_out} still to review are kept as its drafts"
        message += self._join_library(result.path)
        self.notify(message, title="Saved", markup=False)
        self.update_status()
        if then_quit:
            self._quit()

    def action_quit(self) -> None:
        draft = self.draft
        if draft is None or not draft.dirty:
            self._quit()
            return

        def chosen(choice: str | None) -> None:
            if choice == "save":
                self.save(then_quit=True)
            elif choice == "discard":
                self._quit()

        counts = draft.counts()
        self.app.push_screen(UnsavedChanges(counts[ItemState.PENDING]), chosen)

    def _quit(self) -> None:
        """Out through the app's quit path, which waits for answers still being saved and asks
        before losing any (a quiz played in this app may hold some). A draft that could not be
        made exits with 1 for scripts; with no quiz played in this app there is nothing to
        lose, so it exits at once."""
        if self.failed and not self.app.recorders:
            self.app.exit(return_code=1)
            return
        self.app.quit_safely()


def _same_file(a: Path, b: Path) -> bool:
    with contextlib.suppress(OSError):
        return a.resolve() == b.resolve()
    return False


def _short_path(path: Path) -> str:
    """The path as typed when it is relative, else with the home folder as ~."""
    text = str(path)
    home = str(Path.home())
    if text.startswith(home + "/"):
        return "~" + text[len(home) :]
    return text


# ---------------------------------------------------------------------- the edit form


class EditQuestion(ModalScreen[dict[str, str] | None]):
    """The question's fields; every change is checked by the bank validator at once, and
    the changes are kept only when the question is valid."""

    CSS_PATH = AUTHOR_CSS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Keep changes", priority=True),
        Binding("ctrl+o", "other_options", "Other wrong options", priority=True),
    ]

    app: QuizApp

    def __init__(self, draft: Draft, index: int) -> None:
        super().__init__()
        self.draft = draft
        self.index = index
        self.item = draft.items[index]
        self.fields = form_fields(self.item.question)
        self.initial = form_values(self.item.question)
        self.problems: list[str] = []
        self.offered = set(self.item.offered)

    def compose(self) -> ComposeResult:
        question = self.item.question
        with Vertical(id="edit"):
            yield Static(
                Content.assemble(
                    ("Edit · ", "bold"),
                    (TYPE_NAMES.get(question.type, question.type), "bold"),
                    ("  ·  ", "$text-muted"),
                    (question.id, "$text-muted"),
                ),
                id="edit-title",
            )
            with VerticalScroll(id="edit-fields"):
                for form_field in self.fields:
                    yield Static(_label(form_field), classes="field-label")
                    yield self._input(form_field)
                yield Static(Content("Source sentence"), classes="field-label")
                yield Static(source_content(self.draft, question), id="edit-source")
            yield Static(id="edit-problems")
            with Horizontal(id="edit-buttons"):
                yield Button("Cancel  esc", id="cancel", compact=True)
                if isinstance(question, MultipleChoice):
                    yield Button("Other wrong options  ctrl+o", id="other", compact=True)
                yield Button("Keep changes  ctrl+s", id="save", variant="primary", compact=True)

    def _input(self, form_field: FormField) -> Input | TextArea | Select[str]:
        value = self.initial.get(form_field.name, "")
        wid = f"f-{form_field.name}"
        if form_field.options:
            return Select(
                [(o, o) for o in form_field.options],
                value=value,
                allow_blank=False,
                id=wid,
                compact=True,
            )
        if form_field.lines or form_field.wrap:
            kind = ParagraphArea if form_field.wrap else TextArea
            area = kind(value, id=wid, soft_wrap=True, tab_behavior="focus", compact=True)
            area.cursor_blink = self.app.cursor_blink
            area.set_class(form_field.wrap, "-paragraph")
            return area
        field_input = Input(value, id=wid, compact=True, select_on_focus=False)
        field_input.cursor_blink = self.app.cursor_blink
        return field_input

    def on_mount(self) -> None:
        self.validate()
        first = self.query_one(f"#f-{self.fields[0].name}")
        first.focus()
        if isinstance(first, TextArea):
            first.move_cursor(first.document.end)
        elif isinstance(first, Input):
            first.cursor_position = len(first.value)

    def values(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for form_field in self.fields:
            widget = self.query_one(f"#f-{form_field.name}")
            if isinstance(widget, TextArea):
                out[form_field.name] = widget.text
            elif isinstance(widget, Input):
                out[form_field.name] = widget.value
            elif isinstance(widget, Select):
                out[form_field.name] = str(widget.value)
        return out

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    def _changed(self) -> None:
        self.validate()

    def validate(self) -> bool:
        question, problems = question_from_form(self.draft, self.item.question, self.values())
        self.problems = problems
        box = self.query_one("#edit-problems", Static)
        if problems:
            box.update(
                Content("\n").join(
                    Content.assemble(("⚠ ", "bold $error"), (p, "$error")) for p in problems[:4]
                )
            )
            box.set_class(True, "-invalid")
        else:
            box.update(Content.styled("✓ The question is valid.", "$success"))
            box.set_class(False, "-invalid")
        self.query_one("#save", Button).disabled = bool(problems)
        return question is not None

    @on(Input.Submitted)
    def _next_field(self) -> None:
        self.focus_next()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        elif event.button.id == "other":
            self.action_other_options()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        if self.validate():
            self.dismiss(self.values())
        else:
            self.app.bell()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_other_options(self) -> None:
        base = self.item.question
        if not isinstance(base, MultipleChoice):
            return
        question, _ = question_from_form(self.draft, base, self.values())
        current = self.query_one("#f-wrong", TextArea)
        lines = [line.strip() for line in current.text.splitlines() if line.strip()]
        self.offered.update(line.casefold() for line in lines)
        fresh = self.draft.alternatives_for(
            question if isinstance(question, MultipleChoice) else base, self.offered
        )
        if not fresh:
            self.notify(
                "No other wrong options found in the article: write your own.",
                severity="warning",
                markup=False,
            )
            return
        self.offered.update(f.casefold() for f in fresh)
        current.load_text("\n".join(swap_in(lines, fresh)))
        self.validate()


class ParagraphArea(TextArea):
    """One paragraph of text, wrapped as it is typed; Enter moves to the next field."""

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.screen.focus_next()
            return
        await super()._on_key(event)


def _label(form_field: FormField) -> Content:
    if form_field.hint:
        return Content.assemble((form_field.label, "bold"), (f"  {form_field.hint}", "$text-muted"))
    return Content.styled(form_field.label, "bold")


class BankDetails(ModalScreen[bool]):
    """The bank's title, description and tags. Dismissed with True when changed."""

    CSS_PATH = AUTHOR_CSS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Keep changes", priority=True),
    ]

    app: QuizApp

    def __init__(self, draft: Draft) -> None:
        super().__init__()
        self.draft = draft

    def compose(self) -> ComposeResult:
        bank = self.draft.bank
        with Vertical(id="edit"):
            yield Static(
                Content.assemble(
                    ("Bank details", "bold"), ("  ·  ", "$text-muted"), (bank.id, "$text-muted")
                ),
                id="edit-title",
            )
            with VerticalScroll(id="edit-fields"):
                yield Static(Content.styled("Title", "bold"), classes="field-label")
                yield ParagraphArea(
                    bank.title, id="f-title", soft_wrap=True, compact=True, classes="-paragraph"
                )
                yield Static(
                    _label(FormField("description", "Description", "optional")),
                    classes="field-label",
                )
                yield ParagraphArea(
                    bank.description,
                    id="f-description",
                    soft_wrap=True,
                    compact=True,
                    classes="-paragraph",
                )
                yield Static(
                    _label(FormField("tags", "Tags", "comma separated (optional)")),
                    classes="field-label",
                )
                yield Input(", ".join(bank.tags), id="f-tags", compact=True)
                yield Static(
                    Content.assemble(
                        ("Article  ", "$text-muted"),
                        bank.source.title,
                        (f"  ({bank.source.file})" if bank.source.file else "", "$text-muted"),
                    ),
                    classes="field-label",
                )
            yield Static(id="edit-problems")
            with Horizontal(id="edit-buttons"):
                yield Button("Cancel  esc", id="cancel", compact=True)
                yield Button("Keep changes  ctrl+s", id="save", variant="primary", compact=True)

    def on_mount(self) -> None:
        title = self.query_one("#f-title", TextArea)
        title.cursor_blink = self.app.cursor_blink
        self.query_one("#f-description", TextArea).cursor_blink = self.app.cursor_blink
        self.query_one("#f-tags", Input).cursor_blink = self.app.cursor_blink
        title.focus()
        title.move_cursor(title.document.end)

    @on(Input.Submitted)
    def _next_field(self) -> None:
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        before = self.draft.bank
        problems = self.draft.set_details(
            self.query_one("#f-title", TextArea).text,
            self.query_one("#f-description", TextArea).text,
            self.query_one("#f-tags", Input).value,
        )
        if problems:
            self.query_one("#edit-problems", Static).update(
                Content("\n").join(
                    Content.assemble(("⚠ ", "bold $error"), (p, "$error")) for p in problems
                )
            )
            return
        self.dismiss(self.draft.bank is not before)

    def action_cancel(self) -> None:
        self.dismiss(False)


# ---------------------------------------------------------------------- small dialogs


class Confirm(ModalScreen[bool]):
    """A yes/no question; dismissed with True for yes."""

    CSS_PATH = AUTHOR_CSS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", show=False),
        Binding("n,escape", "answer(False)", "No", show=False),
    ]

    def __init__(self, title: str, body: str, yes: str = "Yes", no: str = "Cancel") -> None:
        super().__init__()
        self.title_text, self.body, self.yes, self.no = title, body, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content(self.title_text), classes="title")
            yield Static(Content(self.body), classes="body")
            with Horizontal(classes="buttons"):
                yield Button(f"{self.no}  n", id="no", compact=True)
                yield Button(f"{self.yes}  y", id="yes", variant="warning", compact=True)

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class UnsavedChanges(ModalScreen[str | None]):
    """Quitting with unsaved changes: "save", "discard", or None to stay."""

    CSS_PATH = AUTHOR_CSS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s,ctrl+s", "choose('save')", "Save and quit", show=False),
        Binding("d", "choose('discard')", "Quit without saving", show=False),
        Binding("escape,n", "choose(None)", "Stay", show=False),
    ]

    def __init__(self, pending: int) -> None:
        super().__init__()
        self.pending = pending

    def compose(self) -> ComposeResult:
        body = "Your reviews and edits since the last save would be lost."
        if self.pending:
            body += f" ({self.pending} questions are still to review; saving leaves them out.)"
        with Vertical(id="dialog"):
            yield Static(Content("Save the bank before quitting?"), classes="title")
            yield Static(Content(body), classes="body")
            with Horizontal(classes="buttons"):
                yield Button("Stay  esc", id="stay", compact=True)
                yield Button("Quit without saving  d", id="discard", variant="error", compact=True)
                yield Button("Save and quit  s", id="save", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#save", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_choose(None if event.button.id == "stay" else event.button.id)

    def action_choose(self, choice: str | None) -> None:
        self.dismiss(choice)


class AuthorHelp(HelpScreen):
    CSS_PATH = AUTHOR_CSS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,f1,q,enter", "close", "Close", show=False),
    ]
    HEADING = "Keys: making a bank"
    KEY_TABLE = KEYS
