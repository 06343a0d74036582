"""Reading one field of a bank's YAML with its line number, and collecting every problem found.

Every check of a bank goes through a :class:`Checker`: it reads a field with the line the teacher
must go to, takes plain scalars YAML typed as numbers or booleans as the text the teacher wrote,
and records a problem instead of raising, so ``quiz check`` lists them all at once.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Set as AbstractSet
from typing import Any

from quiz.bank.errors import Problem
from quiz.bank.text import CONTROL_CHARS, normalise_for_match
from quiz.bank.yamlsafe import LineDict, LineList

MAX_TEXT = 10_000
ITEM_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$")

#: A field that is absent (``None`` is a field present and empty).
MISSING = object()


class Checker:
    """The problems found so far, and the ways of reading a field that add to them."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, line: int, message: str) -> None:
        self.problems.append(Problem(line, message))

    # -- field access --------------------------------------------------------------------------

    def line_of(self, mapping: LineDict, key: str) -> int:
        return mapping.key_lines.get(key, mapping.line)

    def unknown_fields(self, mapping: LineDict, allowed: AbstractSet[str], where: str) -> None:
        for key in mapping:
            if key in allowed:
                continue
            hint = difflib.get_close_matches(key, sorted(allowed), n=1)
            suggestion = f" (did you mean {hint[0]!r}?)" if hint else ""
            self.add(
                self.line_of(mapping, key),
                f"unknown field {key!r} in {where}{suggestion}; "
                f"allowed: {', '.join(sorted(allowed))}",
            )

    def text(
        self, mapping: LineDict, key: str, where: str, *, required: bool = False, default: str = ""
    ) -> str:
        """A text field. Plain scalars YAML read as numbers or booleans are taken as typed."""
        value = mapping.get(key, MISSING)
        line = self.line_of(mapping, key)
        if value is MISSING or value is None:
            if required:
                why = "is empty" if value is None else "is missing"
                self.add(line, f"{where}: required field {key!r} {why}")
            return default
        if not isinstance(value, str):
            raw = mapping.raw.get(key)
            if raw is None:
                self.add(line, f"{where}: {key!r} must be text, not a {kind_of(value)}")
                return default
            value = raw
        return self.clean_text(value, line, f"{where}: {key!r}", required=required)

    def clean_text(self, value: str, line: int, what: str, *, required: bool = True) -> str:
        if CONTROL_CHARS.search(value):
            self.add(
                line, f"{what} contains control characters (such as escape codes); remove them"
            )
            return CONTROL_CHARS.sub("", value).strip()
        if len(value) > MAX_TEXT:
            self.add(line, f"{what} is longer than {MAX_TEXT:,} characters")
        value = value.strip()
        if required and not value:
            self.add(line, f"{what} is empty")
        return value

    def text_list(
        self, mapping: LineDict, key: str, where: str, *, required: bool = False
    ) -> list[tuple[str, int]]:
        """A list of texts (a single text is taken as a list of one)."""
        value = mapping.get(key, MISSING)
        line = self.line_of(mapping, key)
        if value is MISSING or value is None:
            if required:
                self.add(line, f"{where}: required field {key!r} is missing")
            return []
        if not isinstance(value, LineList):
            text = self.text(mapping, key, where)
            return [(text, line)] if text else []
        items: list[tuple[str, int]] = []
        for index, item in enumerate(value):
            item_line = value.item_lines[index]
            if isinstance(item, str):
                text = item
            elif index in value.raw:
                text = value.raw[index]
            else:
                self.add(
                    item_line, f"{where}: each entry of {key!r} must be text, not a {kind_of(item)}"
                )
                continue
            items.append(
                (self.clean_text(text, item_line, f"{where}: an entry of {key!r}"), item_line)
            )
        return items

    def mapping(self, value: Any, line: int, what: str) -> LineDict | None:
        if isinstance(value, LineDict):
            return value
        self.add(line, f"{what} must be a mapping (key: value lines), not a {kind_of(value)}")
        return None


def kind_of(value: Any) -> str:
    """What a YAML value is, in the words a problem uses ("must be text, not a number")."""
    if isinstance(value, bool):
        return "true/false value"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, LineList):
        return "list"
    if isinstance(value, LineDict):
        return "mapping"
    if value is None:
        return "empty value"
    return "text"


def check_id(check: Checker, item_id: str, line: int, seen: dict[str, int], what: str) -> None:
    """An id's shape, and that no earlier id of the same space (``seen``: id → line) is the same."""
    if not ITEM_ID.match(item_id):
        check.add(
            line,
            f"{what} id {item_id!r} may use only letters, digits, '-', '_', '.', ':' (no spaces)",
        )
    if item_id in seen:
        check.add(
            line,
            f"duplicate {what} id {item_id!r} (first at line {seen[item_id]}); ids must be unique",
        )
    else:
        seen[item_id] = line


def check_in_article(
    check: Checker, article: str | None, sentence: str, line: int, where: str
) -> None:
    """A question's or fact's ``source`` must occur in the article (compared normalised)."""
    if article is not None and sentence and normalise_for_match(sentence) not in article:
        check.add(
            line,
            f"{where}: 'source' does not occur in the article; copy the sentence verbatim "
            "(whitespace and quote styles may differ)",
        )
