"""The calendar heatmap: one cell a day, a column a week, shaded by the answers given."""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date, timedelta

from rich.cells import cell_len
from textual import events
from textual.content import Content
from textual.geometry import Size

from quiz.tui.widgets.charts.base import MUTED, TRACK, Chart, Part, _line, _place

#: Colours of the five heat levels: none, then four shades up to the full colour.
HEAT_STYLES = (TRACK, "$success 35%", "$success 55%", "$success 78%", "$success")
DAY_LABELS = ("Mon", "", "Wed", "", "Fri", "", "Sun")


def heat_level(count: int, peak: int) -> int:
    """0 for no answers, else 1-4: the quarter of the busiest day's count it reaches."""
    if count <= 0 or peak <= 0:
        return 0
    return max(1, min(4, math.ceil(4 * count / peak)))


class CalendarHeatmap(Chart):
    """Answers per day as GitHub draws contributions: a column per week (Monday on top), a
    row per weekday, a shaded square per day, month names above, a legend below. The mouse
    over a day shows its figures."""

    LABEL_WIDTH = 4
    CELL = 2  # a square and a gap

    def __init__(self, *, max_weeks: int = 53, id: str | None = None) -> None:
        super().__init__(id=id)
        self.max_weeks = max_weeks
        self.counts: Mapping[date, int] = {}
        self.right: Mapping[date, int] = {}
        self.today: date | None = None

    def update_days(
        self, counts: Mapping[date, int], today: date, *, right: Mapping[date, int] | None = None
    ) -> None:
        """``counts``: answers per day; ``right``: how many of them were right."""
        self.counts = dict(counts)
        self.right = dict(right or {})
        self.today = today
        self.update_chart()

    def day_at(self, x: int, y: int) -> date | None:
        """The day drawn at ``(x, y)`` in the widget, if any."""
        width = self.content_size.width
        weekday, column = y - 1, x - self.LABEL_WIDTH
        if not 0 <= weekday < 7 or column < 0 or column % self.CELL:
            return None
        week = column // self.CELL
        if week >= self.weeks_for(width):
            return None
        first, today = self.window(width)
        day = first + timedelta(weeks=week, days=weekday)
        return day if day <= today else None

    def describe(self, day: date) -> str:
        count = self.counts.get(day, 0)
        when = f"{day:%a} {day.day} {day:%b} {day.year}"
        if not count:
            return f"{when}: no answers"
        right = self.right.get(day)
        share = f", {right} right" if right is not None else ""
        return f"{when}: {count} answer{'s' if count != 1 else ''}{share}"

    def on_mouse_move(self, event: events.MouseMove) -> None:
        day = self.day_at(event.x, event.y)
        self.tooltip = None if day is None else self.describe(day)

    @property
    def lines(self) -> int:
        return 9  # months, seven days, legend

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        summary, legend = self._caption(width, {})
        if cell_len(summary) + 2 + legend.cell_length <= width:
            return self.lines
        return self.lines + 1  # the summary and the legend on a line each

    def _caption(self, width: int, shown: Mapping[date, int]) -> tuple[str, Content]:
        """The summary under the calendar, as long as ``width`` allows (never cut), and the
        legend."""
        weeks = self.weeks_for(width)
        if not shown:
            first, today = self.window(width)
            shown = {d: n for d, n in self.counts.items() if first <= d <= today and n > 0}
        total = sum(shown.values())
        days = len(shown)
        answers = f"{total} answer{'s' if total != 1 else ''}"
        on_days = f" on {days} day{'s' if days != 1 else ''}"
        in_weeks = f" in {weeks} week{'s' if weeks != 1 else ''}"
        summary = next(
            (
                text
                for text in (
                    answers + on_days + in_weeks,
                    answers + "," + on_days[3:] + "," + in_weeks[3:],
                    answers + on_days,
                    answers,
                )
                if cell_len(text) <= width
            ),
            answers,
        )
        parts: list[Part | str] = [("less ", MUTED)]
        for style in HEAT_STYLES:
            parts += [("■", style), " "]
        parts.append(("more", MUTED))
        return summary, _line(parts)

    def weeks_for(self, width: int) -> int:
        return max(1, min(self.max_weeks, (width - self.LABEL_WIDTH) // self.CELL))

    def window(self, width: int) -> tuple[date, date]:
        """The first Monday shown and today."""
        today = self.today or date.today()
        monday = today - timedelta(days=today.weekday())
        return monday - timedelta(weeks=self.weeks_for(width) - 1), today

    def _months(self, first: date, today: date, weeks: int) -> str:
        """The line of month names over the columns. A month is named over its first Monday;
        the first column's month only if there is room before the next name. The current
        month is always named, first (a new user's trial found no "Dec" on 7 December: its
        first Monday was the last column, too narrow for three letters, and before it the
        month's first days were under November's Monday): over its first Monday, else the
        week of its first day, moved left as far as it takes to fit at the right edge."""
        slots = [" "] * (self.LABEL_WIDTH + weeks * self.CELL)
        starts = [w for w in range(weeks) if (first + timedelta(weeks=w)).day <= 7]
        if not starts or starts[0] >= 3:
            starts.insert(0, 0)
        this_month = today.replace(day=1)
        first_monday = this_month + timedelta(days=-this_month.weekday() % 7)
        start = first_monday if first_monday <= today else this_month
        current = max(0, (start - first).days // 7)
        label = f"{this_month:%b}"
        x = self.LABEL_WIDTH + current * self.CELL
        placed = _place(slots, min(x, len(slots) - len(label)), label)
        for week in starts:
            monday = first + timedelta(weeks=week)
            if placed and (monday.year, monday.month) == (today.year, today.month):
                continue  # named already
            _place(slots, self.LABEL_WIDTH + week * self.CELL, f"{monday:%b}")
        return "".join(slots).rstrip()

    def draw(self, width: int) -> list[Content]:
        weeks = self.weeks_for(width)
        first, today = self.window(width)
        shown = {d: n for d, n in self.counts.items() if first <= d <= today and n > 0}
        peak = max(shown.values(), default=0)

        lines = [Content.styled(self._months(first, today, weeks), MUTED)]

        for weekday in range(7):
            parts: list[Part | str] = [(DAY_LABELS[weekday].ljust(self.LABEL_WIDTH), MUTED)]
            for week in range(weeks):
                day = first + timedelta(weeks=week, days=weekday)
                if day > today:
                    parts.append("  ")
                    continue
                level = heat_level(shown.get(day, 0), peak)
                style = HEAT_STYLES[level] + (" bold" if day == today else "")
                parts.append(("■", style))
                parts.append(" ")
            lines.append(_line(parts).rstrip())

        summary, legend = self._caption(width, shown)
        gap = width - cell_len(summary) - legend.cell_length
        if gap >= 2:
            lines.append(Content.assemble((summary, MUTED), " " * gap, legend))
        else:  # too narrow for one line: the legend goes on a line of its own
            lines.append(Content.styled(summary, MUTED))
            if legend.cell_length <= width:
                lines.append(legend)
        return lines
