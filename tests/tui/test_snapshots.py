"""A snapshot of every screen state at 80x24, and of each screen at 40x12, 80x24 and 120x40
(``SIZES``): home, the start dialog, a question, its feedback, the summary (whole and ended
early), the help and the quit and end dialogs. The review, flag and stats screens are in
``test_review_snapshots.py`` and ``test_stats_screen.py``.

Review the SVGs in ``__snapshots__`` before accepting an update (``--snapshot-update``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.conftest import FOUNDING_BANK
from tests.tui.conftest import Harness, settle, type_text
from tests.tui.helpers import answer_right, answer_wrong

TINY = (40, 12)
SMALL = (80, 24)
LARGE = (120, 40)
#: Every screen at these sizes: the smallest usable terminal, the classic one, a roomy one.
SIZES = pytest.mark.parametrize("size", [TINY, SMALL, LARGE], ids=["40x12", "80x24", "120x40"])


async def _settled(pilot: Pilot) -> None:
    await settle(pilot)


class TestHome:
    @SIZES
    def test_banks(self, snap_compare, harness: Harness, banks_folder: Path, size) -> None:
        assert snap_compare(harness.home((banks_folder,)), terminal_size=size, run_before=_settled)

    def test_broken_bank_highlighted(
        self, snap_compare, harness: Harness, banks_folder: Path
    ) -> None:
        async def before(pilot: Pilot) -> None:
            await settle(pilot)
            await pilot.press("down", "down")  # the broken one comes last

        assert snap_compare(harness.home((banks_folder,)), terminal_size=SMALL, run_before=before)

    def test_empty(self, snap_compare, harness: Harness, tmp_path: Path) -> None:
        assert snap_compare(harness.home((tmp_path,)), terminal_size=SMALL, run_before=_settled)


class TestStart:
    @SIZES
    def test_start_dialog(self, snap_compare, harness: Harness, banks_folder: Path, size) -> None:
        """Ten questions, multiple choice ticked (the count and the list as the learner
        sees them while choosing)."""

        async def before(pilot: Pilot) -> None:
            await settle(pilot)
            await pilot.press("enter")
            await settle(pilot)
            await type_text(pilot, "10")
            await pilot.press("tab", "space")
            await pilot.pause()

        assert snap_compare(harness.home((banks_folder,)), terminal_size=size, run_before=before)


class TestQuestions:
    @pytest.mark.parametrize(
        "qtype",
        [
            "multiple_choice",
            "true_false",
            "cloze",
            "short_answer",
            "numeric",
            "matching",
            "ordering",
        ],
    )
    def test_each_type(self, snap_compare, harness: Harness, qtype: str) -> None:
        assert snap_compare(harness.play(types=(qtype,)), terminal_size=SMALL, run_before=_settled)

    def test_pick_all_that_apply(self, snap_compare, harness: Harness) -> None:
        async def before(pilot: Pilot) -> None:
            await pilot.press("1", "enter", "1")

        assert snap_compare(
            harness.play(types=("multiple_choice",)), terminal_size=SMALL, run_before=before
        )

    def test_matching_half_paired(self, snap_compare, harness: Harness) -> None:
        async def before(pilot: Pilot) -> None:
            await pilot.press("2", "3")

        assert snap_compare(
            harness.play(types=("matching",)), terminal_size=SMALL, run_before=before
        )

    def test_markup_prompt_is_literal(self, snap_compare, harness: Harness) -> None:
        async def before(pilot: Pilot) -> None:
            await pilot.press("enter", "enter", "enter")

        assert snap_compare(
            harness.play(types=("short_answer",)), terminal_size=SMALL, run_before=before
        )

    @SIZES
    def test_founding_bank(self, snap_compare, harness: Harness, size) -> None:
        assert snap_compare(
            harness.play(FOUNDING_BANK, seed=1, shuffle=True),
            terminal_size=size,
            run_before=_settled,
        )


class TestFeedback:
    def test_right(self, snap_compare, harness: Harness) -> None:
        async def before(pilot: Pilot) -> None:
            await answer_right(pilot)

        assert snap_compare(harness.play(), terminal_size=SMALL, run_before=before)

    def test_wrong(self, snap_compare, harness: Harness) -> None:
        async def before(pilot: Pilot) -> None:
            await answer_wrong(pilot)

        assert snap_compare(harness.play(), terminal_size=SMALL, run_before=before)

    def test_near_miss(self, snap_compare, harness: Harness) -> None:
        async def before(pilot: Pilot) -> None:
            await type_text(pilot, "ana cotsa")
            await pilot.press("enter")

        assert snap_compare(
            harness.play(types=("short_answer",)), terminal_size=SMALL, run_before=before
        )

    def test_cloze_one_blank_wrong(self, snap_compare, harness: Harness) -> None:
        async def before(pilot: Pilot) -> None:
            await type_text(pilot, "12")
            await pilot.press("enter")
            await type_text(pilot, "four")
            await pilot.press("enter")

        assert snap_compare(harness.play(types=("cloze",)), terminal_size=SMALL, run_before=before)

    def test_matching_wrong(self, snap_compare, harness: Harness) -> None:
        async def before(pilot: Pilot) -> None:
            await answer_wrong(pilot)

        assert snap_compare(
            harness.play(types=("matching",)), terminal_size=SMALL, run_before=before
        )

    @SIZES
    def test_founding_wrong(self, snap_compare, harness: Harness, size) -> None:
        """A long multiple-choice question answered wrong: the question's first line stays
        at the top, the feedback under it."""

        async def before(pilot: Pilot) -> None:
            await answer_wrong(pilot)
            await pilot.pause()

        assert snap_compare(
            harness.play(FOUNDING_BANK, seed=5, shuffle=True, types=("multiple_choice",)),
            terminal_size=size,
            run_before=before,
        )

    def test_a_number_in_words(self, snap_compare, harness: Harness) -> None:
        async def before(pilot: Pilot) -> None:
            await type_text(pilot, "seventy-five thousand")
            await pilot.press("enter")
            await settle(pilot)

        assert snap_compare(
            harness.play(types=("numeric",)), terminal_size=SMALL, run_before=before
        )


async def _play_half(pilot: Pilot) -> None:
    for n in range(9):
        await (answer_right(pilot) if n % 2 == 0 else answer_wrong(pilot))
        await pilot.press("enter")
    await settle(pilot)


class TestSummary:
    @SIZES
    def test_summary(self, snap_compare, harness: Harness, size) -> None:
        assert snap_compare(harness.play(), terminal_size=size, run_before=_play_half)

    @SIZES
    def test_ended_early(self, snap_compare, harness: Harness, size) -> None:
        async def before(pilot: Pilot) -> None:
            await answer_right(pilot)
            await pilot.press("enter")
            await answer_wrong(pilot)
            await pilot.press("q", "y")
            await settle(pilot)

        assert snap_compare(harness.play(), terminal_size=size, run_before=before)

    def test_perfect(self, snap_compare, harness: Harness) -> None:
        async def before(pilot: Pilot) -> None:
            await answer_right(pilot)
            await pilot.press("enter")

        assert snap_compare(
            harness.play(types=("true_false",)), terminal_size=SMALL, run_before=before
        )


class TestDialogs:
    @SIZES
    def test_help(self, snap_compare, harness: Harness, size) -> None:
        assert snap_compare(harness.play(), terminal_size=size, press=["question_mark"])

    def test_help_at_its_end(self, snap_compare, harness: Harness) -> None:
        assert snap_compare(harness.play(), terminal_size=SMALL, press=["question_mark", "end"])

    @SIZES
    def test_end_quiz(self, snap_compare, harness: Harness, size) -> None:
        async def before(pilot: Pilot) -> None:
            await answer_right(pilot)
            await pilot.press("q")

        assert snap_compare(harness.play(), terminal_size=size, run_before=before)

    @SIZES
    def test_quit(self, snap_compare, harness: Harness, banks_folder: Path, size) -> None:
        async def before(pilot: Pilot) -> None:
            await settle(pilot)
            await pilot.press("q")

        assert snap_compare(harness.home((banks_folder,)), terminal_size=size, run_before=before)

    def test_light_theme(self, snap_compare, harness: Harness) -> None:
        async def before(pilot: Pilot) -> None:
            await answer_wrong(pilot)
            await pilot.press("ctrl+t")

        assert snap_compare(harness.play(), terminal_size=SMALL, run_before=before)


class TestWideText:
    """Korean and Japanese line up: the layout measures cells, never len()."""

    def test_matching(self, snap_compare, harness: Harness) -> None:
        async def before(pilot: Pilot) -> None:
            await pilot.press("2", "1")

        bank = Path(__file__).parent / "data" / "cjk.yaml"
        assert snap_compare(harness.play(bank), terminal_size=SMALL, run_before=before)

    def test_matching_feedback(self, snap_compare, harness: Harness) -> None:
        async def before(pilot: Pilot) -> None:
            await pilot.press("1", "2", "3", "enter", "1")

        bank = Path(__file__).parent / "data" / "cjk.yaml"
        assert snap_compare(harness.play(bank), terminal_size=SMALL, run_before=before)
