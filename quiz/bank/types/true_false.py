"""True or false: a statement to judge against the article.

Everything about the type is here: model, bank-file field and check, codecs (bank file, cache
row, edit form), grading, and its export shape (a statement).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from quiz.bank.question import Question
from quiz.bank.types.form import EXPLANATION, FormField, FormSpec, one_line
from quiz.bank.types.registry import QuestionType, row_encoder
from quiz.bank.types.shapes import Statement

if TYPE_CHECKING:
    from quiz.bank.validate_fields import Checker
    from quiz.bank.yamlsafe import LineDict
    from quiz.marking.grade import Grade


class TrueFalse(Question, frozen=True, kw_only=True):
    """A statement to judge; ``answer`` says whether the article bears it out."""

    TYPE: ClassVar[str] = "true_false"
    NAME: ClassVar[str] = "True or false"
    answer: bool

    def answer_text(self) -> str:
        return "True" if self.answer else "False"


def build(check: Checker, q: LineDict, where: str, common: dict[str, Any]) -> TrueFalse | None:
    answer = q.get("answer")
    if not isinstance(answer, bool):
        check.add(check.line_of(q, "answer"), f"{where}: 'answer' must be true or false")
        return None
    return TrueFalse(**common, answer=answer)


def to_dict(question: TrueFalse) -> dict[str, Any]:
    return {"answer": question.answer}


to_row = row_encoder(TrueFalse, ("answer",))


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
    answer: bool,
) -> TrueFalse:
    """The question from its cache row (see :func:`~quiz.bank.types.registry.row_encoder`)."""
    return TrueFalse(
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
    )


def grade_statement(shape: Statement, response: Any) -> Grade:
    """Grade a judgement (``bool``) of a statement."""
    from quiz.marking.grade import Grade
    from quiz.marking.outcome import Outcome

    said = bool(response)
    outcome = Outcome.RIGHT if said is shape.answer else Outcome.WRONG
    return Grade(outcome, "True" if said else "False")


def shape(question: TrueFalse) -> Statement:
    return Statement(question.answer)


def grade(question: TrueFalse, response: Any) -> Grade:
    return grade_statement(shape(question), response)


def form_fields(question: TrueFalse) -> list[FormField]:
    return [
        FormField("prompt", "Statement", wrap=True),
        FormField("answer", "The statement is", options=("true", "false")),
        EXPLANATION,
    ]


def form_values(question: TrueFalse) -> dict[str, str]:
    return {"answer": "true" if question.answer else "false"}


def form_read(base: TrueFalse, values: Mapping[str, str]) -> tuple[dict[str, Any], list[str]]:
    answer = one_line(values, "answer").lower()
    problems = [] if answer in ("true", "false") else ["the statement is true or false"]
    return {"answer": answer == "true"}, problems


#: Registered by :mod:`quiz.bank.types`, in the order of the built-in types.
TRUE_FALSE = QuestionType(
    model=TrueFalse,
    short_name="true/false",
    slow_seconds=12.0,
    fields=frozenset({"answer"}),
    build=build,
    to_dict=to_dict,
    to_row=to_row,
    from_row=from_row,
    grade=grade,
    shape=shape,
    form=FormSpec(form_fields, form_values, form_read),
)
