"""Whole-bank balance: what no single question shows but a learner soon learns from a bank.

* **True/false keyed both ways**: a bank whose statements are nearly all false teaches "answer
  False" (v1 banks: 83% of them). A statement that can be said either way (a figure's scale,
  ``magnitude``: "more than 100" or "more than 500" crane operators) is dealt true or false once
  the bank's questions are chosen, half of them each way, so that neither wording tells the
  key; a builder's lean (a swap is always false) is then evened out by holding back the
  surplus side, never by padding: true and false within 40–60% of each other, or none kept. One
  exception: a bank's only statement may stand alone when it is dealt, since one statement
  teaches no habit.
* **The right option anywhere**: single-answer multiple-choice keys are dealt over the
  positions in turn, so no place is the likely one (a quiz shows choices in the bank's order).
"""

from __future__ import annotations

import hashlib
import math

from msgspec.structs import replace

from quiz.bank.model import MultipleChoice, Question, TrueFalse
from quiz.generate.candidate import Candidate

__all__ = ["TURNED", "balance_true_false", "deal_positions", "deal_truths"]

#: Statement builders whose true or false is a seeded draw rather than a builder's lean.
COIN_FORMS = frozenset({"magnitude"})
#: The field of a dealt statement that holds its other wording: answer, statement, explanation.
TURNED = "turned"
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


def deal_truths(chosen: list[Candidate]) -> list[Candidate]:
    """Turn the chosen statements that can be said either way so that half of them are true;
    the candidates turned (changed in place: their ids and the question ids keyed by them
    stay). Half of these, not of all the bank's statements: dealt to even out the swaps (always
    false), every threshold statement came out true and every swap false, a pattern a learner
    soon reads (fresh set R); the swaps beyond the balance are held back instead
    (:func:`balance_true_false`). Which are true is a seeded draw over their keys, and an odd
    one out falls by a draw too, so a bank's only statement is not always false; the same
    chosen questions are dealt the same way on every run."""
    dealt = sorted((c for c in chosen if c.type == "true_false" and turnable(c)), key=_draw)
    if not dealt:
        return []
    half, odd = divmod(len(dealt), 2)
    true_count = half + (odd and _draw(dealt[0]) % 2)
    turned: list[Candidate] = []
    for i, c in enumerate(dealt):
        if _keyed_true(c) != (i < true_count):
            turn(c)
            turned.append(c)
    return turned


def turn(c: Candidate) -> None:
    """Say the statement the other way: the same figure, the other threshold, with its key and
    explanation; the sentences shown before it for context stay."""
    other, said = c.fields[TURNED], c.fields["statement"]
    lead = c.prompt[: len(c.prompt) - len(said)]
    c.fields[TURNED] = {
        "answer": c.fields["answer"],
        "statement": said,
        "explanation": c.explanation,
    }
    c.fields.update(answer=other["answer"], statement=other["statement"])
    c.prompt = lead + other["statement"]
    c.explanation = other["explanation"]


def turnable(c: Candidate) -> bool:
    """A statement with another wording that still ends its prompt (context comes before it)."""
    return TURNED in c.fields and c.prompt.endswith(c.fields.get("statement", "\0"))


def _keyed_true(c: Candidate) -> bool:
    return c.fields.get("answer") is True


def _draw(c: Candidate) -> int:
    return hashlib.sha256(c.key.encode()).digest()[0]


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
