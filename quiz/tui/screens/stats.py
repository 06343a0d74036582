"""Your progress as charts: the streak, answers per day, what falls due, true retention,
accuracy by week, mastery per bank and per tag.

The figures are computed on a worker thread (:func:`gather`: the banks there are, then one
read of the store) while a loading indicator shows; the screen then fills its charts. At 80
columns the panels stack, most important first, in a scroll; from 110 columns they pair up.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Digits, LoadingIndicator, Static

from quiz.tui.widgets.charts import (
    BarList,
    BarRow,
    BulletGauge,
    CalendarHeatmap,
    ColumnChart,
    Figure,
    month_day,
)
from quiz.tui.widgets.footer import KeyBar
from quiz.tui.widgets.topbar import TopBar, brand

if TYPE_CHECKING:
    from quiz.stats import Stats
    from quiz.tui.app import QuizApp

__all__ = ["StatsScreen", "StatsView", "gather", "longest_streak"]

#: Weeks in the by-week charts: at least (so a new learner's chart has a shape), at most.
CHART_WEEKS = (8, 26)


@dataclass(frozen=True)
class StatsView:
    """What the worker hands the screen: the figures and bank titles, or why there are none."""

    stats: Stats | None = None
    titles: Mapping[str, str] = field(default_factory=dict)
    problem: str = ""


def gather(app: QuizApp) -> StatsView:
    """Runs on a worker thread: the banks there are now, then the figures from the store."""
    from quiz.library import current_banks
    from quiz.store import StoreError

    config = app.config
    if config.stats is None:
        return StatsView(
            problem="Your scores can't be read this time, so there is nothing to chart."
        )
    banks = current_banks(app.bank_files(), config.data_dir / "cache")
    try:
        stats = config.stats(config.clock(), banks.questions)
    except StoreError as error:
        return StatsView(problem=f"Your scores can't be read: {error}")
    return StatsView(stats, banks.titles)


def longest_streak(days: list[date]) -> int:
    """The longest run of consecutive days in ``days`` (sorted or not)."""
    best = run = 0
    previous: date | None = None
    for day in sorted(set(days)):
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        best = max(best, run)
        previous = day
    return best


def _week_axis(stats: Stats) -> tuple[list[date], list[tuple[int, str]]]:
    """The Mondays of the weeks charted (since the first answer, within
    :data:`CHART_WEEKS`) and a month name under the first week of each month."""
    this_monday = stats.today - timedelta(days=stats.today.weekday())
    first = min((w.start for w in stats.weeks), default=this_monday)
    least, most = CHART_WEEKS
    count = max(least, min(most, (this_monday - first).days // 7 + 1))
    starts = [this_monday - timedelta(weeks=count - 1 - i) for i in range(count)]
    changes = [i for i in range(1, count) if starts[i].month != starts[i - 1].month]
    if not changes or changes[0] >= 3:  # the first week's month, when it has room
        changes.insert(0, 0)
    return starts, [(i, f"{starts[i]:%b}") for i in changes]


def _retention_style(retention: float | None, desired: float) -> str:
    """As the gauge: green at the target, amber a little under, red well under."""
    if retention is None or retention >= desired - 0.02:
        return "$success"
    return "$warning" if retention >= desired - 0.10 else "$error"


def _accuracy_style(accuracy: float | None) -> str:
    """Green from 85 % right, amber from 65 %, red below."""
    if accuracy is None or accuracy >= 0.85:
        return "$success"
    return "$warning" if accuracy >= 0.65 else "$error"


def _percent(ratio: float | None) -> str:
    return "–" if ratio is None else f"{round(100 * ratio)}%"


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else plural or word + 's'}"


class StatsScreen(Screen[None]):
    """The stats. ``direct``: opened by ``quiz stats`` (Escape then goes to the banks and q
    quits) rather than over another screen (Escape and q go back to it)."""

    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012 (declared by Screen without ClassVar)
        (0, "-tiny"),
        (70, "-narrow"),
        (110, "-wide"),
    ]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", tooltip="back to the screen you came from"),
        Binding("escape", "banks", "Banks", tooltip="your banks (when opened by quiz stats)"),
        Binding("q", "back", "Back", show=False, tooltip="back to the screen you came from"),
        Binding("q", "quit", "Quit", tooltip="quit (when opened by quiz stats)"),
        Binding("r", "reload", "Refresh", tooltip="read the figures again"),
        Binding("question_mark", "app.help", "Help", tooltip="this help"),
    ]

    DEFAULT_CSS = """
    StatsScreen #stats-body {
        padding: 0 1;
        scrollbar-size-vertical: 1;
    }
    StatsScreen #stats-loading {
        height: 3;
    }
    StatsScreen #stats-message {
        width: 100%;
        max-width: 76;
        height: auto;
        margin: 1 2;
        padding: 1 2;
        border: round $foreground 25%;
    }
    StatsScreen .stats-row {
        height: auto;
        layout: vertical;
    }
    StatsScreen.-wide .stats-row {
        layout: horizontal;
    }
    StatsScreen .stats-panel {
        height: auto;
        padding: 0 1;
        border: round $foreground 20%;
        border-title-color: $text;
        border-title-style: bold;
    }
    StatsScreen.-wide .stats-panel {
        width: 1fr;
    }
    StatsScreen.-wide #activity-panel {
        width: 3fr;
    }
    StatsScreen.-wide #forecast-panel {
        width: 2fr;
    }
    StatsScreen.-wide #row-activity, StatsScreen.-wide #row-trends {
        height: 11;
    }
    StatsScreen.-wide .stats-row > .stats-panel {
        height: 100%;
    }
    StatsScreen #mastery-columns {
        height: auto;
        layout: vertical;
    }
    StatsScreen.-wide #mastery-columns {
        layout: horizontal;
    }
    StatsScreen .mastery-column {
        height: auto;
    }
    StatsScreen #tags-column {
        margin-top: 1;
    }
    StatsScreen.-wide #banks-column {
        width: 3fr;
    }
    StatsScreen.-wide #tags-column {
        width: 2fr;
        margin-top: 0;
        margin-left: 3;
    }
    StatsScreen .stats-subtitle {
        color: $text-muted;
        text-style: bold;
    }
    StatsScreen #mastery-caption {
        margin-top: 1;
    }
    StatsScreen .stats-caption {
        height: auto;
        color: $text-muted;
    }
    StatsScreen #stats-summary {
        height: auto;
    }
    StatsScreen #streak-card {
        width: auto;
        height: auto;
        padding: 0 1;
        border: round $accent 60%;
        border-title-color: $text;
        border-title-style: bold;
    }
    StatsScreen #streak-digits {
        width: auto;
        color: $accent;
        text-style: bold;
    }
    StatsScreen #streak-caption {
        width: auto;
        padding-left: 1;
    }
    StatsScreen #stats-totals {
        width: 1fr;
        height: auto;
        border: round $foreground 20%;
        border-title-color: $text;
        border-title-style: bold;
    }
    StatsScreen.-tiny #stats-summary {
        layout: vertical;
    }
    StatsScreen.-tiny #stats-totals {
        layout: grid;
        grid-size: 2;
        grid-rows: 3;
        height: auto;
    }
    StatsScreen.-wide #stats-totals > Figure {
        width: 1fr;
        max-width: 22;
    }
    """

    app: QuizApp

    def __init__(self, *, direct: bool = False) -> None:
        super().__init__()
        self.direct = direct
        self.view: StatsView | None = None

    def compose(self) -> ComposeResult:
        yield TopBar(brand("Stats"))
        yield LoadingIndicator(id="stats-loading")
        yield Static(id="stats-message")
        with VerticalScroll(id="stats-body"):
            with Horizontal(id="stats-summary"):
                with Horizontal(id="streak-card") as card:
                    card.border_title = "Streak"
                    yield Digits("0", id="streak-digits")
                    yield Static(id="streak-caption")
                with Horizontal(id="stats-totals") as totals:
                    totals.border_title = "Totals"
                    yield Figure("Answers", id="figure-answers")
                    yield Figure("Sessions", id="figure-sessions")
                    yield Figure("Due now", id="figure-due")
                    yield Figure("Mastered", id="figure-mastered")
            with Horizontal(id="row-activity", classes="stats-row"):
                with Vertical(id="activity-panel", classes="stats-panel") as panel:
                    panel.border_title = "Answers per day"
                    yield CalendarHeatmap(id="heatmap")
                with Vertical(id="forecast-panel", classes="stats-panel") as panel:
                    panel.border_title = "Due in the next 30 days"
                    yield ColumnChart(rows=6, id="forecast")
                    yield Static(id="forecast-caption", classes="stats-caption")
            with Horizontal(id="row-trends", classes="stats-row"):
                with Vertical(id="retention-panel", classes="stats-panel") as panel:
                    panel.border_title = "True retention"
                    yield BulletGauge(id="retention")
                    yield Static(id="retention-caption", classes="stats-caption")
                    yield Static(
                        Content("By week"), id="retention-weeks-title", classes="stats-subtitle"
                    )
                    yield ColumnChart(rows=2, id="retention-weeks")
                with Vertical(id="accuracy-panel", classes="stats-panel") as panel:
                    panel.border_title = "Accuracy by week"
                    yield ColumnChart(rows=5, id="accuracy")
                    yield Static(id="accuracy-caption", classes="stats-caption")
            with Vertical(id="mastery-panel", classes="stats-panel") as panel:
                panel.border_title = "Mastery"
                with Horizontal(id="mastery-columns"):
                    with Vertical(id="banks-column", classes="mastery-column"):
                        yield Static(Content("By bank"), classes="stats-subtitle")
                        yield BarList(empty="No banks found.", id="banks-mastery")
                    with Vertical(id="tags-column", classes="mastery-column"):
                        yield Static(Content("By tag"), classes="stats-subtitle")
                        yield BarList(empty="No tagged questions answered yet.", id="tags-mastery")
                yield Static(
                    Content(
                        "Mastered: recalled reliably for three weeks or more (an FSRS "
                        "stability of at least 21 days)."
                    ),
                    id="mastery-caption",
                    classes="stats-caption",
                )
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#stats-body").display = False
        self.query_one("#stats-message").display = False
        self.load()

    # ------------------------------------------------------------------ loading

    @work(thread=True, exclusive=True, group="stats")
    def load(self) -> None:
        view = gather(self.app)
        self.app.call_from_thread(self.show_view, view)

    def action_reload(self) -> None:
        self.query_one("#stats-loading").display = True
        self.load()

    def show_view(self, view: StatsView) -> None:
        self.view = view
        self.query_one("#stats-loading").display = False
        message = self.query_one("#stats-message", Static)
        body = self.query_one("#stats-body")
        stats = view.stats
        if stats is None:
            message.update(Content.assemble((view.problem, "")))
            message.display, body.display = True, False
            return
        if stats.attempts == 0:
            message.update(self._empty_message(stats, view))
            message.display, body.display = True, False
            return
        message.display, body.display = False, True
        body.focus()  # arrows, Page Up/Down, Home and End scroll
        self._show_summary(stats)
        self._show_activity(stats)
        self._show_forecast(stats)
        self._show_retention(stats)
        self._show_accuracy(stats)
        self._show_mastery(stats, view.titles)

    def _empty_message(self, stats: Stats, view: StatsView) -> Content:
        banks = sum(1 for b in stats.banks if b.questions)
        ready = f"You have {_plural(banks, 'bank')} ready. " if banks else ""
        lines: list[str | tuple[str, str]] = []
        if self.app.scores_notice:  # e.g. the scores file is damaged: say so, not "no answers"
            lines += [
                ("No saved answers can be shown.", "bold $warning"),
                "\n\n",
                (self.app.scores_notice, "$warning"),
                "\n\n",
            ]
        else:
            lines += [("No answers yet.", "bold"), "\n\n"]
        lines += [
            "Your streak, a calendar of the days you practised, what falls due, your "
            "accuracy and how well you know each bank appear here once you have answered "
            "a few questions.\n\n",
            ready,
            "Press ",
            ("Esc", "bold"),
            " to see your banks and start a quiz, or run  ",
            ("quiz play BANK", "bold $accent"),
            ".",
        ]
        return Content.assemble(*lines)

    # ------------------------------------------------------------------ the panels

    def _show_summary(self, stats: Stats) -> None:
        streak = stats.streak_days
        self.query_one("#streak-digits", Digits).update(str(streak))
        active = [d.day for d in stats.days]
        best = longest_streak(active)
        answered_today = bool(active) and active[-1] == stats.today
        if answered_today:
            status = ("done today ✓", "$success")
        elif streak:
            status = ("answer today to keep it", "bold $warning")
        else:
            status = ("answer today to start one", "$text-muted")
        caption = Content.assemble(
            ("day in a row" if streak == 1 else "days in a row", "bold"),
            "\n",
            status,
            "\n",
            (f"best: {_plural(best, 'day')}", "$text-muted"),
        )
        self.query_one("#streak-caption", Static).update(caption)

        self.query_one("#figure-answers", Figure).show(
            f"{stats.attempts:,}", f"{_percent(stats.accuracy)} right"
        )
        self.query_one("#figure-sessions", Figure).show(f"{stats.sessions:,}")
        self.query_one("#figure-due", Figure).show(
            f"{stats.due_now:,}",
            f"+{stats.due_later_today:,} later today"
            if stats.due_later_today
            else f"{stats.due_tomorrow:,} by tomorrow",
        )
        mastered = sum(b.mastered for b in stats.banks)
        questions = sum(b.questions or 0 for b in stats.banks)
        self.query_one("#figure-mastered", Figure).show(
            f"{mastered:,}", f"of {questions:,} questions" if questions else ""
        )

    def _show_activity(self, stats: Stats) -> None:
        self.query_one("#heatmap", CalendarHeatmap).update_days(
            {d.day: d.attempts for d in stats.days},
            stats.today,
            right={d.day: d.correct for d in stats.days},
        )

    def _show_forecast(self, stats: Stats) -> None:
        values = [f.due for f in stats.forecast]
        labels = [(0, "today")] + [
            (i, month_day(f.day)) for i, f in enumerate(stats.forecast) if i and i % 7 == 0
        ]
        styles = ["$warning"] + ["$accent"] * (len(values) - 1)
        self.query_one("#forecast", ColumnChart).update_series(
            values, labels=labels, styles=styles, axis=lambda v: f"{v:.0f}"
        )
        week = sum(values[:7])
        self.query_one("#forecast-caption", Static).update(
            Content.assemble(
                (f"{stats.due_now}", "bold $warning"),
                " now",
                (" · ", "$text-muted"),
                (f"{stats.due_later_today}", "bold"),
                " later today",
                (" · ", "$text-muted"),
                (f"{week}", "bold"),
                " in 7 days",
                (" · ", "$text-muted"),
                (f"{sum(values)}", "bold"),
                " in 30 days",
            )
        )

    def _show_retention(self, stats: Stats) -> None:
        retention = stats.retention
        actual = retention.true_retention
        gauge = self.query_one("#retention", BulletGauge)
        gauge.update_gauge(actual, retention.desired)
        caption = self.query_one("#retention-caption", Static)
        weeks_chart = self.query_one("#retention-weeks", ColumnChart)
        weeks_chart.display = actual is not None
        self.query_one("#retention-weeks-title").display = actual is not None
        if actual is None:
            caption.update(
                Content(
                    "No reviews of learnt questions yet. This counts the answers to questions "
                    "the schedule brought back after days away; it appears after your first "
                    "such reviews."
                )
            )
            return
        desired = retention.desired
        if actual >= desired + 0.05:
            verdict = "Above the target: longer gaps would still hold."
        elif actual >= desired - 0.02:
            verdict = "On target: the schedule suits you."
        else:
            verdict = "Below the target: reviewing on the day things fall due helps."
        caption.update(
            Content.assemble(
                (f"{retention.recalled:,} of {retention.reviews:,}", "bold"),
                " reviews recalled. ",
                verdict,
            )
        )
        starts, labels = _week_axis(stats)
        by_start = {w.start: w for w in stats.weeks}
        weekly = [by_start[s].true_retention if s in by_start else None for s in starts]
        weeks_chart.update_series(
            weekly,
            top=1.0,
            axis=lambda v: f"{round(100 * v)}%",
            labels=labels,
            styles=[_retention_style(v, desired) for v in weekly],
        )

    def _show_accuracy(self, stats: Stats) -> None:
        starts, labels = _week_axis(stats)
        by_start = {w.start: w for w in stats.weeks}
        this_monday = starts[-1]
        values = [by_start[s].accuracy if s in by_start else None for s in starts]
        self.query_one("#accuracy", ColumnChart).update_series(
            values,
            top=1.0,
            axis=lambda v: f"{round(100 * v)}%",
            labels=labels,
            styles=[_accuracy_style(v) for v in values],
        )
        this_week = by_start.get(this_monday)
        parts: list[str | tuple[str, str]] = [
            (_percent(stats.accuracy), "bold"),
            " right overall",
        ]
        if this_week is not None:
            parts += [
                "  ·  this week ",
                (_percent(this_week.accuracy), "bold"),
                f" of {_plural(this_week.attempts, 'answer')}",
            ]
        self.query_one("#accuracy-caption", Static).update(Content.assemble(*parts))

    def _show_mastery(self, stats: Stats, titles: Mapping[str, str]) -> None:
        rows: list[tuple[str, BarRow]] = []
        for bank in stats.banks:
            title = titles.get(bank.bank_id, bank.bank_id)
            if bank.questions == 0:  # its history stays, but the bank is gone
                row = BarRow(title, None, "not in your banks now", muted=True)
            else:
                size = bank.questions if bank.questions is not None else bank.cards
                detail = f"{bank.mastered}/{size}"
                if bank.due_now:
                    detail += f" · {bank.due_now} due"
                row = BarRow(title, bank.mastery or 0.0, detail)
            rows.append((title.casefold(), row))
        self.query_one("#banks-mastery", BarList).update_rows(
            [row for _key, row in sorted(rows, key=lambda kv: (kv[1].muted, kv[0]))]
        )
        tags = sorted(stats.tags, key=lambda t: (-t.cards, t.tag.casefold()))
        self.query_one("#tags-mastery", BarList).update_rows(
            [BarRow(t.tag, t.mastery, f"{t.mastered}/{t.cards}") for t in tags]
        )

    # ------------------------------------------------------------------ keys

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Over another screen, Escape and q go back to it; opened by ``quiz stats``, Escape
        goes to the banks and q quits."""
        if action == "back":
            return not self.direct
        if action in ("banks", "quit"):
            return self.direct
        return True

    def action_back(self) -> None:
        self.dismiss()

    def action_banks(self) -> None:
        self.app.go_home()

    def action_quit(self) -> None:
        """Out through the app's quit path: answers given since (a quiz started from the
        banks) may still be saving or be kept nowhere, and quitting must ask first."""
        self.app.quit_safely()
