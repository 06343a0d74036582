"""The progress figures as values (plain frozen dataclasses): what the stats screen shows and
``quiz stats --json`` writes (:meth:`Stats.to_json_dict`), with days folded into weeks and the
streak."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

__all__ = [
    "BankStats",
    "DayActivity",
    "ForecastDay",
    "PeriodActivity",
    "Retention",
    "Stats",
    "TagStats",
    "streak_days",
    "weekly",
]


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass(frozen=True, slots=True)
class DayActivity:
    """Answers given on one day (one cell of the calendar heatmap)."""

    day: date
    attempts: int
    correct: int
    reviews: int = 0  # answers on cards in Review state (see :class:`Retention`)
    recalled: int = 0

    @property
    def accuracy(self) -> float | None:
        return _ratio(self.correct, self.attempts)

    @property
    def true_retention(self) -> float | None:
        return _ratio(self.recalled, self.reviews)


@dataclass(frozen=True, slots=True)
class PeriodActivity:
    """Answers in a period starting on ``start`` (a week starts on Monday)."""

    start: date
    attempts: int
    correct: int
    reviews: int = 0
    recalled: int = 0

    @property
    def accuracy(self) -> float | None:
        return _ratio(self.correct, self.attempts)

    @property
    def true_retention(self) -> float | None:
        return _ratio(self.recalled, self.reviews)


@dataclass(frozen=True, slots=True)
class ForecastDay:
    """Cards falling due on ``day``; today's figure includes everything already overdue."""

    day: date
    due: int


@dataclass(frozen=True, slots=True)
class Retention:
    """True retention: of the reviews of cards in Review state (cards FSRS had scheduled
    out, not ones still being learned), the share answered right. FSRS aims at ``desired``;
    well below it means the schedule is too optimistic for this learner."""

    reviews: int
    recalled: int
    desired: float

    @property
    def true_retention(self) -> float | None:
        return _ratio(self.recalled, self.reviews)


@dataclass(frozen=True, slots=True)
class BankStats:
    """One bank. ``questions`` is known only when the caller passed the banks' question ids;
    then ``new`` (never reviewed) and ``mastery`` are over the bank's current questions,
    otherwise ``mastery`` is over the cards seen."""

    bank_id: str
    attempts: int = 0
    correct: int = 0
    cards: int = 0
    due_now: int = 0
    mastered: int = 0
    questions: int | None = None

    @property
    def accuracy(self) -> float | None:
        return _ratio(self.correct, self.attempts)

    @property
    def new(self) -> int | None:
        return None if self.questions is None else max(self.questions - self.cards, 0)

    @property
    def mastery(self) -> float | None:
        return _ratio(self.mastered, self.cards if self.questions is None else self.questions)

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "attempts": self.attempts,
            "correct": self.correct,
            "accuracy": self.accuracy,
            "cards": self.cards,
            "due_now": self.due_now,
            "mastered": self.mastered,
            "mastery": self.mastery,
            "questions": self.questions,
            "new": self.new,
        }


@dataclass(frozen=True, slots=True)
class TagStats:
    """Mastery of the questions carrying one tag (as of their last review)."""

    tag: str
    cards: int
    mastered: int

    @property
    def mastery(self) -> float | None:
        return _ratio(self.mastered, self.cards)


@dataclass(frozen=True, slots=True)
class Stats:
    """Everything the stats screen shows. "Mastered": a card in Review with a stability of
    at least :data:`quiz.srs.MASTERED_STABILITY_DAYS` days."""

    generated_at: datetime
    today: date
    attempts: int
    correct: int
    sessions: int
    due_now: int
    due_tomorrow: int
    streak_days: int
    retention: Retention
    due_later_today: int = 0  # not due yet, but before the learner's midnight
    days: tuple[DayActivity, ...] = ()
    forecast: tuple[ForecastDay, ...] = ()
    banks: tuple[BankStats, ...] = ()
    tags: tuple[TagStats, ...] = ()
    weeks: tuple[PeriodActivity, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "weeks", weekly(self.days))

    @property
    def accuracy(self) -> float | None:
        return _ratio(self.correct, self.attempts)

    def bank(self, bank_id: str) -> BankStats | None:
        return next((b for b in self.banks if b.bank_id == bank_id), None)

    def to_json_dict(self) -> dict[str, Any]:
        """One JSON-ready object: the contract of ``quiz stats --json``."""
        return {
            "generated_at": self.generated_at.isoformat(),
            "today": self.today.isoformat(),
            "attempts": self.attempts,
            "correct": self.correct,
            "accuracy": self.accuracy,
            "sessions": self.sessions,
            "due_now": self.due_now,
            "due_later_today": self.due_later_today,
            "due_tomorrow": self.due_tomorrow,
            "streak_days": self.streak_days,
            "desired_retention": self.retention.desired,
            "true_retention": self.retention.true_retention,
            "retention_reviews": self.retention.reviews,
            "banks": {b.bank_id: b.to_json_dict() for b in self.banks},
            "tags": {
                t.tag: {"cards": t.cards, "mastered": t.mastered, "mastery": t.mastery}
                for t in self.tags
            },
            "days": [
                {
                    "date": d.day.isoformat(),
                    "attempts": d.attempts,
                    "correct": d.correct,
                    "reviews": d.reviews,
                    "recalled": d.recalled,
                }
                for d in self.days
            ],
            "weeks": [
                {
                    "start": w.start.isoformat(),
                    "attempts": w.attempts,
                    "correct": w.correct,
                    "accuracy": w.accuracy,
                    "true_retention": w.true_retention,
                }
                for w in self.weeks
            ],
            "forecast": [{"date": f.day.isoformat(), "due": f.due} for f in self.forecast],
        }


def streak_days(active_days: Iterable[date], today: date) -> int:
    """Consecutive days with at least one answer, ending today, or yesterday when today has
    no answer yet (the streak is not broken before the day is over)."""
    active = set(active_days)
    day = today if today in active else today - timedelta(days=1)
    streak = 0
    while day in active:
        streak += 1
        day -= timedelta(days=1)
    return streak


def weekly(days: Iterable[DayActivity]) -> tuple[PeriodActivity, ...]:
    """Per-day figures folded into weeks starting on Monday, oldest first."""
    weeks: dict[date, list[int]] = {}
    for d in days:
        totals = weeks.setdefault(d.day - timedelta(days=d.day.weekday()), [0, 0, 0, 0])
        for i, value in enumerate((d.attempts, d.correct, d.reviews, d.recalled)):
            totals[i] += value
    return tuple(PeriodActivity(start, *totals) for start, totals in sorted(weeks.items()))
