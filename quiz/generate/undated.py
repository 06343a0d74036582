"""Prompts without the article's relative times: "said on Thursday that …" becomes "said that …".

A news report dates its events from the day it was printed ("on Thursday", "last week",
"yesterday"). Out of the article, in a quiz taken weeks later, those words point nowhere, and
they were the most common single edit blind raters asked for (about one edit in five over
rounds 8-17: "drop the weekday 'on Thursday'", "'as of Monday' is undated"). The question
never rests on them (a question asking for the weekday itself is held back as trivia), so the
prompt drops them; the quoted source keeps the article's words.

Only plain uses are dropped. A weekday that is part of a name ("Black Friday", "Super Tuesday",
"the Sunday Times"), one already dated in brackets ("today (Oct. 28)"), a possessive ("Monday's
vote") and a blank next to the time are left as written.
"""

from __future__ import annotations

import re

_DAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_PART = r"(?:\s(?:morning|afternoon|evening|night))?"
_PERIOD = r"(?:week|month|weekend)"
#: At the start of a prompt, with its comma: "On Monday, …", "Last week, …", "As of Monday, …".
_LEADING = re.compile(
    r"(^|[?:]\s+)(?:"  # the prompt's start, or the sentence after "Which fills the blank? "
    rf"(?:(?:Late|Early)\s(?:on\s)?|(?:On|By|Since|As\sof)\s)?{_DAY}{_PART},\s+"
    rf"|(?:Last|This|Earlier\sthis|Late\slast|Next)\s{_PERIOD},\s+"
    r"|(?:Yesterday|Today|Tonight|This\smorning|Earlier\stoday),\s+"
    r")(?=\S)(.)"
)
#: Inside a prompt: "said on Thursday that", "testimony Tuesday", "agreed last week to",
#: "announced yesterday", "as of Monday".
_INSIDE = re.compile(
    rf"\s(?:(?:late|early)\s(?:on\s)?|(?:on|as\sof)\s)?{_DAY}{_PART}"
    rf"|\s(?:last|this|earlier\sthis|late\slast|next)\s{_PERIOD}"
    r"|\s(?:yesterday|today|tonight|earlier\stoday)"
)
#: Words that need the time after them as their object: dropping it leaves "from into".
_NEEDS_OBJECT = frozenset(
    (
        *("from", "into", "since", "until", "till", "to", "by", "before", "after", "through"),
        *("between", "and", "or", "of", "for", "than", "as", "every", "each"),
    )
)
#: What may follow a dropped time: a space, or the end of a clause.
_AFTER = re.compile(r"[\s,.;:?!]")


_A_DAY = re.compile(rf"\b{_DAY}\b")
_FIGURE = re.compile(r"\d")


def telling_days(sentences: list[str]) -> bool:
    """Whether the article's weekdays tell its figures apart: two or more weekdays each name
    the day of a figure ("51 percent on Monday", "nearly 80 percent by midday on Tuesday"; all
    four raters of set V asked for the day back when it was dropped), and then the days stay
    in the prompts. The day of a remark ("said on Saturday") tells nothing and still goes."""
    days = {m.group(0) for s in sentences if _FIGURE.search(s) for m in _A_DAY.finditer(s)}
    return len(days) >= 2


def undated(prompt: str, keep_days: bool = False) -> str:
    """The prompt without relative times that mean nothing out of the article; with
    ``keep_days`` (see :func:`telling_days`) its weekdays stay, the other times still go."""

    def leading(m: re.Match[str]) -> str:
        if keep_days and _A_DAY.search(m.group(0)):
            return m.group(0)
        return m.group(1) + m.group(2).upper()

    def inside(m: re.Match[str]) -> str:
        if keep_days and _A_DAY.search(m.group(0)):
            return m.group(0)
        return "" if _plain(m) else m.group(0)

    text = _LEADING.sub(leading, prompt, count=1)
    text = _INSIDE.sub(inside, text)
    text = re.sub(r",\s*,", ",", text)
    text = re.sub(r"\s+([,.;:?!])", r"\1", text)
    return text


def _plain(match: re.Match[str]) -> bool:
    """A time that can go: after a lower-case word (not "Black Friday", not the start), before
    the end of a clause or a lower-case word (not "Monday Night Football"), not possessive,
    not already dated in brackets, not beside a blank."""
    text, start, end = match.string, match.start(), match.end()
    before = text[:start].rstrip()
    after = text[end:]
    if not before or not (before[-1].islower() or before[-1] == ","):
        return False
    previous = before.split()[-1]
    if previous[:1].isupper():
        return False  # "Black Friday", "Super Tuesday"
    if previous.lower() in _NEEDS_OBJECT:
        return False  # "from Friday into Saturday", "since Sunday": the phrase would dangle
    if before.endswith("___") or after.startswith((" ___", "’s", "'s", " (")):
        return False
    if after and not _AFTER.match(after):
        return False
    word = after.lstrip()[:1]
    return not word.isupper()
