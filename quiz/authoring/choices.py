"""A multiple-choice question's wrong options, changed without moving its right answers.

The generator deals the right answers' positions across a bank (``generate/balance.py``), so
replacing or editing a wrong option must leave each right answer at its place: every change of
the wrong options goes through here.
"""

from __future__ import annotations

from collections.abc import Sequence

from msgspec.structs import replace

from quiz.bank.model import MultipleChoice


def wrong_options(question: MultipleChoice) -> list[str]:
    """The choices that are not right answers, in their order."""
    return [c for c in question.choices if c not in question.answers]


def with_wrong_options(question: MultipleChoice, wrong: Sequence[str]) -> MultipleChoice:
    """The question with these wrong options, each right answer kept at its place."""
    return replace(question, choices=tuple(place_answers(question, list(question.answers), wrong)))


def place_answers(question: MultipleChoice, answers: list[str], wrong: Sequence[str]) -> list[str]:
    """Choices: ``wrong`` with the answers inserted where the question has its right answers
    now (so that editing a wrong option never moves the answer)."""
    positions = sorted(question.correct_indices()) or [0]
    choices = list(wrong)
    for n, answer in enumerate(answers):
        at = positions[n] if n < len(positions) else len(choices)
        choices.insert(min(at, len(choices)), answer)
    return choices


def swap_in(current: list[str], fresh: list[str]) -> list[str]:
    """Replace the last wrong options with fresh ones (all of them when there are enough)."""
    keep = max(0, len(current) - len(fresh))
    return current[:keep] + fresh[: len(current) - keep] if current else fresh[:3]
