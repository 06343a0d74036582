"""Snapshots of the authoring screen: a bank (never spaCy, so the content is fixed) at 80x24 and
120x40, the edit form, filters applied, the dialogs.

Review the SVGs in ``__snapshots__`` before accepting an update (``--snapshot-update``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from quiz.authoring import Draft
from quiz.bank import load_bank
from quiz.tui.app import QuizApp
from quiz.tui.config import StartAuthor
from tests.conftest import ALL_TYPES_BANK, FOUNDING_BANK
from tests.tui.conftest import Harness, settle

SMALL = (80, 24)
LARGE = (120, 40)


def author(harness: Harness, bank: Path = ALL_TYPES_BANK, *, pending: bool = True) -> QuizApp:
    loaded = load_bank(bank)
    draft = Draft(loaded) if pending else Draft.from_bank(loaded)
    # a relative path, so that no temporary folder shows on screen
    start = StartAuthor(make=lambda: draft, save_to=Path("riverton.yaml"))
    return harness.app(harness.config(start))


def keys(*pressed: str):
    async def before(pilot: Pilot) -> None:
        await settle(pilot)
        for key in pressed:
            await pilot.press(key)
        await pilot.pause()

    return before


class TestAuthor:
    @pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
    def test_draft(self, snap_compare, harness: Harness, size) -> None:
        """Reviewed, rejected and edited questions in the list; the current one beside its
        sentence, the key span highlighted."""

        async def before(pilot: Pilot) -> None:
            await settle(pilot)
            await pilot.press("a", "x", "e")  # accept, reject, edit the true/false
            pilot.app.screen.query_one("#f-prompt").text = "The bridge cost 20 million euros."
            await pilot.press("ctrl+s", "j")
            await pilot.pause()

        assert snap_compare(author(harness), terminal_size=size, run_before=before)

    def test_founding_bank_large(self, snap_compare, harness: Harness) -> None:
        assert snap_compare(
            author(harness, FOUNDING_BANK, pending=False),
            terminal_size=LARGE,
            run_before=keys("j", "j"),
        )

    def test_type_filter(self, snap_compare, harness: Harness) -> None:
        assert snap_compare(author(harness), terminal_size=SMALL, run_before=keys("a", "t"))

    def test_state_filter_empty(self, snap_compare, harness: Harness) -> None:
        assert snap_compare(
            author(harness), terminal_size=SMALL, run_before=keys("s", "s", "s", "s")
        )

    def test_markup_is_literal(self, snap_compare, harness: Harness) -> None:
        assert snap_compare(author(harness), terminal_size=SMALL, run_before=keys("end"))


class TestAuthorForms:
    def test_edit_multiple_choice(self, snap_compare, harness: Harness) -> None:
        assert snap_compare(author(harness), terminal_size=SMALL, run_before=keys("e"))

    def test_edit_invalid(self, snap_compare, harness: Harness) -> None:
        async def before(pilot: Pilot) -> None:
            await settle(pilot)
            await pilot.press("j", "j", "j", "e")  # the cloze with two blanks
            await pilot.press("tab")
            pilot.app.screen.query_one("#f-blanks").text = "12 | twelve"
            await pilot.pause()

        assert snap_compare(author(harness), terminal_size=LARGE, run_before=before)

    def test_edit_matching_large(self, snap_compare, harness: Harness) -> None:
        assert snap_compare(author(harness), terminal_size=LARGE, run_before=keys(*["j"] * 5, "e"))

    def test_bank_details(self, snap_compare, harness: Harness) -> None:
        assert snap_compare(author(harness), terminal_size=SMALL, run_before=keys("b"))


class TestAuthorDialogs:
    def test_unsaved_changes(self, snap_compare, harness: Harness) -> None:
        assert snap_compare(author(harness), terminal_size=SMALL, run_before=keys("a", "q"))

    def test_help(self, snap_compare, harness: Harness) -> None:
        assert snap_compare(author(harness), terminal_size=SMALL, run_before=keys("question_mark"))
