"""The :class:`Store`: the learner's scores and schedules in one SQLite file, ``quiz.db``.

Every public method is one short transaction under one lock, so the store can be shared by the
UI thread and a worker thread, and two quiz processes can record into the same data dir (the
loser of a race waits on ``busy_timeout``; nothing is ever "locked").

Days and "tomorrow" follow the time zone of the clock the store was given: the default clock
is the computer's local time, so a streak breaks at the learner's midnight. Tests pass a UTC
clock, and then days are UTC days.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime, tzinfo
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Self, TypeVar

from quiz.record import Answer
from quiz.srs import DEFAULT_DESIRED_RETENTION, CardState, Srs
from quiz.store import flags as flag_repo
from quiz.store.check import OPEN_BUDGET_SECONDS, BackgroundCheck, CheckResult, note_damage
from quiz.store.connection import connect, store_error
from quiz.store.due_reads import DueReads
from quiz.store.errors import StoreError
from quiz.store.export import write_results
from quiz.store.file_identity import file_identity
from quiz.store.journal import ReplayReport
from quiz.store.models import MODES, Flag, RecordResult
from quiz.store.opening import open_checked
from quiz.store.records import insert_session, load_card, record_answer, undo_last_attempt
from quiz.store.recovery import replay_pending, salvage_aside
from quiz.store.salvage import SalvageReport
from quiz.store.stats_reads import SqliteSnapshot
from quiz.store.timefmt import day_of, to_db

if TYPE_CHECKING:
    from quiz.store.backend import ScoreSnapshot, ScoreStore

__all__ = ["DB_NAME", "Store", "local_now"]

DB_NAME = "quiz.db"

T = TypeVar("T")


def local_now() -> datetime:
    """The default clock: now, aware, in the computer's time zone."""
    return datetime.now().astimezone()


class Store(DueReads):
    """The learner's database. Make one with :meth:`open`; close it (or use ``with``)."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path,
        clock: Callable[[], datetime],
        srs: Srs,
    ) -> None:
        """Use :meth:`open`; this only wires an already migrated connection."""
        self._conn = conn
        self._path = path
        self._clock = clock
        self._srs = srs
        self._lock = threading.Lock()
        self._learner_id: str | None = None
        #: where a damaged or unusable file was moved at this open, and why
        self.set_aside: Path | None = None
        self.damage: StoreError | None = None
        #: what ``recover`` copied from damaged files set aside, one report per file
        self.salvaged: list[tuple[Path, SalvageReport]] = []
        #: what the journal replay at open did, or why it could not
        self.salvage_error: str = ""
        self.replayed: ReplayReport | None = None
        self.replay_error: str = ""
        self.background_check: BackgroundCheck | None = None
        #: set when the background check finds damage: nothing more is written to the file
        self._refused: StoreError | None = None
        #: the file this connection writes, by device and inode: another quiz that finds it
        #: damaged renames it aside and starts a new one at the same path, and this one must
        #: not go on writing into the renamed file (its answers go to the journal instead)
        self._identity = file_identity(path, missing=None)

    # -- opening -------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        data_dir: Path,
        *,
        clock: Callable[[], datetime] | None = None,
        desired_retention: float = DEFAULT_DESIRED_RETENTION,
        recover: bool = False,
        fuzz: bool = True,
        check_budget: float | None = OPEN_BUDGET_SECONDS,
    ) -> Store:
        """Opens (creating if needed) ``data_dir/quiz.db``, checks it for damage and brings
        its schema up to date (see :mod:`quiz.store.opening`), then saves the answers left in
        the pending-answers journal (:mod:`quiz.store.journal`).

        A file with damaged pages is renamed ``quiz.db.damaged-<timestamp>`` (never deleted,
        never overwritten) and a new one started; :attr:`set_aside` says where it went. A file
        that is not SQLite, foreign or newer raises :class:`StoreError` and is left untouched,
        unless ``recover`` is true: then it is set aside the same way. ``recover`` also copies
        into the new file what can be read of a damaged one set aside now or at an earlier
        start (:attr:`salvaged`). ``fuzz=False`` makes FSRS intervals exact, for tests;
        ``check_budget`` bounds the check at open (None: check it all first).
        """
        clock = clock or local_now
        if clock().utcoffset() is None:
            raise ValueError("the store's clock must return timezone-aware datetimes")
        srs = Srs(desired_retention, fuzz=fuzz)
        data_dir = Path(data_dir)
        path = data_dir / DB_NAME
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(
                f"cannot create the data directory {data_dir}: {error.strerror or error}",
                problem="unwritable",
                path=data_dir,
            ) from error
        opened = open_checked(path, srs, recover=recover, when=clock(), budget=check_budget)
        store = cls(opened.conn, path, clock, srs)
        store.set_aside, store.damage = opened.set_aside, opened.damage
        if recover:
            store.salvaged, store.salvage_error = salvage_aside(
                store._conn, store._lock, path, clock()
            )
            store._learner_id = None  # the recovered file's, if it was a new one
        if opened.check.verdict == "unfinished":
            # a file too big to check within the budget takes the journal's answers only once
            # the check behind it has found it sound: never into pages that may be damaged
            store.background_check = BackgroundCheck(
                path, store._found_damage, on_sound=store._replay_pending
            )
        else:
            store._replay_pending()
        return store

    def _replay_pending(self) -> None:
        """Saves the answers left in the pending-answers journal (at open, or on the check's
        thread once a big file has checked sound); :attr:`replayed` says how many."""
        try:
            self.replayed, self.replay_error = replay_pending(
                self._conn,
                self._lock,
                self._srs,
                self._path,
                day_of=self.today,
                learner=lambda: self.learner_id,
                now=self._clock(),
            )
        except sqlite3.ProgrammingError:  # closed meanwhile: the next start replays them
            return

    def close(self) -> None:
        """Closes the connection, first letting SQLite refresh its query planner statistics
        (``PRAGMA optimize``: cheap, and recommended before closing) — only in a file known
        sound: ``optimize`` writes, and a short command (``quiz stats --json``) closes a big
        file before the check behind its start has finished."""
        check = self.background_check
        if check is not None:
            check.stop()
        sound = check is None or (check.result is not None and check.result.verdict == "ok")
        with self._lock:
            if self._refused is None and sound:
                with contextlib.suppress(sqlite3.Error):
                    self._conn.execute("PRAGMA optimize")
            self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- properties ----------------------------------------------------------------------

    @property
    def path(self) -> Path:
        return self._path

    @property
    def desired_retention(self) -> float:
        return self._srs.desired_retention

    @property
    def srs(self) -> Srs:
        return self._srs

    def now(self) -> datetime:
        return self._clock()

    @property
    def tz(self) -> tzinfo | None:
        """The time zone days are counted in: the clock's."""
        return self._clock().tzinfo

    def today(self, now: datetime | None = None) -> date:
        return day_of(now or self.now(), self.tz)

    @property
    def learner_id(self) -> str:
        """A random id for this learner's results, made when the database was created."""
        if self._learner_id is None:
            row = self._read(
                lambda c: c.execute("SELECT value FROM meta WHERE key = 'learner_id'").fetchone()
            )
            self._learner_id = str(row[0])
        return self._learner_id

    # -- sessions and answers ------------------------------------------------------------

    def start_session(self, bank_id: str, mode: str) -> int:
        """Starts a session (``mode``: play, review or cram); ``bank_id`` may be
        :data:`~quiz.store.models.ALL_BANKS` for a review across banks."""
        if mode not in MODES:
            raise ValueError(f"unknown session mode {mode!r}; expected one of {MODES}")
        started = to_db(self.now())
        return self._write(lambda c: insert_session(c, bank_id, mode, started), "start a session")

    def end_session(self, session_id: int) -> None:
        """Marks the session finished (only the first call counts), then checkpoints the WAL
        so the session's answers are synced to disk, safe from a power cut too (see
        :mod:`quiz.store.connection`)."""
        ended = to_db(self.now())
        self._write(
            lambda c: c.execute(
                "UPDATE sessions SET ended_at = ? WHERE id = ? AND ended_at IS NULL",
                (ended, session_id),
            ),
            "end the session",
        )
        with self._lock, contextlib.suppress(sqlite3.Error):
            # PASSIVE: never waits on another process; at worst it syncs less this time
            self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()

    def record(
        self, answer: Answer, *, session_id: int, cram: bool = False, if_absent: bool = False
    ) -> RecordResult:
        """Saves one answer and, unless ``cram``, reschedules its card: one transaction,
        committed (and synced) before this returns. ``if_absent``: an answer that may be in
        the database already (it went to the journal, which another quiz may have replayed)
        is saved only if it is not, known by its bank, question and moment."""
        day = self.today(answer.answered_at)

        def work(conn: sqlite3.Connection) -> RecordResult:
            known = conn.execute("SELECT 1 FROM sessions WHERE id = ?", (session_id,))
            if known.fetchone() is None:
                raise ValueError(f"no session {session_id} in {self._path}")
            if if_absent:
                there = conn.execute(
                    """SELECT id FROM attempts
                       WHERE answered_at = ? AND bank_id = ? AND question_id = ?""",
                    (to_db(answer.answered_at), answer.bank_id, answer.question_id),
                ).fetchone()
                if there is not None:
                    return RecordResult(attempt_id=int(there[0]))
            return record_answer(conn, self._srs, answer, session_id=session_id, cram=cram, day=day)

        return self._write(work, "save the answer")

    def undo_last(self, session_id: int) -> Answer | None:
        """Marks the session's last answer taken back (it keeps counting, and its card keeps
        the schedule it set: :func:`~quiz.store.records.undo_last_attempt`); returns it, or
        ``None`` when there is none to take back."""
        return self._write(lambda c: undo_last_attempt(c, session_id), "undo the last answer")

    def card(self, bank_id: str, question_id: str) -> CardState | None:
        """The schedule of one question, ``None`` if it was never reviewed."""
        return self._read(lambda c: load_card(c, bank_id, question_id))

    # -- flags ---------------------------------------------------------------------------

    def flag(self, bank_id: str, question_id: str, reason: str, note: str = "") -> int:
        created = to_db(self.now())
        return self._write(
            lambda c: flag_repo.insert_flag(c, bank_id, question_id, reason, note, created),
            "save the flag",
        )

    def flags(self, bank_id: str | None = None) -> list[Flag]:
        return self._read(lambda c: flag_repo.list_flags(c, bank_id))

    # -- export, checks, raw reads -------------------------------------------------------

    def export_results(self, path: Path, *, bank_ids: Iterable[str] | None = None) -> int:
        """Writes every attempt to ``path`` as JSON Lines (:mod:`quiz.store.export`); returns
        the count. Reads through its own connection, so answers can be recorded meanwhile."""
        learner = self.learner_id
        banks = None if bank_ids is None else list(bank_ids)
        reader = connect(self._path)
        try:
            reader.execute("BEGIN")
            return write_results(reader, Path(path), learner, banks)
        except sqlite3.Error as error:
            raise store_error(error, self._path, "export the results") from error
        finally:
            reader.close()

    def integrity_check(self) -> list[str]:
        """SQLite's ``PRAGMA integrity_check``: ``["ok"]`` when the file is sound. Reads the
        whole file, so it is for ``quiz doctor``-style commands, not for every start."""
        return self._read(lambda c: [str(row[0]) for row in c.execute("PRAGMA integrity_check")])

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[ScoreSnapshot]:
        """The stats' reads (:class:`~quiz.store.stats_reads.SqliteSnapshot`), all inside one
        read transaction, the store locked meanwhile: see :meth:`reading`."""
        with self.reading() as conn:
            yield SqliteSnapshot(conn)

    @contextlib.contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """The connection, locked, inside one read transaction (a consistent snapshot). For
        the store's own reads and for tests: code outside :mod:`quiz.store` reads through the
        named methods (:class:`~quiz.store.backend.ScoreStore`), never SQL. Do not write
        through it."""
        with self._lock:
            try:
                self._conn.execute("BEGIN")
                try:
                    yield self._conn
                finally:
                    self._conn.execute("COMMIT")
            except sqlite3.Error as error:
                raise store_error(error, self._path, "read the scores") from error

    # -- plumbing ------------------------------------------------------------------------

    def _read(self, work: Callable[[sqlite3.Connection], T]) -> T:
        with self.reading() as conn:
            return work(conn)

    def _write(self, work: Callable[[sqlite3.Connection], T], doing: str) -> T:
        """Runs ``work`` in one ``BEGIN IMMEDIATE`` transaction and commits it; refuses at
        once, writing nothing, once the file is known to be damaged."""
        with self._lock:
            if (
                self._refused is None
                and self._identity is not None
                and file_identity(self._path) != self._identity
            ):
                self._refused = StoreError(
                    f"{self._path} was set aside and replaced by another quiz; nothing more "
                    "is written to the old file, and the next start saves these answers",
                    problem="damaged",
                    path=self._path,
                )
            if self._refused is not None:
                raise self._refused
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                try:
                    result = work(self._conn)
                except BaseException:
                    self._conn.execute("ROLLBACK")
                    raise
                self._conn.execute("COMMIT")
                return result
            except sqlite3.Error as error:
                if self._conn.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        self._conn.execute("ROLLBACK")
                raise store_error(error, self._path, doing) from error

    # -- damage, recovery and the journal ------------------------------------------------

    def _found_damage(self, result: CheckResult) -> None:
        """The background check found damage: write nothing more into the file (answers go
        to the journal), and note it beside the file, so that the next start sets the file
        aside at once (:func:`~quiz.store.check.note_damage`)."""
        note_damage(self._path, result)
        self._refused = StoreError(
            f"{self._path}: the scores database is damaged ({result.detail}); nothing more is "
            "written to it, and it will be set aside and replaced the next time quiz starts",
            problem="damaged",
            path=self._path,
        )

    @property
    def refused(self) -> StoreError | None:
        """Why the store writes nothing more (damage found after it opened), else None."""
        return self._refused


if TYPE_CHECKING:

    def _a_score_store(store: Store) -> ScoreStore:
        """mypy checks here that :class:`Store` is a :class:`ScoreStore`."""
        return store
