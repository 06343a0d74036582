"""Rank and choose candidates: newsworthiness, balance and variety, once the hard rules
(:mod:`quiz.generate.hard_rules`) have dropped what must never be asked."""

from __future__ import annotations

import math
from collections.abc import Callable

from rapidfuzz import fuzz

from quiz.generate.article import Article, normalise_key
from quiz.generate.balance import turnable
from quiz.generate.candidate import Candidate
from quiz.generate.hard_rules import broken, trivial

_FORM_FAMILY = {
    "blank": "blank",
    "statement-false": "statement",
    "statement-true": "statement",
    "who": "wh",
    "where": "wh",
    "when": "wh",
    "how-many": "wh",
    "quote": "quote",
    "role": "role",
    "why": "why",
    "followed": "why",
    "direction": "direction",
}
_FORM_WEIGHT = {
    # understanding first: why something happened and what followed (generation v2)
    "why": 1.25,
    "followed": 1.2,
    "direction": 1.2,  # the direction of the news: the point a reader should take away
    "who": 1.0,
    "where": 0.95,
    "when": 1.0,
    "how-many": 1.0,
    "quote": 0.9,
    "role": 0.85,
    "blank": 0.7,
    "statement-false": 0.75,
    # a figure's scale, true or false by a coin: blind raters kept all four of fresh set L's
    # (six raters), so it goes before a swapped false statement, which is held back anyway
    # whenever the bank has no true statement to balance it
    "magnitude": 1.0,
    "statement-true": 0.55,
    "match-role": 1.0,
    "match-quote": 1.0,
    "match-number": 0.95,
    "ordering": 1.0,
}
_KIND_WEIGHT = {
    "number": 0.35,
    "date": 0.25,
    "quote": 0.3,
    "person": 0.25,
    "event": 0.25,
    "policy": 0.3,
    "organisation": 0.15,
    "place": 0.05,
    "term": -0.2,
}
#: A bank aims at least this many questions when the article allows it.
MIN_QUESTIONS = 15
_TYPE_ORDER = (
    "multiple_choice",
    "cloze",
    "true_false",
    "short_answer",
    "numeric",
    "matching",
    "ordering",
)


def score(c: Candidate, article: Article) -> float:
    """How much a question is worth asking: how it asks and about what kind of fact, and above
    all how much its sentence matters to the article (:func:`quiz.generate.rank.
    sentence_importance`: the lead, centrality, the main entities, key figures)."""
    from quiz.generate.rank import sentence_importance

    fact = c.fact
    importance = sentence_importance(article)
    index = fact.sentence.index
    position = 1.4 * importance[index] if index < len(importance) else 0.0
    salience = 0.0
    if fact.entity and fact.entity in article.entities:
        salience = 0.15 * math.log1p(article.entities[fact.entity].count)
    value = _FORM_WEIGHT.get(c.form, 0.6) + _KIND_WEIGHT.get(fact.kind, 0.0) + position + salience
    if (
        fact.kind == "number"
        and fact.amount is not None
        and fact.amount.value <= 3
        and fact.amount.style == "words"
    ):
        value -= 0.6
    if fact.label == "NORP" or (fact.kind == "place" and len(fact.key) <= 3):
        value -= 0.4
    words = len(c.prompt.split())
    if words > 40:
        value -= 0.3 * (words - 40) / 10
    if c.type == "true_false" and c.fields.get("answer") is True and not turnable(c):
        value -= 0.1  # (a statement the bank deals true or false is scored the same either way)
    if trivial(c, article):
        value -= 0.8
    return round(value, 6)


#: How a question makes the learner answer. Two questions on the same answer in the same
#: sentence are kept only when they ask in clearly different ways (type it, pick it, judge a
#: changed statement); a true statement repeats its sentence verbatim, so it is never paired.
_MODE = {
    "cloze": "recall",
    "short_answer": "recall",
    "numeric": "recall",
    "multiple_choice": "recognise",
    "true_false": "judge",
    "matching": "group",
    "ordering": "group",
}
#: At most this many questions rest on one answer in one sentence.
PER_OCCURRENCE = 3


def answer_of(c: Candidate) -> str:
    """What a question asks the learner to produce or recognise: the person, speaker, entity or
    key of its fact (true/false statements: the fact they are tied to)."""
    f = c.fact
    return f.person or f.speaker or f.entity or normalise_key(f.key)


def mode_of(c: Candidate) -> str:
    if c.type == "true_false" and c.fields.get("answer") is True and c.form != "magnitude":
        return "judge-true"  # the article's sentence word for word: it gives its facts away
    return _MODE.get(c.type, c.type)


def _judged(c: Candidate, article: Article) -> float | None:
    """The candidate's score, or None when a hard rule drops it; worked out once per candidate
    and article, since the gate chooses again from the same candidates round after round and
    both depend on nothing else. The memo keeps the candidate itself, so its ``id`` is not
    reused by another object while the article lives."""
    memo: dict[int, tuple[Candidate, float | None]] = article.cache.setdefault("judged", {})
    known = memo.get(id(c))
    if known is None or known[0] is not c:
        known = (c, None if broken(c, article) else score(c, article))
        memo[id(c)] = known
    return known[1]


def choose(
    candidates: list[Candidate],
    article: Article,
    limit: int,
    *,
    relax: bool = True,
    prefer: Callable[[Candidate], float] | None = None,
) -> list[Candidate]:
    """Greedy choice in rounds: first one question per answer-in-a-sentence (the best of each
    type first, then the best of the rest), then a second and a third question on the same
    answer in a clearly different mode, all under caps that keep the quiz balanced across
    facts, sentences and types. Near-duplicate prompts are never both chosen unless they ask
    the same fact in different modes, so which blank of a sentence is asked is decided by the
    order: ``prefer`` (the gate's teacher model) when given, else the candidates' scores."""
    valid = []
    for c in candidates:
        judged = _judged(c, article)
        if judged is not None:
            c.score = judged
            valid.append(c)
    if prefer is None:
        valid.sort(key=lambda c: (-c.score, c.type, c.key, c.prompt))
    else:
        valid.sort(key=lambda c: (-prefer(c), -c.score, c.type, c.key, c.prompt))
    cap = max(3, math.ceil(limit * 0.3))
    chosen: list[Candidate] = []
    taken: set[int] = set()
    per_type: dict[str, int] = {}
    per_sentence_type: set[tuple[int, str]] = set()
    per_sentence: dict[int, int] = {}
    true_sentences: set[int] = set()
    occurrences: dict[tuple[str, int], set[str]] = {}
    families: dict[tuple[str, int], set[str]] = {}
    per_entity: dict[str, int] = {}
    per_entity_type: dict[tuple[str, str], int] = {}
    entity_cap = 3
    swaps: set[str] = set()
    state = {"relaxed": False, "round": 1}

    def occurrence(c: Candidate) -> tuple[str, int]:
        return (answer_of(c), c.fact.sentence.index)

    def fits(c: Candidate) -> bool:
        relaxed = state["relaxed"]
        if per_type.get(c.type, 0) >= (cap * 2 if relaxed else cap):
            return False
        grouped = c.type in ("matching", "ordering")
        ent = answer_of(c)
        if (
            ent
            and not grouped
            and per_entity.get(ent, 0) >= (entity_cap + 1 if relaxed else entity_cap)
        ):
            return False
        if grouped:
            return not any(x.key == c.key for x in chosen)
        if ent and per_entity_type.get((ent, c.type), 0) >= 2:
            return False  # a third cloze on the article's main subject is a giveaway
        s = c.fact.sentence.index
        if (not relaxed and (s, c.type) in per_sentence_type) or per_sentence.get(s, 0) >= (
            5 if relaxed else 3
        ):
            return False
        mode = mode_of(c)
        if s in true_sentences or (mode == "judge-true" and per_sentence.get(s, 0)):
            return False  # a true statement gives away every other question on its sentence
        occ = occurrence(c)
        modes = occurrences.get(occ, set())
        if len(modes) >= min(int(state["round"]), PER_OCCURRENCE) or mode in modes:
            return False
        swap = c.fields.get("swap") if c.type == "true_false" else None
        if swap and normalise_key(str(swap)) in swaps:
            return False  # the same wrong value in two false statements gives both away
        fam = _FORM_FAMILY.get(c.form, c.form)
        if fam in families.get((c.fact.fingerprint, s), set()) and fam != "blank":
            return False  # the same way of asking about the same fact
        for x in chosen:
            if fuzz.ratio(c.prompt, x.prompt) < 88:
                continue
            if x.type in ("matching", "ordering") or occurrence(x) != occ:
                return False
            if mode_of(x) == mode:
                return False
        return True

    def take(c: Candidate) -> None:
        chosen.append(c)
        taken.add(id(c))
        per_type[c.type] = per_type.get(c.type, 0) + 1
        if c.type in ("matching", "ordering"):
            return
        ent = answer_of(c)
        if ent:
            per_entity[ent] = per_entity.get(ent, 0) + 1
            per_entity_type[(ent, c.type)] = per_entity_type.get((ent, c.type), 0) + 1
        s = c.fact.sentence.index
        per_sentence_type.add((s, c.type))
        per_sentence[s] = per_sentence.get(s, 0) + 1
        if mode_of(c) == "judge-true":
            true_sentences.add(s)
        if c.type == "true_false" and c.fields.get("swap"):
            swaps.add(normalise_key(str(c.fields["swap"])))
        occurrences.setdefault(occurrence(c), set()).add(mode_of(c))
        families.setdefault((c.fact.fingerprint, s), set()).add(_FORM_FAMILY.get(c.form, c.form))

    def fill(target: int) -> None:
        for rnd in range(1, PER_OCCURRENCE + 1):
            state["round"] = rnd
            for c in valid:
                if len(chosen) >= target:
                    return
                if id(c) not in taken and fits(c):
                    take(c)

    for qtype in _TYPE_ORDER:
        for c in valid:
            if c.type == qtype and fits(c):
                take(c)
                break
    fill(limit)
    # A short article cannot fill a quiz under the strict caps: relax them (never the hard rules
    # or the near-duplicate check) until there are enough questions, if the candidates allow.
    floor = min(limit, MIN_QUESTIONS)
    if relax and len(chosen) < floor:
        state["relaxed"] = True
        fill(floor)
    chosen = chosen[:limit]
    chosen.sort(key=lambda c: (-c.score, c.type, c.key, c.prompt))
    return spread(chosen)


def spread(chosen: list[Candidate]) -> list[Candidate]:
    """Keep questions on the same sentence apart: take, in rank order, the first question whose
    sentence differs from the last two taken (the next in rank when none does)."""
    rest = list(chosen)
    out: list[Candidate] = []

    def sentence(c: Candidate) -> int:
        return -1 if c.type in ("matching", "ordering") else c.fact.sentence.index

    while rest:
        recent = {sentence(c) for c in out[-2:]} - {-1}
        pick = next((c for c in rest if sentence(c) not in recent), rest[0])
        rest.remove(pick)
        out.append(pick)
    return out
