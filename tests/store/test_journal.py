"""Issue 20 item 5: an answer is never lost while the process lives. The database refusing an
answer (a full disk, injected at the write as SQLite and the OS report it; a damaged file; a
lock held) sends it to the pending-answers journal beside the database, synced; the next start
replays the journal exactly once, even when killed part-way through the replay."""

from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quiz.record import Answer, Outcome
from quiz.recording.background import BackgroundRecorder
from quiz.recording.journaling import AnswerJournaled, AnswerNotKept, JournalingRecorder
from quiz.recording.scores import open_scores, store_notice
from quiz.store import Store
from quiz.store import journal as journal_module
from quiz.store import store as store_module
from quiz.store.journal import JOURNAL_NAME, Journal

NOW = datetime(2025, 9, 1, 9, 0, tzinfo=UTC)
ROOT = Path(__file__).resolve().parents[2]


def clock() -> datetime:
    return NOW


def answer(n: int, question: str | None = None) -> Answer:
    return Answer(
        "bank",
        question or f"q{n}",
        "true_false",
        "True",
        Outcome.RIGHT,
        2.0,
        NOW + timedelta(seconds=n, microseconds=17),
        "True",
    )


def attempts(data_dir: Path) -> list[str]:
    with sqlite3.connect(data_dir / "quiz.db") as conn:
        return [row[0] for row in conn.execute("SELECT question_id FROM attempts ORDER BY id")]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path, clock=clock, fuzz=False) as opened:
        yield opened


def recorder_for(store: Store) -> JournalingRecorder:
    return JournalingRecorder(store, "bank", "play", Journal(store.path.with_name(JOURNAL_NAME)))


FULL_DISK = [
    sqlite3.OperationalError("database or disk is full"),
    OSError(errno.ENOSPC, "No space left on device"),
]


@pytest.mark.parametrize("fault", FULL_DISK, ids=["sqlite-full", "enospc"])
def test_a_full_disk_at_the_write_sends_the_answer_to_the_journal(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fault: Exception
) -> None:
    recorder = recorder_for(store)
    recorder.record(answer(0))  # the disk fills after the first answer

    def full(*args: object, **kwargs: object) -> None:
        raise fault

    if isinstance(fault, sqlite3.Error):
        monkeypatch.setattr(store_module, "record_answer", full)
    else:  # the OS refusing the write: SQLite turns it into an I/O error

        def io_error(*args: object, **kwargs: object) -> None:
            raise sqlite3.OperationalError("disk I/O error")

        monkeypatch.setattr(store_module, "record_answer", io_error)
    with pytest.raises(AnswerJournaled, match=JOURNAL_NAME):
        recorder.record(answer(1))
    with pytest.raises(AnswerJournaled):
        recorder.record(answer(2))
    monkeypatch.undo()
    assert [e.answer.question_id for e in recorder.journal.entries()] == ["q1", "q2"]
    store.close()
    assert attempts(tmp_path) == ["q0"]  # the process dies here: the journal has the rest

    with Store.open(tmp_path, clock=clock) as again:
        assert again.replayed is not None and again.replayed.saved == 2
        assert "2 answers kept in pending-answers.jsonl last time were saved" in store_notice(again)
    assert attempts(tmp_path) == ["q0", "q1", "q2"]
    assert (tmp_path / JOURNAL_NAME).read_bytes() == b""  # emptied
    with sqlite3.connect(tmp_path / "quiz.db") as conn:  # the journaled ones joined their session
        assert conn.execute("SELECT count(DISTINCT session_id) FROM attempts").fetchone()[0] == 1


def test_the_replay_is_idempotent(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    recorder = recorder_for(store)
    monkeypatch.setattr(store_module, "record_answer", _refuse)
    for n in range(5):
        with pytest.raises(AnswerJournaled):
            recorder.record(answer(n))
    monkeypatch.undo()
    store.close()
    journal = (tmp_path / JOURNAL_NAME).read_bytes()
    Store.open(tmp_path, clock=clock).close()
    (tmp_path / JOURNAL_NAME).write_bytes(journal)  # as if the truncation never happened
    with Store.open(tmp_path, clock=clock) as again:
        assert again.replayed is not None
        assert (again.replayed.saved, again.replayed.already) == (0, 5)
    assert attempts(tmp_path) == [f"q{n}" for n in range(5)]


def _refuse(*args: object, **kwargs: object) -> None:
    raise sqlite3.OperationalError("database or disk is full")


def test_a_journal_that_cannot_be_written_either_says_so_and_stays_whole(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    recorder = recorder_for(store)
    monkeypatch.setattr(store_module, "record_answer", _refuse)
    with pytest.raises(AnswerJournaled):
        recorder.record(answer(0))
    before = (tmp_path / JOURNAL_NAME).read_bytes()
    real_write = os.write

    def half_then_full(fd: int, data: bytes) -> int:  # the disk fills mid-line
        real_write(fd, data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(journal_module.os, "write", half_then_full)
    with pytest.raises(AnswerNotKept, match="No space left on device"):
        recorder.record(answer(1))
    monkeypatch.setattr(journal_module.os, "write", real_write)
    assert (tmp_path / JOURNAL_NAME).read_bytes() == before  # the half line was cut back
    with pytest.raises(AnswerJournaled):  # room again in the journal, not in the database
        recorder.record(answer(1))
    assert [e.answer.question_id for e in recorder.journal.entries()] == ["q0", "q1"]


def test_the_background_writer_knows_which_answers_are_at_risk(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inner = recorder_for(store)
    writer = BackgroundRecorder(lambda: inner)
    monkeypatch.setattr(store_module, "record_answer", _refuse)
    saved = writer.submit(answer(0)).result(10)
    assert saved.error is not None and saved.journaled and writer.at_risk == 0
    real_fsync = os.fsync
    monkeypatch.setattr(journal_module.os, "fsync", _enospc)  # the journal's disk is full too
    saved = writer.submit(answer(1)).result(10)
    assert not saved.journaled and (writer.unsaved, writer.at_risk) == (2, 1)
    assert writer.retry().result(10) == 1  # still nowhere to put it
    monkeypatch.setattr(journal_module.os, "fsync", real_fsync)  # another disk has room

    named = tmp_path / "elsewhere.jsonl"  # the quit dialog's "save to a file"
    assert writer.write_unsaved(named) == 1
    monkeypatch.undo()
    with (tmp_path / JOURNAL_NAME).open("ab") as journal:  # what the learner is told to do
        journal.write(named.read_bytes())
    writer.close()
    store.close()
    with Store.open(tmp_path, clock=clock) as again:
        assert again.replayed is not None and again.replayed.saved == 2
    assert attempts(tmp_path) == ["q0", "q1"]


def _enospc(fd: int) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def test_a_held_answer_replayed_by_another_quiz_is_not_saved_twice(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inner = recorder_for(store)
    writer = BackgroundRecorder(lambda: inner)
    monkeypatch.setattr(store_module, "record_answer", _refuse)
    assert writer.submit(answer(0)).result(10).journaled
    monkeypatch.undo()
    Store.open(tmp_path, clock=clock).close()  # a second quiz starts and replays the journal
    assert attempts(tmp_path) == ["q0"]
    saved = writer.submit(answer(1)).result(10)  # the first retries the held one first
    assert saved.ok and saved.recovered == 1
    writer.close()
    assert attempts(tmp_path) == ["q0", "q1"]


def test_an_answer_taken_back_while_held_is_replayed_marked(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inner = recorder_for(store)
    writer = BackgroundRecorder(lambda: inner)
    monkeypatch.setattr(store_module, "record_answer", _refuse)
    writer.submit(answer(0)).result(10)
    assert writer.undo().result(10).answer is not None
    writer.submit(answer(1)).result(10)  # the retry journals the marked copy too
    monkeypatch.undo()
    store.close()
    with Store.open(tmp_path, clock=clock):
        pass
    with sqlite3.connect(tmp_path / "quiz.db") as conn:
        rows = conn.execute("SELECT question_id, undone FROM attempts ORDER BY id").fetchall()
    assert rows == [("q0", 1), ("q1", 0)]


def test_damage_found_while_quizzing_sends_answers_to_the_journal(
    store: Store, tmp_path: Path
) -> None:
    from quiz.store.check import CheckResult

    recorder = recorder_for(store)
    recorder.record(answer(0))
    store._found_damage(CheckResult("damaged", "Page 7: btreeInitPage() returns error code 11"))
    with pytest.raises(AnswerJournaled, match="damaged"):
        recorder.record(answer(1))
    assert [e.answer.question_id for e in recorder.journal.entries()] == ["q1"]


def test_after_real_damage_the_next_start_sets_the_file_aside_and_saves_the_journal(
    tmp_path: Path,
) -> None:
    from quiz.store.check import CheckResult
    from tests.store.test_damaged_db import a_real_db, damage_a_middle_page

    a_real_db(tmp_path, answers=600)
    store = Store.open(tmp_path, clock=clock, fuzz=False)
    recorder = recorder_for(store)
    damage_a_middle_page(tmp_path / "quiz.db")  # the disk goes bad while the quiz runs
    store._found_damage(CheckResult("damaged", "found by the background check"))
    for n in range(3):
        with pytest.raises(AnswerJournaled):
            recorder.record(answer(n, f"after-{n}"))
    store.close()
    with Store.open(tmp_path, clock=clock) as again:
        assert again.set_aside is not None and again.set_aside.name.startswith("quiz.db.damaged-")
        assert again.replayed is not None and again.replayed.saved == 3
    assert attempts(tmp_path) == ["after-0", "after-1", "after-2"]


KILLED_REPLAY = textwrap.dedent("""
    import os, signal, sys
    from datetime import UTC, datetime
    from pathlib import Path
    import quiz.store.journal as journal
    from quiz.store import Store

    real = journal._replay_session
    done = []

    def replay_then_die(*args, **kwargs):
        real(*args, **kwargs)
        done.append(1)
        if len(done) == int(sys.argv[2]):
            os.kill(os.getpid(), signal.SIGKILL)  # committed, the journal not yet emptied

    journal._replay_session = replay_then_die
    Store.open(Path(sys.argv[1]), clock=lambda: datetime(2025, 9, 1, 9, tzinfo=UTC))
""")


@pytest.mark.parametrize("killed_after", [1, 2, 3])
def test_a_replay_killed_part_way_never_doubles_an_answer(
    tmp_path: Path, killed_after: int
) -> None:
    journal = Journal(tmp_path / JOURNAL_NAME)
    Store.open(tmp_path, clock=clock).close()
    from quiz.store.journal import PendingAnswer

    expected = []
    for session in range(3):
        for n in range(4):
            given = answer(session * 10 + n)
            journal.append(PendingAnswer(f"s{session}", "bank", "play", given))
            expected.append(given.question_id)
    result = subprocess.run(
        [sys.executable, "-c", KILLED_REPLAY, str(tmp_path), str(killed_after)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == -9, result.stderr
    assert len(attempts(tmp_path)) == 4 * killed_after
    assert len(journal.entries()) == 12  # not emptied: it was killed first
    with Store.open(tmp_path, clock=clock) as again:
        assert again.replayed is not None
        assert again.replayed.already == 4 * killed_after
        assert again.integrity_check() == ["ok"]
    assert sorted(attempts(tmp_path)) == sorted(expected)
    assert journal.entries() == []


def test_open_scores_says_what_the_replay_saved(tmp_path: Path) -> None:
    Store.open(tmp_path, clock=clock).close()
    from quiz.store.journal import PendingAnswer

    Journal(tmp_path / JOURNAL_NAME).append(PendingAnswer("s", "bank", "play", answer(0)))
    scores = open_scores(tmp_path, clock=clock)
    try:
        assert "1 answer kept in pending-answers.jsonl last time was saved" in scores.notice
    finally:
        scores.close()


def test_a_file_set_aside_by_another_quiz_is_never_written_again(tmp_path: Path) -> None:
    """Issue 20: a second quiz that finds the file damaged renames it aside and starts a new one
    at the same path; the first quiz, still open on the renamed file, must not go on writing
    there: its next answers go to the journal, and the next start saves them into the new
    file."""
    first = Store.open(tmp_path, clock=clock, fuzz=False)
    recorder = recorder_for(first)
    recorder.record(answer(1))
    from quiz.store.connection import move_aside

    aside = move_aside(tmp_path / "quiz.db", "damaged", NOW)  # what the other quiz's open does
    with Store.open(tmp_path, clock=clock, fuzz=False):
        pass  # the new file, at the old path
    with pytest.raises(AnswerJournaled):
        recorder.record(answer(2))
    first.close()
    with sqlite3.connect(aside) as conn:
        old = [row[0] for row in conn.execute("SELECT question_id FROM attempts")]
    assert old == ["q1"]  # nothing written into the renamed file after it moved
    with Store.open(tmp_path, clock=clock, fuzz=False) as again:
        assert again.replayed is not None and again.replayed.saved == 1
    assert attempts(tmp_path) == ["q2"]


def test_a_store_writes_on_while_its_file_stays_in_place(store: Store) -> None:
    recorder = recorder_for(store)
    for n in range(3):
        recorder.record(answer(n))
    assert attempts(store.path.parent) == ["q0", "q1", "q2"]
    assert not (store.path.with_name(JOURNAL_NAME)).exists()
