"""Start-up through the user's command: `quiz play BANK` in a real terminal until the first
question is painted, against a hello-world Textual app started the same way, in turn.

What a learner waits for is the command from Enter to the first question, so both sides are
whole processes in an 80x24 pseudo-terminal (:mod:`benchmarks.terminal`): interpreter start,
imports, the first paint. Runs alternate (quiz, hello, quiz, hello...) so that a busier spell of
the machine slows both alike, and the figure is the ratio of the two medians.

The run-to-run spread is estimated inside the run, by resampling its pairs (a seeded bootstrap
of the ratio of medians): the spread is the width of the middle 90 % of the resampled ratios,
how far another run of as many pairs on the same machine would land from this one. The row
passes only when the ratio is under the target by more than that spread, so a second run on a
busy machine stays under it too.
"""

from __future__ import annotations

import random
import resource
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.terminal import run_until_painted  # noqa: E402

FOUNDING = ROOT / "question_banks" / "japan-korea-summit-2025.yaml"
HELLO = ROOT / "benchmarks" / "hello_app.py"
PLAY_MARKER = "Question 1"
HELLO_MARKER = "Hello from Textual"
TARGET = 1.1
RESAMPLES = 2000


def play_command(bank: Path = FOUNDING) -> list[str]:
    """``quiz play BANK`` as a user types it (``python -m quiz`` is the installed ``quiz``)."""
    return [sys.executable, "-m", "quiz", "play", str(bank), "--seed", "1"]


def hello_command() -> list[str]:
    return [sys.executable, str(HELLO)]


@dataclass(frozen=True)
class Timed:
    """One start: wall-clock seconds to the paint, and the CPU seconds the process used."""

    wall: float
    cpu: float


def timed_start(command: list[str], marker: str, env: dict[str, str]) -> Timed:
    """Run ``command`` until ``marker`` is painted; its wall clock and its CPU time (the child is
    killed and reaped at the paint, so its CPU time is what it spent up to then)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    painted = run_until_painted(command, marker, env=env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timed(painted.seconds, cpu)


@dataclass(frozen=True)
class Startup:
    """The runs of both sides, in the order they ran."""

    quiz: list[Timed]
    hello: list[Timed]

    @property
    def ratio(self) -> float:
        return _median(self.quiz, "wall") / _median(self.hello, "wall")

    @property
    def cpu_ratio(self) -> float:
        return _median(self.quiz, "cpu") / _median(self.hello, "cpu")

    def resampled_ratios(self) -> list[float]:
        """Ratios of medians of :data:`RESAMPLES` resamplings of the pairs (with replacement,
        seeded: the same runs always give the same spread), sorted."""
        rng = random.Random(1)
        pairs = list(zip(self.quiz, self.hello, strict=True))
        ratios = []
        for _ in range(RESAMPLES):
            sample = rng.choices(pairs, k=len(pairs))
            quiz = statistics.median(q.wall for q, _ in sample)
            hello = statistics.median(h.wall for _, h in sample)
            ratios.append(quiz / hello)
        return sorted(ratios)

    @property
    def spread(self) -> float:
        """The width of the middle 90 % of the resampled ratios."""
        ratios = self.resampled_ratios()
        return ratios[int(0.95 * len(ratios))] - ratios[int(0.05 * len(ratios))]

    @property
    def passed(self) -> bool:
        return TARGET - self.ratio > self.spread

    def describe(self) -> str:
        """The lines printed above the row: min / median / max of each side, and the spread."""
        return (
            f"#   quiz play, s, min / median / max of {len(self.quiz)}: {_spread(self.quiz)}; "
            f"hello-world app: {_spread(self.hello)}\n"
            f"#   ratio of medians {self.ratio:.2f}, run-to-run spread {self.spread:.2f} (middle "
            f"90 % of {RESAMPLES} resamplings of the pairs); by CPU time {self.cpu_ratio:.2f}; "
            f"passes when {TARGET} - ratio > spread"
        )


def _median(runs: list[Timed], field: str) -> float:
    return statistics.median(getattr(run, field) for run in runs)


def _spread(runs: list[Timed]) -> str:
    walls = [run.wall for run in runs]
    return f"{min(walls):.3f} / {statistics.median(walls):.3f} / {max(walls):.3f}"


def measure(env: dict[str, str], pairs: int) -> Startup:
    """``pairs`` starts of each side, in turn, after one unmeasured start of each (the bank's
    cache and the data dir are made then, as on any start after the first).

    Which side starts a pair alternates (quiz first in even pairs, the hello-world app first in
    odd ones), so that neither always runs straight after the other's exit (its page cache,
    its killed process being reaped, the core's state): both sides are treated alike."""
    run_until_painted(play_command(), PLAY_MARKER, env=env)
    run_until_painted(hello_command(), HELLO_MARKER, env=env)
    quiz: list[Timed] = []
    hello: list[Timed] = []
    for pair in range(pairs):
        if pair % 2 == 0:
            quiz.append(timed_start(play_command(), PLAY_MARKER, env))
            hello.append(timed_start(hello_command(), HELLO_MARKER, env))
        else:
            hello.append(timed_start(hello_command(), HELLO_MARKER, env))
            quiz.append(timed_start(play_command(), PLAY_MARKER, env))
    return Startup(quiz, hello)
