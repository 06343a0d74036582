"""quiz author on a small terminal shows the list or the question, Tab for the other, and the
key bar says which (a walk-through found the list and, below it, only the first line of the
selected question at 40x12)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.geometry import Region
from textual.widgets import Static

from quiz.tui.screens.author import AuthorScreen
from quiz.tui.screens.author.panes import QuestionDetail, QuestionList
from quiz.tui.widgets.footer import KeyBar
from tests.tui.conftest import Harness, settle
from tests.tui.test_author import author_app, current_id, draft
from tests.tui.test_author import bank_dir as bank_dir


def key_bar(app: object) -> str:
    screen = app.screen  # type: ignore[attr-defined]
    return str(screen.query_one(KeyBar).render().plain)


async def test_small_terminal_shows_the_list_or_the_question(
    harness: Harness,
    bank_dir: Path,
    tmp_path: Path,
) -> None:
    app = author_app(harness, bank_dir / "riverton.yaml", tmp_path / "out.yaml")
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, AuthorScreen)
        whole = Region(0, 0, 40, 12)
        questions = screen.query_one(QuestionList)
        detail = screen.query_one(QuestionDetail)
        assert questions.display and questions.has_focus and not detail.display
        assert key_bar(app).startswith(" tab Question ")
        await pilot.press("down")
        second = current_id(app)

        await pilot.press("tab")
        await pilot.pause()
        assert detail.display and not questions.display
        assert key_bar(app).startswith(" tab List ")
        prompt = screen.query_one("#d-prompt", Static)
        # the question's text is on screen, whole
        item = next(i for i in draft(app).items if i.question.id == second)
        assert item.question.prompt.split()[0] in str(prompt.render())
        for _ in range(10):  # the arrows scroll the question shown, down to its text
            if detail.region.contains_region(prompt.region):
                break
            await pilot.press("down")
            await pilot.pause()
        assert detail.region.contains_region(prompt.region), (detail.region, prompt.region)
        assert whole.contains_region(prompt.region) and prompt.region.height >= 1
        assert current_id(app) == second  # still the question chosen
        await pilot.press("a")  # keys act on the question shown
        await pilot.pause()
        assert current_id(app) != second

        await pilot.press("tab")
        await pilot.pause()
        assert questions.display and questions.has_focus and not detail.display
        assert key_bar(app).startswith(" tab Question ")


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
async def test_room_for_both_shows_both(
    harness: Harness,
    bank_dir: Path,
    tmp_path: Path,
    size: tuple[int, int],
) -> None:
    app = author_app(harness, bank_dir / "riverton.yaml", tmp_path / "out.yaml")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.query_one(QuestionList).display and screen.query_one(QuestionDetail).display
        assert "Question" not in key_bar(app) and "List" not in key_bar(app)
