"""A file a teacher names with ``-o`` goes where they say: ``quiz export``, ``quiz results export``
and ``quiz generate`` (and ``quiz report -o``) all make the missing folders above it, say which
folder they made, and print where the file was written. (Export used to refuse a missing
folder while the other two made it without a word.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.commands.author import model_installed
from tests.cli_run import run_quiz
from tests.conftest import ALL_TYPES_BANK, ROOT

ARTICLE = ROOT / "question_banks" / "japan-korea-summit-2025.txt"


def _made_and_written(target: Path, folder: Path, said: str, wrote: str) -> None:
    assert target.is_file()
    assert f"made the folder {folder}\n" in said, said
    assert wrote in said, said


def test_export_makes_the_folders(tmp_path: Path) -> None:
    target = tmp_path / "class" / "week-3" / "quiz.gift"
    result = run_quiz(tmp_path / "data", "export", str(ALL_TYPES_BANK), "-o", str(target))
    assert result.returncode == 0, result.stderr
    _made_and_written(target, target.parent, result.stderr, f"questions to {target} (gift)")


def test_report_makes_the_folders(tmp_path: Path) -> None:
    target = tmp_path / "reports" / "term-1" / "riverton.csv"
    args = ["report", str(ALL_TYPES_BANK), "--format", "csv", "-o", str(target)]
    result = run_quiz(tmp_path / "data", *args)
    assert result.returncode == 0, result.stderr
    _made_and_written(target, target.parent, result.stderr, f"to {target}")


def test_results_export_makes_the_folders_and_says_so(tmp_path: Path) -> None:
    target = tmp_path / "hand-in" / "maths" / "me.jsonl"
    result = run_quiz(tmp_path / "data", "results", "export", "-o", str(target))
    assert result.returncode == 0, result.stderr
    _made_and_written(target, target.parent, result.stderr, f"wrote 0 answers to {target}")


def test_an_existing_folder_is_not_said(tmp_path: Path) -> None:
    target = tmp_path / "quiz.md"
    result = run_quiz(tmp_path / "data", "export", str(ALL_TYPES_BANK), "-o", str(target))
    assert result.returncode == 0 and "made the folder" not in result.stderr


@pytest.mark.skipif(not model_installed(), reason="spaCy's English model is missing")
def test_generate_makes_the_folders_and_says_so(tmp_path: Path) -> None:
    target = tmp_path / "class" / "banks" / "summit.yaml"
    result = run_quiz(
        tmp_path / "data", "generate", "--at-least", "3", str(ARTICLE), "-o", str(target)
    )
    assert result.returncode == 0, result.stderr
    assert (target.parent / ARTICLE.name).is_file()
    _made_and_written(target, target.parent, result.stderr + result.stdout, f"wrote {target}: ")
