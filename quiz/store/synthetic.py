"""Large, plausible histories written straight into a store, for benchmarks and load tests.

Recording a million answers through :meth:`Store.record` would take one fsync each; this
writes the same tables in big transactions instead, with values shaped like real use (a few
hundred answers a day, 85 % right, most reviews on cards in Review). It is deterministic for
a given seed. Not for real learners' data.
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

from quiz.srs import State
from quiz.store.connection import connect
from quiz.store.store import Store
from quiz.store.timefmt import day_of, to_db

__all__ = ["populate"]

_QUESTION_TYPES = ("multiple_choice", "true_false", "cloze", "short_answer", "ordering")
_BATCH = 50_000


def populate(
    store: Store,
    *,
    reviews: int = 1_000_000,
    banks: int = 10,
    questions_per_bank: int = 300,
    days: int = 730,
    session_size: int = 25,
    end: datetime | None = None,
    seed: int = 0,
) -> None:
    """Appends ``reviews`` scheduled answers (attempt + review log each) spread evenly over
    the ``days`` before ``end`` (default: the store's clock), and a card per question."""
    end = end or store.now()
    start = end - timedelta(days=days)
    step = (end - start) / max(reviews, 1)
    zone = store.tz
    rng = random.Random(seed)
    conn = connect(store.path)
    try:
        first_attempt = _next_id(conn, "attempts")
        session_id = _next_id(conn, "sessions")
        card_ids: dict[tuple[str, int], int] = {}
        next_card = _next_id(conn, "cards")

        sessions: dict[int, list[Any]] = {}  # id → the sessions row, counted as rows are made

        def rows() -> Iterator[tuple[tuple[object, ...], tuple[object, ...]]]:
            nonlocal next_card
            for i in range(reviews):
                at = start + step * i
                when = to_db(at)
                sid = session_id + i // session_size
                bank = f"bank-{rng.randrange(banks):02d}"
                question = rng.randrange(questions_per_bank)
                key = (bank, question)
                if key not in card_ids:
                    card_ids[key] = next_card
                    next_card += 1
                right = rng.random() < 0.85
                state_before = rng.choices((None, 1, 2, 3), weights=(5, 15, 75, 5))[0]
                rating = rng.choice((2, 3, 3, 3, 4)) if right else 1
                seconds = round(rng.uniform(2, 40), 1)
                session = sessions.setdefault(sid, [sid, bank, when, when, 0, 0])
                session[3] = when
                session[4] += 1
                session[5] += int(right)
                yield (
                    (
                        sid,
                        bank,
                        f"q{question:04d}",
                        _QUESTION_TYPES[question % 5],
                        "answer",
                        "right" if right else "wrong",
                        seconds,
                        when,
                        int(right),
                        day_of(at, zone).isoformat(),
                        "answer",
                        "[]",
                        0,
                    ),
                    (
                        first_attempt + i,
                        card_ids[key],
                        rating,
                        state_before,
                        2 if right else 3,
                        when,
                        when,
                        int(seconds * 1000),
                    ),
                )

        batch_a: list[tuple[object, ...]] = []
        batch_r: list[tuple[object, ...]] = []
        conn.execute("PRAGMA foreign_keys = OFF")  # rows go in table by table, cards last
        conn.execute("PRAGMA synchronous = OFF")  # a throwaway load: no fsync per batch
        conn.execute("PRAGMA cache_size = -262144")  # 256 MiB: indexes stay in memory
        for attempt, review in rows():
            batch_a.append(attempt)
            batch_r.append(review)
            if len(batch_a) >= _BATCH:
                _flush(conn, batch_a, batch_r)
        _flush(conn, batch_a, batch_r)

        tag_sets = ("[]", '["politics"]', '["economy"]', '["politics", "history"]')
        cards = []
        for (bank, question), card_id in card_ids.items():
            review_state = rng.random() < 0.85
            cards.append(
                (
                    card_id,
                    bank,
                    f"q{question:04d}",
                    "answer",
                    tag_sets[question % 4],
                    int(State.Review if review_state else State.Learning),
                    None if review_state else 1,
                    rng.uniform(0.5, 120.0),
                    rng.uniform(1.0, 10.0),
                    to_db(end + timedelta(days=rng.uniform(-10, 60))),
                    to_db(end),
                    rng.randrange(1, 30),
                    rng.randrange(0, 4),
                    day_of(start, zone).isoformat(),
                )
            )
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(
            """INSERT INTO sessions (id, bank_id, mode, started_at, ended_at, attempts, correct)
               VALUES (?, ?, 'review', ?, ?, ?, ?)""",
            [tuple(row) for row in sessions.values()],
        )
        conn.executemany(
            """INSERT INTO cards (id, bank_id, question_id, answer_key, tags, state, step,
                   stability, difficulty, due, last_review, reps, lapses, introduced_day)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            cards,
        )
        conn.execute("COMMIT")
        conn.execute("PRAGMA optimize")
    finally:
        conn.close()


def _next_id(conn: sqlite3.Connection, table: str) -> int:
    row = conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()
    return int(row[0])


def _flush(
    conn: sqlite3.Connection,
    attempts: list[tuple[object, ...]],
    reviews: list[tuple[object, ...]],
) -> None:
    """Writes one batch of attempts and their review logs in one transaction."""
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(
        """INSERT INTO attempts (session_id, bank_id, question_id, question_type, given,
               outcome, seconds, answered_at, correct, day, answer_key, tags, cram)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        attempts,
    )
    conn.executemany(
        """INSERT INTO review_log (attempt_id, card_id, rating, state_before, state_after,
               due_after, reviewed_at, duration_ms)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        reviews,
    )
    conn.execute("COMMIT")
    attempts.clear()
    reviews.clear()
