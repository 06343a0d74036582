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

#: Needed with the first answer, not before the first question is on screen: the answer and its
#: outcome (``quiz.record``), a session's results. The app starts its session with its own
#: recorder, so neither a memory recorder nor these are made before the first paint.
FIRST_ANSWER = (
    "quiz.record",
    "quiz.marking",
    "quiz.marking.outcome",
    "quiz.session.results",
    "quiz.grading",
    "quiz.tui.progress",  # the home screen's: quiz play is given the scores themselves
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


#: The same command line, run on until the quiz screen, its first question composed, is
#: mounted (just before the first paint), headless: what the app itself imports on the way.
MOUNTED_PROBE = f"""
import os
import sys
import textual.app

_run = textual.app.App.run

def run(self, *args, **kwargs):
    from quiz.tui.screens.quiz import QuizScreen

    def on_mount(screen):
        later = {LATER!r} + {FIRST_ANSWER!r}
        print(sorted(m for m in later if m in sys.modules), flush=True)
        os._exit(0)

    QuizScreen.on_mount = on_mount
    kwargs["headless"] = True
    return _run(self, *args, **kwargs)

textual.app.App.run = run

class _Terminal:
    def __init__(self, stream):
        self._stream = stream
    def isatty(self):
        return True
    def __getattr__(self, name):
        return getattr(self._stream, name)

sys.stdin, sys.stdout = _Terminal(sys.stdin), _Terminal(sys.stdout)
from quiz.cli import main
main(sys.argv[1:])
print("the quiz screen was never mounted")
"""


def _imported_before_the_app_runs(data_dir: Path, *argv: str, probe: str = PROBE) -> str:
    env = {**os.environ, "QUIZ_DATA_DIR": str(data_dir)}
    result = subprocess.run(
        [sys.executable, "-c", probe, *argv],
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


def test_the_first_question_is_composed_without_the_answer_modules(tmp_path: Path) -> None:
    """Up to the quiz screen mounted with its first question: nothing of :data:`LATER`, and
    nothing only an answer needs (:data:`FIRST_ANSWER`); the scores are opened after the
    paint, and the answer's modules with the first answer."""
    argv = ("play", str(FOUNDING), "--seed", "1")
    _imported_before_the_app_runs(tmp_path, *argv)
    assert _imported_before_the_app_runs(tmp_path, *argv, probe=MOUNTED_PROBE) == "[]"


def test_the_app_is_one_textual_app_class() -> None:
    """Textual processes every ``App`` subclass when it is defined (0.15-0.3 ms each): the
    app's layers are plain classes at run time, and only ``QuizApp`` derives from ``App``."""
    from textual.app import App

    from quiz.tui.app import QuizApp

    ours = [c for c in QuizApp.__mro__ if issubclass(c, App) and c.__module__.startswith("quiz")]
    assert ours == [QuizApp]
