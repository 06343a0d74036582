"""Dates written with a month name, compared as dates: "Aug 11", "Aug. 11", "August 11th",
"11 August" and "the 11th of August" are one date; "Sept. 3" is "September 3". Only a whole
answer that is such a date is read (a month, a day, and a year or not; or a month and a year),
and two dates are the same only when month, day and year all are: a date with a year is never
the same as one without, and a day the month does not have is no date. Dates written in
figures only ("8/11") are left alone: which number is the month is ambiguous.

Works on answers already normalised by :func:`quiz.marking.text.normalise_answer` (casefolded,
punctuation and a leading article dropped).
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["Date", "date_of", "written"]

#: Every way a month is written: its name and its usual abbreviations (with or without a dot,
#: the dot is gone once normalised).
MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may",),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sep", "sept"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ),
    start=1,
):
    for _name in _names:
        MONTHS[_name] = _number

#: The most days each month can have (February in a leap year).
DAYS_IN = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

_MONTH = "(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:\s+(?P<year>\d{4}))?"
_FORMS = (
    re.compile(rf"{_MONTH}\s+{_DAY}{_YEAR}"),  # august 11, august 11th 2025
    re.compile(rf"{_DAY}\s+(?:of\s+)?{_MONTH}{_YEAR}"),  # 11 august, 11th of august 2025
    re.compile(rf"{_MONTH}\s+(?P<year>\d{{4}})"),  # august 2025
)


class Date(NamedTuple):
    month: int
    day: int | None
    year: int | None


def date_of(normalised: str) -> Date | None:
    """The date a normalised answer is, or None if the whole answer is not one."""
    for form in _FORMS:
        found = form.fullmatch(normalised)
        if found is None:
            continue
        parts = found.groupdict()
        month = MONTHS[parts["month"]]
        day = int(parts["day"]) if parts.get("day") else None
        year = int(parts["year"]) if parts.get("year") else None
        if day is not None and not 1 <= day <= DAYS_IN[month - 1]:
            return None
        return Date(month, day, year)
    return None


_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)


def written(date: Date) -> str:
    """The date in one normalised form, the month in full: ``august 11 2025``."""
    parts = [_NAMES[date.month - 1], *(str(p) for p in (date.day, date.year) if p is not None)]
    return " ".join(parts)
