"""``quiz`` with no command: the home screen. Also starts the app for ``quiz play``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quiz.tui.config import StartAuthor, StartHome, StartPlay, StartReview, StartStats


def run_home(args: argparse.Namespace) -> int:
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
    from quiz.tui.config import AppConfig

    scores = DeferredScores(data_dir, recover=recover)
    config = AppConfig(
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
