"""The examples a number question's hint shows, chosen so that none is an answer of its bank."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from quiz.bank.cache_rows import QuestionRows
from quiz.bank.model import Bank, Question
from quiz.bank.types import shape_of
from quiz.bank.types.shapes import Blanks, Number, TextAnswers

#: The examples a number question's hint can show, in the order tried: (value, as typed).
#: A hint must never be the answer of a question of the bank (the founding bank's "80000,
#: 80,000 and 80k" was literally one), so the first example whose value no question of the
#: bank answers is shown.
DIGIT_EXAMPLES: tuple[tuple[float, str], ...] = (
    (3400, "3400, 3,400, 3.4k"),
    (2700, "2700, 2,700, 2.7k"),
    (5600, "5600, 5,600, 5.6k"),
    (7100, "7100, 7,100, 7.1k"),
)
WORD_EXAMPLES: tuple[tuple[float, str], ...] = (
    (2e6, "two million"),
    (70, "seventy"),
    (3e6, "three million"),
    (90, "ninety"),
)
_EXAMPLES_OF: dict[tuple[str, str, int], str] = {}  # a bank is looked through once


def number_examples(bank: Bank | None) -> str:
    """``3400, 3,400, 3.4k and “two million”``, or other examples when the bank has one of
    those numbers among its answers (a number question's, within its tolerance; a typed
    answer or blank that is a number)."""
    key = ("", "", 0) if bank is None else (bank.id, bank.path, len(bank.questions))
    found = _EXAMPLES_OF.get(key)
    if found is not None:
        return found
    taken = _bank_numbers(bank)

    def free(value: float) -> bool:
        return all(abs(value - answer) > max(slack, 1e-9 * abs(answer)) for answer, slack in taken)

    digits = next((text for value, text in DIGIT_EXAMPLES if free(value)), "")
    words = next((text for value, text in WORD_EXAMPLES if free(value)), "")
    shown = " and ".join(bit for bit in (digits, f"“{words}”" if words else "") if bit)
    found = shown or "a number in digits or in words"
    if bank is not None:
        _EXAMPLES_OF[key] = found
    return found


_PLAIN_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_TYPED = (Number, TextAnswers, Blanks)


def _answering_in_words_or_figures(questions: Sequence[Question]) -> Iterator[Question]:
    """The questions whose answers are typed (a number, text, blanks). A big cached bank
    (:class:`~quiz.bank.cache_rows.QuestionRows`) builds only the questions of the types
    whose shape is typed, judged on the first question of each type, not all 100,000."""
    if not isinstance(questions, QuestionRows):
        yield from questions
        return
    typed: dict[str, bool] = {}
    for at, kind in enumerate(questions.types):
        known = typed.get(kind)
        if known is None:
            known = typed[kind] = isinstance(shape_of(questions[at]), _TYPED)
        if known:
            yield questions[at]


def _bank_numbers(bank: Bank | None) -> list[tuple[float, float]]:
    """(value, tolerance) of each number the bank takes as an answer: no parsing of words
    here (that would load the grader before the first answer); plain figures are enough to
    keep the examples clear of them."""
    if bank is None:
        return []
    numbers: list[tuple[float, float]] = []
    for question in _answering_in_words_or_figures(bank.questions):
        shape = shape_of(question)
        if isinstance(shape, Number):
            numbers.append((shape.answer, shape.tolerance))
            continue
        texts: tuple[str, ...] = ()
        if isinstance(shape, TextAnswers):
            texts = shape.answers
        elif isinstance(shape, Blanks):
            texts = tuple(text for blank in shape.blanks for text in blank)
        for text in texts:
            for match in _PLAIN_NUMBER.finditer(text):
                numbers.append((float(match[0].replace(",", "")), 0.0))
    return numbers
