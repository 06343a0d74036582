"""``quiz check`` as a teacher or CI job runs it: real files, real exit codes, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ALL_TYPES_BANK, DATA, FOUNDING_BANK, ROOT


def quiz(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quiz", *args], capture_output=True, text=True, cwd=ROOT, timeout=60
    )


def test_shipped_banks_pass() -> None:
    shipped = sorted(str(p) for p in (ROOT / "question_banks").iterdir())
    result = quiz("check", *shipped)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"OK {FOUNDING_BANK.relative_to(ROOT)}" in result.stdout or "OK " in result.stdout


def test_good_bank_prints_ok_with_counts() -> None:
    result = quiz("check", str(ALL_TYPES_BANK))
    assert result.returncode == 0
    assert result.stdout.startswith(f"OK {ALL_TYPES_BANK}: 9 questions (1 cloze, 1 matching,")


def test_broken_bank_gives_file_line_and_exit_1_without_traceback() -> None:
    broken = DATA / "invalid" / "many-errors.yaml"
    result = quiz("check", str(ALL_TYPES_BANK), str(broken))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert f"{broken}:13: duplicate question id 'q1'" in result.stdout
    assert len([line for line in result.stdout.splitlines() if line.startswith(str(broken))]) == 5


def test_every_hostile_file_exits_1_cleanly() -> None:
    files = sorted(str(p) for p in (DATA / "invalid").glob("*.yaml"))
    result = quiz("check", *files)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert "OK " not in result.stdout


def test_json_output_for_scripts() -> None:
    broken = DATA / "invalid" / "duplicate-key.yaml"
    result = quiz("check", "--json", str(ALL_TYPES_BANK), str(broken))
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["ok"] is False
    good, bad = report["files"]
    assert good["ok"] and good["questions"] == 9 and good["by_type"]["cloze"] == 1
    assert (
        bad["errors"][0]["line"] == 12 and "duplicate key 'answer'" in bad["errors"][0]["message"]
    )


def test_missing_file_and_article_beside_bank(tmp_path: Path) -> None:
    result = quiz("check", str(tmp_path / "missing.yaml"))
    assert result.returncode == 1 and "not found" in result.stdout
    result = quiz("check", str(ALL_TYPES_BANK), str(ALL_TYPES_BANK.parent / "article.txt"))
    assert result.returncode == 0
    assert "skipped" in result.stderr


def test_a_bank_id_is_checked_as_play_takes_it(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "quiz", "--data-dir", str(tmp_path), "check", FOUNDING_BANK.stem],
        capture_output=True, text=True, cwd=tmp_path, timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith(f"OK {FOUNDING_BANK}: 70 questions")
    result = quiz("check", "no-such-bank")
    assert result.returncode == 1
    assert result.stdout == "no-such-bank: the bank file was not found\n"


def test_advice_follows_the_ok_line_and_the_check_still_passes(tmp_path: Path) -> None:
    """The founding bank with every choice list starting with its right answer (as it first
    shipped): still OK, with advice on the next line."""
    import re
    import shutil

    from msgspec.structs import replace

    from quiz.bank import load_bank
    from quiz.bank.dump import dump_bank
    from quiz.bank.model import MultipleChoice

    bank = load_bank(FOUNDING_BANK)
    questions = tuple(
        replace(q, choices=(q.answers[0], *[c for c in q.choices if c != q.answers[0]]))
        if isinstance(q, MultipleChoice) and not q.multiple
        else q
        for q in bank.questions
    )
    shutil.copy(FOUNDING_BANK.with_suffix(".txt"), tmp_path)
    biased = tmp_path / "biased.yaml"
    biased.write_text(dump_bank(replace(bank, questions=questions)), encoding="utf-8")
    result = quiz("check", str(biased))
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.fullmatch(
        rf"advice {re.escape(str(biased))}: the right answer is choice 1 in 20 of 20 .*",
        result.stdout.splitlines()[1],
    )


def test_usage_error_exits_2() -> None:
    assert quiz("check").returncode == 2
