"""Small charts drawn with block characters, for the stats screen.

Each chart is a widget that is handed plain data (``update_…``) and draws it for the width it
is given, so it reads at 80 columns and uses the room at 120. Nothing here knows about the
store: the screen turns :class:`quiz.stats.Stats` into series, labels and captions.

Colours come from the theme (``$success``, ``$accent``, …) so light and dark both work. Every
label that can come from a learner's banks (titles, tags) is drawn as literal text.

The charts, one module each: ``figure`` (a headline figure), ``heatmap`` (the calendar),
``columns`` (answers per day, the forecast), ``gauge`` (a ratio against a target), ``bars``
(mastery rows); ``base`` what they share.
"""

from __future__ import annotations

from quiz.tui.widgets.charts.bars import BarList, BarRow
from quiz.tui.widgets.charts.base import Chart, month_day
from quiz.tui.widgets.charts.columns import ColumnChart
from quiz.tui.widgets.charts.figure import Figure
from quiz.tui.widgets.charts.gauge import BulletGauge
from quiz.tui.widgets.charts.heatmap import CalendarHeatmap, heat_level

__all__ = [
    "BarList",
    "BarRow",
    "BulletGauge",
    "CalendarHeatmap",
    "Chart",
    "ColumnChart",
    "Figure",
    "heat_level",
    "month_day",
]
