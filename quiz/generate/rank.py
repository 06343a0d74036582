"""What matters in an article: sentence importance, what each sentence does, where it sits.

A bank a teacher keeps asks about the main event, its causes and consequences, the reactions to
it and the comparisons that put it in scale, and covers the whole article, not the blank-able
tokens of whichever sentences come first. This module gives the rest of the generator three
views of an analysed :class:`~quiz.generate.facts.Article` to choose by:

* :func:`sentence_importance`: how central each sentence is to the report, in [0, 1];
* :func:`sentence_roles` (with :func:`role_cues` for the words that show it): event, cause,
  consequence, sequence, reaction, comparison, background;
* :func:`coverage_bins`: which part (third, by default) of the body each sentence is in.

Cause-effect links themselves (for "Why …?" questions) are in :mod:`quiz.generate.causes`
and re-exported here. Everything is a pure function of the article's parse: no I/O, no
randomness, and each result is computed once per article (kept in ``article.cache``). The cost
is one pass over the tokens plus a sparse sentence graph, a few milliseconds for 1,000 words.

Headlines, subheads, sign-offs ("I'm Bryan Lynn.") and page furniture (captions, credits,
bylines, as :mod:`quiz.generate.clean` finds them) are not body text: they score 0, are no lead
and take no role. When the pipeline already leaves furniture out, this costs nothing.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from typing import Any

from quiz.generate.causes import CAUSE, PURPOSE, SEQUENCE, CauseLink, cause_links
from quiz.generate.clean import body_spans
from quiz.generate.facts import Article, Sentence, is_heading, resolve_pronoun

__all__ = [
    "CauseLink",
    "Cue",
    "body_mask",
    "cause_links",
    "coverage_bins",
    "role_cues",
    "sentence_importance",
    "sentence_roles",
    "signals",
]

#: How much each signal counts in :func:`sentence_importance` (see its docstring for why).
WEIGHTS = {"lead": 0.35, "centrality": 0.30, "salience": 0.20, "numbers": 0.15}
#: The lead: the first body sentences, in order, then a slow fall over the rest of the text.
LEAD = (1.0, 0.7, 0.5)
TAIL = 0.3
#: TextRank's damping factor and power-iteration budget (it settles in 10-20 steps).
DAMPING = 0.85
STEPS = 30
#: What an aside (a generic definition) keeps of its score.
ASIDE = 0.5
#: How many of the most-mentioned entities count as the article's main ones.
MAIN_ENTITIES = 5
_NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "LAW", "PRODUCT"}
_NUMBER_WEIGHT = {"PERCENT": 1.0, "MONEY": 1.0, "QUANTITY": 0.8, "CARDINAL": 0.6}

EVENT = "event"
CONSEQUENCE = "consequence"
REACTION = "reaction"
COMPARISON = "comparison"
BACKGROUND = "background"


@dataclass(frozen=True, slots=True)
class Cue:
    """Why a sentence has a role: the words that show it, as character offsets in the
    sentence (the connective for causes and consequences, the verb for events and reactions)."""

    role: str
    start: int
    end: int
    text: str


# -- body text ---------------------------------------------------------------------------------


def body_mask(article: Article) -> list[bool]:
    """Whether each sentence is body text: not a headline, subhead or sign-off, and mostly
    inside the body spans of :func:`quiz.generate.clean.body_spans` (captions and credits are
    not). A sentence that starts with a dateline ("WASHINGTON — The …") is mostly body."""
    found = article.cache.get("rank.body")
    if found is None:
        spans = article.cache.get("body_spans") or body_spans(article.text)
        starts = [a for a, _ in spans]
        found = []
        for s in article.sentences:
            end = s.start + len(s.text)
            k = bisect_right(starts, end - 1) - 1
            inside = 0
            while k >= 0 and spans[k][1] > s.start:
                inside += max(0, min(end, spans[k][1]) - max(s.start, spans[k][0]))
                k -= 1
            found.append(not is_heading(s) and 2 * inside >= len(s.text))
        article.cache["rank.body"] = found
    return list(found)


# -- importance --------------------------------------------------------------------------------


def sentence_importance(article: Article) -> list[float]:
    """One score per sentence in [0, 1]; the most important sentence scores 1, non-body 0.

    A weighted sum of four signals, each scaled to [0, 1] over the article first:

    * **lead** (0.35): news is written as an inverted pyramid, so the main event is in the
      first body sentences (1.0, 0.7, 0.5 for the first three), and importance falls slowly
      after them (0.3 at the top of the rest, to 0 at the end). A headline is not the lead.
    * **centrality** (0.30): TextRank over a graph of sentences, joined by the content lemmas
      they share (non-stop alphabetic ``lemma_``) and the entities they share, weighted by
      overlap / (log |A| + log |B|) as in Mihalcea & Tarau (2004). A sentence that much of the
      article echoes carries its thread; an aside (a unit explained, a trivia line) does not.
      The headline is a node (it pulls its sentences up) but scores 0 itself.
    * **salience** (0.20): the article's five most-mentioned entities, each weighted by its
      share of mentions, summed over the distinct ones a sentence names (or a "he"/"she" that
      refers to one). What the article is about is what a reader must know.
    * **numbers** (0.15): an amount, percentage, sum of money or quantity, full weight when the
      sentence also names a main entity, half otherwise. Key figures put the event in scale and
      make good questions; a count of "two" or a year does not count.

    A sentence that only explains a general term ("A light year is the distance light travels
    in a year") is an aside, however early it comes: its score is halved (``ASIDE``).

    Lead and centrality weigh most since they hold on every kind of report (a profile has few
    numbers; a short notice has few repeated names). The weights were set by reading the
    rankings of the articles in ``tests/data/articles``, not fitted.
    """
    found = article.cache.get("rank.importance")
    if found is None:
        parts = signals(article)
        body = body_mask(article)
        raw = [
            sum(WEIGHTS[name] * parts[name][i] for name in WEIGHTS) if body[i] else 0.0
            for i in range(len(article.sentences))
        ]
        for s in article.sentences:
            if raw[s.index] and _aside(s):
                raw[s.index] *= ASIDE
        top = max(raw, default=0.0)
        found = [round(x / top, 6) if top > 0 else 0.0 for x in raw]
        article.cache["rank.importance"] = found
    return list(found)


def signals(article: Article) -> dict[str, list[float]]:
    """The four signals of :func:`sentence_importance`, each in [0, 1], by name."""
    found = article.cache.get("rank.signals")
    if found is None:
        body = body_mask(article)
        found = {
            "lead": _lead(body),
            "centrality": _scaled(_centrality(article, body)),
            "salience": _scaled(_salience(article, body)),
            "numbers": _scaled(_numbers(article, body)),
        }
        article.cache["rank.signals"] = found
    return {name: list(values) for name, values in found.items()}


def _aside(sentence: Sentence) -> bool:
    """A generic definition: "A light year is …", "An exoplanet is …" (an indefinite subject
    of "be" as the main verb). It explains the report; it is not the report."""
    for t in sentence.span:
        if t.dep_ == "nsubj" and t.head.dep_ == "ROOT" and t.head.lemma_ == "be":
            return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children)
    return False


def _scaled(values: list[float]) -> list[float]:
    top = max(values, default=0.0)
    return [v / top for v in values] if top > 0 else [0.0 for _ in values]


def _lead(body: list[bool]) -> list[float]:
    total = sum(body)
    out: list[float] = []
    k = 0
    for is_body in body:
        if not is_body:
            out.append(0.0)
            continue
        if k < len(LEAD):
            out.append(LEAD[k])
        else:
            rest = max(1, total - len(LEAD))
            out.append(TAIL * (1 - (k - len(LEAD)) / rest))
        k += 1
    return out


def _terms(article: Article, sentence: Sentence) -> set[str]:
    """Content lemmas and entity names of a sentence (names prefixed, so "Lee" the entity and
    "lee" the lemma count once each)."""
    out = {
        t.lemma_.lower() for t in sentence.span if t.is_alpha and not t.is_stop and len(t.text) > 1
    }
    for m in article.by_sentence().get(sentence.index, []):
        if m.entity in article.entities:
            out.add("@" + m.entity)
    return out


def _centrality(article: Article, body: list[bool]) -> list[float]:
    """TextRank (weighted PageRank) over sentences; O(pairs sharing a term) to build."""
    n = len(article.sentences)
    nodes = [i for i, s in enumerate(article.sentences) if body[i] or is_heading(s)]
    terms = {i: _terms(article, article.sentences[i]) for i in nodes}
    holders: dict[str, list[int]] = {}
    for i in nodes:
        for term in terms[i]:
            holders.setdefault(term, []).append(i)
    shared: Counter[tuple[int, int]] = Counter()
    for group in holders.values():
        if len(group) > 1:
            for a in range(len(group)):
                for b in range(a + 1, len(group)):
                    shared[(group[a], group[b])] += 1
    edges: dict[int, list[tuple[int, float]]] = {i: [] for i in nodes}
    for (a, b), count in sorted(shared.items()):
        weight = count / (math.log(len(terms[a]) + 1) + math.log(len(terms[b]) + 1))
        edges[a].append((b, weight))
        edges[b].append((a, weight))
    strength = {i: sum(w for _, w in edges[i]) for i in nodes}
    rank = dict.fromkeys(nodes, 1.0 / max(1, len(nodes)))
    base = (1 - DAMPING) / max(1, len(nodes))
    for _ in range(STEPS):
        new = dict.fromkeys(nodes, base)
        for j in nodes:
            if strength[j] > 0:
                share = DAMPING * rank[j] / strength[j]
                for i, w in edges[j]:
                    new[i] += share * w
        delta = sum(abs(new[i] - rank[i]) for i in nodes)
        rank = new
        if delta < 1e-6:
            break
    return [rank.get(i, 0.0) if body[i] else 0.0 for i in range(n)]


def _main_entities(article: Article) -> dict[str, float]:
    """The most-mentioned named entities (at least twice), weighted by share of mentions."""
    found = article.cache.get("rank.main_entities")
    if found is None:
        named = [e for e in article.entities.values() if e.label in _NAME_LABELS and e.count >= 2]
        named.sort(key=lambda e: (-e.count, e.name))
        top = named[:MAIN_ENTITIES]
        most = top[0].count if top else 1
        found = {e.name: e.count / most for e in top}
        article.cache["rank.main_entities"] = found
    return dict(found)


def _named_in(article: Article, sentence: Sentence) -> set[str]:
    """Entities a sentence names, or refers to with a subject "he"/"she"."""
    names = {m.entity for m in article.by_sentence().get(sentence.index, [])}
    base = sentence.span.start_char
    for t in sentence.span:
        if t.lower_ in ("he", "she") and t.dep_ in ("nsubj", "nsubjpass"):
            who = resolve_pronoun(
                article.sentences, article.mentions, article.entities, sentence.index, t.idx - base
            )
            if who:
                names.add(who)
    return names


def _salience(article: Article, body: list[bool]) -> list[float]:
    """Main entities named; a sentence whose subject refers back ("They also pledged", "The
    two leaders agreed" after "Japan's leader") keeps most of the previous one's salience."""
    main = _main_entities(article)
    out: list[float] = []
    previous: Sentence | None = None
    for s in article.sentences:
        if not body[s.index]:
            out.append(0.0)
            continue
        value = min(1.5, sum(main.get(e, 0.0) for e in _named_in(article, s)))
        if previous is not None and _refers_back(s, previous):
            value = max(value, 0.8 * out[previous.index])
        out.append(value)
        previous = s
    return out


def _refers_back(sentence: Sentence, previous: Sentence) -> bool:
    """The main subject is a pronoun, or "the" + a noun the previous sentence used."""
    for t in sentence.span:
        if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT":
            if t.lower_ in ("he", "she", "they", "it", "we"):
                return True
            if t.pos_ == "NOUN" and any(c.lower_ == "the" for c in t.children):
                return any(p.lemma_ == t.lemma_ for p in previous.span)
            return False
    return False


def _numbers(article: Article, body: list[bool]) -> list[float]:
    main = _main_entities(article)
    out = [0.0] * len(article.sentences)
    for fact in article.facts:
        i = fact.sentence.index
        if fact.kind != "number" or not body[i] or fact.amount is None:
            continue
        if 1800 <= fact.amount.value <= 2100 and fact.amount.style == "digits":
            continue  # a year read as a count
        weight = _NUMBER_WEIGHT.get(fact.label, 0.6)
        if not main.keys() & _named_in(article, fact.sentence):
            weight *= 0.5
        out[i] = max(out[i], weight)
    return out


# -- roles -------------------------------------------------------------------------------------

_SPEECH = {
    "say", "tell", "warn", "criticize", "criticise", "welcome", "condemn", "praise", "denounce",
    "accuse", "urge", "respond", "react", "insist", "argue", "claim", "deny", "add", "state",
    "express", "complain", "reply", "hail", "slam", "blame", "applaud", "reject", "dismiss",
    "vow", "acknowledge", "admit", "stress", "note", "explain", "describe", "call",
}  # fmt: skip
_QUOTE = re.compile(r"[“\"]([^“”\"]+)[”\"]")
#: Verbs of change: a comparison with the earlier figure when a percentage or sum goes with them.
_CHANGE = {
    "rise", "fall", "increase", "decrease", "drop", "jump", "grow", "decline", "surge",
    "plunge", "slump", "shrink", "soar", "cut", "raise",
}  # fmt: skip
_MULTIPLY = {"double", "triple", "halve", "quadruple"}
#: Superlatives that rank nothing: "at least", "the latest launch", "the last flight".
_NOT_SUPERLATIVE = {"most", "least", "latest", "last", "best-known"}
_COMPARISON = re.compile(
    r"\b(?:compared (?:with|to)|in comparison|than ever|(?:up|down) from|(?:up|down) \d[\d.,]*"
    r"(?: percent| per cent|%)|twice as|(?:\d+|two|three|four|five|ten) times (?:as|more|less|"
    r"[a-z]+er)|record (?:high|low|level)|first time since|(?:highest|lowest|most|least|biggest"
    r"|largest|smallest) since)\b",
    re.I,
)
_BACKGROUND = re.compile(
    r"\b(?:ha(?:s|ve|d) long|in the past|previously|formerly|historically|years ago|decades ago"
    r"|months ago|last year|in recent years|for (?:years|decades)|was founded|were founded"
    r"|first (?:met|began|started|launched)|earlier this (?:year|month)|long-(?:standing|running)"
    r"|has a history|had a history)\b",
    re.I,
)
_CAUSE_WORDS = re.compile(r"\b(?:because|owing to|as a result of|so that|in order to)\b", re.I)
_CONSEQUENCE_WORDS = re.compile(
    r"\b(?:as a result(?! of)|therefore|consequently|which means|this means|this meant"
    r"|prompting|led to|leading to|resulted in|resulting in)\b",
    re.I,
)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def sentence_roles(article: Article) -> list[set[str]]:
    """What each sentence does, from its own words and parse (see :func:`role_cues`)."""
    return [{c.role for c in cues} for cues in role_cues(article)]


def role_cues(article: Article) -> list[list[Cue]]:
    """Per sentence, the roles it plays with the words that show each; non-body sentences none.

    * ``event``: one of the first three body sentences with a main verb in the past, the
      present perfect (or, opening the article, the progressive: "is investigating"); for
      "X said (that) Y" the verb of Y counts too. The main event is what the lead reports.
    * ``cause`` / ``consequence``: a link of :func:`cause_links` (its connective) — the
      sentence states a cause ("because", "due to", "led to") and/or a consequence ("as a
      result", "so", "led to", "prompting", "which means"); with a lexical fallback when the
      parse gives no sides. ``sequence``: "after"/"following" that the parse reads as order
      only (a "What followed …?" question, not a "Why …?").
    * ``reaction``: a speech or stance verb with a subject (said, told, warned, criticised,
      welcomed, condemned…) or a quotation: reported speech.
    * ``comparison``: a comparative with "than" against something other than a bare number
      ("heavier than Ingenuity", not "more than 13,000 people"), a superlative, "compared
      with", "up/down from", "the first since", "twice as", or a verb of change (rose,
      doubled, fell) with an amount.
    * ``background``: an earlier time than the report's: a year before the latest year the
      article names, the past perfect ("had threatened"), or "has long", "in the past",
      "previously", "years ago", "last year"…
    """
    found = article.cache.get("rank.roles")
    if found is None:
        body = body_mask(article)
        links: dict[int, list[CauseLink]] = {}
        for link in cause_links(article):
            links.setdefault(link.sentence, []).append(link)
        latest = _latest_year(article, body)
        lead = _lead_sentences(article, body)
        found = []
        for s in article.sentences:
            if not body[s.index]:
                found.append([])
                continue
            cues: list[Cue] = []
            if s.index in lead:
                cues += _event(s, first=s.index == lead[0])
            cues += _causal(s, links.get(s.index, []))
            cues += _reaction(s)
            cues += _comparison(s)
            cues += _background(s, latest)
            found.append(cues)
        article.cache["rank.roles"] = found
    return [list(cues) for cues in found]


def _lead_sentences(article: Article, body: list[bool]) -> list[int]:
    """The sentences that may report the main event: up to three body sentences of the first
    body paragraph, and when that paragraph is a single sentence (as wire copy writes), the
    first sentence of the next one. Later paragraphs go back in time or to reactions."""
    indices = [s.index for s in article.sentences if body[s.index]]
    if not indices:
        return []
    paragraph = article.sentences[indices[0]].paragraph
    first = [i for i in indices if article.sentences[i].paragraph == paragraph][: len(LEAD)]
    if len(first) == 1 and len(indices) > 1:
        first.append(indices[1])
    return first


def _offset(sentence: Sentence) -> int:
    span = sentence.span
    return span.start_char + (len(span.text) - len(span.text.lstrip()))


def _cue(sentence: Sentence, role: str, tokens: list[Any]) -> Cue:
    base = _offset(sentence)
    start = min(t.idx for t in tokens) - base
    last = max(tokens, key=lambda t: t.i)
    end = last.idx + len(last.text) - base
    return Cue(role, start, end, sentence.text[start:end])


def _verb_group(verb: Any) -> list[Any]:
    return sorted(
        [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg"))],
        key=lambda t: t.i,
    )


def _tense(verb: Any) -> str:
    """ "past", "perfect", "progressive", or "" for the verb group headed by ``verb``."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lemma_ == "have" and a.tag_ in ("VBZ", "VBP") for a in auxes) and verb.tag_ == "VBN":
        return "perfect"
    if any(a.lemma_ == "have" and a.tag_ == "VBD" for a in auxes):
        return "pluperfect"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBN" and verb.dep_ == "ROOT" and not auxes:
        return "past"  # "people converged on …" tagged as a participle
    if verb.tag_ == "VBG" and any(a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "progressive"
    return ""


def _event(sentence: Sentence, first: bool) -> list[Cue]:
    roots = [t for t in sentence.span if t.dep_ == "ROOT"]
    candidates = list(roots)
    for root in roots:
        if root.lemma_ in _SPEECH:
            candidates += [c for c in root.children if c.dep_ == "ccomp"]
    allowed = {"past", "perfect"} | ({"progressive"} if first else set())
    for verb in candidates:
        if verb.pos_ in ("VERB", "AUX") and _tense(verb) in allowed:
            return [_cue(sentence, EVENT, _verb_group(verb))]
    return []


def _causal(sentence: Sentence, links: list[CauseLink]) -> list[Cue]:
    cues: list[Cue] = []
    for link in links:
        a, b = link.connective_span
        text = sentence.text[a:b]
        if link.kind == SEQUENCE:
            cues.append(Cue(SEQUENCE, a, b, text))
            continue
        if link.kind in (CAUSE, PURPOSE) and link.cause_sentence == sentence.index:
            cues.append(Cue(CAUSE, a, b, text))
        if link.introduces == "effect":
            cues.append(Cue(CONSEQUENCE, a, b, text))
    roles = {c.role for c in cues}
    for role, pattern in ((CAUSE, _CAUSE_WORDS), (CONSEQUENCE, _CONSEQUENCE_WORDS)):
        if role not in roles:
            match = pattern.search(sentence.text)
            if match:
                cues.append(Cue(role, match.start(), match.end(), match.group()))
    return cues


def _reaction(sentence: Sentence) -> list[Cue]:
    for t in sentence.span:
        if t.lemma_ in _SPEECH and t.pos_ in ("VERB", "AUX") and t.dep_ != "amod":
            if t.lemma_ == "call" and not any(c.lower_ in ("for", "on") for c in t.children):
                continue  # "a mission called Quesst"
            if any(c.dep_ in ("nsubj", "nsubjpass", "ccomp") for c in t.children) or (
                t.dep_ in ("parataxis", "ccomp") and t.i > sentence.span.start
            ):
                return [_cue(sentence, REACTION, [t])]
    quote = _QUOTE.search(sentence.text)
    if quote and len(quote.group(1).split()) >= 3:
        return [Cue(REACTION, quote.start(), quote.end(), quote.group())]
    return []


def _comparison(sentence: Sentence) -> list[Cue]:
    tokens = list(sentence.span)
    figures = any(x.ent_type_ in ("PERCENT", "MONEY") for x in tokens)
    for k, t in enumerate(tokens):
        if t.tag_ in ("JJR", "RBR"):
            for j in range(k + 1, min(len(tokens), k + 8)):
                if tokens[j].lower_ == "than":
                    after = tokens[j + 1] if j + 1 < len(tokens) else None
                    if after is not None and not (
                        after.like_num or after.lower_ in ("about", "nearly", "almost", "some")
                    ):
                        return [_cue(sentence, COMPARISON, [t, tokens[j]])]
                    break
        if (
            t.tag_ in ("JJS", "RBS")
            and t.lower_ not in _NOT_SUPERLATIVE
            and k > 0
            and (tokens[k - 1].lower_ == "the" or tokens[k - 1].tag_ == "POS")
        ):
            return [_cue(sentence, COMPARISON, [t])]  # "the highest", "Ingenuity's longest"
        if t.pos_ == "VERB" and (t.lemma_ in _MULTIPLY or (t.lemma_ in _CHANGE and figures)):
            return [_cue(sentence, COMPARISON, [t])]
    match = _COMPARISON.search(sentence.text)
    if match:
        return [Cue(COMPARISON, match.start(), match.end(), match.group())]
    return []


def _latest_year(article: Article, body: list[bool]) -> int:
    years = [
        int(y)
        for s in article.sentences
        if body[s.index]
        for m in article.by_sentence().get(s.index, [])
        if m.label == "DATE"
        for y in _YEAR.findall(m.text)
    ]
    return max(years, default=0)


def _reported(verb: Any) -> bool:
    """A verb in what someone said ("NASA said it had carried out"): its past perfect is the
    tense shifted back by "said", not an earlier time."""
    return verb.dep_ == "ccomp" and verb.head.lemma_ in _SPEECH


def _background(sentence: Sentence, latest: int) -> list[Cue]:
    match = _BACKGROUND.search(sentence.text)
    if match:
        return [Cue(BACKGROUND, match.start(), match.end(), match.group())]
    for t in sentence.span:
        if (
            t.ent_type_ == "DATE"
            and t.like_num
            and _YEAR.fullmatch(t.text)
            and latest
            and int(t.text) < latest
        ):
            return [_cue(sentence, BACKGROUND, [t])]
        if t.tag_ == "VBN" and _tense(t) == "pluperfect" and not _reported(t):
            return [_cue(sentence, BACKGROUND, _verb_group(t))]
    return []


# -- coverage ----------------------------------------------------------------------------------


def coverage_bins(article: Article, n: int = 3) -> list[int]:
    """Which of ``n`` equal parts of the body (by characters) each sentence's middle falls in,
    0 to n-1, so a bank can take questions from every part: a long article's last third is
    as much the article as its lead. A non-body sentence takes the part of the next body
    sentence (a headline: 0), or of the last one at the end."""
    if n < 1:
        raise ValueError("n must be at least 1")
    body = body_mask(article)
    sizes = [len(s.text) if body[s.index] else 0 for s in article.sentences]
    total = sum(sizes)
    bins: list[int | None] = []
    done = 0
    for s, size in zip(article.sentences, sizes, strict=True):
        if not body[s.index] or total == 0:
            bins.append(None)
            continue
        bins.append(min(n - 1, int(n * (done + size / 2) / total)))
        done += size
    out: list[int] = []
    following: int | None = None
    filled: list[int | None] = list(bins)
    for i in range(len(filled) - 1, -1, -1):
        if filled[i] is None:
            filled[i] = following
        else:
            following = filled[i]
    last = 0
    for value in filled:
        last = value if value is not None else last
        out.append(last)
    return out
