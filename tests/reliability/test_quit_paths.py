"""Issue 20 item 5: every way out of the app goes through its quit path
(:meth:`~quiz.tui.app.QuizApp.quit_safely`), which waits for the answers still being saved
and asks first when some are in neither the database nor the journal. ``q`` on the stats
screen opened by ``quiz stats`` and the authoring screen's quit (clean, discarding, or after
saving) used to call ``app.exit()`` and lose such answers without a word.

Under Pilot, with the scores' writes failing as a full disk fails them and a journal that
cannot be written; the stats and authoring screens are opened over the quiz that holds the
answer at risk."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.authoring import Draft
from quiz.bank import load_bank
from quiz.store import Store
from quiz.store import store as store_module
from quiz.store.journal import JOURNAL_NAME
from quiz.tui.config import StartAuthor
from quiz.tui.screens.author import AuthorScreen, UnsavedChanges
from quiz.tui.screens.dialogs import UnsavedAnswers
from quiz.tui.screens.stats import StatsScreen
from tests.conftest import ALL_TYPES_BANK
from tests.reliability.test_unsaved_answers import _app, _full, _until
from tests.tui.conftest import settle
from tests.tui.helpers import answer_right


@pytest.fixture
def at_risk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Neither the database nor the journal can take an answer."""
    Store.open(tmp_path).close()
    monkeypatch.setattr(store_module, "record_answer", _full)
    (tmp_path / JOURNAL_NAME).mkdir()  # not os.fsync: saving a bank must still work
    return tmp_path


async def _answer_one_at_risk(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.app.workers.wait_for_complete()
    await answer_right(pilot)
    await settle(pilot)
    assert pilot.app.unsaved_answers() == (1, 1)


async def test_q_on_the_stats_screen_asks_before_losing_answers(at_risk: Path) -> None:
    app, scores = _app(at_risk)
    async with app.run_test(size=(80, 24)) as pilot:
        await _answer_one_at_risk(pilot)
        app.push_screen(StatsScreen(direct=True))  # as `quiz stats` opens it
        await settle(pilot)
        await pilot.press("q")
        await _until(pilot, lambda: isinstance(app.screen, UnsavedAnswers))
        assert app.is_running
    scores.close()


def _author(tmp_path: Path) -> AuthorScreen:
    draft = Draft.from_bank(load_bank(ALL_TYPES_BANK))
    return AuthorScreen(StartAuthor(make=lambda: draft, save_to=tmp_path / "mine.yaml"))


@pytest.mark.parametrize("how", ["clean", "discard", "save"])
async def test_quitting_the_author_screen_asks_before_losing_answers(
    at_risk: Path, how: str
) -> None:
    app, scores = _app(at_risk)
    async with app.run_test(size=(100, 30)) as pilot:
        await _answer_one_at_risk(pilot)
        app.push_screen(_author(at_risk))
        await settle(pilot)
        if how != "clean":
            await pilot.press("x")  # reject a question: unsaved changes
            await pilot.pause()
        await pilot.press("q")
        if how != "clean":
            await _until(pilot, lambda: isinstance(app.screen, UnsavedChanges))
            await pilot.press("s" if how == "save" else "d")
        await _until(pilot, lambda: isinstance(app.screen, UnsavedAnswers))
        assert app.is_running
        if how == "save":
            assert (at_risk / "mine.yaml").exists()
    scores.close()
