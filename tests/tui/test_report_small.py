"""The report screen on a small terminal gives the tables the room: at 80x24 at least 8
question rows show, at 40x12 a few, the top bar never scrolls away, and the details of the
highlighted row come with ``d`` (a walk-through found 2 question rows and 1 learner row at
80x24, and at 40x12 the table's header alone with the title scrolled off)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.geometry import Region
from textual.widgets import DataTable, Static

from quiz.tui.screens.report import DetailPane, ReportScreen
from quiz.tui.widgets.footer import KeyBar
from quiz.tui.widgets.topbar import TopBar
from tests.report.class_results import RIGGED
from tests.tui.test_report_screen import _app, _class_report


def rows_in_view(table: DataTable, screen: Region) -> int:
    """The table's body rows that are on screen, whole."""
    if not table.display or not table.region:
        return 0
    visible = table.region.intersection(screen)
    body = visible.height - table.header_height - (1 if table.show_horizontal_scrollbar else 0)
    return max(0, min(table.row_count, body))


@pytest.mark.parametrize(
    ("size", "questions", "learners"), [((80, 24), 8, 3), ((40, 12), 3, 1)], ids=["80x24", "40x12"]
)
async def test_small_terminals_give_the_tables_the_room(
    tmp_path: Path, size: tuple[int, int], questions: int, learners: int
) -> None:
    app = _app(_class_report(tmp_path / "class"))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReportScreen)
        whole = Region(0, 0, *size)
        assert screen.scroll_y == 0 and screen.max_scroll_y == 0
        assert screen.query_one(TopBar).region.y == 0
        table = screen.query_one("#report-questions", DataTable)
        students = screen.query_one("#report-students", DataTable)
        assert rows_in_view(table, whole) >= questions, table.region
        assert rows_in_view(students, whole) >= learners, students.region
        assert "d Details" in screen.query_one(KeyBar).render().plain

        pane = screen.query_one(DetailPane)  # the details' box; the text is #report-detail
        detail = screen.query_one("#report-detail", Static)
        assert not pane.display
        await pilot.press("d")
        await pilot.pause()
        assert pane.display and whole.contains_region(pane.region)
        assert str(detail.render()).startswith(RIGGED)
        assert rows_in_view(table, whole) >= 2
        assert screen.max_scroll_y == 0

        await pilot.press("tab")  # the learners take the questions' place
        await pilot.pause()
        assert students.has_focus and rows_in_view(students, whole) >= 1
        assert str(detail.render()).startswith("dev")
        await pilot.press("escape")
        await pilot.pause()
        assert table.has_focus and rows_in_view(table, whole) >= 2
        assert str(detail.render()).startswith(RIGGED)
        await pilot.press("d")
        await pilot.pause()
        assert not pane.display and rows_in_view(students, whole) >= learners


async def test_tall_terminals_show_the_details_and_summary_at_once(tmp_path: Path) -> None:
    app = _app(_class_report(tmp_path / "class"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.query_one(DetailPane).display
        assert screen.query_one("#report-summary").display
        # always shown: d only goes into them, to scroll them (tests/tui/test_report_scroll.py)
        assert "d Details" in screen.query_one(KeyBar).render().plain
        await pilot.press("tab")
        await pilot.pause()
        assert screen.query_one("#report-students", DataTable).has_focus


async def test_top_bar_keeps_the_figures_whole_at_40_columns(tmp_path: Path) -> None:
    """The status (learners, attempts, share right) is whole: the spaces that keep a title
    off it go first, then the title ('… 53% righ' was cut)."""
    report = _class_report(tmp_path / "class")
    app = _app(report)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(TopBar)
        line = bar.render().plain
        assert len(line) <= bar.size.width
        assert line.strip() == (
            f"{report.learners} learners · {report.attempts} attempts · "
            f"{round(report.percent_right)}% right"
        ), line


async def test_no_answers_is_said_on_a_small_terminal(tmp_path: Path) -> None:
    from msgspec.structs import replace

    from quiz.bank import load_bank
    from quiz.report import analyse
    from tests.report.class_results import BANK

    bank = load_bank(BANK)
    app = _app(analyse(replace(bank, questions=()), [], names={}))
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        detail = app.screen.query_one("#report-detail", Static)
        assert detail.display and "No answers to this bank yet." in str(detail.render())
        assert Region(0, 0, 40, 12).contains_region(detail.region)
