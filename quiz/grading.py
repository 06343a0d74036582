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

import math
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
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
from quiz.record import Outcome

__all__ = [
    "Grade",
    "grade",
    "match_text",
    "normalise_answer",
    "parse_number",
    "response_text",
    "typo_allowance",
]


@dataclass(frozen=True, slots=True)
class Grade:
    """The verdict on one response.

    ``parts`` says, per blank / pair / position, whether that part was right (empty for types
    without parts). ``notes`` are short sentences for the feedback panel. ``given`` is the
    response as one readable line, the form handed to the recorder.
    """

    outcome: Outcome
    given: str
    notes: tuple[str, ...] = ()
    parts: tuple[bool, ...] = ()

    @property
    def correct(self) -> bool:
        return self.outcome.correct

    @property
    def parts_right(self) -> int:
        return sum(self.parts)


# --------------------------------------------------------------------------- typed answers

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'", "′": "'"})
_THOUSANDS = re.compile(r"(?<=\d)[,\u00a0\u202f](?=\d{3}(?!\d))")
_DECIMAL = re.compile(r"(?<=\d)\.(?=\d)")
_NOT_WORD = re.compile(r"[^\w.]+|(?<!\d)\.|\.(?!\d)")
_ARTICLES = ("the ", "a ", "an ")


def normalise_answer(text: str) -> str:
    """The form typed answers are compared in: casefolded, accents and punctuation dropped,
    whitespace collapsed, a leading article removed; thousands separators go, decimal points
    stay ("80,000" -> "80000", "1.5" -> "1.5")."""
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = _THOUSANDS.sub("", text)
    text = text.replace("'", "")  # "Japan's" == "Japans"
    text = _NOT_WORD.sub(" ", text).replace("_", " ")
    text = " ".join(text.split())
    for article in _ARTICLES:
        if text.startswith(article) and len(text) > len(article):
            text = text[len(article) :]
            break
    return text


def typo_allowance(word: str) -> int:
    """How many edits (insert, delete, substitute, swap two neighbours) a normalised word may
    be off by and still count as a near miss: none for 3 characters or fewer or anything with
    a digit, 1 for 4-9 characters, 2 for longer. (Two edits from 8 or 9 letters already reach
    other words: "Austria" is two edits from "Australia".)"""
    if any(ch.isdigit() for ch in word) or len(word) <= 3:
        return 0
    if len(word) <= 9:
        return 1
    return 2


def _within_typos(given: str, expected: str) -> bool:
    # imported on the first typed answer, not at start-up (rapidfuzz loads ~10 ms of modules)
    from rapidfuzz.distance import OSA

    given_words, expected_words = given.split(), expected.split()
    if len(given_words) == len(expected_words) and len(expected_words) > 1:
        # word by word, so that a short word ("Lee") must be exact inside a longer answer
        return all(
            OSA.distance(g, e, score_cutoff=typo_allowance(e)) <= typo_allowance(e)
            for g, e in zip(given_words, expected_words, strict=True)
        )
    if any(ch.isdigit() for ch in expected + given):
        return False
    if _words_only(given) and _words_only(expected):
        return False  # "eight" is one letter from "eighty": numbers in words are never fuzzy
    allowance = typo_allowance(expected.replace(" ", ""))
    return OSA.distance(given, expected, score_cutoff=allowance) <= allowance


@dataclass(frozen=True, slots=True)
class TextMatch:
    outcome: Outcome
    matched: str  # the accepted answer (as written in the bank) that matched, "" if none


def match_text(given: str, accepted: Sequence[str]) -> TextMatch:
    """Compare a typed answer with the accepted answers (the first is the main one).

    Exact after normalisation (or the same number, "80000" for "80,000") → RIGHT; within a
    small number of typos of one of them → NEAR_MISS; else WRONG."""
    norm_given = normalise_answer(given)
    if not norm_given:
        return TextMatch(Outcome.WRONG, "")
    given_number = parse_number(given) if _looks_numeric(given) else None
    for answer in accepted:
        if normalise_answer(answer) == norm_given:
            return TextMatch(Outcome.RIGHT, answer)
        if given_number is not None and _looks_numeric(answer):
            value = parse_number(answer)
            if value is not None and math.isclose(value, given_number, rel_tol=1e-12):
                return TextMatch(Outcome.RIGHT, answer)
    for answer in accepted:
        norm = normalise_answer(answer)
        if norm and _within_typos(norm_given, norm):
            return TextMatch(Outcome.NEAR_MISS, answer)
    return TextMatch(Outcome.WRONG, "")


def _looks_numeric(text: str) -> bool:
    """Mostly a number ("80,000", "80k", "12 million", "seventy-five"), not a phrase that
    contains one."""
    folded = text.strip().casefold()
    return bool(_NUMERIC_ONLY.fullmatch(folded)) or _words_only(folded)


# --------------------------------------------------------------------------- numbers

_NUMBER = re.compile(
    r"(?P<sign>[-−+])?\s*"
    r"(?P<num>\d+,\d{1,2}(?!\d)|(?:\d{1,3}(?:[,\u00a0\u202f ]\d{3})+|\d+)(?:\.\d+)?|\.\d+)"
    r"\s*(?P<scale>thousand|million|billion|trillion|mn|bn|k|m|b|%|percent|per cent)?"
    r"(?![a-z])",
    re.IGNORECASE,
)
_NUMERIC_ONLY = re.compile(
    r"(?:about|around|approximately|approx\.?|roughly|nearly|almost|some|over|under|~)?\s*"
    r"[-−+]?\s*(?:\d{1,3}(?:[,\u00a0\u202f ]\d{3})+|\d+)(?:\.\d+)?"
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


def _words_only(folded: str) -> bool:
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
