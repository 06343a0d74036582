"""An impossible date (``2020-13-45``: the shape of a date, no such day) is refused where it comes
in: ``quiz generate --date`` (and ``quiz author --date``) say so before drafting anything, and
``quiz check`` reports a bank's ``as_of`` or ``source.published`` as ``FILE:LINE``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.cli_run import run_quiz
from tests.conftest import ALL_TYPES_BANK, ROOT

ARTICLE = ROOT / "question_banks" / "japan-korea-summit-2025.txt"


@pytest.mark.parametrize("command", ["generate", "author"])
@pytest.mark.parametrize("date", ["2020-13-45", "2025-02-30", "2025-8-1"])
def test_an_impossible_date_option_is_refused(command: str, date: str, tmp_path: Path) -> None:
    out = tmp_path / "bank.yaml"
    result = run_quiz(tmp_path / "data", command, str(ARTICLE), "--date", date, "-o", str(out))
    assert result.returncode == 1, result.stderr
    assert (
        result.stderr == f"quiz: --date '{date}' is not a date: give YYYY-MM-DD, like 2025-08-23\n"
    )
    assert not out.exists() and not (tmp_path / "data" / "banks").exists()


@pytest.mark.parametrize(
    ("field", "line", "message"),
    [
        ("as_of: 2025-05-12", 7, "as_of: not a date (YYYY-MM-DD): '2020-13-45'"),
        ("  published: 2025-05-12", 11, "source: published: not a date (YYYY-MM-DD): '2020-13-45'"),
    ],
)
def test_check_reports_an_impossible_date_with_its_line(
    field: str, line: int, message: str, tmp_path: Path
) -> None:
    bank = tmp_path / "bank.yaml"
    text = ALL_TYPES_BANK.read_text(encoding="utf-8")
    assert field in text
    bank.write_text(
        text.replace(field, field.replace("2025-05-12", "2020-13-45")), encoding="utf-8"
    )
    shutil.copy(ALL_TYPES_BANK.parent / "article.txt", tmp_path / "article.txt")
    result = run_quiz(tmp_path / "data", "check", str(bank))
    assert result.returncode == 1
    assert result.stdout == f"{bank}:{line}: {message}\n"
