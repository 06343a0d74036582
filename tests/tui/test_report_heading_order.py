"""On a small terminal, a learner's details open under the "Learners" heading and table, as a
question's do under theirs: a walk-through at 40x12 (`quiz report BANK --results ... --tui`,
Tab to the learners, d) found the learner's details above the "Learners" heading, which came
after them. On a tall terminal the details stay between the two tables."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import DataTable, Static

from quiz.tui.screens.report import DetailPane, ReportScreen
from quiz.tui.widgets.topbar import TopBar
from tests.tui.test_report_screen import _app, _class_report


def heading(screen: ReportScreen, part: str) -> Static:
    [title] = list(screen.query(f".report-title.-{part}-part").results(Static))
    return title


def shown(widget: Widget, size: tuple[int, int]) -> bool:
    return (
        widget.display
        and widget.region.height > 0
        and Region(0, 0, *size).contains_region(widget.region)
    )


@pytest.mark.parametrize("size", [(40, 12), (80, 24)], ids=["40x12", "80x24"])
async def test_the_learners_heading_comes_before_a_learners_details(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app = _app(_class_report(tmp_path / "class"))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReportScreen) and screen.has_class("-compact")
        pane = screen.query_one(DetailPane)
        students = screen.query_one("#report-students", DataTable)
        questions = screen.query_one("#report-questions", DataTable)
        learners_title = heading(screen, "learners")
        questions_title = heading(screen, "questions")

        await pilot.press("tab", "d")  # the learners, then their details
        await pilot.pause()
        assert pane.has_focus  # d went into the details
        for widget in (learners_title, students, pane):
            assert shown(widget, size), (widget, widget.region)
        assert not questions_title.display and not questions.display
        top = screen.query_one(TopBar).region.bottom
        assert learners_title.region.y == top  # the heading first, under the top bar
        assert learners_title.region.bottom <= students.region.y
        assert students.region.bottom <= pane.region.y
        detail = str(screen.query_one("#report-detail", Static).render())
        assert detail.startswith("dev")  # the lowest score, the learners' first row

        await pilot.press("escape", "tab")  # back to the learners' table, then the questions
        await pilot.pause()
        assert questions.has_focus and pane.display
        for widget in (questions_title, questions, pane):
            assert shown(widget, size), (widget, widget.region)
        assert questions_title.region.bottom <= questions.region.y
        assert questions.region.bottom <= pane.region.y

        await pilot.press("tab")  # and the learners again: the details follow
        await pilot.pause()
        assert students.has_focus
        assert learners_title.region.bottom <= students.region.y <= pane.region.y
        assert str(screen.query_one("#report-detail", Static).render()).startswith("dev")


async def test_a_tall_terminal_keeps_the_details_between_the_tables(tmp_path: Path) -> None:
    """And a small terminal made tall puts them back there, the learners' details too."""
    app = _app(_class_report(tmp_path / "class"))
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReportScreen)
        await pilot.press("tab", "d")
        await pilot.pause()
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        await pilot.pause()
        assert not screen.has_class("-compact")
        questions = screen.query_one("#report-questions", DataTable)
        pane = screen.query_one(DetailPane)
        title = heading(screen, "learners")
        students = screen.query_one("#report-students", DataTable)
        assert questions.region.bottom <= pane.region.y
        assert pane.region.bottom <= title.region.y < students.region.y
