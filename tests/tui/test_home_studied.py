"""The home screen's line under a bank says what is true of a bank studied only in reviews.

A new-user walk-through answered 8 questions of the shipped bank in `quiz review`, then opened
`quiz`: "34 questions · not played yet · 8 due". A review spans banks and scores none of them
(its session is the store's "*"), so the bank had no last score, and home took that for never
played. It now says how many of the bank's questions were studied ("8 studied"), read from
the store's cards (:meth:`quiz.store.Store.card_ids_by_bank`); a finished quiz still shows its
last score, and a bank never answered still says "not played yet"."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList

from quiz.store import Store
from quiz.tui.config import StartHome
from quiz.tui.screens.home import HomeScreen
from tests.conftest import FOUNDING_BANK
from tests.tui.conftest import settle
from tests.tui.helpers import answer_right, answer_wrong, bank_folder, current
from tests.tui.test_review import DAY1, RIVERTON, Apps, Clock, loaded, play_through

FOUNDING = "japan-korea-summit-2025"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The all-types bank and the shipped one, each with its article."""
    return bank_folder(tmp_path)


@pytest.fixture
def apps(tmp_path: Path, clock: Clock, folder: Path) -> Iterator[Apps]:
    """Apps over one real store, as the CLI wires them (see tests/tui/test_review.py)."""
    with Store.open(tmp_path / "data", clock=clock, fuzz=False) as store:
        yield Apps(store, clock, folder)


async def review(pilot: Pilot, count: int) -> list[tuple[str, str]]:
    """Answer ``count`` questions of a review, right and wrong in turn, then end it; the
    (bank id, question id) of each."""
    screen = await loaded(pilot)
    assert screen.plan is not None
    await pilot.press("enter")
    await pilot.pause()
    answered = []
    for n in range(count):
        quiz = current(pilot)
        assert quiz.session.mode == "review"
        item = quiz.session.current
        answered.append((quiz.session.bank_of(item).id, item.question.id))
        await (answer_right if n % 2 else answer_wrong)(pilot)
        await pilot.press("enter")
        await pilot.pause()
    await pilot.press("q", "y")
    await settle(pilot)
    return answered


async def home_lines(pilot: Pilot) -> dict[str, str]:
    """Bank id -> the second line of its entry, as the list shows it."""
    await settle(pilot)
    home = pilot.app.screen
    assert isinstance(home, HomeScreen)
    banks = home.query_one("#banks", OptionList)
    lines = {}
    for n, entry in enumerate(home.entries):
        prompt = banks.get_option_at_index(n).prompt
        lines[entry.summary.id] = str(prompt).splitlines()[1]
    return lines


@pytest.mark.parametrize("size", [(40, 12), (80, 24), (120, 40)], ids=["40x12", "80x24", "120x40"])
async def test_a_bank_answered_only_in_review_is_shown_as_studied(
    apps: Apps, clock: Clock, folder: Path, size: tuple[int, int]
) -> None:
    (folder / "riverton-bridge.yaml").unlink()  # the shipped bank alone, as in the walk-through
    async with apps.review().run_test(size=size) as pilot:
        answered = await review(pilot, 8)
    assert {bank for bank, _ in answered} == {FOUNDING}
    assert len(set(answered)) == 8

    clock.at(DAY1 + timedelta(days=1))  # the misses (and the rest) are due again
    async with apps.make(StartHome()).run_test(size=size) as pilot:
        line = (await home_lines(pilot))[FOUNDING]
        home = pilot.app.screen
        assert isinstance(home, HomeScreen)
        [entry] = home.entries
        assert entry.last is None  # a review scores no bank
        assert (entry.studied, entry.due) == (8, 8)
    assert "not played yet" not in line
    assert line.startswith("34 questions  ·  8 studied")
    if size[0] >= 80:  # at 40 columns the line's end is cut
        assert line == "34 questions  ·  8 studied  ·  8 due  ·  as of 2025-08-23"


async def test_a_played_bank_keeps_its_last_score_and_one_never_answered_says_so(
    apps: Apps, clock: Clock
) -> None:
    """A quiz of the all-types bank, then a review of the shipped one: each is shown as it
    was studied; a third bank, never answered, is "not played yet"."""
    async with apps.play().run_test(size=(80, 24)) as pilot:
        await play_through(pilot, "RW")
        await pilot.press("q", "y")
        await settle(pilot)
    async with apps.review().run_test(size=(80, 24)) as pilot:
        answered = await review(pilot, 4)
    in_founding = len({q for bank, q in answered if bank == FOUNDING})
    assert in_founding
    async with apps.make(StartHome()).run_test(size=(80, 24)) as pilot:
        lines = await home_lines(pilot)
    assert "last 1/2 (50%)" in lines[RIVERTON]
    assert "studied" not in lines[RIVERTON]
    assert lines[FOUNDING].startswith(f"34 questions  ·  {in_founding} studied")


async def test_a_bank_never_answered_is_not_played_yet(apps: Apps, folder: Path) -> None:
    async with apps.make(StartHome()).run_test(size=(80, 24)) as pilot:
        lines = await home_lines(pilot)
    assert lines[FOUNDING] == "34 questions  ·  not played yet  ·  as of 2025-08-23"
    assert FOUNDING_BANK.name in {p.name for p in folder.iterdir()}


async def test_a_bank_of_one_question_says_one_question(apps: Apps, folder: Path) -> None:
    """Banks hold only what passes the gate, so one question is common: not "1 questions"."""
    from msgspec.structs import replace

    from quiz.bank import load_bank
    from quiz.bank.dump import dump_bank

    founding = load_bank(folder / FOUNDING_BANK.name)
    one = replace(founding, id="one-question", questions=founding.questions[:1])
    (folder / "one-question.yaml").write_text(dump_bank(one), encoding="utf-8")
    async with apps.make(StartHome()).run_test(size=(80, 24)) as pilot:
        lines = await home_lines(pilot)
    assert lines["one-question"].startswith("1 question  ·  not played yet")
