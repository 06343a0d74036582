"""How the quiz went: score, time, breakdowns, the missed questions and their answers."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from quiz.bank.model import TYPE_NAMES
from quiz.session import Breakdown, Session
from quiz.tui.widgets.feedback import Labelled
from quiz.tui.widgets.footer import KeyBar
from quiz.tui.widgets.topbar import TopBar, brand

if TYPE_CHECKING:
    from quiz.tui.app import QuizApp


def duration(seconds: float) -> str:
    seconds = round(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes:02d} min"
    if minutes:
        return f"{minutes} min {secs:02d} s"
    return f"{secs} s"


def bar(fraction: float, width: int = 12) -> str:
    filled = round(max(0.0, min(1.0, fraction)) * width)
    return "█" * filled + "░" * (width - filled)


def breakdown_lines(rows: tuple[Breakdown, ...], *, types: bool = False) -> list[Content]:
    """A bar, the count and the name per row, most asked first. The counts are right-aligned
    to the widest one, so that the names start in one column (``17/21  Multiple choice``
    over ``  6/6  True or false``; a new user's trial found the names ragged)."""
    ordered = sorted(rows, key=lambda b: (-b.total, b.name))
    counts = [f"{b.correct}/{b.total}" for b in ordered]
    width = max((len(c) for c in counts), default=0)
    lines = []
    for b, count in zip(ordered, counts, strict=True):
        name = TYPE_NAMES.get(b.name, b.name) if types else b.name
        lines.append(
            Content.assemble(
                (bar(b.correct / b.total if b.total else 0, 8), "$accent"),
                f" {count:>{width}}  ",
                name,
            )
        )
    return lines


class SummaryScreen(Screen[None]):
    CSS_PATH = "summary.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "retry", "Retry missed", tooltip="a new quiz of the questions you missed"),
        Binding("h,escape", "home", "Home", tooltip="back to your banks"),
        Binding(
            "q",
            "quit",
            "Quit",
            tooltip="quit: the quiz is over and its answers saved, so nothing to confirm",
        ),
        Binding("question_mark", "app.help", "Help", tooltip="this help"),
    ]

    app: QuizApp

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.summary = session.summary()

    def compose(self) -> ComposeResult:
        from quiz.store.journal import JOURNAL_NAME
        from quiz.tui.kept import answers_kept

        s = self.summary
        held, at_risk = self.app.unsaved_answers()
        kept = answers_kept(held, at_risk, JOURNAL_NAME)  # never "saved" when some are not
        yield TopBar(brand(self.session.bank.title, "Summary"))
        with VerticalScroll(id="scroll"), Vertical(id="card"):
            if s.ended_early:
                yield Static(
                    Content.assemble(
                        ("Ended early: ", "bold"),
                        f"{s.answered} of {s.total} questions answered; {kept}.",
                    ),
                    id="ended-early",
                )
            elif held:
                yield Static(
                    Content.assemble(("Not all saved: ", "bold $warning"), f"{kept}."),
                    id="unsaved",
                )
            verdict = (
                "Perfect."
                if s.correct == s.answered
                else "Well done."
                if s.percent >= 80
                else "Good effort."
                if s.percent >= 50
                else "Keep at it."
            )
            yield Static(
                Content.assemble(
                    (f"{s.correct} of {s.answered}", "bold $accent"),
                    ("  right  ·  ", "$text-muted"),
                    (f"{s.percent}%", "bold"),
                    ("  ·  ", "$text-muted"),
                    (verdict, ""),
                ),
                id="score",
            )
            extra = f"  ·  {s.near_misses} near miss" + ("es" if s.near_misses != 1 else "")
            taken = (
                f"  ·  {s.taken_back} taken back with undo (first answers count)"
                if s.taken_back
                else ""
            )
            yield Static(
                Content.assemble(
                    ("Time  ", "$text-muted"),
                    duration(s.seconds),
                    (extra if s.near_misses else "", "$text-muted"),
                    (taken, "$text-muted"),
                ),
                id="time",
            )
            with Horizontal(id="breakdowns"):
                yield self._breakdown("By type", s.by_type, types=True)
                if s.by_tag:
                    yield self._breakdown("By tag", s.by_tag)
            if s.missed:
                yield Static(Content(f"Missed ({len(s.missed)})"), classes="section")
                for miss in s.missed:
                    with Vertical(classes="miss"):
                        yield Static(Content(miss.question.prompt), classes="miss-prompt")
                        yield Labelled("Answer", Content(miss.answer), classes="answer-line")
                        if miss.given:
                            yield Labelled("You said", Content(miss.given), classes="given-line")
                yield Static(
                    Content.assemble(
                        ("r", "bold $accent"),
                        " retry the missed ones  ·  ",
                        ("h", "bold $accent"),
                        " home  ·  ",
                        ("q", "bold $accent"),
                        " quit",
                    ),
                    classes="next-steps",
                )
            else:
                yield Static(
                    Content.assemble(
                        "Nothing missed.  ",
                        ("h", "bold $accent"),
                        " home  ·  ",
                        ("q", "bold $accent"),
                        " quit",
                    ),
                    classes="next-steps",
                )
        yield KeyBar()

    def _breakdown(self, title: str, rows: tuple[Breakdown, ...], types: bool = False) -> Vertical:
        lines = breakdown_lines(rows, types=types)
        box = Vertical(
            Static(Content(title), classes="section"),
            Static(Content("\n").join(lines), classes="table"),
            classes="breakdown",
        )
        return box

    def on_mount(self) -> None:
        self.query_one("#scroll", VerticalScroll).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "retry":
            return bool(self.summary.missed)
        return True

    def action_retry(self) -> None:
        if self.summary.missed:
            self.app.retry_missed(self.session)

    def action_home(self) -> None:
        self.app.go_home()

    def action_quit(self) -> None:
        """Quit at once: the quiz is over (ending it was confirmed, or it ran to its end),
        so a second "Quit quiz?" only asked again what the learner had just said (a new
        user's trial). Answers not yet saved are still waited for, and asked about if they
        cannot be kept (:meth:`~quiz.tui.app_quitting.QuittingApp.quit_after_quiz`)."""
        self.app.quit_after_quiz()
