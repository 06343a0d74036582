"""The reads of the stats, each one query (or one small family of them) over one read
transaction: what :meth:`quiz.store.Store.snapshot` yields, and what ``quiz stats --json``'s
read-only path hands :func:`quiz.stats.collect_stats` (:mod:`quiz.store.read_only`).

No query visits the answer history, so a learner with a million answers still gets the stats
screen instantly:

* answers per day and per bank: the ``day_totals`` and ``bank_totals`` summary tables (kept
  exact by triggers; a row per learner day, a row per bank);
* mastery per bank and per tag set: one ``GROUP BY bank_id, tags`` over the covering index
  ``cards_bank_tags``, a few hundred rows out;
* what falls due: range counts on the ``cards_due`` index;
* removed questions: the cards outside the ids the caller knows, usually none.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime

from quiz.srs import MASTERED_STABILITY_DAYS, State
from quiz.store import queue
from quiz.store.models import BankTotals, CardMastery, DayTotals, RemovedCard
from quiz.store.queue import KnownQuestions
from quiz.store.timefmt import from_db, to_db

__all__ = ["SqliteSnapshot"]


class SqliteSnapshot:
    """:class:`quiz.store.backend.ScoreSnapshot` over a SQLite connection that is already
    inside a read transaction (the caller began it and ends it)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def day_totals(self) -> list[DayTotals]:
        """The learner's days with at least one answer, oldest first."""
        return [
            DayTotals(date.fromisoformat(day), attempts, correct, reviews, recalled)
            for day, attempts, correct, reviews, recalled in self._conn.execute(
                """SELECT day, attempts, correct, reviews, recalled FROM day_totals
                   WHERE attempts > 0 ORDER BY day"""
            )
        ]

    def bank_totals(self) -> list[BankTotals]:
        """The banks with at least one answer, in no particular order."""
        return [
            BankTotals(bank_id, attempts, correct)
            for bank_id, attempts, correct in self._conn.execute(
                "SELECT bank_id, attempts, correct FROM bank_totals WHERE attempts > 0"
            )
        ]

    def session_count(self) -> int:
        """Sessions with at least one answer."""
        row = self._conn.execute("SELECT count(*) FROM sessions WHERE attempts > 0").fetchone()
        return int(row[0])

    def card_mastery(self) -> list[CardMastery]:
        """Cards and mastered cards per bank and tag set: an index-only aggregate, never one
        Python step per card."""
        return [
            CardMastery(bank_id, json.loads(tag_text), cards, mastered)
            for bank_id, tag_text, cards, mastered in self._conn.execute(
                """SELECT bank_id, tags, count(*), sum(state = ? AND stability >= ?)
                   FROM cards GROUP BY bank_id, tags""",
                (int(State.Review), MASTERED_STABILITY_DAYS),
            )
        ]

    def due_by_bank(self, now: datetime) -> dict[str, int]:
        """Cards due at ``now`` per bank (every card; banks with none due are absent)."""
        return queue.due_count_by_bank(self._conn, now, None)

    def count_due(self, start: datetime | None, end: datetime) -> int:
        """Cards due at ``start`` or after (``None``: from the first) and before ``end``: a
        range count on the ``cards_due`` index."""
        row = self._conn.execute(
            "SELECT count(*) FROM cards WHERE due >= ? AND due < ?",
            ("" if start is None else to_db(start), to_db(end)),
        ).fetchone()
        return int(row[0])

    def removed_cards(self, known: KnownQuestions) -> list[RemovedCard]:
        """Cards whose question is gone from its bank (or whose bank is gone), usually none,
        in (bank id, question id) order.

        The card ids come out of SQLite one string per bank (:func:`queue.card_ids_by_bank`)
        and the set difference is taken in Python: for 100,000 cards this is a few
        milliseconds, where handing the known ids to SQLite as JSON took a third of a second.
        Only the cards found gone are then read whole."""
        gone: list[tuple[str, str]] = []
        for bank_id, ids in queue.card_ids_by_bank(self._conn).items():
            its = known.get(bank_id, ())
            ids_known = its if isinstance(its, set | frozenset) else frozenset(its)
            if not ids_known.issuperset(ids):  # the usual case needs no set of the card ids
                gone.extend((bank_id, question_id) for question_id in set(ids) - ids_known)
        sql = """SELECT bank_id, tags, state, stability, due FROM cards
                 WHERE bank_id = ? AND question_id = ?"""
        return [
            RemovedCard(
                bank_id,
                json.loads(tag_text),
                state == State.Review and (stability or 0.0) >= MASTERED_STABILITY_DAYS,
                from_db(due),
            )
            for key in sorted(gone)
            for bank_id, tag_text, state, stability, due in self._conn.execute(sql, key)
        ]
