"""The first question's typed field, painted before Textual's ``Input`` is built.

A quiz start waits for its first paint (``benchmarks/run.py --only startup``), and a short
answer's field was the dearest thing on it: Textual's ``Input`` (its stylesheet, its five
component classes, styled once when mounted and again when it takes the focus) and the
:class:`~quiz.tui.widgets.answers.typed.TextAnswer` around it, about 6 ms of a start that
must stay within 1.1x of a hello-world app's. :class:`FieldSketch` draws the same field as
one plain widget (the same colours from the same theme variables, the placeholder with the
cursor on its first letter) and takes the keys meanwhile; right after the first paint the
quiz screen mounts the real input in its place (:meth:`QuizScreen._unsketch`). The keys
pressed meanwhile are held by the app and handed on once the real field has the focus, one
at a time and in order (:meth:`QuizApp.release_keys`): nothing typed is lost, and the screen
does not change.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.strip import Strip
from textual.widget import Widget

#: The keys of a typed answer (:class:`~quiz.tui.widgets.answers.typed.TextAnswer`'s): q and ?
#: are letters while typing.
TYPING_BINDINGS: list[BindingType] = [
    Binding(
        "ctrl+q", "screen.end", "End", tooltip="while typing: end the quiz (q is a letter here)"
    ),
    Binding("f1", "app.help", "Help", tooltip="while typing: this help (? is a letter)"),
]


class FieldSketch(Widget, can_focus=True):
    """A short answer's field, as the focused, empty ``Input`` of a
    :class:`~quiz.tui.widgets.answers.typed.TextAnswer` draws it (compact, ``-alone``), until
    the real one takes its place.

    The rules below are those that style that ``Input`` (Textual's own and ``TextAnswer``'s),
    resolved for an empty field with the focus; the margin under it is the one the field has
    inside its ``TextAnswer``, which does not collapse with the hint's (two blank lines, as
    before). Its key bindings are those in force while that ``Input`` has the focus, as far as
    the key bar shows them: the typing keys, and Enter as the field's own (the screen's
    "Continue" stays hidden); printable keys are the field's, so the screen's letter keys are
    not shown. No key reaches it: the app holds them all for the real field
    (:meth:`QuizApp.hold_keys`)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"field-sketch--cursor", "field-sketch--placeholder"}

    DEFAULT_CSS = """
    FieldSketch {
        width: 1fr;
        max-width: 60;
        height: 1;
        margin-bottom: 2;
        padding: 0 1;
        color: $foreground;
        background: $accent 15%;
        background-tint: $foreground 5%;
        & > .field-sketch--cursor {
            background: $input-cursor-background;
            color: $input-cursor-foreground;
            text-style: $input-cursor-text-style;
        }
        & > .field-sketch--placeholder { color: $text-disabled; }
        &:ansi {
            color: ansi_default;
            & > .field-sketch--cursor { background: ansi_white; color: ansi_black; }
            & > .field-sketch--placeholder { text-style: dim; color: ansi_default; }
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", "Submit", show=False),
        *TYPING_BINDINGS,
    ]

    def __init__(self, placeholder: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.placeholder = placeholder

    def on_mount(self) -> None:
        """Take the focus now, as the real input does when it is mounted (so the first
        paint shows the field focused, and the keys come here)."""
        self.screen.set_focus(self, scroll_visible=False)

    def check_consume_key(self, key: str, character: str | None) -> bool:
        """As ``Input``: a printable key is typed, never a binding of the screen."""
        return character is not None and character.isprintable()

    def action_submit(self) -> None:
        """Never run: the app holds every key until the real field is in."""

    def render_line(self, y: int) -> Strip:
        """The placeholder with the cursor on its first letter, drawn as ``Input`` draws an
        empty focused field (Textual 8.2.8, pinned)."""
        if y != 0:
            return Strip.blank(self.size.width, self.rich_style)
        console = self.app.console
        placeholder = Text(self.placeholder, justify="left", end="")
        placeholder.stylize(self.get_component_rich_style("field-sketch--placeholder"))
        placeholder.stylize(self.get_component_rich_style("field-sketch--cursor"), 0, 1)
        width = self.scrollable_content_region.width
        strip = Strip(console.render(placeholder, self.app.console_options.update_width(width + 1)))
        return strip.apply_style(self.rich_style)
