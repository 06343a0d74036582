"""``quiz check`` as a teacher or CI job runs it: real files, real exit codes, no tracebacks."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import ALL_TYPES_BANK, DATA, FOUNDING_BANK, ROOT

#: The founding bank as issue 16 found it, before its revision: the item review's flaws.
BEFORE_REVISION = DATA / "item-review" / "shipped-before-revision.yaml"


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


def test_a_bank_of_one_question_and_one_draft_is_counted_in_the_singular(tmp_path: Path) -> None:
    """A generated bank often holds one question now: "1 questions" read as a slip."""
    bank = tmp_path / "one.yaml"
    (tmp_path / "article.txt").write_text(
        "The bridge opened on Monday. It cost 12 million euros.\n", encoding="utf-8"
    )
    bank.write_text(
        "format: quiz-bank/1\nid: one\ntitle: One\n"
        "source:\n  title: Bridge\n  file: article.txt\n"
        "questions:\n"
        "  - id: q1\n    type: cloze\n    prompt: The bridge opened on ___.\n"
        "    blanks: [Monday]\n    source: The bridge opened on Monday.\n"
        "drafts:\n"
        "  - id: q2\n    type: cloze\n    prompt: It cost ___ million euros.\n"
        "    blanks: ['12']\n    source: It cost 12 million euros.\n",
        encoding="utf-8",
    )
    result = quiz("check", str(bank))
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"OK {bank}: 1 question (1 cloze); 1 draft held back" in result.stdout


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
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith(f"OK {FOUNDING_BANK}: 34 questions")
    result = quiz("check", "no-such-bank")
    assert result.returncode == 1
    # an id no bank has is said as every command says it (it was "the bank file was not found")
    assert result.stdout.startswith("quiz: no bank file or bank id 'no-such-bank' (looked in ")


def test_advice_follows_the_ok_line_and_the_check_still_passes(tmp_path: Path) -> None:
    """The founding bank with every choice list starting with its right answer (as it first
    shipped): still OK, with the bank-wide advice first."""
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
        rf"{re.escape(str(biased))}: advice answer-position \[bank\]: the right answer is "
        r"choice 1 in 18 of 18 .*",
        result.stdout.splitlines()[1],
    )


def test_usage_error_exits_2() -> None:
    assert quiz("check").returncode == 2


# -- item review (issue 16) -------------------------------------------------------------------

ADVICE_LINE = re.compile(
    r"^(?P<file>.+):(?P<line>\d+): advice (?P<code>[a-z-]+) \[(?P<q>[\w.:-]+)\]: .+; .+ — .+$"
)


def check_in(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``quiz check`` as a teacher runs it, with its own data dir."""
    return subprocess.run(
        [sys.executable, "-m", "quiz", "--data-dir", str(data_dir), "check", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )


def _line_of(path: Path, question_id: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.strip() == f"- id: {question_id}")


def test_item_review_text_names_file_line_code_and_question(tmp_path: Path) -> None:
    result = check_in(tmp_path, str(BEFORE_REVISION))
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"OK {BEFORE_REVISION}: 70 questions")
    found = [ADVICE_LINE.match(line) for line in lines[1:]]
    assert found and all(found), [line for line, m in zip(lines[1:], found, strict=True) if not m]
    codes = {m["code"] for m in found if m}
    assert {"key-longest", "key-verbatim", "tf-true-verbatim", "guessable-blank"} <= codes
    assert {"answer-leak", "general-knowledge"} <= codes
    assert "distractor-true-elsewhere" not in codes  # off by default: precision below 0.8
    longest = next(m for m in found if m and m["q"] == "q-joint-announcement-mc")
    assert int(longest["line"]) == _line_of(BEFORE_REVISION, "q-joint-announcement-mc")


def test_item_review_json_strict_and_all_advice(tmp_path: Path) -> None:
    result = check_in(tmp_path, "--json", str(BEFORE_REVISION))
    assert result.returncode == 0
    report = json.loads(result.stdout)
    assert report["ok"] is True
    (bank,) = report["files"]
    assert bank["advice_off"] == ["distractor-true-elsewhere"] and bank["silenced"] == []
    first = bank["advice"][0]
    assert set(first) == {"code", "question", "line", "finding", "why", "fix"}
    assert any(
        a["code"] == "key-longest" and a["question"] == "q-sign-of-importance-mc"
        for a in bank["advice"]
    )

    strict = check_in(tmp_path, "--strict", str(BEFORE_REVISION))
    assert strict.returncode == 1 and "--strict" in strict.stderr
    strict_json = json.loads(check_in(tmp_path, "--strict", "--json", str(BEFORE_REVISION)).stdout)
    assert strict_json["ok"] is False and strict_json["files"][0]["ok"] is True

    every = json.loads(check_in(tmp_path, "--all-advice", "--json", str(BEFORE_REVISION)).stdout)
    assert every["files"][0]["advice_off"] == []
    assert "distractor-true-elsewhere" in {a["code"] for a in every["files"][0]["advice"]}


def test_a_silenced_advice_is_counted_and_its_reason_listed(tmp_path: Path) -> None:
    import shutil

    from msgspec.structs import replace

    from quiz.bank import load_bank
    from quiz.bank.dump import dump_bank

    bank = load_bank(BEFORE_REVISION)
    reason = "The whole phrase is what the article says; shorter keys would be wrong."
    questions = tuple(
        replace(q, silence=(("key-longest", reason), ("stem-key-mismatch", "kept on purpose")))
        if q.id == "q-joint-announcement-mc"
        else q
        for q in bank.questions
    )
    shutil.copy(BEFORE_REVISION.parent / "japan-korea-summit-2025.txt", tmp_path)
    path = tmp_path / BEFORE_REVISION.name
    path.write_text(dump_bank(replace(bank, questions=questions)), encoding="utf-8")

    text = check_in(tmp_path, str(path))
    assert text.returncode == 0, text.stdout + text.stderr
    assert f"{path}: 2 advice silenced (reasons: --json)" in text.stdout.splitlines()
    assert "key-longest [q-joint-announcement-mc]" not in text.stdout
    assert "key-longest [q-sign-of-importance-mc]" in text.stdout

    report = json.loads(check_in(tmp_path, "--json", str(path)).stdout)
    silenced = report["files"][0]["silenced"]
    assert [(s["code"], s["question"], s["reason"]) for s in silenced] == [
        ("key-longest", "q-joint-announcement-mc", reason),
        ("stem-key-mismatch", "q-joint-announcement-mc", "kept on purpose"),
    ]
    assert silenced[0]["line"] == _line_of(path, "q-joint-announcement-mc")
    assert check_in(tmp_path, "--strict", str(path)).returncode == 1  # other advice remains


def test_a_silence_naming_no_advice_is_an_error(tmp_path: Path) -> None:
    text = ALL_TYPES_BANK.read_text(encoding="utf-8").replace(
        "    difficulty: 1\n", "    difficulty: 1\n    silence: {key-lenght: why not}\n", 1
    )
    shutil_copy_article(tmp_path)
    path = tmp_path / "bank.yaml"
    path.write_text(text, encoding="utf-8")
    result = check_in(tmp_path, str(path))
    assert result.returncode == 1
    assert "names unknown advice 'key-lenght' (did you mean 'key-longest'?)" in result.stdout


def shutil_copy_article(folder: Path) -> None:
    import shutil

    shutil.copy(ALL_TYPES_BANK.parent / "article.txt", folder / "article.txt")
