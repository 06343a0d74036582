"""Small modal screens: confirm quitting or ending a quiz, and the keys help.

The help is built from the screens' own bindings (their keys, and the ``tooltip`` of each as
its longer text), so that it lists every key the key bars show and cannot drift from them;
only what is not a binding (the number keys that answer a choice) is written out here. It
opens on the keys of the screen it was opened from (its section first, marked "this screen"),
then the keys that work anywhere, then the rest.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from quiz.tui.kept import answers

if TYPE_CHECKING:
    from textual.app import App

#: A section of the help: its title and its rows, (keys as shown, what they do).
HelpSection = tuple[str, list[tuple[str, str]]]


class ConfirmQuit(ModalScreen[bool]):
    """Dismissed with True to quit."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,q", "answer(True)", "Quit", show=False, tooltip="yes, quit"),
        Binding("n,escape", "answer(False)", "Stay", show=False, tooltip="no, stay"),
    ]
    TITLE_TEXT: ClassVar[str] = "Quit quiz?"
    STAY: ClassVar[str] = "Stay  n"
    GO: ClassVar[str] = "Quit  y"

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content(self.TITLE_TEXT), classes="title")
            yield Static(Content(self.message), classes="body")
            with Horizontal(classes="buttons"):
                yield Button(self.STAY, id="stay", variant="default", compact=True)
                yield Button(self.GO, id="quit", variant="error", compact=True)

    #: Stay has the focus: an Enter too many keeps the learner where they are. (Textual's own
    #: auto focus, not a query in on_mount: a dialog pushed while the app is closing is never
    #: composed, and must not fail.)
    AUTO_FOCUS = "#stay"

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "quit")

    def action_answer(self, quit_: bool) -> None:
        self.dismiss(quit_)


class ConfirmEnd(ConfirmQuit):
    """``q`` in a quiz: dismissed with True to end it (its summary follows)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,q", "answer(True)", "End", show=False, tooltip="yes, end the quiz"),
        Binding(
            "n,escape",
            "answer(False)",
            "Keep going",
            show=False,
            tooltip="no, back to the question",
        ),
    ]
    TITLE_TEXT = "End this quiz?"
    STAY = "Keep going  n"
    GO = "End  y"

    def __init__(self, answered: int, total: int, kept: str = "every answer is saved") -> None:
        """``kept`` says truly where the answers are (:func:`answers_kept`)."""
        if answered:
            message = f"You answered {answered} of {total}; {kept}. The summary shows how it went."
        else:
            message = "Nothing answered yet."
        super().__init__(message)


class UnsavedAnswers(ModalScreen[str]):
    """Quitting would lose answers that neither the database nor the journal took. Dismissed
    with ``"retry"`` (wait and try saving again), ``"file:PATH"`` (write them to a file the
    learner names), ``"lose"`` (quit anyway) or ``"stay"``."""

    CSS_PATH = "dialogs.tcss"
    DEFAULT_CSS = """
    UnsavedAnswers { align: center middle; background: $background 60%; }
    UnsavedAnswers #unsaved-path { margin-bottom: 1; }
    UnsavedAnswers #unsaved-path.-hidden { display: none; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "answer('retry')", "Try again", show=False, tooltip="try saving again"),
        Binding(
            "s",
            "ask_file",
            "Save to a file",
            show=False,
            tooltip="write the answers to a file you name",
        ),
        Binding("escape", "answer('stay')", "Stay", show=False, tooltip="back to quiz"),
    ]

    def __init__(self, at_risk: int, reason: str, suggested: str) -> None:
        super().__init__()
        self.at_risk = at_risk
        self.reason = reason
        self.suggested = suggested

    @property
    def message(self) -> str:
        return (
            f"{answers(self.at_risk)} would be lost: quiz could not save "
            f"{'them' if self.at_risk > 1 else 'it'} ({self.reason}). Try again once there "
            "is room, or save them to a file you name."
        )

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content("Answers not saved"), classes="title")
            yield Static(Content(self.message), classes="body", id="unsaved-message")
            yield Input(
                self.suggested,
                id="unsaved-path",
                classes="-hidden",
                placeholder="a file to write them to",
            )
            with Horizontal(classes="buttons"):
                yield Button("Retry  r", id="retry", variant="primary", compact=True)
                yield Button("Save to file  s", id="file", variant="default", compact=True)
                yield Button("Lose them", id="lose", variant="error", compact=True)

    AUTO_FOCUS = "#retry"

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "file":
            self.action_ask_file()
        else:
            self.dismiss(event.button.id or "stay")

    def action_ask_file(self) -> None:
        path = self.query_one("#unsaved-path", Input)
        if path.has_class("-hidden"):
            path.remove_class("-hidden")
            path.focus()
        else:
            self._write_to(path.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._write_to(event.value)

    def _write_to(self, value: str) -> None:
        if value.strip():
            self.dismiss(f"file:{value.strip()}")

    def action_answer(self, choice: str) -> None:
        self.dismiss(choice)


# ---------------------------------------------------------------------- the help


def binding_rows(app: App[object], bindings: Iterable[BindingType]) -> list[tuple[str, str]]:
    """One row per thing done: every key that does it as the key bar shows keys
    (``⏎ / space``), and the ``tooltip`` (else the description). Bindings that only mark a
    key as taken (no action) are left out."""
    rows: dict[str, list[str]] = {}
    for binding in Binding.make_bindings(bindings):
        if not binding.action:
            continue
        keys = rows.setdefault(binding.tooltip or binding.description or binding.action, [])
        shown = app.get_key_display(binding)
        if shown not in keys:
            keys.append(shown)
    return [(" / ".join(keys), text) for text, keys in rows.items()]


def help_sections(app: App[object]) -> list[HelpSection]:
    """The whole help, screen by screen, from the bindings of each."""
    from quiz.tui.screens.flag import FlagDialog
    from quiz.tui.screens.home import BankList, HomeScreen
    from quiz.tui.screens.quiz import QuizScreen
    from quiz.tui.screens.report import DetailPane, ReportScreen
    from quiz.tui.screens.review import ReviewScreen
    from quiz.tui.screens.start import StartDialog
    from quiz.tui.screens.stats import StatsScreen
    from quiz.tui.screens.summary import SummaryScreen
    from quiz.tui.widgets.answers import ChoiceList, MatchingBoard, OrderingList, TextAnswer

    palette = Binding(app.COMMAND_PALETTE_BINDING, "command_palette", "Palette")
    anywhere = binding_rows(app, type(app).BINDINGS)

    def rows(app: App[object], bindings: Iterable[BindingType]) -> list[tuple[str, str]]:
        """A screen's rows, less what "Anywhere" says already (ctrl+t on home)."""
        return [row for row in binding_rows(app, bindings) if row not in anywhere]

    return [
        (
            "Anywhere",
            [
                *anywhere,
                (app.get_key_display(palette), "command palette: every action by name"),
            ],
        ),
        (
            "Your banks (home)",
            [
                ("↑ ↓", "choose a bank"),
                *rows(app, [*HomeScreen.BINDINGS, *BankList.BINDINGS]),
            ],
        ),
        (
            "Starting a quiz",
            [
                ("Tab", "the next choice: how many, types, tags, missed last time"),
                ("space", "tick or untick a type or a tag"),
                *rows(app, StartDialog.BINDINGS),
            ],
        ),
        ("In a quiz", rows(app, QuizScreen.BINDINGS)),
        (
            "Choices, true or false",
            [
                ("1-6", "multiple choice: answer at once"),
                ("1-6, ⏎", "“pick all that apply”: toggle choices, then submit"),
                ("t  f  (1  2)", "true or false"),
                *rows(app, ChoiceList.BINDINGS),
            ],
        ),
        (
            "Typed answers",
            [
                (
                    "⏎",
                    "submit (twice on an empty answer to give up); numbers as 3400, 3,400, "
                    "3.4k or in words (“seventy”, “two million”)",
                ),
                *rows(app, TextAnswer.BINDINGS),
            ],
        ),
        ("Put in order", rows(app, OrderingList.BINDINGS)),
        (
            "Matching",
            [
                ("1-8", "pair the chosen item with that option"),
                *rows(app, MatchingBoard.BINDINGS),
            ],
        ),
        ("Flag a question", rows(app, FlagDialog.BINDINGS)),
        ("Summary", rows(app, SummaryScreen.BINDINGS)),
        ("Review", rows(app, ReviewScreen.BINDINGS)),
        ("Stats", rows(app, StatsScreen.BINDINGS)),
        ("Report (quiz report --tui)", rows(app, [*ReportScreen.BINDINGS, *DetailPane.BINDINGS])),
    ]


#: The help's section for the keys of each screen, by the screen's class name.
SECTION_OF = {
    "HomeScreen": "Your banks (home)",
    "StartDialog": "Starting a quiz",
    "QuizScreen": "In a quiz",
    "FlagDialog": "Flag a question",
    "SummaryScreen": "Summary",
    "ReviewScreen": "Review",
    "StatsScreen": "Stats",
    "ReportScreen": "Report (quiz report --tui)",
}
THIS_SCREEN = " — this screen"


def first_for(sections: Sequence[HelpSection], screen: object) -> list[HelpSection]:
    """``sections`` with the one of ``screen`` first, its title marked; as they are when the
    screen has none."""
    title = SECTION_OF.get(type(screen).__name__)
    mine = [(t + THIS_SCREEN, rows) for t, rows in sections if t == title]
    return [*mine, *((t, rows) for t, rows in sections if t != title)]


class HelpScreen(ModalScreen[None]):
    """The keys, section by section, in a scrolling box that fits any terminal. Built from
    the bindings (:func:`help_sections`); other help screens set ``HEADING`` and
    ``KEY_TABLE``."""

    CSS_PATH: ClassVar[str | PurePath | list[str | PurePath] | None] = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q,enter", "close", "Close", show=False),
    ]
    HEADING: ClassVar[str] = "Keys"
    KEY_TABLE: ClassVar[Sequence[HelpSection] | None] = None
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (60, "-wide")]  # noqa: RUF012 (Screen's type)

    def sections(self) -> Sequence[HelpSection]:
        """The sections, those of the screen the help was opened from first."""
        if self.KEY_TABLE is not None:
            return self.KEY_TABLE
        return first_for(help_sections(self.app), self.opened_from())

    def opened_from(self) -> object:
        """The screen under this one (the app's current screen while it is being built)."""
        stack = self.app.screen_stack
        if self in stack:
            below = stack[: stack.index(self)]
            return below[-1] if below else None
        return stack[-1] if stack else None

    def compose(self) -> ComposeResult:
        with Vertical(id="help"):
            yield Static(Content(self.HEADING), classes="title")
            with VerticalScroll(id="help-body"):
                for section, rows in self.sections():
                    yield Static(Content(section), classes="section")
                    for key, what in rows:
                        with Horizontal(classes="key-row"):
                            yield Static(Content(key), classes="key")
                            yield Static(Content(what), classes="what")
            yield Static(Content("↑ ↓ scroll  ·  Esc or ? closes"), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

    def action_close(self) -> None:
        self.dismiss(None)
