"""Today's review: how much is due today and tomorrow, per bank; Enter starts it.

The banks are loaded and the queue is read on a worker thread (the store and YAML never run
on the UI thread); when nothing is due, the screen says when the next card will be.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import LoadingIndicator, Static

from quiz.bank import BankError
from quiz.bank.model import Bank
from quiz.plural import plural
from quiz.review import ReviewPlan, describe_when, plan_review, review_session
from quiz.tui.config import StartReview
from quiz.tui.widgets.footer import KeyBar
from quiz.tui.widgets.topbar import TopBar, brand

if TYPE_CHECKING:
    from quiz.tui.app import QuizApp


class ReviewScreen(Screen[None]):
    """Shows :class:`~quiz.review.ReviewPlan` figures; Enter turns the plan into a session."""

    DEFAULT_CSS = """
    ReviewScreen #review-body { align-horizontal: center; }
    ReviewScreen #review { width: 100%; max-width: 96; height: auto; padding: 1 2 0 2; }
    ReviewScreen #headline { text-style: bold; }
    ReviewScreen #counts { margin-top: 1; }
    ReviewScreen #per-bank { margin-top: 1; height: auto; }
    ReviewScreen #next-step { margin-top: 1; color: $text-muted; }
    ReviewScreen #loading { height: 3; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter,space",
            "start",
            "Start review",
            tooltip="start today's review: what is due, most overdue first, then new",
        ),
        Binding("h,escape", "home", "Home", tooltip="back to your banks"),
        Binding("q", "app.request_quit", "Quit", tooltip="quit (after confirming)"),
        Binding("question_mark", "app.help", "Help", tooltip="this help"),
    ]

    app: QuizApp

    def __init__(self, start: StartReview | None = None) -> None:
        super().__init__()
        self.start = start or StartReview()
        self.plan: ReviewPlan | None = None
        self.problem = ""

    def compose(self) -> ComposeResult:
        yield TopBar(
            brand(
                "Review" if self.start.bank is None else self.start.bank.title,
                *(["review"] if self.start.bank is not None else []),
            )
        )
        with VerticalScroll(id="review-body"), Vertical(id="review"):
            yield LoadingIndicator(id="loading")
            yield Static(id="headline")
            yield Static(id="counts")
            yield Static(id="per-bank")
            yield Static(id="next-step")
        yield KeyBar()

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="review")
    def load(self) -> None:
        app = self.app
        # The banks first, the scores after: the app opens the scores on its own worker once
        # this screen is painted, and most of that is SQLite's own work (which lets go of
        # the GIL), so it goes on while the banks load here instead of before them.
        banks: list[Bank] = []
        if self.start.bank is None:
            for path in app.bank_files():
                try:
                    banks.append(app.bank_cache.load(path))
                except BankError:
                    continue  # the home screen says what is wrong with it
        store = app.scores_store()
        if store is None:
            self.app.call_from_thread(
                self.show_problem,
                "Your scores can't be read this time, so nothing is "
                "scheduled. Play a bank from the home screen instead.",
            )
            return
        try:
            plan = plan_review(
                store,
                banks,
                app.config.clock(),
                scope=self.start.bank,
                new_limit=self.start.new_limit,
            )
        except Exception as error:  # StoreError and the like: say it, never crash
            self.app.call_from_thread(self.show_problem, f"Your scores can't be read: {error}")
            return
        self.app.call_from_thread(self.show_plan, plan)

    def show_problem(self, message: str) -> None:
        self.problem = message
        self.query_one("#loading").display = False
        self.query_one("#headline", Static).update(Content("Nothing to review"))
        self.query_one("#counts", Static).update(Content(message))
        self.query_one("#next-step", Static).update(_keys(("h", "home"), ("q", "quit")))
        self.refresh_bindings()

    def show_plan(self, plan: ReviewPlan) -> None:
        self.plan = plan
        self.query_one("#loading").display = False
        store = self.app.scores_store()  # opened already: the plan was read from it
        tz = plan.now.tzinfo if store is None else store.tz
        counts = Content.assemble(
            (f"{plan.due_now}", "bold $warning" if plan.due_now else "bold"),
            " due now  ·  ",
            (f"{plan.due_tomorrow}", "bold"),
            " due by the end of tomorrow  ·  ",
            (f"{plan.new}", "bold"),
            (" new today", ""),
        )
        self.query_one("#counts", Static).update(counts)
        if plan.empty:
            self._nothing_due(plan, tz)
        else:
            what = [plural(plan.due, "question") + " due"] if plan.due else []
            if plan.new:
                what.append(plural(plan.new, "new question"))
            self.query_one("#headline", Static).update(
                Content("Today's review: " + " and ".join(what) + ".")
            )
            room = max(20, min(96, self.size.width or 80) - 30)
            self.query_one("#per-bank", Static).update(_per_bank(plan, room))
            n = len(plan.items)
            order = ", most overdue first" if plan.due > 1 else ""
            step = _keys(("Enter", f"start ({plural(n, 'question')}{order})"), ("h", "home"))
            self.query_one("#next-step", Static).update(step + _buried(plan))
        self.refresh_bindings()

    def _nothing_due(self, plan: ReviewPlan, tz: object) -> None:
        if not plan.banks:
            headline = "No banks to review."
            detail = Content("Make one with  quiz generate ARTICLE,  then play it once.")
        else:
            headline = "Nothing to review right now. Well done."
            if plan.next_due is not None:
                detail = Content.assemble(
                    "The next question is due ",
                    (describe_when(plan.next_due, plan.now, tz), "bold"),  # type: ignore[arg-type]
                    ".",
                )
            else:
                detail = Content("No question is scheduled yet: play a bank to start.")
            if plan.unseen and not plan.new:
                detail = detail + Content(
                    f"\n{plural(plan.unseen, 'question')} you have not seen yet will come "
                    "in later days"
                    + (" (no new ones today)." if self.start.new_limit == 0 else ", a few a day.")
                )
        self.query_one("#headline", Static).update(Content(headline))
        self.query_one("#per-bank", Static).update(detail)
        self.query_one("#next-step", Static).update(
            _keys(("h", "home"), ("q", "quit")) + _buried(plan)
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "start":
            return self.plan is not None and not self.plan.empty
        return True

    def action_start(self) -> None:
        if self.plan is None or self.plan.empty:
            return
        session = review_session(self.plan, clock=self.app.config.clock, seed=self.start.seed)
        self.app.start_quiz_session(session)

    def action_home(self) -> None:
        self.app.go_home()


def _per_bank(plan: ReviewPlan, room: int = 44) -> Content:
    """One line per bank in the review: its due and new questions."""
    due: dict[str, int] = {}
    new: dict[str, int] = {}
    titles: dict[str, str] = {}
    new_ids = {(b.id, q.id) for b, q in plan.items[plan.due :]}
    for bank, question in plan.items:
        titles[bank.id] = bank.title
        bucket = new if (bank.id, question.id) in new_ids else due
        bucket[bank.id] = bucket.get(bank.id, 0) + 1
    width = min(room, max(len(t) for t in titles.values()))
    lines = [Content.styled("By bank", "bold $text-muted")]
    for bank_id, title in titles.items():
        shown = title if len(title) <= width else title[: width - 1] + "…"
        bits: list[str | tuple[str, str]] = [f"  {shown:<{width}}  "]
        if due.get(bank_id):
            bits.append((f"{due[bank_id]} due", "$warning"))
        if due.get(bank_id) and new.get(bank_id):
            bits.append(("  ·  ", "$text-muted"))
        if new.get(bank_id):
            bits.append(f"{new[bank_id]} new")
        lines.append(Content.assemble(*bits))
    return Content("\n").join(lines)


def _buried(plan: ReviewPlan) -> Content:
    """A line on the due questions held back: siblings of ones answered today."""
    if not plan.buried:
        return Content()
    waits, its = ("waits", "it shares") if plan.buried == 1 else ("wait", "each shares")
    return Content(
        f"\n{plural(plan.buried, 'related question')} {waits} until tomorrow: {its} a fact "
        "or a sentence with a question answered today or in this review."
    )


def _keys(*pairs: tuple[str, str]) -> Content:
    parts: list[str | tuple[str, str]] = []
    for n, (key, what) in enumerate(pairs):
        if n:
            parts.append("  ·  ")
        parts.extend(((key, "bold $accent"), f" {what}"))
    return Content.assemble(*parts)
