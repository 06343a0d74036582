"""One way to record an answer, from the session to the store.

:class:`SessionRecording` is the interface a quiz session's answers go through (the SQLite
store's is :class:`JournalingRecorder`; a shared PostgreSQL store would be one more class with
these three methods). An answer the store cannot take goes to the pending-answers journal
beside it, and the next start saves it (:mod:`quiz.store.journal`).

Not yet gathered here (issue 18): ``quiz.record`` (the answer and the minimal recorder),
``quiz.scores`` and ``quiz.deferred_scores`` (opening the store, deferred) and
``quiz.tui.recording`` (the background writer); they are the next to move. No Textual here.
"""

from quiz.recording.journaling import (
    AnswerJournaled,
    AnswerNotKept,
    JournalingRecorder,
    SessionRecording,
)

__all__ = ["AnswerJournaled", "AnswerNotKept", "JournalingRecorder", "SessionRecording"]
