"""`m` (more questions) on a bank opened as a bank, not from an article, says why nothing is
added: a key that does nothing in silence reads as broken (found by a walk-through)."""

from __future__ import annotations

from pathlib import Path

from quiz.authoring import Draft
from quiz.bank import load_bank
from quiz.tui.config import StartAuthor
from quiz.tui.screens.author import AuthorScreen
from tests.conftest import ALL_TYPES_BANK, DATA
from tests.tui.conftest import Harness, settle


async def test_more_on_a_bank_says_where_more_questions_come_from(
    harness: Harness, tmp_path: Path
) -> None:
    (tmp_path / "article.txt").write_bytes((DATA / "valid" / "article.txt").read_bytes())
    bank = tmp_path / "bank.yaml"
    bank.write_bytes(ALL_TYPES_BANK.read_bytes())
    draft = Draft(load_bank(bank))
    app = harness.app(harness.config(StartAuthor(make=lambda: draft, save_to=bank)))
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, AuthorScreen)
        before = len(draft)
        await pilot.press("m")
        await pilot.pause()
        assert len(draft) == before
        [note] = [n for n in app._notifications if n.title == "More questions"]
        assert "from an article" in note.message
