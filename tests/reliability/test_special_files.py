"""Special files where a bank should be: a FIFO never blocks a command, a symlink loop is one
broken line and never hides the rest of the banks folder (issue 20, items 2 and 3)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from quiz.library import library_files, user_banks_dir
from quiz.shelf import list_library
from tests.cli_run import run_quiz
from tests.conftest import FOUNDING_BANK

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")


def _quiz(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_quiz(data_dir, *args, timeout=60)


def _user_bank(data_dir: Path) -> Path:
    folder = user_banks_dir(data_dir)
    folder.mkdir(parents=True)
    shutil.copy(FOUNDING_BANK.with_suffix(".txt"), folder)
    text = FOUNDING_BANK.read_text(encoding="utf-8").replace(
        "\nid: japan-korea-summit-2025\n", "\nid: my-copy\n", 1
    )
    path = folder / FOUNDING_BANK.name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("command", ["check", "play", "export"])
def test_a_fifo_as_the_bank_file_is_refused_at_once(tmp_path: Path, command: str) -> None:
    fifo = tmp_path / "bank.yaml"
    os.mkfifo(fifo)
    extra = ["--format", "gift", "-o", str(tmp_path / "x.gift")] if command == "export" else []
    result = _quiz(tmp_path / "data", command, str(fifo), *extra)  # a hang fails on the timeout
    assert result.returncode == 1
    assert f"{fifo}: the bank file is not a regular file" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_a_fifo_in_a_checked_folder_is_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "banks"
    folder.mkdir()
    shutil.copy(FOUNDING_BANK, folder)
    shutil.copy(FOUNDING_BANK.with_suffix(".txt"), folder)
    os.mkfifo(folder / "pipe.yaml")
    result = _quiz(tmp_path / "data", "check", str(folder))
    assert result.returncode == 1
    assert f"OK {folder / FOUNDING_BANK.name}" in result.stdout
    assert f"{folder / 'pipe.yaml'}: the bank file is not a regular file" in result.stdout


def test_a_symlink_loop_never_hides_the_other_banks(tmp_path: Path) -> None:
    data = tmp_path / "data"
    mine = _user_bank(data)
    (mine.parent / "loop.yaml").symlink_to("loop.yaml")
    (mine.parent / "gone.yaml").symlink_to(tmp_path / "nowhere.yaml")
    os.mkfifo(mine.parent / "pipe.yaml")
    assert mine in library_files(data)
    entries = {Path(e.summary.path).name: e.summary for e in list_library(data)}
    assert entries[mine.name].ok and entries[mine.name].id == "my-copy"
    assert not entries["loop.yaml"].ok and not entries["gone.yaml"].ok
    assert not entries["pipe.yaml"].ok
    result = _quiz(data, "banks")
    assert result.returncode == 0, result.stderr
    assert "my-copy" in result.stdout and result.stdout.count("broken") == 3
