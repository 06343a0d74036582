"""``quiz`` with no command: the home screen. Also starts the app for ``quiz play``."""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse
    from types import SimpleNamespace

    from quiz.tui.config import StartAuthor, StartHome, StartPlay, StartReview, StartStats


def needs_a_terminal(instead: str) -> None:
    """Refuse to start the app without a terminal on both ends: piped or redirected, it wrote
    its screens as escape codes into the file and waited for keys that never came (``quiz stats
    > progress.txt`` hung; a new-user walk-through, session 8)."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        from quiz.errors import QuizError

        said = "this command shows a screen, and its input or output is not a terminal"
        raise QuizError(f"{said}: {instead}" if instead else said)


def run_home(args: argparse.Namespace | SimpleNamespace) -> int:
    from quiz.commands.options import resolve_data_dir
    from quiz.tui.config import StartHome

    return launch(resolve_data_dir(args), StartHome())


def launch(
    data_dir: Path,
    start: StartHome | StartPlay | StartStats | StartReview | StartAuthor,
    *,
    recover: bool = False,
) -> int:
    """Run the TUI with the learner's scores (in memory only if they cannot be opened;
    ``recover`` moves a damaged file aside and starts afresh, see
    :mod:`quiz.recording.scores`). They are opened once the first screen is painted
    (:mod:`quiz.recording.deferred`)."""
    from quiz.recording.deferred import DeferredScores
    from quiz.tui.app import QuizApp
    from quiz.tui.config import AppConfig, StartStats

    needs_a_terminal(
        "use `quiz stats --json` for figures a script can read"
        if isinstance(start, StartStats)
        else ""
    )
    scores = DeferredScores(data_dir, recover=recover)
    config = AppConfig(
        resume_collections=not gc.isenabled(),  # paused for the start (quiz.cli.main)
        data_dir=data_dir,
        start=start,
        calm_errors=True,
        recorder_factory=scores.recorder,
        progress=scores,
        stats=scores.stats,
        scores=scores,
    )
    app = QuizApp(config)
    try:
        app.run()
    finally:
        scores.close()
    return app.return_code or 0
