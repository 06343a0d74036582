"""Put in order: items listed in their right order, shown shuffled.

Everything about the type is here: model, bank-file field and checks, codecs (bank file, cache
row, edit form), grading and its export shape (a sequence).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from quiz.bank.question import Question
from quiz.bank.types.checks import distinct
from quiz.bank.types.form import EXPLANATION, PROMPT, FormField, FormSpec, lines
from quiz.bank.types.registry import QuestionType, row_encoder
from quiz.bank.types.shapes import Sequence

if TYPE_CHECKING:
    from quiz.bank.validate_fields import Checker
    from quiz.bank.yamlsafe import LineDict
    from quiz.marking.grade import Grade


class Ordering(Question, frozen=True, kw_only=True):
    """``items`` are in their right order; a quiz shows them shuffled."""

    TYPE: ClassVar[str] = "ordering"
    NAME: ClassVar[str] = "Put in order"
    items: tuple[str, ...]

    def answer_text(self) -> str:
        return " → ".join(self.items)


def build(check: Checker, q: LineDict, where: str, common: dict[str, Any]) -> Ordering:
    items = check.text_list(q, "items", where, required=True)
    # an empty list is as wrong as a short one (only a missing key is said otherwise)
    if q.get("items") is not None and not 2 <= len(items) <= 8:
        check.add(check.line_of(q, "items"), f"{where}: give 2 to 8 items, not {len(items)}")
    distinct(check, items, where, "item")
    return Ordering(**common, items=tuple(t for t, _ in items))


def to_dict(question: Ordering) -> dict[str, Any]:
    return {"items": list(question.items)}


to_row = row_encoder(Ordering, ("items",))


def from_row(
    _kind: str,
    qid: str,
    prompt: str,
    source: str,
    fact: str,
    explanation: str,
    tags: tuple[str, ...],
    difficulty: int | None,
    silence: tuple[tuple[str, str], ...],
    held: str,
    items: tuple[str, ...],
) -> Ordering:
    """The question from its cache row (see :func:`~quiz.bank.types.registry.row_encoder`)."""
    return Ordering(
        id=qid,
        prompt=prompt,
        source=source,
        fact=fact,
        explanation=explanation,
        tags=tags,
        difficulty=difficulty,
        silence=silence,
        held_back=held,
        items=items,
    )


def grade_sequence(shape: Sequence, response: Any) -> Grade:
    """Grade the item texts in the order the learner put them, place by place."""
    from quiz.marking.grade import Grade
    from quiz.marking.outcome import Outcome

    order = [str(r) for r in list(response)]
    items = shape.items
    parts = tuple(i < len(order) and order[i] == item for i, item in enumerate(items))
    given = " → ".join(order)
    if all(parts) and len(order) == len(items):
        return Grade(Outcome.RIGHT, given, parts=parts)
    note = f"{sum(parts)} of {len(parts)} in the right place."
    return Grade(Outcome.WRONG, given, (note,), parts)


def shape(question: Ordering) -> Sequence:
    return Sequence(question.items)


def grade(question: Ordering, response: Any) -> Grade:
    return grade_sequence(shape(question), response)


def form_fields(question: Ordering) -> list[FormField]:
    return [
        PROMPT,
        FormField("items", "Items", "one per line, in the right order", lines=True),
        EXPLANATION,
    ]


def form_values(question: Ordering) -> dict[str, str]:
    return {"items": "\n".join(question.items)}


def form_read(base: Ordering, values: Mapping[str, str]) -> tuple[dict[str, Any], list[str]]:
    return {"items": lines(values.get("items", ""))}, []


#: Registered by :mod:`quiz.bank.types`, in the order of the built-in types.
ORDERING = QuestionType(
    model=Ordering,
    short_name="ordering",
    slow_seconds=60.0,
    fields=frozenset({"items"}),
    build=build,
    to_dict=to_dict,
    to_row=to_row,
    from_row=from_row,
    grade=grade,
    shape=shape,
    form=FormSpec(form_fields, form_values, form_read),
)
