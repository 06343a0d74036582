"""Flag a question as wrong or unclear: a small dialog; the report is kept for the bank's
author (``Store.flag``; a ``quiz report`` lists them)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, RadioButton, RadioSet, Static

from quiz.bank.model import Question

#: (reason kept in the store, what the learner reads)
REASONS: tuple[tuple[str, str], ...] = (
    ("wrong", "The answer is wrong"),
    ("unclear", "The question is unclear"),
    ("other", "Something else"),
)

NOTE_MAX = 500


class ReasonSet(RadioSet):
    """The reasons; Enter (or space) picks the highlighted one and moves on to the note."""

    def action_toggle_button(self) -> None:
        super().action_toggle_button()
        self.screen.query_one("#note", Input).focus()


@dataclass(frozen=True)
class FlagReport:
    reason: str
    note: str = ""


class FlagDialog(ModalScreen[FlagReport | None]):
    """Dismissed with a :class:`FlagReport`, or ``None`` when cancelled."""

    DEFAULT_CSS = """
    FlagDialog { align: center middle; background: $background 60%; }
    FlagDialog #flag {
        width: 64; max-width: 100%; height: auto; max-height: 100%; padding: 0 1;
        background: $surface; border: round $accent 60%;
    }
    FlagDialog .title { text-style: bold; dock: top; }
    FlagDialog #flag-body { height: auto; max-height: 100%; scrollbar-size-vertical: 1; }
    FlagDialog .prompt { color: $text-muted; margin-bottom: 1; }
    FlagDialog RadioSet { width: 100%; border: none; padding: 0; background: transparent; }
    FlagDialog .label { margin-top: 1; color: $text-muted; }
    FlagDialog Input { margin-top: 0; }
    FlagDialog .buttons { height: auto; align-horizontal: right; dock: bottom; }
    FlagDialog Button { margin-left: 2; min-width: 0; width: auto; padding: 0 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", show=False, tooltip="back, nothing flagged"),
        Binding("1", "reason(0)", show=False, tooltip="the answer is wrong"),
        Binding("2", "reason(1)", show=False, tooltip="the question is unclear"),
        Binding("3", "reason(2)", show=False, tooltip="something else"),
        Binding(
            "ctrl+s", "send", "Send", show=False, tooltip="send the flag (Enter in the note too)"
        ),
    ]

    def __init__(self, question: Question) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="flag"):
            yield Static(Content("Flag this question for its author"), classes="title")
            with VerticalScroll(id="flag-body"):
                yield Static(Content(self.question.prompt), classes="prompt")
                with ReasonSet(id="reason", compact=True):
                    for n, (_, label) in enumerate(REASONS):
                        yield RadioButton(f"{n + 1}  {label}", value=n == 0, compact=True)
                yield Static(Content("Note (optional) — Enter sends"), classes="label")
                yield Input(
                    placeholder="what is wrong, what the answer should be…",
                    id="note",
                    max_length=NOTE_MAX,
                    compact=True,
                )
            with Horizontal(classes="buttons"):
                yield Button("Cancel  esc", id="cancel", compact=True)
                yield Button("Send  ⏎", id="send", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#reason", RadioSet).focus()

    @property
    def reason(self) -> str:
        index = self.query_one("#reason", RadioSet).pressed_index
        return REASONS[index if 0 <= index < len(REASONS) else 0][0]

    def report(self) -> FlagReport:
        note = " ".join(self.query_one("#note", Input).value.split())
        return FlagReport(self.reason, note)

    def action_reason(self, index: int) -> None:
        buttons = list(self.query(RadioButton))
        if 0 <= index < len(buttons):
            buttons[index].value = True
            self.query_one("#note", Input).focus()

    @on(Input.Submitted)
    def _entered(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_send()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "send":
            self.action_send()
        else:
            self.action_cancel()

    def action_send(self) -> None:
        self.dismiss(self.report())

    def action_cancel(self) -> None:
        self.dismiss(None)
