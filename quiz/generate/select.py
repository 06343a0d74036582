"""Filter and rank candidates: hard rules first, then newsworthiness, balance and variety."""

from __future__ import annotations

import math
import re

from rapidfuzz import fuzz

from quiz.generate import quality
from quiz.generate.article import Article, normalise_key
from quiz.generate.candidate import BLANK, Candidate, mentions_any

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
_LEADING_PRONOUN = re.compile(r"^(?:He|She|They|It|This|These|Those|His|Her|Their|Its)\b")
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


def violations(c: Candidate, article: Article) -> list[str]:
    """Hard rules. Any violation drops the candidate."""
    problems: list[str] = []
    prompt = c.prompt
    words = len(prompt.split())
    if words < 4 or words > 70 or "\n" in prompt:
        problems.append("prompt length")
    if _LEADING_PRONOUN.match(prompt):
        problems.append("unresolved pronoun")
    problems.extend(blind_rules(c, article))
    sources = " ".join(s.text for s in c.sentences)
    if c.type == "multiple_choice":
        choices = c.fields["choices"]
        answer = c.fields["answers"][0]
        folded = [x.casefold() for x in choices]
        if len(set(folded)) != len(folded) or not 3 <= len(choices) <= 6 or answer not in choices:
            problems.append("choices")
        stem = prompt.replace(BLANK, " ")
        for choice in choices:
            if mentions_any(stem, [choice]):
                problems.append(f"option in stem: {choice}")
            if choice != answer:
                a, b = normalise_key(choice), normalise_key(answer)
                if a in b or b in a:
                    problems.append(f"option inside answer: {choice}")
        if c.form == "direction":  # the answer says the sentence's verb in plain words
            if not mentions_any(sources, [c.fact.key]):
                problems.append("answer not in sentence")
        elif not mentions_any(sources, [answer]) and not mentions_any(
            sources, [answer.split()[-1]]
        ):
            problems.append("answer not in sentence")
    elif c.type == "cloze":
        if prompt.count(BLANK) != 1 or re.search(r"_{4,}", prompt):
            problems.append("blanks")
        if not mentions_any(sources, [c.fields["blanks"][0][0]]):
            problems.append("answer not in sentence")
    elif c.type == "short_answer":
        if not mentions_any(sources, list(c.fields["answers"])):
            problems.append("answer not in sentence")
    elif c.type == "numeric":
        if c.fact.key not in c.fact.sentence.text:
            problems.append("answer not in sentence")
    elif c.type == "matching":
        pairs = c.fields["pairs"]
        if not 3 <= len(pairs) <= 8:
            problems.append("pairs")
    elif c.type == "ordering" and not 2 <= len(c.fields["items"]) <= 8:
        problems.append("items")
    return problems


def _answer_text(c: Candidate) -> str:
    f = c.fields
    if c.type == "multiple_choice":
        return f["answers"][0]
    if c.type == "cloze":
        return f["blanks"][0][0]
    if c.type == "short_answer":
        return f["answers"][0]
    return c.fact.key


def blind_rules(c: Candidate, article: Article) -> list[str]:
    """The rules the blind rating asked for (see docs/generation-quality.md)."""
    problems: list[str] = []
    fact = c.fact
    grouped = c.type in ("matching", "ordering")
    shown = [c.prompt]
    if c.type == "multiple_choice":
        shown += list(c.fields["choices"])
    elif c.type == "cloze":
        shown += [c.fields["blanks"][0][0]]
    if any(quality.unbalanced(x) for x in shown):
        problems.append("cut bracket or quotation")
    if quality.lost_reference(c.prompt):
        problems.append("reference lost out of context")
    if grouped:
        return problems
    if fact.kind == "date" and quality.dominant_date(fact.key, article):
        problems.append("trivial date")
    if fact.entity and quality.is_fragment(article.entities.get(fact.entity), article):
        problems.append("name fragment")
    if (
        c.form == "blank"
        and c.type in ("cloze", "multiple_choice")
        and fact.kind == "place"
        and quality.guessable_place(fact.sentence.text, fact.start, fact.key)
    ):
        problems.append("place guessable")
    if fact.kind == "number" and fact.sentence.text[: fact.start].rstrip().endswith(("#", "No.")):
        problems.append("number is part of a name")
    if c.type == "multiple_choice" and c.prompt.startswith("Who"):
        kinds = {
            article.entities[x].label if x in article.entities else "PERSON"
            for x in c.fields["choices"]
        }
        named = re.search(r"\b(?:named|called|dubbed)\s+$", c.prompt.split(BLANK)[0])
        acronym = any(re.fullmatch(r"[A-Z][A-Z&.]{1,7}", x) for x in c.fields["choices"])
        if kinds != {"PERSON"} or named or acronym:
            problems.append("who-question with options that are not people")
    if c.form in ("blank", "statement-false") and quality.beside_its_acronym(
        fact.sentence.text, fact.start, fact.key
    ):
        problems.append("name beside its acronym")
    if c.form == "role" and fact.role and len(fact.role.split()) == 1:
        said = len(re.findall(r"\b" + re.escape(fact.role) + r"s?\b", article.text, re.I))
        if said >= 2:
            problems.append("role said of several people")
    if c.form == "quote" and fact.speaker:
        last = re.escape(fact.speaker.split()[-1])
        joint = re.compile(
            r"\b"
            + last
            + r"\s+and\s+(?:[A-Z][\w.]*\s+){1,4}[A-Z]|\band\s+(?:[A-Z][\w.]*\s+){0,3}"
            + last
            + r"\b"
        )
        if any(joint.search(x.text) for x in c.sentences):
            problems.append("said jointly with someone else")
    if c.form == "role" and fact.person:
        others = [
            e.name
            for e in article.entities.values()
            if e.label == "PERSON" and e.name != fact.person and len(e.name.split()) >= 2
        ]
        if mentions_any(fact.role, others) or fact.role.count(",") > 0:
            problems.append("role holds another name")
    return problems


def trivial(c: Candidate, article: Article) -> bool:
    """The answer is in the headline or is what the whole article is about (mentioned in a
    fifth of its sentences): asked directly, it tests nothing."""
    if c.type in ("true_false", "matching", "ordering"):
        return False
    answer = _answer_text(c)
    if quality.in_headline(answer, article):
        return True
    entity = article.entities.get(c.fact.entity) if c.fact.entity else None
    return entity is not None and entity.count >= max(4, 0.2 * len(article.sentences))


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
    if c.type == "true_false" and c.fields.get("answer") is True:
        value -= 0.1
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
    if c.type == "true_false" and c.fields.get("answer") is True:
        return "judge-true"
    return _MODE.get(c.type, c.type)


def _judged(c: Candidate, article: Article) -> float | None:
    """The candidate's score, or None when a hard rule drops it; worked out once per candidate
    and article, since the gate chooses again from the same candidates round after round and
    both depend on nothing else. The memo keeps the candidate itself, so its ``id`` is not
    reused by another object while the article lives."""
    memo: dict[int, tuple[Candidate, float | None]] = article.cache.setdefault("judged", {})
    known = memo.get(id(c))
    if known is None or known[0] is not c:
        known = (c, None if violations(c, article) else score(c, article))
        memo[id(c)] = known
    return known[1]


def choose(
    candidates: list[Candidate], article: Article, limit: int, *, relax: bool = True
) -> list[Candidate]:
    """Greedy choice in rounds: first one question per answer-in-a-sentence (the best of each
    type first, then the best of the rest), then a second and a third question on the same
    answer in a clearly different mode, all under caps that keep the quiz balanced across
    facts, sentences and types. Near-duplicate prompts are never both chosen unless they ask
    the same fact in different modes."""
    valid = []
    for c in candidates:
        judged = _judged(c, article)
        if judged is not None:
            c.score = judged
            valid.append(c)
    valid.sort(key=lambda c: (-c.score, c.type, c.key, c.prompt))
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
