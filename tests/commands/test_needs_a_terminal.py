"""A command that shows a screen, run with its input or output redirected, says so and stops:
it used to write its screens as escape codes into the file and wait for keys forever
(``quiz stats > progress.txt``; a new-user walk-through, session 8)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FOUNDING_BANK

COMMANDS = [
    ([], ""),
    (["stats"], "quiz stats --json"),
    (["review"], ""),
    (["play", str(FOUNDING_BANK)], ""),
    (["author", str(FOUNDING_BANK)], ""),
    (["report", str(FOUNDING_BANK), "--tui"], "leave out --tui"),
]


@pytest.mark.parametrize(
    ("args", "hint"), COMMANDS, ids=[" ".join(a[:1]) or "home" for a, _ in COMMANDS]
)
def test_a_screen_without_a_terminal_is_refused(tmp_path: Path, args: list[str], hint: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "quiz", "--data-dir", str(tmp_path / "data"), *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1, result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "is not a terminal" in lines[0], result.stderr
    assert hint in lines[0]
