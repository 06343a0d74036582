"""The column chart: vertical bars with eighth-cell tops, a y axis and chosen labels."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.content import Content

from quiz.tui.widgets.charts.base import MUTED, V_BLOCKS, Chart, Part, _line, _place


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
        # a label that does not fit the width is left out whole, never cut
        slots = [" "] * min(width, gutter + 1 + shown * column + 8)
        for index, text in self.labels:
            at = index - start
            if 0 <= at < shown:
                _place(slots, gutter + 1 + at * column, text)
        lines.append(Content.styled("".join(slots).rstrip(), MUTED))
        return lines
