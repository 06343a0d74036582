"""A question as a session presents it: ordering items and matching options shuffled."""

from __future__ import annotations

import random

from msgspec import Struct
from msgspec.structs import replace

from quiz.bank.model import Bank, Matching, Ordering, Question

__all__ = ["Item", "present"]


class Item(Struct, frozen=True):
    """One question as this session presents it.

    ``order`` is the ordering items as shown (shuffled, never already right); ``options`` the
    matching right-hand sides as shown (shuffled). Multiple-choice choices keep the order the
    author wrote: teachers order them on purpose."""

    question: Question
    order: tuple[str, ...] = ()
    options: tuple[str, ...] = ()
    bank: Bank | None = None  # the question's own bank when a session spans several


def present(question: Question, rng: random.Random, bank: Bank | None = None) -> Item:
    if bank is not None:
        return replace(present(question, rng), bank=bank)
    if isinstance(question, Ordering):
        items = list(question.items)
        if len(set(items)) > 1:
            for _ in range(20):
                rng.shuffle(items)
                if tuple(items) != question.items:
                    break
        return Item(question, order=tuple(items))
    if isinstance(question, Matching):
        rights = [p.right for p in question.pairs]
        rng.shuffle(rights)
        return Item(question, options=tuple(rights))
    return Item(question)
