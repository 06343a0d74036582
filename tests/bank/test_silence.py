"""Silencing item-review advice in the bank file: ``silence: {CODE: reason}`` on a question is
validated, read, written back by ``dump_bank`` and carried by the cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.bank import BankError, parse_bank_text
from quiz.bank.cache import BankCache, decode_bank, encode_bank
from quiz.bank.dump import dump_bank
from quiz.bank.model import MultipleChoice

BANK = """\
format: quiz-bank/1
id: silenced
title: Silenced advice
source:
  title: A
  text: The pact was signed in Nairobi on Tuesday.
questions:
  - id: q1
    type: multiple_choice
    prompt: What was signed?
    choices: [A deal, A pact signed in Nairobi on Tuesday, A law]
    answer: A pact signed in Nairobi on Tuesday
    source: The pact was signed in Nairobi on Tuesday.
{silence}
"""
REASON = "The key must name the day; the deal and the law were not signed at all."


def _bank_text(silence: str) -> str:
    return BANK.format(silence=silence)


def test_a_silenced_advice_is_read_with_its_reason() -> None:
    text = _bank_text(
        f"    silence:\n      key-longest: {REASON}\n      key-verbatim: copied on purpose"
    )
    bank = parse_bank_text(text, path=Path("b.yaml"))
    question = bank.questions[0]
    assert question.silence == (("key-longest", REASON), ("key-verbatim", "copied on purpose"))


@pytest.mark.parametrize(
    ("silence", "line", "message"),
    [
        ("    silence:\n      key-longest:", 15, "silencing 'key-longest' needs a reason"),
        ('    silence:\n      key-longest: "  "', 15, "silencing 'key-longest' needs a reason"),
        (
            "    silence:\n      key-longets: too long on purpose",
            15,
            "names unknown advice 'key-longets' (did you mean 'key-longest'?)",
        ),
        (
            "    silence:\n      answer-position: reordered later",
            15,
            "'answer-position' concerns the whole bank",
        ),
        ("    silence: [key-longest]", 14, "'silence' must be a mapping"),
    ],
)
def test_a_bad_silence_is_an_error_with_its_line(silence: str, line: int, message: str) -> None:
    with pytest.raises(BankError) as caught:
        parse_bank_text(_bank_text(silence), path=Path("b.yaml"))
    problems = caught.value.problems
    assert [p.line for p in problems] == [line], problems
    assert message in problems[0].message


def test_silence_survives_the_writer_and_the_cache(tmp_path: Path) -> None:
    text = _bank_text(f"    silence:\n      key-longest: {REASON}")
    bank = parse_bank_text(text, path=tmp_path / "b.yaml")
    written = dump_bank(bank)
    assert f"    silence:\n      key-longest: {REASON}\n" in written
    again = parse_bank_text(written, path=tmp_path / "b.yaml")
    assert again == bank and dump_bank(again) == written
    decoded, _ = decode_bank(encode_bank(bank, ""), path=bank.path)
    assert decoded == bank
    assert isinstance(decoded.questions[0], MultipleChoice)
    (tmp_path / "b.yaml").write_text(text, encoding="utf-8")
    cache = BankCache(tmp_path / "cache")
    assert cache.load(tmp_path / "b.yaml") == cache.load(tmp_path / "b.yaml") == bank


def test_an_old_cache_entry_is_not_read_as_a_new_one(tmp_path: Path) -> None:
    """Cache format 1 had no silences (3 no separate id list, 4 no chunks of rows, 5 no
    rejected ids): its entries are refused (and rebuilt), never misread."""
    bank = parse_bank_text(_bank_text(""), path=tmp_path / "b.yaml")
    blob = encode_bank(bank, "")
    assert blob.startswith(b"QUIZBANK-CACHE/6\n")
    for version in (1, 2, 3, 4, 5):
        old = b"QUIZBANK-CACHE/%d\n" % version
        with pytest.raises(ValueError):
            decode_bank(blob.replace(b"QUIZBANK-CACHE/6\n", old, 1), path="b")
