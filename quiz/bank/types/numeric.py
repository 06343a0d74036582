"""Number: a typed figure, right within a tolerance ("80k", "about 80,000", "eighty thousand").

Everything about the type is here: model, bank-file fields and checks, codecs (bank file, cache
row, edit form), grading and its export shape (a number).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from quiz.bank.question import Question, format_number
from quiz.bank.types import plain
from quiz.bank.types.checks import number
from quiz.bank.types.form import EXPLANATION, PROMPT, FormField, FormSpec, one_line
from quiz.bank.types.registry import QuestionType, row_encoder
from quiz.bank.types.shapes import Number

if TYPE_CHECKING:
    from quiz.bank.validate_fields import Checker
    from quiz.bank.yamlsafe import LineDict
    from quiz.marking.grade import Grade


class Numeric(Question, frozen=True, kw_only=True):
    """Right when ``abs(given - answer) <= tolerance``."""

    TYPE: ClassVar[str] = "numeric"
    NAME: ClassVar[str] = "Number"
    answer: float
    tolerance: float = 0.0
    unit: str = ""

    def answer_text(self) -> str:
        value = format_number(self.answer)
        text = f"{value} {self.unit}".strip()
        if self.tolerance:
            text += f" (± {format_number(self.tolerance)})"
        return text


def build(check: Checker, q: LineDict, where: str, common: dict[str, Any]) -> Numeric | None:
    answer = number(check, q, "answer", where, required=True)
    tolerance = number(check, q, "tolerance", where, required=False) or 0.0
    if tolerance < 0:
        check.add(check.line_of(q, "tolerance"), f"{where}: 'tolerance' cannot be negative")
    unit = check.text(q, "unit", where)
    if answer is None:
        return None
    return Numeric(**common, answer=answer, tolerance=tolerance, unit=unit)


def to_dict(question: Numeric) -> dict[str, Any]:
    out: dict[str, Any] = {"answer": plain.number(question.answer)}
    if question.tolerance:
        out["tolerance"] = plain.number(question.tolerance)
    if question.unit:
        out["unit"] = question.unit
    return out


to_row = row_encoder(Numeric, ("answer", "tolerance", "unit"))


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
    answer: float,
    tolerance: float,
    unit: str,
) -> Numeric:
    """The question from its cache row (see :func:`~quiz.bank.types.registry.row_encoder`)."""
    return Numeric(
        id=qid,
        prompt=prompt,
        source=source,
        fact=fact,
        explanation=explanation,
        tags=tags,
        difficulty=difficulty,
        silence=silence,
        held_back=held,
        answer=answer,
        tolerance=tolerance,
        unit=unit,
    )


def grade_number(shape: Number, response: Any) -> Grade:
    """Grade a typed number: right within the tolerance (and a hair of rounding)."""
    from quiz.marking.grade import Grade
    from quiz.marking.numbers import parse_number
    from quiz.marking.outcome import Outcome
    from quiz.marking.text import normalise_answer

    given = str(response).strip()
    value = parse_number(given)
    if value is None:
        return Grade(Outcome.WRONG, given, ("That isn't a number.",))
    slack = shape.tolerance + 1e-9 * max(1.0, abs(shape.answer))
    if abs(value - shape.answer) <= slack:
        notes: tuple[str, ...] = ()
        if value != shape.answer:
            notes = (f"Close enough: the exact figure is {format_number(shape.answer)}.",)
        return Grade(Outcome.RIGHT, given, notes)
    # the feedback shows "You said" with the text as typed; say how it was read only when
    # that is not plain to see ("75k", "seventy-five thousand")
    shown = format_number(value)
    read = () if normalise_answer(given) == normalise_answer(shown) else (f"Read as {shown}.",)
    return Grade(Outcome.WRONG, given, read)


def shape(question: Numeric) -> Number:
    return Number(question.answer, question.tolerance, question.unit)


def grade(question: Numeric, response: Any) -> Grade:
    return grade_number(shape(question), response)


def form_fields(question: Numeric) -> list[FormField]:
    return [
        PROMPT,
        FormField("answer", "Answer", "a number like 80000 or 2.5"),
        FormField("tolerance", "Tolerance", "how far off still counts (optional)"),
        FormField("unit", "Unit", "shown after the answer box (optional)"),
        EXPLANATION,
    ]


def form_values(question: Numeric) -> dict[str, str]:
    return {
        "answer": format_number(question.answer).replace(",", ""),
        "tolerance": (
            format_number(question.tolerance).replace(",", "") if question.tolerance else ""
        ),
        "unit": question.unit,
    }


def form_read(base: Numeric, values: Mapping[str, str]) -> tuple[dict[str, Any], list[str]]:
    out: dict[str, Any] = {"answer": one_line(values, "answer")}
    if one_line(values, "tolerance"):
        out["tolerance"] = one_line(values, "tolerance")
    if one_line(values, "unit"):
        out["unit"] = one_line(values, "unit")
    return out, []


#: Registered by :mod:`quiz.bank.types`, in the order of the built-in types.
NUMERIC = QuestionType(
    model=Numeric,
    short_name="numeric",
    slow_seconds=40.0,
    fields=frozenset({"answer", "tolerance", "unit"}),
    build=build,
    to_dict=to_dict,
    to_row=to_row,
    from_row=from_row,
    grade=grade,
    shape=shape,
    form=FormSpec(form_fields, form_values, form_read),
)
