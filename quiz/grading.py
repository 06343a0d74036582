"""Grading: a learner's response to one question becomes an :class:`Outcome` and feedback.

Pure functions over the bank model; nothing here does I/O or knows about the terminal. Each
question type grades its own responses (``grade`` in its module, ``quiz/bank/types/``, with the
helpers of :mod:`quiz.marking`); :func:`grade` finds the type through the registry.

What a *response* is depends on the question type's shape (:mod:`quiz.bank.types.shapes`):

=================  ==========================================================================
multiple_choice    the chosen choice indices (as written in the bank): ``int`` or a set of them
true_false         ``bool``
cloze              one string per blank, in order
short_answer       a string
numeric            a string as typed ("80,000", "80k", "about 1.5 million", "15%", "seventy")
matching           for each pair's ``left`` (in bank order), the ``right`` text picked, or None
ordering           the item texts in the order the learner put them
=================  ==========================================================================

Typed answers (cloze, short answer) forgive case, accents, punctuation, leading articles and
small typos. An exact match after normalisation is RIGHT; a match within a small edit distance is
a NEAR_MISS (accepted, and the feedback says what the exact answer is). Numbers and short words
are never matched fuzzily: "15" is not "16", and "Lee" is not "Lea".
"""

from __future__ import annotations

from typing import Any

from quiz.bank.question import Question
from quiz.bank.types import type_of
from quiz.marking.grade import Grade
from quiz.marking.numbers import NUMBER_WORDS, parse_number
from quiz.marking.outcome import Outcome
from quiz.marking.text import TextMatch, match_text, normalise_answer, typo_allowance

__all__ = [
    "NUMBER_WORDS",
    "Grade",
    "Outcome",
    "TextMatch",
    "grade",
    "match_text",
    "normalise_answer",
    "parse_number",
    "response_text",
    "typo_allowance",
]


def grade(question: Question, response: Any) -> Grade:
    """Grade ``response`` (see the module docstring for its shape per type): by the ``grade``
    of the question's type, found in the registry (:mod:`quiz.bank.types`)."""
    return type_of(question).grade(question, response)


def response_text(question: Question, response: Any) -> str:
    """The response as one readable line (what the recorder stores as ``given``)."""
    return grade(question, response).given
