"""Loading good banks: every type, encodings, line endings, inline articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.bank import (
    BankError,
    Cloze,
    Matching,
    MultipleChoice,
    Numeric,
    Ordering,
    ShortAnswer,
    TrueFalse,
    load_bank,
)
from tests.conftest import ALL_TYPES_BANK


def test_all_types_bank_loads_with_every_field() -> None:
    bank = load_bank(ALL_TYPES_BANK)
    assert bank.id == "riverton-bridge"
    assert bank.as_of == "2025-05-12"
    assert bank.source.outlet == "Riverton Gazette"
    assert "Ana Costa" in bank.source.text
    assert bank.count_by_type() == {
        "multiple_choice": 2,
        "true_false": 1,
        "cloze": 1,
        "short_answer": 2,
        "matching": 1,
        "numeric": 1,
        "ordering": 1,
    }
    mc = bank.question("q-mayor-mc")
    assert isinstance(mc, MultipleChoice)
    assert mc.answers == ("Ana Costa",) and mc.correct_indices() == frozenset({0})
    assert mc.tags == ("people",) and mc.difficulty == 1 and mc.fact == "f-mayor"
    multi = bank.question("q-facts-multi")
    assert isinstance(multi, MultipleChoice) and multi.multiple and len(multi.answers) == 2
    tf = bank.question("q-cost-tf")
    assert isinstance(tf, TrueFalse) and tf.answer is False
    cloze = bank.question("q-cost-cloze")
    assert isinstance(cloze, Cloze) and cloze.blanks == (("12", "twelve"), ("three", "3"))
    short = bank.question("q-mayor-short")
    assert isinstance(short, ShortAnswer) and short.answers == ("Ana Costa", "Costa")
    matching = bank.question("q-numbers-match")
    assert isinstance(matching, Matching) and matching.pairs[1].left == "4,000"
    numeric = bank.question("q-cars-numeric")
    assert isinstance(numeric, Numeric) and numeric.answer == 4000 and numeric.unit == "cars"
    assert numeric.answer_text() == "4,000 cars"
    order = bank.question("q-timeline-order")
    assert isinstance(order, Ordering) and order.items[0] == "Construction begins"


def test_markup_in_text_is_kept_as_written() -> None:
    bank = load_bank(ALL_TYPES_BANK)
    question = bank.question("q-quote-literal")
    assert question is not None
    assert question.prompt.startswith("[b]Who[/b]") and "[@click=app.quit]x[/]" in question.prompt


def _copy_with(tmp_path: Path, data: bytes) -> Path:
    (tmp_path / "article.txt").write_bytes((ALL_TYPES_BANK.parent / "article.txt").read_bytes())
    bank = tmp_path / "bank.yaml"
    bank.write_bytes(data)
    return bank


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + ALL_TYPES_BANK.read_bytes().replace(b"\n", b"\r\n")
    bank = load_bank(_copy_with(tmp_path, data))
    assert len(bank.questions) == 9


def test_inline_article_and_folded_source(tmp_path: Path) -> None:
    bank_file = tmp_path / "inline.yaml"
    bank_file.write_text(
        """format: quiz-bank/1
id: inline
title: Inline
source:
  title: A note
  text: |
    “It is done,” said the mayor.   The bridge opened on Monday.
questions:
  - id: q1
    type: true_false
    prompt: The bridge opened on Monday.
    answer: yes
    source: >-
      "It is done," said
      the mayor.
""",
        encoding="utf-8",
    )
    bank = load_bank(bank_file)
    question = bank.question("q1")
    assert isinstance(question, TrueFalse) and question.answer is True


def test_unquoted_numbers_and_yes_are_taken_as_text_where_text_is_wanted(tmp_path: Path) -> None:
    text = ALL_TYPES_BANK.read_text(encoding="utf-8").replace(
        "choices: [Ana Costa, Marta Silva, João Pires, Rui Lopes]\n    answer: Ana Costa",
        "choices: [yes, no, 12, 4000]\n    answer: 12",
    )
    bank = load_bank(_copy_with(tmp_path, text.encode()))
    question = bank.question("q-mayor-mc")
    assert isinstance(question, MultipleChoice)
    assert question.choices == ("yes", "no", "12", "4000") and question.answers == ("12",)


def test_symlinked_article_outside_the_folder_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text("top secret", encoding="utf-8")
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "article.txt").symlink_to(outside)
    (folder / "bank.yaml").write_text(ALL_TYPES_BANK.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(BankError, match="points outside the bank's folder"):
        load_bank(folder / "bank.yaml")


def test_a_plain_scalar_that_only_looks_like_a_float_is_text() -> None:
    """``._`` matches YAML 1.1's float pattern but is no number (found by hypothesis in
    test_dump's round trip): it is read as the text it is, never a crash."""
    from quiz.bank.yamlsafe import load_yaml

    assert load_yaml("a: ._\nb: .5\n") == {"a": "._", "b": 0.5}
