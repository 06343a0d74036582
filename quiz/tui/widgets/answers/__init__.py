"""The input for each question type. Each posts :class:`AnswerWidget.Submitted` with the
response (in the shape :func:`quiz.grading.grade` expects) and, once graded, shows which parts
were right with :meth:`AnswerWidget.reveal`.

One module per job: ``base`` (what every input is), ``row`` (a keyed line), ``choices``
(multiple choice, true/false), ``typed`` (cloze, short answer, numeric), ``numbers`` (a number
question's hint examples), ``ordering``, ``matching``, and ``picking`` (:data:`BY_SHAPE`, the
one place a question is given its input)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quiz.tui.widgets.answers.base import GIVE_UP, AnswerWidget, CursorAnswer
    from quiz.tui.widgets.answers.choices import ChoiceList
    from quiz.tui.widgets.answers.matching import MatchingBoard
    from quiz.tui.widgets.answers.numbers import (
        DIGIT_EXAMPLES,
        WORD_EXAMPLES,
        number_examples,
    )
    from quiz.tui.widgets.answers.ordering import OrderingList
    from quiz.tui.widgets.answers.picking import BY_SHAPE, BY_TYPE, answer_widget
    from quiz.tui.widgets.answers.row import Row
    from quiz.tui.widgets.answers.typed import TextAnswer

#: Where each name lives. Each is imported when first asked for (PEP 562): the first question
#: needs one input, and importing all seven modules was a few ms of every start.
_HOME = {
    "GIVE_UP": "base",
    "AnswerWidget": "base",
    "CursorAnswer": "base",
    "ChoiceList": "choices",
    "MatchingBoard": "matching",
    "DIGIT_EXAMPLES": "numbers",
    "WORD_EXAMPLES": "numbers",
    "number_examples": "numbers",
    "OrderingList": "ordering",
    "BY_SHAPE": "picking",
    "BY_TYPE": "picking",
    "answer_widget": "picking",
    "Row": "row",
    "TextAnswer": "typed",
}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)


__all__ = [
    "BY_SHAPE",
    "BY_TYPE",
    "DIGIT_EXAMPLES",
    "GIVE_UP",
    "WORD_EXAMPLES",
    "AnswerWidget",
    "ChoiceList",
    "CursorAnswer",
    "MatchingBoard",
    "OrderingList",
    "Row",
    "TextAnswer",
    "answer_widget",
    "number_examples",
]
