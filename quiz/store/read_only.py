"""Reading ``quiz.db`` without opening the store: ``quiz stats --json``'s two read-only paths.

Opening the store switches the file to WAL, migrates it and may start a background check,
work that a report which changes nothing need not do, and cannot do in a folder that cannot be
written. These read the file as it is, through a read-only connection, with the same damage
check that opening runs, beside the read (:class:`quiz.store.check.CheckBeside`):
damage in the middle of the file, its header intact, reads without complaint and would give
wrong figures without a word. Only a file at this version's schema is read (nothing migrates
here). ``read`` gets the reads of one read transaction (:class:`~quiz.store.backend.ScoreSnapshot`).
"""

from __future__ import annotations

import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from quiz.store import check as damage_check
from quiz.store.backend import ScoreSnapshot
from quiz.store.connection import store_error
from quiz.store.errors import StoreError
from quiz.store.schema import LATEST_VERSION, check_ours
from quiz.store.stats_reads import SqliteSnapshot

__all__ = ["read_as_it_is", "read_where_unwritable"]

T = TypeVar("T")


def read_as_it_is(path: Path, read: Callable[[ScoreSnapshot], T]) -> T | None:
    """``read`` over the file at ``path`` as it is; ``None`` when anything is unusual (not a
    regular file, damage found, another schema, a file SQLite cannot read): the caller then
    opens the store the usual way, which says what is wrong."""
    try:  # SQLite opens what it is given: a FIFO in the file's place would block it forever
        if not stat.S_ISREG(path.stat().st_mode):
            return None
    except OSError:
        return None
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True)
    except sqlite3.Error:
        return None
    try:
        return _read_current(conn, uri, path, read)
    except (sqlite3.Error, StoreError):
        return None
    finally:
        conn.close()


def read_where_unwritable(path: Path, read: Callable[[ScoreSnapshot], T]) -> T | None:
    """``read`` over a file whose folder cannot be written (a backup on read-only media, a
    shared machine); ``None`` when it cannot be opened or is not at this version's schema.
    Damage found, or an error while reading, raises :class:`StoreError`."""
    # With no write-ahead log beside it, nobody can be writing (that would need the folder):
    # "immutable" lets SQLite read a WAL database without creating its shared-memory file.
    wal = path.with_name(path.name + "-wal")
    mode = "mode=ro" if wal.exists() else "immutable=1"
    uri = f"{path.resolve().as_uri()}?{mode}"
    try:
        conn = sqlite3.connect(uri, uri=True)
    except sqlite3.Error:
        return None
    try:
        return _read_current(conn, uri, path, read)
    except sqlite3.Error as error:
        raise store_error(error, path, "read the scores") from error
    finally:
        conn.close()


def _read_current(
    conn: sqlite3.Connection, uri: str, path: Path, read: Callable[[ScoreSnapshot], T]
) -> T | None:
    """``read`` in one read transaction; ``None`` when the file is not at this version's
    schema. Raises :class:`StoreError` (``damaged``) when the check opening runs, run beside
    the read (:class:`~quiz.store.check.CheckBeside`), finds damage: figures read past a
    damaged page are not figures, and are dropped unseen."""
    if check_ours(conn, path) != LATEST_VERSION:
        return None
    beside = damage_check.CheckBeside(uri)
    try:
        conn.execute("BEGIN")
        result = read(SqliteSnapshot(conn))
    except sqlite3.DatabaseError:
        check = beside.verdict()
        if check.verdict == "damaged":
            raise damage_check.damage_error(path, check) from None
        raise
    check = beside.verdict()
    if check.verdict == "damaged":
        raise damage_check.damage_error(path, check)
    return result
