"""What matters in an article: sentence importance, what each sentence does, where it sits.

A bank a teacher keeps asks about the main event, its causes and consequences, the reactions to
it and the comparisons that put it in scale, and covers the whole article, not the blank-able
tokens of whichever sentences come first. This module gives the rest of the generator four
views of an analysed :class:`~quiz.generate.article.Article` to choose by:

* :func:`sentence_importance`: how central each sentence is to the report, in [0, 1];
* :func:`sentence_roles` (with :func:`role_cues` for the words that show it): event, cause,
  consequence, sequence, reaction, comparison, background;
* :func:`coverage_bins`: which part (third, by default) of the body each sentence is in;

and :func:`cause_links`: the cause-effect links the article's own connectives write (for "Why
…?" and "What followed …?" questions), read by :mod:`quiz.generate.causes`.

Everything is a pure function of the article's parse: no I/O, no randomness, and each result is
computed once per article (kept in ``article.cache``; callers get their own copies). The cost is
one pass over the tokens plus a sparse sentence graph: about 5 ms for 1,000 words, against some
200 ms for spaCy's parse of them.

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

from quiz.generate.article import Article, Sentence
from quiz.generate.causes import CAUSE, PURPOSE, SEQUENCE, CauseLink, sentence_links
from quiz.generate.clean import body_spans
from quiz.generate.entities import is_heading
from quiz.generate.pronouns import resolve_pronoun

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
#: TextRank's damping factor, power-iteration budget and stopping point: the ranks sum to 1,
#: and a total change under 1e-4 no longer reorders sentences (it settles in 5-15 steps).
DAMPING = 0.85
STEPS = 30
TOLERANCE = 1e-4
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


# -- the token table ---------------------------------------------------------------------------

#: Columns of :class:`_Words` rows, in ``Doc.to_array`` order.
_ATTRS = (
    *("LOWER", "LEMMA", "POS", "TAG", "DEP", "HEAD", "ENT_TYPE", "IS_ALPHA", "IS_STOP"),
    *("LIKE_NUM", "LENGTH", "IDX"),
)
LOWER, LEMMA, POS, TAG, DEP, HEAD, ENT, ALPHA, STOP, NUM, LENGTH, IDX = range(len(_ATTRS))


@dataclass(frozen=True, slots=True)
class _Words:
    """A sentence's tokens as rows of spaCy's hashed attributes (``HEAD`` made absolute).

    Every signal and role looks at every token several times; a ``Token`` object per look
    costs more than all the arithmetic. One ``Doc.to_array`` per paragraph, and comparing
    hashes with the hashes of the word lists (:func:`_ids`), keeps the whole module at a few
    milliseconds for 1,000 words. The spaCy ``Token`` is still used where a parse tree is
    walked (children), only at the few words that need it.
    """

    first: int  # doc index of the sentence's first token
    rows: list[list[int]]


def _words(article: Article) -> list[_Words]:
    found = article.cache.get("rank.words")
    if found is None:
        tables: dict[int, list[list[int]]] = {}
        found = []
        for s in article.sentences:
            doc = s.span.doc
            table = tables.get(id(doc))
            if table is None:
                table = doc.to_array(list(_ATTRS)).tolist()
                for i, row in enumerate(table):
                    row[HEAD] = i + _signed(row[HEAD])
                tables[id(doc)] = table
            found.append(_Words(s.span.start, table[s.span.start : s.span.end]))
        article.cache["rank.words"] = found
    return found  # private: callers only read it


def _signed(value: int) -> int:
    """``to_array`` gives relative heads as unsigned 64-bit integers."""
    return value - (1 << 64) if value >= 1 << 63 else value


def _ids(article: Article) -> dict[str, Any]:
    """The hashes of every word and label this module compares with, from the article's own
    string store (hashes are stable; labels such as ``nsubj`` are fixed symbol ids)."""
    found = article.cache.get("rank.ids")
    if found is None:
        strings = article.sentences[0].span.doc.vocab.strings if article.sentences else None
        found = {}
        if strings is not None:
            for name, words in _WORD_LISTS.items():
                found[name] = frozenset(strings[w] for w in words)
            for label in _LABELS:
                found[label] = strings[label]
        article.cache["rank.ids"] = found
    return found


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


# -- cause links -------------------------------------------------------------------------------


def cause_links(article: Article) -> list[CauseLink]:
    """Every cause-effect (or sequence) link written in the article's body sentences, in text
    order (see :mod:`quiz.generate.causes` for how each connective is read). A sentence that
    opens with "As a result," or "This meant" takes its cause from the body sentence before it
    (a caption between them is skipped; a subhead ends the thread)."""
    found = article.cache.get("rank.cause_links")
    if found is None:
        body = body_mask(article)
        found = []
        previous: Sentence | None = None
        for s in article.sentences:
            if body[s.index]:
                found.extend(sentence_links(s, previous))
                previous = s
            elif is_heading(s):
                previous = None
        article.cache["rank.cause_links"] = found
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
    * **numbers** (0.15): an amount, percentage, sum of money or quantity (as the fact
      extractor reads them), full weight when the sentence also names a main entity, half
      otherwise. Key figures put the event in scale and make good questions; a count of "two",
      a year or the digits of a name do not count.

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
        ids = _ids(article)
        for s, words in zip(article.sentences, _words(article), strict=True):
            if raw[s.index] and _aside(words, ids):
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


def _aside(words: _Words, ids: dict[str, Any]) -> bool:
    """A generic definition: "A light year is …", "An exoplanet is …" (an indefinite subject
    of "be" as the main verb). It explains the report; it is not the report."""
    rows, first = words.rows, words.first
    for k, row in enumerate(rows):
        head = row[HEAD] - first
        if row[DEP] == ids["nsubj"] and 0 <= head < len(rows):
            if rows[head][DEP] == ids["ROOT"] and rows[head][LEMMA] in ids["be"]:
                return any(
                    r[HEAD] == first + k and r[DEP] == ids["det"] and r[LOWER] in ids["indefinite"]
                    for r in rows
                )
            return False
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


def _terms(article: Article, sentence: Sentence, words: _Words) -> set[int | str]:
    """Content lemmas (hashes of non-stop, alphabetic ``lemma_``) and the names of the entities
    a sentence mentions (strings, so an entity and a lemma never collide)."""
    out: set[int | str] = {
        row[LEMMA] for row in words.rows if row[ALPHA] and not row[STOP] and row[LENGTH] > 1
    }
    for m in article.by_sentence().get(sentence.index, []):
        if m.entity in article.entities:
            out.add(m.entity)
    return out


def _centrality(article: Article, body: list[bool]) -> list[float]:
    """TextRank (weighted PageRank) over sentences. Building the graph costs one step per pair
    of sentences that share a term; each power-iteration step one per edge."""
    words = _words(article)
    nodes = [s.index for s in article.sentences if body[s.index] or is_heading(s)]
    m = len(nodes)
    terms = [_terms(article, article.sentences[i], words[i]) for i in nodes]
    holders: dict[int | str, list[int]] = {}
    for k, found in enumerate(terms):
        for term in found:
            holders.setdefault(term, []).append(k)
    shared: Counter[tuple[int, int]] = Counter()
    for group in holders.values():
        for a in range(len(group) - 1):
            first = group[a]
            shared.update((first, b) for b in group[a + 1 :])
    size = [math.log(len(t) + 1) for t in terms]
    edges: list[list[tuple[int, float]]] = [[] for _ in range(m)]
    for (a, b), count in sorted(shared.items()):
        weight = count / (size[a] + size[b])
        edges[a].append((b, weight))
        edges[b].append((a, weight))
    # what each sentence passes on, per unit of its rank, along each edge
    passed = []
    for e in edges:
        strength = sum(w for _, w in e)
        passed.append([(i, DAMPING * w / strength) for i, w in e])
    rank = [1.0 / max(1, m)] * m
    base = (1 - DAMPING) / max(1, m)
    for _ in range(STEPS):
        new = [base] * m
        for j, out_edges in enumerate(passed):
            r = rank[j]
            for i, w in out_edges:
                new[i] += r * w
        delta = sum(abs(x - y) for x, y in zip(new, rank, strict=True))
        rank = new
        if delta < TOLERANCE:
            break
    out = [0.0] * len(article.sentences)
    for k, i in enumerate(nodes):
        out[i] = rank[k] if body[i] else 0.0
    return out


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
    """Entities a sentence names, or refers to with a subject "he"/"she" (cached)."""
    cache: dict[int, set[str]] = article.cache.setdefault("rank.named", {})
    found = cache.get(sentence.index)
    if found is None:
        found = {m.entity for m in article.by_sentence().get(sentence.index, [])}
        ids = _ids(article)
        base = sentence.span.start_char
        for row in _words(article)[sentence.index].rows:
            if row[LOWER] in ids["he_she"] and row[DEP] in ids["subject"]:
                who = resolve_pronoun(
                    article.sentences,
                    article.mentions,
                    article.entities,
                    sentence.index,
                    row[IDX] - base,
                )
                if who:
                    found.add(who)
        cache[sentence.index] = found
    return set(found)


def _salience(article: Article, body: list[bool]) -> list[float]:
    """Main entities named; a sentence whose subject refers back ("They also pledged", "The
    two leaders agreed" after "Japan's leader") keeps most of the previous one's salience."""
    main = _main_entities(article)
    words = _words(article)
    ids = _ids(article)
    out: list[float] = []
    previous: int | None = None
    for s in article.sentences:
        if not body[s.index]:
            out.append(0.0)
            continue
        value = min(1.5, sum(main.get(e, 0.0) for e in _named_in(article, s)))
        if previous is not None and _refers_back(words[s.index], words[previous], ids):
            value = max(value, 0.8 * out[previous])
        out.append(value)
        previous = s.index
    return out


def _refers_back(words: _Words, previous: _Words, ids: dict[str, Any]) -> bool:
    """The main subject is a pronoun, or "the" + a noun the previous sentence used."""
    rows, first = words.rows, words.first
    for k, row in enumerate(rows):
        head = row[HEAD] - first
        if row[DEP] in ids["subject"] and 0 <= head < len(rows) and rows[head][DEP] == ids["ROOT"]:
            if row[LOWER] in ids["pronoun"]:
                return True
            if row[POS] == ids["NOUN"] and any(
                r[HEAD] == first + k and r[LOWER] in ids["the"] for r in rows
            ):
                return any(p[LEMMA] == row[LEMMA] for p in previous.rows)
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
#: The word lists compared as hashes (see :func:`_ids`).
_WORD_LISTS: dict[str, set[str]] = {
    "speech": _SPEECH,
    "change": _CHANGE,
    "multiply": _MULTIPLY,
    "not_superlative": _NOT_SUPERLATIVE,
    "be": {"be"},
    "the": {"the"},
    "than": {"than"},
    "indefinite": {"a", "an"},
    "he_she": {"he", "she"},
    "pronoun": {"he", "she", "they", "it", "we"},
    "approximately": {"about", "nearly", "almost", "some", "around", "roughly"},
    "subject": {"nsubj", "nsubjpass"},
    "verb": {"VERB", "AUX"},
    "comparative": {"JJR", "RBR"},
    "superlative": {"JJS", "RBS"},
    "figure": {"PERCENT", "MONEY"},
    "possessive": {"POS", "PRP$"},
}
#: Words without which a role's regular expression cannot match: it is searched only when the
#: sentence has one (a set intersection instead of a search per sentence).
_KEYS = {
    "comparison_keys": {"compared", "comparison", "than", "from", "twice", "times", "record"}
    | {"since", "up", "down"},
    "background_keys": {"long", "past", "previously", "formerly", "historically", "ago", "last"}
    | {"recent", "years", "decades", "founded", "first", "earlier", "history"},
    "cause_keys": {"because", "owing", "result", "so", "order"},
    "consequence_keys": {"result", "therefore", "consequently", "means", "meant", "prompting"}
    | {"led", "leading", "resulted", "resulting"},
}
_WORD_LISTS.update(_KEYS)
_LABELS = ("nsubj", "ROOT", "det", "amod", "NOUN", "VERB", "DATE", "VBN")


def sentence_roles(article: Article) -> list[set[str]]:
    """What each sentence does, from its own words and parse (see :func:`role_cues`)."""
    return [{c.role for c in cues} for cues in role_cues(article)]


def role_cues(article: Article) -> list[list[Cue]]:
    """Per sentence, the roles it plays with the words that show each; non-body sentences none.

    * ``event``: a lead sentence (up to three of the first body paragraph; in wire copy, where
      a paragraph is one sentence, the first two) whose main verb is in the past or the present
      perfect (or, opening the article, the progressive: "is investigating"); for "X said
      (that) Y" the verb of Y counts too. The main event is what the lead reports.
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
    * ``background``: an earlier time than the report's: a year before the report's own
      (:func:`_current_year`), the past perfect ("had threatened"), or "has long", "in the past",
      "previously", "years ago", "last year"…
    """
    found = article.cache.get("rank.roles")
    if found is None:
        body = body_mask(article)
        links: dict[int, list[CauseLink]] = {}
        for link in cause_links(article):
            links.setdefault(link.sentence, []).append(link)
        lead = _lead_sentences(article, body)
        latest = _current_year(article, body, lead)
        ids = _ids(article)
        found = []
        for s, words in zip(article.sentences, _words(article), strict=True):
            if not body[s.index]:
                found.append([])
                continue
            cues: list[Cue] = []
            if s.index in lead:
                cues += _event(s, first=s.index == lead[0])
            lowers = {row[LOWER] for row in words.rows}
            cues += _causal(
                s,
                links.get(s.index, []),
                lowers & ids["cause_keys"],
                lowers & ids["consequence_keys"],
            )
            cues += _reaction(s, words, ids)
            cues += _comparison(s, words, ids, bool(lowers & ids["comparison_keys"]))
            cues += _background(s, words, ids, latest, bool(lowers & ids["background_keys"]))
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
    """The tense of the verb group headed by ``verb``: "past", "perfect", "pluperfect",
    "progressive" (present), or "" for anything else (present, future, modal)."""
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


def _causal(
    sentence: Sentence, links: list[CauseLink], cause_words: set[int], consequence_words: set[int]
) -> list[Cue]:
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
    for role, pattern, words in (
        (CAUSE, _CAUSE_WORDS, cause_words),
        (CONSEQUENCE, _CONSEQUENCE_WORDS, consequence_words),
    ):
        if role not in roles and words:
            match = pattern.search(sentence.text)
            if match:
                cues.append(Cue(role, match.start(), match.end(), match.group()))
    return cues


def _reaction(sentence: Sentence, words: _Words, ids: dict[str, Any]) -> list[Cue]:
    doc = sentence.span.doc
    for row_index, row in enumerate(words.rows):
        if (
            row[LEMMA] not in ids["speech"]
            or row[POS] not in ids["verb"]
            or row[DEP] == ids["amod"]
        ):
            continue
        t = doc[words.first + row_index]
        if t.lemma_ == "call" and not any(c.lower_ in ("for", "on") for c in t.children):
            continue  # "a mission called Quesst"
        if any(c.dep_ in ("nsubj", "nsubjpass", "ccomp") for c in t.children) or (
            t.dep_ in ("parataxis", "ccomp") and t.i > sentence.span.start
        ):
            return [_cue(sentence, REACTION, [t])]
    quote = _QUOTE.search(sentence.text) if "“" in sentence.text or '"' in sentence.text else None
    if quote and len(quote.group(1).split()) >= 3:
        return [Cue(REACTION, quote.start(), quote.end(), quote.group())]
    return []


def _comparison(sentence: Sentence, words: _Words, ids: dict[str, Any], keyed: bool) -> list[Cue]:
    rows = words.rows
    doc = sentence.span.doc
    for k, row in enumerate(rows):
        if row[TAG] in ids["comparative"]:
            for j in range(k + 1, min(len(rows), k + 8)):
                if rows[j][LOWER] in ids["than"]:
                    after = rows[j + 1] if j + 1 < len(rows) else None
                    if after is not None and not (
                        after[NUM] or after[LOWER] in ids["approximately"]
                    ):
                        first = words.first
                        return [_cue(sentence, COMPARISON, [doc[first + k], doc[first + j]])]
                    break
        if (
            row[TAG] in ids["superlative"]
            and row[LOWER] not in ids["not_superlative"]
            and k > 0
            and (rows[k - 1][LOWER] in ids["the"] or rows[k - 1][TAG] in ids["possessive"])
        ):  # "the highest", "Ingenuity's longest", "its lowest"
            return [_cue(sentence, COMPARISON, [doc[words.first + k]])]
        if row[POS] == ids["VERB"] and (
            row[LEMMA] in ids["multiply"]
            or (row[LEMMA] in ids["change"] and any(r[ENT] in ids["figure"] for r in rows))
        ):
            return [_cue(sentence, COMPARISON, [doc[words.first + k]])]
    match = _COMPARISON.search(sentence.text) if keyed else None
    if match:
        return [Cue(COMPARISON, match.start(), match.end(), match.group())]
    return []


def _current_year(article: Article, body: list[bool], lead: list[int]) -> int:
    """The year the report is written in, as far as the text says: the latest year its lead
    names, else the year it names most (the later on a tie); 0 when it names none. A year
    before it is background; a later one ("a full release in 2025") is not."""
    counts: Counter[int] = Counter()
    in_lead: list[int] = []
    by_sentence = article.by_sentence()
    for s in article.sentences:
        if not body[s.index]:
            continue
        for m in by_sentence.get(s.index, []):
            if m.label == "DATE":
                years = [int(y) for y in _YEAR.findall(m.text)]
                counts.update(years)
                if s.index in lead:
                    in_lead += years
    if in_lead:
        return max(in_lead)
    return max(counts, key=lambda y: (counts[y], y), default=0)


def _reported(verb: Any) -> bool:
    """A verb in what someone said ("NASA said it had carried out"): its past perfect is the
    tense shifted back by "said", not an earlier time."""
    return verb.dep_ == "ccomp" and verb.head.lemma_ in _SPEECH


def _background(
    sentence: Sentence, words: _Words, ids: dict[str, Any], latest: int, keyed: bool
) -> list[Cue]:
    match = _BACKGROUND.search(sentence.text) if keyed else None
    if match:
        return [Cue(BACKGROUND, match.start(), match.end(), match.group())]
    doc = sentence.span.doc
    for k, row in enumerate(words.rows):
        if row[ENT] == ids["DATE"] and row[NUM] and latest:
            t = doc[words.first + k]
            if _YEAR.fullmatch(t.text) and int(t.text) < latest:
                return [_cue(sentence, BACKGROUND, [t])]
        if row[TAG] == ids["VBN"]:
            t = doc[words.first + k]
            if _tense(t) == "pluperfect" and not _reported(t):
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
