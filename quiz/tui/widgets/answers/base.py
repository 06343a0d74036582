"""What every answer input is: it posts :class:`AnswerWidget.Submitted` with the response
(in the shape :func:`quiz.grading.grade` expects) and, once graded, shows which parts were
right with :meth:`AnswerWidget.reveal`; :class:`CursorAnswer` is one with a row cursor."""

from __future__ import annotations

from textual.geometry import Region
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from quiz.session import Item, Result

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

    def focus_target(self) -> Widget:
        """The widget that takes the keys when the question is shown."""
        return self

    def start(self) -> None:
        """Take the focus so the learner can answer straight away — without scrolling to the
        input: on a small terminal (40x12) that scrolled the question itself out of view.

        The focus moves now, not after the next refresh as ``Widget.focus`` moves it: called
        when the input is mounted, before the screen's auto-focus, the first question is
        painted with its input focused. (With ``Widget.focus`` the screen first focused the
        scroll, restyling the whole card, painted that, then moved the focus and restyled the
        card again.)"""
        self.screen.set_focus(self.focus_target(), scroll_visible=False)

    def on_mount(self) -> None:
        self.start()

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
    moves or the focus comes or goes. Each move posts :class:`CursorMoved`, once laid out, so
    the screen keeps the row under the cursor in view: on a small terminal (40x12) the rows
    below the first few are under the fold."""

    class CursorMoved(Message):
        """The cursor moved (or its row did): keep :meth:`CursorAnswer.cursor_region` in view."""

        def __init__(self, answer: CursorAnswer) -> None:
            super().__init__()
            self.answer = answer

    #: Updated (and followed) even when a key leaves it where it was: ↑ on the first row,
    #: after the learner scrolled it away, brings it back.
    cursor: reactive[int] = reactive(0, init=False, always_update=True)

    def on_mount(self) -> None:
        self._paint()

    def watch_cursor(self) -> None:
        self._paint()
        if not self.locked:
            # after the layout: a moved item may wrap to another height
            self.call_after_refresh(self._cursor_moved)

    def _cursor_moved(self) -> None:
        if not self.locked and self.is_attached:
            self.post_message(self.CursorMoved(self))

    @property
    def cursor_rows(self) -> int:
        """How many rows the cursor moves over."""
        raise NotImplementedError

    def cursor_region(self) -> Region | None:
        """Where the row under the cursor is on screen (None: no row is)."""
        raise NotImplementedError

    def on_focus(self) -> None:
        self._paint()

    def on_blur(self) -> None:
        self._paint()

    def _paint(self) -> None:
        raise NotImplementedError
