"""Upgrading to v2 replays the v1 history through FSRS, so that a learner keeps what they
already know: v2 cards and review logs built from v1 attempts, oldest first."""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Sequence

from quiz.record import Answer, Outcome
from quiz.srs import CardState, Srs
from quiz.store.schema_versions import V2_CARD_COLUMNS
from quiz.store.timefmt import from_db, to_db

__all__ = ["replay_v1_history"]


def replay_v1_history(conn: sqlite3.Connection, srs: Srs) -> None:
    """Builds v2 cards and review logs from v1 attempts, oldest first, as if recorded now.

    Self-contained on purpose (its own SQL, not the repositories'): it must keep producing
    v2 rows even after later versions change how the repositories write.
    """
    cards: dict[tuple[str, str], tuple[int, CardState]] = {}
    rows = conn.execute(
        """SELECT id, bank_id, question_id, question_type, given, outcome, seconds,
                  answered_at, day
           FROM attempts WHERE cram = 0 ORDER BY answered_at, id"""
    ).fetchall()
    for attempt_id, bank_id, question_id, qtype, given, outcome, seconds, at, day in rows:
        answer = Answer(
            bank_id=bank_id,
            question_id=question_id,
            question_type=qtype,
            given=given,
            outcome=Outcome(outcome),
            seconds=seconds,
            answered_at=from_db(at),
        )
        key = (bank_id, question_id)
        known = cards.get(key)
        review = srs.review(known[1] if known else None, answer)
        card = review.card
        values = (
            int(card.state),
            card.step,
            card.stability,
            card.difficulty,
            to_db(card.due),
            to_db(card.last_review) if card.last_review else None,
            card.reps,
            card.lapses,
        )
        if known is None:
            card_id = conn.execute(
                """INSERT INTO cards (bank_id, question_id, state, step, stability, difficulty,
                       due, last_review, reps, lapses, introduced_day)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
                (bank_id, question_id, *values, day),
            ).fetchone()[0]
            snapshot = None
        else:
            card_id = known[0]
            snapshot = json.dumps(
                dict(zip(V2_CARD_COLUMNS, _row(conn, "cards", card_id), strict=True))
            )
            conn.execute(
                """UPDATE cards SET state = ?, step = ?, stability = ?, difficulty = ?, due = ?,
                       last_review = ?, reps = ?, lapses = ? WHERE id = ?""",
                (*values, card_id),
            )
        conn.execute(
            """INSERT INTO review_log (attempt_id, card_id, rating, state_before, state_after,
                   due_after, reviewed_at, duration_ms, card_before)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                attempt_id,
                card_id,
                int(review.rating),
                None if review.before.is_new else int(review.before.state),
                int(card.state),
                to_db(card.due),
                at,
                _milliseconds(seconds),
                snapshot,
            ),
        )
        cards[key] = (card_id, card)


def _milliseconds(seconds: float) -> int | None:
    return round(seconds * 1000) if math.isfinite(seconds) and seconds >= 0 else None


def _row(conn: sqlite3.Connection, table: str, row_id: int) -> Sequence[object]:
    columns = ", ".join(V2_CARD_COLUMNS)
    row: Sequence[object] = conn.execute(
        f"SELECT {columns} FROM {table} WHERE id = ?", (row_id,)
    ).fetchone()
    return row
