"""The one-line bar at the top of every screen: where you are on the left, status on the right."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from quiz.tui.text import as_content, bar_line, brand

__all__ = ["TopBar", "bar_line", "brand"]


class TopBar(Widget):
    """``quiz › Bank title`` on the left, the status (``3 of 70 · score 2/2``) on the right;
    the left part is cut with an ellipsis when both do not fit. One widget that draws one line
    (not a row of widgets to lay out): it is on screen before the first question is read."""

    DEFAULT_CSS = """
    TopBar { height: 1; dock: top; text-wrap: nowrap; }
    """

    def __init__(self, where: Content | str = "", status: Content | str = "") -> None:
        super().__init__()
        self.where = as_content(where)
        self.status = as_content(status)

    def set_where(self, where: Content | str) -> None:
        self.where = as_content(where)
        self.refresh()

    def set_status(self, status: Content | str) -> None:
        self.status = as_content(status)
        self.refresh()

    def render(self) -> Content:
        return bar_line(self.where, self.status, self.size.width)
