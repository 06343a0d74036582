"""The one-line bar at the top of every screen: where you are on the left, status on the right."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from quiz.tui.text import as_content


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


def bar_line(where: Content, status: Content, width: int) -> Content:
    """The top bar's line, ``width`` cells: ``where`` on the left, ``status`` on the right."""
    if status.cell_length > width:  # the spaces that keep a title off it go first
        status = status[len(status.plain) - len(status.plain.lstrip(" ")) :]
    status = status.truncate(width, ellipsis=True)
    room = width - status.cell_length
    if where.cell_length > room:
        # a title cut to a letter or two says nothing: then none
        where = where.truncate(room - 1, ellipsis=True) if room > 4 else Content("")
    return Content.assemble(where, " " * max(room - where.cell_length, 0), status)


def brand(*where: str) -> Content:
    """``quiz › Bank title`` with the app name emphasised; the rest literal."""
    parts: list[str | tuple[str, str]] = [("quiz", "bold $accent")]
    for bit in where:
        parts.extend(((" › ", "$text-muted"), bit))
    return Content.assemble(*parts)
