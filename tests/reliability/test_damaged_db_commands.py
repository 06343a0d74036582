"""A damaged ``quiz.db`` met by ``quiz stats --json``, ``quiz report`` and ``quiz results
export``, which open the store themselves: the store sets the file aside and starts a new one
(issue 20, item 4), and each command says so on stderr in the same words ``play`` shows,
instead of the learner's history silently vanishing from the figures."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from quiz.store import DB_NAME
from quiz.store.journal import JOURNAL_NAME
from tests.cli_run import run_quiz
from tests.conftest import ALL_TYPES_BANK, DATA
from tests.store.test_damaged_db import damaged  # a real quiz.db, a middle page garbage

__all__ = ["damaged"]  # the fixture, used by name


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    folder = tmp_path / "bank"
    folder.mkdir()
    shutil.copy(ALL_TYPES_BANK, folder / "all-types.yaml")
    shutil.copy(DATA / "valid" / "article.txt", folder / "article.txt")
    return folder / "all-types.yaml"


def _set_aside(data_dir: Path) -> Path:
    (aside,) = data_dir.glob(f"{DB_NAME}.damaged-*")
    return aside


@pytest.mark.parametrize("command", ["stats", "report", "results"])
def test_a_damaged_scores_file_set_aside_is_said_on_stderr(
    tmp_path: Path, damaged: Path, bank: Path, command: str
) -> None:
    args = {
        "stats": ["stats", "--json"],
        "report": ["report", str(bank)],
        "results": ["results", "export", "-o", str(tmp_path / "out.jsonl")],
    }[command]
    if command == "stats":
        # With no pending-answers journal, stats --json reads the file as it is, read-only,
        # and sets nothing aside; a journal beside it (empty here) makes it open the store.
        (damaged / JOURNAL_NAME).write_text("", encoding="utf-8")
    result = run_quiz(damaged, *args, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    aside = _set_aside(damaged)
    notice = (
        f"Your scores file was damaged; it was kept as {aside} and a new one was started. "
        "To copy what can still be read from it, run  quiz review --recover"
    )
    assert notice in result.stderr.splitlines()
    if command == "stats":
        json.loads(result.stdout)  # stdout stays one JSON object for scripts
