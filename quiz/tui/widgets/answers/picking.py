"""Which input a question is given: :data:`BY_SHAPE`, :data:`BY_TYPE`, :func:`answer_widget`."""

from __future__ import annotations

from collections.abc import Callable

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
from quiz.tui.widgets.answers.base import AnswerWidget
from quiz.tui.widgets.answers.choices import ChoiceList
from quiz.tui.widgets.answers.matching import MatchingBoard
from quiz.tui.widgets.answers.ordering import OrderingList
from quiz.tui.widgets.answers.typed import TextAnswer

#: The one place a question is given its input: by the export shape its type presents as
#: (``quiz/bank/types/shapes.py``), so a new type on an existing shape is played with no
#: change here. A type with no shape of its own (``NoExport``) has no input yet: it would be
#: added here, by its type name, in :data:`BY_TYPE`.
BY_SHAPE: dict[type[Shape], Callable[[Item, Bank | None], AnswerWidget]] = {
    Choice: lambda item, bank: ChoiceList(item),
    Statement: lambda item, bank: ChoiceList(item),
    Blanks: TextAnswer,
    TextAnswers: TextAnswer,
    Number: TextAnswer,
    Sequence: lambda item, bank: OrderingList(item),
    Pairs: lambda item, bank: MatchingBoard(item),
}
#: A type's own input, by its name in a bank file, ahead of its shape's (none today).
BY_TYPE: dict[str, Callable[[Item, Bank | None], AnswerWidget]] = {}


def answer_widget(item: Item, bank: Bank | None = None) -> AnswerWidget:
    """The input for ``item``'s question (see :data:`BY_SHAPE`); ``bank`` is the question's
    bank (the hint of a number question is chosen so that it gives none of its answers away)."""
    question = item.question
    make = BY_TYPE.get(question.TYPE) or BY_SHAPE.get(type(shape_of(question)))
    if make is None:
        raise TypeError(f"no input for {type(question).__name__}")
    return make(item, bank)
