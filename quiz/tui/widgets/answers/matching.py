"""Matching: pair each item on the left with an option."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.geometry import Region
from textual.widgets import Static

from quiz.bank.types import shape_of
from quiz.bank.types.shapes import Pairs
from quiz.session import Item, Result
from quiz.tui.widgets.answers.base import CursorAnswer
from quiz.tui.widgets.answers.row import Row


class MatchingBoard(CursorAnswer, can_focus=True):
    """Pair each item on the left with an option: ↑↓ choose the item, a number picks its
    option, Backspace clears it, Enter submits once every item is paired."""

    DEFAULT_CSS = """
    MatchingBoard {
        #pairs { height: auto; margin-bottom: 1; }
        .pair {
            height: auto;
            padding: 0 1;
            & > .left { width: 2fr; text-style: bold; }
            & > .arrow { width: 4; color: $text-muted; content-align: center top; }
            & > .pick { width: 3fr; }
            &.-cursor { background: $accent 20%; }
            &.-right { background: $success 15%; }
            &.-wrong { background: $error 15%; }
        }
        .options-title { color: $text-muted; padding: 0 1; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor(-1)", "Up", show=False, tooltip="the item above"),
        Binding("down,j", "cursor(1)", "Down", show=False, tooltip="the item below"),
        Binding(
            "backspace,delete", "clear", "Clear", show=False, tooltip="clear the chosen item's pair"
        ),
        Binding("enter", "done", "Submit", show=False, tooltip="submit once every item is paired"),
    ]

    def __init__(self, item: Item) -> None:
        super().__init__(item)
        shape = shape_of(item.question)
        assert isinstance(shape, Pairs)
        self.lefts = [left for left, _ in shape.pairs]
        self.options = list(item.options)
        self.picks: list[int | None] = [None] * len(self.lefts)
        last = len(self.options)
        self.hint = f"↑↓ choose an item, 1-{last} pair it with an option, Enter when done."

    def compose(self) -> ComposeResult:
        with Vertical(id="pairs"):
            for left in self.lefts:
                with Horizontal(classes="pair"):
                    yield Static(Content(left), classes="left")
                    yield Static(Content("→"), classes="arrow")
                    yield Static(Content("…"), classes="pick")
        yield Static(Content("Options"), classes="options-title")
        for n, option in enumerate(self.options, start=1):
            yield Row(f"{n:>2}", option, classes="option")

    def on_mount(self) -> None:
        # the items' column as wide as the widest item (in terminal cells), within reason
        widest = max(cell_len(left) for left in self.lefts)
        for cell in self.query(".pair > .left"):
            cell.styles.width = min(widest + 2, 32)
        self._paint()

    def _pairs(self) -> list[Horizontal]:
        return list(self.query(".pair").results(Horizontal))

    def _paint(self) -> None:
        used = {p for p in self.picks if p is not None}
        for n, (row, pick) in enumerate(zip(self._pairs(), self.picks, strict=True)):
            row.set_class(n == self.cursor and self.has_focus and not self.locked, "-cursor")
            if self.locked:
                continue
            text = (
                Content.assemble((f"{pick + 1}  ", "$text-muted"), self.options[pick])
                if pick is not None
                else Content.styled("…", "$text-muted")
            )
            row.query_one(".pick", Static).update(text)
        for n, option in enumerate(self.query(".option").results(Row)):
            option.set_class(n in used and not self.locked, "-used")

    def on_key(self, event: events.Key) -> None:
        char = event.character or ""
        if self.locked or not char.isdigit():
            return
        index = int(char) - 1
        if 0 <= index < len(self.options):
            event.stop()
            event.prevent_default()
            self.pair(self.cursor, index)

    def pair(self, left: int, option: int) -> None:
        """Pair item ``left`` with option ``option`` (taking it from any other item)."""
        self.picks = [None if p == option else p for p in self.picks]
        self.picks[left] = option
        self.post_message(self.Hint(""))
        following = [i for i in range(left + 1, len(self.lefts)) if self.picks[i] is None]
        earlier = [i for i in range(left) if self.picks[i] is None]
        nxt = (following or earlier or [left])[0]
        if nxt != self.cursor:
            self.cursor = nxt
        self._paint()

    @property
    def cursor_rows(self) -> int:
        return len(self.lefts)

    def cursor_region(self) -> Region | None:
        pairs = self._pairs()
        return pairs[self.cursor].region if 0 <= self.cursor < len(pairs) else None

    def action_cursor(self, delta: int) -> None:
        if not self.locked:
            self.cursor = max(0, min(len(self.lefts) - 1, self.cursor + delta))

    def action_clear(self) -> None:
        if not self.locked:
            self.picks[self.cursor] = None
            self._paint()

    def action_done(self) -> None:
        if self.locked:
            return
        missing = sum(p is None for p in self.picks)
        if missing:
            self.post_message(
                self.Hint(f"Pair every item first ({missing} still open), then press Enter.")
            )
            return
        self.submit([self.options[p] for p in self.picks if p is not None])

    def reveal(self, result: Result) -> None:
        super().reveal(result)
        shape = shape_of(self.item.question)
        assert isinstance(shape, Pairs)
        for row, pick, (_, right), ok in zip(
            self._pairs(), self.picks, shape.pairs, result.grade.parts, strict=False
        ):
            row.remove_class("-cursor")
            row.add_class("-right" if ok else "-wrong")
            chosen = self.options[pick] if pick is not None else "—"
            if ok:
                text = Content.assemble(("✓ ", "$success"), chosen)
            else:
                text = Content.assemble(
                    ("✗ ", "$error"), (chosen, "strike"), "  ", (right, "$success")
                )
            row.query_one(".pick", Static).update(text)
        for option in self.query(".option").results(Row):
            option.display = False
        self.query_one(".options-title").display = False
