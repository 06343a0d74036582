"""The input for each question type. Each posts :class:`AnswerWidget.Submitted` with the
response (in the shape :func:`quiz.grading.grade` expects) and, once graded, shows which parts
were right with :meth:`AnswerWidget.reveal`."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import ClassVar

from rich.cells import cell_len
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Input, Static

from quiz.bank.model import Bank
from quiz.bank.types import shape_of
from quiz.bank.types.shapes import (
    Blanks,
    Choice,
    Number,
    Pairs,
    Sequence,
    Shape,
    Statement,
    TextAnswers,
)
from quiz.session import Item, Result
from quiz.tui.text import as_content

GIVE_UP = "Nothing typed — press Enter again to give up on this one."


class AnswerWidget(Widget):
    """Base of the per-type inputs.

    Each input's styles are its own ``DEFAULT_CSS``: Textual parses them when the first
    question of that type is shown, not at every start."""

    DEFAULT_CSS = """
    AnswerWidget { height: auto; }
    """

    class Submitted(Message):
        def __init__(self, response: object) -> None:
            super().__init__()
            self.response = response

    class Hint(Message):
        """Ask the screen to show a short hint under the input ("" restores the default)."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    #: The hint shown under the input before answering.
    hint: str = ""

    def __init__(self, item: Item, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="answer")
        self.item = item
        self.locked = False

    def start(self) -> None:
        """Take the focus so the learner can answer straight away."""
        self.focus()

    def reveal(self, result: Result) -> None:
        """Show the verdict on the input and stop taking answers."""
        self.locked = True
        self.add_class("-locked")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # once answered, Enter and space fall through to the screen ("continue")
        return not self.locked

    def submit(self, response: object) -> None:
        if not self.locked:
            self.post_message(self.Submitted(response))


class CursorAnswer(AnswerWidget):
    """An input with a row cursor (choices, ordering, matching): repainted whenever the cursor
    moves or the focus comes or goes."""

    cursor: reactive[int] = reactive(0, init=False)

    def on_mount(self) -> None:
        self._paint()

    def watch_cursor(self) -> None:
        self._paint()

    def on_focus(self) -> None:
        self._paint()

    def on_blur(self) -> None:
        self._paint()

    def _paint(self) -> None:
        raise NotImplementedError


# --------------------------------------------------------------------------- choices


class Row(Widget):
    """A keyed line: the key in a narrow column and the text wrapping beside it (a hanging
    indent), so long choices stay aligned.

    One widget draws both: a key widget and a text widget side by side cost three widgets per
    row, and every widget adds styling, layout and compositing to the first paint of a
    question (about 2 ms each, measured with ``benchmarks/run.py --only startup``)."""

    KEY_WIDTH = 5

    COMPONENT_CLASSES: ClassVar[set[str]] = {"row--key"}

    DEFAULT_CSS = """
    Row { height: auto; padding: 0 1; }
    Row > .row--key { color: $accent; text-style: bold; }
    Row.-cursor { background: $accent 20%; }
    Row.-picked { text-style: bold; }
    Row.-right { background: $success 15%; }
    Row.-right > .row--key { color: $success; }
    Row.-wrong { background: $error 15%; }
    Row.-wrong > .row--key { color: $error; }
    Row.-other, Row.-used { color: $text-muted; }
    Row.-used > .row--key { color: $text-muted; text-style: none; }
    """

    def __init__(self, key: str, text: Content | str, *, classes: str = "") -> None:
        super().__init__(classes=classes)
        self._key = key
        self._text = as_content(text)

    def set_key(self, key: str) -> None:
        if key != self._key:
            self._key = key
            self.refresh()

    def set_text(self, text: Content | str) -> None:
        content = as_content(text)
        if not content.is_same(self._text):
            self._text = content
            self.refresh(layout=True)

    def _lines(self, width: int) -> list[Content]:
        return self._text.wrap(max(1, width - self.KEY_WIDTH)) or [Content()]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def render(self) -> Content:
        key = Content(self._key[: self.KEY_WIDTH].ljust(self.KEY_WIDTH)).stylize(
            self.get_visual_style("row--key", partial=True)
        )
        indent = Content(" " * self.KEY_WIDTH)
        lines = self._lines(self.content_size.width)
        return Content("\n").join(
            (key if n == 0 else indent) + line for n, line in enumerate(lines)
        )


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


# --------------------------------------------------------------------------- typed


class TextAnswer(AnswerWidget):
    """Cloze (one input per blank), short answer and numeric (with its unit). While typing,
    q and ? are letters: ctrl+q quits and F1 shows the help."""

    DEFAULT_CSS = """
    TextAnswer {
        .typed-row { height: auto; margin-bottom: 1; }
        .typed-row Input {
            width: 1fr;
            max-width: 60;
            background: $boost;
            padding: 0 1;
            &:focus { background: $accent 15%; }
            &.-right { background: $success 20%; }
            &.-wrong { background: $error 20%; }
            &:disabled { opacity: 100%; color: $foreground; }
        }
        .blank-label, .unit { width: auto; height: 1; padding: 0 1; color: $text-muted; }
        .blank-label { color: $accent; text-style: bold; padding: 0 1 0 0; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+q", "screen.end", "End", tooltip="while typing: end the quiz (q is a letter here)"
        ),
        Binding("f1", "app.help", "Help", tooltip="while typing: this help (? is a letter)"),
    ]

    def __init__(self, item: Item, bank: Bank | None = None) -> None:
        super().__init__(item)
        shape = shape_of(item.question)
        self.numeric = isinstance(shape, Number)
        self.unit = shape.unit if isinstance(shape, Number) else ""
        self.blanks = isinstance(shape, Blanks)
        if isinstance(shape, Blanks):
            n = len(shape.blanks)
            self.labels = [f"({i})" for i in range(1, n + 1)] if n > 1 else [""]
        else:
            self.labels = [""]
        self._empty_enter = False
        self.examples = number_examples(bank or item.bank) if self.numeric else ""
        if self.numeric:
            self.hint = f"Type a number, then Enter: {self.examples} all work."
        elif len(self.labels) > 1:
            self.hint = "Fill each blank; Enter moves to the next and submits on the last."
        else:
            self.hint = "Type your answer and press Enter."

    def compose(self) -> ComposeResult:
        placeholder = "a number" if self.numeric else "your answer"
        for n, label in enumerate(self.labels):
            with Horizontal(classes="typed-row"):
                if label:
                    yield Static(Content(label), classes="blank-label")
                field = Input(
                    placeholder=placeholder, id=f"blank-{n}", select_on_focus=False, compact=True
                )
                field.cursor_blink = self.app.cursor_blink  # type: ignore[attr-defined]
                yield field
                if self.unit:
                    yield Static(Content(self.unit), classes="unit")

    def inputs(self) -> list[Input]:
        return list(self.query(Input).results(Input))

    def start(self) -> None:
        self.inputs()[0].focus()

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


# --------------------------------------------------------------------------- matching


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


#: The one place a question is given its input: by the export shape its type presents as
#: (``quiz/bank/types/shapes.py``), so a new type on an existing shape is played with no
#: change here. A type with no shape of its own (``NoExport``) has no input yet: it would be
#: added here, by its type name, in :data:`BY_TYPE`.
BY_SHAPE: dict[type[Shape], Callable[[Item, Bank | None], AnswerWidget]] = {
    Choice: lambda item, bank: ChoiceList(item),
    Statement: lambda item, bank: ChoiceList(item),
    Blanks: TextAnswer,
    TextAnswers: TextAnswer,
    Number: TextAnswer,
    Sequence: lambda item, bank: OrderingList(item),
    Pairs: lambda item, bank: MatchingBoard(item),
}
#: A type's own input, by its name in a bank file, ahead of its shape's (none today).
BY_TYPE: dict[str, Callable[[Item, Bank | None], AnswerWidget]] = {}


def answer_widget(item: Item, bank: Bank | None = None) -> AnswerWidget:
    """The input for ``item``'s question (see :data:`BY_SHAPE`); ``bank`` is the question's
    bank (the hint of a number question is chosen so that it gives none of its answers away)."""
    question = item.question
    make = BY_TYPE.get(question.TYPE) or BY_SHAPE.get(type(shape_of(question)))
    if make is None:
        raise TypeError(f"no input for {type(question).__name__}")
    return make(item, bank)


#: The examples a number question's hint can show, in the order tried: (value, as typed).
#: A hint must never be the answer of a question of the bank (the founding bank's "80000,
#: 80,000 and 80k" was literally one), so the first example whose value no question of the
#: bank answers is shown.
DIGIT_EXAMPLES: tuple[tuple[float, str], ...] = (
    (3400, "3400, 3,400, 3.4k"),
    (2700, "2700, 2,700, 2.7k"),
    (5600, "5600, 5,600, 5.6k"),
    (7100, "7100, 7,100, 7.1k"),
)
WORD_EXAMPLES: tuple[tuple[float, str], ...] = (
    (2e6, "two million"),
    (70, "seventy"),
    (3e6, "three million"),
    (90, "ninety"),
)
_EXAMPLES_OF: dict[tuple[str, str, int], str] = {}  # a bank is looked through once


def number_examples(bank: Bank | None) -> str:
    """``3400, 3,400, 3.4k and “two million”``, or other examples when the bank has one of
    those numbers among its answers (a number question's, within its tolerance; a typed
    answer or blank that is a number)."""
    key = ("", "", 0) if bank is None else (bank.id, bank.path, len(bank.questions))
    found = _EXAMPLES_OF.get(key)
    if found is not None:
        return found
    taken = _bank_numbers(bank)

    def free(value: float) -> bool:
        return all(abs(value - answer) > max(slack, 1e-9 * abs(answer)) for answer, slack in taken)

    digits = next((text for value, text in DIGIT_EXAMPLES if free(value)), "")
    words = next((text for value, text in WORD_EXAMPLES if free(value)), "")
    shown = " and ".join(bit for bit in (digits, f"“{words}”" if words else "") if bit)
    found = shown or "a number in digits or in words"
    if bank is not None:
        _EXAMPLES_OF[key] = found
    return found


_PLAIN_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _bank_numbers(bank: Bank | None) -> list[tuple[float, float]]:
    """(value, tolerance) of each number the bank takes as an answer: no parsing of words
    here (that would load the grader before the first answer); plain figures are enough to
    keep the examples clear of them."""
    if bank is None:
        return []
    numbers: list[tuple[float, float]] = []
    for question in bank.questions:
        shape = shape_of(question)
        if isinstance(shape, Number):
            numbers.append((shape.answer, shape.tolerance))
            continue
        texts: tuple[str, ...] = ()
        if isinstance(shape, TextAnswers):
            texts = shape.answers
        elif isinstance(shape, Blanks):
            texts = tuple(text for blank in shape.blanks for text in blank)
        for text in texts:
            for match in _PLAIN_NUMBER.finditer(text):
                numbers.append((float(match[0].replace(",", "")), 0.0))
    return numbers


def _parse_number(text: str) -> float | None:
    from quiz.grading import parse_number  # when a number is submitted, not at start-up

    return parse_number(text)
