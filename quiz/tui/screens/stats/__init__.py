"""The stats screen: your progress as charts, one module per job.

``screen.py`` is the screen (lays the panels out, fills them, its keys); ``figures.py`` reads the
figures on a worker thread; ``content.py`` computes what the panels show from them (captions,
the weeks charted, colours, mastery rows); ``styles.py`` is its look.
"""

from __future__ import annotations

from quiz.tui.screens.stats.content import longest_streak
from quiz.tui.screens.stats.figures import StatsView, gather
from quiz.tui.screens.stats.screen import StatsScreen

__all__ = ["StatsScreen", "StatsView", "gather", "longest_streak"]
