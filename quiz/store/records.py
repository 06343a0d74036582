"""The write path of an answer: the attempt row, the card's new schedule, the review log; and
undo, which marks the attempt taken back and changes nothing else (see :mod:`quiz.record`:
undo keeps the truth).

Functions here run inside a transaction the caller opened; they never commit.
"""

from __future__ import annotations

import json
import math
import sqlite3
from datetime import date
from typing import Any

from quiz.record import Answer, Outcome
from quiz.srs import CardState, Srs, State
from quiz.store.models import RecordResult
from quiz.store.schema import CARD_COLUMNS
from quiz.store.timefmt import from_db, to_db

__all__ = ["insert_session", "load_card", "record_answer", "undo_last_attempt"]

_CARD_SELECT = "SELECT " + ", ".join(CARD_COLUMNS) + " FROM cards"


def insert_session(conn: sqlite3.Connection, bank_id: str, mode: str, started_at: str) -> int:
    row = conn.execute(
        "INSERT INTO sessions (bank_id, mode, started_at) VALUES (?, ?, ?) RETURNING id",
        (bank_id, mode, started_at),
    ).fetchone()
    return int(row[0])


def load_card(conn: sqlite3.Connection, bank_id: str, question_id: str) -> CardState | None:
    row = conn.execute(
        _CARD_SELECT + " WHERE bank_id = ? AND question_id = ?", (bank_id, question_id)
    ).fetchone()
    return None if row is None else _card_state(dict(zip(CARD_COLUMNS, row, strict=True)))


def record_answer(
    conn: sqlite3.Connection,
    srs: Srs,
    answer: Answer,
    *,
    session_id: int,
    cram: bool,
    day: date,
) -> RecordResult:
    """Inserts the attempt and, unless ``cram``, reviews the card. ``day`` is the learner's
    calendar day of the answer.

    A retake (the answer to a question asked again after an undo) is kept, linked to the
    attempt it follows, and does nothing else: no review, no count. An answer recorded as
    ``undone`` already (taken back while it could not be saved) is recorded in full and
    marked."""
    answered_at = to_db(answer.answered_at)
    tags = json.dumps(list(answer.tags), ensure_ascii=False)
    retake_of = _retaken(conn, session_id, answer) if answer.retake else None
    attempt_id = int(
        conn.execute(
            """INSERT INTO attempts (session_id, bank_id, question_id, question_type, given,
                   outcome, seconds, answered_at, correct, day, answer_key, tags, cram, undone,
                   retake_of)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
            (
                session_id,
                answer.bank_id,
                answer.question_id,
                answer.question_type,
                answer.given,
                answer.outcome.value,
                _finite(answer.seconds),
                answered_at,
                int(answer.outcome.correct),
                day.isoformat(),
                answer.answer_key,
                tags,
                int(cram),
                int(answer.undone and not answer.retake),
                retake_of,
            ),
        ).fetchone()[0]
    )
    if answer.retake:
        return RecordResult(attempt_id=attempt_id, retake=True)
    conn.execute(
        "UPDATE sessions SET attempts = attempts + 1, correct = correct + ? WHERE id = ?",
        (int(answer.outcome.correct), session_id),
    )
    if cram:
        return RecordResult(attempt_id=attempt_id)

    row = conn.execute(
        _CARD_SELECT + " WHERE bank_id = ? AND question_id = ?",
        (answer.bank_id, answer.question_id),
    ).fetchone()
    before = None if row is None else dict(zip(CARD_COLUMNS, row, strict=True))
    reset = bool(
        before is not None
        and before["answer_key"]
        and answer.answer_key
        and before["answer_key"] != answer.answer_key
    )
    card = None if before is None or reset else _card_state(before)
    review = srs.review(card, answer)
    after = review.card
    schedule = (
        int(after.state),
        after.step,
        after.stability,
        after.difficulty,
        to_db(after.due),
        to_db(after.last_review) if after.last_review else None,
        after.reps,
        after.lapses,
    )
    # A card whose answer changed is new material again: it counts as introduced today.
    introduced = day.isoformat() if before is None or reset else before["introduced_day"]
    key = answer.answer_key or (before["answer_key"] if before else "")
    if before is None:
        card_id = int(
            conn.execute(
                """INSERT INTO cards (bank_id, question_id, answer_key, tags, state, step,
                       stability, difficulty, due, last_review, reps, lapses, introduced_day)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
                (answer.bank_id, answer.question_id, key, tags, *schedule, introduced),
            ).fetchone()[0]
        )
    else:
        card_id = int(before["id"])
        conn.execute(
            """UPDATE cards SET answer_key = ?, tags = ?, state = ?, step = ?, stability = ?,
                   difficulty = ?, due = ?, last_review = ?, reps = ?, lapses = ?,
                   introduced_day = ?
               WHERE id = ?""",
            (key, tags, *schedule, introduced, card_id),
        )
    conn.execute(
        """INSERT INTO review_log (attempt_id, card_id, rating, state_before, state_after,
               due_after, reviewed_at, duration_ms, schedule_reset, card_before)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (
            attempt_id,
            card_id,
            int(review.rating),
            None if review.before.is_new else int(review.before.state),
            int(after.state),
            to_db(after.due),
            answered_at,
            _milliseconds(answer.seconds),
            int(reset),
            None if before is None else json.dumps(before),
        ),
    )
    return RecordResult(
        attempt_id=attempt_id, rating=review.rating, card=after, schedule_reset=reset
    )


def undo_last_attempt(conn: sqlite3.Connection, session_id: int) -> Answer | None:
    """Marks the session's last attempt taken back and returns it (with ``undone`` set).

    Nothing else changes: the attempt keeps counting in the totals, the reports and the
    session's score, and the card keeps the schedule its grade set (undo is for a slip of the
    key, and a slip is still what the learner answered). ``None`` when the session has no
    attempt, or its last one is a retake or taken back already: an answer is undone once.
    """
    row = conn.execute(
        """SELECT id, bank_id, question_id, question_type, given, outcome, seconds,
                  answered_at, answer_key, tags, undone, retake_of
           FROM attempts WHERE session_id = ? ORDER BY id DESC LIMIT 1""",
        (session_id,),
    ).fetchone()
    if row is None:
        return None
    attempt_id, bank_id, question_id, qtype, given, outcome, seconds, at, key, tags = row[:10]
    undone, retake_of = row[10:]
    if undone or retake_of is not None:
        return None
    conn.execute("UPDATE attempts SET undone = 1 WHERE id = ?", (attempt_id,))
    return Answer(
        bank_id=bank_id,
        question_id=question_id,
        question_type=qtype,
        given=given,
        outcome=Outcome(outcome),
        seconds=seconds,
        answered_at=from_db(at),
        answer_key=key,
        tags=tuple(json.loads(tags)),
        undone=True,
    )


def _retaken(conn: sqlite3.Connection, session_id: int, answer: Answer) -> int:
    """The undone attempt a retake follows: the session's latest one of that question (0 if
    there is none, which still marks the row a retake, so that it counts nowhere)."""
    row = conn.execute(
        """SELECT id FROM attempts
           WHERE session_id = ? AND bank_id = ? AND question_id = ? AND undone = 1
           ORDER BY id DESC LIMIT 1""",
        (session_id, answer.bank_id, answer.question_id),
    ).fetchone()
    return 0 if row is None else int(row[0])


def _card_state(row: dict[str, Any]) -> CardState:
    return CardState(
        state=State(row["state"]),
        step=row["step"],
        stability=row["stability"],
        difficulty=row["difficulty"],
        due=from_db(row["due"]),
        last_review=from_db(row["last_review"]) if row["last_review"] else None,
        reps=row["reps"],
        lapses=row["lapses"],
    )


def _finite(seconds: float) -> float:
    return seconds if math.isfinite(seconds) else 0.0


def _milliseconds(seconds: float) -> int | None:
    return round(seconds * 1000) if math.isfinite(seconds) and seconds >= 0 else None
