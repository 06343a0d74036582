"""Where "other wrong options" for a multiple-choice question come from, and the rules they obey.

Two sources: the generator's own distractor choice (:func:`generator_alternatives`, when the
draft was generated in this session) and the article's facts of the same kind plus numbers and
dates perturbed in their own format (:func:`fact_alternatives`). Whatever the source,
:func:`usable` keeps the hard rules: never the answer, never one contained in the stem, never
twice. spaCy is never imported here: ``quiz.generate``'s helpers are imported when called.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from quiz.bank.model import Fact, MultipleChoice
from quiz.bank.text import normalise_for_match

if TYPE_CHECKING:
    from quiz.generate.pipeline import Generated

#: Ranked wrong options for a multiple-choice question (best first); may include ones already
#: shown: the draft filters those.
AlternativeSource = Callable[[MultipleChoice], list[str]]


def fold(text: str) -> str:
    """A text as options are compared: normalised quotes and spaces, case folded."""
    return normalise_for_match(text).casefold()


def _words(text: str) -> str:
    return " " + re.sub(r"[^\w%$€£]+", " ", fold(text)).strip() + " "


def usable(question: MultipleChoice, candidates: Iterable[str]) -> Iterable[str]:
    """The hard rules: never the answer, never one containing or contained in an answer,
    never a text that occurs in the stem, never twice."""
    answers = [_words(a) for a in question.answers]
    stem = _words(question.prompt)
    seen: set[str] = set()
    for text in candidates:
        text = text.strip()
        w = _words(text)
        if not text or w.strip() == "" or w in seen:
            continue
        if any(w in a or a in w for a in answers):
            continue
        if w in stem:
            continue
        seen.add(w)
        yield text


def merge(*lists: Iterable[str]) -> list[str]:
    """The texts of all lists in order, each once (compared folded)."""
    out: list[str] = []
    seen: set[str] = set()
    for items in lists:
        for text in items:
            if fold(text) not in seen:
                seen.add(fold(text))
                out.append(text)
    return out


def _number_class(text: str) -> str:
    lowered = text.lower()
    if "%" in text or "percent" in lowered or "per cent" in lowered:
        return "percent"
    for sign in "$€£¥":
        if sign in text:
            return "money" + sign
    return "count"


#: Fact kinds whose key spans are interchangeable names or values (an event or a quote is a
#: phrase of its own sentence: swapped into another question it reads as nonsense).
_SWAPPABLE = ("person", "place", "organisation", "number", "date")


def fact_alternatives(question: MultipleChoice, facts: Iterable[Fact]) -> list[str]:
    """Wrong options from the article's facts: the key spans of other facts of the same kind
    as the answer (people for a person, percentages for a percentage, years for a year...), in
    article order, then for numbers and dates the answer perturbed in its own format. Only
    when the answer is a fact's key, a number or a date: otherwise nothing (a teacher writes
    better wrong options for a phrase than a swap would)."""
    from quiz.generate.values import parse_when

    facts = list(facts)
    answer = question.answers[0] if question.answers else ""
    kind = _answer_kind(answer, facts)
    if kind is None:
        return []
    shape = parse_when(answer).shape if kind == "date" else ""  # type: ignore[union-attr]
    out: list[str] = []
    for fact in facts:
        key = fact.key
        if fact.kind != kind or not key or len(key) > 60:
            continue
        if kind == "person" and (fact.statement.endswith(f": {key}.") or not key[:1].isupper()):
            continue  # a role ("President"), not a person
        if kind == "number" and (
            _split_amount(key) is None or _number_class(key) != _number_class(answer)
        ):
            continue
        if kind == "date" and getattr(parse_when(key), "shape", "") != shape:
            continue
        out.append(key)
    out.extend(_perturbed(kind, answer))
    return list(usable(question, merge(out)))


def _answer_kind(answer: str, facts: list[Fact]) -> str | None:
    from quiz.generate.values import parse_when

    folded = fold(answer)
    same_key = next((f for f in facts if fold(f.key) == folded), None)
    if same_key is not None:
        return same_key.kind if same_key.kind in _SWAPPABLE else None
    when = parse_when(answer)
    if when is not None and when.shape != "other":
        return "date"
    if _split_amount(answer) is not None:
        return "number"
    return None


_AMOUNT = re.compile(
    r"^(?P<pre>[^\d$€£¥]*?)(?P<num>[$€£¥]?\d[\d,.]*%?(?:\s+(?:thousand|million|billion|trillion))?)"
    r"(?P<post>\D*)$"
)


def _split_amount(text: str) -> tuple[str, Any, str] | None:
    """'approximately 12 million euros' -> ('approximately ', 12 million, ' euros')."""
    from quiz.generate.values import parse_amount

    match = _AMOUNT.match(text.strip())
    if match is None:
        return None
    amount = parse_amount(match["num"])
    if amount is None:
        return None
    return match["pre"], amount, match["post"]


def _perturbed(kind: str, answer: str) -> list[str]:
    from quiz.generate.values import parse_when, perturb_amount, perturb_when

    if kind == "number":
        split = _split_amount(answer)
        if split is None:
            return []
        pre, amount, post = split
        percent = _number_class(answer) == "percent"
        return [pre + t + post for t in perturb_amount(amount, percent=percent)]
    if kind == "date":
        when = parse_when(answer)
        return perturb_when(when) if when is not None else []
    return []


def generator_alternatives(generated: Generated) -> AlternativeSource:
    """The generator's own distractor choice (same kind of entity from the article, then
    numbers and dates perturbed in their format), with a longer list than it used."""
    from quiz.generate.distractors import distractors_for
    from quiz.generate.pipeline import _fact_ids

    article = generated.article
    ids = _fact_ids(article)
    by_id = {ids[id(fact)]: fact for fact in article.facts if id(fact) in ids}
    by_key: dict[str, Any] = {}
    for fact in article.facts:
        by_key.setdefault(fold(fact.key), fact)

    def alternatives(question: MultipleChoice) -> list[str]:
        fact = by_id.get(question.fact)
        answer = fold(question.answers[0]) if question.answers else ""
        if fact is None or fold(fact.key) != answer:
            fact = by_key.get(answer, fact)
        if fact is None:
            return []
        try:
            return list(distractors_for(fact, article, question.prompt, limit=20))
        except Exception:  # the generator's helpers expect its own questions; never fail here
            return []

    return alternatives
