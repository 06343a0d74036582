"""Matching: each left item with its right match.

Everything about the type is here: model (with :class:`Pair`), bank-file field and checks,
codecs (bank file, cache row, edit form), grading and its export shape (pairs).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from msgspec import Struct

from quiz.bank.question import Question
from quiz.bank.types import plain
from quiz.bank.types.checks import distinct
from quiz.bank.types.form import EXPLANATION, PROMPT, FormField, FormSpec, lines
from quiz.bank.types.registry import QuestionType, common_row
from quiz.bank.types.shapes import Pairs

if TYPE_CHECKING:
    from quiz.bank.validate_fields import Checker
    from quiz.bank.yamlsafe import LineDict
    from quiz.marking.grade import Grade


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


def build(check: Checker, q: LineDict, where: str, common: dict[str, Any]) -> Matching | None:
    from quiz.bank.yamlsafe import LineList  # the YAML reader: only when a bank is parsed

    raw = q.get("pairs")
    line = check.line_of(q, "pairs")
    if not isinstance(raw, LineList):
        check.add(line, f"{where}: 'pairs' must be a list of {{left: ..., right: ...}}")
        return None
    if not 3 <= len(raw) <= 8:
        check.add(line, f"{where}: give 3 to 8 pairs, not {len(raw)}")
    pairs: list[Pair] = []
    lefts: list[tuple[str, int]] = []
    rights: list[tuple[str, int]] = []
    for index, entry in enumerate(raw):
        entry_line = raw.item_lines[index]
        mapping = check.mapping(entry, entry_line, f"{where}: pair {index + 1}")
        if mapping is None:
            continue
        check.unknown_fields(mapping, {"left", "right"}, f"{where}: pair {index + 1}")
        left = check.text(mapping, "left", f"{where}: pair {index + 1}", required=True)
        right = check.text(mapping, "right", f"{where}: pair {index + 1}", required=True)
        lefts.append((left, check.line_of(mapping, "left")))
        rights.append((right, check.line_of(mapping, "right")))
        pairs.append(Pair(left, right))
    distinct(check, lefts, where, "left side")
    distinct(check, rights, where, "right side")
    return Matching(**common, pairs=tuple(pairs))


def to_dict(question: Matching) -> dict[str, Any]:
    pairs: list[Any] = []
    for pair in question.pairs:
        entry = {"left": pair.left, "right": pair.right}
        short = plain.fits_flow([pair.left, pair.right])
        pairs.append(plain.FlowMap(entry) if short else entry)
    return {"pairs": pairs}


def to_row(q: Matching) -> tuple[Any, ...]:
    return (*common_row(q), tuple((p.left, p.right) for p in q.pairs))


def from_row(
    _kind: str,
    qid: str,
    prompt: str,
    source: str,
    fact: str,
    explanation: str,
    tags: tuple[str, ...],
    difficulty: int | None,
    silence: tuple[tuple[str, str], ...],
    held: str,
    pairs: tuple[tuple[str, str], ...],
) -> Matching:
    return Matching(
        id=qid,
        prompt=prompt,
        source=source,
        fact=fact,
        explanation=explanation,
        tags=tags,
        difficulty=difficulty,
        silence=silence,
        held_back=held,
        pairs=tuple([Pair(left, right) for left, right in pairs]),
    )


def grade_pairs(shape: Pairs, response: Any) -> Grade:
    """Grade the right text picked for each left one: a mapping left -> right, or a list in
    the order of the pairs (None where nothing was picked)."""
    from quiz.marking.grade import Grade
    from quiz.marking.outcome import Outcome

    pairs = shape.pairs
    if isinstance(response, Mapping):
        picks = [response.get(left) for left, _ in pairs]
    else:
        picks = list(response) + [None] * (len(pairs) - len(response))
    parts = tuple(pick == right for pick, (_, right) in zip(picks, pairs, strict=False))
    given = "; ".join(
        f"{left} → {pick or '?'}" for (left, _), pick in zip(pairs, picks, strict=False)
    )
    if all(parts):
        return Grade(Outcome.RIGHT, given, parts=parts)
    note = f"{sum(parts)} of {len(parts)} pairs right."
    return Grade(Outcome.WRONG, given, (note,), parts)


def shape(question: Matching) -> Pairs:
    return Pairs(tuple((p.left, p.right) for p in question.pairs))


def grade(question: Matching, response: Any) -> Grade:
    return grade_pairs(shape(question), response)


#: Compiled where first used (a matching line typed in ``quiz author``), not at every start.
_ARROW = r"\s*(?:->|→|=>)\s*"


def form_fields(question: Matching) -> list[FormField]:
    return [
        PROMPT,
        FormField("pairs", "Pairs", "one per line: left -> right; 3 to 8 pairs", lines=True),
        EXPLANATION,
    ]


def form_values(question: Matching) -> dict[str, str]:
    return {"pairs": "\n".join(f"{p.left} -> {p.right}" for p in question.pairs)}


def form_read(base: Matching, values: Mapping[str, str]) -> tuple[dict[str, Any], list[str]]:
    pairs = []
    problems: list[str] = []
    for n, line in enumerate(lines(values.get("pairs", "")), start=1):
        parts = re.split(_ARROW, line, maxsplit=1)
        if len(parts) != 2:
            problems.append(f"pair {n}: write it as left -> right")
            continue
        pairs.append({"left": parts[0], "right": parts[1]})
    return {"pairs": pairs}, problems


#: Registered by :mod:`quiz.bank.types`, in the order of the built-in types.
MATCHING = QuestionType(
    model=Matching,
    short_name="matching",
    slow_seconds=60.0,
    fields=frozenset({"pairs"}),
    build=build,
    to_dict=to_dict,
    to_row=to_row,
    from_row=from_row,
    grade=grade,
    shape=shape,
    form=FormSpec(form_fields, form_values, form_read),
)
