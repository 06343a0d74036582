"""Issue 20, item 7: ANSI codes and bidi overrides in a file name printed by ``quiz check`` and
the other commands that print a bank's path. Each is shown escaped (``\\x1b``, ``\\u202e``),
never sent to the terminal raw; ``check --json`` keeps the exact name for scripts (the JSON
escape ``\\u001b`` means the same character) with nothing raw in its text either."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.cli_run import run_quiz
from tests.conftest import ALL_TYPES_BANK, DATA

EVIL = "\x1b[31m\u202e\x9b2J"
SHOWN = "\\x1b[31m\\u202e\\x9b2J"
RAW = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A good bank, a broken bank and an article, each with escape codes in its name."""
    folder = tmp_path / "banks"
    folder.mkdir()
    shutil.copy(ALL_TYPES_BANK, folder / f"good{EVIL}.yaml")
    shutil.copy(DATA / "valid" / "article.txt", folder / "article.txt")
    (folder / f"bad{EVIL}.yaml").write_text("format: quiz-bank/1\nid: [\n", encoding="utf-8")
    (folder / f"notes{EVIL}.txt").write_text("notes\n", encoding="utf-8")
    return folder


def _quiz(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    result = run_quiz(tmp_path / "data", *args, timeout=60)
    out = result.stdout + result.stderr
    assert "Traceback" not in out, out
    assert not RAW.search(out), f"raw {RAW.findall(out)} in: {out!r}"
    return result


def test_quiz_check_escapes_every_file_name(tmp_path: Path, folder: Path) -> None:
    result = _quiz(tmp_path, "check", str(folder), str(folder / f"notes{EVIL}.txt"))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{folder}/bad{SHOWN}.yaml:3: YAML syntax error")
    assert lines[1].startswith(f"OK {folder}/good{SHOWN}.yaml: 9 questions")
    assert any(line.startswith(f"{folder}/good{SHOWN}.yaml:35: advice") for line in lines)
    assert result.stderr == f"skipped {folder}/notes{SHOWN}.txt: not a bank file (.yaml or .yml)\n"


def test_quiz_check_json_keeps_the_name_and_sends_nothing_raw(tmp_path: Path, folder: Path) -> None:
    result = _quiz(tmp_path, "check", "--json", str(folder))
    files = json.loads(result.stdout)["files"]
    assert [f["file"] for f in files] == [f"{folder}/bad{EVIL}.yaml", f"{folder}/good{EVIL}.yaml"]
    assert "\\u202e" in result.stdout and "\\u009b" in result.stdout


@pytest.mark.parametrize("command", ["play", "export", "review"])
def test_a_broken_bank_s_name_is_escaped(tmp_path: Path, folder: Path, command: str) -> None:
    bad = str(folder / f"bad{EVIL}.yaml")
    args = {
        "play": ["play", bad],
        "export": ["export", bad, "--format", "gift", "-o", str(tmp_path / "x.gift")],
        "review": ["review", "--bank", bad],
    }[command]
    result = _quiz(tmp_path, *args)
    assert result.returncode == 1
    assert f"{folder}/bad{SHOWN}.yaml:3: YAML syntax error" in result.stderr
