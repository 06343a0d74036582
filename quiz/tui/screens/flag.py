"""Flag a question as wrong or unclear: a small dialog; the report is kept for the bank's
author (``Store.flag``; ``quiz results export`` carries it, ``quiz report`` lists it).

No reason is chosen for the learner: an Enter pressed by accident (or twice) files nothing but
a hint, since a flag nobody meant tells the author a question is broken. A note with no reason
chosen is sent as "something else": the note says what it is. The choice shows as ● / ○, not
only as a colour. Picking a reason moves to the note at once, so what is typed right after
(even in one fast burst) lands in the note; letters typed while the reasons have the focus
go to the note too."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.geometry import Size
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


class ReasonButton(RadioButton):
    """A reason, its state drawn as ● (chosen) or ○, not only by colour."""

    def render(self) -> Content:
        mark = Content.styled("●", "bold $accent") if self.value else Content("○")
        label = self.label.pad(1, 1).stylize_before(self.get_visual_style("toggle--label"))
        return Content.assemble(mark, label)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return 3 + self.label.cell_length


class ReasonSet(RadioSet):
    """The reasons; ↑↓ move, Enter (or space) picks the highlighted one and moves on to the
    note. Nothing is highlighted until an arrow is pressed, so an Enter picks nothing."""

    _highlight_at_mount = False

    def action_next_button(self) -> None:
        if not self._highlight_at_mount:  # RadioSet's mount highlights the first reason
            self._highlight_at_mount = True
            return
        super().action_next_button()

    def action_toggle_button(self) -> None:
        screen = self.screen
        if self._selected is None:  # nothing highlighted: Enter is Send, which says what it needs
            if isinstance(screen, FlagDialog):
                screen.action_send()
            return
        super().action_toggle_button()
        if isinstance(screen, FlagDialog):
            screen.to_note()


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
    FlagDialog #flag-hint { color: $warning; height: auto; display: none; }
    FlagDialog #flag-hint.-shown { display: block; }
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
                        yield ReasonButton(Content(f"{n + 1}  {label}"), compact=True)
                yield Static(Content(""), id="flag-hint")
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
    def reason(self) -> str | None:
        """The reason chosen, or None."""
        index = self.query_one("#reason", RadioSet).pressed_index
        return REASONS[index][0] if 0 <= index < len(REASONS) else None

    def report(self) -> FlagReport | None:
        """What Send files: None while there is neither a reason nor a note."""
        note = " ".join(self.query_one("#note", Input).value.split())
        reason = self.reason or ("other" if note else None)
        return None if reason is None else FlagReport(reason, note)

    def to_note(self) -> None:
        """The note takes the focus now, not after the keys already typed are handled."""
        self.set_focus(self.query_one("#note", Input))

    def action_reason(self, index: int) -> None:
        buttons = list(self.query(RadioButton))
        if 0 <= index < len(buttons):
            buttons[index].value = True
            self.query_one("#flag-hint", Static).remove_class("-shown")
            self.to_note()

    def on_key(self, event: events.Key) -> None:
        """A printable key the note did not take: 1-3 pick a reason while the note does not
        have the focus; one typed before the note had the focus (it was already on its way
        to the reasons) goes into the note; a letter typed while the reasons have the focus
        starts the note (there space and Enter pick the highlighted reason)."""
        note = self.query_one("#note", Input)
        character = event.character
        if not (event.is_printable and character):
            return
        if self.focused is not note and character in "123":
            # here rather than by the bindings alone: a binding is looked up once the key has
            # bubbled to the app, when the focus may have moved to the note already
            event.stop()
            event.prevent_default()
            self.action_reason(int(character) - 1)
        elif self.focused is note or not (character.isdigit() or character == " "):
            event.stop()
            event.prevent_default()
            if self.focused is not note:
                self.to_note()
            note.insert_text_at_cursor(character)

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
        report = self.report()
        if report is None:  # an Enter pressed by accident files nothing
            hint = self.query_one("#flag-hint", Static)
            hint.update(Content("Pick a reason first (1, 2 or 3), or write a note."))
            hint.add_class("-shown")
            self.query_one("#reason", RadioSet).focus()
            return
        self.dismiss(report)

    def action_cancel(self) -> None:
        self.dismiss(None)
