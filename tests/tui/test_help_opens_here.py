"""``?`` opens the help on the keys of the screen it was opened from: a learner in a quiz sees
the quiz's keys first, not "Anywhere"; on the banks, the banks' keys; in the report, the
report's. Under Pilot, as a learner presses the keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widgets import Static

from quiz.bank import load_bank
from quiz.report import analyse
from quiz.tui.config import StartReport
from quiz.tui.screens.dialogs import HelpScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.quiz import QuizScreen
from quiz.tui.screens.report import ReportScreen
from tests.conftest import ALL_TYPES_BANK
from tests.tui.conftest import Harness


async def first_section(pilot: Pilot, size: tuple[int, int]) -> str:
    """The help's first section title, checked to be on screen with its first row."""
    await pilot.press("question_mark")
    await pilot.pause()
    help_screen = pilot.app.screen
    assert isinstance(help_screen, HelpScreen)
    title = help_screen.query(".section").first(Static)
    row = help_screen.query(".key-row").first()
    visible = help_screen.query_one("#help-body").region.intersection(Region(0, 0, *size))
    assert visible.contains_region(title.region) and visible.contains_region(row.region)
    return str(title.render())


@pytest.mark.parametrize("size", [(40, 12), (80, 24)])
async def test_in_a_quiz_the_help_opens_on_the_quiz_keys(
    harness: Harness, size: tuple[int, int]
) -> None:
    app = harness.play(types=("true_false",))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        assert await first_section(pilot, size) == "In a quiz — this screen"
        await pilot.press("escape")
        assert isinstance(app.screen, QuizScreen)


async def test_on_the_banks_the_help_opens_on_their_keys(
    harness: Harness, banks_folder: Path
) -> None:
    app = harness.home((banks_folder,))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert await first_section(pilot, (80, 24)) == "Your banks (home) — this screen"


async def test_in_the_report_the_help_opens_on_its_keys(harness: Harness) -> None:
    report = analyse(load_bank(ALL_TYPES_BANK), [])
    app = harness.app(harness.config(StartReport(report)))  # type: ignore[arg-type]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReportScreen)
        assert await first_section(pilot, (80, 24)) == "Report (quiz report --tui) — this screen"
        rows = [str(s.render()) for s in app.screen.query(".what").results(Static)]
        assert "back: from the details to their table, from the learners to the questions" in rows
        assert "quit the report" in rows
