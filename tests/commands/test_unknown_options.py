"""An option no command takes is a usage error of the command it was given to.

``quiz play BANK --bogus`` printed the usage of ``quiz`` itself, which names no option of
``play`` (a new user's trial, session 13): the command's own usage is what helps."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli_run import ROOT, run_quiz

BANK = str(ROOT / "question_banks" / "japan-korea-summit-2025.yaml")


@pytest.mark.parametrize(
    ("args", "command"),
    [
        (("play", BANK, "--bogus"), "quiz play"),
        (("check", BANK, "--bogus"), "quiz check"),
        (("stats", "--json", "--bogus"), "quiz stats"),
        (("--bogus",), "quiz"),
    ],
)
def test_an_unknown_option_gets_its_command_s_usage(
    args: tuple[str, ...], command: str, tmp_path: Path
) -> None:
    result = run_quiz(tmp_path / "data", *args)
    assert result.returncode == 2
    assert result.stderr.startswith(f"usage: {command} ")
    assert result.stderr.rstrip().endswith(f"{command}: error: unrecognized arguments: --bogus")
    assert result.stdout == ""
