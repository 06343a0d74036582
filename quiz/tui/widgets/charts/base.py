"""What every chart shares: the block characters, the theme's colours, a row of labels placed
without overlap, and :class:`Chart`, a widget that draws itself for its width."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

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
