"""A working store that lives in memory, for when the scores file cannot be used: the quiz
still runs (review, undo and flags included) and nothing is written to disk
(:mod:`quiz.recording.scores` says so to the learner)."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from quiz.srs import DEFAULT_DESIRED_RETENTION, Srs
from quiz.store.errors import StoreError
from quiz.store.schema import check_ours, migrate
from quiz.store.store import Store, local_now

__all__ = ["MEMORY", "memory_store"]

#: The path a store in memory gives for itself (its journal goes beside the real file).
MEMORY = Path(":memory:")


def memory_store(
    clock: Callable[[], datetime] | None = None, *, copy_of: Path | None = None
) -> Store:
    """A store in memory: empty, or a copy of the readable ``copy_of`` (a read-only or full
    data dir: what is due still shows; nothing is written back)."""
    clock = clock or local_now
    srs = Srs(DEFAULT_DESIRED_RETENTION)
    conn = _connect()
    if copy_of is not None and copy_of.is_file():
        with contextlib.suppress(sqlite3.Error, StoreError, OSError):
            source = sqlite3.connect(f"{copy_of.resolve().as_uri()}?mode=ro", uri=True)
            try:
                check_ours(source, copy_of)
                source.backup(conn)
            finally:
                source.close()
    try:
        migrate(conn, srs, path=MEMORY)
    except (sqlite3.Error, StoreError):  # the copy was no good: start empty
        conn.close()
        conn = _connect()
        migrate(conn, srs, path=MEMORY)
    return Store(conn, MEMORY, clock, srs)


def _connect() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA foreign_keys = ON")
    return conn
