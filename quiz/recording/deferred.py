"""The learner's scores, opened when first needed rather than before the first question.

Imports neither the store nor FSRS until then: ``quiz play`` paints its first question
without loading them (start-up is measured: ``benchmarks/run.py``). No Textual here.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection, Mapping
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quiz.bank.model import Bank
    from quiz.recording.journaling import JournalingRecorder
    from quiz.recording.scores import Scores
    from quiz.stats import Stats
    from quiz.store import KnownQuestions, LastScore


__all__ = ["DeferredScores"]


class DeferredScores:
    """The scores in ``data_dir``, opened by whoever needs them first, on any thread.

    The app asks for them on a worker thread once the first question is painted, and the
    answer recorder, the home screen and the stats on their own threads, so that the first
    question never waits on the database: not on SQLite's start-up, and not on the up to
    10 s that opening waits while another quiz holds the file busy. It serves as the app's
    recorder factory, progress provider and stats source, each opening the scores if no one
    has yet."""

    def __init__(
        self,
        data_dir: Path,
        *,
        recover: bool = False,
        clock: Callable[[], datetime] | None = None,
        opened: Scores | None = None,
    ) -> None:
        """``opened``: scores someone has opened already (tests, mostly); then nothing is
        opened here, and they are served as they are."""
        self.data_dir = Path(data_dir)
        self._recover = recover
        self._clock = clock
        self._lock = threading.Lock()
        self._scores: Scores | None = opened
        self._closed = False

    def get(self) -> Scores:
        """The scores, opened now if they are not yet (this waits while another thread
        opens them); see :func:`open_scores`."""
        with self._lock:
            if self._scores is None:
                from quiz.recording.scores import open_scores
                from quiz.store import StoreError

                if self._closed:
                    raise StoreError("the scores are closed: the app is quitting", problem="failed")
                self._scores = open_scores(self.data_dir, recover=self._recover, clock=self._clock)
            return self._scores

    @property
    def opened(self) -> Scores | None:
        """The scores if someone opened them already; never waits."""
        return self._scores

    def recorder(self, bank: Bank, mode: str) -> JournalingRecorder:
        return self.get().recorder(bank, mode)

    def last_scores(self) -> Mapping[str, LastScore]:
        return self.get().store.last_scores()

    def due_count_by_bank(
        self, now: datetime, *, known_questions: Mapping[str, Collection[str]] | None = None
    ) -> Mapping[str, int]:
        return self.get().store.due_count_by_bank(now, known_questions=known_questions)

    def stats(self, now: datetime, known: KnownQuestions | None) -> Stats:
        from quiz.stats import compute_stats

        return compute_stats(self.get().store, now, known_questions=known)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            if self._scores is not None:
                self._scores.close()
