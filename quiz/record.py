"""What a graded answer is, and the one interface every answer is handed to.

The quiz session produces :class:`Answer` values; a :class:`Recorder` keeps them. The in-memory
recorder serves tests and sessions without a writable data dir; the SQLite store (``quiz.store``)
is the real one and commits each answer as it is given.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol, runtime_checkable

from msgspec import Struct
from msgspec.structs import replace

from quiz.marking.outcome import Outcome

__all__ = ["Answer", "MemoryRecorder", "Outcome", "Recorder"]


class Answer(Struct, frozen=True):
    """One graded answer. ``answer_key`` is the question's canonical correct answer at the time,
    so a later change of the right answer can be detected and the schedule reset.

    Undo keeps the truth: an answer the learner took back stays, with ``undone`` set, and still
    counts (score, stats, reports, and the schedule, which it set). The answer given to the
    question asked again is a ``retake``: kept in the history, counted nowhere, since it came
    after the feedback had shown the right answer."""

    bank_id: str
    question_id: str
    question_type: str
    given: str
    outcome: Outcome
    seconds: float
    answered_at: datetime  # timezone-aware, UTC
    answer_key: str = ""
    tags: tuple[str, ...] = ()
    undone: bool = False
    retake: bool = False


@runtime_checkable
class Recorder(Protocol):
    """Receives every answer as it is given. ``record`` returns only once the answer is safe
    (what it returns, if anything, says what saving did: the store's ``RecordResult``). The
    whole interface of a session's recorder is :class:`quiz.recording.SessionRecording`."""

    def record(self, answer: Answer) -> object: ...


class MemoryRecorder:
    """Keeps answers in a list; for tests and for when progress cannot be saved."""

    def __init__(self, answers: list[Answer] | None = None) -> None:
        self.answers: list[Answer] = [] if answers is None else answers

    def record(self, answer: Answer) -> None:
        self.answers.append(answer)

    def undo(self) -> Answer | None:
        """Mark the last answer as taken back, as the store does; returns it, or None when
        there is none, or it is a retake or taken back already (an answer is undone once)."""
        if not self.answers or self.answers[-1].undone or self.answers[-1].retake:
            return None
        self.answers[-1] = marked = replace(self.answers[-1], undone=True)
        return marked

    def finish(self) -> None:
        """Nothing to close: the answers are the list."""
