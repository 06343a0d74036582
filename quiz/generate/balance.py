"""Whole-bank balance: what no single question shows but a learner soon learns from a bank.

* **True/false keyed both ways**: a bank whose statements are nearly all false teaches "answer
  False" (v1 banks: 83% of them). The true and the false statements kept are within 40–60% of
  each other, or none are kept: the surplus side is held back, never padded. One exception: a
  bank's only statement may stand alone when it is a figure's scale (``magnitude``), whose truth
  is a seeded coin, not a builder's lean; one statement teaches no habit.
* **The right option anywhere**: single-answer multiple-choice keys are dealt over the
  positions in turn, so no place is the likely one (a quiz shows choices in the bank's order).
"""

from __future__ import annotations

import math

from msgspec.structs import replace

from quiz.bank.model import MultipleChoice, Question, TrueFalse
from quiz.generate.candidate import Candidate

__all__ = ["balance_true_false", "deal_positions"]

#: Statement builders whose true or false is a seeded draw rather than a builder's lean.
COIN_FORMS = frozenset({"magnitude"})
#: The share of true statements a bank's true/false questions may have, at either end.
LOWEST_TRUE = 0.4


def balance_true_false(chosen: list[Candidate]) -> tuple[list[Candidate], list[Candidate]]:
    """``chosen`` without the true/false questions that tip the balance (held back), in order."""
    true = [c for c in chosen if c.type == "true_false" and c.fields.get("answer") is True]
    false = [c for c in chosen if c.type == "true_false" and c.fields.get("answer") is not True]
    keep_true = min(len(true), _most(len(false)))
    keep_false = min(len(false), _most(len(true)))
    held = {id(c) for c in true[keep_true:] + false[keep_false:]}
    statements = true + false
    if keep_true + keep_false == 0:
        lone = next((c for c in statements if c.form in COIN_FORMS), None)
        if lone is not None:
            held.discard(id(lone))
    return [c for c in chosen if id(c) not in held], [c for c in chosen if id(c) in held]


def _most(other: int) -> int:
    """The most statements of one kind beside ``other`` of the other kind within the bounds:
    n / (n + other) <= 1 - LOWEST_TRUE."""
    return math.floor(other * (1 - LOWEST_TRUE) / LOWEST_TRUE + 1e-9)


def deal_positions(questions: tuple[Question, ...]) -> tuple[Question, ...]:
    """The questions with each single-answer multiple-choice key moved to the next position in
    turn (first, second, third, … then round again), the wrong options keeping their order."""
    out: list[Question] = []
    turn = 0
    for q in questions:
        if isinstance(q, MultipleChoice) and not q.multiple and len(q.answers) == 1:
            wrong = [c for c in q.choices if c != q.answers[0]]
            place = turn % len(q.choices)
            turn += 1
            choices = (*wrong[:place], q.answers[0], *wrong[place:])
            out.append(replace(q, choices=choices))
        else:
            out.append(q)
    return tuple(out)


def true_share(questions: tuple[Question, ...]) -> float | None:
    """The share of true statements among the true/false questions (None without any)."""
    keyed = [q.answer for q in questions if isinstance(q, TrueFalse)]
    return sum(keyed) / len(keyed) if keyed else None
