"""Export shapes: the few neutral forms a question presents as, so exporters need no types.

An exporter (GIFT, Aiken, Anki, CSV, the printable sheet) renders shapes, never question
classes: each type says which shape it presents as (:attr:`QuestionType.shape`), or that it
cannot be exported and why (:class:`NoExport`). A new type that maps onto an existing shape is
then exported by every exporter with no exporter change; only a new *shape* needs one.

The answer widget of the quiz screen is chosen by shape as well
(``quiz/tui/widgets/answers/picking.py``): a learner answers a choice the same way whatever type
it came from.

Shapes are ``msgspec`` structs, like the model: every start defines them, and a struct costs
about twenty microseconds to define where a frozen dataclass costs a millisecond.
"""

from __future__ import annotations

from typing import TypeAlias

from msgspec import Struct


class Choice(Struct, frozen=True):
    """Pick from ``options``: ``answers`` are the right ones (several when ``multiple``).

    The response graded for it is the index (or, with ``multiple``, the set of indices) of the
    options as listed here."""

    options: tuple[str, ...]
    answers: tuple[str, ...]
    multiple: bool = False

    def correct_indices(self) -> frozenset[int]:
        return frozenset(i for i, option in enumerate(self.options) if option in self.answers)


class Statement(Struct, frozen=True):
    """A statement to judge true or false; the response is a ``bool``."""

    answer: bool


class Blanks(Struct, frozen=True):
    """The prompt has one ``___`` per blank; ``blanks[i]`` lists blank i's accepted answers, the
    first shown as right. The response is one text per blank."""

    blanks: tuple[tuple[str, ...], ...]


class TextAnswers(Struct, frozen=True):
    """A typed answer: ``answers[0]`` is shown as right, the rest are accepted variants."""

    answers: tuple[str, ...]


class Number(Struct, frozen=True):
    """A typed number, right within ``tolerance``; ``unit`` is shown after the answer box."""

    answer: float
    tolerance: float = 0.0
    unit: str = ""


class Pairs(Struct, frozen=True):
    """Match each left text with its right one: ``pairs`` as (left, right), in the bank's order."""

    pairs: tuple[tuple[str, str], ...]


class Sequence(Struct, frozen=True):
    """Put ``items`` (listed in their right order) in order."""

    items: tuple[str, ...]


class NoExport(Struct, frozen=True):
    """The type has no neutral form; ``reason`` says why, in the exporters' notes ("skipped 2
    sketch questions: REASON")."""

    reason: str


Shape: TypeAlias = Choice | Statement | Blanks | TextAnswers | Number | Pairs | Sequence | NoExport

__all__ = [
    "Blanks",
    "Choice",
    "NoExport",
    "Number",
    "Pairs",
    "Sequence",
    "Shape",
    "Statement",
    "TextAnswers",
]
