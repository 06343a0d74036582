"""General-knowledge freebies: questions anyone answers without reading the article.

"In which Kenyan city ...?" when the answer is Nairobi, "Which US President ...?" in 2025, "the
capital of which country?": the answer follows from the question and what every secondary-school
reader knows (capitals, continents, currencies, the seats of the best-known international bodies
and the best-known heads of state, :mod:`quiz.bank.review.words`), so the question tests nothing
the article taught.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from quiz.bank.model import Cloze, MultipleChoice, Question, ShortAnswer
from quiz.bank.review import text
from quiz.bank.review.base import Context, Hit
from quiz.bank.review.words import COUNTRIES, LEADERS, OFFICES, SEATS

_US = re.compile(r"\bU\.?S\.?A?\b")


def _mentions(words: list[str], name: str) -> bool:
    first, _, _ = name.partition(" ")
    return first in words and text.contains(words, name.split())


@lru_cache(maxsize=1)
def _country_names() -> tuple[tuple[str, tuple[tuple[str, ...], ...], bool], ...]:
    """Each country with the words of the names it goes by (its own, its capital's, its
    demonyms; not "us", which only counts written "US"), and whether "us" is one of them:
    split once, not once per prompt."""
    out = []
    for country, (capital, other, _, _) in COUNTRIES.items():
        names = (country, capital, *other)
        spelled = tuple(
            tuple(n.split()) for n in names if n not in ("us", "usa", "u.s") and n.split()
        )
        out.append((country, spelled, "us" in names))
    return tuple(out)


@lru_cache(maxsize=1)
def _names_by_first_word() -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    """Each first word of a country's names -> (the country, the name's words): a prompt's
    words are looked up, not every name of every country tried against each prompt (the
    gate reviews some 20 prompts an article, and that walk was a third of this check)."""
    index: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for country, spelled, _ in _country_names():
        for name in spelled:
            index.setdefault(name[0], []).append((country, name))
    return {first: tuple(names) for first, names in index.items()}


@lru_cache(maxsize=1)
def _named_us() -> tuple[str, ...]:
    """The countries "US" (written so) names."""
    return tuple(country for country, _, us in _country_names() if us)


def _countries_named(words: list[str], raw: str, year: int | None) -> set[str]:
    """Countries the words name: by name, capital, demonym, or a leader in office that year
    ("us" only when written "US": the pronoun names no country). A name is looked for only
    when its first word is in the prompt."""
    present = set(words)
    index = _names_by_first_word()
    named = {
        country
        for word in present
        for country, name in index.get(word, ())
        if text.contains(words, name)
    }
    if _US.search(raw):
        named.update(_named_us())
    for country, leader, first, last in LEADERS:
        if (year is None or first <= year <= last) and leader.split()[-1] in present:
            named.add(country)
    return named


def _why(answer: list[str], raw: str, year: int | None) -> str | None:
    """What makes ``answer`` known in advance from the prompt ``raw``, if anything."""
    joined = " ".join(answer)
    prompt = text.tokens(raw)
    named = _countries_named(prompt, raw, year)
    for country in sorted(named):  # the first reason found, the same in every process
        capital, _, continent, currency = COUNTRIES[country]
        if joined == capital or joined.removesuffix(" dc") == capital:
            return f"{joined.title()} is the capital of {country.title()}"
        if joined == continent:
            return f"{country.title()} is in {continent.title()}"
        if text.stem(joined) == text.stem(currency):
            return f"the {currency} is the currency of {country.title()}"
    for country, (capital, _, _, _) in COUNTRIES.items():
        if joined == country and _mentions(prompt, capital):
            return f"{capital.title()} is the capital of {country.title()}"
    for country, leader, first, last in LEADERS:
        in_office = year is None or first <= year <= last
        if in_office and joined == country and leader.split()[-1] in prompt:
            return f"{leader.title()} led {country.title()} then"
    if OFFICES & set(prompt):
        for country, leader, first, last in LEADERS:
            in_office = year is None or first <= year <= last
            if in_office and country in named and joined in (leader, leader.split()[-1]):
                return f"{leader.title()} was the leader of {country.title()} then"
    for body, seats in SEATS.items():
        if joined == body and any(_mentions(prompt, s) for s in seats):
            return f"the {body.upper() if len(body) <= 4 else body.title()} sits in " + (
                " and ".join(s.title() for s in seats)
            )
    return None


def _answers(q: Question) -> list[tuple[str, str]]:
    """(prompt, answer) pairs to judge: the key of a question, each blank of a cloze."""
    if isinstance(q, MultipleChoice) and not q.multiple:
        return [(q.prompt, q.answers[0])]
    if isinstance(q, ShortAnswer):
        return [(q.prompt, q.answers[0])]
    if isinstance(q, Cloze):
        return [(q.prompt, blank[0]) for blank in q.blanks]
    return []


def general_knowledge(ctx: Context) -> Iterator[Hit]:
    for q in ctx.bank.questions:
        for prompt, answer in _answers(q):
            words = text.strip_leading(text.tokens(answer))
            reason = _why(words, prompt, ctx.year)
            if reason:
                yield Hit(
                    q.id,
                    f"{answer!r} can be answered without the article: {reason}",
                    "ask about what the article adds (who, what was agreed, how many), or drop "
                    "the clue from the question",
                )
                break
