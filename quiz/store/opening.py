"""Opening ``quiz.db``: checked for damage, migrated, and what to do when it cannot be used.

The order matters. The file is first proved ours (:func:`~quiz.store.schema.check_ours`, before
anything could write to a stranger's file), then checked page by page within the open budget
(:mod:`quiz.store.check`), and only then switched to WAL and migrated, both of which write.

A damaged quiz database (its header fine, a page in the middle not) is set aside at once,
without being asked: it is ours, writing on into it loses answers, and the name it gets
(``quiz.db.damaged-<date and time>``) keeps every byte. A new file takes its place; ``recover``
then copies into it what can still be read of the old one (:mod:`quiz.store.salvage`). A file
whose header is unreadable, a foreign or a newer file is left alone unless ``recover`` asks:
it may not be ours at all.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from quiz.srs import Srs
from quiz.store.check import (
    OPEN_BUDGET_SECONDS,
    CheckResult,
    damage_error,
    forget_damage,
    noted_damage,
    quick_check,
)
from quiz.store.connection import connect, move_aside, store_error, use_wal
from quiz.store.errors import StoreError
from quiz.store.schema import check_ours, migrate

__all__ = ["OPEN_RETRY_SECONDS", "Opened", "open_checked"]

#: How long opening keeps retrying while another process holds the database busy. SQLite
#: reports some busy states at once, without waiting out the busy timeout (a reader meeting a
#: WAL restart, a journal-mode check during another's write): opening simply tries again.
OPEN_RETRY_SECONDS = 10.0


@dataclass
class Opened:
    """An open, migrated connection, and what happened on the way: ``set_aside`` is where a
    damaged (or, with ``recover``, unusable) file was moved, ``damage`` why; ``check`` is the
    check at open (``unfinished`` when the budget ran out)."""

    conn: sqlite3.Connection
    check: CheckResult
    set_aside: Path | None = None
    damage: StoreError | None = None


def open_checked(
    path: Path,
    srs: Srs,
    *,
    recover: bool,
    when: datetime,
    budget: float | None = OPEN_BUDGET_SECONDS,
) -> Opened:
    """Opens ``path`` as described above; raises :class:`StoreError` when it cannot."""
    try:
        conn, check = _open_migrated(path, srs, budget)
        return Opened(conn, check)
    except StoreError as error:
        if error.problem != "damaged" and not (recover and error.recoverable):
            if error.recoverable:
                raise StoreError(
                    f"{error}. It was left untouched; starting afresh keeps it as "
                    f"{path.name}.{error.problem}-<date and time> and creates a new one",
                    problem=error.problem,
                    path=path,
                ) from error
            raise
        damage = error
    try:
        aside = move_aside(path, damage.problem, when)
    except OSError as move_error:
        raise StoreError(
            f"{damage}; it could not be moved aside: {move_error}",
            problem="unwritable" if damage.problem != "damaged" else "corrupt",
            path=path,
        ) from move_error
    forget_damage(path)
    conn, check = _open_migrated(path, srs, budget)
    return Opened(conn, check, set_aside=aside, damage=damage)


def _open_migrated(
    path: Path, srs: Srs, budget: float | None
) -> tuple[sqlite3.Connection, CheckResult]:
    deadline = time.monotonic() + OPEN_RETRY_SECONDS
    delay = 0.02
    while True:
        try:
            return _open_migrated_once(path, srs, budget)
        except StoreError as error:
            if error.problem != "busy" or time.monotonic() + delay > deadline:
                raise
        time.sleep(delay)
        delay = min(delay * 2, 0.5)


def _open_migrated_once(
    path: Path, srs: Srs, budget: float | None
) -> tuple[sqlite3.Connection, CheckResult]:
    if path.exists() and not path.is_file():  # a FIFO, a socket, a device, a folder
        raise StoreError(
            f"{path}: could not open the scores database: it is not a regular file (a pipe, "
            "socket, device or folder has its name); move it away or use another --data-dir",
            # a folder is what an unwritable data dir looks like (its advice fits); a pipe is
            # not to be read either, read-only or not: opening it waits for a writer forever
            problem="unwritable" if path.is_dir() else "failed",
            path=path,
        )
    try:
        conn = connect(path, wal=False)
    except sqlite3.Error as error:
        raise store_error(error, path, "open the scores database") from error
    try:
        check_ours(conn, path)  # before WAL: switching journals would rewrite a foreign file
        noted = noted_damage(path)  # found after an earlier start had opened it
        check = noted if noted is not None else quick_check(conn, budget)
        if check.verdict == "damaged":
            raise damage_error(path, check)
        use_wal(conn)
        migrate(conn, srs, path=path)
    except sqlite3.Error as error:
        conn.close()
        raise store_error(error, path, "update the scores database") from error
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            conn.close()
        raise
    return conn, check
