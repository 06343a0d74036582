"""True and false statements: a true one rephrased from its sentence, a false one made by
swapping a fact for a plausible stand-in that the article never also claims."""

from __future__ import annotations

import re

from quiz.generate.article import Article, Sentence, XFact, normalise_key
from quiz.generate.candidate import _GENDERED, Candidate, _rel, as_statement, mentions_any
from quiz.generate.lexicon import PERSON_TITLES
from quiz.generate.magnitude import ROUGHLY


def true_statements(article: Article) -> list[Candidate]:
    """One true statement per sentence that carries a fact and reads alone (events have their
    own). The fact cited is the sentence's first, so the statement is tied to what it tests."""
    out: list[Candidate] = []
    seen: set[int] = set()
    with_events = {f.sentence.index for f in article.facts if f.kind == "event"}
    for fact in article.facts:
        s = fact.sentence
        if s.index in seen or fact.kind == "event" or fact.label == "ROLE":
            continue
        seen.add(s.index)
        if s.index in with_events:
            continue
        if s.words > 35 or s.words < 7:
            continue
        statement = as_statement(s, article, [])
        if statement is None or statement.endswith(("”", '"')):
            continue
        out.append(
            Candidate(
                "true_false",
                "statement-true",
                [fact],
                [s],
                statement,
                {"answer": True},
                key="true|" + normalise_key(s.text)[:80],
                explanation=f"True: the article says so: “{s.text}”"
                if "“" not in s.text
                else f"True: {s.text}",
            )
        )
    return out


def _determiner(fact: XFact) -> str:
    before = fact.sentence.text[: fact.start].rstrip().split()
    last = before[-1].lower() if before else ""
    if last in ("a", "an", "the"):
        return last + " "
    if fact.role.lower().startswith(("former ", "senior ")) or fact.role[:1].islower():
        return "an " if fact.role[:1].lower() in "aeiou" else "a "
    return "the "


def _swapped(fact: XFact, article: Article, wrong: list[str]) -> str:
    return wrong[0]


def _false_statement(fact: XFact, article: Article, wrong: list[str]) -> str | None:
    """The sentence with the key swapped for one wrong value of the same kind, unless that
    swapped claim is also made elsewhere in the article (then no false statement is safe)."""
    if fact.sentence.words > 35:
        return None
    if fact.kind == "number" and fact.hedge and fact.hedge.lower() not in ROUGHLY:
        return None  # "more than 11,000" swapped to "more than 2,100" is still true (set Q)
    swap = wrong[0]
    if mentions_any(fact.sentence.text, [swap]):
        return None
    text_before = fact.sentence.text[: fact.start]
    if (text_before.count("“") > text_before.count("”")) or text_before.count('"') % 2:
        return None  # never change the words of a quotation
    if re.search(r"\b(?:called|named|dubbed|known as)\s+$", text_before):
        return None  # "a spacecraft called ___": a swap would name another kind of thing
    if fact.label == "PERSON" or fact.kind in ("person", "event"):
        prev = re.search(r"\b([a-z]+)\s+$", text_before)
        if (
            prev
            and prev.group(1) not in PERSON_TITLES
            and prev.group(1)
            not in (
                "and",
                "or",
                "by",
                "with",
                "to",
                "for",
                "from",
                "that",
                "said",
                "says",
                "told",
                "as",
                "of",
                "at",
                "when",
                "while",
                "after",
                "before",
                "but",
            )
        ):
            return None  # "hurricane Ian": the name is not of a person
    if fact.entity and fact.label != "PERSON" and _modifier_before(fact):
        return None  # "fourth Express Logistics Carrier": a thing, whatever the tagger says
    if fact.kind in ("person", "event") and _GENDERED.search(fact.sentence.text[fact.end :]):
        return None  # "Sue Gardner recused himself": a pronoun would give the swap away
    if fact.entity:
        chosen = next((e for e in article.entities.values() if e.name == swap), None)
        before = fact.sentence.text[max(0, fact.start - 4) : fact.start].lower()
        if chosen is not None:
            if before == "the " and not chosen.takes_the:
                return None  # "the VOA’s commitment"
            if (
                before != "the "
                and chosen.takes_the
                and not fact.sentence.text[: fact.start].endswith(("’s ", "'s "))
            ):
                if re.search(r"\b(?:a|an)\s+$", fact.sentence.text[: fact.start], re.I):
                    return None  # "a the Federal Aviation Administration project"
                if _modifier_before(fact):
                    return None  # "fourth the International Space Station"
                swap = "the " + swap if fact.start else "The " + swap
    text = as_statement(
        fact.sentence, article, [(fact.start, fact.end, swap)], (fact.start, fact.end)
    )
    if text is None:
        return None
    if _claim_elsewhere(fact, swap, article):
        return None
    return text


def _modifier_before(fact: XFact) -> bool:
    """Is the word just before the key an adjective or number ("fourth ___")?"""
    prev = None
    for t in fact.sentence.span:
        if _rel(fact.sentence, t) + len(t.text) <= fact.start:
            prev = t
        else:
            break
    return prev is not None and (prev.pos_ in ("ADJ", "NUM") or prev.tag_ in ("JJ", "CD"))


def _content(sentence: Sentence, skip: tuple[int, int] | None = None) -> set[str]:
    words = set()
    for t in sentence.span:
        if skip and skip[0] <= _rel(sentence, t) < skip[1]:
            continue
        if t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ", "NUM") and not t.is_stop:
            words.add(t.lemma_.lower())
    return words


def _claim_elsewhere(fact: XFact, swap: str, article: Article) -> bool:
    """Is the swapped value said, in another sentence, of much the same thing?"""
    mine = _content(fact.sentence, (fact.start, fact.end))
    if not mine:
        return False
    probe = normalise_key(swap)
    contents = article.cache.setdefault("content", {})
    holders = article.cache.setdefault("holders", {})
    where = holders.get(probe)
    if where is None:
        where = holders[probe] = [
            other for other in article.sentences if probe in normalise_key(other.text)
        ]
    for other in where:
        if other.index == fact.sentence.index:
            continue
        if not mentions_any(other.text, [swap]):
            continue
        theirs = contents.get(other.index)
        if theirs is None:
            theirs = contents[other.index] = _content(other)
        if len(mine & theirs) / len(mine) >= 0.5:
            return True
    return False
