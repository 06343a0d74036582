"""Where the right answers sit: a pattern over the whole bank.

A quiz shows choices in the bank's order (teachers order them on purpose), so when the right
answer of most single-answer multiple-choice questions is at one position, learners learn the
position rather than the fact.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from quiz.bank.model import Bank, MultipleChoice
from quiz.bank.review.base import Context, Hit

#: Below this many single-answer multiple-choice questions, a pattern proves nothing.
MIN_QUESTIONS = 6
#: The share of answers at one position that a learner could learn to guess.
MAX_SHARE = 0.5


def position_finding(bank: Bank) -> str | None:
    """ "the right answer is choice 1 in 6 of 7 ..." when one position holds most right answers."""
    positions = Counter(
        q.choices.index(q.answers[0]) + 1
        for q in bank.questions
        if isinstance(q, MultipleChoice) and not q.multiple and q.answers[0] in q.choices
    )
    total = sum(positions.values())
    if total < MIN_QUESTIONS:
        return None
    position, count = positions.most_common(1)[0]
    if count / total <= MAX_SHARE:
        return None
    return (
        f"the right answer is choice {position} in {count} of {total} single-answer multiple-"
        "choice questions"
    )


def answer_position(ctx: Context) -> Iterator[Hit]:
    finding = position_finding(ctx.bank)
    if finding:
        yield Hit("", finding, "reorder the choices so the right answer's place varies")
