"""Moodle's Aiken format (https://docs.moodle.org/en/Aiken_format): single-answer multiple
choice only, one question per block::

    Who opened the new bridge?
    A. Ana Costa
    B. Marta Silva
    ANSWER: A

Aiken has one line per question and per choice, so newlines in bank text become spaces. Moodle
reads a line starting like ``B.`` or ``B)`` (so also ``U.S. troops ...``) or ``ANSWER:`` as a
choice or the answer wherever it is, so a prompt that would look like one is written
``Q: U.S. troops ...``. Aiken has no ids, feedback,
categories or tags; everything but single-answer multiple choice is skipped, and said so.
Moodle escapes the text it reads (``<b>`` is shown as ``<b>``). The choices are written in
their seeded shuffle (``quiz.export.arrange``) and ``ANSWER:`` names the right one's letter
there: Moodle keeps the file's order when a quiz does not shuffle.
"""

from __future__ import annotations

import re
import string

from quiz.bank.model import Bank, Question
from quiz.bank.types.shapes import Choice, Shape
from quiz.export import ExportResult
from quiz.export.arrange import Arranger
from quiz.export.common import count_phrase, one_line

# What Moodle's reader (question/format/aiken/format.php) takes as a choice or the answer line.
_LOOKS_LIKE_CHOICE = re.compile(r"^[A-Z][).]")  # Moodle 4: the space after it is optional
_LOOKS_LIKE_ANSWER = re.compile(r"^ANSWER:")


def aiken_prompt(text: str) -> str:
    line = one_line(text)
    if _LOOKS_LIKE_CHOICE.match(line) or _LOOKS_LIKE_ANSWER.match(line) or len(line) < 2:
        line = f"Q: {line}"
    return line


def _fits(shape: Shape) -> bool:
    """Aiken holds a choice with one right answer (of any type presenting as one)."""
    return isinstance(shape, Choice) and not shape.multiple


def question_aiken(question: Question, choice: Choice) -> str:
    """``question`` with its options as ``choice`` shows them (the arranged order)."""
    lines = [aiken_prompt(question.prompt)]
    letters = string.ascii_uppercase
    lines += [f"{letters[i]}. {one_line(c)}" for i, c in enumerate(choice.options)]
    right = min(choice.correct_indices())
    lines.append(f"ANSWER: {letters[right]}")
    return "\n".join(lines)


def export(bank: Bank, *, timestamp: float | None = None, seed: int | None = None) -> ExportResult:
    del timestamp
    arrange = Arranger.for_bank(bank, seed)
    shaped = [(q, arrange.shape(q)) for q in bank.questions]
    kept = [(q, s) for q, s in shaped if isinstance(s, Choice) and _fits(s)]
    skipped = [q for q, s in shaped if not _fits(s)]
    notes: list[str] = []
    if skipped:
        notes.append(
            f"skipped {count_phrase(skipped)}: Aiken holds only single-answer multiple choice"
        )
    if not kept:
        notes.append("no single-answer multiple choice questions: the Aiken file is empty")
    text = "\n\n".join(question_aiken(q, s) for q, s in kept)
    return ExportResult((text + "\n" if text else "").encode("utf-8"), len(kept), tuple(notes))
