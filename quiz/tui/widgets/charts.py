"""Small charts drawn with block characters, for the stats screen.

Each chart is a widget that is handed plain data (``update_…``) and draws it for the width it
is given, so it reads at 80 columns and uses the room at 120. Nothing here knows about the
store: the screen turns :class:`quiz.stats.Stats` into series, labels and captions.

Colours come from the theme (``$success``, ``$accent``, …) so light and dark both work. Every
label that can come from a learner's banks (titles, tags) is drawn as literal text.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from rich.cells import cell_len
from textual import events
from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

__all__ = [
    "BarList",
    "BarRow",
    "BulletGauge",
    "CalendarHeatmap",
    "Chart",
    "ColumnChart",
    "Figure",
    "heat_level",
    "month_day",
]

#: Eighths of a cell, bottom up (vertical bars) and left to right (horizontal bars).
V_BLOCKS = " ▁▂▃▄▅▆▇█"
H_BLOCKS = " ▏▎▍▌▋▊▉█"

MUTED = "$text-muted"
TRACK = "$foreground 12%"

Part = tuple[str, str]


def month_day(day: date) -> str:
    """``Nov 25``: short, and the same in every locale (tests compare screens)."""
    return f"{day:%b} {day.day}"


def _line(parts: Sequence[Part | str]) -> Content:
    return Content.assemble(*parts)


def _place(slots: list[str], x: int, text: str) -> bool:
    """Writes ``text`` into a row of single-cell slots at ``x`` if it fits without touching
    another label (one blank cell apart); returns whether it was placed."""
    end = x + len(text)
    if x < 0 or end > len(slots):
        return False
    if any(slot != " " for slot in slots[max(0, x - 1) : min(len(slots), end + 1)]):
        return False
    slots[x:end] = list(text)
    return True


class Chart(Widget):
    """A chart: draws itself as Content for its current width, ``lines`` rows tall."""

    DEFAULT_CSS = """
    Chart {
        width: 1fr;
        height: auto;
    }
    """

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self.lines

    @property
    def lines(self) -> int:
        return 1

    def render(self) -> Content:
        width = self.content_size.width
        if width <= 0:
            return Content("")
        return Content("\n").join(self.draw(width))

    def draw(self, width: int) -> list[Content]:  # pragma: no cover - every chart overrides
        raise NotImplementedError

    def update_chart(self) -> None:
        """Redraw, and re-measure when the number of lines changed."""
        self.refresh(layout=True)


# --------------------------------------------------------------------------- figure tiles


class Figure(Widget):
    """One headline figure: a small label, the value large and bold, a muted note below."""

    DEFAULT_CSS = """
    Figure {
        width: auto;
        min-width: 10;
        height: 3;
        padding: 0 1;
    }
    """

    def __init__(
        self, label: str, value: str = "–", note: str = "", *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.label = label
        self.value = value
        self.note = note

    def show(self, value: str, note: str = "") -> None:
        self.value = value
        self.note = note
        self.refresh(layout=True)

    def render(self) -> Content:
        return Content("\n").join(
            [
                Content.styled(self.label, MUTED),
                Content.styled(self.value, "bold $accent"),
                Content.styled(self.note, MUTED),
            ]
        )

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return max(cell_len(self.label), cell_len(self.value), cell_len(self.note))


# --------------------------------------------------------------------------- heatmap

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

    def weeks_for(self, width: int) -> int:
        return max(1, min(self.max_weeks, (width - self.LABEL_WIDTH) // self.CELL))

    def window(self, width: int) -> tuple[date, date]:
        """The first Monday shown and today."""
        today = self.today or date.today()
        monday = today - timedelta(days=today.weekday())
        return monday - timedelta(weeks=self.weeks_for(width) - 1), today

    def draw(self, width: int) -> list[Content]:
        weeks = self.weeks_for(width)
        first, today = self.window(width)
        shown = {d: n for d, n in self.counts.items() if first <= d <= today and n > 0}
        peak = max(shown.values(), default=0)

        months = [" "] * (self.LABEL_WIDTH + weeks * self.CELL)
        # a month is named over its first Monday; the first column's month only if there is
        # room before the next name
        starts = [w for w in range(weeks) if (first + timedelta(weeks=w)).day <= 7]
        if not starts or starts[0] >= 3:
            starts.insert(0, 0)
        for week in starts:
            monday = first + timedelta(weeks=week)
            _place(months, self.LABEL_WIDTH + week * self.CELL, f"{monday:%b}")
        lines = [Content.styled("".join(months).rstrip(), MUTED)]

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

        total = sum(shown.values())
        days = len(shown)
        summary = (
            f"{total} answer{'s' if total != 1 else ''} on {days} day{'s' if days != 1 else ''}"
            f" in {weeks} week{'s' if weeks != 1 else ''}"
        )
        legend: list[Part | str] = [("less ", MUTED)]
        for style in HEAT_STYLES:
            legend += [("■", style), " "]
        legend.append(("more", MUTED))
        legend_content = _line(legend)
        gap = width - cell_len(summary) - legend_content.cell_length
        if gap >= 2:
            lines.append(Content.assemble((summary, MUTED), " " * gap, legend_content))
        else:
            lines.append(Content.styled(summary, MUTED).truncate(width, ellipsis=True))
        return lines


# --------------------------------------------------------------------------- column chart


class ColumnChart(Chart):
    """Vertical bars with eighth-cell tops, a y axis with its top and zero, and labels under
    chosen columns. ``None`` is "no data" (a dot on the axis), unlike zero. When the width is
    short, the latest values are kept."""

    def __init__(self, *, rows: int = 6, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows = rows
        self.values: list[float | None] = []
        self.top: float | None = None
        self.axis: Callable[[float], str] = lambda v: f"{v:g}"
        self.labels: list[tuple[int, str]] = []
        self.column_styles: list[str] = []

    def update_series(
        self,
        values: Sequence[float | None],
        *,
        top: float | None = None,
        axis: Callable[[float], str] | None = None,
        labels: Sequence[tuple[int, str]] = (),
        styles: Sequence[str] | str = "$accent",
    ) -> None:
        """``top``: the value of a full column (default: the largest value). ``styles``: one
        style for every column, or one per column."""
        self.values = list(values)
        self.top = top
        if axis is not None:
            self.axis = axis
        self.labels = list(labels)
        self.column_styles = [styles] * len(values) if isinstance(styles, str) else list(styles)
        self.update_chart()

    @property
    def lines(self) -> int:
        return self.rows + 2  # the bars, the axis, the labels

    def layout_for(self, width: int) -> tuple[int, int, int, int]:
        """(first value shown, values shown, column width, bar width) for ``width``."""
        top_label = self.axis(self._top())
        gutter = max(len(top_label), 1) + 1
        room = max(1, width - gutter - 1)
        n = len(self.values)
        if n == 0:
            return 0, 0, 1, 1
        column = max(1, min(4, room // n))
        shown = min(n, room // column)
        bar = column - 1 if column >= 2 else 1
        return n - shown, shown, column, bar

    def _top(self) -> float:
        if self.top is not None:
            return self.top
        return max((v for v in self.values if v is not None), default=0.0) or 1.0

    def draw(self, width: int) -> list[Content]:
        top = self._top()
        start, shown, column, bar = self.layout_for(width)
        top_label, zero_label = self.axis(top), self.axis(0)
        gutter = max(len(top_label), len(zero_label)) + 1
        values = self.values[start : start + shown]
        styles = self.column_styles[start : start + shown]
        eighths = [
            None if v is None else (0 if v <= 0 else max(1, round(v / top * self.rows * 8)))
            for v in values
        ]
        lines: list[Content] = []
        for row in range(self.rows):
            level = self.rows - 1 - row  # rows of eighths below this one
            label = top_label if row == 0 else zero_label if row == self.rows - 1 else ""
            tick = "┤" if label else "│"
            parts: list[Part | str] = [(label.rjust(gutter - 1) + " " + tick, MUTED)]
            for value, style in zip(eighths, styles, strict=True):
                if value is None:
                    cell = ("·" if level == 0 else " ").center(bar)
                    parts.append((cell, MUTED))
                else:
                    fill = max(0, min(8, value - level * 8))
                    parts.append((V_BLOCKS[fill] * bar, style))
                if column > bar:
                    parts.append(" " * (column - bar))
            lines.append(_line(parts).rstrip())
        lines.append(Content.styled(" " * gutter + "└" + "─" * (shown * column), MUTED))
        slots = [" "] * (gutter + 1 + shown * column + 8)
        for index, text in self.labels:
            at = index - start
            if 0 <= at < shown:
                _place(slots, gutter + 1 + at * column, text)
        lines.append(Content.styled("".join(slots[:width]).rstrip(), MUTED))
        return lines


# --------------------------------------------------------------------------- bullet gauge


class BulletGauge(Chart):
    """One ratio against a target: a bar filled to the value, the target marked on it, and
    the scale below. Green at or above the target, amber a little under, red well under."""

    MAX_WIDTH = 64

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.value: float | None = None
        self.target: float = 0.9
        self.value_note = ""

    def update_gauge(self, value: float | None, target: float, note: str = "") -> None:
        self.value = value
        self.target = target
        self.value_note = note
        self.update_chart()

    @property
    def lines(self) -> int:
        return 2

    def status_style(self) -> str:
        if self.value is None:
            return MUTED
        if self.value >= self.target - 0.02:
            return "$success"
        if self.value >= self.target - 0.10:
            return "$warning"
        return "$error"

    def draw(self, width: int) -> list[Content]:
        value_text = "–" if self.value is None else f"{round(100 * self.value)}%"
        bar_width = max(10, min(self.MAX_WIDTH, width) - 6)
        mark = min(bar_width - 1, round(self.target * bar_width))
        filled = 0 if self.value is None else round(max(0.0, min(1.0, self.value)) * bar_width)
        style = self.status_style()
        parts: list[Part | str] = []
        for x in range(bar_width):
            if x == mark:
                parts.append(("┃", "bold $foreground"))
            elif x < filled:
                parts.append(("█", style))
            else:
                parts.append(("░", TRACK))
        parts += ["  ", (value_text, f"bold {style}")]
        scale = [" "] * (bar_width + 6)
        target_text = f"▲ {round(100 * self.target)}% target"
        if mark + len(target_text) <= len(scale):
            _place(scale, mark, target_text)
        else:  # near the right end: the label ends at the mark
            _place(scale, mark - len(target_text) + 1, target_text[2:] + " ▲")
        _place(scale, 0, "0%")
        return [_line(parts), Content.styled("".join(scale).rstrip(), MUTED)]


# --------------------------------------------------------------------------- bar list


@dataclass(frozen=True, slots=True)
class BarRow:
    """One row of a :class:`BarList`. ``label`` is user text, drawn literally; ``fraction``
    None means "no figure" (the bar stays empty and the value reads ``–``)."""

    label: str
    fraction: float | None
    detail: str = ""
    muted: bool = False


class BarList(Chart):
    """Horizontal bars with labels, a percentage and a detail, one row each: mastery per bank
    and per tag. Bars grow by eighths of a cell."""

    MIN_BAR = 12
    MAX_BAR = 36

    def __init__(self, *, empty: str = "", id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[BarRow] = []
        self.empty = empty

    def update_rows(self, rows: Sequence[BarRow]) -> None:
        self.rows = list(rows)
        self.update_chart()

    @property
    def lines(self) -> int:
        return max(1, len(self.rows))

    def draw(self, width: int) -> list[Content]:
        if not self.rows:
            return [Content.styled(self.empty, MUTED)]
        detail_width = max(cell_len(r.detail) for r in self.rows)
        rest = 1 + 1 + 4 + (detail_width + 2 if detail_width else 0)  # gaps, "100%", detail
        if width - rest < 10 + self.MIN_BAR:  # too narrow for the details: drop them
            detail_width = 0
            rest = 1 + 1 + 4
        # titles matter most: they get what a short bar leaves, the bar the rest
        longest = max(cell_len(r.label) for r in self.rows)
        label_width = max(1, min(longest, max(10, width - rest - self.MIN_BAR)))
        bar_width = max(4, min(self.MAX_BAR, width - rest - label_width))
        lines = []
        for row in self.rows:
            label = Content(row.label).truncate(label_width, ellipsis=True, pad=True)
            if row.muted:
                label = label.stylize(MUTED)
            parts: list[Part | str | Content] = [label, " "]
            parts += self._bar(row.fraction, bar_width)
            value = "–" if row.fraction is None else f"{round(100 * row.fraction)}%"
            parts.append((f" {value:>4}", "bold" if row.fraction else MUTED))
            if detail_width:
                parts.append((f"  {row.detail}", MUTED))
            lines.append(Content.assemble(*parts))
        return lines

    @staticmethod
    def _bar(fraction: float | None, width: int) -> list[Part | str]:
        eighths = 0 if fraction is None else round(max(0.0, min(1.0, fraction)) * width * 8)
        if fraction and eighths == 0:
            eighths = 1  # a little is not nothing
        full, part = divmod(eighths, 8)
        track = f"$accent on {TRACK}"
        cells = "█" * full + (H_BLOCKS[part] if part else "")
        rest = width - len(cells)
        return [(cells, track), (" " * rest, f"on {TRACK}")]
