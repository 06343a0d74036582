"""Kill the real app with SIGKILL at random moments of a quiz; every answer it acknowledged on
screen is in the database, and the database is sound.

Each run starts ``python -m quiz play BANK --seed S --type true_false --type multiple_choice``
in a pseudo-terminal on a fresh data dir, answers a random number of questions by keys
(right or wrong at random), reading the terminal to know when each answer's feedback is
painted (= acknowledged), then presses the next answer and kills the process after a random
delay of 0-250 ms (an answer takes roughly 50-150 ms from key to painted feedback here):
sometimes before the answer is saved, sometimes between the commit and the paint, sometimes
after. Then: ``PRAGMA integrity_check`` is "ok", the attempts are exactly the
first *m* questions of the (seeded, hence known) quiz, in order, with *m* at least the number
acknowledged and at most the number of answers sent.

Runs: ``KILL_RUNS`` in the quick suite, ``KILL_RUNS_SLOW`` more marked ``slow``
(``pytest -m slow tests/reliability``; plain ``pytest``, as ``.ci/run`` calls it, runs both).
"""

from __future__ import annotations

import random
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from quiz.bank import load_bank
from quiz.session import Options, Session
from quiz.store import Store
from tests.conftest import FOUNDING_BANK
from tests.reliability.pty_app import VERDICT, AppInPty, answer_keys

KILL_RUNS = 5  # each run takes a few seconds (interpreter, Textual start-up, answers)
KILL_RUNS_SLOW = 20
TYPES = ("true_false", "multiple_choice")


@dataclass
class Outcome:
    sent: int  # answers whose keys were sent
    acknowledged: int  # answers whose feedback was painted before the kill
    saved: int
    question_ids: list[str]
    latencies: list[float]  # seconds from an answer's key to its painted feedback


def expected_order(seed: int) -> list:
    bank = load_bank(FOUNDING_BANK)
    return [item.question for item in Session.start(bank, Options(seed=seed, types=TYPES)).items]


def one_run(data_dir: Path, seed: int) -> Outcome:
    rng = random.Random(seed)
    questions = expected_order(seed)
    answers = rng.randint(0, 12)
    delay = rng.uniform(0, 0.25)
    app = AppInPty(
        ["play", str(FOUNDING_BANK), "--seed", str(seed), "--type", TYPES[0], "--type", TYPES[1]],
        data_dir,
    )
    sent = acknowledged = 0
    latencies: list[float] = []
    try:
        app.wait_for(r"Question 1(?!\d)")
        for n in range(answers):
            app.send(answer_keys(questions[n], right=rng.random() < 0.7))
            sent += 1
            started = time.monotonic()
            app.wait_for(VERDICT)
            latencies.append(time.monotonic() - started)
            acknowledged += 1
            app.send("\r")
            app.wait_for(rf"Question {n + 2}(?!\d)")
        mark = len(app.text)
        app.send(answer_keys(questions[answers], right=True))  # and kill while it is saved
        sent += 1
        time.sleep(delay)
        app.kill()
        # painted before it died (a verdict may be painted more than once: count the answer once)
        acknowledged += VERDICT.search(app.text, mark) is not None
    finally:
        app.close()
    ids, per_session = saved_attempts(data_dir)
    assert len(per_session) <= 1, per_session
    assert acknowledged <= len(ids) <= sent, (acknowledged, ids, sent)
    assert ids == [q.id for q in questions[: len(ids)]]
    return Outcome(sent, acknowledged, len(ids), ids, latencies)


def saved_attempts(data_dir: Path) -> tuple[list[str], list[tuple[int]]]:
    """The question ids saved, in order, and the answers per session. The scores are opened
    once the first question is painted, so a kill may come before the file exists, or while
    it is made: then nothing was acknowledged, and the file must still open as scores."""
    db = data_dir / "quiz.db"
    if not db.exists():
        return [], []
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        if "attempts" in tables:
            ids = [row[0] for row in conn.execute("SELECT question_id FROM attempts ORDER BY id")]
            per_session = conn.execute(
                "SELECT count(*) FROM attempts GROUP BY session_id"
            ).fetchall()
        else:
            ids, per_session = [], []
    Store.open(data_dir).close()  # a file killed while being made still opens
    return ids, per_session


def run_many(tmp_path: Path, seeds: range) -> list[Outcome]:
    outcomes = []
    for seed in seeds:
        outcomes.append(one_run(tmp_path / f"run-{seed}", seed))
    acknowledged = sum(o.acknowledged for o in outcomes)
    saved = sum(o.saved for o in outcomes)
    latencies = sorted(t for o in outcomes for t in o.latencies)
    median = latencies[len(latencies) // 2] * 1000 if latencies else float("nan")
    print(
        f"\nkill test: {len(outcomes)} runs, {acknowledged} answers acknowledged, "
        f"{saved} saved, 0 lost; the last answer sent was saved but not yet shown in "
        f"{sum(o.saved > o.acknowledged for o in outcomes)} runs, not yet saved in "
        f"{sum(o.saved < o.sent for o in outcomes)} runs, after it was shown in "
        f"{sum(o.acknowledged == o.sent for o in outcomes)} runs; key to feedback: median "
        f"{median:.0f} ms"
    )
    return outcomes


def test_every_acknowledged_answer_survives_sigkill(tmp_path: Path) -> None:
    outcomes = run_many(tmp_path, range(1, KILL_RUNS + 1))
    assert sum(o.acknowledged for o in outcomes) > KILL_RUNS  # the test did answer things


@pytest.mark.slow
def test_every_acknowledged_answer_survives_sigkill_more(tmp_path: Path) -> None:
    run_many(tmp_path, range(1001, 1001 + KILL_RUNS_SLOW))
