"""The bar list: a labelled horizontal bar, a percentage and a detail per row."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from textual.content import Content

from quiz.tui.widgets.charts.base import H_BLOCKS, MUTED, TRACK, Chart, Part


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
