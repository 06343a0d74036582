"""Numbers as a person types them: "80,000", "80k", "1.5m", "15%", "seventy-five".

Pure and below the bank (see :mod:`quiz.marking`): the numeric type grades with
:func:`parse_number`, and a typed answer that is a number is compared as one.
"""

from __future__ import annotations

import math
import re

__all__ = ["NUMBER_WORDS", "looks_numeric", "parse_number", "words_only"]

_NUMBER = re.compile(
    r"(?P<sign>[-−+])?\s*"
    r"(?P<num>\d+,\d{1,2}(?!\d)|(?:\d{1,3}(?:[,\u00a0\u202f ]\d{3})+|\d+)(?:\.\d+)?|\.\d+)"
    r"\s*(?P<scale>thousand|million|billion|trillion|mn|bn|k|m|b|%|percent|per cent)?"
    r"(?![a-z])",
    re.IGNORECASE,
)
_NUMERIC_ONLY = re.compile(
    r"(?:about|around|approximately|approx\.?|roughly|nearly|almost|some|over|under|~)?\s*"
    r"[-−+]?\s*(?:\d{1,3}(?:[,\u00a0\u202f ]\d{3})+|\d+)(?:\.\d+|,\d{1,2}(?!\d))?"
    r"\s*(?:thousand|million|billion|trillion|mn|bn|k|m|b|%|percent|per cent)?"
)
_SCALES = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "million": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "billion": 1e9,
    "trillion": 1e12,
}


def parse_number(text: str) -> float | None:
    """The first number in ``text``, with its scale word applied; None if there is none.

    "80000", "80,000", "80 000", "80k", "1.5m", "2 billion", "15%", "approximately 80,000
    soldiers" all read as the number a person means, and so do numbers in words: "three",
    "seventy-five", "two million", "a hundred and twenty". Digits win when a text has both.
    Unit words around it are ignored."""
    match = _NUMBER.search(text)
    if match is None:
        return _words_number(text)
    num = match["num"]
    if re.fullmatch(r"\d+,\d{1,2}", num):  # a decimal comma: "1,5"
        num = num.replace(",", ".")
    digits = re.sub(r"[,\u00a0\u202f ]", "", num)
    try:
        value = float(digits)
    except ValueError:  # pragma: no cover - the pattern only admits digits
        return None
    scale = (match["scale"] or "").casefold()
    value *= _SCALES.get(scale, 1.0)
    if match["sign"] in ("-", "−"):
        value = -value
    return value


#: Numbers a reader writes as one word, zero to nineteen (the generator lists both forms of
#: an answer from them, so a bank shows "7" beside "seven").
NUMBER_WORDS: tuple[str, ...] = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
_UNITS = {word: n for n, word in enumerate(NUMBER_WORDS)}
_TENS = {
    word: 10 * n
    for n, word in enumerate(
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"], 2
    )
}
_WORD_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_APPROX = frozenset(
    {
        "about",
        "around",
        "approximately",
        "approx",
        "roughly",
        "nearly",
        "almost",
        "some",
        "over",
        "under",
    }
)
_WORD = re.compile(r"[a-z]+")


def looks_numeric(text: str) -> bool:
    """Mostly a number ("80,000", "80k", "12 million", "seventy-five"), not a phrase that
    contains one."""
    folded = text.strip().casefold()
    return bool(_NUMERIC_ONLY.fullmatch(folded)) or words_only(folded)


def _words_number(text: str) -> float | None:
    """The first number written in words in ``text`` ("about seventy-five thousand people"
    -> 75000.0), or None."""
    words = _WORD.findall(text.casefold())
    for start, word in enumerate(words):
        if (
            word in _UNITS
            or word in _TENS
            or (
                word in ("a", "an")
                and start + 1 < len(words)
                and (words[start + 1] == "hundred" or words[start + 1] in _WORD_SCALES)
            )
        ):
            value, _used = _read_words(words[start:])
            return value
    return None


def words_only(folded: str) -> bool:
    """``folded`` (casefolded) is a number in words and nothing else, but for an "about" in
    front and a "percent" behind: "seventy-five", "two million", "about a hundred"."""
    words = _WORD.findall(folded)
    if not words or re.search(r"[^a-z\s%-]", folded):
        return False
    while words and words[0] in _APPROX:
        words = words[1:]
    if words[-2:] == ["per", "cent"]:
        words = words[:-2]
    elif words and words[-1] == "percent":
        words = words[:-1]
    if not words:
        return False
    _value, used = _read_words(words)
    return used == len(words)


def _read_words(words: list[str]) -> tuple[float, int]:
    """The number the leading ``words`` spell, and how many words it took. English
    cardinals: units and teens, tens ("seventy-five"), "hundred", then thousand, million,
    billion and trillion in falling order; "and" only inside ("a hundred and two"), "a"/"an"
    as one before hundred or a scale. Reading stops at the first word that does not fit
    ("three seven" reads as 3)."""
    total = 0.0
    group = 0  # the part below the next scale word
    phase = ""  # what the group ended with: "", "unit", "ten", "tens-unit", "hundred"
    last_scale = math.inf
    used = 0
    i = 0
    while i < len(words):
        word = words[i]
        following = words[i + 1] if i + 1 < len(words) else ""
        if (
            word in ("a", "an")
            and phase == ""
            and (following == "hundred" or following in _WORD_SCALES)
        ):
            group, phase = 1, "unit"
        elif (word in _UNITS and phase in ("", "hundred")) or (
            word in _UNITS and phase == "ten" and _UNITS[word] < 10 and _UNITS[word] > 0
        ):
            group += _UNITS[word]
            phase = "tens-unit" if phase == "ten" else "unit"
        elif word in _TENS and phase in ("", "hundred"):
            group += _TENS[word]
            phase = "ten"
        elif word == "hundred" and phase == "unit" and 0 < group < 10:
            group *= 100
            phase = "hundred"
        elif word in _WORD_SCALES and phase and _WORD_SCALES[word] < last_scale:
            total += group * _WORD_SCALES[word]
            last_scale = _WORD_SCALES[word]
            group, phase = 0, ""
        elif (
            word == "and"
            and used
            and (following in _UNITS or following in _TENS)
            and (phase == "hundred" or (phase == "" and total))
        ):
            pass  # "a hundred and two", "a thousand and one"
        else:
            break
        i += 1
        if word != "and":
            used = i
    return total + group, used
