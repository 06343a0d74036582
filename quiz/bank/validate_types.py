"""Each question type's own fields: which are allowed, how they are checked, the question built.

The fields every question shares (id, prompt, source, ...) are read by ``validate_question``; a
builder here gets them as ``common`` and adds its type's own (choices, blanks, pairs, ...), so a
type's rules are read in one place.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable
from typing import Any

from quiz.bank.model import (
    BLANK_PATTERN,
    Cloze,
    Matching,
    MultipleChoice,
    Numeric,
    Ordering,
    Pair,
    Question,
    ShortAnswer,
    TrueFalse,
)
from quiz.bank.validate_fields import MISSING, Checker
from quiz.bank.yamlsafe import LineDict, LineList

_BLANK = re.compile(BLANK_PATTERN)

#: The fields a question of each type may have besides the common ones.
TYPE_FIELDS: dict[str, set[str]] = {
    "multiple_choice": {"choices", "answer", "multiple"},
    "true_false": {"answer"},
    "cloze": {"blanks"},
    "short_answer": {"answer", "accept"},
    "matching": {"pairs"},
    "numeric": {"answer", "tolerance", "unit"},
    "ordering": {"items"},
}


def _multiple_choice(
    check: Checker, q: LineDict, where: str, common: dict[str, Any]
) -> Question | None:
    choices = check.text_list(q, "choices", where, required=True)
    multiple = q.get("multiple", False)
    if not isinstance(multiple, bool):
        check.add(check.line_of(q, "multiple"), f"{where}: 'multiple' must be true or false")
        multiple = False
    if choices and not 2 <= len(choices) <= 6:
        check.add(check.line_of(q, "choices"), f"{where}: give 2 to 6 choices, not {len(choices)}")
    _distinct(check, choices, where, "choice")
    texts = [c for c, _ in choices]
    answers = check.text_list(q, "answer", where, required=True)
    if not multiple and isinstance(q.get("answer"), LineList):
        check.add(
            check.line_of(q, "answer"),
            f"{where}: 'answer' is a list; add 'multiple: true' or give one answer",
        )
    elif not multiple and len(answers) > 1:
        check.add(
            check.line_of(q, "answer"), f"{where}: exactly one answer without 'multiple: true'"
        )
    for answer, line in answers:
        if answer and answer not in texts:
            close = difflib.get_close_matches(answer, texts, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            check.add(line, f"{where}: answer {answer!r} is not one of the choices{hint}")
    if len({a for a, _ in answers}) != len(answers):
        check.add(check.line_of(q, "answer"), f"{where}: the same answer is listed twice")
    return MultipleChoice(
        **common, choices=tuple(texts), answers=tuple(a for a, _ in answers), multiple=multiple
    )


def _distinct(check: Checker, items: list[tuple[str, int]], where: str, what: str) -> None:
    seen: dict[str, int] = {}
    for text, line in items:
        if not text:
            continue  # already reported as empty
        folded = text.casefold()
        if folded in seen:
            also = f" (also at line {seen[folded]})" if seen[folded] != line else ""
            check.add(line, f"{where}: duplicate {what} {text!r}{also}")
        else:
            seen[folded] = line


def _true_false(check: Checker, q: LineDict, where: str, common: dict[str, Any]) -> Question | None:
    answer = q.get("answer", MISSING)
    if not isinstance(answer, bool):
        check.add(check.line_of(q, "answer"), f"{where}: 'answer' must be true or false")
        return None
    return TrueFalse(**common, answer=answer)


def _cloze(check: Checker, q: LineDict, where: str, common: dict[str, Any]) -> Question | None:
    raw = q.get("blanks", MISSING)
    line = check.line_of(q, "blanks")
    if not isinstance(raw, LineList) or not raw:
        check.add(line, f"{where}: 'blanks' must list the answer of each ___ in the prompt")
        return None
    blanks: list[tuple[str, ...]] = []
    for index, entry in enumerate(raw):
        entry_line = raw.item_lines[index]
        if isinstance(entry, LineList):
            holder = LineDict(entry_line)
            holder["blank"] = entry
            variants = check.text_list(holder, "blank", where)
        elif isinstance(entry, str) or index in raw.raw:
            text = entry if isinstance(entry, str) else raw.raw[index]
            variants = [
                (check.clean_text(text, entry_line, f"{where}: blank {index + 1}"), entry_line)
            ]
        else:
            check.add(entry_line, f"{where}: blank {index + 1} must be text or a list of texts")
            continue
        answers = tuple(v for v, _ in variants if v)
        if not answers:
            check.add(entry_line, f"{where}: blank {index + 1} has no accepted answer")
        blanks.append(answers)
    count = len(_BLANK.findall(common["prompt"]))
    if common["prompt"] and count != len(raw):
        check.add(
            check.line_of(q, "prompt"),
            f"{where}: the prompt has {count} blank(s) (___) but 'blanks' lists {len(raw)}",
        )
    return Cloze(**common, blanks=tuple(blanks))


def _short_answer(
    check: Checker, q: LineDict, where: str, common: dict[str, Any]
) -> Question | None:
    answer = check.text(q, "answer", where, required=True)
    accept = [a for a, _ in check.text_list(q, "accept", where) if a]
    return ShortAnswer(**common, answers=(answer, *[a for a in accept if a != answer]))


def _matching(check: Checker, q: LineDict, where: str, common: dict[str, Any]) -> Question | None:
    raw = q.get("pairs", MISSING)
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
    _distinct(check, lefts, where, "left side")
    _distinct(check, rights, where, "right side")
    return Matching(**common, pairs=tuple(pairs))


def _number(check: Checker, q: LineDict, key: str, where: str, *, required: bool) -> float | None:
    value = q.get(key, MISSING)
    if value is MISSING or value is None:
        if required:
            check.add(check.line_of(q, key), f"{where}: required field {key!r} is missing")
        return None
    if isinstance(value, str):
        try:
            value = float(value.replace(",", "").replace("_", ""))
        except ValueError:
            value = None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        check.add(check.line_of(q, key), f"{where}: {key!r} must be a number like 80000 or 2.5")
        return None
    return float(value)


def _numeric(check: Checker, q: LineDict, where: str, common: dict[str, Any]) -> Question | None:
    answer = _number(check, q, "answer", where, required=True)
    tolerance = _number(check, q, "tolerance", where, required=False) or 0.0
    if tolerance < 0:
        check.add(check.line_of(q, "tolerance"), f"{where}: 'tolerance' cannot be negative")
    unit = check.text(q, "unit", where)
    if answer is None:
        return None
    return Numeric(**common, answer=answer, tolerance=tolerance, unit=unit)


def _ordering(check: Checker, q: LineDict, where: str, common: dict[str, Any]) -> Question | None:
    items = check.text_list(q, "items", where, required=True)
    if items and not 2 <= len(items) <= 8:
        check.add(check.line_of(q, "items"), f"{where}: give 2 to 8 items, not {len(items)}")
    _distinct(check, items, where, "item")
    return Ordering(**common, items=tuple(t for t, _ in items))


#: Builds a question of each type from its mapping and the common fields (None: not buildable).
BUILDERS: dict[str, Callable[[Checker, LineDict, str, dict[str, Any]], Question | None]] = {
    "multiple_choice": _multiple_choice,
    "true_false": _true_false,
    "cloze": _cloze,
    "short_answer": _short_answer,
    "matching": _matching,
    "numeric": _numeric,
    "ordering": _ordering,
}
