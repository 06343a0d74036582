"""A headline figure: a small label, the value large and bold, a muted note."""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from quiz.tui.widgets.charts.base import MUTED


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
