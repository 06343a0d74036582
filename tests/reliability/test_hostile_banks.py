"""Untrusted bank files: every hostile input ends in ``file:line`` errors and exit 1, quickly and
in bounded memory, through the real command line. Never a traceback, a hang or code run."""

from __future__ import annotations

import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quiz.bank import BankError, load_bank
from tests.conftest import ALL_TYPES_BANK, ROOT

MEMORY_LIMIT = 1024 * 1024 * 1024  # 1 GiB of address space for the checking process
TIME_LIMIT = 20.0


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def check(path: Path) -> subprocess.CompletedProcess[str]:
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "quiz", "check", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=TIME_LIMIT,
        preexec_fn=_limit_memory,
    )
    assert time.monotonic() - started < TIME_LIMIT
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    return result


def _hostile_files(folder: Path) -> dict[str, Path]:
    files = {
        "python-object": (
            "format: quiz-bank/1\nid: !!python/object/apply:os.system ['touch PWNED']\n"
        ),
        "python-name": "x: !!python/name:os.system\n",
        "billion-laughs": "".join(
            f"l{i}: &l{i} [" + ",".join([f"*l{i - 1}" if i else '"lol"'] * 9) + "]\n"
            for i in range(10)
        ),
        "deep-nesting": "a: " + "[" * 20_000 + "]" * 20_000 + "\n",
        "deep-block-nesting": "a:\n" + "".join("  " * i + "- \n" for i in range(1, 20_000)),
        "duplicate-keys": "format: quiz-bank/1\nid: a\nid: b\n",
        "control-chars": "format: quiz-bank/1\nid: \x1b[31mred\n",
        "empty": "",
        "only-comment": "# nothing here\n",
    }
    paths = {}
    for name, text in files.items():
        paths[name] = folder / f"{name}.yaml"
        paths[name].write_text(text, encoding="utf-8")
    paths["invalid-utf8"] = folder / "invalid-utf8.yaml"
    paths["invalid-utf8"].write_bytes(b"format: quiz-bank/1\ntitle: \xff\xfe\n")
    paths["binary"] = folder / "binary.yaml"
    paths["binary"].write_bytes(bytes(range(256)) * 64)
    paths["sixty-mb"] = folder / "sixty-mb.yaml"
    with paths["sixty-mb"].open("w", encoding="utf-8") as out:
        out.write("format: quiz-bank/1\nquestions:\n")
        line = "  - {id: q, type: true_false, prompt: x, answer: true, source: y}\n" * 1000
        while out.tell() < 60 * 1024 * 1024:
            out.write(line)
    paths["directory"] = folder / "a-directory.yaml"
    paths["directory"].mkdir()
    paths["missing"] = folder / "missing.yaml"
    return paths


def test_every_hostile_bank_is_rejected_cleanly(tmp_path: Path) -> None:
    for name, path in _hostile_files(tmp_path).items():
        result = check(path)
        assert result.returncode == 1, name
        lines = result.stdout.splitlines()
        assert lines and all(line.startswith(f"{path}") for line in lines), (name, result.stdout)
    assert not (ROOT / "PWNED").exists() and not (tmp_path / "PWNED").exists()


def test_duplicate_keys_name_both_lines(tmp_path: Path) -> None:
    path = _hostile_files(tmp_path)["duplicate-keys"]
    assert f"{path}:3: duplicate key 'id' (first at line 2)" in check(path).stdout


_SCALAR_FIELD = re.compile(r"^(\s+(?:- )?)([a-z_]+): (.+)$")


def _field_lines() -> list[int]:
    lines = ALL_TYPES_BANK.read_text(encoding="utf-8").splitlines()
    return [
        number
        for number, line in enumerate(lines, 1)
        if _SCALAR_FIELD.match(line) and not line.lstrip().startswith("- {")
    ]


@pytest.mark.parametrize("replacement", ["{wrong: type}", "[1, [2]]", "12.5", "true", "null"])
def test_wrong_type_in_every_field_never_crashes(tmp_path: Path, replacement: str) -> None:
    """Every field of the all-types bank in turn gets a value of the wrong type."""
    shutil.copy(ALL_TYPES_BANK.parent / "article.txt", tmp_path / "article.txt")
    original = ALL_TYPES_BANK.read_text(encoding="utf-8").splitlines()
    rejected = 0
    for number in _field_lines():
        lines = list(original)
        match = _SCALAR_FIELD.match(lines[number - 1])
        assert match
        lines[number - 1] = f"{match.group(1)}{match.group(2)}: {replacement}"
        path = tmp_path / f"bank-{number}.yaml"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        try:
            load_bank(path)
        except BankError as error:
            rejected += 1
            assert all(p.line > 0 for p in error.problems), error.lines()
    assert rejected >= len(_field_lines()) // 2
