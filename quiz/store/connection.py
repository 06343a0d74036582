"""Opening the SQLite file with the settings every connection needs, and naming its failures.

Durability: WAL journal with ``synchronous=NORMAL``. In WAL mode a commit is a write to the
``-wal`` file, and that write has reached the operating system when ``COMMIT`` returns: the
answer survives the quiz process being killed at any instant (``kill -9``, a closed terminal,
a crash; ``tests/store/test_durability.py`` kills a recorder at random and finds every
acknowledged answer). What ``NORMAL`` does not promise is the last few answers surviving a
power cut or an OS crash; the file itself stays consistent even then. ``FULL`` would add an
fsync per answer: 2 to 10 ms on ordinary disks, several times the cost of everything else an
answer does, for a study app where losing the last seconds of a power-cut session is
harmless. The gap is narrowed where it is cheap: :meth:`Store.end_session` checkpoints the
WAL, which syncs it, so a finished session is safe from power loss too.

Concurrency: ``busy_timeout`` makes a writer wait (up to 5 s) for another process's short
transaction instead of failing with "database is locked"; writers take the lock up front with
``BEGIN IMMEDIATE`` so a read-then-write transaction never deadlocks on lock upgrade.

Threads: the connection is opened with ``check_same_thread=False`` because the UI records
answers from a worker thread; the :class:`~quiz.store.store.Store` serialises all use of it
with one lock.
"""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import datetime
from pathlib import Path

from quiz.store.errors import StoreError, StoreProblem

__all__ = ["BUSY_TIMEOUT_MS", "connect", "move_aside", "store_error", "use_wal"]

BUSY_TIMEOUT_MS = 5000

_PROBLEMS: dict[str, StoreProblem] = {
    "SQLITE_NOTADB": "corrupt",
    "SQLITE_CORRUPT": "corrupt",
    "SQLITE_CORRUPT_INDEX": "corrupt",
    "SQLITE_CORRUPT_SEQUENCE": "corrupt",
    "SQLITE_CORRUPT_VTAB": "corrupt",
    "SQLITE_CANTOPEN": "unwritable",
    "SQLITE_READONLY": "unwritable",
    "SQLITE_READONLY_DBMOVED": "unwritable",
    "SQLITE_READONLY_DIRECTORY": "unwritable",
    "SQLITE_READONLY_CANTINIT": "unwritable",
    "SQLITE_READONLY_RECOVERY": "unwritable",
    "SQLITE_READONLY_ROLLBACK": "unwritable",
    "SQLITE_PERM": "unwritable",
    "SQLITE_AUTH": "unwritable",
    "SQLITE_FULL": "unwritable",
    "SQLITE_BUSY": "busy",
    "SQLITE_BUSY_RECOVERY": "busy",
    "SQLITE_BUSY_SNAPSHOT": "busy",
    "SQLITE_BUSY_TIMEOUT": "busy",
    "SQLITE_LOCKED": "busy",
}

_ADVICE: dict[StoreProblem, str] = {
    "corrupt": "it is damaged or not an SQLite file",
    "damaged": "it is damaged",
    "unwritable": "check that the data directory exists and is writable, and the disk not full",
    "busy": "another quiz process kept it locked; try again",
    "foreign": "",
    "newer": "",
    "failed": "",
}


def connect(path: Path, *, wal: bool = True) -> sqlite3.Connection:
    """Opens ``path`` in autocommit mode (transactions are explicit) with our pragmas.

    Switching to WAL rewrites the file header, so a caller opening a file that may not be
    ours passes ``wal=False``, checks it, then calls :func:`use_wal`.
    """
    conn = sqlite3.connect(
        path,
        timeout=BUSY_TIMEOUT_MS / 1000,
        isolation_level=None,
        check_same_thread=False,
    )
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS:d}")
        conn.execute("PRAGMA foreign_keys = ON")
        # Reading the header here surfaces "file is not a database" before anything else.
        conn.execute("PRAGMA user_version").fetchone()
        conn.execute("PRAGMA synchronous = NORMAL")
        if wal:
            use_wal(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def use_wal(conn: sqlite3.Connection) -> None:
    """Switches the file to the WAL journal (persistent: a no-op once done)."""
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise sqlite3.OperationalError(f"could not switch to the WAL journal (got {mode})")


def store_error(error: sqlite3.Error, path: Path, doing: str) -> StoreError:
    """A :class:`StoreError` telling a person what went wrong while ``doing`` something."""
    name = getattr(error, "sqlite_errorname", "") or ""
    problem = _PROBLEMS.get(name, "failed")
    if problem == "failed" and "not a database" in str(error):
        problem = "corrupt"
    advice = _ADVICE[problem]
    message = f"{path}: could not {doing}: {error}"
    if problem in ("corrupt", "damaged"):
        message = f"{path}: the scores database cannot be read ({error}); {advice}"
    elif advice:
        message += f" ({advice})"
    return StoreError(message, problem=problem, path=path)


def move_aside(path: Path, problem: str, when: datetime) -> Path:
    """Renames ``path`` (and its ``-wal``/``-shm`` companions, which belong to it and would
    otherwise be replayed into the new file) to ``quiz.db.<problem>-<timestamp>``; returns the
    new name. Never overwrites: a clash gets a numeric suffix."""
    stamp = when.strftime("%Y%m%dT%H%M%S")
    base = path.with_name(f"{path.name}.{problem}-{stamp}")
    target = base
    counter = 1
    while target.exists():
        target = base.with_name(f"{base.name}-{counter}")
        counter += 1
    path.rename(target)
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        with contextlib.suppress(FileNotFoundError):
            companion.rename(target.with_name(target.name + suffix))
    return target
