"""``quiz stats --json`` as a script runs it: a subprocess over a real store in a tmp data dir,
filled through ``Store.record`` with the clock injected."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
import subprocess
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from quiz.library import current_banks
from quiz.record import Outcome
from quiz.stats import compute_stats
from quiz.store import DB_NAME, Store
from tests.cli_run import run_quiz
from tests.conftest import ALL_TYPES_BANK, DATA
from tests.store.helpers import FakeClock, answer
from tests.store.test_damaged_db import damaged  # a real quiz.db, a middle page garbage

__all__ = ["damaged"]  # the fixture, used by name

BANK = "riverton-bridge"


def quiz(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_quiz(data_dir, *args, timeout=60)


def stats_json(data_dir: Path) -> dict[str, Any]:
    result = quiz(data_dir, "stats", "--json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return json.loads(result.stdout)  # one object, nothing else on stdout


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A data dir with the user's own copy of the all-types bank in it."""
    data = tmp_path / "data"
    (data / "banks").mkdir(parents=True)
    shutil.copy(ALL_TYPES_BANK, data / "banks" / f"{BANK}.yaml")
    shutil.copy(DATA / "valid" / "article.txt", data / "banks" / "article.txt")
    return data


def record_seven(data_dir: Path) -> list[str]:
    """7 answers, 5 right, in 3 sessions on the 3 days ending today (the subprocess reads with
    the real clock, so the days are real ones): the day before yesterday, yesterday, today.
    One answer is to a question the bank no longer has. Returns the three days."""
    now = datetime.now().astimezone()
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    today_at = max(midnight, now - timedelta(minutes=1))  # today, and not in the future
    plan = [
        (
            today_at - timedelta(days=2),
            [("q-mayor-mc", True), ("q-cost-tf", False), ("q-removed", True)],
        ),
        (today_at - timedelta(days=1), [("q-mayor-mc", True), ("q-cost-cloze", True)]),
        (today_at, [("q-cost-tf", True), ("q-mayor-short", False)]),
    ]
    clock = FakeClock(plan[0][0])
    with Store.open(data_dir, clock=clock, fuzz=False) as store:
        for moment, answers in plan:
            clock.now = moment
            session = store.start_session(BANK, "play")
            for qid, right in answers:
                store.record(
                    answer(
                        qid,
                        bank_id=BANK,
                        at=moment,
                        outcome=Outcome.RIGHT if right else Outcome.WRONG,
                    ),
                    session_id=session,
                )
            store.end_session(session)
    return [moment.date().isoformat() for moment, _ in plan]


def test_counts_exactly_what_was_answered(data_dir: Path) -> None:
    days = record_seven(data_dir)
    report = stats_json(data_dir)

    assert (report["attempts"], report["correct"], report["sessions"]) == (7, 5, 3)
    assert report["streak_days"] == 3
    assert report["accuracy"] == pytest.approx(5 / 7)
    assert [(d["date"], d["attempts"], d["correct"]) for d in report["days"]] == [
        (days[0], 3, 2),
        (days[1], 2, 2),
        (days[2], 2, 1),
    ]
    bank = report["banks"][BANK]
    assert (bank["attempts"], bank["correct"], bank["questions"]) == (7, 5, 9)
    assert bank["cards"] == 4  # q-removed has left the bank: its card is no longer counted
    assert bank["new"] == 5
    assert len(report["forecast"]) == 30
    assert report["desired_retention"] == 0.9


def test_removed_questions_leave_the_due_figures(data_dir: Path) -> None:
    record_seven(data_dir)
    report = stats_json(data_dir)
    known = current_banks([data_dir / "banks" / f"{BANK}.yaml"], data_dir / "cache").questions
    with Store.open(data_dir) as store:
        now = datetime.fromisoformat(report["generated_at"])
        with_removed = compute_stats(store, now)
        without = compute_stats(store, now, known_questions=known)
    assert with_removed.due_now == without.due_now + 1  # q-removed is overdue, but gone
    assert report["due_now"] == without.due_now
    assert report["due_tomorrow"] == without.due_tomorrow


def test_an_empty_data_dir_reports_zeros_and_creates_no_database(tmp_path: Path) -> None:
    empty = tmp_path / "nothing-yet"
    report = stats_json(empty)
    assert (report["attempts"], report["correct"], report["sessions"]) == (0, 0, 0)
    assert (report["due_now"], report["due_tomorrow"], report["streak_days"]) == (0, 0, 0)
    assert report["days"] == [] and report["true_retention"] is None
    assert not (empty / DB_NAME).exists()
    # the shipped bank is there to be learnt: listed, nothing mastered
    shipped = report["banks"]["japan-korea-summit-2025"]
    assert shipped["attempts"] == 0 and shipped["new"] == shipped["questions"] > 0


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_a_read_only_data_dir_is_read_not_written(data_dir: Path) -> None:
    record_seven(data_dir)
    before = sorted(p.name for p in data_dir.iterdir())
    data_dir.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        report = stats_json(data_dir)
        assert (report["attempts"], report["sessions"]) == (7, 3)
        assert sorted(p.name for p in data_dir.iterdir()) == before
    finally:
        data_dir.chmod(stat.S_IRWXU)


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_an_empty_read_only_data_dir_reports_zeros(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        assert stats_json(locked)["attempts"] == 0
    finally:
        locked.chmod(stat.S_IRWXU)


def test_a_damaged_database_is_reported_without_traceback(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / DB_NAME).write_bytes(b"this is not an SQLite file, it was damaged" * 100)
    result = quiz(data, "stats", "--json")
    assert result.returncode == 1
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("quiz: ")
    assert "the scores database cannot be read" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_fifo_in_place_of_the_database_is_reported_not_waited_on(tmp_path: Path) -> None:
    """A FIFO where ``quiz.db`` should be: opened by SQLite as it is, it blocked the read-only
    fast path forever (issue 20's verification). It is said, at once, like a bad file."""
    data = tmp_path / "data"
    data.mkdir()
    os.mkfifo(data / DB_NAME)
    result = run_quiz(data, "stats", "--json", timeout=20)
    assert result.returncode == 1
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("quiz: ")
    assert "not a regular file" in result.stderr  # said plainly, not "disk I/O error"


def test_a_foreign_sqlite_file_is_reported(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    with sqlite3.connect(data / DB_NAME) as conn:
        conn.execute("CREATE TABLE photos (id INTEGER)")
    conn.close()
    result = quiz(data, "stats", "--json")
    assert result.returncode == 1
    assert "not a quiz scores database" in result.stderr
    assert "Traceback" not in result.stderr


def test_data_dir_option_after_the_command(data_dir: Path, tmp_path: Path) -> None:
    record_seven(data_dir)
    result = quiz(tmp_path / "elsewhere", "stats", "--json", "--data-dir", str(data_dir))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["attempts"] == 7


def test_broken_banks_are_skipped(data_dir: Path) -> None:
    shutil.copy(DATA / "invalid" / "bad-difficulty.yaml", data_dir / "banks" / "broken.yaml")
    record_seven(data_dir)
    report = stats_json(data_dir)
    assert report["attempts"] == 7
    assert report["banks"][BANK]["questions"] == 9


def test_read_only_fallback_reads_the_file_as_it_is(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a folder that cannot be written leads to (tested above as a non-root user): the
    store cannot open, and the file is read through a read-only connection instead."""
    from quiz.commands import stats as command
    from quiz.store import StoreError

    record_seven(data_dir)

    def refuse(*args: object, **kwargs: object) -> Store:
        raise StoreError("cannot write there", problem="unwritable", path=data_dir)

    monkeypatch.setattr(Store, "open", refuse)
    known = current_banks([data_dir / "banks" / f"{BANK}.yaml"], data_dir / "cache").questions
    stats = command.read_stats(data_dir, known)
    assert (stats.attempts, stats.correct, stats.sessions, stats.streak_days) == (7, 5, 3, 3)
    assert stats.bank(BANK) is not None and stats.bank(BANK).cards == 4  # type: ignore[union-attr]


# ------------------------------------------------- damage in the middle, met by the fast path
#
# Issue 20, item 4: with its header intact, a damaged quiz.db opens without complaint. Every
# other command finds the damage at open (the quick check within its 0.25 s budget), sets the
# file aside and says so; stats --json read such a file through its read-only fast path and
# printed whatever the undamaged pages held, without a word.


def test_a_database_damaged_in_the_middle_is_set_aside_and_said(damaged: Path) -> None:
    """The same handling as the other commands and as ``quiz stats`` without ``--json``: the
    file kept aside byte for byte, the app's notice on stderr, stdout still one JSON object,
    and the figures those of the new (empty) file the notice names, not the damaged one's."""
    original = (damaged / DB_NAME).read_bytes()
    result = quiz(damaged, "stats", "--json")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    (aside,) = damaged.glob(f"{DB_NAME}.damaged-*")
    assert aside.read_bytes() == original
    notice = (
        f"Your scores file was damaged; it was kept as {aside} and a new one was started. "
        "To copy what can still be read from it, run  quiz review --recover"
    )
    assert notice in result.stderr.splitlines()
    report = json.loads(result.stdout)
    assert (report["attempts"], report["sessions"]) == (0, 0)
    with sqlite3.connect(damaged / DB_NAME) as conn:
        assert conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    conn.close()


def test_the_fast_path_checks_within_the_open_budget_and_opens_nothing(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sound file is still read as it is (no store opened, nothing written), after the same
    quick check opening runs, with the same budget: the fast path stays fast."""
    from quiz.commands import stats as command
    from quiz.store import check

    record_seven(data_dir)
    budgets: list[float | None] = []
    real_check = check.quick_check

    def spy(conn: sqlite3.Connection, budget: float | None = None, **kw: Any) -> Any:
        budgets.append(budget)
        return real_check(conn, budget, **kw)

    def refuse(*args: object, **kwargs: object) -> Store:
        raise AssertionError("the fast path opened the store")

    monkeypatch.setattr(check, "quick_check", spy)
    monkeypatch.setattr(Store, "open", refuse)
    known = current_banks([data_dir / "banks" / f"{BANK}.yaml"], data_dir / "cache").questions
    stats = command.read_stats(data_dir, known)
    assert (stats.attempts, stats.sessions) == (7, 3)
    assert budgets == [check.OPEN_BUDGET_SECONDS]


def test_a_damaged_file_that_cannot_be_set_aside_is_refused_plainly(
    damaged: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder that cannot take the rename (read-only media; as root only a monkeypatch can
    refuse it): a one-line ``quiz:`` error naming the damage, never figures from the file."""
    from quiz.commands import stats as command
    from quiz.errors import QuizError
    from quiz.store import connection, opening

    def cannot_move(*args: object, **kwargs: object) -> Path:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(connection, "move_aside", cannot_move)
    monkeypatch.setattr(opening, "move_aside", cannot_move)
    original = (damaged / DB_NAME).read_bytes()
    with pytest.raises(QuizError, match="damaged"):
        command.read_stats(damaged, None)
    assert (damaged / DB_NAME).read_bytes() == original
