"""Stem and key that do not fit: the question asks for one kind of answer, the key is another,
or the grammar of the question fits only the key.

"Where ...?" answered by "In a joint announcement" (a format, not a place), "When ...?" by a
place, "How many ...?" by a list, "Who ...?" by the only country among people, and a stem ending
in "a" or "an" that only one option follows correctly: each either confuses the learner or
gives the key away.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from quiz.bank.model import MultipleChoice, Question, ShortAnswer
from quiz.bank.review import text
from quiz.bank.review.base import Context, Hit, distractors
from quiz.bank.review.text import word_set
from quiz.bank.review.words import COUNTRIES, NUMBER_WORDS, PLACE_NOUNS, TIME_WORDS

_ASKS = (
    ("where", re.compile(r"^\s*where\b", re.I)),
    ("when", re.compile(r"^\s*(when\b|in which (year|month)\b|what (year|month|day)\b)", re.I)),
    ("how many", re.compile(r"^\s*(how (many|much)\b)", re.I)),
    ("who", re.compile(r"^\s*(who|whom)\b", re.I)),
)
_YEAR = re.compile(r"\b(1[5-9]|20)\d\d\b")
_ARTICLE_END = re.compile(r"\b(a|an)\s*$", re.I)
#: Letters whose name starts with a vowel sound, for abbreviations read letter by letter.
_VOWEL_LETTERS = set("AEFHILMNORSX")
_CONSONANT_SOUND = ("uni", "use", "usu", "uti", "eu", "one", "once", "ewe")
_VOWEL_SOUND = ("hour", "honest", "honour", "honor", "heir")
_HEAD_ENDS = word_set("with after before about during for that which who whose")
_PLACES = frozenset(
    name
    for country, (capital, other, _, _) in COUNTRIES.items()
    for name in (country, capital, *other)
)


def _asks(prompt: str) -> str | None:
    for kind, pattern in _ASKS:
        if pattern.search(prompt):
            return kind
    return None


def _is_place(option: str, ctx: Context) -> bool:
    """Whether the option's head (its words before "with", "after"...) names a place: a place
    noun, a country or capital, or a name the article capitalises that is not a month or day."""
    words = text.strip_leading(text.tokens(option))
    head: list[str] = []
    for word in words:
        if word in _HEAD_ENDS:
            break
        head.append(word)
    if set(head) & PLACE_NOUNS or any(text.contains(head, p.split()) for p in _PLACES):
        return True
    return any(w in ctx.capitalised and w not in TIME_WORDS for w in head)


def _is_time(option: str) -> bool:
    words = set(text.tokens(option))
    return bool(words & TIME_WORDS or _YEAR.search(option))


def _is_amount(option: str) -> bool:
    return bool(re.search(r"\d", option) or set(text.tokens(option)) & NUMBER_WORDS)


def _is_country(option: str) -> bool:
    return " ".join(text.strip_leading(text.tokens(option))) in _PLACES


def _takes_an(word: str) -> bool:
    """Whether "an" (not "a") goes before ``word``, by its sound as far as spelling tells."""
    if len(word) > 1 and word.isupper():
        return word[0] in _VOWEL_LETTERS
    lower = word.lower()
    if lower.startswith(_VOWEL_SOUND):
        return True
    return lower[:1] in "aeiou" and not lower.startswith(_CONSONANT_SOUND)


def _key(q: Question) -> str | None:
    if isinstance(q, MultipleChoice) and not q.multiple:
        return q.answers[0]
    if isinstance(q, ShortAnswer):
        return q.answers[0]
    return None


def _mismatch(q: Question, key: str, ctx: Context) -> str | None:
    kind = _asks(q.prompt)
    wrong = distractors(q) if isinstance(q, MultipleChoice) else []
    if kind == "where" and not _is_place(key, ctx):
        return f"the question asks where, but {key!r} is not a place"
    if kind == "when" and not _is_time(key):
        return f"the question asks when, but {key!r} is not a time"
    if kind == "how many" and isinstance(q, MultipleChoice) and not _is_amount(key):
        return f"the question asks how many, but {key!r} is not an amount"
    if kind == "who" and wrong and _is_country(key) and not any(_is_country(d) for d in wrong):
        return f"the question asks who; {key!r} is the only option that is not a person"
    article = _ARTICLE_END.search(q.prompt)
    if article and isinstance(q, MultipleChoice):
        wants_an = article.group(1).lower() == "an"
        fits = [c for c in q.choices if c.split() and _takes_an(c.split()[0]) == wants_an]
        if fits == [key]:
            return f"only the right answer follows {article.group(1)!r} correctly"
        if fits and key not in fits:
            return f"the right answer does not follow {article.group(1)!r}; a wrong one does"
    return None


def stem_key_mismatch(ctx: Context) -> Iterator[Hit]:
    for q in ctx.bank.questions:
        key = _key(q)
        if key is None:
            continue
        finding = _mismatch(q, key, ctx)
        if finding:
            yield Hit(
                q.id,
                finding,
                "make the question ask for the kind of answer the key is, and every option "
                "fit the question's grammar",
            )
