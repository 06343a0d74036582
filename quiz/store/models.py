"""Plain values the store hands out: callers never see SQLite rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Final, Literal, NamedTuple

from quiz.srs import CardState, Rating, State

__all__ = [
    "ALL_BANKS",
    "MODES",
    "DueCounts",
    "DueItem",
    "Flag",
    "LastScore",
    "Mode",
    "RecordResult",
]

Mode = Literal["play", "review", "cram"]
MODES: Final[tuple[str, ...]] = ("play", "review", "cram")

#: The ``bank_id`` of a session that spans several banks (a review of everything due).
ALL_BANKS: Final = "*"


@dataclass(frozen=True, slots=True)
class RecordResult:
    """What recording one answer did. ``card`` is the schedule after it (``None`` in cram,
    which never touches schedules, and for a retake, which counts nowhere); ``schedule_reset``
    is true when the question's right answer had changed since the card was last seen, so its
    schedule started over."""

    attempt_id: int
    rating: Rating | None = None
    card: CardState | None = None
    schedule_reset: bool = False
    retake: bool = False

    @property
    def due(self) -> datetime | None:
        return self.card.due if self.card else None


@dataclass(frozen=True, slots=True)
class DueItem:
    """One question to ask in a review. New questions (never scheduled) have no ``due``."""

    bank_id: str
    question_id: str
    due: datetime | None
    state: State | None

    @property
    def is_new(self) -> bool:
        return self.due is None


@dataclass(frozen=True, slots=True)
class Flag:
    """A learner's report that a question is wrong, unclear or outdated, for its author."""

    id: int
    bank_id: str
    question_id: str
    reason: str
    note: str
    created_at: datetime


class LastScore(NamedTuple):
    """The score of a bank's last finished session (for the home screen)."""

    correct: int
    total: int
    when: datetime


class DueCounts(NamedTuple):
    """``due_now``: scheduled cards due at ``now``; ``due_tomorrow``: cards that will be due by
    the end of tomorrow (in the clock's time zone) if nothing is reviewed, so it includes
    ``due_now``. New questions are not counted: they are not due, only available."""

    due_now: int
    due_tomorrow: int
