"""``quiz`` with no command: the home screen. Also starts the app for ``quiz play``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quiz.tui.config import StartHome, StartPlay, StartReview, StartStats


def run_home(args: argparse.Namespace) -> int:
    from quiz.cli import resolve_data_dir
    from quiz.tui.config import StartHome

    return launch(resolve_data_dir(args), StartHome())


def launch(
    data_dir: Path,
    start: StartHome | StartPlay | StartStats | StartReview,
    *,
    recover: bool = False,
) -> int:
    """Run the TUI with the learner's scores (in memory only if they cannot be opened;
    ``recover`` moves a damaged file aside and starts afresh, see :mod:`quiz.scores`)."""
    from quiz.commands.stats import store_stats
    from quiz.tui.app import QuizApp
    from quiz.tui.config import AppConfig

    recorder_factory, progress, notice, close = _scores(data_dir, recover=recover)
    config = AppConfig(
        data_dir=data_dir,
        start=start,
        calm_errors=True,
        notice=notice,
        **({"recorder_factory": recorder_factory} if recorder_factory else {}),
        **({"progress": progress} if progress else {}),
        **({"stats": store_stats(progress)} if progress else {}),
        **({"store": progress} if progress else {}),
    )
    app = QuizApp(config)
    try:
        app.run()
    finally:
        close()
    return app.return_code or 0


def _scores(data_dir: Path, recover: bool = False):
    """Where answers go and where progress comes from: the scores database in the data dir.

    If it cannot be opened, the quiz still runs on a store in memory and says so, and how to
    fix it (:func:`quiz.scores.open_scores`)."""
    from quiz.scores import open_scores

    scores = open_scores(data_dir, recover=recover)
    return scores.recorder, scores.store, scores.notice, scores.close
