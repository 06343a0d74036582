"""What the home screen shows about a learner's progress, behind a small interface.

The SQLite store (:class:`quiz.store.Store`) satisfies :class:`ProgressProvider` as it is; the
app falls back to :class:`NoProgress` when scores cannot be read. Imports nothing from Textual.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import datetime
from typing import Protocol, runtime_checkable


class LastScore(Protocol):
    """The score of a bank's last finished session."""

    @property
    def correct(self) -> int: ...

    @property
    def total(self) -> int: ...

    @property
    def when(self) -> datetime: ...


@runtime_checkable
class ProgressProvider(Protocol):
    """Progress per bank id. Called from a worker thread, never from the UI thread."""

    def last_scores(self) -> Mapping[str, LastScore]:
        """Bank id -> its last finished session's score; banks never played are absent."""
        ...

    def due_count_by_bank(
        self, now: datetime, *, known_questions: Mapping[str, Collection[str]] | None = None
    ) -> Mapping[str, int]:
        """Bank id -> how many of its questions are due for review at ``now``; with
        ``known_questions``, only questions that still exist in a bank count."""
        ...


class NoProgress:
    """No scores yet (or none readable): every bank shows as never played."""

    def last_scores(self) -> Mapping[str, LastScore]:
        return {}

    def due_count_by_bank(
        self, now: datetime, *, known_questions: Mapping[str, Collection[str]] | None = None
    ) -> Mapping[str, int]:
        return {}
