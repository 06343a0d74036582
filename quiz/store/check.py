"""Finding damage anywhere in ``quiz.db`` when it is opened, within the start-up budget.

A damaged page in the middle of the file (the header intact) opens without complaint: SQLite
only notices when a query walks onto it, and then every answer written near it fails, or worse,
lands in a file that cannot be read back. ``PRAGMA quick_check`` walks every page and finds it,
at a cost that grows with the file: about 1 ms for a learner's first months, 0.2 s for 100,000
answers and 2.3 s for a million (315 MB) on the 2-core machine of ``docs/performance.md``.

So the check at open runs under a time budget (:data:`OPEN_BUDGET_SECONDS`, cut by SQLite's
progress handler): small and ordinary files are checked completely before anything is written.
A file too big to finish in the budget is checked to the end by :class:`BackgroundCheck`, on
its own read connection, while the quiz goes on; if it finds damage, the store stops writing
into the file (answers go to the pending-answers journal instead, see
:mod:`quiz.store.journal`) and the next start sets the file aside.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from quiz.store.errors import StoreError

__all__ = [
    "OPEN_BUDGET_SECONDS",
    "READ_CHECK_FLOOR_SECONDS",
    "BackgroundCheck",
    "CheckBeside",
    "CheckResult",
    "damage_error",
    "quick_check",
    "refuse_if_damaged",
]

#: How long opening may spend checking the file before leaving the rest to a thread.
OPEN_BUDGET_SECONDS = 0.25

Verdict = Literal["ok", "damaged", "unfinished"]

#: How often the watcher looks at the clock and at ``stop``.
_TICK = 0.01


@dataclass(frozen=True, slots=True)
class CheckResult:
    """``detail`` is SQLite's first complaint when ``verdict`` is ``"damaged"``."""

    verdict: Verdict
    detail: str = ""
    seconds: float = 0.0


def quick_check(
    conn: sqlite3.Connection,
    budget: float | None = OPEN_BUDGET_SECONDS,
    *,
    stop: threading.Event | None = None,
) -> CheckResult:
    """Runs ``PRAGMA quick_check`` on ``conn``, giving up after ``budget`` seconds (None: no
    limit) or once ``stop`` is set. A damaged page shows either as rows other than ``ok``
    or as an error raised part-way (SQLite reports some damage that way).

    The cut is ``conn.interrupt()`` from a watcher thread, not a progress handler: SQLite
    checks one whole table in a single VM step, so a progress handler overshoots by the
    biggest table (0.3 s past a 50 ms budget on a million answers), while an interrupt is
    seen page by page. A lock keeps the interrupt from landing after the check is over, and
    a check that was cut says "unfinished" whatever it returned."""
    started = time.monotonic()
    finished = threading.Event()
    lock = threading.Lock()
    cut = False

    def watch() -> None:
        nonlocal cut
        deadline = None if budget is None else started + budget
        while not finished.is_set():
            if stop is not None and stop.is_set():
                break
            now = time.monotonic()
            if deadline is not None and now >= deadline:
                break
            finished.wait(_TICK if deadline is None else min(_TICK, deadline - now))
        with lock:
            if not finished.is_set():
                cut = True
                conn.interrupt()

    watcher = threading.Thread(target=watch, name="quiz-db-check-clock", daemon=True)
    watcher.start()
    try:
        rows = [str(row[0]) for row in conn.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as error:
        with lock:
            finished.set()
        if cut:
            return CheckResult("unfinished", seconds=time.monotonic() - started)
        return CheckResult("damaged", str(error), time.monotonic() - started)
    finally:
        with lock:
            finished.set()
    watcher.join()
    seconds = time.monotonic() - started
    if cut:
        # SQLite may end an interrupted check quietly, with "ok" or with pages it did not
        # reach reported "never used": neither can be trusted
        return CheckResult("unfinished", seconds=seconds)
    if rows == ["ok"]:
        return CheckResult("ok", seconds=seconds)
    return CheckResult("damaged", _first_line(rows), seconds)


def refuse_if_damaged(
    conn: sqlite3.Connection, path: Path, budget: float | None = OPEN_BUDGET_SECONDS
) -> CheckResult:
    """:func:`quick_check` within ``budget``, raising :class:`StoreError` (``damaged``) when it
    finds damage. One place for the check and its words, so that opening the store and a
    reader that never opens it (``quiz stats --json``'s read-only path) refuse a damaged file
    alike; a check the budget cut (``unfinished``) is returned for the caller to decide."""
    check = quick_check(conn, budget)
    if check.verdict == "damaged":
        raise damage_error(path, check)
    return check


def damage_error(path: Path, check: CheckResult) -> StoreError:
    """The error a damaged file is refused with, in the same words wherever it is found."""
    return StoreError(
        f"{path}: the scores database is damaged ({check.detail})", problem="damaged", path=path
    )


#: Beside ``quiz.db``: the damage a check found after the file was opened (too big to check
#: within the open budget). The next start reads it and sets the file aside at once, instead
#: of checking again in the background while it writes the journal's answers into the file.
DAMAGE_NOTE_SUFFIX = ".damage-found"


def damage_note(path: Path) -> Path:
    return path.with_name(path.name + DAMAGE_NOTE_SUFFIX)


def note_damage(path: Path, check: CheckResult) -> None:
    """Remembers the damage found in ``path`` for the next start (best effort: a start that
    finds no note checks the file again, and finds it again)."""
    from quiz.atomic import write_atomic

    with contextlib.suppress(OSError):
        write_atomic(damage_note(path), (check.detail or "quick_check found a problem") + "\n")


def noted_damage(path: Path) -> CheckResult | None:
    """The damage an earlier check noted for ``path`` (see :func:`note_damage`), if any."""
    try:
        detail = damage_note(path).read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return None
    return CheckResult("damaged", detail or "quick_check found a problem")


def forget_damage(path: Path) -> None:
    """The note goes once its file has been set aside (the new file is not damaged)."""
    with contextlib.suppress(OSError):
        damage_note(path).unlink()


def _first_line(rows: list[str]) -> str:
    lines = [line for row in rows for line in row.splitlines() if not line.startswith("***")]
    return lines[0] if lines else "quick_check found a problem"


def _check_read_only(uri: str, budget: float | None, stop: threading.Event) -> CheckResult | None:
    """:func:`quick_check` on a read-only connection of its own (for a thread: the caller's
    connection stays free); None when the file cannot be opened or read at all."""
    try:
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
    except sqlite3.Error:
        return None
    try:
        return quick_check(conn, budget, stop=stop)
    except sqlite3.Error:
        return None
    finally:
        conn.close()


#: A read that checks beside itself gives the check at least this long, however quick the read.
READ_CHECK_FLOOR_SECONDS = 0.1


class CheckBeside:
    """The open check, run beside a read instead of before it: on its own read-only connection
    (``uri``) in a thread, while the reader's connection reads (SQLite lets go of the GIL, so
    the two use both cores). :meth:`verdict` ends it once the read is over and at least
    :data:`READ_CHECK_FLOOR_SECONDS` have passed, never past :data:`OPEN_BUDGET_SECONDS`.

    ``quiz stats --json`` on a million answers spent its whole 0.25 s budget checking before
    it read anything (0.45 s in all, against issue 21's 0.3 s); beside the read, a file the
    check covers in the time of the read or the floor is checked as completely as before, and
    a bigger one as far as the read's time allows (it was cut at the budget before too)."""

    def __init__(self, uri: str) -> None:
        self._uri = uri
        self._stop = threading.Event()
        self._started = time.monotonic()
        self._result: CheckResult | None = None
        self._thread = threading.Thread(target=self._run, name="quiz-db-check-read", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        # None when the file cannot be opened: the reader's own connection says why
        self._result = _check_read_only(self._uri, OPEN_BUDGET_SECONDS, self._stop)

    def verdict(self) -> CheckResult:
        """The check's result, once the read is over (see the class)."""
        left = READ_CHECK_FLOOR_SECONDS - (time.monotonic() - self._started)
        if left > 0:
            self._thread.join(left)
        self._stop.set()
        self._thread.join()
        return self._result or CheckResult("unfinished")


class BackgroundCheck:
    """Finishes the check that did not fit in the open budget, on a daemon thread with its
    own read-only connection (WAL lets it read while the store writes). ``on_damage`` is
    called (on that thread) with the result when damage is found."""

    def __init__(
        self,
        path: Path,
        on_damage: Callable[[CheckResult], None],
        on_sound: Callable[[], None] | None = None,
    ) -> None:
        self._path = path
        self._on_damage = on_damage
        self._on_sound = on_sound  # called (on that thread) when the whole file checked sound
        self._stop = threading.Event()
        self.result: CheckResult | None = None
        self._thread = threading.Thread(target=self._run, name="quiz-db-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        uri = f"{self._path.resolve().as_uri()}?mode=ro"
        result = _check_read_only(uri, None, self._stop)
        if result is None:
            return  # cannot even open it read-only: the store's own writes will say so
        self.result = result
        if self._stop.is_set():
            return
        if result.verdict == "damaged":
            self._on_damage(result)
        elif result.verdict == "ok" and self._on_sound is not None:
            self._on_sound()

    def join(self, timeout: float | None = None) -> bool:
        """Waits for the check (tests); True once it is over."""
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def stop(self) -> None:
        """Abandons the check (the store is closing); returns at once."""
        self._stop.set()
