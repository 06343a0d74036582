"""Hands answers to the real recorder on a background thread, in order, so that a slow save
(SQLite syncing to disk) never holds up the screen. Imports nothing from Textual."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass

from quiz.record import Answer, Recorder

_STOP = object()
_FINISH = object()


@dataclass
class RecordingFailed:
    answer: Answer | None
    error: BaseException


class BackgroundRecorder:
    """A :class:`~quiz.record.Recorder` that returns at once; a daemon thread makes the inner
    recorder (with ``make``) on first use and hands it every answer, one at a time, in order.

    ``on_error`` is called (on that thread) when recording fails; later answers are still tried.
    """

    def __init__(
        self,
        make: Callable[[], Recorder],
        on_error: Callable[[RecordingFailed], None] | None = None,
    ) -> None:
        self._make = make
        self._on_error = on_error
        self._inner: Recorder | None = None
        self._queue: queue.Queue[object] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="quiz-recorder", daemon=True)
        self._thread.start()

    @property
    def inner(self) -> Recorder | None:
        """The real recorder, once the first answer made it."""
        return self._inner

    def record(self, answer: Answer) -> None:
        self._queue.put(answer)

    def finish(self) -> None:
        """The session is over: the inner recorder's ``finish()`` runs after the last answer."""
        self._queue.put(_FINISH)

    def close(self, timeout: float = 5.0) -> bool:
        """Wait (up to ``timeout`` s) for pending answers; True if all were handed over."""
        self._queue.put(_STOP)
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until every answer given so far was handed over (tests use this)."""
        done = threading.Event()
        self._queue.put(done)
        return done.wait(timeout)

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is _STOP:
                return
            if isinstance(item, threading.Event):
                item.set()
                continue
            try:
                if item is _FINISH and self._inner is None:
                    continue  # nothing was answered: no session to finish
                if self._inner is None:
                    self._inner = self._make()
                if item is _FINISH:
                    finish = getattr(self._inner, "finish", None)
                    if callable(finish):
                        finish()
                    continue
                assert isinstance(item, Answer)
                self._inner.record(item)
            except Exception as error:  # reported to the UI; recording goes on
                if self._on_error is not None:
                    self._on_error(
                        RecordingFailed(item if isinstance(item, Answer) else None, error)
                    )
