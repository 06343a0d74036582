"""Two versions of quiz through the user's command, in turn: is a change a gain?

A run of ``benchmarks/run.py`` compares quiz with a baseline; it cannot say whether a change
helped, because two runs minutes apart differ by more than most changes (±30 % on a shared
machine). This runs the same command from two source trees in turn, round after round, with
the hello-world app beside them, and prints the wall clock and the CPU time of each side to
its first paint (min / median / max). The other tree is usually a worktree of an older commit:

    git worktree add /tmp/perf-base HEAD~3
    .venv/bin/python benchmarks/versions.py /tmp/perf-base startup
    .venv/bin/python benchmarks/versions.py /tmp/perf-base startup -- --type multiple_choice
    .venv/bin/python benchmarks/versions.py /tmp/perf-base play-big

``python -m quiz`` is run with each tree as the working directory, so each imports its own
``quiz`` package; each side keeps its own data dir (the bank cache's format may differ). The
big bank is the one ``benchmarks/run.py`` generates (run ``--only play-big`` once first).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.terminal import run_until_painted  # noqa: E402

SHIPPED = "question_banks/japan-korea-summit-2025.yaml"
BIG = ROOT / "benchmarks" / ".data" / "big-100000" / "big.yaml"
QUESTION = "Question 1"
HELLO = "Hello from Textual"

Side = tuple[list[str], Path, dict[str, str], str]


def _env(data_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: bytecode cached
    env["QUIZ_DATA_DIR"] = str(data_dir)
    env["TERM"] = "xterm-256color"
    return env


def _run(side: Side) -> tuple[float, float]:
    """Wall and CPU seconds of one start, to its marker."""
    command, cwd, env, marker = side
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    here = Path.cwd()
    os.chdir(cwd)
    try:
        painted = run_until_painted(command, marker, env=env, timeout=900)
    finally:
        os.chdir(here)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return painted.seconds, cpu


def sides(base: Path, row: str, extra: Sequence[str], work: Path) -> dict[str, Side]:
    python = sys.executable
    trees = {"this": ROOT, "base": base}
    found: dict[str, Side] = {}
    for name, tree in trees.items():
        data = work / name
        banks = [("", tree / SHIPPED)]
        if row == "play-big":
            banks.insert(0, ("big ", BIG))
        for label, bank in banks:
            command = [python, "-m", "quiz", "play", str(bank), "--seed", "1", *extra]
            found[f"{label}{name}"] = (command, tree, _env(data), QUESTION)
    if row == "startup":
        hello = [python, str(ROOT / "benchmarks" / "hello_app.py")]
        found["hello"] = (hello, ROOT, _env(work / "this"), HELLO)
    return found


def _line(name: str, runs: list[tuple[float, float]]) -> str:
    wall = sorted(r[0] for r in runs)
    cpu = sorted(r[1] for r in runs)
    return (
        f"{name:12} wall {wall[0]:.3f} / {statistics.median(wall):.3f} / {wall[-1]:.3f} s   "
        f"CPU {cpu[0]:.3f} / {statistics.median(cpu):.3f} / {cpu[-1]:.3f} s"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base", type=Path, help="the other source tree (a git worktree)")
    parser.add_argument("row", choices=("startup", "play-big"))
    parser.add_argument("--rounds", type=int, default=15)
    given = list(sys.argv[1:] if argv is None else argv)
    extra = given[given.index("--") + 1 :] if "--" in given else []  # for quiz play
    args = parser.parse_args(given[: given.index("--")] if "--" in given else given)
    with tempfile.TemporaryDirectory(prefix="quiz-versions-") as work:
        found = sides(args.base.resolve(), args.row, extra, Path(work))
        for side in found.values():  # every cache built and warm before the clock runs
            _run(side)
            _run(side)
        runs: dict[str, list[tuple[float, float]]] = {name: [] for name in found}
        for _ in range(args.rounds):
            for name, side in found.items():
                runs[name].append(_run(side))
    print(f"# {args.rounds} rounds in turn, min / median / max")
    for name, measured in runs.items():
        print(_line(name, measured))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
