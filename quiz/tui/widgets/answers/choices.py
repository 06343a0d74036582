"""Multiple choice and true/false: one keyed row per choice, all drawn by one widget."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Region, Size
from textual.reactive import reactive

from quiz.bank.types import shape_of
from quiz.bank.types.shapes import Choice, Statement
from quiz.session import Item, Result
from quiz.tui.text import as_content
from quiz.tui.widgets.answers.base import CursorAnswer

#: Cells of a row's key column (as :class:`~quiz.tui.widgets.answers.row.Row` has).
KEY_WIDTH = 5


class ChoiceList(CursorAnswer, can_focus=True):
    """Multiple choice (1-6 answers at once; with ``multiple`` they toggle and Enter submits)
    and true/false (t/f or 1/2).

    Each choice is drawn as a :class:`~quiz.tui.widgets.answers.row.Row` draws it (the key in a
    narrow column, the text wrapping beside it, a cell of padding either side), but by this one
    widget: a row widget per choice was two to six more widgets to style and lay out before a
    first question. A row's state (under the cursor, picked, right, wrong, another choice) is
    a component class, styled as the row widget's classes were."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "choice--key",
        "choice--cursor",
        "choice--picked",
        "choice--right",
        "choice--right-key",
        "choice--wrong",
        "choice--wrong-key",
        "choice--other",
    }

    DEFAULT_CSS = """
    ChoiceList > .choice--key { color: $accent; text-style: bold; }
    ChoiceList > .choice--cursor { background: $accent 20%; }
    ChoiceList > .choice--picked { text-style: bold; }
    ChoiceList > .choice--right { background: $success 15%; }
    ChoiceList > .choice--right-key { color: $success; }
    ChoiceList > .choice--wrong { background: $error 15%; }
    ChoiceList > .choice--wrong-key { color: $error; }
    ChoiceList > .choice--other { color: $text-muted; }
    """

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
    cursor: reactive[int] = reactive(-1, init=False, always_update=True)

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
        self._texts = [as_content(choice) for choice in self.choices]
        self._row_keys = [self._label(n) for n in range(len(self.choices))]
        self._verdicts: list[str] = ["" for _ in self.choices]  # the component class, once revealed

    def _label(self, index: int, label: str | None = None) -> str:
        label = label or (("T", "F")[index] if self.true_false else str(index + 1))
        if self.multiple:
            return ("■ " if index in self.picked else "□ ") + label
        return f" {label}"

    def _paint(self) -> None:
        if not self.locked:
            self._row_keys = [self._label(n) for n in range(len(self.choices))]
        self.refresh()

    def _state(self, index: int) -> tuple[str, ...]:
        """Row ``index``'s component classes, as the row widget's classes were."""
        state = []
        if index == self.cursor and self.has_focus and not self.locked:
            state.append("choice--cursor")
        if index in self.picked:
            state.append("choice--picked")
        if self._verdicts[index]:
            state.append(self._verdicts[index])
        return tuple(state)

    # ------------------------------------------------------------------ drawing

    def _lines(self, index: int, width: int) -> list[Content]:
        """Choice ``index``'s text wrapped beside its key, in a row ``width`` cells wide."""
        return self._texts[index].wrap(max(1, width - 2 - KEY_WIDTH)) or [Content()]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return sum(len(self._lines(n, width)) for n in range(len(self.choices)))

    def render(self) -> Content:
        width = self.content_size.width
        rows: list[Content] = []
        for n in range(len(self.choices)):
            state = self._state(n)
            key_classes = ["choice--key"]
            if "choice--right" in state:
                key_classes.append("choice--right-key")
            elif "choice--wrong" in state:
                key_classes.append("choice--wrong-key")
            key = Content(self._row_keys[n][:KEY_WIDTH].ljust(KEY_WIDTH)).stylize(
                self.get_visual_style(*key_classes, partial=True)
            )
            indent = Content(" " * KEY_WIDTH)
            look = self.get_visual_style(*state) if state else None
            for at, line in enumerate(self._lines(n, width)):
                text = Content(" ") + (key if at == 0 else indent) + line
                text = text + " " * max(0, width - text.cell_length)
                rows.append(text.stylize_before(look) if look is not None else text)
        return Content("\n").join(rows)

    def _choice_at(self, y: int) -> int | None:
        """The choice drawn on line ``y`` of this widget."""
        width = self.content_size.width
        for n in range(len(self.choices)):
            height = len(self._lines(n, width))
            if y < height:
                return n
            y -= height
        return None

    @property
    def cursor_rows(self) -> int:
        return len(self.choices)

    def cursor_region(self) -> Region | None:
        if not 0 <= self.cursor < len(self.choices):
            return None
        width = self.content_size.width
        above = sum(len(self._lines(n, width)) for n in range(self.cursor))
        box = self.content_region
        return Region(box.x, box.y + above, box.width, len(self._lines(self.cursor, width)))

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
        index = self._choice_at(event.y)
        if index is not None:
            self.focus()
            self.pick(index)

    def reveal(self, result: Result) -> None:
        super().reveal(result)
        shape = shape_of(self.item.question)
        if isinstance(shape, Choice):
            right = shape.correct_indices()
        else:
            assert isinstance(shape, Statement)
            right = frozenset({0 if shape.answer else 1})
        for n in range(len(self.choices)):
            # "pick all": the box still says what was ticked beside the verdict ("□ ✓" a right
            # one left unticked), which ✓ alone did not (a new user's trial)
            box = ("■ " if n in self.picked else "□ ") if self.multiple else " "
            if n in right:
                self._verdicts[n] = "choice--right"
                self._row_keys[n] = box + "✓"
            elif n in self.picked:
                self._verdicts[n] = "choice--wrong"
                self._row_keys[n] = box + "✗"
            else:
                self._verdicts[n] = "choice--other"
                self._row_keys[n] = box + " "
        self.refresh()
