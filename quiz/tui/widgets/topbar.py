"""The one-line bar at the top of every screen: where you are on the left, status on the right."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static


class TopBar(Horizontal):
    DEFAULT_CSS = """
    TopBar { height: 1; dock: top; }
    TopBar > #where { width: 1fr; text-wrap: nowrap; text-overflow: ellipsis; }
    TopBar > #status { width: auto; }
    """

    def __init__(self, where: Content | str = "", status: Content | str = "") -> None:
        super().__init__()
        self._where = where
        self._status = status

    def compose(self) -> ComposeResult:
        yield Static(_content(self._where), id="where")
        yield Static(_content(self._status), id="status")

    def set_where(self, where: Content | str) -> None:
        self.query_one("#where", Static).update(_content(where))

    def set_status(self, status: Content | str) -> None:
        self.query_one("#status", Static).update(_content(status))


def _content(value: Content | str) -> Content:
    return value if isinstance(value, Content) else Content(value)


def brand(*where: str) -> Content:
    """``quiz › Bank title`` with the app name emphasised; the rest literal."""
    parts: list[str | tuple[str, str]] = [("quiz", "bold $accent")]
    for bit in where:
        parts.extend(((" › ", "$text-muted"), bit))
    return Content.assemble(*parts)
