"""The figures the stats screen charts, read on a worker thread while a loading indicator shows:
the banks there are now, then one read of the store.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quiz.stats import Stats
    from quiz.tui.app import QuizApp


@dataclass(frozen=True)
class StatsView:
    """What the worker hands the screen: the figures and bank titles, or why there are none."""

    stats: Stats | None = None
    titles: Mapping[str, str] = field(default_factory=dict)
    problem: str = ""


def gather(app: QuizApp) -> StatsView:
    """Runs on a worker thread: the banks there are now, then the figures from the store."""
    from quiz.library import current_banks
    from quiz.store import StoreError

    config = app.config
    if config.stats is None:
        return StatsView(
            problem="Your scores can't be read this time, so there is nothing to chart."
        )
    banks = current_banks(app.bank_files(), config.data_dir / "cache")
    try:
        stats = config.stats(config.clock(), banks.questions)
    except StoreError as error:
        return StatsView(problem=f"Your scores can't be read: {error}")
    return StatsView(stats, banks.titles)
