"""The interface every answer of a quiz session goes through on its way to a store.

The SQLite store's implementation is :class:`quiz.recording.journaling.JournalingRecorder`; a
shared PostgreSQL store for a class would be one more class with these three methods, handed to
the same background writer (:class:`quiz.recording.background.BackgroundRecorder`). Light on
purpose: the app imports it before the first question, and it must not load the store.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from quiz.record import Answer

__all__ = ["SessionRecording"]


@runtime_checkable
class SessionRecording(Protocol):
    """One session's recorder. ``record`` returns only once the answer is kept (what saving
    did, such as the store's :class:`~quiz.store.RecordResult`, or None), or raises; ``undo``
    marks the last answer taken back and returns it; ``finish`` ends the session."""

    def record(self, answer: Answer) -> object: ...

    def undo(self) -> Answer | None: ...

    def finish(self) -> None: ...
