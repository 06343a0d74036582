"""Copying what can still be read from a damaged ``quiz.db`` into a sound one (``--recover``).

SQLite cannot read a table past a damaged page in one query, but the pages around it are
usually fine. So each table is read in rowid order and, when a read fails, the rows past the
damage are found again one rowid at a time (a lookup by rowid goes down from the table's root
and misses the damaged leaf), then the ordered read resumes. After many misses in a row the
step grows, so a lost subtree of a million-row table costs seconds, not hours.

The damaged file itself is never written: it is copied (with its ``-wal``) to a temporary
folder first, since opening a WAL file, even to read, may replay its log into it.

Rows go into the target with new ids, remapped (sessions → attempts → cards → review log), so a
target that already has answers (the learner kept going after the file was set aside) gets the
old history beside them. An attempt already there (same bank, question and moment) is skipped:
recovering twice changes nothing. The totals tables are not copied; the target's triggers
rebuild them from the attempts and reviews that arrive. A card the target has already (studied
since) is kept as it is: it is the newer schedule.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quiz.store.schema import CARD_COLUMNS

__all__ = ["SalvageReport", "salvage"]

#: After this many unreadable rowids in a row, probe further apart (doubling each time).
_PROBE_RUN = 256

_SESSION_COLS = ("id", "bank_id", "mode", "started_at", "ended_at")
_ATTEMPT_COLS = (
    "id",
    "session_id",
    "bank_id",
    "question_id",
    "question_type",
    "given",
    "outcome",
    "seconds",
    "answered_at",
    "correct",
    "day",
    "answer_key",
    "tags",
    "cram",
    "undone",
    "retake_of",
)
_CARD_COLS = CARD_COLUMNS  # the cards table as this version writes it
_REVIEW_COLS = (
    "attempt_id",
    "card_id",
    "rating",
    "state_before",
    "state_after",
    "due_after",
    "reviewed_at",
    "duration_ms",
    "schedule_reset",
    "card_before",
)
_FLAG_COLS = ("id", "bank_id", "question_id", "reason", "note", "created_at")


@dataclass
class SalvageReport:
    """Rows copied per table, and rowids that could not be read (``lost``, all tables)."""

    copied: dict[str, int] = field(default_factory=dict)
    lost: int = 0
    unreadable_tables: list[str] = field(default_factory=list)

    @property
    def answers(self) -> int:
        return self.copied.get("attempts", 0)

    def summary(self) -> str:
        """One line for a person."""
        parts = [
            f"{self.answers} answers",
            f"{self.copied.get('cards', 0)} schedules",
            f"{self.copied.get('sessions', 0)} sessions",
        ]
        text = "recovered " + ", ".join(parts)
        if self.lost or self.unreadable_tables:
            text += f"; {self.lost} rows could not be read"
            if self.unreadable_tables:
                text += f" (nothing of {', '.join(self.unreadable_tables)})"
        return text


def salvage(
    damaged: Path, target: sqlite3.Connection, *, mark: tuple[str, str] | None = None
) -> SalvageReport:
    """Copies what can be read of ``damaged`` into ``target`` (a migrated quiz database in
    autocommit mode), in one transaction, which also writes ``mark`` (key, value) into
    ``meta`` when given. Never writes to ``damaged``."""
    report = SalvageReport()
    with tempfile.TemporaryDirectory(prefix="quiz-recover-") as tmp:
        copy = Path(tmp) / "damaged.db"
        shutil.copyfile(damaged, copy)
        wal = damaged.with_name(damaged.name + "-wal")
        if wal.exists():
            shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
        source = sqlite3.connect(copy, isolation_level=None)
        try:
            with _transaction(target):
                _copy_all(source, target, report)
                if mark is not None:
                    target.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", mark)
        finally:
            source.close()
    return report


class _transaction:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        self.conn.execute("COMMIT" if exc_type is None else "ROLLBACK")


def _copy_all(
    source: sqlite3.Connection, target: sqlite3.Connection, report: SalvageReport
) -> None:
    fresh = target.execute("SELECT count(*) FROM attempts").fetchone()[0] == 0
    if fresh:  # the same learner: keep the id their exported results carry
        for key, value in _rows(source, "meta", ("key", "value"), report, rowid=False):
            if key in ("learner_id", "created_at"):
                target.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value)
                )

    # a session is copied with its first answer: one whose answers are all lost, or all
    # there already (a second recovery), is not worth a row
    old_sessions = {row[0]: row[1:] for row in _rows(source, "sessions", _SESSION_COLS, report)}
    sessions: dict[int, int] = {}

    attempts: dict[int, int] = {}
    for row in _rows(source, "attempts", _ATTEMPT_COLS, report):
        values = dict(zip(_ATTEMPT_COLS, row, strict=True))
        known = target.execute(
            "SELECT 1 FROM attempts WHERE answered_at = ? AND bank_id = ? AND question_id = ?",
            (values["answered_at"], values["bank_id"], values["question_id"]),
        ).fetchone()
        if known is not None:
            continue
        session = sessions.get(values["session_id"])
        if session is None:
            # its session row, or one standing in for it if that row was lost
            mode = "cram" if values["cram"] else "play"
            was = old_sessions.get(
                values["session_id"], (values["bank_id"], mode, values["answered_at"], None)
            )
            session = _insert(target, "sessions", _SESSION_COLS[1:], tuple(was))
            sessions[values["session_id"]] = session
        values["session_id"] = session
        if values["retake_of"] is not None:
            values["retake_of"] = attempts.get(values["retake_of"], 0)
        attempts[values["id"]] = _insert(
            target, "attempts", _ATTEMPT_COLS[1:], tuple(values[c] for c in _ATTEMPT_COLS[1:])
        )
    report.copied["attempts"] = len(attempts)
    report.copied["sessions"] = len(sessions)

    cards: dict[int, int] = {}
    for row in _rows(source, "cards", _CARD_COLS, report):
        existing = target.execute(
            "SELECT id FROM cards WHERE bank_id = ? AND question_id = ?", (row[1], row[2])
        ).fetchone()
        if existing is not None:
            cards[row[0]] = int(existing[0])
            continue
        cards[row[0]] = _insert(target, "cards", _CARD_COLS[1:], tuple(row[1:]))
    report.copied["cards"] = sum(1 for _ in cards)

    reviews = 0
    for row in _rows(source, "review_log", _REVIEW_COLS, report):
        attempt, card = attempts.get(row[0]), cards.get(row[1])
        if attempt is None or card is None:
            continue  # its attempt was skipped or lost: the review has nothing to hang on
        _insert(target, "review_log", _REVIEW_COLS, (attempt, card, *row[2:]))
        reviews += 1
    report.copied["review_log"] = reviews

    flags = 0
    for row in _rows(source, "flags", _FLAG_COLS, report):
        known = target.execute(
            "SELECT 1 FROM flags WHERE bank_id = ? AND question_id = ? AND created_at = ?",
            (row[1], row[2], row[5]),
        ).fetchone()
        if known is None:
            _insert(target, "flags", _FLAG_COLS[1:], tuple(row[1:]))
            flags += 1
    report.copied["flags"] = flags

    # the sessions' running counts, from the attempts that made it across
    for new in set(sessions.values()):
        target.execute(
            """UPDATE sessions SET
                   attempts = (SELECT count(*) FROM attempts a
                               WHERE a.session_id = sessions.id AND a.retake_of IS NULL),
                   correct = (SELECT coalesce(sum(a.correct), 0) FROM attempts a
                              WHERE a.session_id = sessions.id AND a.retake_of IS NULL)
               WHERE id = ?""",
            (new,),
        )


def _insert(
    conn: sqlite3.Connection, table: str, columns: tuple[str, ...], values: tuple[object, ...]
) -> int:
    marks = ", ".join("?" * len(columns))
    cursor = conn.execute(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", values)
    return int(cursor.lastrowid or 0)


def _rows(
    source: sqlite3.Connection,
    table: str,
    columns: tuple[str, ...],
    report: SalvageReport,
    *,
    rowid: bool = True,
) -> Iterator[tuple[Any, ...]]:
    """Every readable row of ``table``, in rowid order, stepping over damaged pages."""
    select = ", ".join(columns)
    if not rowid:  # WITHOUT ROWID (meta): all or nothing
        try:
            yield from source.execute(f"SELECT {select} FROM {table}").fetchall()
        except sqlite3.DatabaseError:
            report.unreadable_tables.append(table)
        return
    try:
        top = source.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0]
    except sqlite3.DatabaseError:
        top = None
    after = 0
    while True:
        try:
            for row in source.execute(
                f"SELECT rowid, {select} FROM {table} WHERE rowid > ? ORDER BY rowid", (after,)
            ):
                after = int(row[0])
                yield tuple(row[1:])
            return
        except sqlite3.DatabaseError:
            if top is None:
                if after == 0:
                    report.unreadable_tables.append(table)
                return
        found = _next_readable(source, table, select, after, int(top), report)
        if found is None:
            return
        after, row = found
        yield row


def _next_readable(
    source: sqlite3.Connection,
    table: str,
    select: str,
    after: int,
    top: int,
    report: SalvageReport,
) -> tuple[int, tuple[Any, ...]] | None:
    """The first row past ``after`` that a lookup by rowid can read, counting misses."""
    probe, step, misses = after + 1, 1, 0
    while probe <= top:
        try:
            row = source.execute(
                f"SELECT {select} FROM {table} WHERE rowid = ?", (probe,)
            ).fetchone()
        except sqlite3.DatabaseError:
            row = None
            report.lost += step
            misses += 1
            if misses % _PROBE_RUN == 0:
                step *= 2
        else:
            if row is not None:
                return probe, tuple(row)
        probe += step
    return None
