"""Progress figures for the stats screen and ``quiz stats --json``.

Everything is folded from one snapshot of the store (:meth:`ScoreStore.snapshot`, whose reads
are aggregates: none visits the answer history, so a learner with a million answers still gets
the screen instantly; the SQL is in :mod:`quiz.store.stats_reads`):

* answers, accuracy and true retention per day, answers per bank: the store's day and bank
  totals; days, weeks, totals and the streak are folded from them;
* mastery per bank and per tag: the cards counted per bank and tag set;
* due now, due later today, due tomorrow and the 30-day forecast: due counts per bank and
  per range of moments;
* removed questions (when the caller says which exist): the store lists the cards outside the
  known ids, usually none, and their share is taken back out.

Days are the learner's days (the store clock's time zone, see :mod:`quiz.store.timefmt`).
Nothing here imports the UI; the values are in :mod:`quiz.stats.figures`.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from datetime import datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

from quiz.stats.figures import (
    BankStats,
    DayActivity,
    ForecastDay,
    Retention,
    Stats,
    TagStats,
    streak_days,
)
from quiz.store.timefmt import day_of, start_of_day

if TYPE_CHECKING:
    from quiz.store import KnownQuestions, ScoreSnapshot, ScoreStore

__all__ = ["FORECAST_DAYS", "collect_stats", "compute_stats"]

FORECAST_DAYS = 30


def compute_stats(
    store: ScoreStore,
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
    with store.snapshot() as reads:
        return collect_stats(
            reads,
            now,
            zone=store.tz,
            desired_retention=store.desired_retention,
            known_questions=known_questions,
            forecast_days=forecast_days,
        )


def collect_stats(
    reads: ScoreSnapshot,
    now: datetime,
    *,
    zone: tzinfo | None,
    desired_retention: float,
    known_questions: KnownQuestions | None = None,
    forecast_days: int = FORECAST_DAYS,
) -> Stats:
    """:func:`compute_stats` over the reads of one snapshot."""
    today = day_of(now, zone)
    activity = tuple(DayActivity(*totals) for totals in reads.day_totals())
    banks: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for bank_id, attempts, correct in reads.bank_totals():
        banks[bank_id].update(attempts=attempts, correct=correct)
    sessions = reads.session_count()

    tags: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for bank_id, card_tags, cards, mastered in reads.card_mastery():
        banks[bank_id].update(cards=cards, mastered=mastered)
        for tag in card_tags:
            tags[tag].update(cards=cards, mastered=mastered)
    for bank_id, due in reads.due_by_bank(now).items():
        banks[bank_id]["due_now"] += due
    # bounds[i] is the first moment of day i after today
    bounds = [start_of_day(today, zone, plus_days=i) for i in range(1, forecast_days + 1)]
    due_tomorrow = reads.count_due(None, bounds[1]) if forecast_days > 1 else 0
    forecast = [
        reads.count_due(bounds[i - 1] if i else None, bounds[i]) for i in range(forecast_days)
    ]
    due_now = sum(figures["due_now"] for figures in banks.values())

    if known_questions is not None:
        for card in reads.removed_cards(known_questions):
            figures = banks[card.bank_id]
            share = {"cards": 1, "mastered": int(card.mastered)}
            figures.subtract(share)
            for tag in card.tags:
                tags[tag].subtract(share)
            if card.due <= now:
                figures["due_now"] -= 1
                due_now -= 1
            if forecast_days > 1 and card.due < bounds[1]:
                due_tomorrow -= 1
            slot = bisect.bisect_right(bounds, card.due)
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
