"""`quiz generate` on ten articles through the real command: one process for all ten against one
process per article, run in turn in the same benchmark.

What a teacher waits for is the command, not the pipeline: with one process per article spaCy
and its model are imported and loaded ten times (about 1.5 s each here), which is most of the
time for news-length articles. Both sides run ``python -m quiz generate`` as a user does, with a
fresh data dir per run (banks go into the library, as by default), so the only difference is
how many processes the ten articles take.
"""

from __future__ import annotations

import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: Ten news articles of ordinary length (416 to 987 words; 6,791 in all): the founding article
#: and the nine of ``tests/data/articles/heldout2``. Never the blind evaluation sets.
ARTICLES = [
    ROOT / "question_banks" / "japan-korea-summit-2025.txt",
    *sorted((ROOT / "tests" / "data" / "articles" / "heldout2").glob("*.txt")),
]

#: The figure a run of ten articles must reach through the command, including start-up.
TARGET_WORDS_PER_S = 1500


@dataclass(frozen=True)
class Runs:
    """Wall-clock seconds of each round, for the ten articles, on each side; and the CPU
    seconds of the one-process side (what an idle machine would show: two shared cores make
    the wall clock wait for other work)."""

    words: int
    one_process: list[float]
    per_article: list[float]
    one_process_cpu: list[float]

    def words_per_s(self, seconds: list[float]) -> list[float]:
        return [self.words / s for s in seconds]


def _quiz_generate(paths: list[Path], env: dict[str, str]) -> tuple[float, float]:
    """Seconds for ``quiz generate PATHS...`` into the library of ``env``'s data dir: wall
    clock and CPU (user + system) of the process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "quiz", "generate", *map(str, paths)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=900,
    )
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise RuntimeError(f"quiz generate failed ({result.returncode}): {result.stderr.strip()}")
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return seconds, cpu


def measure(work: Path, env_for: Callable[[Path], dict[str, str]], rounds: int) -> Runs:
    """``rounds`` rounds, each running all ten articles in one process and one process per
    article (which side goes first alternates), so a busy spell slows both alike."""
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in ARTICLES)

    def fresh(name: str) -> dict[str, str]:
        data_dir = work / name
        shutil.rmtree(data_dir, ignore_errors=True)
        return env_for(data_dir)

    _quiz_generate(ARTICLES[:1], fresh("warm-up"))  # bytecode, file cache
    one: list[float] = []
    one_cpu: list[float] = []
    per: list[float] = []
    for round_ in range(rounds):

        def all_in_one() -> None:
            wall, cpu = _quiz_generate(ARTICLES, fresh("one"))
            one.append(wall)
            one_cpu.append(cpu)

        def one_each() -> None:
            env = fresh("each")
            per.append(sum(_quiz_generate([p], env)[0] for p in ARTICLES))

        for side in (all_in_one, one_each) if round_ % 2 == 0 else (one_each, all_in_one):
            side()
    return Runs(words, one, per, one_cpu)


def spread(values: list[float]) -> str:
    """min / median / max, as words/s."""
    low, mid, high = min(values), statistics.median(values), max(values)
    return f"{low:,.0f} / {mid:,.0f} / {high:,.0f}"
