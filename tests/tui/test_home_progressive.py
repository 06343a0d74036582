"""The home screen on a library it has not seen: the banks are listed from a glance at each
file while they are checked, with a progress bar, and the checked summaries replace the
glances (issue 21: 500 new banks took 50 s to list, with nothing on the screen meanwhile)."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from quiz.bank.cache import BankCache, BankSummary
from quiz.tui.config import StartHome
from quiz.tui.screens.home import HomeScreen
from tests.conftest import ALL_TYPES_BANK, DATA
from tests.tui.conftest import Harness, settle

BANKS = 30


def _library(folder: Path) -> None:
    folder.mkdir()
    shutil.copy(DATA / "valid" / "article.txt", folder / "article.txt")
    text = ALL_TYPES_BANK.read_text(encoding="utf-8")
    for n in range(BANKS):
        (folder / f"bank-{n:02d}.yaml").write_text(
            text.replace("id: riverton-bridge", f"id: bank-{n:02d}").replace(
                "title: Riverton opens its bridge", f"title: Bank number {n:02d}"
            ),
            encoding="utf-8",
        )
    broken = (DATA / "invalid" / "bad-difficulty.yaml").read_text(encoding="utf-8")
    (folder / "broken.yaml").write_text(
        broken.replace("title: Riverton\n", "title: A broken bank\n"), encoding="utf-8"
    )


@pytest.fixture
def held_checks(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Checking a bank (its full load) waits until the event is set: the screen can be looked
    at while every bank is still to be checked, however fast the machine."""
    release = threading.Event()
    real: Callable[[BankCache, Path], BankSummary] = BankCache._summarise

    def held(self: BankCache, path: Path) -> BankSummary:
        release.wait(30)
        return real(self, path)

    monkeypatch.setattr(BankCache, "_summarise", held)
    return release


async def _until(pilot: Pilot, done: Callable[[], bool]) -> None:
    for _ in range(300):
        if done():
            return
        await pilot.pause(0.02)
    raise AssertionError("the screen never got there")


async def test_new_banks_list_at_once_with_a_progress_bar_then_are_checked(
    harness: Harness, tmp_path: Path, held_checks: threading.Event
) -> None:
    folder = tmp_path / "banks"
    _library(folder)
    app = harness.app(harness.config(StartHome(), (folder,), data_dir=tmp_path / "data"))
    try:
        async with app.run_test(size=(80, 30)) as pilot:
            home = app.screen
            assert isinstance(home, HomeScreen)
            reading = home.query_one("#reading")
            await _until(pilot, lambda: len(home.entries) == BANKS + 1)
            # listed, none checked yet: a bar says how many remain
            assert reading.display
            what = str(home.query_one("#reading-what", Static).render())
            assert f"{BANKS + 1} of {BANKS + 1} to go" in what
            assert not any(e.checked for e in home.entries)
            assert len(app.known_banks) == BANKS + 1  # the palette can play them meanwhile
            banks = home.query_one("#banks", OptionList)
            assert str(banks.get_option_at_index(1).prompt).startswith(
                "Bank number 00\n9 questions"
            )
            # a glance cannot tell the broken bank: it is listed by its title until checked
            assert [e.summary.title for e in home.entries][:2] == [
                "A broken bank",
                "Bank number 00",
            ]
            # the list can be used meanwhile: two banks down from where the cursor is (on a
            # busy machine the first listing can still be settling as the test gets here)
            await pilot.pause()
            start = banks.highlighted
            assert start is not None
            await pilot.press("down", "down")
            assert banks.highlighted == start + 2
            chosen = home.entries[start + 2].path

            held_checks.set()
            await settle(pilot)
            await _until(pilot, lambda: not reading.display)
            assert all(e.checked for e in home.entries)
            assert home.entries[-1].path.name == "broken.yaml"  # broken: last, as always
            assert not home.entries[-1].ok
            highlighted = banks.highlighted
            assert highlighted is not None
            assert home.entries[highlighted].path == chosen  # the cursor stayed on its bank
    finally:
        held_checks.set()


async def test_a_known_library_lists_without_a_progress_bar(
    harness: Harness, tmp_path: Path
) -> None:
    folder = tmp_path / "banks"
    _library(folder)
    data = tmp_path / "data"
    BankCache(data / "cache").summaries(sorted(folder.glob("*.yaml")))  # the index knows them
    app = harness.app(harness.config(StartHome(), (folder,), data_dir=data))
    async with app.run_test(size=(80, 30)) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen)
        await _until(pilot, lambda: len(home.entries) == BANKS + 1)
        assert all(e.checked for e in home.entries)  # from the index: no glances
        assert not home.query_one("#reading").display
