"""Hands answers to the session's recorder on a background thread, in order, so that a slow save
(SQLite waiting on another process's lock, syncing to disk) never holds up the screen.
Imports nothing from Textual, and neither the store nor SQLite until an answer is saved.

"Acknowledged means saved": :meth:`BackgroundRecorder.submit` returns a future that is done
once the inner recorder's ``record`` has returned (for the SQLite store: committed). The quiz
screen shows an answer's feedback only when that future is done, so anything the learner saw
acknowledged is on disk, whatever happens to the process next.

If saving fails (a full disk, a read-only file), the answer is kept in memory, the future says
so, and the next answer first retries the ones held back, in order: nothing is reordered, and
when saving works again the backlog is saved before anything newer. The store's recorder also
puts a refused answer in the pending-answers journal beside the database (``Saved.journaled``),
so it outlives the process; the answers in neither (:attr:`BackgroundRecorder.at_risk`) are
what quitting warns about, offering to try again (:meth:`BackgroundRecorder.retry`) or to write
them to a file (:meth:`BackgroundRecorder.write_unsaved`).
"""

from __future__ import annotations

import os
import queue
import threading
import uuid
from collections.abc import Callable
from concurrent.futures import Future
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import msgspec
from msgspec import Struct
from msgspec.structs import replace

from quiz.recording.protocol import SessionRecording

if TYPE_CHECKING:
    from quiz.record import Answer, Recorder
    from quiz.store.journal import PendingAnswer

__all__ = ["BackgroundRecorder", "RecordingFailed", "Saved", "Undone", "answer_key"]

#: An answer as the journal knows it (the store's key, without loading the store to make it).
AnswerKey = tuple[str, str, datetime]


def answer_key(answer: Answer) -> AnswerKey:
    return (answer.bank_id, answer.question_id, answer.answered_at)


_STOP = object()


class RecordingFailed(Struct):
    """Handed to ``on_error`` when saving failed: ``answer`` is the one not kept, if any."""

    answer: Answer | None
    error: BaseException


class Saved(Struct, frozen=True):
    """How saving one answer went. ``result`` is what the inner recorder said about it (for the
    store: a :class:`~quiz.store.RecordResult`, with ``schedule_reset`` and the next due date),
    ``None`` for recorders that say nothing. ``error`` is set when it could not be saved (it is
    then held back and retried before the next answer); ``recovered`` counts earlier answers
    that had been held back and were saved just before this one."""

    answer: Answer
    result: Any = None
    error: BaseException | None = None
    recovered: int = 0
    journaled: bool = False  # not in the database, but safe in the journal beside it

    @property
    def ok(self) -> bool:
        return self.error is None


class Undone(Struct, frozen=True):
    """How undoing the last answer went: ``answer`` is the answer taken back, marked undone
    (``None`` when there was none to take back), ``error`` set when the store could not mark
    it (then nothing changed)."""

    answer: Answer | None = None
    error: BaseException | None = None


class BackgroundRecorder:
    """A :class:`~quiz.record.Recorder` whose work runs on one daemon thread, in order. The
    inner recorder is made (with ``make``) on first use, so a session with no answer starts
    nothing in the store.

    ``submit`` / ``undo`` / ``finish`` return futures; ``record`` is ``submit`` without waiting.
    ``on_error`` is called (on that thread) for each failure.
    """

    def __init__(
        self,
        make: Callable[[], Recorder],
        on_error: Callable[[RecordingFailed], None] | None = None,
    ) -> None:
        self._make = make
        self._on_error = on_error
        self._inner: Recorder | None = None
        self._backlog: list[Answer] = []  # answers that could not be saved yet, in order
        self._journaled: set[AnswerKey] = set()  # of those, the ones on disk
        self.last_error: BaseException | None = None  # why the last save failed
        self._finish: Future[None] | None = None
        self._queue: queue.Queue[object] = queue.Queue()
        self._thread: threading.Thread | None = None  # started by the first piece of work
        self._starting = threading.Lock()

    def _put(self, item: object) -> None:
        """Queue ``item``, starting the thread with the first one: a recorder is made before
        the first question is shown, and starting a thread there cost the start-up time a
        learner waits for (a thread start, and the GIL shared from the first paint on) for
        work that only comes with the first answer."""
        with self._starting:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="quiz-recorder", daemon=True)
                self._thread.start()
        self._queue.put(item)

    @property
    def started(self) -> bool:
        """Whether the thread was started (by the first answer, undo, retry or finish)."""
        return self._thread is not None

    @property
    def inner(self) -> Recorder | None:
        """The real recorder, once the first answer made it."""
        return self._inner

    @property
    def unsaved(self) -> int:
        """Answers held back because saving failed (kept in memory, retried)."""
        return len(self._backlog)

    @property
    def at_risk(self) -> int:
        """Answers held back that are not in the journal either: lost if the process ends."""
        return sum(answer_key(a) not in self._journaled for a in list(self._backlog))

    def retry(self) -> Future[int]:
        """Try the held-back answers again now (after pending work); the future gives how
        many are still at risk."""
        future: Future[int] = Future()
        self._put((self._retry, None, future))
        return future

    def write_unsaved(self, path: Path) -> int:
        """Writes the answers at risk to ``path`` as journal lines (appending, synced), for a
        learner who cannot wait for the disk; returns how many. Raises :class:`OSError`."""
        lines = [
            msgspec.json.encode(self._entry(a)) + b"\n"
            for a in list(self._backlog)
            if answer_key(a) not in self._journaled
        ]
        with open(path, "ab") as file:
            file.write(b"".join(lines))
            file.flush()
            os.fsync(file.fileno())
        return len(lines)

    def _entry(self, answer: Answer) -> PendingAnswer:
        from quiz.recording.journaling import JournalingRecorder
        from quiz.store.journal import PendingAnswer

        if isinstance(self._inner, JournalingRecorder):
            return self._inner.entry(answer)
        mode = "play"
        return PendingAnswer(f"unsaved-{uuid.uuid4().hex}", answer.bank_id, mode, answer)

    @property
    def finished(self) -> bool:
        return self._finish is not None

    def submit(self, answer: Answer) -> Future[Saved]:
        """Queue ``answer``; the future is done once it is saved (or failed to be)."""
        future: Future[Saved] = Future()
        self._put((self._save, answer, future))
        return future

    def record(self, answer: Answer) -> None:
        self.submit(answer)

    def undo(self) -> Future[Undone]:
        """Mark the last answer taken back (it keeps counting: see
        :func:`quiz.store.records.undo_last_attempt`), after pending saves."""
        future: Future[Undone] = Future()
        self._put((self._undo, None, future))
        return future

    def finish(self) -> Future[None]:
        """The session is over: after the last answer, the inner recorder's ``finish()`` runs
        (the store marks the session ended). Only the first call counts."""
        if self._finish is None:
            self._finish = Future()
            if self._thread is None:  # nothing was answered: no session to finish
                self._finish.set_result(None)
            else:
                self._put((self._finish_now, None, self._finish))
        return self._finish

    def close(self, timeout: float = 5.0) -> bool:
        """Wait (up to ``timeout`` s) for pending work; True if all of it was done."""
        with self._starting:
            thread = self._thread
        if thread is None:
            return True  # never started: nothing was ever queued
        self._queue.put(_STOP)
        thread.join(timeout)
        return not thread.is_alive()

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until every answer given so far was handed over (tests use this)."""
        if self._thread is None:
            return True  # never started: nothing was ever queued
        done = threading.Event()
        self._queue.put(done)
        return done.wait(timeout)

    # ------------------------------------------------------------------ the thread

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is _STOP:
                return
            if isinstance(item, threading.Event):
                item.set()
                continue
            job, arg, future = cast("tuple[Callable[[Any], Any], Any, Future[Any]]", item)
            try:
                future.set_result(job(arg))
            except BaseException as error:  # pragma: no cover - jobs catch their own errors
                future.set_exception(error)

    def _report(self, answer: Answer | None, error: BaseException) -> None:
        if self._on_error is not None:
            self._on_error(RecordingFailed(answer, error))

    def _recorder(self) -> Recorder:
        if self._inner is None:
            self._inner = self._make()
        return self._inner

    def _save(self, answer: Answer) -> Saved:
        self._backlog.append(answer)
        recovered = 0
        result: object = None
        try:
            inner = self._recorder()
            while self._backlog:
                result = inner.record(self._backlog[0])
                self._backlog.pop(0)
                if self._backlog:
                    recovered += 1
        except Exception as error:  # kept in memory; retried before the next answer
            journaled = self._note_failure(error)
            self._report(answer, error)
            return Saved(answer, error=error, recovered=recovered, journaled=journaled)
        return Saved(answer, result=result, recovered=recovered)

    def _note_failure(self, error: BaseException) -> bool:
        """The answer at the head of the backlog failed: the ones behind it, never tried,
        go to the journal too. Is the newest one there?"""
        from quiz.recording.journaling import AnswerJournaled, JournalingRecorder

        self.last_error = error
        if not self._backlog:
            return False
        if isinstance(error, AnswerJournaled):
            self._journaled.add(answer_key(self._backlog[0]))
        if isinstance(self._inner, JournalingRecorder):
            for waiting in self._backlog[1:]:
                key = answer_key(waiting)
                if key not in self._journaled and self._inner.keep(waiting, error):
                    self._journaled.add(key)
        return answer_key(self._backlog[-1]) in self._journaled

    def _retry(self, _: object) -> int:
        if self._backlog:
            try:
                inner = self._recorder()
                while self._backlog:
                    inner.record(self._backlog[0])
                    self._backlog.pop(0)
            except Exception as error:
                self._note_failure(error)
        return self.at_risk

    def _undo(self, _: object) -> Undone:
        if self._backlog:  # not saved yet: it will be, marked
            last = self._backlog[-1]
            if last.undone or last.retake:
                return Undone(None)
            self._backlog[-1] = marked = replace(last, undone=True)
            return Undone(marked)
        if not isinstance(self._inner, SessionRecording):
            return Undone(None)  # none yet, or one that cannot take an answer back
        try:
            return Undone(self._inner.undo())
        except Exception as error:
            self._report(None, error)
            return Undone(None, error)

    def _finish_now(self, _: object) -> None:
        if self._inner is None and not self._backlog:
            return  # nothing was answered: no session to finish
        try:
            inner = self._recorder()
            while self._backlog:  # a last try for what was held back
                inner.record(self._backlog[0])
                self._backlog.pop(0)
            if isinstance(inner, SessionRecording):
                inner.finish()
        except Exception as error:
            self._note_failure(error)
            self._report(None, error)
