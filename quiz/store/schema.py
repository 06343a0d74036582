"""The database schema, as a list of forward migrations numbered by ``PRAGMA user_version``.

A migration, once released, is never edited: a learner's file at version N is brought up to
date by running steps N+1, N+2, ... each in its own ``BEGIN IMMEDIATE`` transaction that also
bumps ``user_version``, so a crash between steps leaves a consistent file at a known version,
and two processes opening an old file at once cannot both migrate it (the second one re-reads
the version inside its transaction and finds nothing to do).

``PRAGMA application_id`` marks the file as ours, so a stray SQLite file that happens to be
named ``quiz.db`` is reported as foreign instead of being "migrated".

The statements of each version are in :mod:`quiz.store.schema_versions`; the v1 history
is replayed into v2 by :mod:`quiz.store.replay_v1`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from quiz.srs import Srs
from quiz.store.errors import StoreError
from quiz.store.replay_v1 import replay_v1_history
from quiz.store.schema_versions import APPLICATION_ID, CARD_COLUMNS, V1, V2, V3, V4, V5

__all__ = [
    "APPLICATION_ID",
    "CARD_COLUMNS",
    "LATEST_VERSION",
    "MIGRATIONS",
    "Migration",
    "check_ours",
    "migrate",
    "version",
]


@dataclass(frozen=True, slots=True)
class Migration:
    """One step: the DDL/DML statements, then an optional Python step for data work."""

    version: int
    statements: tuple[str, ...]
    after: Callable[[sqlite3.Connection, Srs], None] | None = None


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, V1),
    Migration(2, V2, replay_v1_history),
    Migration(3, V3),
    Migration(4, V4),
    Migration(5, V5),
)
LATEST_VERSION = MIGRATIONS[-1].version


def version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(
    conn: sqlite3.Connection,
    srs: Srs,
    *,
    target: int = LATEST_VERSION,
    path: Path | None = None,
) -> int:
    """Brings the database up to ``target`` (tests stop early to build old files); returns the
    version it started from. Raises :class:`StoreError` for a foreign or newer file, leaving it
    untouched. ``conn`` must be in autocommit mode (``isolation_level=None``)."""
    started: int | None = None
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            current = check_ours(conn, path)
            if started is None:
                started = current
            if current >= target:
                conn.execute("COMMIT")
                return started
            step = MIGRATIONS[current]  # the step to version current + 1
            for statement in step.statements:
                conn.execute(statement)
            if step.after is not None:
                step.after(conn, srs)
            conn.execute(f"PRAGMA user_version = {step.version:d}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise


def check_ours(conn: sqlite3.Connection, path: Path | None = None) -> int:
    """The schema version, after making sure the file is a quiz database we can handle."""
    application_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
    current = version(conn)
    if application_id == 0 and current == 0:
        tables = conn.execute(
            "SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'"
        ).fetchone()[0]
        if tables == 0:
            return 0  # a new, empty file
    where = f"{path}" if path else "the database"
    if application_id != APPLICATION_ID or current == 0:
        raise StoreError(
            f"{where} is an SQLite database but not a quiz scores database",
            problem="foreign",
            path=path,
        )
    if current > LATEST_VERSION:
        raise StoreError(
            f"{where} was written by a newer version of quiz (schema {current}, this version "
            f"knows up to {LATEST_VERSION}); upgrade quiz to use it",
            problem="newer",
            path=path,
        )
    return current
