"""After u (undo) the notice that the first answer still counts is a line in the question's
card, not a toast: a toast stayed on screen over the feedback of the answer given again (a
walk-through found it covering the feedback at 80x24)."""

from __future__ import annotations

import pytest
from textual.geometry import Region
from textual.widgets import Static
from textual.widgets._toast import Toast

from quiz.tui.widgets.feedback import Feedback
from tests.tui.conftest import Harness, settle
from tests.tui.helpers import answer_right, answer_wrong, current


@pytest.mark.parametrize("size", [(80, 24), (40, 12)], ids=["80x24", "40x12"])
async def test_undo_notice_never_covers_the_feedback(
    harness: Harness, size: tuple[int, int]
) -> None:
    app = harness.play()
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.pause()
        await answer_wrong(pilot)
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        quiz = current(pilot)
        assert quiz.answered is None  # asked again
        assert not list(quiz.query(Toast)), "a toast would stay over the feedback"
        notice = quiz.query_one("#notice", Static)
        assert notice.display and "first answer still counts" in str(notice.render())

        await answer_right(pilot)  # at once, as a learner who slipped does
        await settle(pilot)
        await pilot.pause()
        feedback = quiz.query_one(Feedback)
        assert feedback.display and not notice.display
        notes = [str(s.render()) for s in quiz.query(".save-note").results(Static)]
        assert any("your first answer (wrong) is the one that counts" in n for n in notes)
        shown = feedback.region.intersection(Region(0, 0, *size))
        for toast in quiz.query(Toast):
            assert not toast.region.overlaps(shown), (toast.region, shown)

        await pilot.press("enter")  # the next question: no notice left over
        await pilot.pause()
        assert not quiz.query_one("#notice", Static).display
