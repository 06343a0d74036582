"""Shared by the rows that run a user's command: sides run in turn, and min / median / max.

A row compares a command with a baseline measured in the same run, alternating which goes first
each round, so that a busier spell of this shared two-core machine slows both alike; the row
prints min / median / max of each side, because one figure hides how much a run moves here.
"""

from __future__ import annotations

import statistics
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Spread:
    """Repeated measurements of one side, in seconds (or whatever ``unit`` says)."""

    values: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    def describe(self, scale: float = 1.0, unit: str = "s", digits: int = 3) -> str:
        """``min / median / max UNIT (of N)``, each value times ``scale``."""
        low, mid, high = (
            f"{v * scale:.{digits}g}" for v in (min(self.values), self.median, max(self.values))
        )
        return f"{low} / {mid} / {high} {unit} (min / median / max of {len(self.values)})"


def in_turn(sides: Mapping[str, Callable[[], float]], rounds: int) -> dict[str, Spread]:
    """Run every side once per round, the order rotating each round; each side returns the
    figure of one run."""
    names = list(sides)
    values: dict[str, list[float]] = {name: [] for name in names}
    for round_ in range(rounds):
        shift = round_ % len(names)
        for name in names[shift:] + names[:shift]:
            values[name].append(sides[name]())
    return {name: Spread(tuple(v)) for name, v in values.items()}


def run_command(command: Sequence[str], env: dict[str, str], timeout: float = 600) -> float:
    """Wall-clock seconds of ``command`` run to its end, as a script runs it (output read and
    thrown away); raises if it fails."""
    started = time.perf_counter()
    result = subprocess.run(
        list(command),
        capture_output=True,
        env=env,
        cwd=ROOT,
        timeout=timeout,
        check=False,
    )
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command)} failed ({result.returncode}): {result.stderr.decode()[-800:]}"
        )
    return seconds
