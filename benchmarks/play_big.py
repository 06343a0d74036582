"""`quiz play` on a 100,000-question bank in a real terminal, against the shipped bank's start
run in turn: warm (the bank cache built), to the first question; and the first play (a fresh
data dir each time), to the first thing on screen (the progress bar) and to the question.

The warm row is what a learner with a big bank waits for every day; the first play is what
they wait for once, and must not be a blank screen.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.interleave import Spread, in_turn
from benchmarks.terminal import run_until_painted

QUESTION = "Question 1"
#: What the first play shows while the cache is built (quiz/commands/loading.py).
PROGRESS = "for the first time"
#: Warm big-bank start against the shipped bank's start (ratio of medians).
TARGET_RATIO = 1.5
#: The first play must show something within this many seconds.
TARGET_FIRST_SIGN = 2.0


def _play(bank: Path) -> list[str]:
    return [sys.executable, "-m", "quiz", "play", str(bank), "--seed", "1"]


@dataclass(frozen=True)
class WarmRuns:
    big: Spread
    shipped: Spread
    big_cpu: Spread  # CPU seconds of each start, up to the paint
    shipped_cpu: Spread

    @property
    def cpu_ratio(self) -> float:
        """The ratio by CPU time: what a machine with a core free for each would show."""
        return self.big_cpu.median / self.shipped_cpu.median


def measure_warm(
    big: Path,
    shipped: Path,
    data_dir: Path,
    env_for: Callable[[Path], dict[str, str]],
    rounds: int,
) -> WarmRuns:
    env = env_for(data_dir)
    run_until_painted(_play(big), QUESTION, env=env, timeout=900)  # the cache, the library
    run_until_painted(_play(shipped), QUESTION, env=env)
    cpu: dict[str, list[float]] = {"big": [], "shipped": []}

    def start(name: str, bank: Path) -> float:
        painted = run_until_painted(_play(bank), QUESTION, env=env, timeout=900)
        cpu[name].append(painted.cpu_seconds)
        return painted.seconds

    runs = in_turn(
        {"big": lambda: start("big", big), "shipped": lambda: start("shipped", shipped)}, rounds
    )
    return WarmRuns(
        runs["big"], runs["shipped"], Spread(tuple(cpu["big"])), Spread(tuple(cpu["shipped"]))
    )


@dataclass(frozen=True)
class ColdRuns:
    first_sign: Spread  # Enter to the progress bar on screen
    question: Spread  # Enter to the first question
    shipped: Spread  # the shipped bank's (warm) start, in turn


def measure_cold(
    big: Path,
    shipped: Path,
    work: Path,
    env_for: Callable[[Path], dict[str, str]],
    rounds: int,
) -> ColdRuns:
    shipped_env = env_for(work / "shipped")
    run_until_painted(_play(shipped), QUESTION, env=shipped_env)
    questions: list[float] = []

    def first_play() -> float:
        data_dir = work / "cold"
        shutil.rmtree(data_dir, ignore_errors=True)
        sign = run_until_painted(_play(big), PROGRESS, env=env_for(data_dir), timeout=900)
        shutil.rmtree(data_dir, ignore_errors=True)
        questions.append(
            run_until_painted(_play(big), QUESTION, env=env_for(data_dir), timeout=900).seconds
        )
        return sign.seconds

    runs = in_turn(
        {
            "cold": first_play,
            "shipped": lambda: run_until_painted(_play(shipped), QUESTION, env=shipped_env).seconds,
        },
        rounds,
    )
    return ColdRuns(runs["cold"], Spread(tuple(questions)), runs["shipped"])
