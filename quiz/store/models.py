"""Plain values the store hands out: callers never see SQLite rows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Final, Literal, NamedTuple

from quiz.srs import CardState, Rating, State

__all__ = [
    "ALL_BANKS",
    "MODES",
    "BankTotals",
    "CardMastery",
    "DayTotals",
    "DueCounts",
    "DueItem",
    "Flag",
    "LastScore",
    "Mode",
    "RecordResult",
    "RemovedCard",
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


# -- what a snapshot of the store hands the stats (see quiz.store.backend.ScoreSnapshot) -------


class DayTotals(NamedTuple):
    """Answers given on one of the learner's days: all of them, the right ones, and those on
    cards in Review state (``reviews``) with how many of those were recalled (true retention)."""

    day: date
    attempts: int
    correct: int
    reviews: int
    recalled: int


class BankTotals(NamedTuple):
    """Answers given to one bank's questions, and the right ones among them."""

    bank_id: str
    attempts: int
    correct: int


class CardMastery(NamedTuple):
    """The cards of one bank that carry one set of tags: how many, and how many are mastered
    (in Review state with a stability of at least :data:`quiz.srs.MASTERED_STABILITY_DAYS`)."""

    bank_id: str
    tags: Sequence[str]
    cards: int
    mastered: int


class RemovedCard(NamedTuple):
    """A card whose question is no longer in its bank (or whose bank is gone): its share is
    taken back out of the stats."""

    bank_id: str
    tags: Sequence[str]
    mastered: bool
    due: datetime
