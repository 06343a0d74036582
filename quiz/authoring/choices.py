"""A multiple-choice question's wrong options, changed without moving its right answers.

The generator deals the right answers' positions across a bank (``generate/balance.py``), so
replacing or editing a wrong option must leave each right answer at its place: every change of
the wrong options goes through here.
"""

from __future__ import annotations

from collections.abc import Sequence

from msgspec.structs import replace

from quiz.bank.model import MultipleChoice

# Written with the type, whose edit form places the answers the same way.
from quiz.bank.types.multiple_choice import place_answers, wrong_options

__all__ = ["place_answers", "swap_in", "with_wrong_options", "wrong_options"]


def with_wrong_options(question: MultipleChoice, wrong: Sequence[str]) -> MultipleChoice:
    """The question with these wrong options, each right answer kept at its place."""
    return replace(question, choices=tuple(place_answers(question, list(question.answers), wrong)))


def swap_in(current: list[str], fresh: list[str]) -> list[str]:
    """Replace the last wrong options with fresh ones (all of them when there are enough)."""
    keep = max(0, len(current) - len(fresh))
    return current[:keep] + fresh[: len(current) - keep] if current else fresh[:3]
