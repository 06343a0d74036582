"""Which input a question is given: :data:`BY_SHAPE`, :data:`BY_TYPE`, :func:`answer_widget`,
and whether it is a typed field alone, known before it is built (:func:`lone_field`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from quiz.bank.model import Bank
from quiz.bank.types import shape_of
from quiz.bank.types.shapes import (
    Blanks,
    Choice,
    Number,
    Pairs,
    Sequence,
    Shape,
    Statement,
    TextAnswers,
)
from quiz.session import Item
from quiz.tui.widgets.answers.sketch import TypedFields

if TYPE_CHECKING:  # each input imports it, when its first question is shown
    from quiz.tui.widgets.answers.base import AnswerWidget


# Each input's module is imported when its first question is shown: a start needs one.
def _choices(item: Item, bank: Bank | None) -> AnswerWidget:
    from quiz.tui.widgets.answers.choices import ChoiceList

    return ChoiceList(item)


def _typed(item: Item, bank: Bank | None) -> AnswerWidget:
    from quiz.tui.widgets.answers.typed import TextAnswer

    return TextAnswer(item, bank)


def _ordering(item: Item, bank: Bank | None) -> AnswerWidget:
    from quiz.tui.widgets.answers.ordering import OrderingList

    return OrderingList(item)


def _matching(item: Item, bank: Bank | None) -> AnswerWidget:
    from quiz.tui.widgets.answers.matching import MatchingBoard

    return MatchingBoard(item)


#: The one place a question is given its input: by the export shape its type presents as
#: (``quiz/bank/types/shapes.py``), so a new type on an existing shape is played with no
#: change here. A type with no shape of its own (``NoExport``) has no input yet: it would be
#: added here, by its type name, in :data:`BY_TYPE`.
BY_SHAPE: dict[type[Shape], Callable[[Item, Bank | None], AnswerWidget]] = {
    Choice: _choices,
    Statement: _choices,
    Blanks: _typed,
    TextAnswers: _typed,
    Number: _typed,
    Sequence: _ordering,
    Pairs: _matching,
}
#: A type's own input, by its name in a bank file, ahead of its shape's (none today).
BY_TYPE: dict[str, Callable[[Item, Bank | None], AnswerWidget]] = {}


def answer_widget(item: Item, bank: Bank | None = None) -> AnswerWidget:
    """The input for ``item``'s question (see :data:`BY_SHAPE`); ``bank`` is the question's
    bank (the hint of a number question is chosen so that it gives none of its answers away)."""
    return _maker(item)(item, bank)


def _maker(item: Item) -> Callable[[Item, Bank | None], AnswerWidget]:
    question = item.question
    make = BY_TYPE.get(question.TYPE) or BY_SHAPE.get(type(shape_of(question)))
    if make is None:
        raise TypeError(f"no input for {type(question).__name__}")
    return make


def lone_field(item: Item, bank: Bank | None = None) -> TypedFields | None:
    """The fields of ``item``'s input when it is one typed field alone (a short answer, a
    number without a unit, a cloze of one blank); None for any other input. The first such
    question is painted by :class:`~quiz.tui.widgets.answers.sketch.FirstCard`, and its
    input built and mounted right after the first paint (:meth:`QuizScreen._unsketch`)."""
    if _maker(item) is not _typed:
        return None
    fields = TypedFields(item, bank)
    return fields if fields.alone else None
