"""What opening does after the file is sound and migrated: ``--recover``'s copy from damaged
files set aside, and the replay of the pending-answers journal. Neither may stop the store from
opening: a failure is returned as one line for the learner, and the files stay as they were.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from quiz.srs import Srs
from quiz.store.journal import JOURNAL_NAME, ReplayReport, replay
from quiz.store.salvage import SalvageReport, salvage
from quiz.store.timefmt import to_db

__all__ = ["damaged_files_aside", "replay_pending", "salvage_aside"]


def damaged_files_aside(path: Path) -> list[Path]:
    """The damaged copies of ``path`` set aside so far, oldest first (their ``-wal`` and
    ``-shm`` companions are not listed: they go with them)."""
    found = [
        p
        for pattern in (f"{path.name}.damaged-*", f"{path.name}.corrupt-*")
        for p in path.parent.glob(pattern)
        if not p.name.endswith(("-wal", "-shm"))
    ]
    return sorted(found, key=lambda p: (p.stat().st_mtime, p.name))


def salvage_aside(
    conn: sqlite3.Connection, lock: threading.Lock, path: Path, now: datetime
) -> tuple[list[tuple[Path, SalvageReport]], str]:
    """Copies what can be read of each damaged file set aside beside ``path`` (now or at an
    earlier start) and not copied yet. Each copy names its file in ``meta`` in the same
    transaction, so a second ``--recover`` does not read it again (it would change nothing
    anyway). Returns the reports and, if one failed, why."""
    done: list[tuple[Path, SalvageReport]] = []
    for aside in damaged_files_aside(path):
        key = f"recovered:{aside.name}"
        try:
            with lock:
                if conn.execute("SELECT 1 FROM meta WHERE key = ?", (key,)).fetchone():
                    continue
                done.append((aside, salvage(aside, conn, mark=(key, to_db(now)))))
        except (sqlite3.Error, OSError) as error:
            return done, f"{aside}: nothing could be recovered from it: {error}"
    return done, ""


def replay_pending(
    conn: sqlite3.Connection,
    lock: threading.Lock,
    srs: Srs,
    path: Path,
    *,
    day_of: Callable[[datetime], date],
    learner: Callable[[], str],
    now: datetime,
) -> tuple[ReplayReport | None, str]:
    """Saves the answers a quiz could not write into the database beside ``path`` (see
    :mod:`quiz.store.journal`); returns what it did and, if it could not, why (the journal
    then stays as it was, for the next start)."""
    journal = path.with_name(JOURNAL_NAME)
    if not journal.exists():
        return None, ""
    try:
        owner = learner()
        with lock:
            return replay(conn, srs, journal, day_of=day_of, learner=owner, now=now), ""
    except (sqlite3.Error, OSError) as error:
        return None, f"{journal}: the answers kept there could not be saved yet: {error}"
    except Exception as error:  # a StoreError reading the learner id
        return None, f"{journal}: the answers kept there could not be saved yet: {error}"
