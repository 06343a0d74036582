"""The names of the item-review advice and nothing else.

The bank validator imports this module to check each question's ``silence`` entries, so it stays
free of the checks themselves (they live in :mod:`quiz.bank.review.registry` and its families).
"""

from __future__ import annotations

#: Every advice code, in the order ``quiz check`` reports them.
ADVICE_CODES: tuple[str, ...] = (
    "answer-position",
    "key-longest",
    "key-verbatim",
    "key-only-quoted",
    "key-names-stem-person",
    "tf-true-verbatim",
    "guessable-blank",
    "general-knowledge",
    "distractor-true-elsewhere",
    "stem-key-mismatch",
    "answer-leak",
    "duplicate-test",
    "matching-gives-away",
)

#: Advice about the bank as a whole rather than one question: it cannot be silenced per question.
BANK_WIDE: frozenset[str] = frozenset({"answer-position"})
