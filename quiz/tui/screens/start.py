"""The start dialog of the home screen: how many questions, which types and tags, only the
ones missed last time; then a quiz, or cram (the same questions, no schedule touched).

It opens on the learner's last choice for the bank (:mod:`quiz.tui.choices`) and says, as
choices change, how many questions they leave, so Start is never pressed on nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, OptionList, Static
from textual.widgets.option_list import Option

from quiz.bank.model import TYPE_NAMES, Bank
from quiz.tui.choices import StartChoice


@dataclass(frozen=True)
class StartRequest:
    """What the dialog was closed with: the choice, and whether to cram rather than play."""

    choice: StartChoice
    cram: bool = False


class TickBox(Checkbox):
    """A checkbox drawn as the lists above draw theirs, ``[x]`` or ``[ ]``: Textual's draws the
    same ``X`` ticked or not and tells them apart by colour alone, so a disabled one (nothing
    missed last time) read as ticked."""

    @property
    def _button(self) -> Content:
        return Content("[x]" if self.value else "[ ]")


def _only_box(label: str, count: int, box_id: str, *, ticked: bool, usable: bool = True) -> TickBox:
    """A "only the ones …" filter, with how many questions it keeps; off when there are none."""
    return TickBox(
        f"{label} ({count or 'none'})",
        ticked,
        id=box_id,
        disabled=not count or not usable,
        compact=True,
    )


class CheckList(OptionList):
    """Items to tick: ``[x] Matching  6`` or ``[ ] Matching  6`` (a tick that reads in any
    terminal, colours or not); space or Enter ticks the highlighted one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "select", "Tick", show=False, tooltip="tick or untick"),
    ]

    class Changed(Message):
        """The ticks changed."""

    def __init__(
        self, items: Sequence[tuple[str, str]], ticked: Sequence[str], *, id: str | None = None
    ) -> None:
        self.items = list(items)
        self.chosen = {value for value, _label in items if value in set(ticked)}
        super().__init__(
            *[Option(self._label(v, label), id=v) for v, label in items], id=id, compact=True
        )

    def _label(self, value: str, label: str) -> Content:
        box = "[x] " if value in self.chosen else "[ ] "
        return Content.assemble((box, "bold $accent" if value in self.chosen else ""), label)

    def ticked(self) -> tuple[str, ...]:
        """The values ticked, in the list's order."""
        return tuple(value for value, _label in self.items if value in self.chosen)

    @on(OptionList.OptionSelected)
    def _toggle(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        value = event.option.id or ""
        self.chosen ^= {value}
        label = dict(self.items)[value]
        self.replace_option_prompt_at_index(event.option_index, self._label(value, label))
        self.post_message(self.Changed())


class StartDialog(ModalScreen[StartRequest | None]):
    """Dismissed with a :class:`StartRequest`, or ``None`` when cancelled."""

    DEFAULT_CSS = """
    StartDialog { align: center middle; background: $background 60%; }
    StartDialog #start {
        width: 64; max-width: 100%; height: auto; max-height: 100%;
        padding: 0 1; background: $surface; border: round $accent 60%;
    }
    StartDialog .title { text-style: bold; dock: top; }
    StartDialog #start-body { height: auto; max-height: 100%; scrollbar-size-vertical: 1; }
    StartDialog .field { height: auto; margin-top: 1; }
    StartDialog .field > .label { width: 10; color: $text-muted; }
    StartDialog #count { width: 10; background: $boost; }
    StartDialog #count:focus { background: $accent 15%; }
    StartDialog .of { width: auto; padding: 0 1; color: $text-muted; }
    StartDialog .list-label { margin-top: 1; color: $text-muted; }
    StartDialog CheckList { border: none; padding: 0; background: transparent; height: auto; }
    StartDialog CheckList > .option-list--option-highlighted { background: $accent 12%; }
    StartDialog CheckList:focus > .option-list--option-highlighted { background: $accent 25%; }
    StartDialog Checkbox { border: none; padding: 0; margin-top: 1; background: transparent; }
    StartDialog #matching { margin-top: 1; }
    StartDialog #matching.-none { color: $error; text-style: bold; }
    StartDialog .buttons { height: auto; align-horizontal: right; dock: bottom; }
    StartDialog Button { margin-left: 1; min-width: 0; width: auto; padding: 0 1; }
    StartDialog #keys { color: $text-muted; margin-top: 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="back to your banks"),
        Binding(
            "ctrl+s",
            "start",
            "Start",
            tooltip="start the quiz with these choices (Enter in “How many” too)",
        ),
        Binding(
            "ctrl+r",
            "cram",
            "Cram",
            tooltip="cram these questions: practise them without touching the schedule",
        ),
    ]

    def __init__(
        self,
        bank: Bank,
        choice: StartChoice | None = None,
        missed: Sequence[str] = (),
        unanswered: Sequence[str] = (),
    ) -> None:
        super().__init__()
        self.bank = bank
        self.missed = tuple(missed)
        self.unanswered = tuple(unanswered)
        given = choice or StartChoice()
        self.types = Counter(q.TYPE for q in bank.questions)
        self.tags = Counter(tag for q in bank.questions for tag in q.tags)
        self.initial = StartChoice(
            count=given.count,
            types=tuple(t for t in given.types if t in self.types),
            tags=tuple(t for t in given.tags if t in self.tags),
            missed_only=given.missed_only and bool(self.missed),
            new_only=given.new_only and bool(self.unanswered),
        )

    def compose(self) -> ComposeResult:
        with Vertical(id="start"):
            yield Static(Content(f"Start: {self.bank.title}"), classes="title")
            with VerticalScroll(id="start-body"):
                with Horizontal(classes="field"):
                    yield Static(Content("How many"), classes="label")
                    count = "" if self.initial.count is None else str(self.initial.count)
                    yield Input(
                        count,
                        placeholder="all",
                        type="integer",
                        id="count",
                        max_length=5,
                        compact=True,
                        select_on_focus=True,
                    )
                    yield Static(Content(f"of {len(self.bank.questions)}"), classes="of")
                yield Static(Content("Types (none ticked: every type)"), classes="list-label")
                yield CheckList(
                    [
                        (t, f"{TYPE_NAMES.get(t, t)}  {n}")
                        for t, n in sorted(self.types.items(), key=lambda kv: -kv[1])
                    ],
                    self.initial.types,
                    id="types",
                )
                if self.tags:
                    yield Static(Content("Tags (none ticked: every tag)"), classes="list-label")
                    yield CheckList(
                        [
                            (tag, f"{tag}  {n}")
                            for tag, n in sorted(self.tags.items(), key=lambda kv: -kv[1])
                        ],
                        self.initial.tags,
                        id="tags",
                    )
                yield _only_box(
                    "Only the ones I missed last time",
                    len(self.missed),
                    "missed",
                    ticked=self.initial.missed_only,
                )
                # a quiz left midway goes on here: what was never answered (all of it: nothing
                # to choose)
                yield _only_box(
                    "Only the ones I haven't answered yet",
                    len(self.unanswered),
                    "new",
                    ticked=self.initial.new_only,
                    usable=len(self.unanswered) < len(self.bank.questions),
                )
                yield Static(id="matching")
                yield Static(
                    Content.assemble(
                        ("⏎", "bold"),
                        " or ",
                        ("^s", "bold"),
                        " start  ·  ",
                        ("^r", "bold"),
                        " cram (no schedule)  ·  ",
                        ("esc", "bold"),
                        " cancel",
                    ),
                    id="keys",
                )
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel", compact=True)
                yield Button("Cram", id="cram", compact=True)
                yield Button("Start", id="go", variant="primary", compact=True)

    def on_mount(self) -> None:
        self._update_matching()
        self.query_one("#count", Input).focus()

    # ------------------------------------------------------------------ the choice

    def choice(self) -> StartChoice:
        """What the dialog shows now (a count of 0 or beyond the bank is "all")."""
        text = self.query_one("#count", Input).value.strip()
        count = int(text) if text.isdigit() and 0 < int(text) < len(self.bank.questions) else None
        tags = self.query("#tags").results(CheckList)
        return StartChoice(
            count=count,
            types=self.query_one("#types", CheckList).ticked(),
            tags=next(iter(tags)).ticked() if self.tags else (),
            missed_only=self.query_one("#missed", Checkbox).value,
            new_only=self.query_one("#new", Checkbox).value,
        )

    def matching(self, choice: StartChoice | None = None) -> int:
        """How many questions the choice asks."""
        choice = choice or self.choice()
        wanted = [
            *(self.missed if choice.missed_only else ()),
            *(self.unanswered if choice.new_only else ()),
        ]
        only = set(wanted) if choice.missed_only or choice.new_only else None
        passing = sum(
            1
            for q in self.bank.questions
            if (not choice.types or q.TYPE in choice.types)
            and (not choice.tags or set(q.tags) & set(choice.tags))
            and (only is None or q.id in only)
        )
        return passing if choice.count is None else min(passing, choice.count)

    def _update_matching(self) -> None:
        n = self.matching()
        label = self.query_one("#matching", Static)
        label.set_class(n == 0, "-none")
        label.update(
            Content(
                "No question matches: tick fewer filters."
                if n == 0
                else f"→ {n} question{'s' if n != 1 else ''}"
            )
        )
        for button in self.query("#go, #cram").results(Button):
            button.disabled = n == 0

    @on(Input.Changed)
    @on(CheckList.Changed)
    @on(Checkbox.Changed)
    def _changed(self) -> None:
        self._update_matching()

    # ------------------------------------------------------------------ closing

    @on(Input.Submitted)
    def _entered(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_start()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "go":
            self.action_start()
        elif event.button.id == "cram":
            self.action_cram()
        else:
            self.action_cancel()

    def action_start(self) -> None:
        if self.matching():
            self.dismiss(StartRequest(self.choice()))

    def action_cram(self) -> None:
        if self.matching():
            self.dismiss(StartRequest(self.choice(), cram=True))

    def action_cancel(self) -> None:
        self.dismiss(None)
