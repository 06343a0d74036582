"""The bank model: plain, immutable data that every other part of quiz reads.

Questions are one class per type so that grading, display and export can dispatch on the
class and each type carries exactly the fields it needs. Nothing here does I/O.

The records are ``msgspec.Struct`` classes rather than dataclasses because every ``quiz`` start
defines them: on Python 3.11 a frozen, slotted dataclass costs about a millisecond to define (it
compiles six generated methods), a Struct about twenty microseconds, and start-up is measured
against a hello-world app (``benchmarks/run.py``). Structs also build instances about ten times
faster, which a 100,000-question bank notices. ``msgspec.structs.replace`` makes edited copies.
"""

from __future__ import annotations

from functools import cached_property
from typing import ClassVar, Literal, TypeAlias

from msgspec import Struct

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

#: How a cloze prompt marks a blank: a run of three or more underscores.
BLANK_PATTERN = r"_{3,}"


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


class MultipleChoice(Question, frozen=True, kw_only=True):
    """``answers`` holds the correct choice texts: one, or several when ``multiple``."""

    TYPE: ClassVar[str] = "multiple_choice"
    NAME: ClassVar[str] = "Multiple choice"
    choices: tuple[str, ...]
    answers: tuple[str, ...]
    multiple: bool = False

    def answer_text(self) -> str:
        return "; ".join(self.answers)

    def correct_indices(self) -> frozenset[int]:
        return frozenset(i for i, c in enumerate(self.choices) if c in self.answers)


class TrueFalse(Question, frozen=True, kw_only=True):
    """A statement to judge; ``answer`` says whether the article bears it out."""

    TYPE: ClassVar[str] = "true_false"
    NAME: ClassVar[str] = "True or false"
    answer: bool

    def answer_text(self) -> str:
        return "True" if self.answer else "False"


class Cloze(Question, frozen=True, kw_only=True):
    """``prompt`` has one ``___`` per blank; ``blanks[i]`` lists the accepted answers of
    blank i, the first being the one shown as correct."""

    TYPE: ClassVar[str] = "cloze"
    NAME: ClassVar[str] = "Fill in the blank"
    blanks: tuple[tuple[str, ...], ...]

    def answer_text(self) -> str:
        return "; ".join(b[0] for b in self.blanks)


class ShortAnswer(Question, frozen=True, kw_only=True):
    """``answers[0]`` is shown as correct; the rest are accepted variants."""

    TYPE: ClassVar[str] = "short_answer"
    NAME: ClassVar[str] = "Short answer"
    answers: tuple[str, ...]

    def answer_text(self) -> str:
        return self.answers[0]


class Pair(Struct, frozen=True, gc=False):
    """One line of a matching question: ``left`` is shown, ``right`` is to be matched. Two
    strings, never in a cycle: untracked by the collector, as questions are."""

    left: str
    right: str


class Matching(Question, frozen=True, kw_only=True):
    """Each pair holds a left item and its right match."""

    TYPE: ClassVar[str] = "matching"
    NAME: ClassVar[str] = "Matching"
    pairs: tuple[Pair, ...]

    def answer_text(self) -> str:
        return "; ".join(f"{p.left} → {p.right}" for p in self.pairs)


class Numeric(Question, frozen=True, kw_only=True):
    """Right when ``abs(given - answer) <= tolerance``."""

    TYPE: ClassVar[str] = "numeric"
    NAME: ClassVar[str] = "Number"
    answer: float
    tolerance: float = 0.0
    unit: str = ""

    def answer_text(self) -> str:
        value = format_number(self.answer)
        text = f"{value} {self.unit}".strip()
        if self.tolerance:
            text += f" (± {format_number(self.tolerance)})"
        return text


class Ordering(Question, frozen=True, kw_only=True):
    """``items`` are in their right order; a quiz shows them shuffled."""

    TYPE: ClassVar[str] = "ordering"
    NAME: ClassVar[str] = "Put in order"
    items: tuple[str, ...]

    def answer_text(self) -> str:
        return " → ".join(self.items)


AnyQuestion: TypeAlias = (
    MultipleChoice | TrueFalse | Cloze | ShortAnswer | Matching | Numeric | Ordering
)

QUESTION_TYPES: dict[str, type[Question]] = {
    cls.TYPE: cls
    for cls in (MultipleChoice, TrueFalse, Cloze, ShortAnswer, Matching, Numeric, Ordering)
}
#: Type name in the file -> the name people read ("cloze" -> "Fill in the blank").
TYPE_NAMES: dict[str, str] = {name: cls.NAME for name, cls in QUESTION_TYPES.items()}


class Bank(Struct, frozen=True, dict=True):
    """One bank file. ``dict=True`` gives each bank a ``__dict__`` for its cached id index."""

    id: str
    title: str
    source: Source
    questions: tuple[Question, ...]
    facts: tuple[Fact, ...] = ()
    description: str = ""
    language: str = "en"
    tags: tuple[str, ...] = ()
    as_of: str = ""  # ISO date the facts are current as of
    path: str = ""  # where it was loaded from, "" when built in memory
    #: Questions kept out of the quiz: drafted but held back, for a teacher to promote in
    #: ``quiz author``. Validated like questions; never played, reviewed or exported.
    drafts: tuple[Question, ...] = ()

    @cached_property
    def _by_id(self) -> dict[str, Question]:
        # built on first lookup, per instance, so an edited copy never shares a stale index
        return {q.id: q for q in self.questions}

    def question(self, question_id: str) -> Question | None:
        return self._by_id.get(question_id)

    def fact(self, fact_id: str) -> Fact | None:
        return next((f for f in self.facts if f.id == fact_id), None)

    def count_by_type(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for q in self.questions:
            counts[q.TYPE] = counts.get(q.TYPE, 0) + 1
        return counts


def format_number(value: float) -> str:
    """80000.0 -> '80,000'; 2.5 -> '2.5'. Used wherever a number is shown to a person."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.10g}"
