"""Every command says a bank that cannot be loaded as ``quiz check`` does: ``FILE:LINE: what is
wrong``, with no ``quiz: `` in front (kept for messages that name no line of a file), exit 1;
and a missing bank file reads ``FILE: the bank file was not found`` in every command. The real
``quiz``, in a subprocess, as a teacher runs it (``quiz report broken.yaml`` once printed
``quiz: broken.yaml:12: …`` where ``quiz check`` printed ``broken.yaml:12: …``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.commands.author import model_installed
from tests.cli_run import run_quiz
from tests.conftest import DATA, ROOT

BROKEN = DATA / "invalid" / "duplicate-key.yaml"
ARTICLE = ROOT / "question_banks" / "japan-korea-summit-2025.txt"

#: Each command with BANK where the bank goes, and whether it reports on stdout (quiz check's
#: report) rather than stderr.
COMMANDS = {
    "check": (["check", "BANK"], "stdout"),
    "play": (["play", "BANK"], "stderr"),
    "review": (["review", "--bank", "BANK"], "stderr"),
    "export": (["export", "BANK", "-f", "gift", "-o", "-"], "stderr"),
    "report": (["report", "BANK"], "stderr"),
    "author": (["author", "BANK"], "stderr"),
    "banks add": (["banks", "add", "BANK"], "stderr"),
    "results export": (["results", "export", "-o", "-", "--bank", "BANK"], "stderr"),
}


def _run(tmp_path: Path, command: str, bank: str) -> tuple[int, str, str]:
    words, stream = COMMANDS[command]
    args = [bank if w == "BANK" else w for w in words]
    result = run_quiz(tmp_path / "data", *args, timeout=120)
    said = result.stdout if stream == "stdout" else result.stderr
    return result.returncode, said, result.stdout + result.stderr


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_broken_bank_is_file_line_without_prefix(command: str, tmp_path: Path) -> None:
    code, said, everything = _run(tmp_path, command, str(BROKEN))
    assert code == 1, everything
    assert "Traceback" not in everything
    assert said.startswith(f"{BROKEN}:12: duplicate key 'answer' (first at line 11)"), said
    assert "quiz: " not in said, said


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_missing_bank_file_reads_the_same_everywhere(command: str, tmp_path: Path) -> None:
    missing = tmp_path / "missing.yaml"
    code, said, everything = _run(tmp_path, command, str(missing))
    assert code == 1, everything
    assert said == f"{missing}: the bank file was not found\n", everything


@pytest.mark.skipif(not model_installed(), reason="spaCy's English model is missing")
def test_generate_update_of_a_broken_bank(tmp_path: Path) -> None:
    result = run_quiz(tmp_path / "data", "generate", str(ARTICLE), "--update", str(BROKEN))
    assert result.returncode == 1
    assert result.stderr.startswith(f"{BROKEN}:12: duplicate key 'answer'"), result.stderr


def test_a_message_without_a_file_line_keeps_its_prefix(tmp_path: Path) -> None:
    result = run_quiz(tmp_path / "data", "report", "no-such-bank")
    assert result.returncode == 1
    assert result.stderr.startswith("quiz: no bank file or bank id 'no-such-bank'")
