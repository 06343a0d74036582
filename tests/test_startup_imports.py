"""`quiz play` imports nothing before its first question that the first question does not need.

Start-up is measured against a hello-world Textual app (benchmarks/startup.py); every module
on the path costs a learner's wait. The probe runs the real command line in a fresh interpreter
and stops where the app would start running, then names the heavy modules already imported.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOUNDING = ROOT / "question_banks" / "japan-korea-summit-2025.yaml"

#: Needed later (the scores, grading, other screens, the YAML parser on a cache miss) or never:
#: argparse (and gettext, which it imports) only for a line :func:`quiz.commands.play.quick_args`
#: leaves to the parser; the big session's ordering only above 2,000 questions.
LATER = (
    "argparse",
    "gettext",
    "quiz.session.as_it_goes",
    "json",
    "yaml",
    "sqlite3",
    "quiz.store",
    "quiz.recording.scores",
    "quiz.stats",
    "quiz.srs",
    "quiz.grading",
    "quiz.bank.loader",
    "quiz.bank.validate",
    "quiz.export",
    "quiz.tui.screens.home",
    "quiz.tui.screens.stats",
    "quiz.tui.screens.review",
    "quiz.tui.screens.summary",
    "quiz.tui.screens.dialogs",
)

PROBE = f"""
import sys
import textual.app

def run(self, *args, **kwargs):
    print(sorted(m for m in {LATER!r} if m in sys.modules))
    raise SystemExit(0)

textual.app.App.run = run

class _Terminal:  # the probe's pipes stand for the terminal quiz play needs
    def __init__(self, stream):
        self._stream = stream
    def isatty(self):
        return True
    def __getattr__(self, name):
        return getattr(self._stream, name)

sys.stdin, sys.stdout = _Terminal(sys.stdin), _Terminal(sys.stdout)
from quiz.cli import main
main(sys.argv[1:])
"""


def _imported_before_the_app_runs(data_dir: Path, *argv: str) -> str:
    env = {**os.environ, "QUIZ_DATA_DIR": str(data_dir)}
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *argv],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        cwd=ROOT,
    )
    return result.stdout.strip()


def test_quiz_play_loads_neither_scores_nor_parser_nor_other_screens(tmp_path: Path) -> None:
    argv = ("play", str(FOUNDING), "--seed", "1")
    _imported_before_the_app_runs(tmp_path, *argv)  # the first start parses and caches the bank
    assert _imported_before_the_app_runs(tmp_path, *argv) == "[]"


def test_quiz_play_by_id_also_reads_no_registry(tmp_path: Path) -> None:
    """By its id the bank is found in the folders; the library's registry (JSON) is not read."""
    argv = ("play", FOUNDING.stem, "--seed", "1")
    _imported_before_the_app_runs(tmp_path, *argv)
    assert _imported_before_the_app_runs(tmp_path, *argv) == "[]"


def test_the_app_is_one_textual_app_class() -> None:
    """Textual processes every ``App`` subclass when it is defined (0.15-0.3 ms each): the
    app's layers are plain classes at run time, and only ``QuizApp`` derives from ``App``."""
    from textual.app import App

    from quiz.tui.app import QuizApp

    ours = [c for c in QuizApp.__mro__ if issubclass(c, App) and c.__module__.startswith("quiz")]
    assert ours == [QuizApp]
