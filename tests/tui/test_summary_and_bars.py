"""Three small things a new user's trial found: the summary's by-type counts did not line up
(``17/21  Multiple choice`` over ``6/6  True or false``), the stats calendar named no month over
the current one on 7 December, and at 80 columns the top bar's title was cut inside a word
("…August 2…")."""

from __future__ import annotations

import re
from datetime import date

import pytest
from textual.content import Content
from textual.widgets import Static

from quiz.session import Breakdown
from quiz.tui.screens.quiz import QuizScreen
from quiz.tui.screens.summary import SummaryScreen, breakdown_lines
from quiz.tui.text import bar_line, brand
from quiz.tui.widgets.charts import CalendarHeatmap
from tests.tui.conftest import Harness
from tests.tui.helpers import answer_right, answer_wrong
from tests.tui.test_session_flow import screen_of

TITLE = "Japan–South Korea summit in Tokyo, August 2025"


async def test_the_breakdown_names_start_in_one_column(harness: Harness) -> None:
    app = harness.play()
    async with app.run_test(size=(80, 24)) as pilot:
        for n in range(12):  # more than nine of one type: a two-digit count beside one-digit
            if not isinstance(pilot.app.screen, QuizScreen):
                break
            await (answer_right if n % 3 else answer_wrong)(pilot)
            await pilot.press("enter")
        summary = await screen_of(pilot, SummaryScreen)
        assert isinstance(summary, SummaryScreen)
        for table in summary.query(".breakdown .table").results(Static):
            lines = str(table.render()).splitlines()
            # after the bar, the count right-aligned: every name starts at the same column
            found = [re.match(r"^\S{8} +\d+/\d+  ", line) for line in lines]
            assert all(found), lines
            assert len({m.end() for m in found if m}) == 1, lines


def test_two_digit_counts_line_up_with_one_digit_ones() -> None:
    """The trial's own figures: 17 of 21 multiple choice, 6 of 6 true or false."""
    rows = (Breakdown("multiple_choice", 17, 21), Breakdown("true_false", 6, 6))
    lines = [line.plain for line in breakdown_lines(rows, types=True)]
    assert [line[8:] for line in lines] == [" 17/21  Multiple choice", "   6/6  True or false"]


@pytest.mark.parametrize("today", [date(2026, 12, 7), date(2026, 12, 1), date(2026, 12, 3)])
@pytest.mark.parametrize("width", [36, 38, 76, 116])
def test_the_current_month_is_named(today: date, width: int) -> None:
    heatmap = CalendarHeatmap()
    heatmap.update_days({today: 3}, today)
    months = heatmap.draw(width)[0].plain
    assert months.rstrip().endswith("Dec"), months
    assert len(months) <= width
    assert months.count("Nov") == 1, months  # the month before still named too


@pytest.mark.parametrize(
    "status",
    [
        "12 of 34  ·  score 10/11 ",
        "1 of 3  ·  score 0/0 ",
        "not saved  ·  12 of 34  ·  score 9/10 ",
    ],
)
@pytest.mark.parametrize("width", [40, 60, 76, 78, 80])
def test_the_title_is_cut_after_a_whole_word(status: str, width: int) -> None:
    where = brand(TITLE)
    line = bar_line(where, Content(status), width).plain
    assert len(line) == width and line.endswith(status)  # the status whole
    title = line[: width - len(status)].rstrip()
    if title in ("", where.plain):  # no room for a title at all, or room for all of it
        return
    assert title.endswith("…"), title
    kept = title[:-1]
    words = where.plain.replace("–", " ").split()
    last = kept.replace("–", " ").split()[-1]
    assert last in words, title  # "August…", never "August 2…" or "Tokyo,…"
    assert kept[-1].isalnum(), title
