"""The flag dialog as a learner uses it after a feedback, on a real SQLite store: nothing is
chosen for them, an accidental Enter files nothing, what is typed reaches the note even when
typed fast, and the choice shows with a mark, not only a colour."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, Static

from quiz.store import Store
from quiz.tui.screens.flag import FlagDialog, ReasonButton
from quiz.tui.screens.quiz import QuizScreen
from tests.tui.helpers import answer_right, answer_wrong
from tests.tui.test_review import RIVERTON, Apps, Clock
from tests.tui.test_review import folder as bank_folder


@pytest.fixture
def apps(tmp_path: Path) -> Iterator[Apps]:
    """The app over a real SQLite store in a temporary data dir (as tests/tui/test_review.py)."""
    clock = Clock()
    with Store.open(tmp_path / "data", clock=clock, fuzz=False) as store:
        yield Apps(store, clock, bank_folder.__wrapped__(tmp_path))  # type: ignore[attr-defined]


async def burst(pilot: Pilot, text: str) -> None:
    """Keys as a terminal delivers fast typing: all sent before the app handles the first."""
    driver = pilot.app._driver
    assert driver is not None
    for char in text:
        key = {" ": "space", "?": "question_mark"}.get(char, char)
        event = events.Key(key, char)
        event.set_sender(pilot.app)
        driver.send_message(event)
    await pilot.pause()
    await pilot.pause()


async def open_dialog(pilot: Pilot) -> FlagDialog:
    await pilot.press("exclamation_mark")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, FlagDialog)
    return dialog


async def test_fast_typing_after_the_reason_reaches_the_note(apps: Apps) -> None:
    async with apps.play().run_test(size=(80, 24)) as pilot:
        await answer_wrong(pilot)
        dialog = await open_dialog(pilot)
        await burst(pilot, "2two mayors?")
        assert dialog.query_one("#note", Input).value == "two mayors?"
        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
    assert [(f.reason, f.note) for f in apps.store.flags(RIVERTON)] == [("unclear", "two mayors?")]


def marks(dialog: FlagDialog) -> list[str]:
    return [str(button.render()).split()[0] for button in dialog.query(ReasonButton)]


async def test_nothing_is_chosen_and_an_accidental_enter_files_nothing(apps: Apps) -> None:
    async with apps.play().run_test(size=(80, 24)) as pilot:
        await answer_right(pilot)
        dialog = await open_dialog(pilot)
        assert dialog.reason is None
        assert marks(dialog) == ["○", "○", "○"]  # the state is drawn, not only coloured
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert pilot.app.screen is dialog  # still open, saying what it needs
        assert "Pick a reason first" in str(dialog.query_one("#flag-hint", Static).render())
        await pilot.press("3")
        assert marks(dialog) == ["○", "○", "●"]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, QuizScreen)
    assert apps.store.flags() == []


async def test_arrows_then_enter_pick_a_reason(apps: Apps) -> None:
    async with apps.play().run_test(size=(80, 24)) as pilot:
        await answer_right(pilot)
        dialog = await open_dialog(pilot)
        await pilot.press("down", "down", "enter")  # the first arrow reaches the first reason
        await pilot.pause()
        assert marks(dialog) == ["○", "●", "○"]
        assert isinstance(pilot.app.focused, Input)
        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
    assert [(f.reason, f.note) for f in apps.store.flags()] == [("unclear", "")]


async def test_a_note_typed_straight_away_is_sent_as_something_else(apps: Apps) -> None:
    async with apps.play().run_test(size=(80, 24)) as pilot:
        await answer_right(pilot)
        dialog = await open_dialog(pilot)
        await burst(pilot, "Typo: brigde")
        assert dialog.query_one("#note", Input).value == "Typo: brigde"
        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(pilot.app.screen, QuizScreen)
    assert [(f.reason, f.note) for f in apps.store.flags()] == [("other", "Typo: brigde")]
