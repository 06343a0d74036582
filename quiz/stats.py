"""Progress figures for the stats screen and ``quiz stats --json``.

Everything is computed from one read snapshot of the store with three small queries, none of
which scans the answer history, so a learner with a million answers still gets the screen
instantly:

* answers, accuracy and true retention per day and per bank: the ``daily`` summary table
  (kept exact by triggers, one row per learner day and bank, a few thousand rows for years of
  use); days, weeks, totals, streak and per-bank accuracy are all folded from it;
* schedules (due now/tomorrow, 30-day forecast, mastery per bank and tag): the ``cards`` table,
  one row per question ever reviewed, far smaller than the logs.

Days are the learner's days (the store clock's time zone, see :mod:`quiz.store.timefmt`).
Nothing here imports the UI; values are plain frozen dataclasses.
"""

from __future__ import annotations

import bisect
import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from quiz.srs import MASTERED_STABILITY_DAYS, State
from quiz.store import KnownQuestions, Store
from quiz.store.timefmt import day_of, start_of_day, to_db

__all__ = [
    "FORECAST_DAYS",
    "BankStats",
    "DayActivity",
    "ForecastDay",
    "PeriodActivity",
    "Retention",
    "Stats",
    "TagStats",
    "collect_stats",
    "compute_stats",
    "streak_days",
    "weekly",
]

FORECAST_DAYS = 30


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


def compute_stats(
    store: Store,
    now: datetime | None = None,
    *,
    known_questions: KnownQuestions | None = None,
    forecast_days: int = FORECAST_DAYS,
) -> Stats:
    """The learner's stats at ``now`` (default: the store's clock), from one snapshot.

    With ``known_questions`` (bank id → its current question ids), questions removed from a
    bank leave the due figures and mastery, and each bank's size is known.
    """
    now = now or store.now()
    with store.reading() as conn:
        return collect_stats(
            conn,
            now,
            zone=store.tz,
            desired_retention=store.desired_retention,
            known_questions=known_questions,
            forecast_days=forecast_days,
        )


def collect_stats(
    conn: sqlite3.Connection,
    now: datetime,
    *,
    zone: tzinfo | None,
    desired_retention: float,
    known_questions: KnownQuestions | None = None,
    forecast_days: int = FORECAST_DAYS,
) -> Stats:
    """:func:`compute_stats` over a connection already inside a read transaction."""
    today = day_of(now, zone)
    activity = tuple(
        DayActivity(date.fromisoformat(day_text), *figures)
        for day_text, *figures in conn.execute(
            """SELECT day, sum(attempts), sum(correct), sum(reviews), sum(recalled)
               FROM daily GROUP BY day HAVING sum(attempts) > 0 ORDER BY day"""
        )
    )
    banks: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for bank_id, attempts, correct in conn.execute(
        "SELECT bank_id, sum(attempts), sum(correct) FROM daily GROUP BY bank_id"
    ):
        banks[bank_id].update(attempts=attempts, correct=correct)
    sessions = conn.execute("SELECT count(*) FROM sessions WHERE attempts > 0").fetchone()[0]

    # Day boundaries as fixed-width UTC text: a card's bucket is a bisect, no date parsing.
    bounds = [to_db(start_of_day(today, zone, plus_days=i)) for i in range(1, forecast_days + 1)]
    now_text, tomorrow_end = to_db(now), to_db(start_of_day(today, zone, plus_days=2))
    lookup = (
        None
        if known_questions is None
        else {b: frozenset(ids) for b, ids in known_questions.items()}
    )
    forecast = [0] * forecast_days
    due_now = due_tomorrow = 0
    tags: dict[str, list[int]] = {}
    for bank_id, question_id, state, stability, due, tag_text in conn.execute(
        "SELECT bank_id, question_id, state, stability, due, tags FROM cards"
    ):
        if lookup is not None and question_id not in lookup.get(bank_id, ()):
            continue
        figures = banks[bank_id]
        figures["cards"] += 1
        mastered = state == State.Review and (stability or 0.0) >= MASTERED_STABILITY_DAYS
        figures["mastered"] += mastered
        if due <= now_text:
            due_now += 1
            figures["due_now"] += 1
        due_tomorrow += due < tomorrow_end
        slot = bisect.bisect_right(bounds, due)
        if slot < forecast_days:
            forecast[slot] += 1
        if tag_text != "[]":
            for tag in json.loads(tag_text):
                counts = tags.setdefault(tag, [0, 0])
                counts[0] += 1
                counts[1] += mastered

    if lookup is not None:
        for bank_id in lookup:  # a known bank is listed even with no history
            banks.setdefault(bank_id, Counter())
    bank_stats = tuple(
        BankStats(
            bank_id=bank_id,
            attempts=figures["attempts"],
            correct=figures["correct"],
            cards=figures["cards"],
            due_now=figures["due_now"],
            mastered=figures["mastered"],
            questions=None if lookup is None else len(lookup.get(bank_id, ())),
        )
        for bank_id, figures in sorted(banks.items())
    )
    return Stats(
        generated_at=now,
        today=today,
        attempts=sum(d.attempts for d in activity),
        correct=sum(d.correct for d in activity),
        sessions=int(sessions),
        due_now=due_now,
        due_tomorrow=due_tomorrow,
        streak_days=streak_days((d.day for d in activity), today),
        retention=Retention(
            reviews=sum(d.reviews for d in activity),
            recalled=sum(d.recalled for d in activity),
            desired=desired_retention,
        ),
        days=activity,
        forecast=tuple(
            ForecastDay(today + timedelta(days=i), count) for i, count in enumerate(forecast)
        ),
        banks=bank_stats,
        tags=tuple(TagStats(t, c, m) for t, (c, m) in sorted(tags.items())),
    )


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
