"""The due queue as `quiz review` builds it, timed inside the real command.

`quiz review` runs in a pseudo-terminal over the synthetic store (100,000 cards, a million
review logs) and its 100 banks, until today's review is on the screen. The command builds
its plan with :func:`quiz.store.queue.due_queue` (twice: once to see which due siblings to
bury, once for the queue itself); with ``QUIZ_TIMINGS`` set, each call's wall-clock and CPU
time is appended to a file (:mod:`quiz.timings`), which is read here after each run. The
figure is the median wall-clock time of one call, as the command makes it: on the review
screen's worker thread, beside the app's own thread, with the garbage collector walking the
banks' objects when a collection falls inside the call; the CPU time beside it is what the
queue itself costs. The baseline, measured in turn
with the runs, is the bare indexed SQL of the 200 most overdue cards on the same database.
"""

from __future__ import annotations

import sqlite3
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.interleave import Spread, in_turn
from benchmarks.terminal import run_until_painted

#: The figure the queue must reach (median wall-clock ms of one due_queue call).
TARGET_MS = 5.0
MARKER = "Today's review"


@dataclass(frozen=True)
class QueueRuns:
    per_plan: Spread  # seconds of all due_queue calls of one plan
    per_call: Spread  # seconds of each call
    per_call_cpu: Spread  # CPU seconds of each call (its thread's)
    painted: Spread  # seconds from Enter to the plan on screen
    bare_sql: Spread  # seconds of the bare indexed query
    cards: int


def measure(data_dir: Path, env_for: Callable[[Path], dict[str, str]], rounds: int) -> QueueRuns:
    log = data_dir.parent / "review-timings.txt"
    env = {**env_for(data_dir), "QUIZ_TIMINGS": str(log)}
    command = [sys.executable, "-m", "quiz", "review"]
    run_until_painted(command, MARKER, env=env, size=(100, 30), timeout=900)  # warm caches
    per_plan: list[float] = []
    per_call: list[float] = []
    per_call_cpu: list[float] = []
    conn = sqlite3.connect(data_dir / "quiz.db")
    cards = int(conn.execute("SELECT count(*) FROM cards").fetchone()[0])
    now = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime())

    def review() -> float:
        log.unlink(missing_ok=True)
        painted = run_until_painted(command, MARKER, env=env, size=(100, 30), timeout=900)
        calls = [
            line.split()[1:]
            for line in log.read_text().splitlines()
            if line.startswith("due_queue ")
        ]
        if not calls:
            raise RuntimeError("quiz review built no due queue (QUIZ_TIMINGS not read?)")
        per_plan.append(sum(float(wall) for wall, _ in calls))
        per_call.extend(float(wall) for wall, _ in calls)
        per_call_cpu.extend(float(cpu) for _, cpu in calls)
        return painted.seconds

    def bare() -> float:
        started = time.perf_counter()
        conn.execute(
            """SELECT bank_id, question_id, due, state FROM cards WHERE due <= ?
               ORDER BY due, id LIMIT 200""",
            (now,),
        ).fetchall()
        return time.perf_counter() - started

    runs = in_turn({"review": review, "bare": bare}, rounds)
    conn.close()
    return QueueRuns(
        Spread(tuple(per_plan)),
        Spread(tuple(per_call)),
        Spread(tuple(per_call_cpu)),
        runs["review"],
        runs["bare"],
        cards,
    )
