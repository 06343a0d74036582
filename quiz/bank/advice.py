"""Advice on a valid bank, as one line each: kept for callers of the first advice API.

The advice itself now lives in :mod:`quiz.bank.review` (the item review of docs/item-review.md:
thirteen named checks, each with its code, question, line, reason and fix). ``quiz check``
uses the review directly; this module gives the same advice as plain lines. Advice never makes a
bank invalid.
"""

from __future__ import annotations

from quiz.bank.model import Bank
from quiz.bank.review.position import MAX_SHARE, MIN_QUESTIONS, position_finding

__all__ = ["MAX_SHARE", "MIN_QUESTIONS", "advice", "answer_position_advice"]


def answer_position_advice(bank: Bank) -> str | None:
    """A warning when the right answer of single-answer multiple-choice questions is mostly at
    one position: a quiz shows choices in the bank's order, so learners would learn the
    position rather than the fact."""
    finding = position_finding(bank)
    if finding is None:
        return None
    return f"{finding}; learners can guess it by its place (reorder the choices)"


def advice(bank: Bank, *, all_advice: bool = False) -> list[str]:
    """Everything worth telling the bank's author, one line each (``CODE [question]: what;
    why — fix``), advice the bank silences left out."""
    from quiz.bank.review.registry import review

    return [a.text("").removeprefix(": ") for a in review(bank, all_advice=all_advice).shown]
