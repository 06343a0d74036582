"""What a graded answer is, and the one interface every answer is handed to.

The quiz session produces :class:`Answer` values; a :class:`Recorder` keeps them. The in-memory
recorder serves tests and sessions without a writable data dir; the SQLite store (``quiz.store``)
is the real one and commits each answer as it is given.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Protocol, runtime_checkable

from msgspec import Struct


class Outcome(StrEnum):
    RIGHT = "right"
    NEAR_MISS = "near_miss"  # accepted, but not exactly (a small typo, a missing accent)
    WRONG = "wrong"

    @property
    def correct(self) -> bool:
        return self is not Outcome.WRONG


class Answer(Struct, frozen=True):
    """One graded answer. ``answer_key`` is the question's canonical correct answer at the time,
    so a later change of the right answer can be detected and the schedule reset."""

    bank_id: str
    question_id: str
    question_type: str
    given: str
    outcome: Outcome
    seconds: float
    answered_at: datetime  # timezone-aware, UTC
    answer_key: str = ""
    tags: tuple[str, ...] = ()


@runtime_checkable
class Recorder(Protocol):
    """Receives every answer as it is given. ``record`` returns only once the answer is safe."""

    def record(self, answer: Answer) -> None: ...


class MemoryRecorder:
    """Keeps answers in a list; for tests and for when progress cannot be saved."""

    def __init__(self, answers: list[Answer] | None = None) -> None:
        self.answers: list[Answer] = [] if answers is None else answers

    def record(self, answer: Answer) -> None:
        self.answers.append(answer)
