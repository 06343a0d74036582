"""After an answer, the verdict and the right answer are on screen without a key press, at
every size: a new user's trial at 40x12 (`quiz play question_banks/japan-korea-summit-2025.yaml
--count 3 --seed 5`, then 1) saw only the question and its options, "✗ Not quite" and
"Answer …" under the fold until Down. The rest of the feedback (the article's box) stays
reachable with PageDown / End."""

from __future__ import annotations

import pytest
from textual.containers import VerticalScroll
from textual.pilot import Pilot

from tests.conftest import FOUNDING_BANK
from tests.tui.conftest import Harness
from tests.tui.helpers import answer_right, answer_wrong, current

SIZES = [(40, 12), (80, 24), (120, 40)]
IDS = ["40x12", "80x24", "120x40"]


def in_view(pilot: Pilot, selector: str) -> bool:
    screen = current(pilot)
    shown = screen.query_one("#scroll", VerticalScroll).scrollable_content_region
    return shown.contains_region(screen.query_one(selector).region)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
@pytest.mark.parametrize("right", [False, True], ids=["wrong", "right"])
async def test_verdict_and_answer_are_shown_after_answering(
    harness: Harness, size: tuple[int, int], right: bool
) -> None:
    app = harness.play(FOUNDING_BANK, count=3, seed=5, shuffle=True)
    async with app.run_test(size=size) as pilot:
        for _ in range(3):
            await (answer_right if right else answer_wrong)(pilot)
            await pilot.pause()
            await pilot.pause()
            assert in_view(pilot, "#feedback .verdict-row"), size
            assert in_view(pilot, "#feedback .answer-line"), size
            await pilot.press("end")
            await pilot.pause()
            shown = current(pilot).query_one("#scroll", VerticalScroll).scrollable_content_region
            quote = current(pilot).query_one("#feedback .quote").region
            assert shown.y <= quote.bottom - 1 < shown.bottom, size  # its bottom line reached
            await pilot.press("enter")
            await pilot.pause()
