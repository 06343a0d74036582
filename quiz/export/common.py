"""Small helpers the exporters share: text clean-up, counting, a stable shuffle."""

from __future__ import annotations

import hashlib
import random
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TypeVar

from quiz.bank.model import BLANK_PATTERN, Question, format_number
from quiz.bank.types import shape_of, type_of
from quiz.bank.types.shapes import NoExport
from quiz.plural import plural

T = TypeVar("T")

BLANK = re.compile(BLANK_PATTERN)
# C0/C1 control characters other than tab and newline. The loader refuses them, but a bank
# can be built in memory, and none of them means anything in a file for people.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def clean(text: str, *, strip: bool = True) -> str:
    """Newlines as ``\\n`` only, no control characters, (by default) no outer whitespace."""
    text = _CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))
    return text.strip() if strip else text


def one_line(text: str) -> str:
    """``clean`` and then every run of whitespace (newlines included) as one space."""
    return " ".join(clean(text).split())


def kind_name(question: Question) -> str:
    """'true/false', 'multiple choice', 'multiple-answer' (a choice with several answers):
    the type's ``short_name``, from its module."""
    if getattr(shape_of(question), "multiple", False):
        return "multiple-answer"
    return type_of(question).short_name


def exportable(questions: Iterable[Question]) -> list[Question]:
    """The questions whose type has an export shape (not :class:`NoExport`)."""
    return [q for q in questions if not isinstance(shape_of(q), NoExport)]


def skipped_notes(questions: Iterable[Question]) -> tuple[str, ...]:
    """One note per reason a type gives for having no export shape ("skipped 2 sketch
    questions: REASON"), in the order first met."""
    cannot: dict[str, list[Question]] = {}
    for question in questions:
        shape = shape_of(question)
        if isinstance(shape, NoExport):
            cannot.setdefault(shape.reason, []).append(question)
    return tuple(f"skipped {count_phrase(qs)}: {reason}" for reason, qs in cannot.items())


def count_phrase(questions: Iterable[Question]) -> str:
    """'2 ordering questions and 1 matching question', by kind in first-seen order."""
    counts = Counter(kind_name(q) for q in questions)
    parts = [plural(n, f"{kind} question") for kind, n in counts.items()]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def number(value: float) -> str:
    """A number as GIFT and spreadsheets read it: no grouping, no exponent (80000, 2.5, -3)."""
    text = repr(float(value))
    if "e" in text or "E" in text:
        from decimal import Decimal

        text = format(Decimal(text), "f")
    if text.endswith(".0"):
        text = text[:-2]
    return "0" if text == "-0" else text


def human_number(value: float) -> str:
    return format_number(value)


def _rng(seed: str) -> random.Random:
    # SHA-256, not hash(): Python salts str hashes per process, and an export must not change.
    return random.Random(int.from_bytes(hashlib.sha256(seed.encode()).digest()[:8], "big"))


def seeded_shuffle(items: Sequence[T], seed: str) -> list[T]:
    """A uniform shuffle, the same for the same seed on every machine. The given order is as
    likely as any other: every position is equally likely for a right answer."""
    shuffled = list(items)
    _rng(seed).shuffle(shuffled)
    return shuffled


def stable_shuffle(items: Sequence[T], seed: str) -> list[T]:
    """The same order for the same seed on every machine; never the given order when there are
    two or more distinct items (a worksheet must not print the answer as the question)."""
    shuffled = seeded_shuffle(items, seed)
    if len(shuffled) > 1 and shuffled == list(items):
        shuffled = shuffled[1:] + shuffled[:1]
    return shuffled


def split_blanks(prompt: str) -> list[str]:
    """The text around the blanks of a cloze prompt: ``len(blanks) + 1`` pieces."""
    return BLANK.split(prompt)
