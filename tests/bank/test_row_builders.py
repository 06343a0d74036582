"""Each built-in type's ``from_row`` is written out in its module (no code compiled at start):
it must hand every field of the cache row to the right field of the question."""

from __future__ import annotations

import pytest

from quiz.bank.types import BUILT_IN, QuestionType
from quiz.bank.types.registry import COMMON_ROW_FIELDS


@pytest.mark.parametrize("kind", BUILT_IN, ids=lambda kind: kind.name)
def test_a_row_of_distinct_values_comes_back_whole(kind: QuestionType[object]) -> None:
    """Every position a value of its own (a struct does not check types when built): a field
    handed to the wrong keyword, or left out, changes the row written back."""
    own = len(kind.model.__struct_fields__) - len(COMMON_ROW_FIELDS)
    row: tuple[object, ...] = (
        kind.name,
        *(f"value {n}" for n in range(len(COMMON_ROW_FIELDS) + own)),
    )
    if kind.name == "matching":  # its pairs are rebuilt as Pair lines, and written as tuples
        row = (*row[:-1], (("left", "right"),))
    question = kind.from_row(*row)
    assert type(question) is kind.model
    assert kind.to_row(question) == row


@pytest.mark.parametrize("kind", BUILT_IN, ids=lambda kind: kind.name)
def test_the_builder_takes_the_whole_row_and_nothing_else(kind: QuestionType[object]) -> None:
    code = kind.from_row.__code__
    assert code.co_argcount == 1 + len(kind.model.__struct_fields__)
    assert not kind.from_row.__defaults__
