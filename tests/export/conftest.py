"""Fixtures for the exporters: in-memory banks and the independent GIFT parser (gift-pegjs).

The GIFT parser is a Node package installed by ``npm ci --prefix tests/export/giftparser``.
Without Node or that install the GIFT read-back tests are skipped on a developer's machine and
fail under CI (``CI`` set), so a CI run cannot silently lose them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from quiz.bank.model import Bank, Question, Source
from tests.conftest import ROOT

GIFT_PARSER_DIR = Path(__file__).resolve().parent / "giftparser"

GiftParser = Callable[[str], list[dict[str, Any]]]


def examples(default: int) -> int:
    """Hypothesis examples per property; ``QUIZ_FUZZ_EXAMPLES=5000`` for a long hunt."""
    return int(os.environ.get("QUIZ_FUZZ_EXAMPLES", default))


def make_bank(
    *questions: Question, bank_id: str = "test-bank", title: str = "Test bank", **fields: Any
) -> Bank:
    source = fields.pop("source", Source(title="An article", text="Some text."))
    return Bank(id=bank_id, title=title, source=source, questions=tuple(questions), **fields)


def quiz_export(*args: str, data_dir: Path) -> subprocess.CompletedProcess[bytes]:
    """``quiz export ARGS`` as a user runs it: a new interpreter, its own data dir."""
    return subprocess.run(
        [sys.executable, "-m", "quiz", "export", *args, "--data-dir", str(data_dir)],
        capture_output=True,
        cwd=ROOT,
        timeout=120,
    )


def export_twice(fmt: str, folder: Path, *extra: str) -> bytes:
    """The founding bank exported by two runs of ``quiz export``: their bytes must agree (two
    interpreters, so nothing may hang on Python's per-run hash seed)."""
    outputs = []
    for run in ("one", "two"):
        out = folder / f"{run}.{fmt}"
        result = quiz_export(
            "japan-korea-summit-2025", "-f", fmt, "-o", str(out), *extra, data_dir=folder / "data"
        )
        assert result.returncode == 0, result.stderr
        assert b"warning" not in result.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    return outputs[0]


def assert_spread(single: Sequence[int], multi: Sequence[Collection[int]] = ()) -> None:
    """Right-answer positions read back from an export of the founding bank are spread: its
    18 single answers sit 4 or 5 at each of A-D (the key is dealt evenly), and its 3
    multi-answer sets (the first choices in the bank) are not all the first choices and use
    most positions."""
    counts = Counter(single)
    assert len(single) == 18, single
    assert sorted(counts) == [0, 1, 2, 3], counts
    assert max(counts.values()) - min(counts.values()) <= 1, counts
    if multi:
        assert len(multi) == 3, multi
        assert not all(set(m) == set(range(len(m))) for m in multi), multi
        assert len(set().union(*multi)) >= 4, multi


def _gift_parser_missing() -> str | None:
    if shutil.which("node") is None:
        return "node is not installed"
    if not (GIFT_PARSER_DIR / "node_modules" / "gift-pegjs").is_dir():
        return "gift-pegjs is not installed: run npm ci --prefix tests/export/giftparser"
    return None


class GiftParseError(AssertionError):
    pass


@pytest.fixture(scope="session")
def gift_parser() -> Iterator[GiftParser]:
    """``parse(text)`` -> gift-pegjs's question list; raises GiftParseError on a syntax error.
    One Node process serves the whole session (Hypothesis sends hundreds of files)."""
    missing = _gift_parser_missing()
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"GIFT read-back needs the parser under CI: {missing}")
        pytest.skip(missing)
    process = subprocess.Popen(
        ["node", str(GIFT_PARSER_DIR / "parse.js"), "--serve"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    assert process.stdin is not None and process.stdout is not None

    def parse(text: str) -> list[dict[str, Any]]:
        assert process.stdin is not None and process.stdout is not None
        process.stdin.write(json.dumps(text) + "\n")
        process.stdin.flush()
        answer = json.loads(process.stdout.readline())
        if "error" in answer:
            line = answer.get("line") or 0
            lines = text.splitlines()
            context = lines[line - 1] if 0 < line <= len(lines) else ""
            raise GiftParseError(f"gift-pegjs: {answer['error']} (line {line}: {context!r})")
        return answer["questions"]

    try:
        yield parse
    finally:
        process.stdin.close()
        process.wait(timeout=10)
