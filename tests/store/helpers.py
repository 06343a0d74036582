"""Test helpers for the store, stats and srs tests: a settable clock and an answer factory."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from quiz.bank.model import Bank
from quiz.record import Answer, Outcome

#: The moment most tests start at: a Wednesday, 17:00 UTC.
T0 = datetime(2026, 11, 25, 17, 0, tzinfo=UTC)


@dataclass
class FakeClock:
    """The store's injectable clock; tests move time by hand, never by sleeping."""

    now: datetime = T0

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now

    def at(self, when: datetime) -> None:
        self.now = when


def answer(
    question_id: str = "q1",
    *,
    at: datetime,
    bank_id: str = "bank",
    outcome: Outcome = Outcome.RIGHT,
    seconds: float = 8.0,
    question_type: str = "multiple_choice",
    key: str = "Seoul",
    tags: tuple[str, ...] = (),
    given: str | None = None,
) -> Answer:
    return Answer(
        bank_id=bank_id,
        question_id=question_id,
        question_type=question_type,
        given=given if given is not None else (key if outcome.correct else "Tokyo"),
        outcome=outcome,
        seconds=seconds,
        answered_at=at,
        answer_key=key,
        tags=tags,
    )


def graded(bank: Bank, question_id: str, response: object, at: datetime) -> Answer:
    """What a learner's ``response`` to a question of ``bank`` records, graded as play grades
    it (4 seconds to answer): the report tests' learners answer through this."""
    from quiz.grading import grade

    question = bank.question(question_id)
    assert question is not None, question_id
    verdict = grade(question, response)
    return Answer(
        bank.id,
        question_id,
        question.type,
        verdict.given,
        verdict.outcome,
        4.0,
        at,
        question.answer_key(),
    )
