"""Multiple choice: pick the right choice, or with ``multiple: true`` every right one.

Everything about the type is here: the model, its bank-file fields and their checks, its
codecs (bank file, cache row, edit form), its grading and its export shape (a choice).
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from quiz.bank.question import Question
from quiz.bank.types import plain
from quiz.bank.types.checks import distinct
from quiz.bank.types.form import EXPLANATION, PROMPT, FormField, FormSpec, lines
from quiz.bank.types.registry import QuestionType, row_encoder
from quiz.bank.types.shapes import Choice

if TYPE_CHECKING:
    from quiz.bank.validate_fields import Checker
    from quiz.bank.yamlsafe import LineDict
    from quiz.marking.grade import Grade


class MultipleChoice(Question, frozen=True, kw_only=True):
    """``answers`` holds the correct choice texts: one, or several when ``multiple``."""

    TYPE: ClassVar[str] = "multiple_choice"
    NAME: ClassVar[str] = "Multiple choice"
    choices: tuple[str, ...]
    answers: tuple[str, ...]
    multiple: bool = False

    def answer_text(self) -> str:
        return "; ".join(self.answers)

    def correct_indices(self) -> frozenset[int]:
        return frozenset(i for i, c in enumerate(self.choices) if c in self.answers)


def build(check: Checker, q: LineDict, where: str, common: dict[str, Any]) -> MultipleChoice:
    from quiz.bank.yamlsafe import LineList  # the YAML reader: only when a bank is parsed

    choices = check.text_list(q, "choices", where, required=True)
    multiple = q.get("multiple", False)
    if not isinstance(multiple, bool):
        check.add(check.line_of(q, "multiple"), f"{where}: 'multiple' must be true or false")
        multiple = False
    if choices and not 2 <= len(choices) <= 6:
        check.add(check.line_of(q, "choices"), f"{where}: give 2 to 6 choices, not {len(choices)}")
    distinct(check, choices, where, "choice")
    texts = [c for c, _ in choices]
    answers = check.text_list(q, "answer", where, required=True)
    if not multiple and isinstance(q.get("answer"), LineList):
        check.add(
            check.line_of(q, "answer"),
            f"{where}: 'answer' is a list; add 'multiple: true' or give one answer",
        )
    elif not multiple and len(answers) > 1:
        check.add(
            check.line_of(q, "answer"), f"{where}: exactly one answer without 'multiple: true'"
        )
    for answer, line in answers:
        if answer and answer not in texts:
            close = difflib.get_close_matches(answer, texts, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            check.add(line, f"{where}: answer {answer!r} is not one of the choices{hint}")
    if len({a for a, _ in answers}) != len(answers):
        check.add(check.line_of(q, "answer"), f"{where}: the same answer is listed twice")
    return MultipleChoice(
        **common, choices=tuple(texts), answers=tuple(a for a, _ in answers), multiple=multiple
    )


def to_dict(question: MultipleChoice) -> dict[str, Any]:
    out: dict[str, Any] = {"multiple": True} if question.multiple else {}
    out["choices"] = plain.texts(question.choices)
    out["answer"] = plain.texts(question.answers) if question.multiple else question.answers[0]
    return out


to_row = row_encoder(MultipleChoice, ("choices", "answers", "multiple"))


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
    choices: tuple[str, ...],
    answers: tuple[str, ...],
    multiple: bool,
) -> MultipleChoice:
    """The question from its cache row (see :func:`~quiz.bank.types.registry.row_encoder`)."""
    return MultipleChoice(
        id=qid,
        prompt=prompt,
        source=source,
        fact=fact,
        explanation=explanation,
        tags=tags,
        difficulty=difficulty,
        silence=silence,
        held_back=held,
        choices=choices,
        answers=answers,
        multiple=multiple,
    )


def indices(response: Any) -> frozenset[int]:
    """A choice response as a set of indices: one ``int``, an iterable of them, or None."""
    if response is None:
        return frozenset()
    if isinstance(response, int):
        return frozenset({response})
    return frozenset(int(i) for i in response)


def grade_choice(shape: Choice, response: Any) -> Grade:
    """Grade the index (or indices) picked among ``shape.options``: any type presenting as a
    choice can grade with this."""
    from quiz.marking.grade import Grade
    from quiz.marking.outcome import Outcome

    picked = indices(response)
    options = shape.options
    given = "; ".join(options[i] for i in sorted(picked) if 0 <= i < len(options))
    right = shape.correct_indices()
    if not shape.multiple:
        ok = len(picked) == 1 and picked <= right
        return Grade(Outcome.RIGHT if ok else Outcome.WRONG, given)
    parts = tuple((i in picked) == (i in right) for i in range(len(options)))
    if picked == right:
        return Grade(Outcome.RIGHT, given, parts=parts)
    notes: list[str] = []
    missing = len(right - picked)
    extra = len(picked - right)
    if missing:
        notes.append(f"You missed {count(missing, 'right choice')}.")
    if extra:
        notes.append(f"You picked {count(extra, 'wrong choice')}.")
    return Grade(Outcome.WRONG, given, tuple(notes), parts)


def count(n: int, what: str) -> str:
    return f"{n} {what}" if n == 1 else f"{n} {what}s"


def shape(question: MultipleChoice) -> Choice:
    return Choice(question.choices, question.answers, question.multiple)


def grade(question: MultipleChoice, response: Any) -> Grade:
    return grade_choice(shape(question), response)


# --------------------------------------------------------------------------- edit form


def wrong_options(question: MultipleChoice) -> list[str]:
    """The choices that are not right answers, in their order."""
    return [c for c in question.choices if c not in question.answers]


def place_answers(question: MultipleChoice, answers: list[str], wrong: Sequence[str]) -> list[str]:
    """Choices: ``wrong`` with the answers inserted where the question has its right answers
    now (so that editing a wrong option never moves the answer)."""
    positions = sorted(question.correct_indices()) or [0]
    choices = list(wrong)
    for n, answer in enumerate(answers):
        at = positions[n] if n < len(positions) else len(choices)
        choices.insert(min(at, len(choices)), answer)
    return choices


def form_fields(question: MultipleChoice) -> list[FormField]:
    if question.multiple:
        middle = [
            FormField("answer", "Right answers", "one per line", lines=True),
            FormField("wrong", "Wrong options", "one per line", lines=True),
        ]
    else:
        middle = [
            FormField("answer", "Right answer"),
            FormField("wrong", "Wrong options", "one per line; 1 to 5 of them", lines=True),
        ]
    return [PROMPT, *middle, EXPLANATION]


def form_values(question: MultipleChoice) -> dict[str, str]:
    return {"answer": "\n".join(question.answers), "wrong": "\n".join(wrong_options(question))}


def form_read(base: MultipleChoice, values: Mapping[str, str]) -> tuple[dict[str, Any], list[str]]:
    out: dict[str, Any] = {"multiple": True} if base.multiple else {}
    problems: list[str] = []
    answers = lines(values.get("answer", ""))
    wrong = lines(values.get("wrong", ""))
    if not answers:
        problems.append("write the right answer")
    if not wrong:
        problems.append("give at least one wrong option")
    out["choices"] = place_answers(base, answers, wrong)
    if base.multiple:
        out["answer"] = answers
    else:
        if len(answers) > 1:
            problems.append("one right answer only (this is not a pick-all-that-apply)")
        out["answer"] = answers[0] if answers else ""
    return out, problems


#: Registered by :mod:`quiz.bank.types`, in the order of the built-in types.
MULTIPLE_CHOICE = QuestionType(
    model=MultipleChoice,
    short_name="multiple choice",
    slow_seconds=20.0,
    fields=frozenset({"choices", "answer", "multiple"}),
    build=build,
    to_dict=to_dict,
    leading=("multiple",),
    to_row=to_row,
    from_row=from_row,
    grade=grade,
    shape=shape,
    form=FormSpec(form_fields, form_values, form_read),
)
