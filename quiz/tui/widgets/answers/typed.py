"""Typed answers: cloze (one input per blank), short answer and numeric (with its unit)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input, Static

from quiz.bank.model import Bank
from quiz.session import Item, Result
from quiz.tui.widgets.answers.base import GIVE_UP, AnswerWidget
from quiz.tui.widgets.answers.sketch import TYPING_BINDINGS, TypedFields

#: The class Textual's ``Input.compact`` toggles (Textual 8.2.8, pinned).
COMPACT = "-textual-compact"


class TypedRow(Horizontal):
    """A field with its label (a cloze's blank) or its unit (a number), in a row."""

    # Not scoped to this class: the selectors are TextAnswer's, as when they were in its CSS.
    SCOPED_CSS = False
    DEFAULT_CSS = """
    TextAnswer {
        .typed-row { height: auto; margin-bottom: 1; }
        .blank-label, .unit { width: auto; height: 1; padding: 0 1; color: $text-muted; }
        .blank-label { color: $accent; text-style: bold; padding: 0 1 0 0; }
    }
    """


class TextAnswer(AnswerWidget):
    """Cloze (one input per blank), short answer and numeric (with its unit). While typing,
    q and ? are letters: ctrl+q quits and F1 shows the help."""

    # A field alone (a short answer, a cloze of one blank) needs only these; a row's own
    # rules are TypedRow's, read when the first row is shown (half the parsing at a start).
    DEFAULT_CSS = """
    TextAnswer {
        Input.-alone { margin-bottom: 1; }
        .typed-row Input, Input.-alone {
            width: 1fr;
            max-width: 60;
            background: $boost;
            padding: 0 1;
            &:focus { background: $accent 15%; }
            &.-right { background: $success 20%; }
            &.-wrong { background: $error 20%; }
            &:disabled { opacity: 100%; color: $foreground; }
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = TYPING_BINDINGS

    def __init__(self, item: Item, bank: Bank | None = None) -> None:
        super().__init__(item)
        fields = TypedFields(item, bank)
        self.numeric = fields.numeric
        self.unit = fields.unit
        self.blanks = fields.blanks
        self.labels = fields.labels
        self.examples = fields.examples
        self.hint = fields.hint
        self.placeholder = fields.placeholder
        self._empty_enter = False

    def compose(self) -> ComposeResult:
        placeholder = self.placeholder
        for n, label in enumerate(self.labels):
            alone = not label and not self.unit
            field = Input(
                placeholder=placeholder,
                id=f"blank-{n}",
                select_on_focus=False,
                classes="-alone" if alone else None,
            )
            # compact, as ``compact=True`` makes it, without the styling that passing it to
            # the constructor does there and then (the field is styled when mounted anyway)
            field.set_reactive(Input.compact, True)
            field.add_class(COMPACT, update=False)
            field.cursor_blink = self.app.cursor_blink  # type: ignore[attr-defined]
            if alone:
                yield field  # one field alone needs no row (one widget fewer to lay out)
                continue
            with TypedRow(classes="typed-row"):
                if label:
                    yield Static(Content(label), classes="blank-label")
                yield field
                if self.unit:
                    yield Static(Content(self.unit), classes="unit")

    def inputs(self) -> list[Input]:
        return list(self.query(Input).results(Input))

    def focus_target(self) -> Widget:
        return self.inputs()[0]

    @on(Input.Changed)
    def _typing(self) -> None:
        if self._empty_enter:
            self._empty_enter = False
            self.post_message(self.Hint(""))

    @on(Input.Submitted)
    def _entered(self, event: Input.Submitted) -> None:
        event.stop()
        if self.locked:
            return
        fields = self.inputs()
        index = fields.index(event.input)
        if index < len(fields) - 1:
            fields[index + 1].focus()
            return
        values = [f.value for f in fields]
        if not any(v.strip() for v in values):
            if not self._empty_enter:
                self._empty_enter = True
                self.post_message(self.Hint(GIVE_UP))
                return
        elif self.numeric and _parse_number(values[0]) is None:
            self.post_message(self.Hint(f"That isn't a number I can read — try {self.examples}."))
            return
        if self.blanks:
            self.submit(values)
        else:
            self.submit(values[0])

    def reveal(self, result: Result) -> None:
        super().reveal(result)
        parts = result.grade.parts or (result.outcome.correct,)
        for field, ok in zip(self.inputs(), parts, strict=False):
            field.disabled = True
            field.add_class("-right" if ok else "-wrong")


def _parse_number(text: str) -> float | None:
    from quiz.grading import parse_number  # when a number is submitted, not at start-up

    return parse_number(text)
