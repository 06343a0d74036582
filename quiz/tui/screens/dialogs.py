"""Small modal screens: confirm quitting, and the keys help."""

from __future__ import annotations

from pathlib import PurePath
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmQuit(ModalScreen[bool]):
    """Dismissed with True to quit."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,q", "answer(True)", "Quit", show=False),
        Binding("n,escape", "answer(False)", "Stay", show=False),
    ]

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content("Quit quiz?"), classes="title")
            yield Static(Content(self.message), classes="body")
            with Horizontal(classes="buttons"):
                yield Button("Stay  n", id="stay", variant="default", compact=True)
                yield Button("Quit  y", id="quit", variant="error", compact=True)

    def on_mount(self) -> None:
        self.query_one("#stay", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "quit")

    def action_answer(self, quit_: bool) -> None:
        self.dismiss(quit_)


KEYS: list[tuple[str, list[tuple[str, str]]]] = [
    ("Anywhere", [
        ("q  /  ctrl+q", "quit (after confirming); ctrl+q while typing"),
        ("?  /  F1", "this help (F1 while typing)"),
        ("ctrl+p", "command palette: every action by name"),
        ("ctrl+t", "switch between the light and dark theme"),
    ]),
    ("Home", [
        ("↑ ↓", "choose a bank"),
        ("Enter", "start a quiz on it"),
        ("r", "review what is due today, across your banks"),
        ("c", "cram the bank: practise it without changing its schedule"),
    ]),
    ("Answering", [
        ("1-6", "multiple choice: answer at once"),
        ("1-6, Enter", "“pick all that apply”: toggle choices, then submit"),
        ("t  f  (1  2)", "true or false"),
        ("Enter", "typed answers: submit (twice on an empty answer to give up)"),
        ("↑ ↓  [  ]", "ordering: choose an item, move it up or down (or shift+↑↓)"),
        ("↑ ↓  1-8", "matching: choose an item, pair it with an option; Backspace clears"),
        ("Enter / space", "continue after the feedback"),
        ("u", "after the feedback: undo that answer and answer again"),
        ("!", "after the feedback: flag the question as wrong or unclear"),
    ]),
    ("Summary", [
        ("r", "retry the questions you missed"),
        ("h  /  Esc", "back to the banks"),
    ]),
]


class HelpScreen(ModalScreen[None]):
    """The keys, section by section. Other help screens set ``HEADING`` and ``KEY_TABLE``."""

    CSS_PATH: ClassVar[str | PurePath | list[str | PurePath] | None] = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q,enter", "close", "Close", show=False),
    ]
    HEADING: ClassVar[str] = "Keys"
    KEY_TABLE: ClassVar[list[tuple[str, list[tuple[str, str]]]]] = KEYS

    def compose(self) -> ComposeResult:
        with Vertical(id="help"):
            yield Static(Content(self.HEADING), classes="title")
            with VerticalScroll(id="help-body"):
                for section, rows in self.KEY_TABLE:
                    yield Static(Content(section), classes="section")
                    for key, what in rows:
                        with Horizontal(classes="key-row"):
                            yield Static(Content(key), classes="key")
                            yield Static(Content(what), classes="what")
            yield Static(Content("Esc or ? closes"), classes="hint")

    def action_close(self) -> None:
        self.dismiss(None)
