"""`quiz review` through the real command: from Enter to today's plan on screen, then Enter
again to the first question, against `quiz play` on the shipped bank run in turn.

The store is the synthetic one (100,000 cards, a million review logs) with its 100 banks of
1,000 questions in the library, so the command loads every bank, opens the scores and plans
the review (the answers given today, the due queue twice, the new questions, the due counts)
before anything but the loading indicator is on screen. This is what a learner with a big
library waits for each day; the review-queue row times one step of it (the queue calls) and
the store row a narrower step still, in the benchmark's own process.

The plan itself (:func:`quiz.review.plan_review`, on the review screen's worker thread) is
timed inside the command through ``QUIZ_TIMINGS`` (:mod:`quiz.timings`), wall clock and its
thread's CPU time: the second row.

The baseline is the start of `quiz play` on the shipped bank (70 questions) in the same data
dir, to its first question: the fixed cost of any start (interpreter, imports, the store, the
first paint), run in turn with the review so that a busy spell of the machine slows both.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.interleave import Spread, in_turn
from benchmarks.terminal import run_through, run_until_painted

PLAN = "Today's review"
QUESTION = "Question 1"
#: `quiz review` to its first question, over the big store and its 100 banks (median, s).
TARGET_SECONDS = 1.5
#: The plan inside that command (:func:`quiz.review.plan_review`, median wall clock, s).
TARGET_PLAN_SECONDS = 0.5


@dataclass(frozen=True)
class ReviewRuns:
    plan: Spread  # Enter to the plan on screen
    question: Spread  # Enter to the plan, then Enter again to the first question
    plan_cpu: Spread  # CPU seconds of the process when the plan showed
    planning: Spread  # wall-clock seconds of plan_review inside the command
    planning_cpu: Spread  # CPU seconds of its thread meanwhile
    shipped: Spread  # `quiz play` on the shipped bank to its first question, in turn


def review_command() -> list[str]:
    return [sys.executable, "-m", "quiz", "review", "--seed", "1"]


def play_command(bank: Path) -> list[str]:
    return [sys.executable, "-m", "quiz", "play", str(bank), "--seed", "1"]


def measure(
    data_dir: Path,
    shipped: Path,
    env_for: Callable[[Path], dict[str, str]],
    rounds: int,
) -> ReviewRuns:
    log = data_dir.parent / "review-command-timings.txt"
    env = {**env_for(data_dir), "QUIZ_TIMINGS": str(log)}
    steps = [(PLAN, b"\r"), (QUESTION, b"")]
    size = (100, 30)
    run_through(review_command(), steps, env=env, size=size, timeout=900)  # warm the caches
    run_until_painted(play_command(shipped), QUESTION, env=env)
    plans: list[float] = []
    cpu: list[float] = []
    planning: list[float] = []
    planning_cpu: list[float] = []

    def review() -> float:
        log.unlink(missing_ok=True)
        plan, question = run_through(review_command(), steps, env=env, size=size, timeout=900)
        plans.append(plan.seconds)
        cpu.append(plan.cpu_seconds)
        calls = [
            line.split()[1:]
            for line in log.read_text().splitlines()
            if line.startswith("plan_review ")
        ]
        if len(calls) != 1:
            raise RuntimeError(f"quiz review planned {len(calls)} times (QUIZ_TIMINGS not read?)")
        planning.append(float(calls[0][0]))
        planning_cpu.append(float(calls[0][1]))
        return question.seconds

    def play() -> float:
        return run_until_painted(play_command(shipped), QUESTION, env=env).seconds

    runs = in_turn({"review": review, "play": play}, rounds)
    return ReviewRuns(
        Spread(tuple(plans)),
        runs["review"],
        Spread(tuple(cpu)),
        Spread(tuple(planning)),
        Spread(tuple(planning_cpu)),
        runs["play"],
    )
