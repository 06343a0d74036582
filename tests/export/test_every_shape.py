"""Every exporter over every export shape: what ``docs/architecture.md``'s recipe for a new
exporter asks of it (issue 18).

An exporter renders shapes (``quiz/bank/types/shapes.py``), never question classes. For each
format of :data:`quiz.export.FORMATS` and each shape (the all-types bank has one question of
each, a multiple-answer choice too), a one-question bank is either exported (``exported ==
1``) or skipped with a note that names the question's kind; and a type presenting as
``NoExport`` is skipped with its own reason (CSV and Aiken aside, see ``NO_EXPORT_NOTE``). A
format added to ``FORMATS`` is held to this with no edit here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

import msgspec
import pytest

from quiz.bank import load_bank
from quiz.bank.model import Question
from quiz.bank.types import QuestionType, register, shape_of, unregister
from quiz.bank.types.shapes import NoExport
from quiz.export import FORMATS, export_bank
from quiz.export.common import kind_name
from tests.conftest import ALL_TYPES_BANK
from tests.export.conftest import make_bank

BANK = load_bank(ALL_TYPES_BANK)
#: (format, question id) pairs a format cannot hold, and says so in a note.
SKIPPED = {
    ("gift", "q-timeline-order"),  # GIFT has no ordering type
    *(("aiken", q.id) for q in BANK.questions if q.id != "q-mayor-mc"),  # single choice only
}


def test_the_bank_has_every_shape() -> None:
    shapes = {type(shape_of(q)).__name__ for q in BANK.questions}
    assert shapes == {
        "Choice",
        "Statement",
        "Blanks",
        "TextAnswers",
        "Number",
        "Pairs",
        "Sequence",
    }


@pytest.mark.parametrize("question", BANK.questions, ids=lambda q: q.id)
@pytest.mark.parametrize("name", list(FORMATS))
def test_each_shape_is_exported_or_skipped_with_a_note(name: str, question: Question) -> None:
    result = export_bank(make_bank(question), name, timestamp=1_700_000_000)
    if (name, question.id) in SKIPPED:
        assert result.exported == 0
        assert any(f"skipped 1 {kind_name(question)} question" in n for n in result.notes)
    else:
        assert result.exported == 1, result.notes
        assert result.data
        assert not any(n.startswith("skipped") for n in result.notes)


class Sketch(Question, frozen=True, kw_only=True):
    """A drawing the learner makes: no file format holds it."""

    TYPE: ClassVar[str] = "sketch"
    NAME: ClassVar[str] = "Sketch"

    def answer_text(self) -> str:
        return "(a drawing)"


@pytest.fixture
def sketch() -> Iterator[QuestionType[Any]]:
    from tests.test_question_types import _toy_kind

    kind: QuestionType[Any] = msgspec.structs.replace(
        _toy_kind(),  # the toy type's pieces; only the model, the name and the shape matter
        model=Sketch,
        short_name="sketch",
        shape=lambda q: NoExport("a drawing cannot be written as text"),
    )
    register(kind)
    try:
        yield kind
    finally:
        unregister(kind.name)


#: A type with no export shape: the note each format gives (CSV, a list of the bank, writes it
#: as a row with its answer text; Aiken skips everything but single-answer choices, in its
#: own words).
NO_EXPORT_NOTE = {
    "aiken": "skipped 1 sketch question: Aiken holds only single-answer multiple choice",
    "csv": None,
}


@pytest.mark.parametrize("name", list(FORMATS))
def test_a_type_without_an_export_shape_is_skipped_with_a_note(
    sketch: QuestionType[Any], name: str
) -> None:
    question = Sketch(id="q-draw", prompt="Draw the bridge.", source="The bridge.")
    mayor = BANK.question("q-mayor-mc")
    assert mayor is not None
    result = export_bank(make_bank(question, mayor), name, timestamp=1_700_000_000)
    note = NO_EXPORT_NOTE.get(
        name, "skipped 1 sketch question: a drawing cannot be written as text"
    )
    if note is None:
        assert result.exported == 2 and not result.notes
    else:
        assert result.exported == 1 and note in result.notes
