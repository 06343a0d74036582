"""The feedback's note on an answer the database refused says where the answer really is
(issue 20, items 4 and 5). It used to say "kept in memory" even when the answer was safe on
disk in the pending-answers journal; it now names the journal then, and says "in memory only"
when the journal could not take it either."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Static

from quiz.store import Store
from quiz.store.journal import JOURNAL_NAME
from tests.conftest import ALL_TYPES_BANK, DATA
from tests.tui.helpers import answer_right, current
from tests.tui.test_review import Apps, Clock, _full, play_through


@pytest.fixture
def apps(tmp_path: Path) -> Iterator[Apps]:
    """Apps over a real store, wired as the CLI wires them (the store's journaling recorder)."""
    banks = tmp_path / "banks"
    banks.mkdir()
    shutil.copy(ALL_TYPES_BANK, banks / "riverton-bridge.yaml")
    shutil.copy(DATA / "valid" / "article.txt", banks / "article.txt")
    clock = Clock()
    with Store.open(tmp_path / "data", clock=clock, fuzz=False) as store:
        yield Apps(store, clock, banks)


async def _note_after_a_refused_answer(apps: Apps) -> str:
    async with apps.play().run_test(size=(80, 24)) as pilot:
        await play_through(pilot, "R")  # saved
        _full(apps.store)
        quiz = current(pilot)
        await answer_right(pilot)  # refused by the database
        assert quiz.acknowledged and quiz.saved is not None and not quiz.saved.ok
        return str(quiz.query(".save-note").results(Static).__next__().render())


async def test_a_journaled_answer_s_note_names_the_journal(apps: Apps) -> None:
    note = await _note_after_a_refused_answer(apps)
    assert note == (
        f"Not saved to your scores yet: kept on disk in {JOURNAL_NAME}, and saved when saving "
        "works again or at the next start."
    )
    journal = apps.store.path.with_name(JOURNAL_NAME)
    assert journal.stat().st_size > 0  # where the note says it is


async def test_an_answer_only_in_memory_says_so(apps: Apps) -> None:
    journal: Path = apps.store.path.with_name(JOURNAL_NAME)
    journal.mkdir()  # the journal cannot be written either
    note = await _note_after_a_refused_answer(apps)
    assert note == (
        "Not saved: kept in memory only, and saved if saving works again before you quit."
    )
