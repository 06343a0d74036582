"""Short answer: a typed text, compared forgivingly with the answer and its accepted variants.

Everything about the type is here: model, bank-file fields and checks, codecs (bank file, cache
row, edit form), grading and its export shape (text answers).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from quiz.bank.question import Question
from quiz.bank.types import plain
from quiz.bank.types.form import EXPLANATION, PROMPT, FormField, FormSpec, lines, one_line
from quiz.bank.types.registry import QuestionType, row_encoder
from quiz.bank.types.shapes import TextAnswers

if TYPE_CHECKING:
    from quiz.bank.validate_fields import Checker
    from quiz.bank.yamlsafe import LineDict
    from quiz.marking.grade import Grade


class ShortAnswer(Question, frozen=True, kw_only=True):
    """``answers[0]`` is shown as correct; the rest are accepted variants."""

    TYPE: ClassVar[str] = "short_answer"
    NAME: ClassVar[str] = "Short answer"
    answers: tuple[str, ...]

    def answer_text(self) -> str:
        return self.answers[0]


def build(check: Checker, q: LineDict, where: str, common: dict[str, Any]) -> ShortAnswer:
    answer = check.text(q, "answer", where, required=True)
    accept = [a for a, _ in check.text_list(q, "accept", where) if a]
    return ShortAnswer(**common, answers=(answer, *[a for a in accept if a != answer]))


def to_dict(question: ShortAnswer) -> dict[str, Any]:
    out: dict[str, Any] = {"answer": question.answers[0]}
    if len(question.answers) > 1:
        out["accept"] = plain.texts(question.answers[1:])
    return out


to_row = row_encoder(ShortAnswer, ("answers",))


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
    answers: tuple[str, ...],
) -> ShortAnswer:
    """The question from its cache row (see :func:`~quiz.bank.types.registry.row_encoder`)."""
    return ShortAnswer(
        id=qid,
        prompt=prompt,
        source=source,
        fact=fact,
        explanation=explanation,
        tags=tags,
        difficulty=difficulty,
        silence=silence,
        held_back=held,
        answers=answers,
    )


def grade_text(shape: TextAnswers, response: Any) -> Grade:
    """Grade a typed text against the accepted answers (the first is the main one)."""
    from quiz.marking.grade import Grade
    from quiz.marking.outcome import Outcome
    from quiz.marking.text import match_text

    given = str(response).strip()
    found = match_text(given, shape.answers)
    notes: list[str] = []
    if found.outcome is Outcome.NEAR_MISS:
        notes.append(f"Accepted a near miss: the exact answer is “{found.matched}”.")
    elif found.outcome is Outcome.RIGHT and found.matched != shape.answers[0]:
        notes.append(f"“{found.matched}” is accepted too.")
    return Grade(found.outcome, given, tuple(notes))


def shape(question: ShortAnswer) -> TextAnswers:
    return TextAnswers(question.answers)


def grade(question: ShortAnswer, response: Any) -> Grade:
    return grade_text(shape(question), response)


def form_fields(question: ShortAnswer) -> list[FormField]:
    return [
        PROMPT,
        FormField("answer", "Answer"),
        FormField("accept", "Also accept", "one per line (optional)", lines=True),
        EXPLANATION,
    ]


def form_values(question: ShortAnswer) -> dict[str, str]:
    return {"answer": question.answers[0], "accept": "\n".join(question.answers[1:])}


def form_read(base: ShortAnswer, values: Mapping[str, str]) -> tuple[dict[str, Any], list[str]]:
    out: dict[str, Any] = {"answer": one_line(values, "answer")}
    accept = lines(values.get("accept", ""))
    if accept:
        out["accept"] = accept
    return out, []


#: Registered by :mod:`quiz.bank.types`, in the order of the built-in types.
SHORT_ANSWER = QuestionType(
    model=ShortAnswer,
    short_name="short answer",
    slow_seconds=40.0,
    fields=frozenset({"answer", "accept"}),
    build=build,
    to_dict=to_dict,
    to_row=to_row,
    from_row=from_row,
    grade=grade,
    shape=shape,
    form=FormSpec(form_fields, form_values, form_read),
)
