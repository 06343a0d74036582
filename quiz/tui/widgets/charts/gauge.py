"""The bullet gauge: one ratio against a target."""

from __future__ import annotations

from textual.content import Content

from quiz.tui.widgets.charts.base import MUTED, TRACK, Chart, Part, _line, _place


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
