"""The bank model: plain, immutable data that every other part of quiz reads.

Questions are one class per type, each type carries exactly the fields it needs. Each type is
one module under :mod:`quiz.bank.types` (its class, checks, codecs, grading, export shape),
found through the registry there; this module re-exports the seven built-in classes and the
registry's live tables (:data:`QUESTION_TYPES`, :data:`TYPE_NAMES`), so that code naming
``quiz.bank.model`` keeps working. Nothing here does I/O.

The records are ``msgspec.Struct`` classes rather than dataclasses because every ``quiz`` start
defines them: on Python 3.11 a frozen, slotted dataclass costs about a millisecond to define (it
compiles six generated methods), a Struct about twenty microseconds, and start-up is measured
against a hello-world app (``benchmarks/run.py``). Structs also build instances about ten times
faster, which a 100,000-question bank notices. ``msgspec.structs.replace`` makes edited copies.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from typing import Literal, TypeAlias

from msgspec import Struct

from quiz.bank.cache_rows import question_ids, question_types
from quiz.bank.question import Question, format_number
from quiz.bank.types import (
    BLANK_PATTERN,
    QUESTION_TYPES,
    TYPE_NAMES,
    Cloze,
    Matching,
    MultipleChoice,
    Numeric,
    Ordering,
    Pair,
    ShortAnswer,
    TrueFalse,
)

__all__ = [
    "BLANK_PATTERN",
    "FACT_KINDS",
    "FORMAT",
    "QUESTION_TYPES",
    "TYPE_NAMES",
    "AnyQuestion",
    "Bank",
    "Cloze",
    "Fact",
    "FactKind",
    "Matching",
    "MultipleChoice",
    "Numeric",
    "Ordering",
    "Pair",
    "Question",
    "ShortAnswer",
    "Source",
    "TrueFalse",
    "format_number",
]

FORMAT = "quiz-bank/1"

FactKind = Literal[
    "person", "place", "organisation", "date", "number", "quote", "event", "policy", "term"
]
FACT_KINDS: tuple[str, ...] = (
    "person",
    "place",
    "organisation",
    "date",
    "number",
    "quote",
    "event",
    "policy",
    "term",
)


class Source(Struct, frozen=True):
    """The article a bank rests on. ``text`` is always loaded (from ``file`` or inline)."""

    title: str
    text: str
    outlet: str = ""
    published: str = ""
    url: str = ""
    file: str = ""  # path of the article relative to the bank file, "" when inline


class Fact(Struct, frozen=True):
    """A statement from the article; ``key`` is the span questions ask about, ``source`` the
    exact sentence it came from."""

    id: str
    statement: str
    kind: str
    key: str
    source: str


AnyQuestion: TypeAlias = (
    MultipleChoice | TrueFalse | Cloze | ShortAnswer | Matching | Numeric | Ordering
)


class Bank(Struct, frozen=True, dict=True):
    """One bank file. ``dict=True`` gives each bank a ``__dict__`` for its cached id index.

    ``questions`` is a tuple, or for a big bank read from the bank cache a
    :class:`~quiz.bank.cache_rows.QuestionRows`, which behaves as the tuple of its questions
    but builds each when it is first read (a quiz on 100,000 questions asks a few)."""

    id: str
    title: str
    source: Source
    questions: Sequence[Question]
    facts: tuple[Fact, ...] = ()
    description: str = ""
    language: str = "en"
    tags: tuple[str, ...] = ()
    as_of: str = ""  # ISO date the facts are current as of
    path: str = ""  # where it was loaded from, "" when built in memory
    #: Questions kept out of the quiz: drafted but held back, for a teacher to promote in
    #: ``quiz author``. Validated like questions; never played, reviewed or exported.
    drafts: tuple[Question, ...] = ()
    #: Ids of questions a teacher rejected in ``quiz author``: ``quiz generate --update``
    #: never brings them back, into the quiz or the drafts.
    rejected: tuple[str, ...] = ()

    @cached_property
    def _by_id(self) -> dict[str, int]:
        # built on first lookup, per instance, so an edited copy never shares a stale index;
        # positions rather than questions, so that a big cached bank builds only the one asked
        return {qid: at for at, qid in enumerate(question_ids(self.questions))}

    def question(self, question_id: str) -> Question | None:
        at = self._by_id.get(question_id)
        return None if at is None else self.questions[at]

    def fact(self, fact_id: str) -> Fact | None:
        return next((f for f in self.facts if f.id == fact_id), None)

    def count_by_type(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for kind in question_types(self.questions):
            counts[kind] = counts.get(kind, 0) + 1
        return counts
