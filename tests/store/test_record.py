"""Recording answers, undoing them, sessions, flags, export: the Store API the UI calls."""

from __future__ import annotations

import json
import sqlite3
import threading
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from msgspec.structs import replace

from quiz.record import Outcome, Recorder
from quiz.recording.journaling import JournalingRecorder
from quiz.srs import CardState, Rating, State
from quiz.store import ALL_BANKS, Flag, LastScore, RecordResult, Store
from quiz.store.journal import JOURNAL_NAME, Journal
from tests.store.helpers import T0, FakeClock, answer


def rows(store: Store, sql: str) -> list[tuple[object, ...]]:
    with store.reading() as conn:
        return [tuple(row) for row in conn.execute(sql)]


def test_record_saves_the_attempt_and_schedules_the_card(store: Store) -> None:
    session = store.start_session("bank", "play")

    result = store.record(answer(at=T0, tags=("politics",)), session_id=session)

    assert result == RecordResult(
        attempt_id=1,
        rating=Rating.Good,
        card=CardState(
            state=State.Learning,
            step=1,
            stability=2.3065,
            difficulty=2.118103970459016,
            due=datetime(2026, 11, 25, 17, 10, tzinfo=UTC),
            last_review=T0,
            reps=1,
            lapses=0,
        ),
        schedule_reset=False,
    )
    assert store.card("bank", "q1") == result.card
    assert rows(
        store,
        "SELECT bank_id, question_id, given, outcome, seconds, answered_at, "
        "correct, day, answer_key, tags, cram FROM attempts",
    ) == [
        (
            "bank",
            "q1",
            "Seoul",
            "right",
            8.0,
            "2026-11-25T17:00:00.000000+00:00",
            1,
            "2026-11-25",
            "Seoul",
            '["politics"]',
            0,
        ),
    ]
    assert rows(
        store, "SELECT attempt_id, rating, state_before, state_after, card_before FROM review_log"
    ) == [(1, 3, None, 1, None)]


def test_cram_answers_are_kept_but_never_touch_the_schedule(store: Store) -> None:
    session = store.start_session("bank", "cram")

    result = store.record(answer(at=T0), session_id=session, cram=True)

    assert result == RecordResult(attempt_id=1)
    assert result.due is None
    assert store.card("bank", "q1") is None
    assert rows(store, "SELECT count(*), sum(cram) FROM attempts") == [(1, 1)]
    assert rows(store, "SELECT count(*) FROM review_log") == [(0,)]


def test_a_changed_right_answer_resets_the_schedule(store: Store, clock: FakeClock) -> None:
    session = store.start_session("bank", "play")
    store.record(answer(at=T0), session_id=session)
    store.record(answer(at=clock.advance(minutes=10)), session_id=session)
    assert store.card("bank", "q1").state is State.Review  # type: ignore[union-attr]

    result = store.record(answer(at=clock.advance(days=2), key="Busan"), session_id=session)

    assert result.schedule_reset is True
    assert result.card is not None
    assert (result.card.state, result.card.step, result.card.reps) == (State.Learning, 1, 1)
    assert rows(store, "SELECT answer_key FROM cards") == [("Busan",)]
    assert rows(
        store,
        "SELECT schedule_reset, state_before FROM review_log ORDER BY attempt_id DESC LIMIT 1",
    ) == [(1, None)]


def test_an_answer_without_a_key_never_resets(store: Store, clock: FakeClock) -> None:
    session = store.start_session("bank", "play")
    store.record(answer(at=T0), session_id=session)

    result = store.record(answer(at=clock.advance(minutes=10), key=""), session_id=session)

    assert result.schedule_reset is False
    assert result.card is not None and result.card.reps == 2
    assert rows(store, "SELECT answer_key FROM cards") == [("Seoul",)]


def test_undo_keeps_the_answer_the_card_and_the_counts(store: Store, clock: FakeClock) -> None:
    """Undo keeps the truth: the attempt stays, marked, and still counts; the card keeps the
    schedule the first answer gave it."""
    session = store.start_session("bank", "play")
    store.record(answer(at=T0), session_id=session)
    slip = answer(at=clock.advance(days=2), outcome=Outcome.WRONG, tags=("a", "b"))
    after_slip = store.record(slip, session_id=session).card
    totals = rows(store, "SELECT * FROM day_totals ORDER BY day")

    undone = store.undo_last(session)

    assert undone == replace(slip, undone=True)
    assert store.card("bank", "q1") == after_slip  # Again, as the wrong answer made it
    assert rows(store, "SELECT id, undone, retake_of FROM attempts") == [(1, 0, None), (2, 1, None)]
    assert rows(store, "SELECT count(*) FROM review_log") == [(2,)]
    assert rows(store, "SELECT attempts, correct FROM sessions") == [(2, 1)]
    assert rows(store, "SELECT * FROM day_totals ORDER BY day") == totals


def test_a_retake_is_kept_and_counts_nowhere(store: Store, clock: FakeClock) -> None:
    session = store.start_session("bank", "play")
    store.record(answer(at=T0, outcome=Outcome.WRONG), session_id=session)
    card = store.card("bank", "q1")
    slip = store.undo_last(session)
    assert slip is not None

    result = store.record(
        replace(
            slip,
            undone=False,
            retake=True,
            outcome=Outcome.RIGHT,
            answered_at=clock.advance(seconds=9),
        ),
        session_id=session,
    )

    assert result == RecordResult(attempt_id=2, retake=True)
    assert store.card("bank", "q1") == card  # the schedule is the first answer's
    assert rows(store, "SELECT id, outcome, undone, retake_of FROM attempts") == [
        (1, "wrong", 1, None),
        (2, "right", 0, 1),
    ]
    assert rows(store, "SELECT attempts, correct FROM sessions") == [(1, 0)]
    assert rows(store, "SELECT attempts, correct FROM day_totals") == [(1, 0)]
    assert rows(store, "SELECT attempts, correct FROM bank_totals") == [(1, 0)]
    assert rows(store, "SELECT count(*) FROM review_log") == [(1,)]
    # an answer is undone once: neither the retake nor the first answer again
    assert store.undo_last(session) is None


def test_undo_stays_within_its_session(store: Store, clock: FakeClock) -> None:
    first = store.start_session("bank", "play")
    second = store.start_session("bank", "play")
    store.record(answer("q1", at=T0), session_id=first)
    store.record(answer("q2", at=clock.advance(seconds=10)), session_id=second)

    undone = store.undo_last(first)

    assert undone is not None and undone.question_id == "q1"
    assert rows(store, "SELECT question_id, undone FROM attempts ORDER BY id") == [
        ("q1", 1),
        ("q2", 0),
    ]


def test_undo_of_nothing(store: Store) -> None:
    assert store.undo_last(store.start_session("bank", "play")) is None


def test_an_answer_taken_back_before_it_could_be_saved_is_saved_marked(store: Store) -> None:
    """The app keeps answers in memory while saving fails; one undone meanwhile reaches the
    store marked, and schedules as any first answer does."""
    session = store.start_session("bank", "play")
    result = store.record(
        replace(answer(at=T0, outcome=Outcome.WRONG), undone=True), session_id=session
    )
    assert result.rating is Rating.Again
    assert rows(store, "SELECT undone, retake_of FROM attempts") == [(1, None)]


def test_undo_of_a_cram_answer_only_marks_it(store: Store) -> None:
    session = store.start_session("bank", "cram")
    store.record(answer(at=T0), session_id=session, cram=True)

    assert store.undo_last(session) is not None
    assert rows(store, "SELECT undone FROM attempts") == [(1,)]
    assert store.card("bank", "q1") is None


def test_record_into_an_unknown_session_is_a_bug(store: Store) -> None:
    with pytest.raises(ValueError, match="no session 42"):
        store.record(answer(at=T0), session_id=42)
    assert rows(store, "SELECT count(*) FROM attempts") == [(0,)]


def test_sessions_have_a_known_mode(store: Store) -> None:
    with pytest.raises(ValueError, match="unknown session mode 'exam'"):
        store.start_session("bank", "exam")


def _recorder(store: Store, mode: str) -> JournalingRecorder:
    return JournalingRecorder(store, "bank", mode, Journal(store.path.with_name(JOURNAL_NAME)))


def test_the_recorder_the_ui_calls_saves_undoes_and_finishes(
    store: Store, clock: FakeClock
) -> None:
    recorder = _recorder(store, "play")
    assert isinstance(recorder, Recorder)

    recorder.record(answer(at=T0))
    assert recorder.last_result is not None and recorder.last_result.rating is Rating.Good
    recorder.record(answer("q2", at=clock.advance(seconds=9), outcome=Outcome.WRONG))
    assert recorder.undo() is not None
    clock.advance(minutes=1)
    recorder.finish()

    # the undone answer still counts in the session's score
    assert store.last_scores() == {
        "bank": LastScore(correct=1, total=2, when=datetime(2026, 11, 25, 17, 1, 9, tzinfo=UTC))
    }


def test_a_cram_recorder_keeps_schedules_alone(store: Store) -> None:
    recorder = _recorder(store, "cram")
    recorder.record(answer(at=T0))
    assert store.card("bank", "q1") is None


def test_last_scores_takes_each_banks_latest_finished_session(
    store: Store, clock: FakeClock
) -> None:
    old = store.start_session("bank", "play")
    store.record(answer(at=T0), session_id=old)
    store.end_session(old)
    new = store.start_session("bank", "play")
    store.record(answer("q1", at=clock.advance(hours=1)), session_id=new)
    store.record(answer("q2", at=T0, outcome=Outcome.WRONG), session_id=new)
    store.end_session(new)
    finished_at = clock.now
    store.end_session(new)  # only the first end counts
    unfinished = store.start_session("bank", "play")
    store.record(answer(at=clock.advance(hours=1)), session_id=unfinished)
    empty = store.start_session("other", "play")
    store.end_session(empty)
    everything = store.start_session(ALL_BANKS, "review")
    store.record(answer(at=clock.now), session_id=everything)
    store.end_session(everything)

    assert store.last_scores() == {"bank": LastScore(correct=1, total=2, when=finished_at)}


def test_days_follow_the_clocks_time_zone(data_dir: Path) -> None:
    tokyo = timezone(timedelta(hours=9))
    clock = FakeClock(T0.astimezone(tokyo))  # 02:00 on the 26th in Tokyo
    with Store.open(data_dir, clock=clock, fuzz=False) as store:
        store.record(answer(at=T0), session_id=store.start_session("bank", "play"))
        assert rows(store, "SELECT day FROM attempts") == [("2026-11-26",)]
        assert store.today() == datetime(2026, 11, 26).date()


def test_flags_are_listed_for_authors(store: Store, clock: FakeClock) -> None:
    first = store.flag("bank", "q3", "wrong answer", "It was Busan")
    clock.advance(minutes=5)
    store.flag("other", "q1", "unclear")

    assert store.flags("bank") == [
        Flag(first, "bank", "q3", "wrong answer", "It was Busan", T0),
    ]
    assert [f.bank_id for f in store.flags()] == ["bank", "other"]
    assert store.flags("nothing") == []


def test_export_writes_one_json_object_per_attempt(store: Store, tmp_path: Path) -> None:
    session = store.start_session("bank", "play")
    store.record(answer(at=T0, tags=("politics",)), session_id=session)
    store.record(answer("q2", at=T0, bank_id="other", outcome=Outcome.WRONG), session_id=session)
    out = tmp_path / "out" / "results.jsonl"

    assert store.export_results(out) == 2

    lines = out.read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[0]) == {
        "format": "quiz-results/1",
        "learner_id": store.learner_id,
        "session_id": 1,
        "mode": "play",
        "cram": False,
        "bank_id": "bank",
        "question_id": "q1",
        "question_type": "multiple_choice",
        "given": "Seoul",
        "outcome": "right",
        "correct": True,
        "seconds": 8.0,
        "answered_at": "2026-11-25T17:00:00.000000+00:00",
        "answer_key": "Seoul",
        "tags": ["politics"],
        "undone": False,
        "flags": [],
    }
    assert json.loads(lines[1])["outcome"] == "wrong"
    assert store.export_results(out, bank_ids=["other"]) == 1
    assert sorted(p.name for p in out.parent.iterdir()) == ["results.jsonl"]


def test_export_keeps_an_undone_answer_and_leaves_its_retake_out(
    store: Store, tmp_path: Path, clock: FakeClock
) -> None:
    """Item analysis reads first answers: the one taken back is one (marked), the answer
    given after the feedback had shown the right one is not."""
    session = store.start_session("bank", "play")
    store.record(answer(at=T0, outcome=Outcome.WRONG), session_id=session)
    slip = store.undo_last(session)
    assert slip is not None
    store.record(
        replace(
            slip,
            undone=False,
            retake=True,
            outcome=Outcome.RIGHT,
            answered_at=clock.advance(seconds=5),
        ),
        session_id=session,
    )
    out = tmp_path / "results.jsonl"

    assert store.export_results(out) == 1

    (line,) = out.read_text(encoding="utf-8").splitlines()
    assert (json.loads(line)["outcome"], json.loads(line)["undone"]) == ("wrong", True)


def test_learner_id_is_made_once(data_dir: Path, clock: FakeClock) -> None:
    with Store.open(data_dir, clock=clock) as store:
        first = store.learner_id
    with Store.open(data_dir, clock=clock) as store:
        assert store.learner_id == first
    assert len(first) == 32


def test_threads_share_one_store(store: Store) -> None:
    """The UI records from a worker thread while the UI thread reads."""
    sessions = [store.start_session("bank", "play") for _ in range(4)]
    errors: list[BaseException] = []

    def work(session: int) -> None:
        try:
            for i in range(50):
                store.record(answer(f"q{session}-{i}", at=T0), session_id=session)
                store.due_counts()
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(s,)) for s in sessions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert rows(store, "SELECT count(*) FROM attempts") == [(200,)]


def test_connection_settings(store: Store) -> None:
    conn = sqlite3.connect(store.path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    finally:
        conn.close()
    with store.reading() as own:
        assert own.execute("PRAGMA foreign_keys").fetchone() == (1,)
        assert own.execute("PRAGMA busy_timeout").fetchone() == (5000,)
        assert own.execute("PRAGMA synchronous").fetchone() == (1,)  # NORMAL
    assert store.integrity_check() == ["ok"]
