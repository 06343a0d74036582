"""The home screen on a first start with a large library: `quiz` in a real terminal, with the
folder index and the bank cache gone, until every bank is listed, against the same command on
the same library once the index knows it (the warm start), in turn.

A first start is what a teacher sees after copying a folder of banks in (or after an upgrade
that drops the caches): before issue 21, nothing showed for the 50 s that loading and checking
500 banks of 200 questions took. The home screen now lists them from a glance at each file and
checks them afterwards, saying so ("Checking new banks: N of M to go", shown once every bank
is listed): that line is the mark the clock stops at. The cold runs start from a data dir
without ``cache/`` each time (the bank files stay); the warm runs from one whose index was
completed beforehand by ``quiz banks``.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.synth import write_bank  # noqa: E402
from benchmarks.terminal import run_until_painted  # noqa: E402

#: The whole list is on screen: the home screen shows this once every bank has a row.
LISTED_MARKER = "Checking new banks"
#: The first synthetic bank's row (sorted after the shipped bank): the list of a warm start.
FIRST_ROW_MARKER = "Synthetic bank lib-0000"
TARGET_SECONDS = 2.0


def library(data: Path, banks: int, questions: int) -> Path:
    """The data dir of a library of ``banks`` synthetic banks (made once, then reused)."""
    data_dir = data / f"home-{banks}x{questions}"
    folder = data_dir / "banks"
    if not (folder / f"lib-{banks - 1:04d}.yaml").exists():
        for index in range(banks):
            write_bank(folder, f"lib-{index:04d}", questions, seed=index)
    return data_dir


def warm_index(env: dict[str, str]) -> None:
    """Complete the folder index of ``env``'s data dir with ``quiz banks``, which summarises
    every bank: a home screen stopped at its first paint would leave it half done."""
    subprocess.run(
        [sys.executable, "-m", "quiz", "banks"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        timeout=1800,
    )


@dataclass(frozen=True)
class HomeCold:
    """Seconds to the whole list, cold and warm, in the order they ran."""

    cold: list[float]
    warm: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.cold)

    @property
    def warm_median(self) -> float:
        return statistics.median(self.warm)

    @property
    def passed(self) -> bool:
        return self.median <= TARGET_SECONDS

    def describe(self) -> str:
        return (
            f"#   home, first start, s to every bank listed, min / median / max of "
            f"{len(self.cold)}: {_spread(self.cold)}; warm start {_spread(self.warm)}"
        )


def _spread(values: list[float]) -> str:
    return f"{min(values):.2f} / {statistics.median(values):.2f} / {max(values):.2f}"


def measure(
    data: Path,
    env_for: Callable[[Path], dict[str, str]],
    *,
    banks: int,
    questions: int,
    rounds: int,
) -> HomeCold:
    """``rounds`` cold starts and warm starts of ``quiz`` on the library, in turn."""
    warm_dir = library(data, banks, questions)
    warm_env = env_for(warm_dir)
    warm_index(warm_env)
    cold_dir = data / f"home-cold-{banks}x{questions}"
    cold_dir.mkdir(parents=True, exist_ok=True)
    link = cold_dir / "banks"
    if not link.exists():
        link.symlink_to(warm_dir / "banks", target_is_directory=True)
    cold_env = env_for(cold_dir)
    home = [sys.executable, "-m", "quiz"]
    cold: list[float] = []
    warm: list[float] = []
    for _ in range(rounds):
        shutil.rmtree(cold_dir / "cache", ignore_errors=True)
        cold.append(run_until_painted(home, LISTED_MARKER, env=cold_env, timeout=600).seconds)
        warm.append(run_until_painted(home, FIRST_ROW_MARKER, env=warm_env).seconds)
    return HomeCold(cold, warm)
