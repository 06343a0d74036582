"""Schema versions and opening: every earlier version migrates with its data kept; damaged,
foreign and newer files are refused untouched, or moved aside only when asked."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from msgspec.structs import replace

from quiz.errors import QuizError
from quiz.srs import Srs, State
from quiz.store import LATEST_VERSION, Store, StoreError
from quiz.store.connection import connect
from quiz.store.schema import APPLICATION_ID, MIGRATIONS, Migration, migrate, version
from tests.store.helpers import T0, FakeClock, answer


def make_database(path: Path, at_version: int) -> sqlite3.Connection:
    """A database file built by the migrations up to ``at_version``, as that release made it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = connect(path)
    migrate(conn, Srs(fuzz=False), target=at_version)
    assert version(conn) == at_version
    return conn


# -- realistic contents of each earlier version, in that version's own columns ----------------


def fill_v1(conn: sqlite3.Connection) -> None:
    """A v1 learner: a finished play session, a cram session, an unfinished one."""
    conn.executemany(
        "INSERT INTO sessions (id, bank_id, mode, started_at, ended_at) VALUES (?, ?, ?, ?, ?)",
        [
            (
                1,
                "founding",
                "play",
                "2026-11-20T09:00:00.000000+00:00",
                "2026-11-20T09:15:00.000000+00:00",
            ),
            (
                2,
                "founding",
                "cram",
                "2026-11-20T10:00:00.000000+00:00",
                "2026-11-20T10:01:00.000000+00:00",
            ),
            (3, "other", "play", "2026-11-21T08:00:00.000000+00:00", None),
        ],
    )
    conn.executemany(
        """INSERT INTO attempts (id, session_id, bank_id, question_id, question_type, given,
               outcome, seconds, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            (
                1,
                1,
                "founding",
                "q1",
                "multiple_choice",
                "Seoul",
                "right",
                6.0,
                "2026-11-20T09:00:10.000000+00:00",
            ),
            (
                2,
                1,
                "founding",
                "q2",
                "short_answer",
                "Tokio",
                "wrong",
                15.5,
                "2026-11-20T09:00:40.000000+00:00",
            ),
            (
                3,
                1,
                "founding",
                "q1",
                "multiple_choice",
                "Seoul",
                "right",
                5.0,
                "2026-11-20T09:11:00.000000+00:00",
            ),
            (
                4,
                2,
                "founding",
                "q2",
                "short_answer",
                "Tokyo",
                "right",
                4.0,
                "2026-11-20T10:00:30.000000+00:00",
            ),
            (
                5,
                3,
                "other",
                "x",
                "cloze",
                "Lee Jae-myung",
                "near_miss",
                21.0,
                "2026-11-21T08:00:20.000000+00:00",
            ),
        ],
    )


def check_v1(store: Store) -> None:
    with store.reading() as conn:
        assert conn.execute(
            "SELECT id, correct, day, cram, answer_key, tags FROM attempts ORDER BY id"
        ).fetchall() == [
            (1, 1, "2026-11-20", 0, "", "[]"),
            (2, 0, "2026-11-20", 0, "", "[]"),
            (3, 1, "2026-11-20", 0, "", "[]"),
            (4, 1, "2026-11-20", 1, "", "[]"),
            (5, 1, "2026-11-21", 0, "", "[]"),
        ]
        assert conn.execute(
            "SELECT id, attempts, correct FROM sessions ORDER BY id"
        ).fetchall() == [(1, 3, 2), (2, 1, 1), (3, 1, 1)]
        # the history was replayed through FSRS: cram answers were not
        assert conn.execute(
            "SELECT attempt_id, rating, state_before, state_after FROM review_log "
            "ORDER BY attempt_id"
        ).fetchall() == [(1, 3, None, 1), (2, 1, None, 1), (3, 3, 1, 2), (5, 2, None, 1)]
        assert conn.execute(
            "SELECT day, attempts, correct, reviews, recalled FROM day_totals ORDER BY day"
        ).fetchall() == [("2026-11-20", 4, 3, 0, 0), ("2026-11-21", 1, 1, 0, 0)]
        assert conn.execute(
            "SELECT bank_id, attempts, correct FROM bank_totals ORDER BY bank_id"
        ).fetchall() == [("founding", 4, 3), ("other", 1, 1)]
        assert conn.execute("SELECT value FROM meta WHERE key = 'learner_id'").fetchone()
    q1 = store.card("founding", "q1")
    assert q1 is not None
    assert (q1.state, q1.reps, q1.due) == (
        State.Review,
        2,
        datetime(2026, 11, 22, 9, 11, tzinfo=UTC),
    )
    q2 = store.card("founding", "q2")
    assert q2 is not None and (q2.state, q2.reps, q2.lapses) == (State.Learning, 1, 0)
    assert store.last_scores()["founding"].total == 1  # the cram session ended last
    # undo works on migrated history: the attempt is marked, the card keeps its schedule
    undone = store.undo_last(1)
    assert undone is not None and undone.undone and undone.question_id == "q1"
    assert store.card("founding", "q1") == q1


_Q1_BEFORE = {
    "id": 1,
    "bank_id": "founding",
    "question_id": "q1",
    "answer_key": "Seoul",
    "tags": "[]",
    "state": 2,
    "step": None,
    "stability": 2.3065,
    "difficulty": 2.11,
    "due": "2026-11-22T09:11:00.000000+00:00",
    "last_review": "2026-11-20T09:11:00.000000+00:00",
    "reps": 2,
    "lapses": 0,
    "introduced_day": "2026-11-20",
}


def fill_v2(conn: sqlite3.Connection) -> None:
    """A v2 learner with schedules, a Review-state review and a flag."""
    conn.execute(
        """INSERT INTO sessions (id, bank_id, mode, started_at, ended_at, attempts, correct)
           VALUES (1, 'founding', 'review', '2026-11-20T09:00:00.000000+00:00',
                   '2026-11-22T09:20:00.000000+00:00', 3, 2)"""
    )
    conn.executemany(
        """INSERT INTO attempts (id, session_id, bank_id, question_id, question_type, given,
               outcome, seconds, answered_at, correct, day, answer_key, tags, cram)
           VALUES (?, 1, 'founding', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""",
        [
            (
                1,
                "q1",
                "multiple_choice",
                "Seoul",
                "right",
                6.0,
                "2026-11-20T09:11:00.000000+00:00",
                1,
                "2026-11-20",
                "Seoul",
                "[]",
            ),
            (
                2,
                "q2",
                "true_false",
                "True",
                "wrong",
                3.0,
                "2026-11-20T09:12:00.000000+00:00",
                0,
                "2026-11-20",
                "False",
                '["politics"]',
            ),
            (
                3,
                "q1",
                "multiple_choice",
                "Seoul",
                "right",
                9.0,
                "2026-11-22T09:11:00.000000+00:00",
                1,
                "2026-11-22",
                "Seoul",
                "[]",
            ),
        ],
    )
    conn.executemany(
        """INSERT INTO cards (id, bank_id, question_id, answer_key, tags, state, step, stability,
               difficulty, due, last_review, reps, lapses, introduced_day)
           VALUES (?, 'founding', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '2026-11-20')""",
        [
            (
                1,
                "q1",
                "Seoul",
                "[]",
                2,
                None,
                10.97,
                2.1,
                "2026-12-03T09:11:00.000000+00:00",
                "2026-11-22T09:11:00.000000+00:00",
                3,
                0,
            ),
            (
                2,
                "q2",
                "False",
                '["politics"]',
                1,
                0,
                0.2,
                6.4,
                "2026-11-20T09:13:00.000000+00:00",
                "2026-11-20T09:12:00.000000+00:00",
                1,
                0,
            ),
        ],
    )
    conn.executemany(
        """INSERT INTO review_log (attempt_id, card_id, rating, state_before, state_after,
               due_after, reviewed_at, duration_ms, schedule_reset, card_before)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)""",
        [
            (
                1,
                1,
                3,
                None,
                2,
                "2026-11-22T09:11:00.000000+00:00",
                "2026-11-20T09:11:00.000000+00:00",
                6000,
                None,
            ),
            (
                2,
                2,
                1,
                None,
                1,
                "2026-11-20T09:13:00.000000+00:00",
                "2026-11-20T09:12:00.000000+00:00",
                3000,
                None,
            ),
            (
                3,
                1,
                3,
                2,
                2,
                "2026-12-03T09:11:00.000000+00:00",
                "2026-11-22T09:11:00.000000+00:00",
                9000,
                json.dumps(_Q1_BEFORE),
            ),
        ],
    )
    conn.execute(
        """INSERT INTO flags (bank_id, question_id, reason, note, created_at)
           VALUES ('founding', 'q2', 'outdated', 'the minister changed',
                   '2026-11-20T09:12:30.000000+00:00')"""
    )


def check_v2(store: Store) -> None:
    with store.reading() as conn:
        assert conn.execute(
            "SELECT day, attempts, correct, reviews, recalled FROM day_totals ORDER BY day"
        ).fetchall() == [("2026-11-20", 2, 1, 0, 0), ("2026-11-22", 1, 1, 1, 1)]
        indexes = {row[0] for row in conn.execute("SELECT name FROM sqlite_schema")}
        assert "attempts_day" not in indexes and "review_log_retention" not in indexes
    assert [(f.question_id, f.reason) for f in store.flags()] == [("q2", "outdated")]
    q1 = store.card("founding", "q1")
    assert q1 is not None and q1.stability == 10.97
    undone = store.undo_last(1)
    assert undone is not None and undone.answered_at == datetime(2026, 11, 22, 9, 11, tzinfo=UTC)
    assert store.card("founding", "q1") == q1  # the schedule the answer set stays
    with store.reading() as conn:  # and the answer keeps counting
        assert conn.execute(
            "SELECT day, attempts, correct, reviews, recalled FROM day_totals ORDER BY day"
        ).fetchall() == [("2026-11-20", 2, 1, 0, 0), ("2026-11-22", 1, 1, 1, 1)]
        assert conn.execute("SELECT bank_id, attempts, correct FROM bank_totals").fetchall() == [
            ("founding", 3, 2),
        ]


def fill_v3(conn: sqlite3.Connection) -> None:
    """A v3 learner: the v2 contents (``daily`` filled by the v3 triggers as rows go in),
    plus a second bank answered on the same day."""
    fill_v2(conn)
    conn.execute(
        """INSERT INTO sessions (id, bank_id, mode, started_at, ended_at, attempts, correct)
           VALUES (2, 'other', 'play', '2026-11-22T10:00:00.000000+00:00', NULL, 0, 0)"""
    )
    conn.execute(
        """INSERT INTO attempts (id, session_id, bank_id, question_id, question_type, given,
               outcome, seconds, answered_at, correct, day, answer_key, tags, cram)
           VALUES (4, 2, 'other', 'x', 'numeric', '80000', 'right', 14.0,
                   '2026-11-22T10:00:10.000000+00:00', 1, '2026-11-22', '80,000', '[]', 1)"""
    )
    conn.execute("UPDATE sessions SET attempts = 1, correct = 1 WHERE id = 2")
    if conn.execute("PRAGMA user_version").fetchone()[0] > 3:
        return  # filling a later version with the same rows: it has no daily table
    assert conn.execute(
        "SELECT day, bank_id, attempts, correct, reviews, recalled FROM daily ORDER BY day, bank_id"
    ).fetchall() == [
        ("2026-11-20", "founding", 2, 1, 0, 0),
        ("2026-11-22", "founding", 1, 1, 1, 1),
        ("2026-11-22", "other", 1, 1, 0, 0),
    ]


def check_v3(store: Store) -> None:
    with store.reading() as conn:
        assert conn.execute(
            "SELECT day, attempts, correct, reviews, recalled FROM day_totals ORDER BY day"
        ).fetchall() == [("2026-11-20", 2, 1, 0, 0), ("2026-11-22", 2, 2, 1, 1)]
        assert conn.execute(
            "SELECT bank_id, attempts, correct FROM bank_totals ORDER BY bank_id"
        ).fetchall() == [("founding", 3, 2), ("other", 1, 1)]
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_schema")}
        assert "daily" not in names and not any(n.startswith("daily_") for n in names)
        assert "cards_bank_tags" in names
    undone = store.undo_last(2)
    assert undone is not None and undone.bank_id == "other"
    with store.reading() as conn:
        assert conn.execute(
            "SELECT bank_id, attempts, correct FROM bank_totals ORDER BY bank_id"
        ).fetchall() == [("founding", 3, 2), ("other", 1, 1)]


def fill_v4(conn: sqlite3.Connection) -> None:
    """A v4 learner: the v3 contents (the totals kept by the v4 triggers as rows go in)."""
    fill_v3(conn)
    assert conn.execute(
        "SELECT day, attempts, correct, reviews, recalled FROM day_totals ORDER BY day"
    ).fetchall() == [("2026-11-20", 2, 1, 0, 0), ("2026-11-22", 2, 2, 1, 1)]


def check_v4(store: Store) -> None:
    """v5: every old attempt is a first answer, none undone; undo marks, a retake counts
    nowhere, and the totals the v4 triggers kept are untouched."""
    with store.reading() as conn:
        assert conn.execute(
            "SELECT id, undone, retake_of FROM attempts ORDER BY id"
        ).fetchall() == [(1, 0, None), (2, 0, None), (3, 0, None), (4, 0, None)]
        totals = conn.execute("SELECT * FROM day_totals ORDER BY day").fetchall()
        assert totals == [("2026-11-20", 2, 1, 0, 0), ("2026-11-22", 2, 2, 1, 1)]
    q1 = store.card("founding", "q1")
    slip = store.undo_last(1)
    assert slip is not None and slip.question_id == "q1" and slip.undone
    store.record(replace(slip, undone=False, retake=True), session_id=1)
    assert store.card("founding", "q1") == q1
    with store.reading() as conn:
        assert conn.execute("SELECT * FROM day_totals ORDER BY day").fetchall() == totals
        assert conn.execute(
            "SELECT undone, retake_of FROM attempts WHERE id >= 3 ORDER BY id"
        ).fetchall() == [(1, None), (0, None), (0, 3)]
        assert conn.execute("SELECT attempts, correct FROM sessions WHERE id = 1").fetchone() == (
            3,
            2,
        )


FIXTURES: dict[int, tuple[Callable[[sqlite3.Connection], None], Callable[[Store], None]]] = {
    1: (fill_v1, check_v1),
    2: (fill_v2, check_v2),
    3: (fill_v3, check_v3),
    4: (fill_v4, check_v4),
}


def test_every_earlier_version_has_a_fixture() -> None:
    assert set(FIXTURES) == set(range(1, LATEST_VERSION))


@pytest.mark.parametrize("old_version", sorted(FIXTURES))
def test_migrates_from_every_earlier_version(
    old_version: int, data_dir: Path, clock: FakeClock
) -> None:
    fill, check = FIXTURES[old_version]
    conn = make_database(data_dir / "quiz.db", old_version)
    conn.execute("BEGIN")
    fill(conn)
    conn.execute("COMMIT")
    kept = conn.execute(
        "SELECT id, bank_id, question_id, given, answered_at FROM attempts"
    ).fetchall()
    conn.close()

    with Store.open(data_dir, clock=clock, fuzz=False) as store:
        with store.reading() as conn:
            assert version(conn) == LATEST_VERSION
            assert (
                conn.execute(
                    "SELECT id, bank_id, question_id, given, answered_at FROM attempts"
                ).fetchall()
                == kept
            )
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert store.integrity_check() == ["ok"]
        check(store)
        # and the migrated file takes new answers
        store.record(answer(at=T0), session_id=store.start_session("founding", "play"))


def test_a_new_file_is_created_at_the_latest_version(store: Store) -> None:
    with store.reading() as conn:
        assert version(conn) == LATEST_VERSION
        assert conn.execute("PRAGMA application_id").fetchone() == (APPLICATION_ID,)


def test_an_empty_file_is_a_new_database(data_dir: Path, clock: FakeClock) -> None:
    data_dir.mkdir()
    (data_dir / "quiz.db").touch()
    with Store.open(data_dir, clock=clock) as store:
        assert store.due_counts() == (0, 0)


def test_a_failed_migration_step_leaves_the_previous_version(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    conn = make_database(data_dir / "quiz.db", 1)
    broken = Migration(2, ("CREATE TABLE cards (id INTEGER)", "SELECT no_such_function()"))
    monkeypatch.setattr("quiz.store.schema.MIGRATIONS", (MIGRATIONS[0], broken))

    with pytest.raises(sqlite3.OperationalError, match="no_such_function"):
        migrate(conn, Srs(), target=2)

    assert version(conn) == 1
    tables = conn.execute("SELECT count(*) FROM sqlite_schema WHERE name = 'cards'")
    assert tables.fetchone() == (0,)
    conn.close()


# -- files we must not use ---------------------------------------------------------------


def garbage(data_dir: Path) -> bytes:
    data_dir.mkdir(parents=True, exist_ok=True)
    content = b"This is not a database, it is a shopping list.\n" * 200
    (data_dir / "quiz.db").write_bytes(content)
    return content


def foreign(data_dir: Path) -> bytes:
    data_dir.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(data_dir / "quiz.db")
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.execute("INSERT INTO notes VALUES ('milk')")
    conn.commit()
    conn.close()
    return (data_dir / "quiz.db").read_bytes()


def newer(data_dir: Path) -> bytes:
    Store.open(data_dir, clock=FakeClock()).close()
    conn = sqlite3.connect(data_dir / "quiz.db")
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return (data_dir / "quiz.db").read_bytes()


BAD_FILES = {
    "corrupt": (garbage, "cannot be read"),
    "foreign": (foreign, "not a quiz scores database"),
    "newer": (newer, "newer version of quiz"),
}


@pytest.mark.parametrize("problem", sorted(BAD_FILES))
def test_a_bad_file_is_refused_and_left_untouched(
    problem: str, data_dir: Path, clock: FakeClock
) -> None:
    make, message = BAD_FILES[problem]
    content = make(data_dir)

    with pytest.raises(StoreError, match=message) as raised:
        Store.open(data_dir, clock=clock)

    assert raised.value.problem == problem
    assert raised.value.recoverable
    assert str(data_dir / "quiz.db") in str(raised.value)
    assert "left untouched" in str(raised.value)
    assert isinstance(raised.value, QuizError) and raised.value.exit_code == 1
    assert (data_dir / "quiz.db").read_bytes() == content
    assert sorted(p.name for p in data_dir.iterdir()) == ["quiz.db"]


@pytest.mark.parametrize("problem", sorted(BAD_FILES))
def test_recover_moves_a_bad_file_aside_and_starts_afresh(
    problem: str, data_dir: Path, clock: FakeClock
) -> None:
    make, _message = BAD_FILES[problem]
    content = make(data_dir)

    with Store.open(data_dir, clock=clock, recover=True) as store:
        store.record(answer(at=T0), session_id=store.start_session("bank", "play"))

    kept = data_dir / f"quiz.db.{problem}-20261125T170000"
    assert kept.read_bytes() == content
    with Store.open(data_dir, clock=clock) as store:
        assert store.card("bank", "q1") is not None


def test_recover_never_overwrites_an_earlier_rescue(data_dir: Path, clock: FakeClock) -> None:
    first = garbage(data_dir)
    Store.open(data_dir, clock=clock, recover=True).close()
    (data_dir / "quiz.db").write_bytes(b"again" * 1000)
    for suffix in ("-wal", "-shm"):
        (data_dir / f"quiz.db{suffix}").unlink(missing_ok=True)

    Store.open(data_dir, clock=clock, recover=True).close()

    assert (data_dir / "quiz.db.corrupt-20261125T170000").read_bytes() == first
    assert (data_dir / "quiz.db.corrupt-20261125T170000-1").read_bytes() == b"again" * 1000


def test_recover_keeps_a_good_database(data_dir: Path, clock: FakeClock) -> None:
    with Store.open(data_dir, clock=clock) as store:
        store.record(answer(at=T0), session_id=store.start_session("bank", "play"))
    with Store.open(data_dir, clock=clock, recover=True) as store:
        assert store.card("bank", "q1") is not None
    assert sorted(p.name for p in data_dir.iterdir() if ".db." in p.name) == []


def test_a_data_dir_that_cannot_be_made(tmp_path: Path, clock: FakeClock) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("in the way")

    with pytest.raises(StoreError, match="cannot create the data directory") as raised:
        Store.open(blocker / "data", clock=clock, recover=True)
    assert raised.value.problem == "unwritable"
    assert not raised.value.recoverable


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_a_read_only_data_dir(data_dir: Path, clock: FakeClock) -> None:
    data_dir.mkdir()
    data_dir.chmod(0o500)
    try:
        with pytest.raises(StoreError) as raised:
            Store.open(data_dir, clock=clock, recover=True)
        assert raised.value.problem == "unwritable"
    finally:
        data_dir.chmod(0o700)


def test_the_clock_must_be_timezone_aware(data_dir: Path) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        Store.open(data_dir, clock=lambda: datetime(2026, 11, 25, 17, 0))


def test_a_database_path_that_cannot_be_opened(data_dir: Path, clock: FakeClock) -> None:
    (data_dir / "quiz.db").mkdir(parents=True)  # a directory where the file should be

    with pytest.raises(StoreError, match="could not open the scores database") as raised:
        Store.open(data_dir, clock=clock, recover=True)

    assert raised.value.problem == "unwritable"
    assert (data_dir / "quiz.db").is_dir()  # not "recovered": nothing to recover
