"""q on a quiz's summary quits at once: the quiz is over (it ran to its end, or ending it was
confirmed), so the second "Quit quiz? See you next time." a new user's trial met only asked
again what they had just said."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from quiz.tui.screens.dialogs import ConfirmEnd, ConfirmQuit
from quiz.tui.screens.summary import SummaryScreen
from tests.tui.conftest import Harness
from tests.tui.helpers import answer_right, answer_wrong
from tests.tui.test_session_flow import screen_of


async def _quits_without_asking(pilot: Pilot) -> None:
    await screen_of(pilot, SummaryScreen)
    await pilot.press("q")
    for _ in range(200):
        await pilot.pause(0.01)
        assert not isinstance(pilot.app.screen, ConfirmQuit)
        if pilot.app._exit:
            return
    raise AssertionError(f"still running: {pilot.app.screen}")


@pytest.mark.parametrize("size", [(40, 12), (80, 24)], ids=["40x12", "80x24"])
async def test_q_on_the_summary_of_a_finished_quiz_quits(
    harness: Harness, size: tuple[int, int]
) -> None:
    app = harness.play(count=2)
    async with app.run_test(size=size) as pilot:
        await answer_right(pilot)
        await pilot.press("enter")
        await answer_wrong(pilot)
        await pilot.press("enter")
        await _quits_without_asking(pilot)
    assert app.return_code == 0
    assert len(harness.recorder.answers) == 2


async def test_q_on_the_summary_of_a_quiz_ended_early_quits(harness: Harness) -> None:
    app = harness.play(count=3)
    async with app.run_test(size=(80, 24)) as pilot:
        await answer_right(pilot)
        await pilot.press("q")
        assert isinstance(app.screen, ConfirmEnd)  # ending the quiz is still confirmed
        await pilot.press("y")
        await _quits_without_asking(pilot)
    assert app.return_code == 0
