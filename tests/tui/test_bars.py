"""The one-line bars every screen has: the top bar and the key bar."""

from __future__ import annotations

from quiz.tui.widgets.footer import KeyBar
from quiz.tui.widgets.topbar import TopBar
from tests.tui.conftest import Harness, settle
from tests.tui.helpers import answer_right, current


async def test_key_bar_shows_the_keys_that_apply_and_a_click_presses_one(
    harness: Harness,
) -> None:
    from quiz.tui.screens.dialogs import ConfirmQuit

    app = harness.play()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        line = bar.render().plain
        assert line.startswith(" q End  ? Help ") and line.rstrip().endswith("^p palette")
        assert "Continue" not in line  # not before an answer
        await answer_right(pilot)
        await settle(pilot)
        assert bar.render().plain.startswith(" ⏎ Continue  u Undo  ! Flag  q End")
        end_at = bar.render().plain.index("q End")
        await pilot.click(KeyBar, offset=(end_at, 0))
        await pilot.pause()
        assert isinstance(app.screen, ConfirmQuit)  # "End this quiz?"


async def test_top_bar_cuts_the_title_not_the_status(harness: Harness) -> None:
    app = harness.play()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        bar = current(pilot).query_one(TopBar)
        line = bar.render().plain
        assert len(line) == bar.size.width
        assert line.rstrip().endswith("1 of 9  ·  score 0/0")
        assert line.startswith("quiz › Riv") and "…" in line
