"""Wrong options of the same kind as the answer: a person among people, a country among countries,
a number of the same unit and scale, a date of the same precision; never one the stem or a
pronoun rules out, never one that is also true in the article."""

from __future__ import annotations

import re
from functools import lru_cache

from quiz.generate.article import Article, Entity, Sentence, XFact, normalise_key
from quiz.generate.bounded import bounded
from quiz.generate.candidate import mentions_any
from quiz.generate.entities import alias_variants
from quiz.generate.lexicon import ORG_KINDS
from quiz.generate.quality import is_fragment
from quiz.generate.values import parse_amount, perturb_amount, perturb_when

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


def _figure_before(char: str) -> bool:
    """A character that, just before a number, makes it the end of a longer figure."""
    return char.isdecimal() or char in ",."


def _figure_after(char: str) -> bool:
    """A character that, just after a number, makes it the start of a longer figure (a full
    stop may end the sentence)."""
    return char.isdecimal() or char == ","


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
    stem_key = normalise_key(stem)

    def consider(text: str, value: float) -> None:
        n = normalise_key(text)
        if n in seen or value in true_values or len(out) >= limit:
            return
        if next(bounded(stem_key, n, before=_figure_before, after=_figure_after), None):
            return  # the stem shows it ("10.5" in "a 10.5% rise"), not inside another figure
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
    dated = [
        f
        for f in article.facts
        if f.kind == "date" and f.when is not None and f.when.shape == when.shape
    ]
    cands = [f.key for f in dated] + perturb_when(when)
    for text in cands:
        n = normalise_key(text)
        if n in seen or n in in_sentence or mentions_any(stem, [text]):
            continue
        if _said_of_the_same(text, fact, article):
            continue
        if any(n in s or s in n for s in seen):
            continue
        seen.add(n)
        out.append(text)
        if len(out) == limit:
            break
    return out


def _said_of_the_same(text: str, fact: XFact, article: Article) -> bool:
    """Whether the article gives the date ``text`` in another sentence about the same subject as
    the fact's, where it may be as true an answer as the key. Kept per article: every question
    on a date asks it of the same few candidates, and a long article has thousands of
    sentences to look through."""
    holders: dict[str, list[Sentence]] = article.cache.setdefault("date_holders", {})
    found = holders.get(text)
    if found is None:
        lowered: list[str] | None = article.cache.get("lowered_sentences")
        if lowered is None:
            lowered = [s.text.lower() for s in article.sentences]
            article.cache["lowered_sentences"] = lowered
        low = text.lower()
        found = holders[text] = [
            s
            for s, said in zip(article.sentences, lowered, strict=True)
            if low in said and mentions_any(s.text, [text])
        ]
    return any(s is not fact.sentence and _same_subject(article, s, fact.sentence) for s in found)


def _same_subject(article: Article, a: Sentence, b: Sentence) -> bool:
    """Whether two sentences speak of the same thing: a name in common, or two nouns. A date of
    one may then be as true of the other ("crypto assets rallied through 2021" beside "Bitcoin
    jumped from $10,000 in the summer of 2020": 2020 is no wrong answer to "When did Bitcoin
    rally?", fresh set O). Each sentence's words are found once per article."""
    words: dict[int, tuple[set[str], set[str]]] = article.cache.setdefault("subject_words", {})
    for s in (a, b):
        if s.index not in words:
            words[s.index] = (_words(s, "PROPN"), _words(s, "NOUN"))
    (names_a, nouns_a), (names_b, nouns_b) = words[a.index], words[b.index]
    return bool(names_a & names_b) or len(nouns_a & nouns_b) >= 2


def _words(s: Sentence, pos: str) -> set[str]:
    """The lemmas of a sentence's words of one part of speech, its dates left out."""
    return {t.lemma_.lower() for t in s.span if t.pos_ == pos and t.ent_type_ != "DATE"}


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
