"""The authoring screen's two forms: one question's fields, and the bank's title and details.

Every change to a question is checked by the bank validator at once
(:func:`quiz.authoring.question_from_form`), so the form can only return a valid question.
A field is cleared with ctrl+l (the hint line under the fields says so, for the field in use):
an optional one left empty is left out of the question, an empty line of a list is dropped,
and a required one says what it needs while the changes cannot be kept.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Select, Static, TextArea

from quiz.authoring import Draft, FormField, form_fields, form_values, question_from_form, swap_in
from quiz.bank.model import TYPE_NAMES, MultipleChoice
from quiz.tui.screens.author.content import source_content
from quiz.tui.screens.author.dialogs import AuthorHelp
from quiz.tui.screens.author.styles import AUTHOR_CSS

if TYPE_CHECKING:
    from quiz.tui.app import QuizApp


class EditQuestion(ModalScreen[dict[str, str] | None]):
    """The question's fields; every change is checked by the bank validator at once, and
    the changes are kept only when the question is valid."""

    CSS_PATH = AUTHOR_CSS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Keep changes", priority=True),
        Binding("ctrl+o", "other_options", "Other wrong options", priority=True),
        Binding("ctrl+l", "clear_field", "Clear field", priority=True),
        Binding("f1", "help", "Help", show=False),
    ]
    #: A small terminal: the fields take what the hint, the problems and the buttons leave,
    #: and the buttons are named shortly (see ``short_buttons``).
    VERTICAL_BREAKPOINTS = [(0, "-short"), (20, "-tall")]  # noqa: RUF012 (Screen's type)
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (60, "-wide")]  # noqa: RUF012

    app: QuizApp

    def __init__(self, draft: Draft, index: int) -> None:
        super().__init__()
        self.draft = draft
        self.index = index
        self.item = draft.items[index]
        self.fields = form_fields(self.item.question)
        self.initial = form_values(self.item.question)
        self.problems: list[str] = []
        self.offered = set(self.item.offered)

    def compose(self) -> ComposeResult:
        question = self.item.question
        with Vertical(id="edit"):
            yield Static(
                Content.assemble(
                    ("Edit · ", "bold"),
                    (TYPE_NAMES.get(question.type, question.type), "bold"),
                    ("  ·  ", "$text-muted"),
                    (question.id, "$text-muted"),
                ),
                id="edit-title",
            )
            with VerticalScroll(id="edit-fields"):
                for form_field in self.fields:
                    yield Static(_label(form_field), classes="field-label")
                    yield self._input(form_field)
                yield Static(Content("Source sentence"), classes="field-label")
                yield Static(source_content(self.draft, question), id="edit-source")
            yield Static(id="edit-problems")
            yield Static(id="edit-hint")
            with Horizontal(id="edit-buttons"):
                yield Button("Cancel  esc", id="cancel", compact=True)
                if isinstance(question, MultipleChoice):
                    yield Button("Other wrong options  ctrl+o", id="other", compact=True)
                yield Button("Keep changes  ctrl+s", id="save", variant="primary", compact=True)

    def _input(self, form_field: FormField) -> Input | TextArea | Select[str]:
        value = self.initial.get(form_field.name, "")
        wid = f"f-{form_field.name}"
        if form_field.options:
            return Select(
                [(o, o) for o in form_field.options],
                value=value,
                allow_blank=False,
                id=wid,
                compact=True,
            )
        if form_field.lines or form_field.wrap:
            kind = ParagraphArea if form_field.wrap else TextArea
            area = kind(value, id=wid, soft_wrap=True, tab_behavior="focus", compact=True)
            area.cursor_blink = self.app.cursor_blink
            area.set_class(form_field.wrap, "-paragraph")
            return area
        field_input = Input(value, id=wid, compact=True, select_on_focus=False)
        field_input.cursor_blink = self.app.cursor_blink
        return field_input

    def on_mount(self) -> None:
        self.validate()
        self._hint(self.fields[0])
        first = self.query_one(f"#f-{self.fields[0].name}")
        first.focus()
        if isinstance(first, TextArea):
            first.move_cursor(first.document.end)
        elif isinstance(first, Input):
            first.cursor_position = len(first.value)

    def values(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for form_field in self.fields:
            widget = self.query_one(f"#f-{form_field.name}")
            if isinstance(widget, TextArea):
                out[form_field.name] = widget.text
            elif isinstance(widget, Input):
                out[form_field.name] = widget.value
            elif isinstance(widget, Select):
                out[form_field.name] = str(widget.value)
        return out

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    def _changed(self) -> None:
        self.validate()

    def validate(self) -> bool:
        question, problems = question_from_form(self.draft, self.item.question, self.values())
        problems = [in_form_words(p, self.fields) for p in problems]
        self.problems = problems
        box = self.query_one("#edit-problems", Static)
        if problems:
            box.update(
                Content("\n").join(
                    Content.assemble(("⚠ ", "bold $error"), (p, "$error")) for p in problems[:4]
                )
            )
            box.set_class(True, "-invalid")
        else:
            box.update(Content.styled("✓ The question is valid.", "$success"))
            box.set_class(False, "-invalid")
        self.query_one("#save", Button).disabled = bool(problems)
        return question is not None

    @on(Input.Submitted)
    def _next_field(self) -> None:
        self.focus_next()

    def on_descendant_focus(self) -> None:
        """The hint line follows the field in use."""
        focused = self.focused
        name = (focused.id or "").removeprefix("f-") if focused is not None else ""
        for form_field in self.fields:
            if form_field.name == name:
                self._hint(form_field)

    def _hint(self, form_field: FormField) -> None:
        self.query_one("#edit-hint", Static).update(field_hint(form_field))

    def action_clear_field(self) -> None:
        """Empties the field in use (Esc still cancels every change). Whether the
        question is still valid shows at once, as for any change."""
        focused = self.focused
        if isinstance(focused, TextArea | Input):
            focused.clear()
        else:  # a choice (true or false), or a button: nothing to clear
            self.app.bell()

    def action_help(self) -> None:
        self.app.push_screen(AuthorHelp())

    def on_resize(self) -> None:
        short_buttons(self, self.size.width < NARROW)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        elif event.button.id == "other":
            self.action_other_options()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        if self.validate():
            self.dismiss(self.values())
        else:
            self.app.bell()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_other_options(self) -> None:
        base = self.item.question
        if not isinstance(base, MultipleChoice):
            return
        question, _ = question_from_form(self.draft, base, self.values())
        current = self.query_one("#f-wrong", TextArea)
        lines = [line.strip() for line in current.text.splitlines() if line.strip()]
        self.offered.update(line.casefold() for line in lines)
        fresh = self.draft.alternatives_for(
            question if isinstance(question, MultipleChoice) else base, self.offered
        )
        if not fresh:
            self.notify(
                "No other wrong options found in the article: write your own.",
                severity="warning",
                markup=False,
            )
            return
        self.offered.update(f.casefold() for f in fresh)
        current.load_text("\n".join(swap_in(lines, fresh)))
        self.validate()


class ParagraphArea(TextArea):
    """One paragraph of text, wrapped as it is typed; Enter moves to the next field."""

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.screen.focus_next()
            return
        await super()._on_key(event)


#: Narrower than this, the buttons are named shortly and "Other wrong options" is left to
#: its key (ctrl+o, which the hint of the wrong options names): all three did not fit at 40.
NARROW = 60
BUTTON_LABELS = {
    "cancel": ("Cancel  esc", "Cancel esc"),
    "other": ("Other wrong options  ctrl+o", "Other wrong options  ctrl+o"),
    "save": ("Keep changes  ctrl+s", "Keep ^s"),
}


def short_buttons(screen: Widget, narrow: bool) -> None:
    """The buttons named for the width: in full, or shortly below ``NARROW`` columns."""
    for button in screen.query("#edit-buttons Button").results(Button):
        if button.id in BUTTON_LABELS:
            button.label = BUTTON_LABELS[button.id][narrow]


def field_hint(form_field: FormField) -> Content:
    """The hint line for the field in use: how to clear it, and what an empty one makes."""
    if form_field.options:
        what = [("↑ ↓", "choose")]
    elif form_field.lines:
        what = [("ctrl+l", "clear all"), ("", "empty a line to remove it")]
        if form_field.name == "wrong":
            what.append(("ctrl+o", "other options"))
    elif "optional" in form_field.hint:
        what = [("ctrl+l", "clear (left out when empty)")]
    else:
        what = [("ctrl+l", "clear")]
    return Content("  ·  ").join(
        Content.assemble((key, "bold"), (" " if key else "") + text) for key, text in what
    )


#: A bank-file key in a validator's problem, where it names a field ("'prompt' is empty",
#: "required field 'answer' is missing"), not where it quotes a value ("duplicate item 'a'").
_KEY = re.compile(
    r"(?:required field )?'(?P<key>[a-z_]+)'(?= is | must | cannot | contains | lists )"
)
#: One entry of a list field: "an entry of 'accept' contains control characters".
_ENTRY = re.compile(r"\b(?P<one>an|each) entry of '(?P<key>[a-z_]+)'", re.IGNORECASE)

#: Keys of the bank file that the form shows under another field's name or none: a
#: fill-in-the-blank's blank (a line of Blanks), a choice question's options (its right
#: answers and wrong options together), a matching pair's two sides (a line of Pairs).
_KEY_FIELDS = {"blank": "blanks"}
_KEY_WORDS = {"choices": "the options", "left": "the left side", "right": "the right side"}


def in_form_words(problem: str, fields: list[FormField]) -> str:
    """A problem of the bank validator in the form's words: the label a teacher sees for each
    field it names ("Question is empty", not "'prompt' is empty"; "Text" for a fill-in-the-
    blank's prompt). The validator speaks of the bank file's keys, which the form never
    shows; a key it has no label for is left as it is."""
    labels = {f.name: f.label for f in fields}

    def field(key: str) -> str | None:
        return labels.get(key) or labels.get(_KEY_FIELDS.get(key, ""))

    def entry(match: re.Match[str]) -> str:
        one, key = match["one"], match["key"]
        if key == "choices":
            return f"{one} option"  # "an option", "each option"
        name = field(key)
        if name is None:
            return match[0]
        article = one if one.lower() == "each" else one[0]  # "an" -> "a"
        return f"{article} line of {name}"

    def key(match: re.Match[str]) -> str:
        name = match["key"]
        return field(name) or _KEY_WORDS.get(name) or match[0]

    text = _KEY.sub(key, _ENTRY.sub(entry, problem))
    prompt = labels.get("prompt")
    if prompt:  # "the prompt has 0 blank(s)", "each ___ in the prompt"
        text = re.sub(r"\b([Tt])he prompt\b", lambda m: f"{m[1]}he {prompt.lower()}", text)
    return text


def _label(form_field: FormField) -> Content:
    if form_field.hint:
        return Content.assemble((form_field.label, "bold"), (f"  {form_field.hint}", "$text-muted"))
    return Content.styled(form_field.label, "bold")


#: The bank details' fields (their labels, and the hint line while in use).
TITLE = FormField("title", "Title", wrap=True)
DESCRIPTION = FormField("description", "Description", "optional", wrap=True)
TAGS = FormField("tags", "Tags", "comma separated (optional)")


class BankDetails(ModalScreen[bool]):
    """The bank's title, description and tags. Dismissed with True when changed."""

    CSS_PATH = AUTHOR_CSS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Keep changes", priority=True),
        Binding("ctrl+l", "clear_field", "Clear field", priority=True),
        Binding("f1", "help", "Help", show=False),
    ]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (20, "-tall")]  # noqa: RUF012 (Screen's type)
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (60, "-wide")]  # noqa: RUF012

    app: QuizApp

    def __init__(self, draft: Draft) -> None:
        super().__init__()
        self.draft = draft

    def compose(self) -> ComposeResult:
        bank = self.draft.bank
        with Vertical(id="edit"):
            yield Static(
                Content.assemble(
                    ("Bank details", "bold"), ("  ·  ", "$text-muted"), (bank.id, "$text-muted")
                ),
                id="edit-title",
            )
            with VerticalScroll(id="edit-fields"):
                yield Static(_label(TITLE), classes="field-label")
                yield ParagraphArea(
                    bank.title, id="f-title", soft_wrap=True, compact=True, classes="-paragraph"
                )
                yield Static(_label(DESCRIPTION), classes="field-label")
                yield ParagraphArea(
                    bank.description,
                    id="f-description",
                    soft_wrap=True,
                    compact=True,
                    classes="-paragraph",
                )
                yield Static(_label(TAGS), classes="field-label")
                yield Input(", ".join(bank.tags), id="f-tags", compact=True)
                yield Static(
                    Content.assemble(
                        ("Article  ", "$text-muted"),
                        bank.source.title,
                        (f"  ({bank.source.file})" if bank.source.file else "", "$text-muted"),
                    ),
                    classes="field-label",
                )
            yield Static(id="edit-problems")
            yield Static(field_hint(TITLE), id="edit-hint")
            with Horizontal(id="edit-buttons"):
                yield Button("Cancel  esc", id="cancel", compact=True)
                yield Button("Keep changes  ctrl+s", id="save", variant="primary", compact=True)

    def on_descendant_focus(self) -> None:
        """The hint line follows the field in use."""
        focused = self.focused
        for form_field in (TITLE, DESCRIPTION, TAGS):
            if focused is not None and focused.id == f"f-{form_field.name}":
                self.query_one("#edit-hint", Static).update(field_hint(form_field))

    def action_clear_field(self) -> None:
        """Empties the field in use; the title is needed, and saving without one says so."""
        focused = self.focused
        if isinstance(focused, TextArea | Input):
            focused.clear()
        else:
            self.app.bell()

    def action_help(self) -> None:
        self.app.push_screen(AuthorHelp())

    def on_resize(self) -> None:
        short_buttons(self, self.size.width < NARROW)

    def on_mount(self) -> None:
        title = self.query_one("#f-title", TextArea)
        title.cursor_blink = self.app.cursor_blink
        self.query_one("#f-description", TextArea).cursor_blink = self.app.cursor_blink
        self.query_one("#f-tags", Input).cursor_blink = self.app.cursor_blink
        title.focus()
        title.move_cursor(title.document.end)

    @on(Input.Submitted)
    def _next_field(self) -> None:
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        before = self.draft.bank
        problems = self.draft.set_details(
            self.query_one("#f-title", TextArea).text,
            self.query_one("#f-description", TextArea).text,
            self.query_one("#f-tags", Input).value,
        )
        if problems:
            self.query_one("#edit-problems", Static).update(
                Content("\n").join(
                    Content.assemble(("⚠ ", "bold $error"), (p, "$error")) for p in problems
                )
            )
            return
        self.dismiss(self.draft.bank is not before)

    def action_cancel(self) -> None:
        self.dismiss(False)
