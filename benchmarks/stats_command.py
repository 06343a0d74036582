"""`quiz stats --json` through the command, with a million review logs and 100 banks of 1,000
questions in the library (the banks match the synthetic store's cards: bank-00..bank-99, ids
q0000..q0999), against `quiz --version` (the interpreter and quiz's command line, nothing
else) run in turn.

This is what a script waits for: the process from start to the last byte of JSON, with the
banks' question ids read as the command reads them (the folder index, warm after the first
run), not the in-process figures alone.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.interleave import Spread, in_turn, run_command
from benchmarks.synth import write_bank

#: The figure a user's command must reach (median, seconds).
TARGET_SECONDS = 0.3


@dataclass(frozen=True)
class StatsRuns:
    stats: Spread
    version: Spread


def library_for_store(data_dir: Path, banks: int, questions: int) -> None:
    """``banks`` banks of ``questions`` each in ``data_dir/banks``, named as the synthetic
    store names its cards (written once)."""
    folder = data_dir / "banks"
    if (folder / f"bank-{banks - 1:02d}.yaml").exists():
        return
    for index in range(banks):
        write_bank(folder, f"bank-{index:02d}", questions, seed=index, question_id="q{:04d}")


def measure(data_dir: Path, env_for: Callable[[Path], dict[str, str]], rounds: int) -> StatsRuns:
    env = env_for(data_dir)
    stats = [sys.executable, "-m", "quiz", "stats", "--json"]
    version = [sys.executable, "-m", "quiz", "--version"]
    run_command(stats, env, timeout=1800)  # the first run indexes the banks (and caches them)
    run_command(version, env)
    runs = in_turn(
        {"stats": lambda: run_command(stats, env), "version": lambda: run_command(version, env)},
        rounds,
    )
    return StatsRuns(runs["stats"], runs["version"])
