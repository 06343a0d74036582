"""Ordering: move the items into the right order."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.geometry import Region

from quiz.session import Item, Result
from quiz.tui.widgets.answers.base import CursorAnswer
from quiz.tui.widgets.answers.row import Row

# --------------------------------------------------------------------------- ordering


class OrderingList(CursorAnswer, can_focus=True):
    """Put items in order: ↑↓ choose an item, [ ] (or shift+↑↓) move it, Enter submits."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor(-1)", "Up", show=False, tooltip="the item above"),
        Binding("down,j", "cursor(1)", "Down", show=False, tooltip="the item below"),
        Binding(
            "left_square_bracket,shift+up,ctrl+up",
            "shift(-1)",
            "Move up",
            show=False,
            tooltip="move the chosen item up",
        ),
        Binding(
            "right_square_bracket,shift+down,ctrl+down",
            "shift(1)",
            "Move down",
            show=False,
            tooltip="move the chosen item down",
        ),
        Binding(
            "enter",
            "done",
            "Submit",
            show=False,
            tooltip="submit the order (twice if nothing moved)",
        ),
    ]

    hint = "↑↓ choose an item, [ and ] (or shift+↑↓) move it, Enter when the order is right."

    def __init__(self, item: Item) -> None:
        super().__init__(item)
        self.order = list(item.order)
        # the order shown is never the right one, so an Enter before any move is a slip (one
        # too many after the feedback): it asks first, and a second Enter submits
        self._unmoved_enter = False

    def compose(self) -> ComposeResult:
        for n, text in enumerate(self.order, start=1):
            yield Row(f"{n:>2}", text, classes="order-row")

    def _rows(self) -> list[Row]:
        return list(self.query(".order-row").results(Row))

    def _paint(self) -> None:
        for n, (row, text) in enumerate(zip(self._rows(), self.order, strict=True)):
            active = n == self.cursor and not self.locked
            row.set_class(active and self.has_focus, "-cursor")
            if not self.locked:
                row.set_key(f"{'›' if active else ' '}{n + 1:>2}")
            row.set_text(text)

    @property
    def cursor_rows(self) -> int:
        return len(self.order)

    def cursor_region(self) -> Region | None:
        rows = self._rows()
        return rows[self.cursor].region if 0 <= self.cursor < len(rows) else None

    def action_cursor(self, delta: int) -> None:
        if not self.locked:
            self.cursor = max(0, min(len(self.order) - 1, self.cursor + delta))

    def action_shift(self, delta: int) -> None:
        if self.locked:
            return
        i, j = self.cursor, self.cursor + delta
        if 0 <= j < len(self.order):
            self.order[i], self.order[j] = self.order[j], self.order[i]
            self.cursor = j
            self._paint()
            if self._unmoved_enter:
                self._unmoved_enter = False
                self.post_message(self.Hint(""))

    def action_done(self) -> None:
        if list(self.order) == list(self.item.order) and not self._unmoved_enter:
            self._unmoved_enter = True
            self.post_message(
                self.Hint("Nothing moved yet — press Enter again to submit this order.")
            )
            return
        self.submit(list(self.order))

    def on_click(self, event: events.Click) -> None:
        widget = event.widget
        while widget is not None and not isinstance(widget, Row):
            widget = widget.parent  # type: ignore[assignment]
        if isinstance(widget, Row) and widget in self._rows():
            self.focus()
            self.cursor = self._rows().index(widget)

    def reveal(self, result: Result) -> None:
        super().reveal(result)
        for n, (row, ok) in enumerate(zip(self._rows(), result.grade.parts, strict=False)):
            row.remove_class("-cursor")
            row.add_class("-right" if ok else "-wrong")
            row.set_key(f"{'✓' if ok else '✗'}{n + 1:>2}")
