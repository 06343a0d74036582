"""What every question is, whatever its type: the fields all types share.

Each type subclasses :class:`Question` in its own module under :mod:`quiz.bank.types`, so the
base lives apart from :mod:`quiz.bank.model` (which re-exports every type): a type module
imports this, never the model, and the model can import the types without a circle.
"""

from __future__ import annotations

from typing import ClassVar

from msgspec import Struct


class Question(Struct, frozen=True, kw_only=True, gc=False):
    """Fields every question type shares. ``id`` is stable: progress is keyed on it.

    ``gc=False`` (inherited by every type): the cyclic garbage collector never tracks a
    question. A question holds only strings, numbers, tuples of them and :class:`Pair` lines,
    and is frozen, so it can never be part of a reference cycle (msgspec's condition for
    ``gc=False``); tracked, the 100,000 questions of a big bank were walked by the collection
    that follows their load (0.12 s of ``quiz play``'s start) and by every full one after."""

    TYPE: ClassVar[str] = ""
    #: The type's name as a learner or teacher reads it, everywhere the app shows it.
    NAME: ClassVar[str] = ""

    id: str
    prompt: str
    source: str
    fact: str = ""
    explanation: str = ""
    tags: tuple[str, ...] = ()
    difficulty: int | None = None
    #: Item-review advice the teacher silenced for this question: (advice code, reason) pairs,
    #: kept so ``quiz check`` can say what was silenced and why (docs/item-review.md).
    silence: tuple[tuple[str, str], ...] = ()
    #: Why a question of the bank's ``drafts`` list was held back (by the generator's gate, or
    #: left for later by the teacher): shown in ``quiz author``, where it can be promoted.
    held_back: str = ""

    @property
    def type(self) -> str:
        return self.TYPE

    def answer_text(self) -> str:
        """The correct answer as one line a person can read (feedback, exports, summaries)."""
        raise NotImplementedError

    def answer_key(self) -> str:
        """A canonical form of the correct answer; when it changes, the schedule is reset."""
        return self.answer_text()


def format_number(value: float) -> str:
    """80000.0 -> '80,000'; 2.5 -> '2.5'. Used wherever a number is shown to a person."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.10g}"
