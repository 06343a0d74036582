"""The pending-answers journal: answers the database could not take, kept on disk beside it.

When an answer cannot be written to ``quiz.db`` (a full disk, a damaged file, a lock held past
the busy timeout), the recorder appends it here, one JSON line per answer, and syncs the file
before saying it is kept (:class:`Journal.append`). The next time the store opens, it replays
the journal into the database and empties it (:func:`replay`).

Replay is idempotent, so a crash at any point of it never doubles a row: an answer is known by
its bank, question and moment (``answered_at``, to the microsecond: one learner cannot give
two answers to one question in the same microsecond), and an answer already in the database
is skipped (or only marked taken back, if its journal line says so). Each journal session is
replayed in one transaction; the file is emptied only after every one committed.

Appends and the replay hold an exclusive ``flock`` on the file, so a second quiz replaying at
start-up cannot empty the journal between another quiz's append and its sync. A failed append
is cut back to where it began, so a half-written line never glues itself to the next one.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import msgspec

from quiz.record import Answer
from quiz.srs import Srs
from quiz.store.records import insert_session, record_answer
from quiz.store.timefmt import to_db

__all__ = ["JOURNAL_NAME", "Journal", "PendingAnswer", "ReplayReport", "answer_key", "replay"]

JOURNAL_NAME = "pending-answers.jsonl"


class PendingAnswer(msgspec.Struct, frozen=True):
    """One journal line. ``journal_session`` groups the answers of one quiz (made before the
    database session, which may never have started); ``db_session`` and ``learner`` name the
    database session they belong to when there was one, so a replay into the same file puts
    them back in it (a fresh file after a damaged one has another learner id)."""

    journal_session: str
    bank_id: str
    mode: str
    answer: Answer
    cram: bool = False
    db_session: int | None = None
    learner: str | None = None
    v: int = 1


_encode = msgspec.json.Encoder().encode
_decode = msgspec.json.Decoder(PendingAnswer).decode


def answer_key(answer: Answer) -> tuple[str, str, str]:
    """What makes an answer the same answer wherever it is stored."""
    return (answer.bank_id, answer.question_id, to_db(answer.answered_at))


class Journal:
    """The journal file at ``path`` (created on the first append)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def append(self, entry: PendingAnswer) -> None:
        """Adds one line and syncs it; raises :class:`OSError` when it could not be kept
        (then the file is as it was)."""
        line = _encode(entry) + b"\n"
        created = not self.path.exists()
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            start = os.fstat(fd).st_size
            try:
                written = 0
                while written < len(line):
                    written += os.write(fd, line[written:])
                os.fsync(fd)
            except OSError:
                with contextlib.suppress(OSError):
                    os.ftruncate(fd, start)
                raise
        finally:
            os.close(fd)  # releases the lock
        if created:
            _sync_dir(self.path.parent)

    def entries(self) -> list[PendingAnswer]:
        """Every readable line (for tests and the quit dialog's counts)."""
        if not self.path.exists():
            return []
        return list(_parse(self.path.read_bytes())[0])


@dataclass
class ReplayReport:
    """``saved``: answers written into the database; ``already``: lines whose answer was
    there already; ``unreadable``: lines that could not be parsed (kept in ``kept_aside``)."""

    saved: int = 0
    already: int = 0
    unreadable: int = 0
    kept_aside: Path | None = None
    sessions: list[int] = field(default_factory=list)


def replay(
    conn: sqlite3.Connection,
    srs: Srs,
    path: Path,
    *,
    day_of: Callable[[datetime], date],
    learner: str,
    now: datetime,
) -> ReplayReport:
    """Writes the journal at ``path`` into ``conn`` (autocommit mode) and empties it. Raises
    :class:`sqlite3.Error` if the database refuses (the journal is then left as it was, less
    nothing: what committed is skipped next time). ``now`` names unreadable lines' file."""
    report = ReplayReport()
    if not path.exists() or path.stat().st_size == 0:
        return report
    fd = os.open(path, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        data = _read_all(fd)
        entries, bad = _parse(data)
        for group in _sessions(entries):
            _replay_session(conn, srs, group, day_of, learner, report)
        if bad:
            report.unreadable = len(bad)
            aside = path.with_name(
                f"{path.stem}.unreadable-{now.strftime('%Y%m%dT%H%M%S')}{path.suffix}"
            )
            aside.write_bytes(b"".join(line + b"\n" for line in bad))
            report.kept_aside = aside
        os.ftruncate(fd, 0)
        os.fsync(fd)
    finally:
        os.close(fd)
    return report


def _replay_session(
    conn: sqlite3.Connection,
    srs: Srs,
    group: list[PendingAnswer],
    day_of: Callable[[datetime], date],
    learner: str,
    report: ReplayReport,
) -> None:
    first = group[0]
    conn.execute("BEGIN IMMEDIATE")
    try:
        session = _known_session(conn, first, learner)
        for entry in _latest_per_answer(group):
            answer = entry.answer
            bank, question, at = answer_key(answer)
            row = conn.execute(
                """SELECT id, undone, retake_of FROM attempts
                   WHERE answered_at = ? AND bank_id = ? AND question_id = ?""",
                (at, bank, question),
            ).fetchone()
            if row is not None:
                report.already += 1
                if answer.undone and not row[1] and row[2] is None:
                    conn.execute("UPDATE attempts SET undone = 1 WHERE id = ?", (row[0],))
                continue
            if session is None:
                session = insert_session(conn, first.bank_id, first.mode, at)
                conn.execute(
                    "UPDATE sessions SET ended_at = ? WHERE id = ?",
                    (to_db(group[-1].answer.answered_at), session),
                )
                report.sessions.append(session)
            record_answer(
                conn,
                srs,
                answer,
                session_id=session,
                cram=first.cram,
                day=day_of(answer.answered_at),
            )
            report.saved += 1
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _known_session(conn: sqlite3.Connection, entry: PendingAnswer, learner: str) -> int | None:
    """The database session the answers were given in, if it is in this very file."""
    if entry.db_session is None or entry.learner != learner:
        return None
    row = conn.execute(
        "SELECT id FROM sessions WHERE id = ? AND bank_id = ? AND mode = ?",
        (entry.db_session, entry.bank_id, entry.mode),
    ).fetchone()
    return None if row is None else int(row[0])


def _sessions(entries: list[PendingAnswer]) -> Iterator[list[PendingAnswer]]:
    groups: dict[str, list[PendingAnswer]] = {}
    for entry in entries:
        groups.setdefault(entry.journal_session, []).append(entry)
    yield from groups.values()


def _latest_per_answer(group: list[PendingAnswer]) -> list[PendingAnswer]:
    """One entry per answer, in the order first given, as last written (an answer taken
    back while it was pending is written again, marked)."""
    latest: dict[tuple[str, str, str], PendingAnswer] = {}
    for entry in group:
        latest[answer_key(entry.answer)] = entry  # keeps the first position, the last value
    return list(latest.values())


def _parse(data: bytes) -> tuple[list[PendingAnswer], list[bytes]]:
    good: list[PendingAnswer] = []
    bad: list[bytes] = []
    for line in data.split(b"\n"):
        if not line.strip():
            continue
        try:
            good.append(_decode(line))
        except (msgspec.DecodeError, msgspec.ValidationError, ValueError):
            bad.append(line)
    return good, bad


def _read_all(fd: int) -> bytes:
    chunks = []
    os.lseek(fd, 0, os.SEEK_SET)
    while chunk := os.read(fd, 1 << 20):
        chunks.append(chunk)
    return b"".join(chunks)


def _sync_dir(folder: Path) -> None:
    """Makes a new file's name durable too (its directory entry)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
