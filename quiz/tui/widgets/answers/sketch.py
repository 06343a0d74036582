"""The first question's screen above the key bar, painted before the widgets that make it up
are built.

A quiz start waits for its first paint (``benchmarks/run.py --only startup``), and the screen
was most of it: the top bar, the progress line, a scroll, the card in it, the question's
head, Textual's ``Input`` in a
:class:`~quiz.tui.widgets.answers.typed.TextAnswer` (its stylesheet, its five component
classes, styled when mounted and again when it takes the focus) and the hint, about 13 ms of
a start that must stay within 1.1x of a hello-world app's. For a question answered in one
field alone (a short answer, a number without a unit, a cloze of one blank), :class:`FirstCard`
draws all that as the first frame shows it, cell for cell (the same text, wrapping, colours
from the same theme variables, the field's placeholder with the cursor on its first letter),
as one widget; right after the first paint the quiz screen mounts the real bars, scroll and
card in its place (:meth:`QuizScreen._unsketch`). The keys pressed meanwhile are held by the app and
handed on once the real field has the focus, one at a time and in order
(:meth:`QuizApp.release_keys`): nothing typed is lost, and the screen does not change
(``tests/tui/test_first_field_sketch.py`` compares the first frame with the real card's).
What a typed answer shows (:class:`TypedFields`) is worked out here, for both.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.color import Color
from textual.content import Content
from textual.css.styles import StylesBase
from textual.renderables.bar import Bar
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.visual import Visual, visualize
from textual.widget import Widget

from quiz.bank.types import shape_of
from quiz.bank.types.shapes import Blanks, Number
from quiz.tui.text import bar_line

if TYPE_CHECKING:
    from quiz.bank.model import Bank
    from quiz.session import Item

#: The keys of a typed answer (:class:`~quiz.tui.widgets.answers.typed.TextAnswer`'s): q and ?
#: are letters while typing.
TYPING_BINDINGS: list[BindingType] = [
    Binding(
        "ctrl+q", "screen.end", "End", tooltip="while typing: end the quiz (q is a letter here)"
    ),
    Binding("f1", "app.help", "Help", tooltip="while typing: this help (? is a letter)"),
]

#: The card's geometry (``app.tcss``: ``#card``, ``#prompt``, ``#hint``; ``TextAnswer``'s
#: field): its widest, its padding (top, sides), the field's widest.
CARD_MAX_WIDTH = 96
CARD_PADDING_TOP, CARD_PADDING_SIDE = 1, 2
FIELD_MAX_WIDTH = 60


class TypedFields:
    """What a typed answer (:class:`~quiz.tui.widgets.answers.typed.TextAnswer`: a cloze, a
    short answer, a number) shows: a field per blank with its label, the unit of a number,
    the placeholder and the hint under it. Worked out here, without the widget's module, so
    that a first question answered in one field alone is painted before that module is
    imported (:func:`~quiz.tui.widgets.answers.picking.lone_field`)."""

    __slots__ = ("blanks", "examples", "hint", "labels", "numeric", "unit")

    def __init__(self, item: Item, bank: Bank | None = None) -> None:
        shape = shape_of(item.question)
        self.numeric = isinstance(shape, Number)
        self.unit = shape.unit if isinstance(shape, Number) else ""
        self.blanks = isinstance(shape, Blanks)
        if isinstance(shape, Blanks):
            n = len(shape.blanks)
            self.labels = [f"({i})" for i in range(1, n + 1)] if n > 1 else [""]
        else:
            self.labels = [""]
        self.examples = ""
        if self.numeric:
            from quiz.tui.widgets.answers.numbers import number_examples  # a number's hint

            self.examples = number_examples(bank or item.bank)
        if self.numeric:
            self.hint = f"Type a number, then Enter: {self.examples} all work."
        elif len(self.labels) > 1:
            self.hint = "Fill each blank; Enter moves to the next and submits on the last."
        else:
            self.hint = "Type your answer and press Enter."

    @property
    def placeholder(self) -> str:
        return "a number" if self.numeric else "your answer"

    @property
    def alone(self) -> bool:
        """One field with neither a label nor a unit beside it (no row around it)."""
        return self.labels == [""] and not self.unit


class FirstCard(Widget, can_focus=True):
    """The first question's screen above the key bar as the first frame shows it (a short
    answer's, with its field empty and focused), until the real widgets take its place.

    It fills the screen above the key bar. Its component classes carry the rules that style
    the real widgets: the top bar (``app.tcss``), the progress line's bar, the muted colour
    of :class:`~quiz.tui.widgets.question_head.QuestionHead`'s kind line and of the hint
    (``#hint``), both ``$text-muted``, and the field (``TextAnswer``'s ``Input.-alone`` with
    the focus, Textual's ``Input`` rules for its placeholder and cursor; not those of an ANSI
    theme, where the real widgets are painted first: :meth:`QuizScreen.compose`). Its key
    bindings are those in force while that field has the focus, as far as the key bar shows
    them: the typing keys, and Enter as the field's own (the screen's "Continue" stays hidden);
    printable keys are the field's, so the screen's letter keys are not shown. No key reaches
    it: the app holds them all for the real field (:meth:`QuizApp.hold_keys`)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "first-card--top",
        "first-card--bar",
        "first-card--muted",
        "first-card--field",
        "first-card--cursor",
        "first-card--placeholder",
    }

    DEFAULT_CSS = """
    FirstCard {
        height: 1fr;
        & > .first-card--top { background: $panel; color: $foreground; }
        & > .first-card--bar { color: $accent; background: $panel; }
        & > .first-card--muted { color: $text-muted; }
        & > .first-card--field {
            color: $foreground;
            background: $accent 15%;
            background-tint: $foreground 5%;
        }
        & > .first-card--cursor {
            background: $input-cursor-background;
            color: $input-cursor-foreground;
            text-style: $input-cursor-text-style;
        }
        & > .first-card--placeholder { color: $text-disabled; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", "Submit", show=False),
        *TYPING_BINDINGS,
    ]

    def __init__(
        self,
        bar: tuple[Content, Content],
        kind: Content,
        prompt: Content,
        placeholder: str,
        hint: str,
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.where, self.status = bar
        self.kind = kind
        self.prompt = prompt
        self.placeholder = placeholder
        self.hint = hint
        self._lines: tuple[int, list[Strip]] | None = None

    def on_mount(self) -> None:
        """Take the focus now, as the real field does when it is mounted (so the first paint
        shows the field focused, and the key bar its keys)."""
        self.screen.set_focus(self, scroll_visible=False)

    def watch_has_focus(self, _has_focus: bool) -> None:
        """Not restyled as it takes the focus (or loses it, when it is removed): no rule of a
        start's stylesheet depends on its focus (it draws the focused field itself, from its
        component classes), and ``Widget``'s watcher styled it and its six component
        classes a second time before the first paint (about 0.8 ms), to the same styles.
        ``tests/tui/test_first_field_sketch.py`` compares its first frame with the real
        field's."""

    def check_consume_key(self, key: str, character: str | None) -> bool:
        """As ``Input``: a printable key is typed, never a binding of the screen."""
        return character is not None and character.isprintable()

    def action_submit(self) -> None:
        """Never run: the app holds every key until the real field is in."""

    # ------------------------------------------------------------------ drawing

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if self._lines is None or self._lines[0] != width:
            self._lines = (width, self._card(width))
        lines = self._lines[1]
        return lines[y] if y < len(lines) else Strip.blank(width, self.rich_style)

    def _card(self, width: int) -> list[Strip]:
        """The top bar, the progress line, then the card."""
        return [self._top_bar(width), self._progress_line(width), *self._question(width)]

    def _top_bar(self, width: int) -> Strip:
        """As :class:`~quiz.tui.widgets.topbar.TopBar` draws it (``app.tcss``: one cell of
        padding each side)."""
        style = self.get_visual_style("first-card--top")
        line = bar_line(self.where, self.status, max(width - 2, 0))
        strip = Visual.to_strips(self, line, max(width - 2, 0), 1, style)[0]
        pad = Strip.blank(1, self.get_component_rich_style("first-card--top"))
        return Strip.join([pad, strip, pad]).crop(0, width)

    def _progress_line(self, width: int) -> Strip:
        """As :class:`~quiz.tui.widgets.progress_line.ProgressLine` draws it, nothing done."""
        bar = self.get_component_rich_style("first-card--bar")
        line = Bar(
            highlight_range=(0, 0),
            highlight_style=Style.from_color(bar.color),
            background_style=Style.from_color(bar.bgcolor),
        )
        return Visual.to_strips(self, visualize(self, line), width, 1, self.visual_style)[0]

    def _question(self, width: int) -> list[Strip]:
        """The card's lines, as the scroll paints them: centred, at most
        :data:`CARD_MAX_WIDTH` wide, padded; the head (the kind's lines, a blank line, the
        prompt in bold), a blank line, the field and two blank lines under it, then the
        hint."""
        card = min(width, CARD_MAX_WIDTH)
        left = (width - card) // 2 + CARD_PADDING_SIDE
        inner = max(card - 2 * CARD_PADDING_SIDE, 1)
        base = self.rich_style
        blank = Strip.blank(width, base)

        def placed(strip: Strip) -> Strip:
            right = width - left - strip.cell_length
            return Strip.join(
                [Strip.blank(left, base), strip, Strip.blank(max(right, 0), base)]
            ).crop(0, width)

        def wrapped(content: Content, style: VisualStyle) -> list[Strip]:
            return [placed(s) for s in Visual.to_strips(self, content, inner, None, style)]

        # The head's kind and prompt are wrapped one at a time, as QuestionHead wraps the two
        # paragraphs of its "kind\n\nprompt": splitting a text at its line ends compiles a
        # regular expression (Textual's Content.split: 0.3 ms before the first paint)
        kind = self.kind.stylize_before(self.get_visual_style("first-card--muted"))
        prompt = self.prompt.stylize_before("bold")
        hint = Content(self.hint)
        lines = [blank] * CARD_PADDING_TOP
        lines += [*wrapped(kind, self.visual_style), blank, *wrapped(prompt, self.visual_style)]
        lines += [blank, placed(self._field(min(inner, FIELD_MAX_WIDTH))), blank, blank]
        lines += wrapped(hint, self.get_visual_style("first-card--muted"))
        return lines

    def _field(self, width: int) -> Strip:
        """The empty field with the focus, as ``Input`` draws it (Textual 8.2.8, pinned): the
        placeholder with the cursor on its first letter, one cell of padding each side."""
        field = self.get_component_rich_style("first-card--field")
        background = Color.from_rich_color(field.bgcolor)
        placeholder = self.get_component_styles("first-card--placeholder")
        cursor = self.get_component_styles("first-card--cursor")
        cursor_background = background + cursor.background
        placeholder_style = placeholder.text_style + Style.from_color(
            (background + _color(placeholder, background)).rich_color, background.rich_color
        )
        cursor_style = cursor.text_style + Style.from_color(
            (cursor_background + _color(cursor, cursor_background)).rich_color,
            cursor_background.rich_color,
        )
        text = Text(self.placeholder, justify="left", end="")
        text.stylize(placeholder_style)
        text.stylize(cursor_style, 0, 1)
        inner = max(width - 2, 0)
        console = self.app.console
        content = Strip(console.render(text, self.app.console_options.update_width(inner + 1)))
        content = content.crop(0, inner).apply_style(field)
        pad = Strip([Segment(" ", field)])
        return Strip.join([pad, content, pad])


def _color(styles: StylesBase, background: Color) -> Color:
    """A component's text colour over ``background``, as a widget's own is worked out
    (``DOMNode.rich_style``): ``auto`` is the contrasting colour."""
    if styles.has_rule("auto_color") and styles.auto_color:
        return background.get_contrast_text(styles.color.a)
    return styles.color
