"""The authoring screen's small dialogs: a yes/no confirmation, quitting with unsaved changes,
and the help (its key table).
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from quiz.plural import plural
from quiz.tui.screens.author.styles import AUTHOR_CSS
from quiz.tui.screens.dialogs import HelpScreen

KEYS: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "Reviewing",
        [
            ("↑ ↓  /  j k", "move between questions"),
            ("Tab", "on a small terminal: show the question, then the list again"),
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
            (
                "ctrl+l",
                "clear the field: an optional one left empty is left out of the question, "
                "a required one says what it needs",
            ),
            (
                "ctrl+u  ctrl+k",
                "delete to the start or the end of the line (in a list, one per line, an "
                "emptied line is removed)",
            ),
            ("ctrl+s", "keep the changes (when the question is valid)"),
            ("ctrl+o", "multiple choice: other wrong options"),
            ("Esc", "cancel the changes"),
            ("F1", "these keys"),
        ],
    ),
]


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
            waiting = plural(self.pending, "question")
            is_are = "is" if self.pending == 1 else "are"
            body += (  # as saving does it (saved_message): they stay drafts, for next time
                f" ({waiting} still to review {is_are} saved as drafts, to review next time.)"
            )
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
