"""A scores file or data dir that can't be used: the app still starts (on a store in memory),
says what is wrong and how to fix it, and never touches the file; ``--recover`` keeps the bad
file aside (renamed with the date and time) and starts a new one.

What is real and what is simulated: damaged, foreign and newer files are real files. The tests
run as root, for whom ``chmod`` stops no write, so an unwritable data dir is simulated by a
data dir path under a regular file (mkdir fails) and by ``quiz.db`` being a directory (SQLite
can't open it). A read-only file that can still be read is simulated by making the open fail
as unwritable (monkeypatched), to check the in-memory copy. A full disk is simulated with
SQLite's ``PRAGMA max_page_count`` on the store's connection: see
``tests/tui/test_review.py::test_a_full_disk_is_said_once_and_the_quiz_goes_on``.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quiz.record import Answer, Outcome
from quiz.recording.journaling import AnswerNotKept
from quiz.recording.scores import KEPT_ASIDE, NOT_SAVED, memory_store, open_scores
from quiz.session import Options
from quiz.store import DB_NAME, Store, StoreError
from quiz.store.journal import JOURNAL_NAME, Journal
from quiz.store.schema import APPLICATION_ID
from quiz.tui.config import StartPlay
from quiz.tui.widgets.topbar import TopBar
from tests.conftest import ALL_TYPES_BANK, FOUNDING_BANK
from tests.reliability.pty_app import VERDICT, AppInPty, answer_keys
from tests.tui.conftest import Harness, settle
from tests.tui.helpers import answer_right, current

NOW = datetime(2025, 9, 1, 9, 0, tzinfo=UTC)


def clock() -> datetime:
    return NOW


def a_real_db(data_dir: Path, answers: int = 3) -> None:
    with Store.open(data_dir, clock=clock, fuzz=False) as store:
        session = store.start_session("bank", "play")
        for n in range(answers):
            store.record(
                Answer("bank", f"q{n}", "true_false", "True", Outcome.WRONG, 3.0, NOW, "False"),
                session_id=session,
            )
        store.end_session(session)


def corrupt(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / DB_NAME).write_bytes(os.urandom(8192))


def truncated(data_dir: Path) -> None:
    a_real_db(data_dir, answers=200)
    path = data_dir / DB_NAME
    path.write_bytes(path.read_bytes()[:3000])


def foreign(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    with sqlite3.connect(data_dir / DB_NAME) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
        conn.execute("INSERT INTO recipes VALUES ('soup')")


def newer(data_dir: Path) -> None:
    a_real_db(data_dir)
    with sqlite3.connect(data_dir / DB_NAME) as conn:
        conn.execute("PRAGMA user_version = 99")
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


BAD_FILES = {"corrupt": corrupt, "truncated": truncated, "foreign": foreign, "newer": newer}
PROBLEM = {"corrupt": "corrupt", "truncated": "corrupt", "foreign": "foreign", "newer": "newer"}


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_a_bad_file_is_left_alone_and_explained(tmp_path: Path, kind: str) -> None:
    data_dir = tmp_path / "data"
    BAD_FILES[kind](data_dir)
    before = {p.name: p.read_bytes() for p in data_dir.iterdir()}
    scores = open_scores(data_dir, clock=clock)
    try:
        assert not scores.saved and str(scores.store.path) == ":memory:"
        assert scores.notice.startswith(KEPT_ASIDE)  # the answers go to the journal
        assert "quiz review --recover" in scores.notice
        if kind == "newer":
            assert "upgrade quiz" in scores.notice
        # the quiz runs on the store in memory: answers, undo, review all work
        recorder = scores.recorder(_bank(), "play")
        recorder.record(
            Answer(
                "riverton-bridge",
                "q-cost-tf",
                "true_false",
                "False",
                Outcome.RIGHT,
                3.0,
                NOW,
                "False",
            )
        )
        assert scores.store.card("riverton-bridge", "q-cost-tf") is not None
    finally:
        scores.close()
    after = {p.name: p.read_bytes() for p in data_dir.iterdir()}
    journal = after.pop(JOURNAL_NAME)  # the answer, kept for the next start that can save it
    assert after == before  # the bad file untouched, nothing renamed
    assert [e.answer.question_id for e in Journal(data_dir / JOURNAL_NAME).entries()] == [
        "q-cost-tf"
    ]
    assert journal.count(b"\n") == 1


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_recover_keeps_the_bad_file_aside(tmp_path: Path, kind: str) -> None:
    data_dir = tmp_path / "data"
    BAD_FILES[kind](data_dir)
    original = (data_dir / DB_NAME).read_bytes()
    scores = open_scores(data_dir, recover=True, clock=clock)
    try:
        assert scores.saved
        assert scores.moved_aside is not None
        assert scores.moved_aside.name == f"{DB_NAME}.{PROBLEM[kind]}-20250901T090000"
        assert scores.moved_aside.read_bytes() == original
        assert str(scores.moved_aside) in scores.notice
        assert scores.store.integrity_check() == ["ok"]
    finally:
        scores.close()


def test_recover_on_a_good_file_changes_nothing(tmp_path: Path) -> None:
    a_real_db(tmp_path / "data")
    scores = open_scores(tmp_path / "data", recover=True, clock=clock)
    try:
        assert scores.saved and scores.notice == "" and scores.moved_aside is None
        with scores.store.reading() as conn:
            assert conn.execute("SELECT count(*) FROM attempts").fetchone()[0] == 3
    finally:
        scores.close()


def _unwritable_under_a_file(tmp_path: Path) -> Path:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    return blocker / "data"


def _db_is_a_directory(tmp_path: Path) -> Path:
    data_dir = tmp_path / "data"
    (data_dir / DB_NAME).mkdir(parents=True)
    return data_dir


@pytest.mark.parametrize(
    "make",
    [_unwritable_under_a_file, _db_is_a_directory],
    ids=["dir-under-a-file", "db-is-a-directory"],
)
def test_an_unwritable_data_dir_is_explained(tmp_path: Path, make) -> None:
    data_dir = make(tmp_path)
    scores = open_scores(data_dir, clock=clock)
    try:
        assert not scores.saved
        # the answers go to the journal when the folder takes it (quiz.db is a directory),
        # else the notice says plainly that nothing is kept (the folder is under a file)
        journal_ok = (data_dir / JOURNAL_NAME).is_file()
        assert scores.notice.startswith(KEPT_ASIDE if journal_ok else NOT_SAVED)
        assert "--data-dir" in scores.notice and "disk space" in scores.notice
        recorder = scores.recorder(_bank(), "review")
        answer = Answer(
            "riverton-bridge", "q-cost-tf", "true_false", "False", Outcome.RIGHT, 3.0, NOW, "False"
        )
        if journal_ok:
            recorder.record(answer)
            assert (data_dir / JOURNAL_NAME).stat().st_size > 0
        else:  # kept nowhere that outlives quiz: refused, so that quitting asks first
            with pytest.raises(AnswerNotKept):
                recorder.record(answer)
    finally:
        scores.close()


def test_a_readable_but_unwritable_file_is_copied_into_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = tmp_path / "data"
    a_real_db(data_dir)
    before = (data_dir / DB_NAME).read_bytes()
    real_open = Store.open

    def refuse(*args: object, **kwargs: object) -> Store:
        raise StoreError(
            "attempt to write a readonly database", problem="unwritable", path=data_dir / DB_NAME
        )

    monkeypatch.setattr(Store, "open", refuse)
    scores = open_scores(data_dir, clock=clock)
    monkeypatch.setattr(Store, "open", real_open)
    try:
        assert not scores.saved
        assert scores.store.due_counts(NOW).due_now == 0
        assert scores.store.due_counts(datetime(2025, 9, 2, tzinfo=UTC)).due_now == 3
        scores.recorder(_bank(), "play").record(
            Answer("bank", "q0", "true_false", "True", Outcome.RIGHT, 3.0, NOW, "False")
        )
    finally:
        scores.close()
    assert (data_dir / DB_NAME).read_bytes() == before


def test_memory_store_without_a_copy_is_empty() -> None:
    store = memory_store(clock)
    try:
        assert store.due_counts(NOW) == (0, 0)
        assert store.last_scores() == {}
    finally:
        store.close()


# ------------------------------------------------------------------ in the app


@pytest.mark.parametrize("opened_first", [False, True], ids=["as-the-cli", "opened-first"])
async def test_the_app_paints_then_says_the_scores_are_not_saved_and_the_quiz_runs(
    tmp_path: Path, opened_first: bool
) -> None:
    """Scores on a corrupt file run in memory: the notice and "not saved" follow the first
    paint, whether they are opened after it (as the CLI does) or were opened before."""
    from quiz.bank import load_bank
    from quiz.recording.deferred import DeferredScores

    data_dir = tmp_path / "data"
    corrupt(data_dir)
    opened = open_scores(data_dir, clock=clock) if opened_first else None
    scores = DeferredScores(data_dir, clock=clock, opened=opened)
    harness = Harness()
    config = harness.config(
        StartPlay(load_bank(ALL_TYPES_BANK), Options(shuffle=False, seed=0)),
        recorder_factory=scores.recorder,
        progress=scores,
        stats=scores.stats,
        scores=scores,
    )
    app = harness.app(config)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("can't be used this time" in m and "--recover" in m for m in messages)
        assert app.progress_not_saved and app.scores_notice
        assert "not saved" in current(pilot).query_one(TopBar).status.plain
        await answer_right(pilot)
        await settle(pilot)
        screen = current(pilot)
        assert screen.acknowledged and screen.saved is not None and screen.saved.ok
    scores.close()


def test_the_real_app_on_a_corrupt_file_then_recover(tmp_path: Path) -> None:
    from quiz.bank import load_bank
    from quiz.session import Session

    data_dir = tmp_path / "data"
    corrupt(data_dir)
    original = (data_dir / DB_NAME).read_bytes()
    first = (
        Session.start(load_bank(FOUNDING_BANK), Options(seed=5, types=("true_false",)))
        .items[0]
        .question
    )
    args = ["play", str(FOUNDING_BANK), "--seed", "5", "--type", "true_false"]

    app = AppInPty(args, data_dir)
    try:
        app.wait_for(r"Question 1(?!\d)", timeout=60)  # the question first, then the notice
        app.wait_for("can't be used this time")
        app.send(answer_keys(first, right=True))
        app.wait_for(VERDICT)
    finally:
        app.close()
    assert (data_dir / DB_NAME).read_bytes() == original

    app = AppInPty([*args, "--recover"], data_dir)
    try:
        app.wait_for(r"Question 1(?!\d)", timeout=60)
        app.send(answer_keys(first, right=True))
        app.wait_for(VERDICT)
        assert "can't be used this time" not in app.text
    finally:
        app.close()
    aside = [p for p in data_dir.iterdir() if p.name.startswith(f"{DB_NAME}.corrupt-")]
    assert len(aside) == 1 and aside[0].read_bytes() == original
    with sqlite3.connect(data_dir / DB_NAME) as conn:
        # the first run's answer, kept in the journal while the file was unusable, is saved
        # by the start that recovers; then the second run's
        rows = conn.execute("SELECT question_id FROM attempts ORDER BY id").fetchall()
        assert rows == [(first.id,), (first.id,)]


def _bank():
    from quiz.bank import load_bank

    return load_bank(ALL_TYPES_BANK)


def test_a_file_locked_at_start_loses_no_answer(tmp_path: Path) -> None:
    """Issue 20: scores that fall back to memory because another quiz holds the file keep each
    answer in the journal too (taken back ones marked), and the next start that can open the
    file saves them: nothing given while the process lived is lost at quit."""
    data_dir = tmp_path / "data"
    a_real_db(data_dir)
    with sqlite3.connect(data_dir / DB_NAME) as conn:
        before = conn.execute("SELECT COUNT(*) FROM attempts").fetchone()[0]
    holder = sqlite3.connect(data_dir / DB_NAME, timeout=0)
    holder.execute("BEGIN EXCLUSIVE")  # another quiz, mid-write
    try:
        scores = open_scores(data_dir, clock=clock)  # waits out the busy timeout, then memory
        assert not scores.saved and scores.notice.startswith(KEPT_ASIDE)
        recorder = scores.recorder(_bank(), "play")
        kept = Answer(
            "riverton-bridge", "q-cost-tf", "true_false", "False", Outcome.RIGHT, 3.0, NOW, "False"
        )
        slip = Answer(
            "riverton-bridge",
            "q-mayor-mc",
            "multiple_choice",
            "x",
            Outcome.WRONG,
            2.0,
            datetime(2025, 9, 1, 9, 1, tzinfo=UTC),
            "y",
        )
        recorder.record(kept)
        recorder.record(slip)
        assert recorder.undo() is not None  # the slip taken back
        scores.close()
    finally:
        holder.rollback()
        holder.close()
    again = open_scores(data_dir, clock=clock)
    try:
        assert again.saved and "2 answers kept in" in again.notice
    finally:
        again.close()
    with sqlite3.connect(data_dir / DB_NAME) as conn:
        rows = conn.execute("SELECT question_id, undone FROM attempts ORDER BY id").fetchall()[
            before:
        ]
    assert rows == [("q-cost-tf", 0), ("q-mayor-mc", 1)]
    assert (data_dir / JOURNAL_NAME).stat().st_size == 0
