"""Several processes, and killed processes: every acknowledged answer survives, nothing is
ever "database is locked", the file stays sound."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quiz.store import Store
from tests.store.helpers import T0, FakeClock

ROOT = Path(__file__).resolve().parents[2]


def record_many(data_dir: str, worker: int, count: int) -> None:
    """Runs in a child process: its own store, its own session, shared questions."""
    from quiz.record import Answer, Outcome
    from quiz.store import Store

    with Store.open(Path(data_dir), clock=lambda: datetime.now(UTC), fuzz=False) as store:
        session = store.start_session("bank", "play")
        for i in range(count):
            store.record(
                Answer(
                    bank_id="bank",
                    question_id=f"q{i % 20}",  # both workers review the same 20 cards
                    question_type="true_false",
                    given=f"w{worker}-{i}",
                    outcome=Outcome.RIGHT if i % 3 else Outcome.WRONG,
                    seconds=5.0,
                    answered_at=datetime(2026, 11, 25, tzinfo=UTC) + timedelta(seconds=i),
                    answer_key="True",
                ),
                session_id=session,
            )
        store.end_session(session)


def test_two_processes_record_into_one_data_dir(data_dir: Path) -> None:
    context = multiprocessing.get_context("spawn")
    workers = [
        context.Process(target=record_many, args=(str(data_dir), worker, 200)) for worker in (1, 2)
    ]
    for process in workers:
        process.start()
    for process in workers:
        process.join(timeout=120)
    assert [process.exitcode for process in workers] == [0, 0]

    with Store.open(data_dir, clock=FakeClock()) as store:
        with store.reading() as conn:
            given = {row[0] for row in conn.execute("SELECT given FROM attempts")}
            reviews = conn.execute("SELECT count(*) FROM review_log").fetchone()[0]
            reps = conn.execute("SELECT sum(reps), count(*) FROM cards").fetchone()
            daily = conn.execute("SELECT sum(attempts) FROM day_totals").fetchone()[0]
            sessions = conn.execute("SELECT attempts FROM sessions ORDER BY id").fetchall()
        assert given == {f"w{w}-{i}" for w in (1, 2) for i in range(200)}
        assert (reviews, tuple(reps), daily) == (400, (400, 20), 400)
        assert sessions == [(200,), (200,)]
        assert store.integrity_check() == ["ok"]


CHILD = textwrap.dedent(
    """
    import sys
    from datetime import UTC, datetime, timedelta
    from pathlib import Path

    from quiz.record import Answer, Outcome
    from quiz.store import Store

    store = Store.open(Path(sys.argv[1]), clock=lambda: datetime.now(UTC), fuzz=False)
    session = store.start_session("bank", "play")
    for n in range(100_000):
        store.record(
            Answer(
                bank_id="bank",
                question_id=f"q{n % 7}",
                question_type="short_answer",
                given=f"answer-{n}",
                outcome=Outcome.RIGHT if n % 4 else Outcome.WRONG,
                seconds=12.5,
                answered_at=datetime(2026, 11, 25, tzinfo=UTC) + timedelta(seconds=n),
                answer_key="Seoul",
            ),
            session_id=session,
        )
        print(f"ACK {n}", flush=True)
    """
)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_every_acknowledged_answer_survives_kill_9(data_dir: Path, seed: int) -> None:
    script = data_dir.parent / "recorder.py"
    script.write_text(CHILD, encoding="utf-8")
    kill_after = random.Random(seed).randint(5, 120)
    child = subprocess.Popen(
        [sys.executable, str(script), str(data_dir)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        text=True,
    )
    acknowledged: list[int] = []
    try:
        assert child.stdout is not None
        for line in child.stdout:
            acknowledged.append(int(line.split()[1]))
            if len(acknowledged) >= kill_after:
                child.send_signal(signal.SIGKILL)  # mid-way through the next record()
                break
    finally:
        child.kill()
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert acknowledged == list(range(kill_after))

    with Store.open(data_dir, clock=FakeClock(T0)) as store:
        assert store.integrity_check() == ["ok"]
        with store.reading() as conn:
            given = {row[0] for row in conn.execute("SELECT given FROM attempts")}
            logs = conn.execute("SELECT count(*) FROM review_log").fetchone()[0]
            daily = conn.execute("SELECT sum(attempts) FROM day_totals").fetchone()[0]
    assert {f"answer-{n}" for n in acknowledged} <= given
    # an answer is all or nothing: its attempt, review log and day total commit together
    assert logs == daily == len(given)
