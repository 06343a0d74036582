"""Issue 20, item 1, in the banks folder: a bank with a 5,000-digit number stopped the home
screen (and ``quiz review``) with "ran into a problem". It is now one broken bank among the
others: listed with its ``line: message``, the others still playable."""

from __future__ import annotations

import shutil
from pathlib import Path

from quiz.library import user_banks_dir
from tests.cli_run import run_quiz
from tests.conftest import ALL_TYPES_BANK, DATA
from tests.reliability.test_tui_safe_text import screen_text
from tests.tui.conftest import Harness, settle
from tests.tui.conftest import harness as harness  # the fixtures of tests/tui
from tests.tui.conftest import private_files as private_files  # autouse: no shared data dir

DIGITS = "1" * 5000


def _folder(folder: Path) -> Path:
    folder.mkdir(parents=True)
    shutil.copy(ALL_TYPES_BANK, folder / "good.yaml")
    shutil.copy(DATA / "valid" / "article.txt", folder / "article.txt")
    text = ALL_TYPES_BANK.read_text(encoding="utf-8")
    (folder / "long.yaml").write_text(
        text.replace("id: riverton-bridge", "id: long-numbers", 1).replace(
            "answer: false", f"answer: {DIGITS}", 1
        ),
        encoding="utf-8",
    )
    return folder


async def test_the_home_screen_lists_it_as_broken(harness: Harness, tmp_path: Path) -> None:
    app = harness.home((_folder(tmp_path / "banks"),))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for _ in range(50):
            if "Riverton" in screen_text(app):
                break
            await pilot.pause(0.05)
        text = screen_text(app)
        assert "Riverton opens its bridge" in text and "long" in text
        assert "ran into a problem" not in text and app.is_running


def test_quiz_banks_lists_it_as_broken(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _folder(user_banks_dir(data))
    result = run_quiz(data, "banks", timeout=60)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "4300" not in result.stdout
    assert "riverton-bridge" in result.stdout and "broken" in result.stdout
