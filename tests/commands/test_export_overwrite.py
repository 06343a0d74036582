"""``quiz export -o`` never writes over a bank or a bank's article: the exported bank's own files,
every bank of the library (its YAML file and the article it names), any other file that is a
quiz bank, and no ``.yaml``/``.yml`` name for a format that is not YAML. A new-user
walk-through replaced a library bank's article with GIFT text (its questions then failed
``quiz check``), and a library bank's YAML with GIFT."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.cli_run import run_quiz
from tests.conftest import ALL_TYPES_BANK, FOUNDING_BANK


@pytest.fixture()
def data_dir(tmp_path: Path) -> Path:
    """A data dir whose banks folder holds the all-types bank as ``riverton.yaml``, with its
    article ``article.txt`` beside it."""
    banks = tmp_path / "data" / "banks"
    banks.mkdir(parents=True)
    shutil.copy(ALL_TYPES_BANK, banks / "riverton.yaml")
    shutil.copy(ALL_TYPES_BANK.parent / "article.txt", banks / "article.txt")
    return tmp_path / "data"


def _refused(data_dir: Path, target: Path, why: str, fmt: str = "gift") -> None:
    before = target.read_bytes() if target.exists() else None
    result = run_quiz(data_dir, "export", FOUNDING_BANK.stem, "-f", fmt, "-o", str(target))
    assert result.returncode == 1, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"quiz: cannot write {target}: {why}"), lines[0]
    assert lines[0].endswith("give another file name with -o") or "such as" in lines[0]
    assert (target.read_bytes() if target.exists() else None) == before


def test_a_library_banks_article_is_never_overwritten(data_dir: Path) -> None:
    article = data_dir / "banks" / "article.txt"
    _refused(data_dir, article, "it is the article of the bank 'riverton-bridge'")
    _refused(data_dir, article, "it is the article of the bank", fmt="aiken")
    assert run_quiz(data_dir, "check", "riverton").returncode == 0


def test_a_library_banks_yaml_is_never_overwritten(data_dir: Path) -> None:
    bank = data_dir / "banks" / "riverton.yaml"
    _refused(data_dir, bank, "it is the bank file of 'riverton-bridge' in your library")
    shipped_article = FOUNDING_BANK.with_suffix(".txt")
    _refused(data_dir, shipped_article, "it is the bank's own article")


def test_a_registered_banks_files_elsewhere_are_kept(data_dir: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "class"
    elsewhere.mkdir()
    shutil.copy(ALL_TYPES_BANK, elsewhere / "bank.yml")
    shutil.copy(ALL_TYPES_BANK.parent / "article.txt", elsewhere / "article.txt")
    (elsewhere / "bank.yml").write_text(
        (elsewhere / "bank.yml").read_text(encoding="utf-8").replace("riverton-bridge", "other"),
        encoding="utf-8",
    )
    assert run_quiz(data_dir, "banks", "add", str(elsewhere / "bank.yml")).returncode == 0
    _refused(data_dir, elsewhere / "article.txt", "it is the article of the bank 'other'")
    _refused(data_dir, elsewhere / "bank.yml", "it is the bank file of 'other' in your library")


def test_any_bank_file_and_any_yaml_name_are_refused(data_dir: Path, tmp_path: Path) -> None:
    loose = tmp_path / "loose"
    loose.mkdir()
    not_in_library = loose / "draft.txt"  # a bank, whatever its name says
    not_in_library.write_text(ALL_TYPES_BANK.read_text(encoding="utf-8"), encoding="utf-8")
    _refused(data_dir, not_in_library, "it is a quiz bank")
    _refused(data_dir, loose / "new.yaml", "a .yaml file is read as a quiz bank")
    _refused(data_dir, loose / "new.YML", "a .YML file is read as a quiz bank", fmt="csv")
    assert sorted(p.name for p in loose.iterdir()) == ["draft.txt"]


def test_other_files_are_still_written_and_replaced(data_dir: Path, tmp_path: Path) -> None:
    target = data_dir / "banks" / "riverton.gift"
    target.write_text("an old export")
    result = run_quiz(data_dir, "export", "riverton", "-f", "gift", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert target.read_text(encoding="utf-8").startswith("// riverton-bridge")


def _refused_by(data_dir: Path, target: Path, why: str, *command: str) -> None:
    before = target.read_bytes() if target.exists() else None
    result = run_quiz(data_dir, *command, "-o", str(target))
    assert result.returncode == 1, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"quiz: cannot write {target}: {why}"), lines
    assert (target.read_bytes() if target.exists() else None) == before


def test_a_report_never_overwrites_a_bank_or_its_article(data_dir: Path) -> None:
    """ "quiz report BANK -o BANK" replaced a teacher's edited bank with the text report, and
    "-o ARTICLE" its article (a new-user walk-through, session 8)."""
    bank = data_dir / "banks" / "riverton.yaml"
    article = data_dir / "banks" / "article.txt"
    _refused_by(data_dir, bank, "it is the bank's own file", "report", str(bank))
    _refused_by(data_dir, article, "it is the bank's own article", "report", "riverton")
    _refused_by(
        data_dir,
        article,
        "it is the article of the bank",
        "report",
        FOUNDING_BANK.stem,
        "--format",
        "csv",
    )
    assert run_quiz(data_dir, "check", "riverton").returncode == 0
    written = data_dir.parent / "report.txt"
    assert run_quiz(data_dir, "report", "riverton", "-o", str(written)).returncode == 0
    assert written.exists()


def test_a_results_file_never_overwrites_a_bank_or_its_article(data_dir: Path) -> None:
    bank = data_dir / "banks" / "riverton.yaml"
    article = data_dir / "banks" / "article.txt"
    _refused_by(data_dir, bank, "it is the bank file of 'riverton-bridge'", "results", "export")
    _refused_by(data_dir, article, "it is the article of the bank", "results", "export")
    named = data_dir.parent / "answers.yaml"
    _refused_by(data_dir, named, "a .yaml file is read as a quiz bank", "results", "export")
    assert run_quiz(data_dir, "check", "riverton").returncode == 0
