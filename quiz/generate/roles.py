"""What each sentence does: event, cause, consequence, sequence, reaction, comparison, background,
from its own words and parse, with the words that show it (:func:`role_cues`)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from quiz.generate.article import Article, Sentence
from quiz.generate.causes import CAUSE, PURPOSE, SEQUENCE, CauseLink
from quiz.generate.rank import LEAD, body_mask, cause_links
from quiz.generate.tokens import (
    DEP,
    ENT,
    LEMMA,
    LOWER,
    NUM,
    POS,
    SPEECH,
    TAG,
    Words,
    token_rows,
    word_ids,
)

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


# -- roles -------------------------------------------------------------------------------------

_QUOTE = re.compile(r"[“\"]([^“”\"]+)[”\"]")
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
        ids = word_ids(article)
        found = []
        for s, words in zip(article.sentences, token_rows(article), strict=True):
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
        if root.lemma_ in SPEECH:
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


def _reaction(sentence: Sentence, words: Words, ids: dict[str, Any]) -> list[Cue]:
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


def _comparison(sentence: Sentence, words: Words, ids: dict[str, Any], keyed: bool) -> list[Cue]:
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
    return verb.dep_ == "ccomp" and verb.head.lemma_ in SPEECH


def _background(
    sentence: Sentence, words: Words, ids: dict[str, Any], latest: int, keyed: bool
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
