"""Your progress as charts: the streak, answers per day, what falls due, true retention,
accuracy by week, mastery per bank and per tag.

The figures are computed on a worker thread (:func:`gather`: the banks there are, then one
read of the store) while a loading indicator shows; the screen then fills its charts with what
``content.py`` computes from them. At 80 columns the panels stack, most important first, in a
scroll; from 110 columns they pair up (``styles.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Digits, LoadingIndicator, Static

from quiz.tui.screens.stats.content import (
    accuracy_caption,
    accuracy_style,
    bank_rows,
    empty_message,
    forecast_caption,
    percent,
    retention_caption,
    retention_style,
    streak_caption,
    tag_rows,
    week_axis,
)
from quiz.tui.screens.stats.figures import StatsView, gather
from quiz.tui.screens.stats.styles import STATS_CSS
from quiz.tui.widgets.charts import (
    BarList,
    BulletGauge,
    CalendarHeatmap,
    ColumnChart,
    Figure,
    month_day,
)
from quiz.tui.widgets.footer import KeyBar
from quiz.tui.widgets.topbar import TopBar, brand

if TYPE_CHECKING:
    from collections.abc import Mapping

    from quiz.stats import Stats
    from quiz.tui.app import QuizApp


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
    DEFAULT_CSS = STATS_CSS

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
            message.update(empty_message(stats, self.app.scores_notice))
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

    # ------------------------------------------------------------------ the panels

    def _show_summary(self, stats: Stats) -> None:
        self.query_one("#streak-digits", Digits).update(str(stats.streak_days))
        self.query_one("#streak-caption", Static).update(streak_caption(stats))

        self.query_one("#figure-answers", Figure).show(
            f"{stats.attempts:,}", f"{percent(stats.accuracy)} right"
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
        self.query_one("#forecast-caption", Static).update(forecast_caption(stats))

    def _show_retention(self, stats: Stats) -> None:
        retention = stats.retention
        actual = retention.true_retention
        gauge = self.query_one("#retention", BulletGauge)
        gauge.update_gauge(actual, retention.desired)
        self.query_one("#retention-caption", Static).update(retention_caption(retention))
        weeks_chart = self.query_one("#retention-weeks", ColumnChart)
        weeks_chart.display = actual is not None
        self.query_one("#retention-weeks-title").display = actual is not None
        if actual is None:
            return
        desired = retention.desired
        starts, labels = week_axis(stats)
        by_start = {w.start: w for w in stats.weeks}
        weekly = [by_start[s].true_retention if s in by_start else None for s in starts]
        weeks_chart.update_series(
            weekly,
            top=1.0,
            axis=lambda v: f"{round(100 * v)}%",
            labels=labels,
            styles=[retention_style(v, desired) for v in weekly],
        )

    def _show_accuracy(self, stats: Stats) -> None:
        starts, labels = week_axis(stats)
        by_start = {w.start: w for w in stats.weeks}
        this_monday = starts[-1]
        values = [by_start[s].accuracy if s in by_start else None for s in starts]
        self.query_one("#accuracy", ColumnChart).update_series(
            values,
            top=1.0,
            axis=lambda v: f"{round(100 * v)}%",
            labels=labels,
            styles=[accuracy_style(v) for v in values],
        )
        this_week = by_start.get(this_monday)
        self.query_one("#accuracy-caption", Static).update(accuracy_caption(stats, this_week))

    def _show_mastery(self, stats: Stats, titles: Mapping[str, str]) -> None:
        self.query_one("#banks-mastery", BarList).update_rows(bank_rows(stats, titles))
        self.query_one("#tags-mastery", BarList).update_rows(tag_rows(stats))

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
