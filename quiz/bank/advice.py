"""Advice on a valid bank: things a teacher would want to change, though nothing is wrong.

``quiz check`` prints it after a bank's OK line. It never fails a check: a bank that only
draws advice is still a valid bank.
"""

from __future__ import annotations

from collections import Counter

from quiz.bank.model import Bank, MultipleChoice

#: Below this many single-answer multiple-choice questions, a pattern proves nothing.
MIN_QUESTIONS = 6
#: The share of answers at one position that a learner could learn to guess.
MAX_SHARE = 0.5


def answer_position_advice(bank: Bank) -> str | None:
    """A warning when the right answer of single-answer multiple-choice questions is mostly at
    one position: a quiz shows choices in the bank's order (teachers order them on purpose),
    so learners would learn the position rather than the fact."""
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
        "choice questions; learners can guess it by its place (reorder the choices)"
    )


def advice(bank: Bank) -> list[str]:
    """Everything worth telling the bank's author, one line each."""
    return [line for line in (answer_position_advice(bank),) if line]
