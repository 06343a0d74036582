"""A question before it has an id, and the text surgery every builder shares (blanks, pronouns,
leading connectives), kept apart so the builders read as what they ask."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from quiz.generate.article import Article, Entity, Sentence, XFact, normalise_key
from quiz.generate.bounded import stands_alone
from quiz.generate.pronouns import resolve_pronoun

CONNECTIVES = (
    "however",
    "but",
    "and",
    "also",
    "instead",
    "still",
    "meanwhile",
    "yet",
    "so",
    "further",
    "furthermore",
    "moreover",
    "in addition",
    "additionally",
    "despite this",
    "thereafter",
    "afterwards",
    "then",
    # openers that lean on the sentence before (set M: "For instance, Nigeria's …",
    # "Interestingly, Hotez …"; set K: "After all, …")
    "for instance",
    "for example",
    "interestingly",
    "notably",
    "indeed",
    "in fact",
    "after all",
    "of course",
    "that said",
    "having said that",
)
#: Words after a leading "So" that make it part of a phrase ("So far, 40 families …" was cut to
#: "Far, though, …": fresh set R), not the connective.
_SO_PHRASES = [[w] for w in ("far", "much", "many", "long", "few", "little", "that", "too")]
_PLURAL_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
_SINGULAR_PRONOUNS = {"he", "she", "him", "his", "her", "hers", "himself", "herself"}
_NEUTER_PRONOUNS = {"it", "its", "itself"}
_ALL_PRONOUNS = (
    _PLURAL_PRONOUNS | _SINGULAR_PRONOUNS | _NEUTER_PRONOUNS | {"this", "these", "those"}
)
_GENDERED = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b", re.I)
_WH_BY_LABEL = {"PERSON": "Who", "ORG": "Which organisation"}
BLANK = "___"


@dataclass(slots=True)
class Candidate:
    """A question before it has an id. ``fields`` are the type-specific model fields."""

    type: str
    form: str  # how it asks: blank, who, when, how-many, quote, role, statement, ...
    facts: list[XFact]
    sentences: list[Sentence]
    prompt: str
    fields: dict[str, Any]
    explanation: str = ""
    score: float = 0.0
    key: str = ""  # what identifies it across runs (with the type): see ids.py
    tags: tuple[str, ...] = field(default_factory=tuple)
    #: How many sentences before its own the prompt shows (:mod:`quiz.generate.context`).
    context: int = 0

    @property
    def fact(self) -> XFact:
        return self.facts[0]


# -- text helpers ------------------------------------------------------------------------------


def _rel(sentence: Sentence, token: Any) -> int:
    return int(token.idx - sentence.span.start_char)


def apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    """Replace character ranges of ``text`` (non-overlapping), right to left."""
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


_DATELINE = re.compile(r"^[A-Z][A-Z .,/'’-]{1,40}\s[—–-]+\s+")
#: A source cited in brackets ("… warmer than usual (World Meteorological Organization, 2023)."):
#: the article's footnote, clutter in a question.
_CITATION = re.compile(r"\s*\([A-Z][^()]{1,80},\s*(?:19|20)\d\d[a-z]?\)")


def tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = _DATELINE.sub("", text)  # "SEOUL/TOKYO — North Korea said ..."
    text = _CITATION.sub("", text)
    text = re.sub(r"\s+([,.;:?!])", r"\1", text)
    return text[:1].upper() + text[1:] if text else text


def pronoun_edits(
    sentence: Sentence, article: Article, skip: tuple[int, int] | None = None
) -> list[tuple[int, int, str]] | None:
    """Edits that name whom a leading "he"/"she" means; None when a pronoun stays unresolved
    (see :func:`_pronoun_edits`). Kept per article: the question builders ask about the same
    sentence and blank about twice on average, and each answer walks the sentence's tokens."""
    table: dict[tuple[int, str, tuple[int, int] | None], tuple[tuple[int, int, str], ...] | None]
    table = article.cache.setdefault("pronoun_edits", {})
    key = (sentence.index, sentence.text, skip)
    if key not in table:
        found = _pronoun_edits(sentence, article, skip)
        table[key] = None if found is None else tuple(found)
    edits = table[key]
    return None if edits is None else list(edits)


def _pronoun_edits(
    sentence: Sentence, article: Article, skip: tuple[int, int] | None = None
) -> list[tuple[int, int, str]] | None:
    """Edits that name whom a leading "he"/"she" means; None when a pronoun stays unresolved.

    A pronoun after a noun of the sentence is taken as bound to it (plural pronouns need a plural
    noun or a coordination before them). ``skip`` is a character range (the blank or the wh-word)
    treated as a noun.
    """
    edits: list[tuple[int, int, str]] = []
    if re.match(
        r"^(?:The (?:two|three|four|pair|latter|former)|Both)\b", strip_connective(sentence.text)
    ):
        return None  # "The two wrote that ...": whom it means is in another sentence
    if re.match(r"^(?:That|This|These|Those)\b", strip_connective(sentence.text)):
        return None  # "That flight ...", "This meant ...": what it means is in another sentence
    seen_noun = False
    seen_plural = False
    in_quote = False
    for token in sentence.span:
        rel = _rel(sentence, token)
        if token.text in ("“", "”", '"'):
            in_quote = not in_quote if token.text == '"' else token.text == "“"
            continue
        if in_quote:
            continue
        if skip is not None and skip[0] <= rel < skip[1]:
            seen_noun = True
            continue
        low = token.lower_
        if token.pos_ in ("PROPN", "NOUN") or (token.pos_ == "NUM" and token.dep_ == "nsubj"):
            seen_noun = True
            if token.tag_ in ("NNS", "NNPS") or token.dep_ == "conj":
                seen_plural = True
            continue
        if low in ("we", "us", "i") and token.tag_ == "PRP":
            return None  # the writer's "we reported": no statement a learner can check
        if token.tag_ not in ("PRP", "PRP$") and low not in ("this", "these", "those"):
            continue
        if low in _PLURAL_PRONOUNS:
            if not seen_plural:
                return None
        elif low in _NEUTER_PRONOUNS:
            if not seen_noun and token.dep_ != "expl":
                return None
        elif low in _SINGULAR_PRONOUNS and not seen_noun and named_after_its_clause(token):
            seen_noun = True  # "Should she win, Connolly will …": she is the one named next
        elif low in _SINGULAR_PRONOUNS and not seen_noun:
            name = resolve_pronoun(
                article.sentences, article.mentions, article.entities, sentence.index, rel
            )
            if not name:
                return None
            shown = short_name(article.entities.get(name), name)
            if re.search(rf"\b{re.escape(shown.split()[-1])}\b", sentence.text[:rel]):
                # named already, where the tagger saw no noun ("May has been forced to abandon
                # her plan": "May" read as a modal, and "her" became "Theresa May's"; set Z)
                seen_noun = True
                continue
            if token.tag_ == "PRP$":
                shown += "’s" if "’" in sentence.text else "'s"
            edits.append((rel, rel + len(token.text), shown))
            seen_noun = True
        elif (
            low in ("this", "these", "those")
            and token.dep_ in ("nsubj", "nsubjpass")
            and not seen_noun
        ):
            return None
    return edits


def named_after_its_clause(token: Any) -> bool:
    """A pronoun that is the subject of a clause put before the main one, which opens with a
    name ("Should she win, Connolly will succeed …", "When he arrived, Macron met …"): the
    pronoun means that name, read in the same sentence. Resolved from the sentences before, it
    became the last name they held ("Should Fianna Fáil win, Connolly …": fresh set O)."""
    clause = token.head
    if token.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "advcl":
        return False
    if clause.i > clause.head.i:
        return False  # the clause comes after the main one: "Connolly will win if she …"
    doc = token.doc
    after = max(t.i for t in clause.subtree) + 1
    while after < len(doc) and doc[after].is_punct:
        after += 1
    return after < clause.head.i and doc[after].pos_ == "PROPN"


def short_name(entity: Entity | None, fallback: str) -> str:
    """How a question names a person already introduced: the surname the article uses, else
    the full name."""
    if entity is None:
        return fallback
    if entity.label == "PERSON":
        surname = entity.name.split()[-1]
        if surname in entity.aliases:
            return surname
    return entity.name


#: "Verb status aside, …", "That aside, …": an opener that sets aside what the sentence before
#: said (fresh set O); the sentence reads whole without it.
_ASIDE = re.compile(r"^(?:[\w’'-]+ ){1,3}aside, (?=\S)")


@lru_cache(maxsize=65536)
def strip_connective(text: str) -> str:
    aside = _ASIDE.match(text)
    if aside:
        rest = text[aside.end() :]
        return rest[:1].upper() + rest[1:]
    low = text.lower()
    for word in CONNECTIVES:
        for sep in (", ", " "):
            if low.startswith(word + sep):
                if low.startswith(word + " to ") or low.startswith(word + " of "):
                    return text  # "In addition to the agreement, …": not a connective
                if word == "so" and [w.strip(",;:") for w in low.split()[1:2]] in _SO_PHRASES:
                    return text  # "So far, …", "So many …": not "so" the connective
                rest = text[len(word) + len(sep) :]
                return rest[:1].upper() + rest[1:]
    return text


def as_statement(
    sentence: Sentence,
    article: Article,
    edits: list[tuple[int, int, str]],
    skip: tuple[int, int] | None = None,
) -> str | None:
    """The sentence rewritten with ``edits``, pronouns named, leading connective dropped."""
    named = pronoun_edits(sentence, article, skip)
    if named is None:
        return None
    text = apply(sentence.text, [*edits, *named])
    return tidy(strip_connective(text))


def mentions_any(text: str, names: tuple[str, ...] | list[str]) -> bool:
    low = normalise_key(text)
    for name in names:
        n = normalise_key(name)
        if n and n in low and stands_alone(low, n):
            return True
    return False
