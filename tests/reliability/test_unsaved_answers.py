"""Issue 20 item 5 in the app: quitting never claims answers are kept when they are not.

Under Textual's Pilot, with the scores' writes failing as a full disk fails them: when the
journal beside the database takes the answers, the end-of-quiz dialog says they are kept
there; when it cannot either, the dialogs say how many would be lost and quitting asks first,
offering to try again or to write them to a file the learner names (whose lines the next start
saves, once added to the journal). Then a real app in a pty, killed with SIGKILL while the
database is locked by another process: the answer it journaled is saved at the next start.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import time
from pathlib import Path

import pytest
from textual.widgets import Static

from quiz.bank import load_bank
from quiz.recording.deferred import DeferredScores
from quiz.session import Options, Session
from quiz.store import Store
from quiz.store import journal as journal_module
from quiz.store import store as store_module
from quiz.store.journal import JOURNAL_NAME
from quiz.tui.config import StartPlay
from quiz.tui.screens.dialogs import ConfirmEnd, ConfirmQuit, UnsavedAnswers
from tests.conftest import ALL_TYPES_BANK, FOUNDING_BANK
from tests.reliability.pty_app import VERDICT, AppInPty, answer_keys
from tests.tui.conftest import Harness, settle
from tests.tui.helpers import answer_right


def _full(*args: object, **kwargs: object) -> None:
    raise sqlite3.OperationalError("database or disk is full")


def _enospc(fd: int) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def _app(data_dir: Path):
    scores = DeferredScores(data_dir)
    harness = Harness()
    config = harness.config(
        StartPlay(load_bank(ALL_TYPES_BANK), Options(shuffle=False, seed=0)),
        data_dir=data_dir,
        recorder_factory=scores.recorder,
        progress=scores,
        stats=scores.stats,
        scores=scores,
    )
    return harness.app(config), scores


def _body(app) -> str:
    return str(app.screen.message)


async def _until(pilot, condition, seconds: float = 10.0) -> None:
    """The dialogs come from a worker thread: wait for them as a person would."""
    for _ in range(int(seconds / 0.05)):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause(0.05)
        if condition():
            return
    raise AssertionError(f"never happened; the screen is {pilot.app.screen}")


async def test_answers_in_the_journal_are_said_to_be_kept_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Store.open(tmp_path).close()
    monkeypatch.setattr(store_module, "record_answer", _full)
    app, scores = _app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await answer_right(pilot)
        await settle(pilot)
        assert app.unsaved_answers() == (1, 0)
        await pilot.press("enter", "q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmEnd)
        body = _body(app)
        assert "every answer is saved" not in body and "kept" not in body.split(";")[0]
        assert f"kept in {JOURNAL_NAME}" in body and "next time quiz starts" in body
    scores.close()
    monkeypatch.undo()
    with Store.open(tmp_path) as store, store.reading() as conn:
        assert conn.execute("SELECT count(*) FROM attempts").fetchone()[0] == 1


async def test_answers_kept_nowhere_are_counted_and_quitting_asks_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Store.open(tmp_path).close()
    monkeypatch.setattr(store_module, "record_answer", _full)
    real_fsync = os.fsync
    monkeypatch.setattr(journal_module.os, "fsync", _enospc)
    app, scores = _app(tmp_path)
    named = tmp_path / "my-answers.jsonl"
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await answer_right(pilot)
        await settle(pilot)
        assert app.unsaved_answers() == (1, 1)
        await pilot.press("enter", "q")
        await pilot.pause()
        body = _body(app)
        assert "every answer is saved" not in body
        assert "1 answer could not be saved anywhere yet and would be lost" in body
        await pilot.press("y")  # end the quiz: its summary
        await settle(pilot)
        app.action_request_quit()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmQuit)
        assert "would be lost" in _body(app) and "kept" not in _body(app)
        await pilot.press("y")
        await _until(pilot, lambda: isinstance(app.screen, UnsavedAnswers))  # it asks
        asked = app.screen
        assert isinstance(asked, UnsavedAnswers)
        assert asked.message.startswith("1 answer would be lost")
        assert "No space left on device" in asked.message
        await pilot.press("r")  # try again: still full, it asks again
        await _until(
            pilot, lambda: isinstance(app.screen, UnsavedAnswers) and app.screen is not asked
        )
        monkeypatch.setattr(journal_module.os, "fsync", real_fsync)  # another disk has room
        await pilot.press("s")
        await pilot.pause()
        path_input = app.screen.query_one("#unsaved-path")
        path_input.value = str(named)
        await pilot.press("enter")
        await pilot.pause()
    assert app.return_code == 0
    scores.close()
    monkeypatch.undo()
    lines = named.read_bytes().splitlines()
    assert len(lines) == 1 and b'"question_id"' in lines[0]
    with (tmp_path / JOURNAL_NAME).open("ab") as journal:  # as the exit message says to
        journal.write(named.read_bytes())
    with Store.open(tmp_path) as store, store.reading() as conn:
        assert conn.execute("SELECT count(*) FROM attempts").fetchone()[0] == 1


async def test_scores_and_journal_unusable_from_the_start_quitting_asks_first(
    tmp_path: Path,
) -> None:
    """Neither the scores file nor the journal beside it can be written from the very start
    (both names are taken by folders): the notice says answers last only while quiz runs, each
    answer's feedback says "in memory only", and quitting asks, offering a file to write them
    to, whose lines the next start saves once added to the journal. It used to say "nothing is
    kept" once at the start and then quit without a word, losing every answer."""
    from quiz.recording.scores import NOT_SAVED

    (tmp_path / "quiz.db").mkdir()
    (tmp_path / JOURNAL_NAME).mkdir()
    app, scores = _app(tmp_path)
    named = tmp_path / "my-answers.jsonl"
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        assert scores.get().notice.startswith(NOT_SAVED)
        await answer_right(pilot)
        await settle(pilot)
        assert app.unsaved_answers() == (1, 1)
        await pilot.press("enter", "q")
        await pilot.pause()
        assert "1 answer could not be saved anywhere yet and would be lost" in _body(app)
        await pilot.press("y")  # end the quiz: its summary, which never says "saved" then
        await settle(pilot)
        ended = str(app.screen.query_one("#ended-early", Static).render())
        assert "would be lost" in ended and "every answer" not in ended
        app.action_request_quit()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmQuit)
        assert "would be lost" in _body(app)
        await pilot.press("y")
        await _until(pilot, lambda: isinstance(app.screen, UnsavedAnswers))  # it asks
        await pilot.press("s")
        await pilot.pause()
        app.screen.query_one("#unsaved-path").value = str(named)
        await pilot.press("enter")
        await pilot.pause()
    assert app.return_code == 0
    scores.close()
    lines = named.read_bytes().splitlines()
    assert len(lines) == 1 and b'"question_id"' in lines[0]
    (tmp_path / "quiz.db").rmdir()  # the folders gone, as the learner would clear them
    (tmp_path / JOURNAL_NAME).rmdir()
    (tmp_path / JOURNAL_NAME).write_bytes(named.read_bytes())
    with Store.open(tmp_path) as store, store.reading() as conn:
        assert conn.execute("SELECT count(*) FROM attempts").fetchone()[0] == 1


async def test_ctrl_c_asks_before_losing_answers_and_a_second_one_quits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Store.open(tmp_path).close()
    monkeypatch.setattr(store_module, "record_answer", _full)
    monkeypatch.setattr(journal_module.os, "fsync", _enospc)
    app, scores = _app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await answer_right(pilot)
        await settle(pilot)
        await pilot.press("ctrl+c")
        await _until(pilot, lambda: isinstance(app.screen, UnsavedAnswers))
        await pilot.press("ctrl+c")
        await pilot.pause()
    assert not app.is_running
    scores.close()


async def test_nothing_held_back_says_saved(tmp_path: Path) -> None:
    app, scores = _app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await answer_right(pilot)
        await settle(pilot)
        await pilot.press("enter", "q")
        await pilot.pause()
        assert "every answer is saved" in _body(app)
    scores.close()


def test_the_real_app_killed_while_the_database_is_locked_loses_nothing(tmp_path: Path) -> None:
    """Another process holds the write lock past the busy timeout (5 s): the app's second
    answer goes to the journal, its feedback shows, then the app is killed with SIGKILL. The
    next start saves it."""
    data_dir = tmp_path / "data"
    questions = [
        item.question
        for item in Session.start(
            load_bank(FOUNDING_BANK), Options(seed=5, types=("true_false",))
        ).items
    ]
    app = AppInPty(["play", str(FOUNDING_BANK), "--seed", "5", "--type", "true_false"], data_dir)
    locker: sqlite3.Connection | None = None
    try:
        app.wait_for(r"Question 1(?!\d)", timeout=60)
        app.send(answer_keys(questions[0], right=True))
        app.wait_for(VERDICT)
        deadline = time.monotonic() + 30
        while not (data_dir / "quiz.db").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        app.send("\r")
        app.wait_for(r"Question 2(?!\d)")
        locker = sqlite3.connect(data_dir / "quiz.db", isolation_level=None, timeout=10)
        locker.execute("BEGIN IMMEDIATE")  # held past the app's 5 s busy timeout
        app.send(answer_keys(questions[1], right=False))
        app.wait_for(VERDICT, timeout=30)
        app.wait_for("Not saved", timeout=10)
        assert (data_dir / JOURNAL_NAME).stat().st_size > 0  # on disk before the feedback
        app.kill()
    finally:
        if locker is not None:
            locker.execute("ROLLBACK")
            locker.close()
        app.close()
    with Store.open(data_dir) as store:
        assert store.replayed is not None and store.replayed.saved == 1
        with store.reading() as conn:
            ids = [row[0] for row in conn.execute("SELECT question_id FROM attempts ORDER BY id")]
    assert ids == [questions[0].id, questions[1].id]
    assert (data_dir / JOURNAL_NAME).read_bytes() == b""
