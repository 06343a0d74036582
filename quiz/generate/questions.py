"""Question builders: each turns facts into candidate questions of one type.

Candidates are over-generated here and filtered and ranked in :mod:`quiz.generate.select`.
Every builder keeps the hard rules itself: the answer comes from the cited sentence, no
distractor is (or contains, or is contained in) the answer or an alias of it, no option occurs
in the stem, and a false statement is never also true elsewhere in the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from quiz.generate.facts import (
    ORG_KINDS,
    PERSON_TITLES,
    SPEECH_VERBS,
    Article,
    Entity,
    Sentence,
    XFact,
    _inside_name,
    alias_variants,
    normalise_key,
    resolve_pronoun,
)
from quiz.generate.quality import is_fragment, relative_day
from quiz.generate.values import APPROXIMATE, parse_amount, parse_when, perturb_amount, perturb_when

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
)
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


def tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = _DATELINE.sub("", text)  # "SEOUL/TOKYO — North Korea said ..."
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
        elif low in _SINGULAR_PRONOUNS and not seen_noun:
            name = resolve_pronoun(
                article.sentences, article.mentions, article.entities, sentence.index, rel
            )
            if not name:
                return None
            shown = short_name(article.entities.get(name), name)
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


@lru_cache(maxsize=65536)
def strip_connective(text: str) -> str:
    low = text.lower()
    for word in CONNECTIVES:
        for sep in (", ", " "):
            if low.startswith(word + sep):
                if low.startswith(word + " to ") or low.startswith(word + " of "):
                    return text  # "In addition to the agreement, …": not a connective
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
        if n and n in low and _word(n).search(low):
            return True
    return False


@lru_cache(maxsize=65536)
def _word(n: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(n) + r"(?!\w)")


# -- distractors -------------------------------------------------------------------------------


def _label_group(label: str) -> str:
    return {"GPE": "place", "LOC": "place", "FAC": "place"}.get(label, label)


def _entity_kind(entity: Entity) -> str:
    return _kind_of(entity.name, entity.label)


@lru_cache(maxsize=65536)
def _kind_of(name: str, label: str) -> str:
    """The kind options must share: a facility (FAC, or an ORG named "… Station", "… Center")
    is offered only against facilities; "Expeditions 70/71" (a name ending in a number) is no
    organisation at all."""
    if label == "FAC" or (label == "ORG" and org_kind(name) == "facility"):
        return "facility"
    if label == "ORG" and re.search(r"\d$", name):
        return "numbered"
    return _label_group(label)


def _stand_ins(article: Article, group: str, kind: str, org: str) -> list[Entity]:
    """The entities that may stand in for an answer of this group, kind and organisation kind:
    worked out once per article (an article of 20,000 words has hundreds of entities and
    thousands of facts), most mentioned first."""
    table: dict[tuple[str, str, str], list[Entity]] = article.cache.setdefault("stand_ins", {})
    found = table.get((group, kind, org))
    if found is None:
        found = table[(group, kind, org)] = sorted(
            (
                e
                for e in article.entities.values()
                if _label_group(e.label) == group
                and _entity_kind(e) == kind
                and (
                    group != "PERSON"
                    or len(e.name.split()) >= 2
                    or e.evidence
                    or len(e.aliases) > 1
                )
                and not (group == "PERSON" and e.name.isupper())
                and not (group == "ORG" and org_kind(e.name) != org)
                and not is_fragment(e, article)
            ),
            key=lambda e: (-e.count, e.first, e.name),
        )
    return found


def _people(article: Article) -> list[str]:
    found: list[str] | None = article.cache.get("people")
    if found is None:
        found = article.cache["people"] = [
            e.name for e in article.entities.values() if e.label == "PERSON"
        ]
    return found


def entity_distractors(fact: XFact, article: Article, stem: str, limit: int = 3) -> list[str]:
    """Other entities of the same kind from the article, most mentioned first."""
    answer = article.entities.get(fact.entity)
    if answer is None:
        return []
    group = _label_group(answer.label)
    own = [normalise_key(a) for a in alias_variants(answer, fact.key)]
    shape = (answer.name.isupper(), min(len(answer.name.split()), 3))
    org = org_kind(answer.name) if group == "ORG" else ""
    # the same shape (all capitals, number of words) as the answer first; sorted() is stable
    pool = sorted(
        (e for e in _stand_ins(article, group, _entity_kind(answer), org) if e.name != answer.name),
        key=lambda e: (e.name.isupper(), min(len(e.name.split()), 3)) != shape,
    )
    people = [name for name in _people(article) if name != answer.name]
    out: list[str] = []
    for entity in pool:
        shown = entity.name
        n = normalise_key(shown)
        if group != "PERSON" and mentions_any(shown, people):
            continue  # "Wikimedia Board Chair Florence Devouard" is no organisation
        if any(n in o or o in n for o in own):
            continue  # contains or is contained in the answer
        if mentions_any(stem, (entity.name, *entity.aliases)):
            continue
        if any(normalise_key(x) in n or n in normalise_key(x) for x in out):
            continue
        out.append(shown)
        if len(out) == limit:
            break
    return out


@lru_cache(maxsize=65536)
def org_kind(name: str) -> str:
    """'academic', 'publication' or '' (any other organisation), from the words of the name."""
    words = {re.sub(r"(?:’s|'s)$", "", w.lower()).strip("’'") for w in name.split()}
    for kind, marks in ORG_KINDS.items():
        if words & marks:
            return kind
    return ""


def _number_class(fact: XFact) -> str:
    if fact.amount is None:
        return ""
    if fact.amount.percent_sign or fact.counted.startswith(("percent", "per cent")):
        return "percent"
    if fact.amount.currency:
        return "money:" + fact.amount.currency
    if fact.label == "DURATION":
        return "duration:" + fact.counted.rstrip("s")
    return "count"


def number_distractors(fact: XFact, article: Article, stem: str, limit: int = 3) -> list[str]:
    """Other numbers of the same class in the article (same order of magnitude), then the
    answer perturbed in its own format."""
    amount = fact.amount
    if amount is None:
        return []
    cls = _number_class(fact)
    true_values = {
        f.amount.value
        for f in article.facts
        if f.kind == "number" and f.amount is not None and f.counted == fact.counted and f.counted
    }
    true_values.add(amount.value)
    out: list[str] = []
    seen = {normalise_key(fact.key)}

    def consider(text: str, value: float) -> None:
        n = normalise_key(text)
        if n in seen or value in true_values or len(out) >= limit:
            return
        if re.search(r"(?<![\d,.])" + re.escape(n) + r"(?![\d,])", normalise_key(stem)):
            return
        seen.add(n)
        out.append(text)

    for other in article.facts:
        if other.kind != "number" or other.amount is None or _number_class(other) != cls:
            continue
        ratio = max(other.amount.value, amount.value) / max(
            1e-9, min(other.amount.value, amount.value)
        )
        if ratio <= 20 and other.amount.style == amount.style:
            consider(amount.format(other.amount.value), other.amount.value)
    for text in perturb_amount(amount, percent=cls == "percent"):
        parsed = parse_amount(text)
        if parsed is not None:
            consider(text, parsed.value)
    return out


def date_distractors(fact: XFact, article: Article, stem: str, limit: int = 3) -> list[str]:
    when = fact.when
    if when is None:
        return []
    out: list[str] = []
    seen = {normalise_key(fact.key)}
    in_sentence = normalise_key(fact.sentence.text)
    cands = [
        f.key
        for f in article.facts
        if f.kind == "date" and f.when is not None and f.when.shape == when.shape
    ]
    cands += perturb_when(when)
    for text in cands:
        n = normalise_key(text)
        if n in seen or n in in_sentence or mentions_any(stem, [text]):
            continue
        if any(n in s or s in n for s in seen):
            continue
        seen.add(n)
        out.append(text)
        if len(out) == limit:
            break
    return out


def distractors_for(fact: XFact, article: Article, stem: str, limit: int = 3) -> list[str]:
    if fact.kind == "number":
        return number_distractors(fact, article, stem, limit)
    if fact.kind == "date":
        return date_distractors(fact, article, stem, limit)
    if fact.entity:
        return entity_distractors(fact, article, stem, limit)
    return []


def order_choices(answer: str, wrong: list[str], salt: str) -> list[str]:
    """Answer placed at a position derived from ``salt`` (deterministic, varies by question)."""
    from quiz.generate.ids import stable_int

    choices = list(wrong)
    choices.insert(stable_int(salt) % (len(wrong) + 1), answer)
    return choices


# -- answers -----------------------------------------------------------------------------------


def answer_variants(fact: XFact, article: Article) -> tuple[str, ...]:
    if fact.kind == "number" and fact.amount is not None:
        out = [fact.key]
        plain = fact.key.replace(",", "")
        if plain not in out:
            out.append(plain)
        return tuple(out)
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


def quote_snippet(quote: str, words: int = 18) -> str:
    parts = quote.split()
    if len(parts) <= words:
        return quote
    return " ".join(parts[:words]).rstrip(",;:") + " …"


# -- builders ----------------------------------------------------------------------------------


def build_candidates(article: Article) -> list[Candidate]:
    out: list[Candidate] = []
    for fact in article.facts:
        if fact.kind == "date" and relative_day(fact.key):
            continue  # "___, she lives in Arkansas" → "Today": means nothing out of the article
        out.extend(_for_fact(fact, article))
    out.extend(true_statements(article))
    out.extend(matching_candidates(article))
    out.extend(ordering_candidates(article))
    return out


def _explain(fact: XFact) -> str:
    return (
        f"The article says: “{fact.sentence.text}”"
        if "“" not in fact.sentence.text
        else f"From the article: {fact.sentence.text}"
    )


def _for_fact(fact: XFact, article: Article) -> list[Candidate]:
    out: list[Candidate] = []
    s = [fact.sentence]
    base_key = fact.fingerprint
    if (
        fact.kind in ("person", "place", "organisation", "number", "date", "term", "policy")
        and fact.label not in ("ROLE", "NORP")  # "___ media": a nationality is a giveaway
        and blankable(fact)
    ):
        text = blanked(fact, article)
        if text is not None:
            answers = answer_variants(fact, article)
            out.append(
                Candidate("cloze", "blank", [fact], s, text, {"blanks": (answers,)}, key=base_key)
            )
            wrong = (
                distractors_for(fact, article, text)
                if fact.kind not in ("place", "term") and not _in_open_list(fact)
                else []
            )
            if len(wrong) >= 2:
                prompt = f"{_mc_lead(fact)} {text}"
                choices = order_choices(fact.key, wrong, base_key + "mc")
                out.append(
                    Candidate(
                        "multiple_choice",
                        "blank",
                        [fact],
                        s,
                        prompt,
                        {"choices": tuple(choices), "answers": (fact.key,)},
                        key=base_key,
                    )
                )
                if fact.kind not in ("policy", "place", "term"):
                    false = _false_statement(fact, article, wrong)
                    if false is not None:
                        out.append(
                            Candidate(
                                "true_false",
                                "statement-false",
                                [fact],
                                s,
                                false,
                                {"answer": False, "swap": _swapped(fact, article, wrong)},
                                key=base_key,
                                explanation=(
                                    f"False: the article says “{fact.key}”, "
                                    f"not “{_swapped(fact, article, wrong)}”."
                                ),
                            )
                        )
            if fact.kind == "number" and fact.amount is not None:
                question = how_many_question(fact, article)
                unit = fact.counted if len(fact.counted.split()) <= 3 else ""
                if question is not None:
                    out.append(
                        Candidate(
                            "numeric",
                            "how-many",
                            [fact],
                            s,
                            question,
                            {"answer": fact.amount.value, "unit": unit},
                            key=base_key,
                        )
                    )
                    out.append(
                        Candidate(
                            "short_answer",
                            "how-many",
                            [fact],
                            s,
                            question,
                            {"answers": answer_variants(fact, article)},
                            key=base_key,
                        )
                    )
                else:
                    out.append(
                        Candidate(
                            "numeric",
                            "blank",
                            [fact],
                            s,
                            f"What number goes in the blank? {text}",
                            {"answer": fact.amount.value, "unit": unit},
                            key=base_key,
                        )
                    )
    if fact.kind == "date":
        question = when_question(fact, article)
        if question is not None:
            answers = answer_variants(fact, article)
            out.append(
                Candidate(
                    "short_answer", "when", [fact], s, question, {"answers": answers}, key=base_key
                )
            )
            wrong = date_distractors(fact, article, question)
            if len(wrong) >= 2:
                out.append(
                    Candidate(
                        "multiple_choice",
                        "when",
                        [fact],
                        s,
                        question,
                        {
                            "choices": tuple(order_choices(fact.key, wrong, base_key + "when")),
                            "answers": (fact.key,),
                        },
                        key=base_key,
                    )
                )
    if fact.kind == "place":
        question = where_question(fact, article)
        if question is not None:
            out.append(
                Candidate(
                    "short_answer",
                    "where",
                    [fact],
                    s,
                    question,
                    {"answers": answer_variants(fact, article)},
                    key=base_key,
                )
            )
    if fact.kind == "event":
        question = who_question(fact, article)
        if question is not None:
            entity = article.entities[fact.entity]
            shown = entity.name
            out.append(
                Candidate(
                    "short_answer",
                    "who",
                    [fact],
                    s,
                    question,
                    {"answers": alias_variants(entity, shown)},
                    key=base_key,
                )
            )
            wrong = entity_distractors(fact, article, question)
            if len(wrong) >= 2:
                out.append(
                    Candidate(
                        "multiple_choice",
                        "who",
                        [fact],
                        s,
                        question,
                        {
                            "choices": tuple(order_choices(shown, wrong, base_key + "who")),
                            "answers": (shown,),
                        },
                        key=base_key,
                    )
                )
        statement = as_statement(fact.sentence, article, [])
        if statement is not None and fact.sentence.words <= 35:
            out.append(
                Candidate(
                    "true_false",
                    "statement-true",
                    [fact],
                    s,
                    statement,
                    {"answer": True},
                    key=base_key,
                )
            )
    if fact.kind == "quote" and fact.speaker:
        prompt = f"Who said: “{quote_snippet(fact.key)}”?"
        s = _with_antecedent(fact, article)
        if fact.speaker_is_person:
            speaker = article.entities.get(fact.speaker)
            answers = alias_variants(speaker, fact.speaker)
            out.append(
                Candidate(
                    "short_answer", "quote", [fact], s, prompt, {"answers": answers}, key=base_key
                )
            )
            probe = XFact("person", fact.speaker, fact.sentence, 0, entity=fact.speaker)
            wrong = entity_distractors(probe, article, prompt)
            if len(wrong) >= 2:
                out.append(
                    Candidate(
                        "multiple_choice",
                        "quote",
                        [fact],
                        s,
                        prompt,
                        {
                            "choices": tuple(order_choices(fact.speaker, wrong, base_key + "q")),
                            "answers": (fact.speaker,),
                        },
                        key=base_key,
                    )
                )
    if fact.label == "ROLE" and fact.person and _role_is_unique(fact, article):
        det = _determiner(fact)
        prompt = f"Who is described in the article as {det}{fact.role}?"
        person = article.entities.get(fact.person)
        if person is not None and not mentions_any(prompt, alias_variants(person, person.name)):
            out.append(
                Candidate(
                    "short_answer",
                    "role",
                    [fact],
                    s,
                    prompt,
                    {"answers": alias_variants(person, person.name)},
                    key=base_key,
                )
            )
            probe = XFact("person", person.name, fact.sentence, 0, entity=person.name)
            wrong = entity_distractors(probe, article, prompt)
            if len(wrong) >= 2:
                out.append(
                    Candidate(
                        "multiple_choice",
                        "role",
                        [fact],
                        s,
                        prompt,
                        {
                            "choices": tuple(order_choices(person.name, wrong, base_key + "r")),
                            "answers": (person.name,),
                        },
                        key=base_key,
                    )
                )
    for c in out:
        if not c.explanation:
            c.explanation = _explain(fact)
    return out


#: Answers a learner guesses without the article.
TRIVIAL = {"earth", "world"}


def blankable(fact: XFact) -> bool:
    """Can the key be blanked (and swapped)? Not a piece of a longer name ("VOA Learning ___",
    "an ___-like planet"), not a place used as an adjective ("___ officials"), not a trivial
    answer, not a whole clause."""
    if fact.kind == "number" or fact.kind == "date":
        return True
    if normalise_key(fact.key) in TRIVIAL:
        return False
    if fact.kind == "policy" and len(fact.key.split()) > 6:
        return False
    sentence = fact.sentence
    if _inside_name(sentence, fact.start, len(fact.key)):
        return False
    before = sentence.text[: fact.start]
    after = sentence.text[fact.end :]
    prev = re.search(r"(\S+)\s$", before)
    if (
        prev
        and prev.start(1) > 0
        and prev.group(1)[:1].isupper()
        and prev.group(1).isalpha()
        and prev.group(1).lower() not in PERSON_TITLES
    ):
        return False  # "VOA Learning ___": the key continues a name
    following = re.match(r"^ ([A-Z][a-z]+)\b", after)
    if following and fact.kind in ("organisation", "place", "term"):
        nxt = following.group(1)
        if nxt.lower() not in PERSON_TITLES | {"on", "in", "at", "and", "or"}:
            return False  # "___ Deputy Administrator", "___ Wallet"
    if fact.kind == "place":
        tokens = [t for t in sentence.span if fact.start <= _rel(sentence, t) < fact.end]
        if (
            tokens
            and tokens[-1].dep_ in ("compound", "amod", "nmod")
            and tokens[-1].head.pos_ == "NOUN"
        ):
            return False  # "U.S. officials": a place used as an adjective
    return True


def _in_open_list(fact: XFact) -> bool:
    """'members including X and Y': another name may belong to the list too, so neither a
    swapped statement nor a set of options could be judged."""
    before = fact.sentence.text[: fact.start].lower()
    clause = re.split(r"[;:]", before)[-1]
    return any(word in clause for word in (" including ", " such as ", " among ", " like "))


def _role_is_unique(fact: XFact, article: Article) -> bool:
    """'Who is described as the President?' only when one person is."""
    role = normalise_key(fact.role)
    holders = {
        f.person for f in article.facts if f.label == "ROLE" and normalise_key(f.role) == role
    }
    return len(holders) == 1


def _mc_lead(fact: XFact) -> str:
    if fact.kind == "number":
        return "Which number fills the blank?"
    if fact.kind in ("person", "event") or fact.label == "PERSON":
        return "Who fills the blank?"
    if fact.kind == "date":
        return "Which date fills the blank?"
    return "Which fills the blank?"


def _with_antecedent(fact: XFact, article: Article) -> list[Sentence]:
    """The quote's sentence, and back to the sentence that names its speaker if it does not."""
    entity = article.entities.get(fact.speaker)
    names = alias_variants(entity, fact.speaker) if entity else (fact.speaker,)
    if mentions_any(fact.sentence.text, names):
        return [fact.sentence]
    for back in range(fact.sentence.index - 1, max(-1, fact.sentence.index - 3), -1):
        if mentions_any(article.sentences[back].text, names):
            return article.sentences[back : fact.sentence.index + 1]
    return [fact.sentence]


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


# -- matching and ordering -----------------------------------------------------------------------


def _span_source(article: Article, sentences: list[Sentence]) -> tuple[list[Sentence], str] | None:
    """The article text from the first to the last sentence (verbatim), if not too long."""
    ordered = sorted({s.index: s for s in sentences}.values(), key=lambda s: s.index)
    first, last = ordered[0], ordered[-1]
    text = article.text[first.start : last.start + len(last.text)]
    if len(text) > 2000:
        return None
    return ordered, text


def matching_candidates(article: Article) -> list[Candidate]:
    out: list[Candidate] = []
    # person -> role
    best: dict[str, XFact] = {}
    for f in article.facts:
        if f.label == "ROLE" and f.person and len(f.role.split()) <= 8:
            current = best.get(f.person)
            if current is None or len(f.role) < len(current.role):
                best[f.person] = f
    roles = _distinct_pairs(
        [(short_name(article.entities.get(p), p), f.role, f) for p, f in best.items()]
    )
    if len(roles) >= 3:
        out.extend(
            _matching(
                article, roles, "Match each person to how the article describes them.", "match-role"
            )
        )
    quotes = [
        f
        for f in article.facts
        if f.kind == "quote" and f.speaker and f.speaker in article.entities
    ]
    qp = _distinct_pairs(
        [(f"“{quote_snippet(f.key, 10)}”", f.speaker, f) for f in quotes], unique_right=True
    )
    if len(qp) >= 3:
        out.extend(_matching(article, qp, "Match each quotation to who said it.", "match-quote"))
    numbers = [
        f
        for f in article.facts
        if f.kind == "number" and f.counted and f.amount is not None and f.amount.value > 2
    ]
    npairs = _distinct_pairs(
        [(f"{f.hedge + ' ' if f.hedge else ''}{f.key}", f.counted, f) for f in numbers],
        unique_right=True,
    )
    if len(npairs) >= 3:
        out.extend(
            _matching(
                article,
                npairs,
                "Match each number to what it counts in the article.",
                "match-number",
            )
        )
    return out


def _distinct_pairs(
    pairs: list[tuple[str, str, XFact]], unique_right: bool = True
) -> list[tuple[str, str, XFact]]:
    lefts: set[str] = set()
    rights: set[str] = set()
    out = []
    for left, right, fact in pairs:
        lk, rk = left.casefold(), right.casefold()
        if lk in lefts or (unique_right and rk in rights):
            continue
        lefts.add(lk)
        rights.add(rk)
        out.append((left, right, fact))
    return out


def _matching(
    article: Article, pairs: list[tuple[str, str, XFact]], prompt: str, form: str
) -> list[Candidate]:
    pairs = sorted(pairs, key=lambda p: (p[2].sentence.index, p[2].start))
    for size in range(min(6, len(pairs)), 2, -1):
        for begin in range(0, len(pairs) - size + 1):
            chosen = pairs[begin : begin + size]
            found = _span_source(article, [p[2].sentence for p in chosen])
            if found is None:
                continue
            sentences, _ = found
            key = form + "|" + "|".join(sorted(normalise_key(p[0]) for p in chosen))
            return [
                Candidate(
                    "matching",
                    form,
                    [p[2] for p in chosen],
                    sentences,
                    prompt,
                    {"pairs": tuple((p[0], p[1]) for p in chosen)},
                    key=key,
                    explanation="From the article: " + " ".join(s.text for s in sentences),
                )
            ]
    return []


def _event_phrase(fact: XFact, article: Article) -> str | None:
    """A short clause for what happened at a date: subject + verb + object, date removed."""
    found = _date_attachment(fact)
    if found is None:
        return None
    verb, phrase = found
    if phrase and phrase[0].lower_ in (
        "since",
        "until",
        "till",
        "by",
        "before",
        "after",
        "through",
    ):
        return None  # "had not used it since 1981": no event at that date
    sentence = fact.sentence
    drop = {t.i for t in phrase}
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.i > verb.i:
        return None
    keep = [
        *subject.subtree,
        *[
            a
            for a in verb.children
            if a.dep_ in ("aux", "auxpass", "neg", "advmod") and a.i < verb.i and a.tag_ != "WRB"
        ],
        verb,
    ]
    for child in verb.rights:
        if child.i in drop or child.dep_ in (
            "punct",
            "cc",
            "conj",
            "advcl",
            "ccomp",
            "relcl",
            "mark",
        ):
            continue
        tokens = list(child.subtree)
        if any(t.i in drop for t in tokens):
            continue
        keep.extend(tokens)
        if len(keep) > 14:
            break
    keep = sorted(
        {t.i: t for t in keep if t.i not in drop and t.text not in '“”"‘’'}.values(),
        key=lambda t: t.i,
    )
    while (
        keep
        and keep[0] != subject
        and keep[0].lower_ in ("later", "then", "earlier", "also", "first")
    ):
        keep = keep[1:]  # "Later, Voyager 2 made ...": the connective is no part of the event
    if len(keep) > 16 or len(keep) < 3:
        return None
    if any(
        t.lower_ in _ALL_PRONOUNS - {"his", "her", "its", "their"} and t != subject for t in keep
    ):
        return None
    shown_subject = subject.text
    if subject.lower_ in ("he", "she"):
        name = resolve_pronoun(
            article.sentences,
            article.mentions,
            article.entities,
            sentence.index,
            _rel(sentence, subject),
        )
        if not name:
            return None
        shown_subject = short_name(article.entities.get(name), name)
    elif subject.lower_ in _ALL_PRONOUNS:
        return None
    parts = []
    for n, t in enumerate(keep):
        gap = n + 1 < len(keep) and keep[n + 1].i != t.i + 1
        parts.append(
            (shown_subject if t == subject else t.text) + (t.whitespace_ or (" " if gap else ""))
        )
    text = "".join(parts).strip().rstrip(",;:")
    if text.count("“") != text.count("”") or text.count('"') % 2:
        return None
    return tidy(text)


def ordering_candidates(article: Article, reference: Any = None) -> list[Candidate]:
    dated: dict[str, list[tuple[float, str, XFact]]] = {}
    for f in article.facts:
        if f.kind != "date" or f.when is None or f.when.order is None:
            continue
        order, scale = f.when.order, f.when.scale
        if reference is not None:
            absolute = reference(f.when)
            if absolute is not None:
                order, scale = absolute, "absolute"
        phrase = _event_phrase(f, article)
        if phrase is None:
            continue
        dated.setdefault(scale, []).append((order, phrase, f))
    out: list[Candidate] = []
    for scale, items in sorted(dated.items()):
        items.sort(key=lambda x: (x[0], x[2].sentence.index))
        if scale == "absolute":
            # a bare year against a date in that year ("in 2024", "in August 2024") has no order
            years = [x for x in items if x[2].when is not None and x[2].when.shape == "year"]
            items = [
                x
                for x in items
                if x not in years
                or not any(y is not x and int(y[0]) // 400 == int(x[0]) // 400 for y in items)
            ]
        unique: list[tuple[float, str, XFact]] = []
        for item in items:
            if unique and (
                item[0] == unique[-1][0] or item[1].casefold() in {u[1].casefold() for u in unique}
            ):
                continue
            unique.append(item)
        if len(unique) < 2:
            continue
        unique = unique[:6]
        found = _span_source(article, [u[2].sentence for u in unique])
        while found is None and len(unique) > 2:
            unique = unique[:-1]
            found = _span_source(article, [u[2].sentence for u in unique])
        if found is None:
            continue
        sentences, _ = found
        key = "order|" + "|".join(normalise_key(u[2].key) for u in unique)
        expl = "; ".join(f"{u[2].key}: {u[1]}" for u in unique)
        out.append(
            Candidate(
                "ordering",
                "ordering",
                [u[2] for u in unique],
                sentences,
                "Put these events in the order they happened, earliest first.",
                {"items": tuple(u[1] for u in unique)},
                key=key,
                explanation=f"From the article: {expl}.",
            )
        )
        del scale
    return out


__all__ = ["SPEECH_VERBS", "Candidate", "build_candidates", "parse_when"]
