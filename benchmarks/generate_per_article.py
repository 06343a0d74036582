"""`quiz generate` per article through the real command, against spaCy's parse of the same text.

Issue 21 asks that drafting a bank cost at most 1.3x spaCy's own parse of the article, on every
article, and measured where a teacher waits: ``quiz generate A B C …`` in one process, each
article read, drafted and written as the command does it. The command times each article
inside itself when ``QUIZ_TIMINGS`` names a file (``quiz.commands.generate.many``,
``generate.article``: from reading the file to the bank written). The baseline is a process of
its own that loads the same model and parses each article's text with ``nlp(text)``, in the same
order. The two run in turn, which side goes first alternating, and each article's figure is
its best of the rounds on each side (a busy spell only ever adds time), so a row shows the
article whose ratio is worst as well as the median.

The baseline is spaCy's pipeline as installed (``quiz.generate.nlp.load_pipeline``). quiz
drafts with a quicker copy of it (``load_model``: the lemmatizer's word lists as sets), so a
third side parses with that copy alone, and the row prints the ratio against it too: what
drafting costs beyond quiz's own parse, so that no one mistakes a quicker parse for a quicker
generator.

The first article of a process pays what the process loads on its first use (spaCy's lazy
initialisation, on both sides). What ``quiz generate`` loads once for all its articles (the
model, lemminflect's tables, the item review's modules: ``quiz.generate.pipeline.prepare``) it
loads before the first, under its "Loading the English language model…" line, as the baseline
loads its model before its first parse; that time is the user's too, and the ``generate`` row
(the whole command, words a second) keeps it in its figure.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

# the same ten articles as ``generate_many``: the founding article and the nine of
# ``tests/data/articles/heldout2`` (416 to 987 words), never the blind evaluation sets
from benchmarks.generate_many import ARTICLES

ROOT = Path(__file__).resolve().parent.parent

TARGET_RATIO = 1.3

#: The baseline's process: spaCy's model as installed (``stock``) or as quiz drafts with
#: (``tuned``), each article's text as quiz reads it, ``nlp(text)`` timed on the thread's CPU
#: clock and the wall clock, printed as JSON.
_SPACY_ALONE = """
import json, sys, time
from quiz.generate.nlp import load_model, load_pipeline
from quiz.generate.source_input import read_article
nlp = load_pipeline() if sys.argv[1] == "stock" else load_model()
out = []
for path in sys.argv[2:]:
    text = read_article(path).text
    started, cpu = time.perf_counter(), time.thread_time()
    nlp(text)
    out.append([time.perf_counter() - started, time.thread_time() - cpu])
print(json.dumps(out))
"""


@dataclass(frozen=True)
class PerArticle:
    """Best wall-clock seconds of each article on each side, in article order: quiz, spaCy as
    installed, and spaCy as quiz loads it."""

    quiz: list[float]
    spacy: list[float]
    tuned: list[float]

    @property
    def ratios(self) -> list[float]:
        return [q / s for q, s in zip(self.quiz, self.spacy, strict=True)]

    @property
    def ratios_to_tuned(self) -> list[float]:
        return [q / s for q, s in zip(self.quiz, self.tuned, strict=True)]


def _quiz_generate(paths: list[Path], env: dict[str, str]) -> list[float]:
    """Seconds per article inside ``quiz generate PATHS… -o FOLDER``, from the command's own
    timings."""
    with tempfile.TemporaryDirectory() as scratch:
        timings = Path(scratch) / "timings.txt"
        result = subprocess.run(
            [sys.executable, "-m", "quiz", "generate", *map(str, paths), "-o", scratch + "/out"],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**env, "QUIZ_TIMINGS": str(timings)},
            timeout=900,
        )
        if result.returncode != 0:
            raise RuntimeError(f"quiz generate failed ({result.returncode}): {result.stderr}")
        lines = [ln.split() for ln in timings.read_text(encoding="utf-8").splitlines()]
    seconds = [float(wall) for name, wall, _cpu in lines if name == "generate.article"]
    if len(seconds) != len(paths):
        raise RuntimeError(f"expected {len(paths)} article timings, got {len(seconds)}")
    return seconds


def _spacy_alone(paths: list[Path], env: dict[str, str], pipeline: str) -> list[float]:
    result = subprocess.run(
        [sys.executable, "-c", _SPACY_ALONE, pipeline, *map(str, paths)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=900,
    )
    if result.returncode != 0:
        raise RuntimeError(f"spaCy alone failed ({result.returncode}): {result.stderr}")
    return [wall for wall, _cpu in json.loads(result.stdout)]


def measure(data_dir: Path, rounds: int, paths: list[Path] = ARTICLES) -> PerArticle:
    """``rounds`` rounds of both sides in turn; each article's best time on each side."""
    shutil.rmtree(data_dir, ignore_errors=True)
    env = {**os.environ, "QUIZ_DATA_DIR": str(data_dir), "PYTHONPATH": str(ROOT)}
    env.pop("QUIZ_TIMINGS", None)
    quiz_runs: list[list[float]] = []
    spacy_runs: list[list[float]] = []
    tuned_runs: list[list[float]] = []
    for round_ in range(rounds):
        sides = [
            lambda: quiz_runs.append(_quiz_generate(paths, env)),
            lambda: spacy_runs.append(_spacy_alone(paths, env, "stock")),
            lambda: tuned_runs.append(_spacy_alone(paths, env, "tuned")),
        ]
        for side in sides if round_ % 2 == 0 else sides[::-1]:
            side()

    def best(runs: list[list[float]]) -> list[float]:
        return [min(run[i] for run in runs) for i in range(len(paths))]

    return PerArticle(quiz=best(quiz_runs), spacy=best(spacy_runs), tuned=best(tuned_runs))


def describe(runs: PerArticle, paths: list[Path] = ARTICLES) -> str:
    """One line per article (ratio, both times), worst first."""
    sides = (runs.ratios, runs.ratios_to_tuned, runs.quiz, runs.spacy, runs.tuned, paths)
    rows = sorted(zip(*sides, strict=True), key=lambda r: -r[0])
    return "\n".join(
        f"#   {ratio:.2f}  quiz {q * 1000:6.0f} ms  spaCy {s * 1000:6.0f} ms"
        f"  (quiz's parse {t * 1000:6.0f} ms: {to_tuned:.2f})  {p.name}"
        for ratio, to_tuned, q, s, t, p in rows
    )


def summary(runs: PerArticle) -> str:
    def spread(ratios: list[float]) -> str:
        return f"{min(ratios):.2f} / {statistics.median(ratios):.2f} / {max(ratios):.2f}"

    return (
        f"per-article ratio min / median / max: {spread(runs.ratios)} against spaCy as "
        f"installed; {spread(runs.ratios_to_tuned)} against quiz's own parse"
    )
