"""One way to record an answer, from the quiz session to the store, in one package.

Read in this order (each module one job):

* :mod:`~quiz.recording.protocol`: :class:`SessionRecording`, the interface a session's answers
  go through; a second backend (a shared PostgreSQL store) is one more implementation of it.
* :mod:`~quiz.recording.background`: the background writer the app hands answers to, in order,
  off the UI thread; it holds back what could not be saved and retries it, and knows which
  held answers would be lost by quitting.
* :mod:`~quiz.recording.journaling`: the SQLite store's recorder: an answer into ``quiz.db``,
  else into the pending-answers journal beside it (:mod:`quiz.store.journal`), which the next
  start replays.
* :mod:`~quiz.recording.scores`: opening the store for the app, or a store in memory when it
  cannot be used, and what the learner is told about it.
* :mod:`~quiz.recording.deferred`: the same, opened when first needed (not before the first
  question) on whichever thread asks first.

The answer itself (:class:`quiz.record.Answer`) is the core's, not this package's: the session
makes it and the store reads it. Only the protocol is exported here, so that importing the
package loads neither the store nor SQLite (``quiz play`` paints its first question first).
No Textual here.
"""

from quiz.recording.protocol import SessionRecording

__all__ = ["SessionRecording"]
