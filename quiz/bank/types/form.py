"""The edit form of ``quiz author``, as each type describes it: fields, values, and back.

A type's :class:`FormSpec` says which fields a teacher edits, what they show for a question,
and the bank-file mapping of the type's own fields that the edited text makes (checked after by
the bank validator itself, :mod:`quiz.authoring.form`). It lives here, with the types, so that a
type's form is written in the type's module and the authoring code dispatches through the
registry, knowing no type.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Generic, TypeVar

from msgspec import Struct

from quiz.bank.question import Question

Q = TypeVar("Q", bound=Question)


class FormField(Struct, frozen=True):
    """One field of the edit form. ``lines``: a text area, one entry per line. ``wrap``: one
    paragraph of text, wrapped as it is typed (line breaks become spaces). ``options``: one of
    these values (shown as a choice, not typed)."""

    name: str
    label: str
    hint: str = ""
    lines: bool = False
    wrap: bool = False
    options: tuple[str, ...] = ()


PROMPT = FormField("prompt", "Question", wrap=True)
EXPLANATION = FormField(
    "explanation", "Explanation", "shown after the answer (optional)", wrap=True
)


class FormSpec(Struct, Generic[Q], frozen=True):
    """How one type is edited.

    ``fields(question)``: the fields in order (prompt and explanation included: a type may name
    its prompt otherwise, "Statement"). ``values(question)``: the type's own fields as the form
    shows them (prompt and explanation are filled in by the caller). ``read(base, values)``:
    the type's own keys of the bank-file mapping the form describes, in the file's order, and
    the problems the form itself can see (a pair without an arrow)."""

    fields: Callable[[Q], list[FormField]]
    values: Callable[[Q], dict[str, str]]
    read: Callable[[Q, Mapping[str, str]], tuple[dict[str, Any], list[str]]]


def lines(text: str) -> list[str]:
    """The non-empty lines of a text area, stripped."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def one_line(values: Mapping[str, str], name: str) -> str:
    """A field's text with its whitespace collapsed (a line break typed is a space)."""
    return " ".join(values.get(name, "").split())
