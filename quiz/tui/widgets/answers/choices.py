"""Multiple choice and true/false: one keyed row per choice."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.reactive import reactive

from quiz.bank.types import shape_of
from quiz.bank.types.shapes import Choice, Statement
from quiz.session import Item, Result
from quiz.tui.widgets.answers.base import CursorAnswer
from quiz.tui.widgets.answers.row import Row


class ChoiceList(CursorAnswer, can_focus=True):
    """Multiple choice (1-6 answers at once; with ``multiple`` they toggle and Enter submits)
    and true/false (t/f or 1/2)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "move(-1)", "Up", show=False, tooltip="the choice above"),
        Binding("down,j", "move(1)", "Down", show=False, tooltip="the choice below"),
        Binding(
            "enter",
            "choose",
            "Choose",
            show=False,
            tooltip="answer with the choice under the cursor (pick all: submit)",
        ),
        Binding(
            "space",
            "toggle_choice",
            "Toggle",
            show=False,
            tooltip="pick all that apply: tick or untick the choice under the cursor",
        ),
    ]

    #: No row is under the cursor until ↑↓ put it there: an Enter pressed by accident (one
    #: too many after the feedback) answers nothing rather than the first choice.
    cursor: reactive[int] = reactive(-1, init=False)

    def __init__(self, item: Item) -> None:
        super().__init__(item)
        shape = shape_of(item.question)
        self.true_false = isinstance(shape, Statement)
        if isinstance(shape, Choice):
            self.choices: tuple[str, ...] = shape.options
            self.multiple = shape.multiple
        else:
            self.choices = ("True", "False")
            self.multiple = False
        self.keys = {str(n): n - 1 for n in range(1, len(self.choices) + 1)}
        if self.true_false:
            self.keys.update({"t": 0, "f": 1})
        self.picked: set[int] = set()
        last = len(self.choices)
        if self.true_false:
            self.hint = "Press t for true or f for false (or 1 / 2)."
        elif self.multiple:
            self.hint = f"Pick all that apply: 1-{last} toggle a choice, Enter submits."
        else:
            self.hint = f"Press 1-{last} to answer (or ↑↓ and Enter)."

    def compose(self) -> ComposeResult:
        for n, choice in enumerate(self.choices):
            label = ("T", "F")[n] if self.true_false else str(n + 1)
            yield Row(self._label(n, label), choice, classes="choice")

    def _label(self, index: int, label: str | None = None) -> str:
        label = label or (("T", "F")[index] if self.true_false else str(index + 1))
        if self.multiple:
            return ("■ " if index in self.picked else "□ ") + label
        return f" {label}"

    def _rows(self) -> list[Row]:
        return list(self.query(".choice").results(Row))

    def _paint(self) -> None:
        for n, row in enumerate(self._rows()):
            row.set_class(n == self.cursor and self.has_focus and not self.locked, "-cursor")
            row.set_class(n in self.picked, "-picked")
            if not self.locked:
                row.set_key(self._label(n))

    def on_key(self, event: events.Key) -> None:
        key = (event.character or "").lower()
        if self.locked or key not in self.keys:
            return
        event.stop()
        event.prevent_default()
        self.pick(self.keys[key])

    def pick(self, index: int) -> None:
        if self.locked or not 0 <= index < len(self.choices):
            return
        self.cursor = index
        if self.multiple:
            self.picked ^= {index}
            self.post_message(self.Hint(""))
            self._paint()
        else:
            self.picked = {index}
            self._paint()
            self.submit(index == 0 if self.true_false else index)

    def action_move(self, delta: int) -> None:
        if self.locked:
            return
        if self.cursor < 0:
            self.cursor = 0 if delta > 0 else len(self.choices) - 1
            self.post_message(self.Hint(""))
        else:
            self.cursor = (self.cursor + delta) % len(self.choices)

    def action_toggle_choice(self) -> None:
        if self.multiple:
            self.pick(self.cursor)
        else:
            self.action_choose()

    def action_choose(self) -> None:
        if self.locked:
            return
        if not self.multiple and self.cursor < 0:
            keys = "t or f" if self.true_false else f"1-{len(self.choices)}"
            self.post_message(self.Hint(f"No choice yet: press {keys}, or ↑↓ then Enter."))
        elif not self.multiple:
            self.pick(self.cursor)
        elif not self.picked:
            self.post_message(self.Hint("Pick at least one choice first (press its number)."))
        else:
            self.submit(frozenset(self.picked))

    def on_click(self, event: events.Click) -> None:
        widget = event.widget
        while widget is not None and not isinstance(widget, Row):
            widget = widget.parent  # type: ignore[assignment]
        if isinstance(widget, Row) and widget in self._rows():
            self.focus()
            self.pick(self._rows().index(widget))

    def reveal(self, result: Result) -> None:
        super().reveal(result)
        shape = shape_of(self.item.question)
        if isinstance(shape, Choice):
            right = shape.correct_indices()
        else:
            assert isinstance(shape, Statement)
            right = frozenset({0 if shape.answer else 1})
        for n, row in enumerate(self._rows()):
            row.remove_class("-cursor")
            if n in right:
                row.add_class("-right")
                row.set_key(" ✓")
            elif n in self.picked:
                row.add_class("-wrong")
                row.set_key(" ✗")
            else:
                row.add_class("-other")
                row.set_key("  ")
