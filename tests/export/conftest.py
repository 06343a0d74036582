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
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from quiz.bank.model import Bank, Question, Source

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
