"""Progress figures for the stats screen and ``quiz stats --json``.

Everything is computed from one read snapshot of the store, and no query visits the answer
history, so a learner with a million answers still gets the screen instantly:

* answers, accuracy and true retention per day, answers per bank: the ``day_totals`` and
  ``bank_totals`` summary tables (kept exact by triggers; a row per learner day, a row per
  bank); days, weeks, totals and the streak are folded from them;
* mastery per bank and per tag: one ``GROUP BY bank_id, tags`` over the covering index
  ``cards_bank_tags``, a few hundred rows out;
* due now, due later today, due tomorrow and the 30-day forecast: range counts on the
  ``cards_due`` index;
* removed questions (when the caller says which exist): SQLite lists the cards outside the
  known ids, usually none, and their share is taken back out.

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
        DayActivity(date.fromisoformat(day), attempts, correct, reviews, recalled)
        for day, attempts, correct, reviews, recalled in conn.execute(
            """SELECT day, attempts, correct, reviews, recalled FROM day_totals
               WHERE attempts > 0 ORDER BY day"""
        )
    )
    banks: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for bank_id, attempts, correct in conn.execute(
        "SELECT bank_id, attempts, correct FROM bank_totals WHERE attempts > 0"
    ):
        banks[bank_id].update(attempts=attempts, correct=correct)
    sessions = conn.execute("SELECT count(*) FROM sessions WHERE attempts > 0").fetchone()[0]

    # Schedules: index-only aggregates over cards, never one Python step per card.
    tags: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for bank_id, tag_text, cards, mastered in conn.execute(
        """SELECT bank_id, tags, count(*), sum(state = ? AND stability >= ?)
           FROM cards GROUP BY bank_id, tags""",
        (int(State.Review), MASTERED_STABILITY_DAYS),
    ):
        banks[bank_id].update(cards=cards, mastered=mastered)
        for tag in json.loads(tag_text):
            tags[tag].update(cards=cards, mastered=mastered)
    now_text = to_db(now)
    # "+bank_id": group after the range scan on cards_due, not by walking another index
    for bank_id, due in conn.execute(
        "SELECT bank_id, count(*) FROM cards WHERE due <= ? GROUP BY +bank_id", (now_text,)
    ):
        banks[bank_id]["due_now"] += due
    # bounds[i] is the first moment of day i after today, as fixed-width UTC text
    bounds = [to_db(start_of_day(today, zone, plus_days=i)) for i in range(1, forecast_days + 1)]
    due_tomorrow = _count_due(conn, "", bounds[1]) if forecast_days > 1 else 0
    forecast = [
        _count_due(conn, bounds[i - 1] if i else "", bounds[i]) for i in range(forecast_days)
    ]
    due_now = sum(figures["due_now"] for figures in banks.values())

    if known_questions is not None:
        for bank_id, tag_text, state, stability, due in _removed_cards(conn, known_questions):
            mastered = state == State.Review and (stability or 0.0) >= MASTERED_STABILITY_DAYS
            figures = banks[bank_id]
            share = {"cards": 1, "mastered": int(mastered)}
            figures.subtract(share)
            for tag in json.loads(tag_text):
                tags[tag].subtract(share)
            if due <= now_text:
                figures["due_now"] -= 1
                due_now -= 1
            if forecast_days > 1 and due < bounds[1]:
                due_tomorrow -= 1
            slot = bisect.bisect_right(bounds, due)
            if slot < forecast_days:
                forecast[slot] -= 1
        for bank_id in known_questions:  # a known bank is listed even with no history
            banks[bank_id].update()

    bank_stats = tuple(
        BankStats(
            bank_id=bank_id,
            attempts=figures["attempts"],
            correct=figures["correct"],
            cards=figures["cards"],
            due_now=figures["due_now"],
            mastered=figures["mastered"],
            questions=(None if known_questions is None else len(known_questions.get(bank_id, ()))),
        )
        for bank_id, figures in sorted(banks.items())
        if figures["attempts"]
        or figures["cards"]
        or (known_questions is not None and bank_id in known_questions)
    )
    return Stats(
        generated_at=now,
        today=today,
        attempts=sum(d.attempts for d in activity),
        correct=sum(d.correct for d in activity),
        sessions=int(sessions),
        due_now=due_now,
        due_tomorrow=due_tomorrow,
        # today's forecast is everything due before midnight: what is not due yet of it
        due_later_today=max(0, forecast[0] - due_now) if forecast else 0,
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
        tags=tuple(
            TagStats(tag, counts["cards"], counts["mastered"])
            for tag, counts in sorted(tags.items())
            if counts["cards"]
        ),
    )


def _count_due(conn: sqlite3.Connection, start: str, end: str) -> int:
    """Cards with ``start <= due < end``: a range count on the ``cards_due`` index."""
    row = conn.execute(
        "SELECT count(*) FROM cards WHERE due >= ? AND due < ?", (start, end)
    ).fetchone()
    return int(row[0])


def _removed_cards(
    conn: sqlite3.Connection, known_questions: KnownQuestions
) -> list[tuple[str, str, int, float | None, str]]:
    """Cards whose question is gone from its bank (or whose bank is gone), usually none.

    The card ids come out of SQLite one string per bank (``group_concat`` over the
    ``(bank_id, question_id)`` index) and the set difference is taken in Python: for 100,000
    cards this is a few milliseconds, where handing the known ids to SQLite as JSON took a
    third of a second. Only the cards found gone are then read whole."""
    gone: list[tuple[str, str]] = []
    for bank_id, count, joined in conn.execute(
        "SELECT bank_id, count(*), group_concat(question_id, ?) FROM cards GROUP BY bank_id",
        (_SEPARATOR,),
    ):
        ids = joined.split(_SEPARATOR)
        if len(ids) != count:  # an id holding the separator: ask SQLite for them one by one
            ids = [
                row[0]
                for row in conn.execute(
                    "SELECT question_id FROM cards WHERE bank_id = ?", (bank_id,)
                )
            ]
        known = known_questions.get(bank_id, ())
        if not isinstance(known, set | frozenset):
            known = frozenset(known)
        if not known.issuperset(ids):  # the usual case needs no set of the card ids
            gone.extend((bank_id, question_id) for question_id in set(ids).difference(known))
    sql = """SELECT bank_id, tags, state, stability, due FROM cards
             WHERE bank_id = ? AND question_id = ?"""
    return [row for key in sorted(gone) for row in conn.execute(sql, key)]


#: Between the question ids of one bank in :func:`_removed_cards` (a control character, which
#: a bank file cannot hold; an id that does is still found, only more slowly).
_SEPARATOR = "\x1f"


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
