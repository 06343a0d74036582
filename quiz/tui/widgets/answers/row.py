"""A keyed line of an answer input: the key in a narrow column, the text wrapping beside it."""

from __future__ import annotations

from typing import ClassVar

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from quiz.tui.text import as_content


class Row(Widget):
    """A keyed line: the key in a narrow column and the text wrapping beside it (a hanging
    indent), so long choices stay aligned.

    One widget draws both: a key widget and a text widget side by side cost three widgets per
    row, and every widget adds styling, layout and compositing to the first paint of a
    question (about 2 ms each, measured with ``benchmarks/run.py --only startup``)."""

    KEY_WIDTH = 5

    COMPONENT_CLASSES: ClassVar[set[str]] = {"row--key"}

    DEFAULT_CSS = """
    Row { height: auto; padding: 0 1; }
    Row > .row--key { color: $accent; text-style: bold; }
    Row.-cursor { background: $accent 20%; }
    Row.-picked { text-style: bold; }
    Row.-right { background: $success 15%; }
    Row.-right > .row--key { color: $success; }
    Row.-wrong { background: $error 15%; }
    Row.-wrong > .row--key { color: $error; }
    Row.-other, Row.-used { color: $text-muted; }
    Row.-used > .row--key { color: $text-muted; text-style: none; }
    """

    def __init__(self, key: str, text: Content | str, *, classes: str = "") -> None:
        super().__init__(classes=classes)
        self._key = key
        self._text = as_content(text)

    def set_key(self, key: str) -> None:
        if key != self._key:
            self._key = key
            self.refresh()

    def set_text(self, text: Content | str) -> None:
        content = as_content(text)
        if not content.is_same(self._text):
            self._text = content
            self.refresh(layout=True)

    def _lines(self, width: int) -> list[Content]:
        return self._text.wrap(max(1, width - self.KEY_WIDTH)) or [Content()]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def render(self) -> Content:
        key = Content(self._key[: self.KEY_WIDTH].ljust(self.KEY_WIDTH)).stylize(
            self.get_visual_style("row--key", partial=True)
        )
        indent = Content(" " * self.KEY_WIDTH)
        lines = self._lines(self.content_size.width)
        return Content("\n").join(
            (key if n == 0 else indent) + line for n, line in enumerate(lines)
        )
