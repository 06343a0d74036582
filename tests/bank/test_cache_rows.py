"""A big bank read from the bank cache builds its questions as they are read (issue 21): the
first question of a quiz on 100,000 questions builds one chunk of rows, not the bank; and what
every caller sees is what a tuple of the questions shows."""

from __future__ import annotations

import copy
import pickle
import threading
from pathlib import Path

import pytest

import quiz.bank.cache as cache
from quiz.bank import load_bank
from quiz.bank.cache import BankCache, decode_bank, encode_bank
from quiz.bank.cache_rows import CHUNK, QuestionRows, question_ids, question_types
from quiz.bank.model import Bank, Question
from quiz.session import Options, Session
from quiz.session.choosing import filtered, filtered_positions
from tests.conftest import ALL_TYPES_BANK
from tests.test_session_as_it_goes import big_bank


def lazy(bank: Bank) -> Bank:
    """``bank`` through the cache's codec, its questions built as read."""
    again, _digest = decode_bank(encode_bank(bank, ""), path=bank.path, lazy_over=0)
    assert isinstance(again.questions, QuestionRows)
    return again


def built_chunks(questions: QuestionRows) -> int:
    return sum(chunk is not None for chunk in questions._built)


def test_small_banks_stay_tuples_and_big_ones_are_built_as_read() -> None:
    small = load_bank(ALL_TYPES_BANK)
    again, _ = decode_bank(encode_bank(small, ""), path=small.path)
    assert type(again.questions) is tuple and again == small
    big = big_bank(cache.LAZY_OVER + 1)
    again, _ = decode_bank(encode_bank(big, ""), path=big.path)
    assert isinstance(again.questions, QuestionRows)
    assert built_chunks(again.questions) == 0
    assert again.questions[CHUNK + 3] == big.questions[CHUNK + 3]
    assert built_chunks(again.questions) == 1


def test_every_type_reads_back_the_same() -> None:
    bank = load_bank(ALL_TYPES_BANK)
    again = lazy(bank)
    assert again == bank and bank == again and hash(again) == hash(bank)
    assert [type(q) for q in again.questions] == [type(q) for q in bank.questions]
    assert list(question_ids(again.questions)) == [q.id for q in bank.questions]
    assert list(question_types(again.questions)) == [q.TYPE for q in bank.questions]
    assert again.count_by_type() == bank.count_by_type()
    for q in bank.questions:
        assert again.question(q.id) == q
    assert again.question("no such id") is None


def test_the_rows_behave_as_the_tuple_of_their_questions() -> None:
    bank = big_bank(CHUNK * 3 + 5)
    rows = lazy(bank).questions
    plain = bank.questions
    assert isinstance(rows, QuestionRows)
    assert len(rows) == len(plain) and bool(rows)
    assert rows[-1] == plain[-1] and rows[0] == plain[0]
    assert rows[CHUNK - 2 : CHUNK + 2] == plain[CHUNK - 2 : CHUNK + 2]
    assert type(rows[1:3]) is tuple and rows[::-97] == plain[::-97]
    with pytest.raises(IndexError):
        rows[len(plain)]
    with pytest.raises(IndexError):
        rows[-len(plain) - 1]
    assert list(rows) == list(plain) and tuple(reversed(rows)) == tuple(reversed(plain))
    assert rows == plain and plain == rows and (rows != plain) is False
    assert rows != plain[:-1] and rows != list(plain)
    assert plain[7] in rows and rows.index(plain[700]) == 700 and rows.count(plain[3]) == 1
    empty: tuple[Question, ...] = ()
    assert rows + empty == plain and empty + rows == plain
    assert rows + rows == plain + plain
    assert repr(rows) == repr(plain)
    assert copy.copy(rows) == plain and pickle.loads(pickle.dumps(rows)) == plain
    assert rows[5] is rows[5]  # built once: every reader gets the same question


def test_threads_reading_at_once_get_the_same_questions() -> None:
    rows = lazy(big_bank(CHUNK * 8)).questions
    assert isinstance(rows, QuestionRows)
    seen: list[list[Question]] = []

    def read() -> None:
        seen.append(list(rows))

    threads = [threading.Thread(target=read) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(all(a is b for a, b in zip(seen[0], other, strict=True)) for other in seen)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_big_session_is_the_same_quiz_and_builds_few_questions(seed: int) -> None:
    bank = big_bank()
    again = lazy(bank)
    plain = Session.start(bank, Options(seed=seed))
    quick = Session.start(again, Options(seed=seed))
    assert quick.current == plain.current
    rows = again.questions
    assert isinstance(rows, QuestionRows)
    assert built_chunks(rows) == 1  # the first question's chunk, nothing else
    assert [item.question.id for item in quick.items[:300]] == [
        item.question.id for item in plain.items[:300]
    ]
    assert [i.question.id for i in quick.items] == [i.question.id for i in plain.items]
    assert list(quick.items) == list(plain.items)


@pytest.mark.parametrize(
    "options",
    [
        Options(),
        Options(types=("ordering",)),
        Options(tags=("nope",)),
        Options(only=("q1", "q50", "q4000", "missing")),
        Options(types=("true_false",), only=("q1", "q50", "q51")),
    ],
)
def test_filters_read_the_columns_as_they_read_the_questions(options: Options) -> None:
    bank = big_bank()
    again = lazy(bank)
    assert filtered_positions(again, options) == filtered_positions(bank, options)
    assert filtered(again, options) == filtered(bank, options)
    rows = again.questions
    assert isinstance(rows, QuestionRows)
    positions = filtered_positions(bank, options)
    assert [bank.questions[at] for at in positions] == filtered(bank, options)


def test_a_big_bank_through_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Built as read through BankCache.load too; a damaged entry is still found at load."""
    monkeypatch.setattr(cache, "LAZY_OVER", 0)
    monkeypatch.setattr(cache, "_RECENT", None)
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "bank.yaml").write_bytes(ALL_TYPES_BANK.read_bytes())
    (folder / "article.txt").write_bytes((ALL_TYPES_BANK.parent / "article.txt").read_bytes())
    first = BankCache(tmp_path / "cache").load(folder / "bank.yaml")
    monkeypatch.setattr(cache, "_RECENT", None)
    second = BankCache(tmp_path / "cache").load(folder / "bank.yaml")
    assert isinstance(second.questions, QuestionRows)
    assert second == first == load_bank(folder / "bank.yaml")
    (entry,) = (tmp_path / "cache" / "banks").iterdir()
    entry.write_bytes(entry.read_bytes()[:-5] + b"xxxxx")  # inside the last chunk of rows
    monkeypatch.setattr(cache, "_RECENT", None)
    assert BankCache(tmp_path / "cache").load(folder / "bank.yaml") == first


def test_rows_of_a_type_gone_or_changed_are_refused_at_load(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A row no builder takes is found when the entry is read (and the entry rebuilt), not
    half-way through a quiz when its chunk is built."""
    blob = encode_bank(load_bank(ALL_TYPES_BANK), "")
    builders = dict(cache._BUILDERS)
    del builders["numeric"]
    monkeypatch.setattr(cache, "_BUILDERS", builders)
    with pytest.raises(ValueError, match="numeric"):
        decode_bank(blob, path="b", lazy_over=0)

    def fewer(kind: str, question_id: str, prompt: str) -> Question:
        raise AssertionError("never called")

    builders = dict(cache.ROW_BUILDERS)
    builders["true_false"] = fewer
    monkeypatch.setattr(cache, "_BUILDERS", builders)
    with pytest.raises(ValueError, match="true_false"):
        decode_bank(blob, path="b", lazy_over=0)


def test_number_hints_read_the_typed_questions_of_a_big_bank_only() -> None:
    """A number question's hint avoids every typed answer of its bank: on a big cached bank it
    builds the questions of the typed types, not the choices, orderings and matchings."""
    from quiz.tui.widgets.answers.numbers import _bank_numbers

    bank = load_bank(ALL_TYPES_BANK)
    plain = sorted(_bank_numbers(bank))
    again = lazy(bank)
    assert sorted(_bank_numbers(again)) == plain
    big = big_bank(CHUNK * 4)  # true/false and ordering only: nothing typed
    quick = lazy(big)
    assert _bank_numbers(quick) == _bank_numbers(big) == []
    assert isinstance(quick.questions, QuestionRows)
    assert built_chunks(quick.questions) == 1  # the first question of each type, no more


def test_the_review_reads_a_big_banks_ids_without_building_it() -> None:
    from quiz.review import known_questions

    bank = big_bank(600)
    again = lazy(bank)
    assert known_questions([again]) == {bank.id: [q.id for q in bank.questions]}
    assert built_chunks(again.questions) == 0
