"""What matters in an article: sentence importance, what each sentence does, where it sits.

A bank a teacher keeps asks about the main event, its causes and consequences, the reactions to
it and the comparisons that put it in scale, and covers the whole article, not the blank-able
tokens of whichever sentences come first. This module gives the rest of the generator four
views of an analysed :class:`~quiz.generate.article.Article` to choose by:

* :func:`sentence_importance`: how central each sentence is to the report, in [0, 1];
* :func:`quiz.generate.roles.sentence_roles` (with ``role_cues`` for the words that show it):
  event, cause, consequence, sequence, reaction, comparison, background;
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
from bisect import bisect_right
from collections import Counter
from typing import Any

from quiz.generate.article import Article, Sentence
from quiz.generate.causes import CauseLink, sentence_links
from quiz.generate.clean import body_spans
from quiz.generate.entities import is_heading
from quiz.generate.pronouns import resolve_pronoun
from quiz.generate.tokens import (
    ALPHA,
    DEP,
    HEAD,
    IDX,
    LEMMA,
    LENGTH,
    LOWER,
    POS,
    STOP,
    Words,
    token_rows,
    word_ids,
)

__all__ = [
    "CauseLink",
    "body_mask",
    "cause_links",
    "coverage_bins",
    "sentence_importance",
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
        ids = word_ids(article)
        for s, words in zip(article.sentences, token_rows(article), strict=True):
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


def _aside(words: Words, ids: dict[str, Any]) -> bool:
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


def _terms(article: Article, sentence: Sentence, words: Words) -> set[int | str]:
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
    words = token_rows(article)
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
        ids = word_ids(article)
        base = sentence.span.start_char
        for row in token_rows(article)[sentence.index].rows:
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
    words = token_rows(article)
    ids = word_ids(article)
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


def _refers_back(words: Words, previous: Words, ids: dict[str, Any]) -> bool:
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
