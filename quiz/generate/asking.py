"""The forms of asking a fact: its answer and accepted variants, a blank, and the Who/When/Where/
How many questions made from the sentence's parse."""

from __future__ import annotations

import re
from typing import Any

from quiz.generate.article import Article, Sentence, XFact
from quiz.generate.candidate import (
    _ALL_PRONOUNS,
    _WH_BY_LABEL,
    BLANK,
    _rel,
    apply,
    as_statement,
    mentions_any,
    pronoun_edits,
    short_name,
    strip_connective,
    tidy,
)
from quiz.generate.entities import alias_variants
from quiz.generate.pronouns import resolve_pronoun
from quiz.generate.values import APPROXIMATE
from quiz.grading import NUMBER_WORDS

# -- answers -----------------------------------------------------------------------------------


_PERCENT = re.compile(r"^(?P<n>[\d.,]+)\s*(?:%|percent|per cent)$", re.IGNORECASE)


def number_variants(key: str) -> tuple[str, ...]:
    """Every way a reader writes the same number, listed in the bank so a teacher reading it
    sees what is accepted: "7" and "seven", "20%", "20 percent" and "20", "1,200" and "1200"."""
    out = [key]
    low = key.lower()
    if low in NUMBER_WORDS:
        out.append(str(NUMBER_WORDS.index(low)))
    elif key.isdigit() and int(key) < len(NUMBER_WORDS):
        out.append(NUMBER_WORDS[int(key)])
    percent = _PERCENT.match(key)
    if percent:
        n = percent["n"]
        out += [f"{n}%", f"{n} percent", n]
    out.append(key.replace(",", ""))
    return tuple(dict.fromkeys(out))


def answer_variants(fact: XFact, article: Article) -> tuple[str, ...]:
    if fact.kind == "number" and fact.amount is not None:
        return number_variants(fact.key)
    if fact.entity and fact.kind != "quote":
        entity = article.entities.get(fact.entity)
        return alias_variants(entity, fact.key)
    return (fact.key,)


def display_answer(fact: XFact, article: Article) -> str:
    """The answer as an option shows it: the full name for people, else the key."""
    if fact.entity and fact.kind in ("person", "event"):
        entity = article.entities.get(fact.entity)
        if entity is not None:
            return entity.name
    return fact.key


# -- forms of asking ---------------------------------------------------------------------------


def blanked(fact: XFact, article: Article) -> str | None:
    """The sentence with the key span blanked (pronouns named); None when the answer leaks."""
    sentence = fact.sentence
    skip = (fact.start, fact.end)
    text = as_statement(sentence, article, [(fact.start, fact.end, BLANK)], skip)
    if text is None:
        return None
    leak = answer_variants(fact, article)
    if fact.kind == "number":
        leak = (fact.key,)
    if mentions_any(text.replace(BLANK, " "), leak):
        return None
    return text


def who_question(fact: XFact, article: Article) -> str | None:
    """'Lee reaffirmed his support ...' -> 'Who reaffirmed his support ...?'"""
    if fact.kind != "event" or fact.subject_tokens is None:
        return None
    entity = article.entities.get(fact.entity)
    if entity is None or entity.label not in _WH_BY_LABEL:
        return None
    if entity.label == "PERSON" and len(entity.name.split()) < 2 and not entity.evidence:
        return None  # "Chopper would ...": a one-word name nothing shows to be a person
    sentence = fact.sentence
    span = sentence.span
    s0, s1 = fact.subject_tokens
    first, last = span[s0], span[s1 - 1]
    start, end = _rel(sentence, first), _rel(sentence, last) + len(last.text)
    prefix = strip_connective(sentence.text[:start]).strip()
    if prefix and (not prefix.endswith(",") or any(c in prefix for c in '“”"')):
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in span if _rel(sentence, t) < start):
        return None  # the subject of a reporting clause after a whole statement
    if entity.label == "ORG" and len(entity.name.split()) < 2 and not entity.name.isupper():
        return None  # a one-word "organisation" is often a storm, a ship, a product
    rest = sentence.text[end:].rstrip()
    if not rest.endswith(".") or rest[-2:-1] in ("”", '"', "’"):
        return None
    verb = span.root
    if verb.i < last.i or any(t.dep_ == "neg" for t in verb.children):
        return None
    wh = _WH_BY_LABEL[entity.label]
    head = f"{prefix} {wh.lower()}" if prefix else wh
    text = head + rest[:-1] + "?"
    named = pronoun_edits(sentence, article, (start, end))
    if named is None or any(e[0] < start for e in named):
        return None
    after = apply(sentence.text[end:], [(a - end, b - end, c) for a, b, c in named if a >= end])
    text = re.sub(r",\s*(?:however|too|though)$", "", after.rstrip()[:-1])
    text = head + text + "?"
    if mentions_any(text, alias_variants(entity, fact.key)):
        return None
    if _answer_elsewhere(fact, article, text):
        return None
    return tidy(text)


_WORD4 = re.compile(r"[A-Za-z]{4,}")


def _answer_elsewhere(fact: XFact, article: Article, question: str) -> bool:
    """Does another sentence say the same of another person/thing of the same kind (so that the
    question would have two right answers)?"""
    mine = {w.lower() for w in re.findall(r"[A-Za-z]{4,}", question)} - _STOP
    if not mine:
        return False
    entity = article.entities.get(fact.entity)
    words = article.cache.get("words4")
    if words is None:
        words = article.cache["words4"] = [
            {w.lower() for w in _WORD4.findall(other.text)} for other in article.sentences
        ]
    by_sentence = article.by_sentence()
    for other in article.sentences:
        if other.index == fact.sentence.index:
            continue
        theirs = words[other.index]
        if len(mine & theirs) / len(mine) < 0.6:
            continue
        others = [
            m
            for m in by_sentence.get(other.index, [])
            if m.sentence == other.index
            and m.entity
            and m.entity != fact.entity
            and entity is not None
            and article.entities.get(m.entity) is not None
            and article.entities[m.entity].label == entity.label
        ]
        if others:
            return True
    return False


_STOP = {
    "which",
    "what",
    "when",
    "where",
    "whom",
    "with",
    "from",
    "that",
    "this",
    "their",
    "there",
    "have",
    "been",
    "were",
    "will",
    "would",
    "about",
    "after",
    "before",
    "into",
    "organisation",
    "said",
    "says",
}


def _date_attachment(fact: XFact) -> tuple[Any, list[Any]] | None:
    """The verb a date belongs to, and the tokens of the date phrase (with its preposition)."""
    span = fact.sentence.span
    tokens = [t for t in span if fact.start <= _rel(fact.sentence, t) < fact.end]
    if not tokens:
        return None
    head = max(tokens, key=lambda t: sum(1 for _ in t.ancestors) * -1)
    phrase = list(head.subtree)
    parent = head.head
    if head.dep_ == "pobj" and parent.dep_ == "prep":
        phrase = list(parent.subtree)
        parent = parent.head
    if parent.pos_ not in ("VERB", "AUX") or head.dep_ not in (
        "pobj",
        "npadvmod",
        "tmod",
        "advmod",
    ):
        return None
    return parent, phrase


def _place_attachment(fact: XFact) -> tuple[Any, list[Any]] | None:
    """The verb a place belongs to through 'in' or 'at', and the tokens of that phrase."""
    span = fact.sentence.span
    tokens = [t for t in span if fact.start <= _rel(fact.sentence, t) < fact.end]
    if not tokens:
        return None
    head = tokens[-1]
    prep = head.head
    if head.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in ("in", "at"):
        return None
    phrase = list(prep.subtree)
    if (
        any(t.i < tokens[0].i and t.i > prep.i and t.dep_ != "det" for t in phrase)
        or phrase[-1].i != tokens[-1].i
    ):
        return None  # "in the capital of X", "in X's north": the place is not the whole answer
    return prep.head, phrase


def when_question(fact: XFact, article: Article) -> str | None:
    """'Florence originated ... in late August.' -> 'When did Florence originate ...?'"""
    if fact.kind != "date":
        return None
    return _do_question(fact, article, "When", _date_attachment(fact))


def where_question(fact: XFact, article: Article) -> str | None:
    """'Kenya and Uganda met in Geneva on Friday.' ->
    'Where did Kenya and Uganda meet on Friday?'"""
    if fact.kind != "place":
        return None
    return _do_question(fact, article, "Where", _place_attachment(fact))


def _do_question(
    fact: XFact, article: Article, wh: str, found: tuple[Any, list[Any]] | None
) -> str | None:
    """A question with do-support about the phrase ``found`` of a simple past sentence."""
    if found is None:
        return None
    verb, phrase = found
    sentence = fact.sentence
    span = sentence.span
    if (
        verb != span.root
        or verb.tag_ != "VBD"
        or any(c.dep_ in ("aux", "auxpass", "neg") for c in verb.children)
    ):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.i > verb.i:
        return None
    subj = list(subject.subtree)
    if any(t.lower_ in ("we", "i", "you") for t in subj):
        return None  # "When did we report ...": the writer's voice
    if any(t.lower_ in _ALL_PRONOUNS for t in subj) and not (
        len(subj) == 1 and subject.lower_ in ("he", "she")
    ):
        return None
    s_start, s_end = _rel(sentence, subj[0]), _rel(sentence, subj[-1]) + len(subj[-1].text)
    p_start = _rel(sentence, phrase[0])
    p_end = _rel(sentence, phrase[-1]) + len(phrase[-1].text)
    prefix = sentence.text[:s_start]
    prefix_wo_date = (prefix[:p_start] + prefix[p_end:]) if p_end <= s_start else prefix
    if strip_connective(prefix_wo_date).strip(" ,"):
        return None
    subject_text = sentence.text[s_start:s_end]
    if subject.lower_ in ("he", "she"):
        name = resolve_pronoun(
            article.sentences, article.mentions, article.entities, sentence.index, s_start
        )
        if not name:
            return None
        subject_text = short_name(article.entities.get(name), name)
    elif subj[0].pos_ != "PROPN" and (
        subj[0].is_stop
        or re.search(r"(?<![.!?]\s)\b" + re.escape(subj[0].lower_) + r"\b", article.text)
    ):
        subject_text = subject_text[:1].lower() + subject_text[1:]  # "the company", "scientists"
    v_start, v_end = _rel(sentence, verb), _rel(sentence, verb) + len(verb.text)
    rest = sentence.text[v_end:]
    if p_start >= v_end:
        rest = sentence.text[v_end:p_start] + sentence.text[p_end:]
    rest = rest.rstrip()
    if not rest.endswith(".") or rest[-2:-1] in ("”", '"', "’"):
        return None
    rest = rest[:-1].rstrip(" ,")
    named = pronoun_edits(sentence, article, (s_start, v_end))
    if named is None:
        return None
    del v_start
    text = f"{wh} did {subject_text} {verb.lemma_}{rest}?"
    if mentions_any(text, [fact.key]):
        return None
    return tidy(text)


def how_many_question(fact: XFact, article: Article) -> str | None:
    """'Around 200 buses and vans drove ...' -> 'About how many buses and vans drove ...?'"""
    if fact.kind != "number" or not fact.counted or fact.label == "DURATION":
        return None
    if fact.hedge and fact.hedge.lower() not in APPROXIMATE:
        return None
    sentence = fact.sentence
    span = sentence.span
    tokens = [t for t in span if fact.start <= _rel(sentence, t) < fact.end]
    if not tokens:
        return None
    noun = tokens[-1].head
    if noun.dep_ not in ("nsubj", "nsubjpass") or noun.head != span.root:
        return None
    subj = list(noun.subtree)
    s_start = _rel(sentence, subj[0])
    prefix = strip_connective(sentence.text[:s_start]).strip()
    if prefix:
        return None
    h_start = fact.start
    if fact.hedge:
        idx = sentence.text.lower().rfind(fact.hedge.lower(), 0, fact.start)
        if idx < 0:
            return None
        h_start = idx
    if h_start != s_start:
        return None
    rest = sentence.text[fact.end :].rstrip()
    if not rest.endswith(".") or rest[-2:-1] in ("”", '"', "’"):
        return None
    cut = _second_clause(sentence)
    if cut is not None and cut > fact.end:
        # "About 1,200 homes were damaged, and 340 people spent a night in a shelter": the
        # question is about the homes; the clause after ", and" made it a broken one ("About
        # how many homes were damaged, and 340 people spent …?", a new user's trial)
        rest = _CLAUSE_JOIN.sub("", sentence.text[fact.end : cut]) + "."
    head = "About how many" if fact.hedge else "How many"
    named = pronoun_edits(sentence, article, (s_start, fact.end))
    if named is None:
        return None
    text = (
        head
        + apply(rest, [(a - fact.end, b - fact.end, c) for a, b, c in named if a >= fact.end])[:-1]
        + "?"
    )
    return tidy(text)


#: What joins a second clause to the first, left at the end of the first when it is cut.
_CLAUSE_JOIN = re.compile(r"[\s,;]*(?:\b(?:and|but|while|or)\s*)?$")


def _second_clause(sentence: Sentence) -> int | None:
    """Where the sentence's second main clause starts (a ``conj`` of its root with a subject
    of its own), as an offset into its text; None when it has one clause."""
    span = sentence.span
    for child in span.root.children:
        if (
            child.dep_ == "conj"
            and child.i > span.root.i
            and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in child.children)
        ):
            return _rel(sentence, min(child.subtree, key=lambda t: t.i))
    return None


def quote_snippet(quote: str, words: int = 18) -> str:
    parts = quote.split()
    if len(parts) <= words:
        return quote
    return " ".join(parts[:words]).rstrip(",;:") + " …"
