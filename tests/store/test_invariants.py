"""Random walks of record / cram / undo / retake / answer-key changes: the summary tables (day
and bank totals, session counts) always equal what the raw rows say (retakes counting nowhere),
and undo never changes a figure or a schedule: the first answer keeps counting."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from msgspec.structs import replace

from quiz.record import Outcome
from quiz.store import Store
from tests.store.helpers import FakeClock, answer


def assert_consistent(store: Store) -> None:
    with store.reading() as conn:
        days = conn.execute(
            """SELECT day, attempts, correct, reviews, recalled FROM day_totals
               WHERE attempts > 0 ORDER BY day"""
        ).fetchall()
        assert (
            days
            == conn.execute(
                """SELECT a.day, count(*), sum(a.correct),
                      coalesce(sum(l.state_before = 2), 0),
                      coalesce(sum(l.state_before = 2 AND l.rating > 1), 0)
               FROM attempts a LEFT JOIN review_log l ON l.attempt_id = a.id
               WHERE a.retake_of IS NULL
               GROUP BY a.day ORDER BY a.day"""
            ).fetchall()
        )
        banks = conn.execute(
            """SELECT bank_id, attempts, correct FROM bank_totals
               WHERE attempts > 0 ORDER BY bank_id"""
        ).fetchall()
        assert (
            banks
            == conn.execute(
                """SELECT bank_id, count(*), sum(correct) FROM attempts WHERE retake_of IS NULL
               GROUP BY bank_id ORDER BY bank_id"""
            ).fetchall()
        )
        sessions = conn.execute(
            """SELECT s.id, s.attempts, s.correct,
                      (SELECT count(*) FROM attempts a
                       WHERE a.session_id = s.id AND a.retake_of IS NULL),
                      (SELECT coalesce(sum(correct), 0) FROM attempts a
                       WHERE a.session_id = s.id AND a.retake_of IS NULL)
               FROM sessions s"""
        ).fetchall()
        assert all(row[1:3] == row[3:5] for row in sessions)
        # every scheduled first answer has its review log, and only those
        assert conn.execute(
            """SELECT count(*) FROM attempts a LEFT JOIN review_log l ON l.attempt_id = a.id
               WHERE (a.cram = 0 AND a.retake_of IS NULL) <> (l.attempt_id IS NOT NULL)"""
        ).fetchone() == (0,)
        # a retake follows the undone attempt of its question, in its session
        assert conn.execute(
            """SELECT count(*) FROM attempts r JOIN attempts a ON a.id = r.retake_of
               WHERE NOT (a.undone AND a.session_id = r.session_id
                          AND a.question_id = r.question_id AND a.id < r.id)"""
        ).fetchone() == (0,)


def figures(store: Store) -> tuple[object, ...]:
    """Everything an undo must leave as it was: totals, session counts, schedules."""
    with store.reading() as conn:
        return tuple(
            conn.execute(sql).fetchall()
            for sql in (
                "SELECT * FROM day_totals ORDER BY day",
                "SELECT * FROM bank_totals ORDER BY bank_id",
                "SELECT id, attempts, correct FROM sessions ORDER BY id",
                "SELECT * FROM cards ORDER BY id",
                "SELECT count(*) FROM review_log",
            )
        )


@pytest.mark.parametrize("seed", range(5))
def test_random_walk_keeps_summaries_exact(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    clock = FakeClock()
    keys = {f"q{i}": "Seoul" for i in range(6)}
    with Store.open(tmp_path, clock=clock, fuzz=False) as store:
        sessions = [store.start_session("bank", "play"), store.start_session("other", "cram")]
        recorded = 0
        for _ in range(120):
            clock.advance(minutes=rng.choice((1, 10, 60 * 20, 60 * 24 * 3)))
            move = rng.random()
            if move < 0.15:
                session = rng.choice(sessions)
                before = figures(store)
                undone = store.undo_last(session)
                assert figures(store) == before  # the first answer keeps counting
                if undone is not None:
                    assert undone.undone
                    if rng.random() < 0.7:  # asked again and answered
                        clock.advance(seconds=5)
                        store.record(
                            replace(
                                undone,
                                undone=False,
                                retake=True,
                                answered_at=clock.now,
                                outcome=rng.choice(list(Outcome)),
                            ),
                            session_id=session,
                            cram=session == sessions[1],
                        )
                        assert figures(store) == before  # and the retake counts nowhere
                continue
            if move < 0.2:
                question = rng.choice(list(keys))
                keys[question] = rng.choice(("Seoul", "Busan"))  # the author changed it
            cram = move > 0.85
            question = rng.choice(list(keys))
            store.record(
                answer(
                    question,
                    bank_id="other" if cram else "bank",
                    at=clock.now,
                    outcome=rng.choice(list(Outcome)),
                    seconds=rng.uniform(1, 70),
                    key=keys[question],
                ),
                session_id=sessions[1] if cram else sessions[0],
                cram=cram,
            )
            recorded += 1
        assert recorded > 0
        assert_consistent(store)
        with store.reading() as conn:
            undone = conn.execute("SELECT count(*) FROM attempts WHERE undone").fetchone()[0]
            retakes = conn.execute(
                "SELECT count(*) FROM attempts WHERE retake_of IS NOT NULL"
            ).fetchone()[0]
        assert undone and retakes  # the walk went through both
