"""A big shuffled session's items, ordered and presented as the quiz goes."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import overload

from quiz.bank.cache_rows import QuestionRows
from quiz.bank.model import Question
from quiz.session.presenting import Item, present
from quiz.session.siblings import keys_of, sibling_keys

__all__ = ["LOOK_AHEAD", "TAIL", "AsItGoes"]


#: How many questions ahead :class:`AsItGoes` looks for one with no sibling close by (as
#: :func:`spread` does over 300 questions).
LOOK_AHEAD = 64
#: The last this many questions of such a session are drawn and keyed all at once, so that
#: the end of the quiz is placed as :func:`spread` places it, knowing every group left.
TAIL = 300


class AsItGoes(Sequence[Item]):
    """The items of a big shuffled session, each ordered and presented when first asked for.

    Before, a 100,000-question session computed the sibling keys of every question (a
    regular expression each), spaced them all (:func:`arrange`) and presented them all before
    the first one was shown: 0.9 s, where the first question needs only the first 64. Here
    the questions are drawn at random one at a time (a Fisher-Yates shuffle from the front,
    so a draw costs the same whether 10 or 100,000 remain), keyed as they are drawn, and
    placed by the same greedy rule as :func:`spread`: the first of the next
    :data:`LOOK_AHEAD` with no sibling among the last ``window`` placed, or failing that the
    one whose nearest sibling is farthest. The last :data:`TAIL` questions are drawn at once
    and placed as :func:`spread` places them, making room in time for the groups of
    siblings still left (the end, where the look-ahead ran dry and siblings met). What it
    cannot do without every key is shrink the window for a group of siblings too large for
    it: a bank of that shape gets the farthest sibling it can instead. Items are made in
    order, whatever index is asked for first, so one seed gives one quiz.

    The pool is the positions in ``questions`` of the questions to ask: a big bank read from
    the bank cache (:class:`~quiz.bank.cache_rows.QuestionRows`) is keyed from its columns
    (fact and source) and builds a question only when it is placed."""

    def __init__(
        self, questions: Sequence[Question], pool: list[int], rng: random.Random, window: int
    ) -> None:
        self._questions = questions
        self._pool = pool  # shuffled in place as it is drawn: [:_drawn] is drawn
        self._drawn = 0
        self._rng = rng
        self._window = window
        self._buffer: list[tuple[int, frozenset[str]]] = []
        self._last: dict[str, int] = {}  # sibling key -> the place it was last seen at
        self._items: list[Item] = []
        self._left: dict[str, int] | None = None  # in the tail: sibling key -> questions left
        self._most = 1  # in the tail: the room the largest group left needs

    def __len__(self) -> int:
        return len(self._pool)

    @overload
    def __getitem__(self, index: int) -> Item: ...

    @overload
    def __getitem__(self, index: slice) -> list[Item]: ...

    def __getitem__(self, index: int | slice) -> Item | list[Item]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        while len(self._items) <= index:
            self._place_next()
        return self._items[index]

    def _draw(self) -> tuple[int, frozenset[str]]:
        """The next question at random (its position), with its sibling keys."""
        pool, at = self._pool, self._drawn
        other = self._rng.randrange(at, len(pool))
        pool[at], pool[other] = pool[other], pool[at]
        self._drawn += 1
        position = pool[at]
        questions = self._questions
        if isinstance(questions, QuestionRows):
            return position, keys_of(questions.facts[position], questions.source_at(position))
        return position, sibling_keys(questions[position])

    def _need(self, key: str) -> int:
        assert self._left is not None
        return (self._left[key] - 1) * (self._window + 1) + 1

    def _place_next(self) -> None:
        buffer, last, place, window = self._buffer, self._last, len(self._items), self._window
        left = len(self) - place
        if self._left is None and left <= TAIL:
            while self._drawn < len(self._pool):
                buffer.append(self._draw())
            self._left = {}
            for _position, keys in buffer:
                for key in keys:
                    self._left[key] = self._left.get(key, 0) + 1
            self._most = max((self._need(k) for k in self._left), default=1)
        while len(buffer) < LOOK_AHEAD and self._drawn < len(self._pool):
            buffer.append(self._draw())
        urgent_possible = self._left is not None and left - window <= self._most
        pick = fallback = -1
        best = closest = -1
        for at, (_position, keys) in enumerate(buffer):
            gap = min((place - last[k] for k in keys if k in last), default=len(self) + 1)
            if gap > window:
                if not urgent_possible:
                    pick = at
                    break
                score = max((self._need(k) for k in keys), default=1)
                score = score if score >= left - window else 0
                if score > best:
                    pick, best = at, score
            elif gap > closest:
                fallback, closest = at, gap
        position, keys = buffer.pop(pick if pick >= 0 else fallback)
        for key in keys:
            last[key] = place
            if self._left is not None:
                self._left[key] -= 1
        self._items.append(present(self._questions[position], self._rng))
