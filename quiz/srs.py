"""Spaced repetition: turns a graded :class:`~quiz.record.Answer` into an FSRS rating and a new
card schedule.

The quiz grades answers automatically, so the learner never presses Again/Hard/Good/Easy as in
Anki. We infer the rating instead, from what we know about the answer:

* wrong                                   → Again
* near miss (accepted with a small typo)  → Hard
* right, but slow for its question type   → Hard
* right and fast, on a card in Review     → Easy
* any other right answer                  → Good

"Slow" depends on the type because reading and answering a true/false statement takes far less
time than ordering six events: each type says its threshold (``slow_seconds`` of its
:class:`~quiz.bank.types.QuestionType`, in its module). See ``docs/scheduling.md`` for the
reasoning. The scheduling itself is the ``fsrs`` package's; this module only adapts it to our
data and never reimplements the algorithm.

Everything here is pure: time comes in with the answer, nothing touches the disk.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Final

from fsrs import Card, Rating, Scheduler, State

from quiz.bank.types import DEFAULT_SLOW_SECONDS, question_type
from quiz.record import Answer, Outcome

__all__ = [
    "DEFAULT_DESIRED_RETENTION",
    "DEFAULT_SLOW_SECONDS",
    "FAST_FRACTION",
    "MASTERED_STABILITY_DAYS",
    "CardState",
    "Rating",
    "Review",
    "Srs",
    "State",
    "rating_for",
    "slow_seconds",
]

DEFAULT_DESIRED_RETENTION: Final = 0.9

#: A right answer faster than this share of the slow threshold is "instant" (→ Easy, in Review).
FAST_FRACTION: Final = 1 / 3
#: A card counts as mastered once in Review with at least this stability (Anki's "mature").
MASTERED_STABILITY_DAYS: Final = 21.0


def slow_seconds(name: str) -> float:
    """The "slow" threshold of the question type ``name``, in seconds: its own
    (``QuestionType.slow_seconds``), or :data:`DEFAULT_SLOW_SECONDS` for a type not
    registered (an answer kept from a type this code does not know)."""
    try:
        return question_type(name).slow_seconds
    except KeyError:
        return DEFAULT_SLOW_SECONDS


def rating_for(answer: Answer, state_before: State | None) -> Rating:
    """The FSRS rating an auto-graded answer earns.

    ``state_before`` is the card's state before this answer, ``None`` for a card never reviewed.
    Easy is reserved for cards already in Review: a fast first answer may be a lucky guess (a
    true/false question is right half the time), so it must not jump straight to a long
    interval. An answer time that is zero, negative or not finite means "not timed" and never
    makes an answer Hard or Easy.
    """
    if answer.outcome is Outcome.WRONG:
        return Rating.Again
    if answer.outcome is Outcome.NEAR_MISS:
        return Rating.Hard
    seconds = answer.seconds
    if not math.isfinite(seconds) or seconds <= 0:
        return Rating.Good
    slow = slow_seconds(answer.question_type)
    if seconds >= slow:
        return Rating.Hard
    if seconds < slow * FAST_FRACTION and state_before is State.Review:
        return Rating.Easy
    return Rating.Good


@dataclass(frozen=True, slots=True)
class CardState:
    """The schedule of one question for one learner: FSRS's card plus two counters.

    Kept separate from ``fsrs.Card`` so the rest of quiz depends on plain frozen data, and so
    ``reps``/``lapses`` (which FSRS 6 no longer tracks) travel with the card. Times are UTC.
    """

    state: State
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime
    last_review: datetime | None = None
    reps: int = 0
    lapses: int = 0

    @classmethod
    def new(cls, now: datetime) -> CardState:
        """A card never reviewed, due at ``now`` (FSRS 6 models "new" as Learning step 0)."""
        return cls(state=State.Learning, step=0, stability=None, difficulty=None, due=now)

    @property
    def is_new(self) -> bool:
        return self.last_review is None

    def to_fsrs(self, card_id: int = 0) -> Card:
        return Card(
            card_id=card_id,
            state=self.state,
            step=self.step,
            stability=self.stability,
            difficulty=self.difficulty,
            due=self.due,
            last_review=self.last_review,
        )


@dataclass(frozen=True, slots=True)
class Review:
    """What reviewing a card produced: the rating inferred and the card after it."""

    rating: Rating
    before: CardState
    card: CardState


class Srs:
    """Our one FSRS scheduler: the desired retention and fuzzing are chosen here, once.

    ``fuzz=False`` makes intervals exact, for tests and for reproducible migrations.
    """

    def __init__(
        self, desired_retention: float = DEFAULT_DESIRED_RETENTION, *, fuzz: bool = True
    ) -> None:
        if not 0.0 < desired_retention < 1.0:
            raise ValueError(f"desired retention must be between 0 and 1, not {desired_retention}")
        self._scheduler = Scheduler(desired_retention=desired_retention, enable_fuzzing=fuzz)

    @property
    def desired_retention(self) -> float:
        return self._scheduler.desired_retention

    def review(self, card: CardState | None, answer: Answer) -> Review:
        """Review ``card`` (``None``: never seen) with ``answer``; returns the new schedule."""
        at = _utc(answer.answered_at)
        before = card if card is not None else CardState.new(at)
        rating = rating_for(answer, None if before.is_new else before.state)
        after, _log = self._scheduler.review_card(
            before.to_fsrs(),
            rating,
            review_datetime=at,
            review_duration=_milliseconds(answer.seconds),
        )
        lapsed = rating is Rating.Again and before.state is State.Review
        return Review(
            rating=rating,
            before=before,
            card=CardState(
                state=after.state,
                step=after.step,
                stability=after.stability,
                difficulty=after.difficulty,
                due=after.due,
                last_review=after.last_review,
                reps=before.reps + 1,
                lapses=before.lapses + int(lapsed),
            ),
        )

    def retrievability(self, card: CardState, now: datetime) -> float:
        """FSRS's predicted probability of recalling ``card`` at ``now`` (0 for a new card)."""
        return float(self._scheduler.get_card_retrievability(card.to_fsrs(), _utc(now)))


def _utc(moment: datetime) -> datetime:
    """FSRS insists on ``tzinfo is UTC``; any aware datetime is converted, naive is refused."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"datetime must be timezone-aware: {moment!r}")
    return moment.astimezone(UTC)


def _milliseconds(seconds: float) -> int | None:
    if not math.isfinite(seconds) or seconds < 0:
        return None
    return round(seconds * 1000)
