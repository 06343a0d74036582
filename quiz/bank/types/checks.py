"""Checks that several types' builders share: a text given twice, a number field.

Each reports through the :class:`~quiz.bank.validate_fields.Checker` it is given, with the
line of the offending text, like every check of a bank. The YAML-aware modules are imported
only for type hints here: the type modules load at every start, a cached bank never parses.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quiz.bank.validate_fields import Checker
    from quiz.bank.yamlsafe import LineDict


def distinct(check: Checker, items: list[tuple[str, int]], where: str, what: str) -> None:
    """Report a text given twice (ignoring case), naming the line of the first."""
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


def number(check: Checker, q: LineDict, key: str, where: str, *, required: bool) -> float | None:
    """The number in field ``key`` (a text like "80,000" allowed), or None, reported."""
    value = q.get(key)
    if value is None:
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
