"""The head of a question: its number and kind over its prompt, drawn by one widget."""

from __future__ import annotations

from typing import ClassVar

from textual.content import Content
from textual.widgets import Static


class QuestionHead(Static):
    """``Question 3  ·  Multiple choice``, a blank line, then the prompt in bold.

    One widget rather than two (a muted line of kind and a bold prompt under it): every
    widget on the first question's path adds styling, layout and compositing to the first
    paint (``benchmarks/run.py --only startup``), and the two always change together. The
    kind's line is drawn in the muted colour a widget of its own had (``question-head--kind``),
    so the screen looks exactly as before."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"question-head--kind"}

    DEFAULT_CSS = """
    QuestionHead > .question-head--kind { color: $text-muted; }
    """

    def __init__(self, kind: Content, prompt: Content, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.kind = kind
        self.prompt = prompt

    def show(self, kind: Content, prompt: Content) -> None:
        """Another question's head, in place."""
        self.kind = kind
        self.prompt = prompt
        self.refresh(layout=True)

    def render(self) -> Content:
        kind = self.kind.stylize_before(self.get_visual_style("question-head--kind"))
        return Content.assemble(kind, "\n\n", self.prompt.stylize_before("bold"))

    @property
    def prompt_offset(self) -> int:
        """How many lines down the prompt starts: under the kind (as it wraps now) and the
        blank line."""
        width = max(1, self.content_size.width)
        return len(self.kind.wrap(width)) + 1
