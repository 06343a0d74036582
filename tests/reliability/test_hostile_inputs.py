"""Issue 20, items 1 and 6: a 5,000-digit number in a bank and articles that are not English or
hold escape codes each get one clear line, never a traceback."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.cli_run import run_quiz

ARTICLE = "The cat sat on the mat today."
LONG = "1" * 5000


def _quiz(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_quiz(tmp_path / "data", *args, timeout=120)


def _bank(tmp_path: Path, title: str, answer: str) -> Path:
    path = tmp_path / "big.yaml"
    path.write_text(
        "format: quiz-bank/1\nid: big\n"
        f'title: {title}\nsource: {{title: a, text: "{ARTICLE}"}}\nquestions:\n'
        "  - id: q1\n    type: numeric\n    prompt: How many?\n"
        f"    answer: {answer}\n    source: {ARTICLE}\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("where", ["answer", "title"])
def test_a_5000_digit_number_is_a_file_line_message(tmp_path: Path, where: str) -> None:
    path = _bank(tmp_path, LONG if where == "title" else "Cats", LONG if where == "answer" else "3")
    text = _quiz(tmp_path, "check", str(path))
    assert "Traceback" not in text.stderr and "4300" not in text.stdout + text.stderr
    if where == "answer":
        assert text.returncode == 1
        assert text.stdout.startswith(f"{path}:9: question 'q1': 'answer' must be a number")
    else:  # a title made of digits is a (strange) title, not a crash
        assert text.returncode == 0, text.stdout
    as_json = _quiz(tmp_path, "check", "--json", str(path))
    json.loads(as_json.stdout)  # still one JSON object
    exported = _quiz(tmp_path, "export", str(path), "--format", "csv", "-o", str(tmp_path / "x"))
    assert "Traceback" not in exported.stderr


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "日本と韓国の首脳は東京で会談し、安全保障と経済で協力を深めることで合意した。" * 3,
            "is not in English (most of its letters are Chinese or Japanese)",
        ),
        (
            "قال الرئيس إن الحكومة ستعمل على تحسين الاقتصاد وزيادة فرص العمل للشباب " * 3,
            "is not in English (most of its letters are Arabic)",
        ),
        (
            "The first line is fine and plain.\nThe cat sat \x1b[31mred\x1b[0m on the mat. " * 5,
            "line 2 holds control characters or terminal escape codes",
        ),
    ],
    ids=["japanese", "arabic", "ansi"],
)
def test_articles_that_cannot_be_quizzed_say_why(tmp_path: Path, text: str, message: str) -> None:
    article = tmp_path / "a.txt"
    article.write_text(text, encoding="utf-8")
    result = _quiz(tmp_path, "generate", str(article))
    assert result.returncode == 1
    assert message in result.stderr and result.stderr.count("\n") == 1
    assert "fewer than 20 words" not in result.stderr


def test_a_file_name_with_escape_codes_is_printed_escaped(tmp_path: Path) -> None:
    import shutil

    from tests.conftest import ALL_TYPES_BANK, DATA

    evil = tmp_path / "evil\x1b[31m\u202ename.yaml"
    shutil.copy(ALL_TYPES_BANK, evil)
    shutil.copy(DATA / "valid" / "article.txt", tmp_path / "article.txt")
    ok = _quiz(tmp_path, "check", str(evil))
    assert ok.returncode == 0
    assert "\x1b" not in ok.stdout and "\u202e" not in ok.stdout
    assert "evil\\x1b[31m\\u202ename.yaml" in ok.stdout
    missing = _quiz(tmp_path, "play", str(tmp_path / "gone\x1b[2J.yaml"))
    assert missing.returncode == 1 and "\x1b" not in missing.stderr
    assert "gone\\x1b[2J.yaml" in missing.stderr
