"""How a response came out: right, a near miss (accepted), or wrong.

The lowest layer of grading, below the bank: each question type's module grades its own
responses (:mod:`quiz.bank.types`), so the words of a verdict cannot live above it. Re-exported
by :mod:`quiz.record`, where an answer is kept with its outcome.
"""

from __future__ import annotations

from enum import StrEnum


class Outcome(StrEnum):
    RIGHT = "right"
    NEAR_MISS = "near_miss"  # accepted, but not exactly (a small typo, a missing accent)
    WRONG = "wrong"

    @property
    def correct(self) -> bool:
        return self is not Outcome.WRONG
