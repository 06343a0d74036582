"""Learners' reports on questions ("wrong answer", "unclear", "outdated"), kept for authors."""

from __future__ import annotations

import sqlite3

from quiz.store.models import Flag
from quiz.store.timefmt import from_db

__all__ = ["insert_flag", "list_flags"]


def insert_flag(
    conn: sqlite3.Connection,
    bank_id: str,
    question_id: str,
    reason: str,
    note: str,
    created_at: str,
) -> int:
    row = conn.execute(
        """INSERT INTO flags (bank_id, question_id, reason, note, created_at)
           VALUES (?, ?, ?, ?, ?) RETURNING id""",
        (bank_id, question_id, reason, note, created_at),
    ).fetchone()
    return int(row[0])


def list_flags(conn: sqlite3.Connection, bank_id: str | None) -> list[Flag]:
    """Flags oldest first, all banks or one."""
    sql = "SELECT id, bank_id, question_id, reason, note, created_at FROM flags"
    params: tuple[str, ...] = ()
    if bank_id is not None:
        sql += " WHERE bank_id = ?"
        params = (bank_id,)
    rows = conn.execute(sql + " ORDER BY id", params).fetchall()
    return [
        Flag(id=int(i), bank_id=b, question_id=q, reason=r, note=n, created_at=from_db(c))
        for i, b, q, r, n, c in rows
    ]
