"""Damage in the middle of a real ``quiz.db`` (its header intact), as issue 20 item 4 found it:
it used to open without a word, take new answers into the damaged file and lose them. Now the
check at open finds it, the file is set aside byte for byte, a new one is started, and
``--recover`` copies into it what can still be read."""

from __future__ import annotations

import sqlite3
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quiz.record import Answer, Outcome
from quiz.recording.scores import open_scores
from quiz.store import DB_NAME, Store, StoreError, opening
from quiz.store.check import CheckResult, quick_check
from quiz.store.synthetic import populate

NOW = datetime(2025, 9, 1, 9, 0, tzinfo=UTC)
PAGE = 4096


def clock() -> datetime:
    return NOW


def a_real_db(data_dir: Path, answers: int = 2000) -> None:
    with Store.open(data_dir, clock=clock, fuzz=False) as store:
        session = store.start_session("bank", "play")
        for n in range(answers):
            store.record(
                Answer(
                    "bank",
                    f"q{n % 500}",
                    "true_false",
                    "True",
                    Outcome.WRONG,
                    3.0,
                    NOW + timedelta(seconds=n),
                    "False",
                ),
                session_id=session,
            )
        store.end_session(session)
    with sqlite3.connect(data_dir / DB_NAME) as conn:  # everything into the main file
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def damage_a_middle_page(path: Path) -> int:
    """Garbage over one page in the middle; the 100-byte header and page 1 stay intact."""
    pages = path.stat().st_size // PAGE
    page = pages // 2
    header = path.read_bytes()[:PAGE]
    with path.open("r+b") as file:
        file.seek(page * PAGE)
        file.write(b"\xde\xad\xbe\xef" * (PAGE // 4))
    assert path.read_bytes()[:PAGE] == header
    return page


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    data_dir = tmp_path / "data"
    a_real_db(data_dir)
    damage_a_middle_page(data_dir / DB_NAME)
    return data_dir


def test_the_damage_is_real_and_the_header_is_intact(damaged: Path) -> None:
    """What the tests below face: SQLite opens it and reads its header without complaint."""
    conn = sqlite3.connect(damaged / DB_NAME)
    assert conn.execute("PRAGMA user_version").fetchone()[0] > 0
    assert quick_check(conn, None).verdict == "damaged"
    conn.close()


def test_a_damaged_file_is_set_aside_at_open_and_a_new_one_started(damaged: Path) -> None:
    original = (damaged / DB_NAME).read_bytes()
    with Store.open(damaged, clock=clock) as store:
        assert store.set_aside is not None and store.damage is not None
        assert store.set_aside.name == f"{DB_NAME}.damaged-20250901T090000"
        assert store.set_aside.read_bytes() == original  # kept byte for byte, never written
        session = store.start_session("bank", "play")
        store.record(
            Answer("bank", "q1", "true_false", "True", Outcome.RIGHT, 2.0, NOW, "True"),
            session_id=session,
        )
        assert store.integrity_check() == ["ok"]
    assert store.set_aside.read_bytes() == original


def test_the_learner_is_told_where_the_damaged_copy_is(damaged: Path) -> None:
    scores = open_scores(damaged, clock=clock)
    try:
        assert scores.saved and scores.moved_aside is not None
        assert "damaged" in scores.notice and str(scores.moved_aside) in scores.notice
        assert "--recover" in scores.notice
    finally:
        scores.close()


def _attempts(data_dir: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(data_dir / DB_NAME) as conn:
        return conn.execute("SELECT question_id, answered_at FROM attempts ORDER BY id").fetchall()


@pytest.mark.parametrize("when", ["at-once", "later"])
def test_recover_copies_what_can_still_be_read(tmp_path: Path, when: str) -> None:
    sound = tmp_path / "sound"
    a_real_db(sound)
    everything = _attempts(sound)
    data_dir = tmp_path / "data"
    a_real_db(data_dir)
    damage_a_middle_page(data_dir / DB_NAME)
    if when == "later":  # set aside at an ordinary start, recovered at the next
        Store.open(data_dir, clock=clock).close()
    with Store.open(data_dir, clock=clock, recover=True) as store:
        assert len(store.salvaged) == 1
        aside, report = store.salvaged[0]
        assert aside.name.startswith(f"{DB_NAME}.damaged-")
        assert report.answers >= len(everything) - 100  # one page of rows lost at most, ~40
        assert store.integrity_check() == ["ok"]
        with store.reading() as conn:
            totals = conn.execute("SELECT sum(attempts) FROM day_totals").fetchone()[0]
            assert totals == report.answers  # the triggers rebuilt the totals
            reviews = conn.execute("SELECT count(*) FROM review_log").fetchone()[0]
            assert reviews == report.answers
    recovered = _attempts(data_dir)
    assert set(recovered) <= set(everything) and len(recovered) == report.answers
    # a second --recover reads nothing again and changes nothing
    with Store.open(data_dir, clock=clock, recover=True) as store:
        assert store.salvaged == []
    assert _attempts(data_dir) == recovered


def test_recover_with_answers_given_since_keeps_both(damaged: Path) -> None:
    with Store.open(damaged, clock=clock) as store:  # set aside; the learner goes on
        session = store.start_session("bank", "play")
        store.record(
            Answer(
                "bank",
                "new",
                "true_false",
                "True",
                Outcome.RIGHT,
                2.0,
                NOW + timedelta(days=3),
                "True",
            ),
            session_id=session,
        )
    with Store.open(damaged, clock=clock, recover=True) as store:
        assert store.salvaged[0][1].answers > 1900
        assert store.card("bank", "new") is not None
        assert store.integrity_check() == ["ok"]


def test_damage_found_after_open_stops_every_write(
    damaged: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file too big to check within the open budget is checked to the end in the
    background; the damage it finds stops every write into the file (answers then go to the
    journal) and the next start sets it aside."""
    monkeypatch.setattr(
        opening, "quick_check", lambda conn, budget: CheckResult("unfinished", seconds=budget or 0)
    )
    store = Store.open(damaged, clock=clock)
    try:
        assert store.set_aside is None and store.background_check is not None
        assert store.background_check.join(30)
        assert store.refused is not None and store.refused.problem == "damaged"
        before = (damaged / DB_NAME).read_bytes()
        with pytest.raises(StoreError, match="damaged"):
            store.start_session("bank", "play")
        assert (damaged / DB_NAME).read_bytes() == before
    finally:
        store.close()
    monkeypatch.undo()
    with Store.open(damaged, clock=clock) as again:
        assert again.set_aside is not None


def test_the_check_at_open_stays_within_its_budget(tmp_path: Path) -> None:
    """On a file whose full check takes longer than the budget, opening returns in about the
    budget and the rest of the check runs in the background (and finds the file sound)."""
    with Store.open(tmp_path, clock=clock) as store:
        populate(store, reviews=30_000, banks=3, questions_per_bank=300, days=100)
    started = time.monotonic()
    store = Store.open(tmp_path, clock=clock, check_budget=0.005)
    try:
        took = time.monotonic() - started
        assert took < 0.5, took
        check = store.background_check
        assert check is not None and check.join(30)
        assert check.result is not None and check.result.verdict == "ok"
        assert store.refused is None
    finally:
        store.close()


def test_a_file_too_big_to_check_at_open_gets_no_journal_answer_and_goes_aside_next_start(
    tmp_path: Path,
) -> None:
    """Issue 20's verification: on a file whose check does not fit in the open budget (here a
    budget of nothing), the journal's answers were saved into it at open, before the check in
    the background found it damaged, and every later start did the same, the file never set
    aside. Now the journal waits for the check; damage found is noted beside the file, and the
    next start sets the file aside at once and saves the answer into the new one."""
    from quiz.store.check import damage_note
    from quiz.store.journal import JOURNAL_NAME, Journal, PendingAnswer

    a_real_db(tmp_path)
    path = tmp_path / DB_NAME
    damage_a_middle_page(path)
    before = path.read_bytes()
    # a short command (quiz stats --json) closes before the check behind its start is done:
    # it writes nothing into the file (not even the planner statistics of PRAGMA optimize)
    Store.open(tmp_path, clock=clock, check_budget=0).close()
    assert path.read_bytes() == before
    # on a fast spell the check behind that start may still finish before its close and note
    # the damage (CI once did); the case this test is about is the start whose check had not
    damage_note(path).unlink(missing_ok=True)
    wal = path.with_name(DB_NAME + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    waiting = Answer("bank", "q-late", "true_false", "True", Outcome.RIGHT, 2.0, NOW, "True")
    Journal(tmp_path / JOURNAL_NAME).append(PendingAnswer("s", "bank", "play", waiting))
    before = path.read_bytes()

    store = Store.open(tmp_path, clock=clock, check_budget=0)
    try:
        check = store.background_check
        assert check is not None and check.join(30)
        assert check.result is not None and check.result.verdict == "damaged"
        assert store.refused is not None and store.replayed is None  # nothing replayed into it
    finally:
        store.close()
    assert path.read_bytes() == before
    assert damage_note(path).is_file()
    assert (tmp_path / JOURNAL_NAME).stat().st_size > 0  # the answer still waits

    again = Store.open(tmp_path, clock=clock, check_budget=0)
    try:
        assert again.set_aside is not None and again.set_aside.read_bytes() == before
        assert not damage_note(path).exists()
        if again.background_check is not None:  # the new file, checked behind the start
            assert again.background_check.join(30)
        with again.reading() as conn:
            rows = conn.execute("SELECT question_id FROM attempts").fetchall()
        assert rows == [("q-late",)]
    finally:
        again.close()


def test_closing_before_the_check_behind_the_start_is_done_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A short command on a file too big to check at open closes while the check behind it
    still runs: it used to run ``PRAGMA optimize`` then, which writes the planner's statistics
    into a file not yet known sound (issue 20's second verification found them in a damaged
    one). Here the check never finishes."""
    from quiz.store import store as store_module

    class NeverDone:
        result = None

        def __init__(self, *args: object, **kwargs: object) -> None:
            pass

        def stop(self) -> None:
            pass

    a_real_db(tmp_path, answers=200)
    monkeypatch.setattr(store_module, "BackgroundCheck", NeverDone)
    store = Store.open(tmp_path, clock=clock, check_budget=0)
    statements: list[str] = []
    store._conn.set_trace_callback(statements.append)
    store.close()
    assert not any("optimize" in s.lower() for s in statements), statements


def test_the_check_beside_a_read_finds_the_damage_and_passes_a_sound_file(
    tmp_path: Path,
) -> None:
    """``quiz stats --json`` runs the open check beside its read, not before it (issue 21:
    the check's whole budget came first, 0.45 s on a million answers against 0.3): a sound
    file is "ok", a file damaged in the middle "damaged", as the check before the read said."""
    from quiz.store.check import CheckBeside

    sound, hurt = tmp_path / "sound", tmp_path / "hurt"
    for folder in (sound, hurt):
        a_real_db(folder)
    damage_a_middle_page(hurt / DB_NAME)
    for folder, verdict in ((sound, "ok"), (hurt, "damaged")):
        beside = CheckBeside(f"{(folder / DB_NAME).resolve().as_uri()}?mode=ro")
        assert beside.verdict().verdict == verdict


def test_a_check_beside_a_read_that_cannot_open_the_file_is_unfinished(tmp_path: Path) -> None:
    from quiz.store.check import CheckBeside

    missing = tmp_path / "nowhere" / DB_NAME
    assert CheckBeside(f"{missing.as_uri()}?mode=ro").verdict().verdict == "unfinished"
