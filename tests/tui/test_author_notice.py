"""What quiz author has to say when a bank opens (its # comments will not be kept, it joined
the library) is a line under the filters, whole, never a box over the questions, and the first
key hides it while doing what it does (a walk-through at 40x12 found a 15-second toast covering
the list, and then the edit form)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.geometry import Region
from textual.widgets import Static
from textual.widgets._toast import Toast

from quiz.commands.author import _from_bank
from quiz.tui.screens.author import AuthorScreen, EditQuestion, QuestionDetail, QuestionList
from tests.conftest import FOUNDING_BANK
from tests.tui.conftest import Harness, settle


def founding_copy(tmp_path: Path) -> Path:
    """The shipped bank (it has # comments) with its article, in a folder of their own."""
    folder = tmp_path / "bank"
    folder.mkdir()
    shutil.copy(FOUNDING_BANK, folder / FOUNDING_BANK.name)
    article = FOUNDING_BANK.with_suffix(".txt")
    shutil.copy(article, folder / article.name)
    return folder / FOUNDING_BANK.name


@pytest.mark.parametrize(
    ("size", "rows"),
    [((40, 12), 3), ((80, 24), 6), ((120, 40), 20)],
    ids=["40x12", "80x24", "120x40"],
)
async def test_the_opening_notice_is_inline_and_the_first_key_hides_it(
    harness: Harness, tmp_path: Path, size: tuple[int, int], rows: int
) -> None:
    start = _from_bank(str(founding_copy(tmp_path)), tmp_path / "data", tmp_path / "out.yaml")
    assert "has # comments" in start.notice  # as quiz author builds it
    app = harness.app(harness.config(start))  # type: ignore[arg-type]
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, AuthorScreen)
        whole = Region(0, 0, *size)
        notice = screen.query_one("#author-notice", Static)
        shown = str(notice.render())
        assert notice.display and "has # comments" in shown and "any key hides this" in shown
        # whole on screen, every line of it: readable at every size
        assert whole.contains_region(notice.region)
        assert notice.region.height == notice.virtual_region.height
        # no toast over the screen, and the questions beside the notice, not under it
        assert not list(screen.query(Toast)) and not list(app.query(Toast))
        questions = screen.query_one(QuestionList)
        assert not questions.region.overlaps(notice.region)
        assert questions.region.y >= notice.region.bottom
        assert min(questions.region.height, whole.bottom - questions.region.y) >= rows
        detail = screen.query_one(QuestionDetail)
        if detail.display:
            assert not detail.region.overlaps(notice.region)

        below = questions.region.y
        await pilot.press("j")  # the first key hides it, and moves on as j does
        await pilot.pause()
        assert not notice.display
        assert questions.highlighted == 1
        assert questions.region.y < below  # the room is the questions' again

        await pilot.press("e")  # the form opens over nothing left over
        await pilot.pause()
        assert isinstance(app.screen, EditQuestion)
        assert not list(app.query(Toast))


async def test_without_a_notice_nothing_is_shown(harness: Harness, tmp_path: Path) -> None:
    from tests.tui.test_author import author_app

    app = author_app(harness, founding_copy(tmp_path), tmp_path / "out.yaml")
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        assert not app.screen.query_one("#author-notice", Static).display
