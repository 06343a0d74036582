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
Nothing here imports the UI; the values are in :mod:`quiz.stats.figures`.
"""

from __future__ import annotations

import bisect
import json
import sqlite3
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta, tzinfo

from quiz.srs import MASTERED_STABILITY_DAYS, State
from quiz.stats.figures import (
    BankStats,
    DayActivity,
    ForecastDay,
    Retention,
    Stats,
    TagStats,
    streak_days,
)
from quiz.store import KnownQuestions, Store
from quiz.store.timefmt import day_of, start_of_day, to_db

__all__ = ["FORECAST_DAYS", "collect_stats", "compute_stats"]

FORECAST_DAYS = 30


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
