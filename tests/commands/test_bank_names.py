"""A bank named by a mistyped or shortened id: every command says which banks were probably
meant (a generated id ends in a code, ``…-87ead3``, so a typed id is often a prefix of it), and
`quiz check` says the same, and says plainly when a folder holds no bank files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from quiz.library import similar_names
from tests.cli_run import ROOT, run_quiz

SHIPPED = ROOT / "question_banks" / "japan-korea-summit-2025.yaml"


@pytest.mark.parametrize(
    "command", [["play"], ["check"], ["author"], ["export", "-f", "gift"], ["report"]]
)
def test_a_misspelled_id_gets_the_id_it_meant(tmp_path: Path, command: list[str]) -> None:
    result = run_quiz(tmp_path / "data", *command, "japan-korea-sumit-2025")
    said = result.stdout + result.stderr  # (quiz check reports on stdout, as for a bad file)
    assert result.returncode == 1, said
    assert "quiz: no bank file or bank id 'japan-korea-sumit-2025'; " in said
    assert "did you mean 'japan-korea-summit-2025'?" in said
    assert "Traceback" not in said


def test_the_start_of_a_generated_id_and_a_part_of_it(tmp_path: Path) -> None:
    data = tmp_path / "data"
    bank = tmp_path / "mine.yaml"
    text = SHIPPED.read_text(encoding="utf-8").replace(
        "id: japan-korea-summit-2025", "id: virtual-fences-for-cows-show-benefits-87ead3", 1
    )
    bank.write_text(text, encoding="utf-8")
    shutil.copy(SHIPPED.with_suffix(".txt"), tmp_path / SHIPPED.with_suffix(".txt").name)
    added = run_quiz(data, "banks", "add", str(bank))
    assert added.returncode == 0, added.stderr
    for typed in ("virtual-fences-for-cows", "fences-for-cows"):
        result = run_quiz(data, "play", typed)
        assert result.returncode == 1
        assert "did you mean 'virtual-fences-for-cows-show-benefits-87ead3'?" in result.stderr


def test_nothing_like_it_gets_no_guess(tmp_path: Path) -> None:
    result = run_quiz(tmp_path / "data", "play", "xyzzy")
    assert result.returncode == 1
    assert "did you mean" not in result.stderr
    assert result.stderr.startswith("quiz: no bank file or bank id 'xyzzy'")


def test_check_of_a_folder_without_banks(tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "notes.md").write_text("hi\n", encoding="utf-8")
    result = run_quiz(tmp_path / "data", "check", str(folder))
    assert result.returncode == 1
    assert (
        result.stdout + result.stderr == f"{folder}: no bank files (.yaml or .yml) in this folder\n"
    )
    as_json = run_quiz(tmp_path / "data", "check", str(folder), "--json")
    assert as_json.returncode == 1
    assert json.loads(as_json.stdout)["files"][0]["ok"] is False


def test_similar_names() -> None:
    known = ["japan-korea-summit-2025", "study-saturns-moon-87ead3", "voa-who-booster"]
    assert similar_names("japan-korea-sumit-2025", known) == ["japan-korea-summit-2025"]
    assert similar_names("study-saturns", known) == ["study-saturns-moon-87ead3"]
    assert similar_names("saturns-moon", known) == ["study-saturns-moon-87ead3"]
    assert similar_names("moon", known) == ["study-saturns-moon-87ead3"]
    assert similar_names("abc", known) == []


def test_a_mistyped_file_name_gets_the_files_beside_it(tmp_path: Path) -> None:
    typed = SHIPPED.with_name("japan-korea-sumit-2025.yaml")
    meant = f"did you mean {str(SHIPPED)!r}?"
    for command in (["play"], ["check"], ["export", "-f", "gift"]):
        result = run_quiz(tmp_path / "data", *command, str(typed))
        said = result.stdout + result.stderr
        assert result.returncode == 1, said
        assert f"{typed}: the bank file was not found; {meant}" in said, said
    far = run_quiz(tmp_path / "data", "play", str(SHIPPED.with_name("nothing-like-it.yaml")))
    assert far.stderr.endswith("the bank file was not found\n")
