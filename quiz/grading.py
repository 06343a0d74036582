"""Grading: a learner's response to one question becomes an :class:`Outcome` and feedback.

Pure functions over the bank model; nothing here does I/O or knows about the terminal.

What a *response* is depends on the question type:

=================  ==========================================================================
multiple_choice    the chosen choice indices (as written in the bank): ``int`` or a set of them
true_false         ``bool``
cloze              one string per blank, in order
short_answer       a string
numeric            a string as typed ("80,000", "80k", "about 1.5 million", "15%", "seventy")
matching           for each pair's ``left`` (in bank order), the ``right`` text picked, or None
ordering           the item texts in the order the learner put them
=================  ==========================================================================

Typed answers (cloze, short answer) forgive case, accents, punctuation, leading articles and
small typos. An exact match after normalisation is RIGHT; a match within a small edit distance is
a NEAR_MISS (accepted, and the feedback says what the exact answer is). Numbers and short words
are never matched fuzzily: "15" is not "16", and "Lee" is not "Lea".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from quiz.bank.model import (
    Cloze,
    Matching,
    MultipleChoice,
    Numeric,
    Ordering,
    Question,
    ShortAnswer,
    TrueFalse,
    format_number,
)
from quiz.marking.grade import Grade
from quiz.marking.numbers import NUMBER_WORDS, parse_number
from quiz.marking.outcome import Outcome
from quiz.marking.text import TextMatch, match_text, normalise_answer, typo_allowance

__all__ = [
    "NUMBER_WORDS",
    "Grade",
    "TextMatch",
    "grade",
    "match_text",
    "normalise_answer",
    "parse_number",
    "response_text",
    "typo_allowance",
]


# --------------------------------------------------------------------------- per type


def grade(question: Question, response: Any) -> Grade:
    """Grade ``response`` (see the module docstring for its shape per type)."""
    if isinstance(question, MultipleChoice):
        return _grade_choice(question, response)
    if isinstance(question, TrueFalse):
        return _grade_true_false(question, bool(response))
    if isinstance(question, Cloze):
        return _grade_cloze(question, list(response))
    if isinstance(question, ShortAnswer):
        return _grade_short(question, str(response))
    if isinstance(question, Numeric):
        return _grade_numeric(question, str(response))
    if isinstance(question, Matching):
        return _grade_matching(question, response)
    if isinstance(question, Ordering):
        return _grade_ordering(question, list(response))
    raise TypeError(f"cannot grade a {type(question).__name__}")


def response_text(question: Question, response: Any) -> str:
    """The response as one readable line (what the recorder stores as ``given``)."""
    return grade(question, response).given


def _indices(response: Any) -> frozenset[int]:
    if response is None:
        return frozenset()
    if isinstance(response, int):
        return frozenset({response})
    return frozenset(int(i) for i in response)


def _grade_choice(question: MultipleChoice, response: Any) -> Grade:
    picked = _indices(response)
    given = "; ".join(question.choices[i] for i in sorted(picked) if 0 <= i < len(question.choices))
    right = question.correct_indices()
    if not question.multiple:
        ok = len(picked) == 1 and picked <= right
        return Grade(Outcome.RIGHT if ok else Outcome.WRONG, given)
    parts = tuple((i in picked) == (i in right) for i in range(len(question.choices)))
    if picked == right:
        return Grade(Outcome.RIGHT, given, parts=parts)
    notes: list[str] = []
    missing = len(right - picked)
    extra = len(picked - right)
    if missing:
        notes.append(f"You missed {_count(missing, 'right choice')}.")
    if extra:
        notes.append(f"You picked {_count(extra, 'wrong choice')}.")
    return Grade(Outcome.WRONG, given, tuple(notes), parts)


def _grade_true_false(question: TrueFalse, response: bool) -> Grade:
    outcome = Outcome.RIGHT if response is question.answer else Outcome.WRONG
    return Grade(outcome, "True" if response else "False")


def _grade_short(question: ShortAnswer, response: str) -> Grade:
    given = response.strip()
    found = match_text(given, question.answers)
    notes: list[str] = []
    if found.outcome is Outcome.NEAR_MISS:
        notes.append(f"Accepted a near miss: the exact answer is “{found.matched}”.")
    elif found.outcome is Outcome.RIGHT and found.matched != question.answers[0]:
        notes.append(f"“{found.matched}” is accepted too.")
    return Grade(found.outcome, given, tuple(notes))


def _grade_cloze(question: Cloze, response: list[str]) -> Grade:
    answers = [str(r).strip() for r in response] + [""] * (len(question.blanks) - len(response))
    matches = [match_text(a, blank) for a, blank in zip(answers, question.blanks, strict=False)]
    parts = tuple(m.outcome.correct for m in matches)
    notes: list[str] = []
    many = len(question.blanks) > 1
    for n, (m, _blank) in enumerate(zip(matches, question.blanks, strict=True), start=1):
        label = f"Blank {n}: " if many else ""
        if m.outcome is Outcome.NEAR_MISS:
            notes.append(f"{label}accepted a near miss: the exact answer is “{m.matched}”.")
    if all(m.outcome is Outcome.RIGHT for m in matches):
        outcome = Outcome.RIGHT
    elif all(parts):
        outcome = Outcome.NEAR_MISS
    else:
        outcome = Outcome.WRONG
        if many:
            notes.insert(0, f"{sum(parts)} of {len(parts)} blanks right.")
    notes = [n[0].upper() + n[1:] for n in notes]
    return Grade(outcome, "; ".join(answers), tuple(notes), parts)


def _grade_numeric(question: Numeric, response: str) -> Grade:
    given = response.strip()
    value = parse_number(given)
    if value is None:
        return Grade(Outcome.WRONG, given, ("That isn't a number.",))
    slack = question.tolerance + 1e-9 * max(1.0, abs(question.answer))
    if abs(value - question.answer) <= slack:
        notes: tuple[str, ...] = ()
        if value != question.answer:
            notes = (f"Close enough: the exact figure is {format_number(question.answer)}.",)
        return Grade(Outcome.RIGHT, given, notes)
    # the feedback shows "You said" with the text as typed; say how it was read only when
    # that is not plain to see ("75k", "seventy-five thousand")
    shown = format_number(value)
    read = () if normalise_answer(given) == normalise_answer(shown) else (f"Read as {shown}.",)
    return Grade(Outcome.WRONG, given, read)


def _grade_matching(question: Matching, response: Any) -> Grade:
    if isinstance(response, Mapping):
        picks = [response.get(p.left) for p in question.pairs]
    else:
        picks = list(response) + [None] * (len(question.pairs) - len(response))
    parts = tuple(pick == pair.right for pick, pair in zip(picks, question.pairs, strict=False))
    given = "; ".join(
        f"{p.left} → {pick or '?'}" for p, pick in zip(question.pairs, picks, strict=False)
    )
    if all(parts):
        return Grade(Outcome.RIGHT, given, parts=parts)
    note = f"{sum(parts)} of {len(parts)} pairs right."
    return Grade(Outcome.WRONG, given, (note,), parts)


def _grade_ordering(question: Ordering, response: list[str]) -> Grade:
    order = [str(r) for r in response]
    parts = tuple(i < len(order) and order[i] == item for i, item in enumerate(question.items))
    given = " → ".join(order)
    if all(parts) and len(order) == len(question.items):
        return Grade(Outcome.RIGHT, given, parts=parts)
    note = f"{sum(parts)} of {len(parts)} in the right place."
    return Grade(Outcome.WRONG, given, (note,), parts)


def _count(n: int, what: str) -> str:
    return f"{n} {what}" if n == 1 else f"{n} {what}s"
