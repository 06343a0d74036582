"""The bare :class:`SessionRecorder`: a session's answers straight into the :class:`Store`,
without the journal (the app's recorder is :mod:`quiz.recording.journaling`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from quiz.record import Answer
from quiz.store.models import RecordResult

if TYPE_CHECKING:
    from quiz.store.store import Store

__all__ = ["SessionRecorder"]


@dataclass
class SessionRecorder:
    """A :class:`quiz.record.Recorder` bound to one session: the UI only calls ``record``.

    ``last_result`` keeps what the last answer did (its next due date, a schedule reset) for
    the feedback screen.
    """

    store: Store
    session_id: int
    cram: bool = False
    last_result: RecordResult | None = field(default=None, init=False)

    def record(self, answer: Answer) -> RecordResult:
        self.last_result = self.store.record(answer, session_id=self.session_id, cram=self.cram)
        return self.last_result

    def undo(self) -> Answer | None:
        self.last_result = None
        return self.store.undo_last(self.session_id)

    def finish(self) -> None:
        self.store.end_session(self.session_id)
