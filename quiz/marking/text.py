"""Typed answers compared forgivingly: case, accents, punctuation, articles and small typos.

An exact match after normalisation is RIGHT; a match within a small edit distance is a
NEAR_MISS (accepted, and the feedback says what the exact answer is). Numbers and short words
are never matched fuzzily: "15" is not "16", and "Lee" is not "Lea". A date with a month name
is compared as a date (:mod:`quiz.marking.dates`): "Aug. 11" and "11 August" are "August 11",
and a different date is never a near miss. Pure and below the bank:
the types that take typed answers (short answer, cloze) grade with :func:`match_text`.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from quiz.marking.dates import date_of, written
from quiz.marking.numbers import looks_numeric, parse_number, words_only
from quiz.marking.outcome import Outcome

__all__ = ["TextMatch", "match_text", "normalise_answer", "typo_allowance", "without_stem_words"]

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'", "′": "'"})
_THOUSANDS = re.compile(r"(?<=\d)[,\u00a0\u202f](?=\d{3}(?!\d))")
_DECIMAL = re.compile(r"(?<=\d)\.(?=\d)")
_NOT_WORD = re.compile(r"[^\w.]+|(?<!\d)\.|\.(?!\d)")
_ARTICLES = ("the ", "a ", "an ")


#: Titles before a name, dropped from both sides (normalised: "Dr." is "dr").
_TITLES = frozenset(
    ("dr", "mr", "mrs", "ms", "miss", "prof", "professor", "sir", "dame", "rev", "reverend")
)


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
    title, _, rest = text.partition(" ")
    if title in _TITLES and rest:
        text = rest  # "Dr Lazenby" is Lazenby: the article may name her with or without it
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
    if words_only(given) and words_only(expected):
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
    given_number = parse_number(given) if looks_numeric(given) else None
    given_date = date_of(norm_given)
    for answer in accepted:
        if normalise_answer(answer) == norm_given:
            return TextMatch(Outcome.RIGHT, answer)
        if given_date is not None and date_of(normalise_answer(answer)) == given_date:
            return TextMatch(Outcome.RIGHT, answer)  # the same date written another way
        if given_number is not None and looks_numeric(answer):
            value = parse_number(answer)
            if value is not None and math.isclose(value, given_number, rel_tol=1e-12):
                return TextMatch(Outcome.RIGHT, answer)
    for answer in accepted:
        norm = normalise_answer(answer)
        date = date_of(norm)
        if given_date is not None and date is not None:
            continue  # two dates, compared above: a different date is no typo
        if date is not None:
            norm = written(date)  # "Augst 11" is a typo of "Aug 11", the month in full
        if norm and _within_typos(norm_given, norm):
            return TextMatch(Outcome.NEAR_MISS, answer)
    return TextMatch(Outcome.WRONG, "")


#: At most this many words of the sentence around a blank are read off a typed answer.
_STEM_WORDS = 2


def without_stem_words(given: str, before: str, after: str) -> str | None:
    """``given`` less the words of the sentence around its blank that it repeats: the words
    right after the blank at its end ("9,000 acres" typed in "___ acres of land"), the words
    right before it at its start ("President Yoon" in "President ___"); None when it repeats
    none of them. Typing the unit the sentence already gives is not a wrong answer (a new
    user's trial, session 13: "9,000 acres", "29.8 feet" and "212 days" were marked wrong, while
    a number question took "3 days")."""
    words = given.split()
    after_words = [normalise_answer(w) for w in after.split()[:_STEM_WORDS]]
    before_words = [normalise_answer(w) for w in before.split()[-_STEM_WORDS:]]
    start, end = 0, len(words)
    for k in range(min(_STEM_WORDS, len(words) - 1), 0, -1):
        if [normalise_answer(w) for w in words[-k:]] == after_words[:k]:
            end -= k
            break
    for k in range(min(_STEM_WORDS, end - 1), 0, -1):
        if [normalise_answer(w) for w in words[:k]] == before_words[-k:]:
            start += k
            break
    if (start, end) == (0, len(words)):
        return None
    return " ".join(words[start:end])
