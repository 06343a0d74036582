"""How far through the quiz: one line under the top bar."""

from __future__ import annotations

from typing import ClassVar

from rich.console import RenderableType
from rich.style import Style
from textual.renderables.bar import Bar
from textual.widget import Widget


class ProgressLine(Widget):
    """The line Textual's ``ProgressBar`` draws (its own bar renderable, half cells and all),
    as one widget: ``ProgressBar`` is a row of three widgets (bar, percentage, ETA) to style
    and lay out before the first question shows, and only its bar is wanted here."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"bar--bar", "bar--complete"}

    DEFAULT_CSS = """
    ProgressLine { height: 1; }
    ProgressLine > .bar--bar { color: $accent; background: $panel; }
    ProgressLine > .bar--complete { color: $success; }
    """

    def __init__(self, total: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.total = max(total, 1)
        self.done = 0

    def update(self, done: int) -> None:
        self.done = done
        self.refresh()

    def render(self) -> RenderableType:
        fraction = min(self.done / self.total, 1.0)
        style = self.get_component_rich_style("bar--bar" if fraction < 1 else "bar--complete")
        return Bar(
            highlight_range=(0, self.size.width * fraction),
            highlight_style=Style.from_color(style.color),
            background_style=Style.from_color(style.bgcolor),
        )
