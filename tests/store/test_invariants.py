"""Random walks of record / cram / undo / answer-key changes: the summary tables (day and bank
totals, session counts) always equal what the raw rows say, and undoing everything leaves
nothing."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from quiz.record import Outcome
from quiz.store import Store
from tests.store.helpers import FakeClock, answer


def assert_consistent(store: Store) -> None:
    with store.reading() as conn:
        days = conn.execute(
            """SELECT day, attempts, correct, reviews, recalled FROM day_totals
               WHERE attempts > 0 ORDER BY day"""
        ).fetchall()
        assert days == conn.execute(
            """SELECT a.day, count(*), sum(a.correct),
                      coalesce(sum(l.state_before = 2), 0),
                      coalesce(sum(l.state_before = 2 AND l.rating > 1), 0)
               FROM attempts a LEFT JOIN review_log l ON l.attempt_id = a.id
               GROUP BY a.day ORDER BY a.day"""
        ).fetchall()
        banks = conn.execute(
            """SELECT bank_id, attempts, correct FROM bank_totals
               WHERE attempts > 0 ORDER BY bank_id"""
        ).fetchall()
        assert banks == conn.execute(
            """SELECT bank_id, count(*), sum(correct) FROM attempts
               GROUP BY bank_id ORDER BY bank_id"""
        ).fetchall()
        sessions = conn.execute(
            """SELECT s.id, s.attempts, s.correct,
                      (SELECT count(*) FROM attempts a WHERE a.session_id = s.id),
                      (SELECT coalesce(sum(correct), 0) FROM attempts a
                       WHERE a.session_id = s.id)
               FROM sessions s"""
        ).fetchall()
        assert all(row[1:3] == row[3:5] for row in sessions)
        # every scheduled answer has its review log, and only those
        assert conn.execute(
            """SELECT count(*) FROM attempts a LEFT JOIN review_log l ON l.attempt_id = a.id
               WHERE (a.cram = 0) <> (l.attempt_id IS NOT NULL)"""
        ).fetchone() == (0,)


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
                store.undo_last(rng.choice(sessions))
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

        for session in sessions:
            while store.undo_last(session) is not None:
                pass
        assert_consistent(store)
        with store.reading() as conn:
            assert conn.execute("SELECT count(*) FROM cards").fetchone() == (0,)
            assert conn.execute("SELECT count(*) FROM review_log").fetchone() == (0,)
            assert conn.execute("SELECT sum(attempts) FROM day_totals").fetchone() == (0,)
            assert conn.execute("SELECT sum(attempts) FROM bank_totals").fetchone() == (0,)
