"""What an item analysis holds: the figures per question, per learner and for the whole bank.

Plain dataclasses, computed once by :func:`quiz.report.analysis.analyse` and read by every
renderer (text, JSON, CSV, HTML, the TUI screen), so that all of them show the same figures.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from quiz.report.discrimination import LOW, NEGATIVE, NOT_ASKED, Discrimination
from quiz.report.results import FlagNote

__all__ = [
    "NO_ANSWER",
    "Count",
    "QuestionReport",
    "Report",
    "StudentReport",
    "attention_first",
]

#: Stands for an empty answer among the wrong answers (a learner who gave nothing).
NO_ANSWER = "(no answer)"


@dataclass(frozen=True, slots=True)
class Count:
    """An answer and how often it was given."""

    text: str
    count: int
    in_bank: bool = True  # for wrong options: still one of the question's choices


@dataclass(slots=True)
class QuestionReport:
    """One question's figures. ``right / asked`` is its facility (the share answered right)."""

    id: str
    type: str
    prompt: str
    position: int  # in the bank, from 0
    asked: int = 0
    right: int = 0
    learners: int = 0
    median_seconds: float | None = None
    wrong_options: list[Count] = field(default_factory=list)
    wrong_answers: list[Count] = field(default_factory=list)
    flags: list[FlagNote] = field(default_factory=list)
    answer_changed: int = 0  # attempts made when the right answer was another
    discrimination: Discrimination = field(default_factory=lambda: Discrimination(NOT_ASKED))

    @property
    def percent_right(self) -> float | None:
        return 100 * self.right / self.asked if self.asked else None


@dataclass(slots=True)
class StudentReport:
    """One learner's line of the per-student table.

    ``name`` is what the teacher knows the learner by (the results file they handed in);
    learner ids are random so that results files name nobody. ``missed`` lists the questions
    the learner answered wrong at least once, in bank order: what to go over with them, even
    if they got it right on a later try.
    """

    learner_id: str
    name: str
    attempts: int = 0
    right: int = 0
    questions: int = 0  # distinct questions answered
    sessions: int = 0
    missed: list[str] = field(default_factory=list)

    @property
    def percent_right(self) -> float | None:
        return 100 * self.right / self.attempts if self.attempts else None


@dataclass(slots=True)
class Report:
    """The item analysis of one bank."""

    bank_id: str
    title: str
    questions: list[QuestionReport]  # hardest first; never asked at the end, in bank order
    learners: int = 0
    attempts: int = 0
    sessions: int = 0
    right: int = 0
    first: str = ""
    last: str = ""
    duplicates: int = 0
    sources: list[tuple[str, int]] = field(default_factory=list)  # (name, attempts read)
    not_in_bank: list[tuple[str, int]] = field(default_factory=list)  # (question id, attempts)
    flags_not_in_bank: list[FlagNote] = field(default_factory=list)
    students: list[StudentReport] = field(default_factory=list)  # lowest score first

    @property
    def percent_right(self) -> float | None:
        return 100 * self.right / self.attempts if self.attempts else None

    @property
    def flagged(self) -> list[QuestionReport]:
        """The questions whose discrimination is negative or low, worst first."""
        return [q for q in attention_first(self.questions) if q.discrimination.flagged]


def attention_first(questions: Iterable[QuestionReport]) -> list[QuestionReport]:
    """Negative discrimination first (the key may be wrong), then low, then the rest hardest
    first, never-asked questions last: the order in which a teacher should look at them."""
    return sorted(questions, key=_attention)


def _attention(q: QuestionReport) -> tuple[Any, ...]:
    d = q.discrimination
    rank = 0 if d.status == NEGATIVE else 1 if d.status == LOW else 2
    worst = d.point_biserial if d.flagged and d.point_biserial is not None else 0.0
    if not q.asked:
        return (3, 0.0, 0.0, 0, q.position)
    return (rank, worst, q.right / q.asked, -q.asked, q.position)
