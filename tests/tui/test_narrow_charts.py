"""Charts at 40x12 and 80x24: the calendar's caption is never cut (it shortens, and the legend
takes a line of its own), and the forecast's date labels fit whole or are left out (a
walk-through found "in 14 wee…" and a last label shown as "Ja")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rich.cells import cell_len

from quiz.tui.widgets.charts import CalendarHeatmap, ColumnChart
from tests.tui.conftest import Harness
from tests.tui.test_stats_screen import studied_stats


@pytest.mark.parametrize("size", [(40, 12), (80, 24)], ids=["40x12", "80x24"])
async def test_chart_captions_and_labels_are_whole(
    harness: Harness, tmp_path: Path, size: tuple[int, int]
) -> None:
    async with studied_stats(harness, tmp_path, size) as screen:
        heatmap = screen.query_one("#heatmap", CalendarHeatmap)
        lines = heatmap.render().plain.splitlines()
        assert len(lines) <= heatmap.content_region.height, lines
        assert all(cell_len(line) <= heatmap.content_region.width for line in lines)
        caption = next(line for line in lines if "answers" in line)
        assert re.search(r"^\d+ answers(,| on) \d+ days(,| in) \d+ weeks", caption), caption
        assert "…" not in caption
        assert any("less" in line and "more" in line for line in lines), lines
        forecast = screen.query_one("#forecast", ColumnChart)
        labels = forecast.render().plain.splitlines()[-1]
        assert cell_len(labels) <= forecast.content_region.width, labels
        months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct")
        words = [w for w in labels.split() if w != "today"]
        assert words, labels
        for month, day in zip(words[::2], words[1::2], strict=True):
            assert month in months and day.isdigit(), labels
