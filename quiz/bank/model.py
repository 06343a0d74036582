"""The bank model: plain, immutable data that every other part of quiz reads.

Questions are one class per type so that grading, display and export can dispatch on the
class and each type carries exactly the fields it needs. Nothing here does I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar, Literal, TypeAlias

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


@dataclass(frozen=True, slots=True)
class Source:
    """The article a bank rests on. ``text`` is always loaded (from ``file`` or inline)."""

    title: str
    text: str
    outlet: str = ""
    published: str = ""
    url: str = ""
    file: str = ""  # path of the article relative to the bank file, "" when inline


@dataclass(frozen=True, slots=True)
class Fact:
    id: str
    statement: str
    kind: str
    key: str
    source: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Question:
    """Fields every question type shares. ``id`` is stable: progress is keyed on it."""

    TYPE: ClassVar[str] = ""

    id: str
    prompt: str
    source: str
    fact: str = ""
    explanation: str = ""
    tags: tuple[str, ...] = ()
    difficulty: int | None = None

    @property
    def type(self) -> str:
        return self.TYPE

    def answer_text(self) -> str:
        """The correct answer as one line a person can read (feedback, exports, summaries)."""
        raise NotImplementedError

    def answer_key(self) -> str:
        """A canonical form of the correct answer; when it changes, the schedule is reset."""
        return self.answer_text()


@dataclass(frozen=True, slots=True, kw_only=True)
class MultipleChoice(Question):
    """``answers`` holds the correct choice texts: one, or several when ``multiple``."""

    TYPE: ClassVar[str] = "multiple_choice"
    choices: tuple[str, ...]
    answers: tuple[str, ...]
    multiple: bool = False

    def answer_text(self) -> str:
        return "; ".join(self.answers)

    def correct_indices(self) -> frozenset[int]:
        return frozenset(i for i, c in enumerate(self.choices) if c in self.answers)


@dataclass(frozen=True, slots=True, kw_only=True)
class TrueFalse(Question):
    TYPE: ClassVar[str] = "true_false"
    answer: bool

    def answer_text(self) -> str:
        return "True" if self.answer else "False"


@dataclass(frozen=True, slots=True, kw_only=True)
class Cloze(Question):
    """``prompt`` has one ``___`` per blank; ``blanks[i]`` lists the accepted answers of
    blank i, the first being the one shown as correct."""

    TYPE: ClassVar[str] = "cloze"
    blanks: tuple[tuple[str, ...], ...]

    def answer_text(self) -> str:
        return "; ".join(b[0] for b in self.blanks)


@dataclass(frozen=True, slots=True, kw_only=True)
class ShortAnswer(Question):
    """``answers[0]`` is shown as correct; the rest are accepted variants."""

    TYPE: ClassVar[str] = "short_answer"
    answers: tuple[str, ...]

    def answer_text(self) -> str:
        return self.answers[0]


@dataclass(frozen=True, slots=True)
class Pair:
    left: str
    right: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Matching(Question):
    TYPE: ClassVar[str] = "matching"
    pairs: tuple[Pair, ...]

    def answer_text(self) -> str:
        return "; ".join(f"{p.left} → {p.right}" for p in self.pairs)


@dataclass(frozen=True, slots=True, kw_only=True)
class Numeric(Question):
    """Right when ``abs(given - answer) <= tolerance``."""

    TYPE: ClassVar[str] = "numeric"
    answer: float
    tolerance: float = 0.0
    unit: str = ""

    def answer_text(self) -> str:
        value = format_number(self.answer)
        text = f"{value} {self.unit}".strip()
        if self.tolerance:
            text += f" (± {format_number(self.tolerance)})"
        return text


@dataclass(frozen=True, slots=True, kw_only=True)
class Ordering(Question):
    """``items`` are in their right order; a quiz shows them shuffled."""

    TYPE: ClassVar[str] = "ordering"
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


@dataclass(frozen=True, slots=True)
class Bank:
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
    _by_id: dict[str, Question] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_id.update((q.id, q) for q in self.questions)

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
