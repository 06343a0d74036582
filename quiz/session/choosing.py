"""Which questions a session asks: the filters (:class:`Options`) and the choice of questions
from a bank, siblings spaced (:mod:`quiz.session.siblings`)."""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence

from msgspec import Struct

from quiz.bank.cache_rows import QuestionRows
from quiz.bank.model import Bank, Question
from quiz.errors import QuizError
from quiz.session.siblings import arrange, sibling_keys

__all__ = [
    "NoQuestions",
    "Options",
    "fewest_siblings",
    "filtered",
    "filtered_positions",
    "select_questions",
]


class NoQuestions(QuizError):
    """The filters left nothing to ask."""


class Options(Struct, frozen=True):
    """How to pick the questions of a session.

    ``types`` and ``tags`` filter (a question passes with any of the tags); ``only`` keeps
    just these question ids (the ones missed last time); ``count`` caps how many; ``seed``
    makes the order (and the shuffles of ordering and matching items) reproducible. With
    ``shuffle`` on, the order is random but siblings are spaced out (:func:`arrange`); with it
    off the bank's order is kept exactly."""

    count: int | None = None
    types: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    seed: int | None = None
    shuffle: bool = True
    only: tuple[str, ...] = ()

    def describe(self) -> str:
        """The filters in words, for messages ("type cloze, tag security")."""
        bits = []
        if self.types:
            bits.append("type " + " or ".join(self.types))
        if self.tags:
            bits.append("tag " + " or ".join(self.tags))
        if self.only:
            bits.append("missed last time")
        return ", ".join(bits)


def select_questions(bank: Bank, options: Options, rng: random.Random) -> list[Question]:
    """The questions of a session: filtered, then (with ``shuffle``) in a random order with
    siblings spaced out; a ``count`` below what passes the filters takes as few siblings as
    it can, so that a short quiz covers as many facts as it can."""
    chosen = filtered(bank, options)
    if options.shuffle:
        rng.shuffle(chosen)
    if options.count is not None:
        chosen = fewest_siblings(chosen, max(0, options.count))
    if options.shuffle:
        chosen = arrange(chosen)
    return chosen


def filtered(bank: Bank, options: Options) -> list[Question]:
    """The questions of ``bank`` that pass the filters of ``options``, in bank order."""
    if not (options.types or options.tags or options.only):
        return list(bank.questions)
    questions = bank.questions
    return [questions[at] for at in filtered_positions(bank, options)]


def filtered_positions(bank: Bank, options: Options) -> list[int]:
    """The positions in ``bank.questions`` of :func:`filtered`'s questions, in bank order;
    a big cached bank is filtered on its columns, without building a question."""
    questions = bank.questions
    if not (options.types or options.tags or options.only):
        return list(range(len(questions)))
    fields: Iterable[tuple[str, tuple[str, ...], str]]
    if isinstance(questions, QuestionRows):
        fields = zip(questions.types, questions.tags, questions.ids, strict=True)
    else:
        fields = ((q.TYPE, q.tags, q.id) for q in questions)
    only = frozenset(options.only)
    wanted = set(options.tags)
    return [
        at
        for at, (kind, tags, question_id) in enumerate(fields)
        if (not options.types or kind in options.types)
        and (not wanted or set(tags) & wanted)
        and (not only or question_id in only)
    ]


def fewest_siblings(questions: Sequence[Question], count: int) -> list[Question]:
    """The first ``count`` of ``questions``, passing over a sibling of one already taken
    while others are left (taken last, in order, when there are not enough)."""
    if count >= len(questions):
        return list(questions)
    taken: list[Question] = []
    passed: list[Question] = []
    seen: set[str] = set()
    for question in questions:
        keys = sibling_keys(question)
        if keys & seen:
            passed.append(question)
            continue
        taken.append(question)
        seen |= keys
        if len(taken) == count:
            return taken
    return taken + passed[: count - len(taken)]
