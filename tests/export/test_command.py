"""``quiz export`` as a teacher runs it: real files, real exit codes, messages on stderr."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from quiz.bank import load_bank
from tests.conftest import ALL_TYPES_BANK, DATA, FOUNDING_BANK, ROOT


def quiz(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "quiz", *args], capture_output=True, cwd=cwd, timeout=120, env=None
    )


@pytest.mark.parametrize(
    ("fmt", "suffix", "start"),
    [
        ("gift", ".gift", b"// riverton-bridge: 8 questions"),
        ("aiken", ".txt", b"Who opened the new bridge?\nA. Marta Silva"),
        ("anki", ".apkg", b"PK"),
        ("csv", ".csv", b"\xef\xbb\xbfid,type,prompt"),
        ("markdown", ".md", b"# Riverton opens its bridge"),
        ("html", ".html", b"<!DOCTYPE html>"),
    ],
)
def test_every_format_writes_its_file(fmt: str, suffix: str, start: bytes, tmp_path: Path) -> None:
    out = tmp_path / f"out{suffix}"
    result = quiz("export", str(ALL_TYPES_BANK), "--format", fmt, "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(start)
    assert result.stdout == b""
    assert result.stderr.decode().splitlines()[-1].startswith("wrote ")
    assert list(tmp_path.iterdir()) == [out]  # no temporary file left behind


def test_skips_are_said_on_stderr(tmp_path: Path) -> None:
    result = quiz("export", str(ALL_TYPES_BANK), "-f", "gift", "-o", str(tmp_path / "x.gift"))
    assert result.stderr.decode().splitlines() == [
        "quiz export: skipped 1 ordering question: GIFT has no ordering type",
        "quiz export: split 1 multi-blank cloze question into 2 short-answer questions, one per "
        "blank (GIFT has one answer set per question)",
        f"wrote 8 of 9 questions to {tmp_path / 'x.gift'} (gift)",
    ]


def test_text_formats_go_to_stdout_with_dash() -> None:
    result = quiz("export", "japan-korea-summit-2025", "-f", "markdown", "-o", "-")
    assert result.returncode == 0
    assert result.stdout.decode().startswith("# Japan–South Korea summit")
    assert b"wrote" not in result.stderr


def test_binary_format_refuses_stdout() -> None:
    result = quiz("export", str(ALL_TYPES_BANK), "-f", "anki", "-o", "-")
    assert result.returncode == 2
    assert result.stdout == b""
    assert b"anki writes a binary .apkg file; give a file name with -o" in result.stderr


def test_format_from_the_output_suffix_and_default_name(tmp_path: Path) -> None:
    result = quiz("export", str(FOUNDING_BANK), "-o", str(tmp_path / "deck.apkg"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "deck.apkg").read_bytes()[:2] == b"PK"
    result = quiz("export", str(FOUNDING_BANK), "-f", "csv", cwd=tmp_path)
    assert result.returncode == 0
    assert (tmp_path / "japan-korea-summit-2025.csv").is_file()


@pytest.mark.parametrize(
    "args",
    [
        ["-f", "pdf"],
        ["-o", "out.txt"],  # .txt could be GIFT or Aiken
        [],
    ],
)
def test_usage_errors_exit_2(args: list[str], tmp_path: Path) -> None:
    result = quiz("export", str(ALL_TYPES_BANK), *args, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.decode().startswith("usage: quiz export")
    assert list(tmp_path.iterdir()) == []


def test_bad_input_is_one_line_and_exit_1(tmp_path: Path) -> None:
    cases = [
        (["no-such-bank", "-f", "gift"], "quiz: no bank file or bank id 'no-such-bank'"),
        (
            [str(DATA / "invalid" / "many-errors.yaml"), "-f", "csv"],
            f"{DATA / 'invalid' / 'many-errors.yaml'}:10: question 'q1': 'prompt' is empty "
            "(and 4 more; run: quiz check",
        ),
        (  # a missing folder is made (tests/commands/test_output_folders.py); a file is no folder
            [str(ALL_TYPES_BANK), "-f", "csv", "-o", str(ALL_TYPES_BANK / "x.csv")],
            f"quiz: cannot write {ALL_TYPES_BANK / 'x.csv'}: cannot make the folder",
        ),
        (
            [str(ALL_TYPES_BANK), "-f", "csv", "-o", str(tmp_path)],
            f"quiz: cannot write {tmp_path}: it is a folder",
        ),
    ]
    for args, message in cases:
        result = quiz("export", *args)
        stderr = result.stderr.decode()
        assert result.returncode == 1, args
        assert len(stderr.splitlines()) == 1, stderr
        assert stderr.startswith(message), stderr
        assert "Traceback" not in stderr


def test_a_user_bank_by_id_from_the_data_dir(tmp_path: Path) -> None:
    banks = tmp_path / "data" / "banks"
    banks.mkdir(parents=True)
    (banks / "riverton.yaml").write_text(
        ALL_TYPES_BANK.read_text(encoding="utf-8"), encoding="utf-8"
    )
    (banks / "article.txt").write_text(
        (ALL_TYPES_BANK.parent / "article.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    result = quiz(
        "export", "riverton", "--data-dir", str(tmp_path / "data"), "-f", "aiken", "-o", "-"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().endswith("ANSWER: B\n")


def test_replaces_an_existing_file(tmp_path: Path) -> None:
    out = tmp_path / "x.md"
    out.write_text("old")
    assert quiz("export", str(ALL_TYPES_BANK), "-o", str(out)).returncode == 0
    assert out.read_text(encoding="utf-8").startswith("# Riverton")
    assert load_bank(ALL_TYPES_BANK).title in out.read_text(encoding="utf-8")


def test_help_lists_the_formats() -> None:
    result = quiz("export", "--help")
    assert result.returncode == 0
    for name in ("gift", "aiken", "anki", "csv", "markdown", "html"):
        assert name in result.stdout.decode()


def test_seed_gives_another_stable_shuffle(tmp_path: Path) -> None:
    def sheet(*extra: str) -> bytes:
        args = ("export", "japan-korea-summit-2025", "-f", "markdown", "-o", "-", *extra)
        result = quiz(*args, "--data-dir", str(tmp_path))
        assert result.returncode == 0, result.stderr
        return result.stdout

    default, seeded = sheet(), sheet("--seed", "42")
    assert default == sheet() and seeded == sheet("--seed", "42")
    assert seeded != default != sheet("--seed", "43")
    # the same questions and answers, only their order differs
    assert seeded.count(b"\n") == default.count(b"\n")


def test_seed_must_be_a_whole_number(tmp_path: Path) -> None:
    result = quiz("export", str(ALL_TYPES_BANK), "-f", "csv", "--seed", "x", cwd=tmp_path)
    assert result.returncode == 2
    assert b"--seed: invalid int value: 'x'" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_export_never_overwrites_the_bank_or_its_article(tmp_path: Path) -> None:
    """A walk-through found ``quiz export BANK --format aiken`` in the banks folder writing
    ``BANK-ID.txt``: the very article ``quiz generate`` keeps beside the bank, after which every
    question failed ``quiz check``. The default is now ``BANK-ID.aiken.txt``, and naming the
    article or the bank itself with -o is refused."""
    import shutil

    bank = tmp_path / "riverton-bridge.yaml"
    shutil.copy(ALL_TYPES_BANK, bank)
    article = tmp_path / "riverton-bridge.txt"  # as quiz generate names it
    shutil.copy(DATA / "valid" / "article.txt", article)
    bank.write_text(
        bank.read_text(encoding="utf-8").replace("file: article.txt", f"file: {article.name}"),
        encoding="utf-8",
    )
    before = article.read_bytes()

    result = quiz("export", str(bank), "--format", "aiken", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "riverton-bridge.aiken.txt").read_bytes().startswith(b"Who opened")
    assert article.read_bytes() == before
    for own in (article, bank):
        refused = quiz("export", str(bank), "--format", "aiken", "-o", str(own), cwd=tmp_path)
        assert refused.returncode == 1
        assert b"it is the bank's own" in refused.stderr and b"Traceback" not in refused.stderr
    assert article.read_bytes() == before
    assert quiz("check", str(bank)).returncode == 0
