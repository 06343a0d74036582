"""The order in which an export shows a question's options: shuffled, seeded, stable.

Why shuffle: a bank keeps options where its author typed them, and authors (and ``quiz
generate``) tend to type the right answer first, the pairs of a matching question side by side
and the items of an ordering question in the right order. An export that kept those orders
would teach learners to guess by position, or print the answer as the question. Moodle and
Anki may shuffle again when they show a question; a printed sheet, a spreadsheet or a Moodle
quiz with shuffling turned off shows the file's order, so the file's order must not give
anything away.

Why seeded: every shuffle is seeded by the bank id, question ids and what is shuffled (plus
``quiz export --seed N`` when given), hashed with SHA-256 (never ``hash()``, which changes from
one run to the next). So the same bank exports the
same bytes every time, a question shows the same order in every format (the worksheet and the
Moodle import agree), and ``--seed N`` gives another order that is just as reproducible.

What is shuffled (by export shape, :mod:`quiz.bank.types.shapes`, so a new type presenting as
one of these is shuffled alike):

- a choice: multiple choice (single and multi-answer): the right answers are dealt evenly over the
  positions, then the right and the wrong choices are each shuffled into their places. Each
  question in turn (in a seeded order of the ids) takes the positions that hold the fewest
  right answers so far (ties drawn by its own seed); single- and multi-answer questions are
  dealt apart. Independent shuffles leave the key to chance: tried on the founding bank, the
  default seed put 10 of its 20 single answers at A, seed 1 two of its three multi-answer
  sets at A, B, C. A whole class sees the same file, so its key must be balanced, not just
  random. (Adding a question to a bank can move the right answers of others; the key stays
  balanced.) The question is rebuilt with its choices in the new order and its ``answers`` in
  that order too, so every answer key written from it (letters, weights, ``ANSWER: C``)
  follows.
- pairs (matching): the right-hand column, never in the order of the pairs.
- a sequence (ordering): the items, never in the right order.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field

import msgspec

from quiz.bank.model import Bank, Matching, MultipleChoice, Ordering, Question
from quiz.bank.types import shape_of
from quiz.bank.types.shapes import Choice, Pairs, Sequence, Shape
from quiz.export.common import seeded_shuffle, stable_shuffle

__all__ = ["Arranger"]


def _key(bank_id: str, question_id: str, part: str, seed: int | None) -> str:
    parts = [bank_id, question_id, part]
    if seed is not None:
        parts.append(str(seed))
    return "\x1f".join(parts)


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode()).digest()


def _dealable(choice: Choice) -> bool:
    """Distinct options holding every (distinct) answer: the answers can go anywhere."""
    return (
        0 < len(choice.answers) == len(set(choice.answers))
        and len(choice.options) == len(set(choice.options))
        and set(choice.answers) <= set(choice.options)
    )


def deal(bank: Bank, seed: int | None = None) -> dict[str, frozenset[int]]:
    """Question id -> the positions of its right answers, for the questions of ``bank`` that
    present as a choice: each in turn takes the positions least used so far (see the module)."""
    choices = [(q.id, s) for q in bank.questions if isinstance(s := shape_of(q), Choice)]
    slots: dict[str, frozenset[int]] = {}
    for multiple in (False, True):
        used: Counter[int] = Counter()
        group = [(qid, c) for qid, c in choices if c.multiple == multiple and _dealable(c)]
        group.sort(key=lambda entry: _digest(_key(bank.id, entry[0], "deal", seed)))
        for qid, c in group:
            draw = seeded_shuffle(range(len(c.options)), _key(bank.id, qid, "slots", seed))
            chosen = sorted(draw, key=lambda p: used[p])[: len(c.answers)]  # stable: ties drawn
            used.update(chosen)
            slots[qid] = frozenset(chosen)
    return slots


@dataclass(frozen=True, slots=True)
class Arranger:
    """Shuffles for one export of one bank: ``Arranger.for_bank(bank, seed)``. Without
    ``slots`` (an arranger for questions outside a bank) every choice shuffle is uniform.

    It works on export shapes (:mod:`quiz.bank.types.shapes`), so any type that presents as
    a choice, pairs or a sequence is shuffled the same way; :meth:`choices`, :meth:`rights`
    and :meth:`items` are the same shuffles for the built-in classes."""

    bank_id: str
    seed: int | None = None
    slots: dict[str, frozenset[int]] = field(default_factory=dict)

    @classmethod
    def for_bank(cls, bank: Bank, seed: int | None = None) -> Arranger:
        return cls(bank.id, seed, deal(bank, seed))

    def key(self, question_id: str, part: str) -> str:
        """The text the shuffle of ``part`` of a question is seeded with."""
        return _key(self.bank_id, question_id, part, self.seed)

    def shape(self, question: Question) -> Shape:
        """The question's export shape, a choice's options in the order shown."""
        shape = shape_of(question)
        return self.options(question.id, shape) if isinstance(shape, Choice) else shape

    def options(self, question_id: str, choice: Choice) -> Choice:
        """``choice`` with its options shuffled and its answers listed in the new order."""
        key = self.key(question_id, "choices")
        slot = self.slots.get(question_id)
        size = len(choice.options)
        # (A bank built in memory may reuse an id: deal only what fits.)
        if slot and len(slot) == len(choice.answers) and max(slot) < size and _dealable(choice):
            rights = seeded_shuffle([c for c in choice.options if c in choice.answers], key)
            wrongs = seeded_shuffle([c for c in choice.options if c not in choice.answers], key)
            shown = tuple((rights if i in slot else wrongs).pop() for i in range(size))
            answers = tuple(c for c in shown if c in choice.answers)
            return msgspec.structs.replace(choice, options=shown, answers=answers)
        options = tuple(seeded_shuffle(choice.options, key))
        # A bank built in memory may list an answer that is no choice: keep it, last.
        answers = tuple(c for c in dict.fromkeys(options) if c in choice.answers) + tuple(
            a for a in choice.answers if a not in options
        )
        return msgspec.structs.replace(choice, options=options, answers=answers)

    def choices(self, question: MultipleChoice) -> MultipleChoice:
        """``question`` with its choices shuffled and its answers listed in the new order."""
        shown = self.options(question.id, Choice(question.choices, question.answers))
        return msgspec.structs.replace(question, choices=shown.options, answers=shown.answers)

    def pair_rights(self, question_id: str, pairs: Pairs) -> list[str]:
        """The right-hand column as shown: never in the order of the pairs."""
        return stable_shuffle([right for _, right in pairs.pairs], self.key(question_id, "rights"))

    def sequence(self, question_id: str, sequence: Sequence) -> list[str]:
        """The items as shown: never in the right order."""
        return stable_shuffle(list(sequence.items), self.key(question_id, "items"))

    def rights(self, question: Matching) -> list[str]:
        """The right-hand column of a matching question as shown."""
        return self.pair_rights(
            question.id, Pairs(tuple((p.left, p.right) for p in question.pairs))
        )

    def items(self, question: Ordering) -> list[str]:
        """The items of an ordering question as shown."""
        return self.sequence(question.id, Sequence(question.items))
