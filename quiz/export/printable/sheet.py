"""What a printable worksheet holds, independent of Markdown or HTML: each question as printed
(:class:`Entry`, chosen by its export shape) and the answer key's lines."""

from __future__ import annotations

import string
from dataclasses import dataclass, field

from quiz.bank.model import Bank, Question
from quiz.bank.types.shapes import (
    Blanks,
    Choice,
    Number,
    Pairs,
    Sequence,
    Shape,
    Statement,
    TextAnswers,
)
from quiz.export.arrange import Arranger
from quiz.export.common import exportable, one_line

__all__ = ["LETTERS", "Entry", "entries", "entry", "source_parts"]

LETTERS = string.ascii_uppercase


# --- what goes on the sheet, independent of Markdown or HTML -------------------------------


@dataclass
class Entry:
    """One question as printed: ``number``, the ``instruction`` under its prompt, and the
    lines of the answer key."""

    number: int
    question: Question
    instruction: str
    shape: Shape  # what the sheet prints is chosen by it, never by the question's class
    choices: list[str] = field(default_factory=list)  # multiple choice, lettered A..
    lefts: list[str] = field(default_factory=list)  # matching, numbered 1..
    rights: list[str] = field(default_factory=list)  # matching options, shuffled, lettered
    items: list[str] = field(default_factory=list)  # ordering, shuffled
    key: list[str] = field(default_factory=list)


def entry(number: int, question: Question, arrange: Arranger) -> Entry:
    """What the sheet prints for ``question``, by its export shape; ``arrange`` gives the
    order of its options. A type that cannot be exported is a ValueError (left out first)."""
    shape = arrange.shape(question)
    if isinstance(shape, Choice):
        key = [
            f"{LETTERS[i]}. {one_line(c)}"
            for i, c in enumerate(shape.options)
            if c in shape.answers
        ]
        how = "Choose all that apply." if shape.multiple else "Choose one."
        return Entry(number, question, how, shape, choices=list(shape.options), key=key)
    if isinstance(shape, Statement):
        how = "True or false? Circle one."
        return Entry(number, question, how, shape, key=[question.answer_text()])
    if isinstance(shape, Blanks):
        key = []
        for i, blank in enumerate(shape.blanks):
            also = f" (also: {', '.join(one_line(a) for a in blank[1:])})" if blank[1:] else ""
            prefix = f"({i + 1}) " if len(shape.blanks) > 1 else ""
            key.append(f"{prefix}{one_line(blank[0])}{also}")
        how = "Fill in the blanks." if len(shape.blanks) > 1 else "Fill in the blank."
        return Entry(number, question, how, shape, key=key)
    if isinstance(shape, TextAnswers):
        variants = shape.answers[1:]
        line = one_line(shape.answers[0])
        if variants:
            line += f" (also accepted: {', '.join(one_line(a) for a in variants)})"
        return Entry(number, question, "Write your answer.", shape, key=[line])
    if isinstance(shape, Number):
        return Entry(number, question, "Write a number.", shape, key=[question.answer_text()])
    if isinstance(shape, Pairs):
        lefts = [left for left, _ in shape.pairs]
        rights = arrange.pair_rights(question.id, shape)
        key = [
            f"{i + 1} → {LETTERS[rights.index(right)]} ({one_line(left)} → {one_line(right)})"
            for i, (left, right) in enumerate(shape.pairs)
        ]
        return Entry(
            number,
            question,
            "Write the letter of the matching option by each item.",
            shape,
            lefts=lefts,
            rights=rights,
            key=key,
        )
    if isinstance(shape, Sequence):
        items = arrange.sequence(question.id, shape)
        key = [f"{i + 1}. {one_line(t)}" for i, t in enumerate(shape.items)]
        return Entry(
            number,
            question,
            f"Number the items from 1 to {len(items)} in the right order.",
            shape,
            items=items,
            key=key,
        )
    raise ValueError(f"no worksheet form for {question.TYPE}: {shape.reason}")


def entries(bank: Bank, seed: int | None = None) -> list[Entry]:
    """The sheet's entries, numbered 1..N over the questions that can be printed."""
    arrange = Arranger.for_bank(bank, seed)
    return [entry(i + 1, q, arrange) for i, q in enumerate(exportable(bank.questions))]


def source_parts(bank: Bank) -> tuple[str, str]:
    """(``'Title — Outlet, 2025-05-12'``, url or '')."""
    src = bank.source
    where = ", ".join(one_line(p) for p in (src.outlet, src.published) if p.strip())
    text = one_line(src.title) + (f" — {where}" if where else "")
    return text, one_line(src.url)
