"""What answering gives: a graded answer in the session (:class:`Result`) and, at the end, the
figures of the summary screen (:class:`Summary`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from msgspec import Struct

from quiz.bank.model import Question
from quiz.record import Answer, Outcome
from quiz.session.presenting import Item

if TYPE_CHECKING:
    from quiz.grading import Grade

__all__ = ["Breakdown", "Miss", "Result", "Summary", "breakdown"]


class Result(Struct, frozen=True):
    """A graded answer within the session."""

    item: Item
    grade: Grade
    answer: Answer

    @property
    def question(self) -> Question:
        return self.item.question

    @property
    def outcome(self) -> Outcome:
        return self.grade.outcome


class Breakdown(Struct, frozen=True):
    """How one group (a type, a tag) went."""

    name: str
    correct: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.correct / self.total) if self.total else 0


class Miss(Struct, frozen=True):
    """A question got wrong, for the summary: what was given and what was right."""

    question: Question
    given: str
    answer: str


class Summary(Struct, frozen=True):
    """The end of a session in figures: what the summary screen shows. Every figure is of
    first answers (an answer taken back with undo included); ``taken_back`` counts those.
    ``answered < total`` when the quiz ended early."""

    correct: int
    near_misses: int
    answered: int
    total: int
    seconds: float
    by_type: tuple[Breakdown, ...]
    by_tag: tuple[Breakdown, ...]
    missed: tuple[Miss, ...]
    taken_back: int = 0

    @property
    def ended_early(self) -> bool:
        return self.answered < self.total

    @property
    def percent(self) -> int:
        return round(100 * self.correct / self.answered) if self.answered else 0


def breakdown(
    results: Sequence[Result], keys: Callable[[Result], Iterable[str]]
) -> tuple[Breakdown, ...]:
    counts: dict[str, list[int]] = {}
    for r in results:
        for key in keys(r):
            entry = counts.setdefault(key, [0, 0])
            entry[0] += r.outcome.correct
            entry[1] += 1
    return tuple(Breakdown(k, c, t) for k, (c, t) in counts.items())
