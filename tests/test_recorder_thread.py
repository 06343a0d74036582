"""The background recorder starts its thread with the first answer, not before the first
question (issue 21: nothing on the start-up path that the first question does not need)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

from quiz.record import Answer, MemoryRecorder, Outcome
from quiz.recording.background import BackgroundRecorder


def recorder_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "quiz-recorder"]


def an_answer() -> Answer:
    return Answer(
        "bank",
        "q1",
        "true_false",
        "True",
        Outcome.RIGHT,
        1.0,
        datetime(2025, 9, 1, tzinfo=UTC),
        "True",
    )


def test_no_thread_before_the_first_answer() -> None:
    before = len(recorder_threads())
    inner = MemoryRecorder()
    recorder = BackgroundRecorder(lambda: inner)
    assert not recorder.started
    assert len(recorder_threads()) == before
    assert recorder.flush()  # nothing to wait for
    saved = recorder.submit(an_answer()).result(timeout=5)
    assert recorder.started and saved.ok
    assert [a.question_id for a in inner.answers] == ["q1"]
    assert recorder.close()


def test_a_session_with_no_answer_never_starts_one() -> None:
    made: list[MemoryRecorder] = []
    recorder = BackgroundRecorder(lambda: made.append(MemoryRecorder()) or made[-1])
    assert recorder.finish().result(timeout=5) is None
    assert recorder.close()
    assert not recorder.started and made == []
