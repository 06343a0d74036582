"""Options cut from the article's own text: the slice of a sentence a "Why …?" or "What
followed …?" question offers as its answer or as a wrong option.

A cause or an effect found by :mod:`quiz.generate.causes` is a set of tokens; read out whole it
is often a clause and a half. The parse cuts it to what a reader compares at a glance: a
reporting frame ("NASA said …"), a leading connective or adverbial before the subject, and
trailing modifiers that are whole subtrees (", which …", "in the …") are dropped, never a word
from the middle, and nothing longer than :data:`MAX_WORDS` words is offered.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from quiz.generate.article import Sentence
from quiz.generate.lexicon import SPEECH_VERBS
from quiz.generate.why_text import (
    OBJECT_DEPS,
    balanced,
    base_form,
    base_offset,
    render,
    subtree_ids,
    top_token,
    verb_subject,
)

#: An option longer than this many words is cut back (a reader compares four options at once).
MAX_WORDS = 14
#: Dependents that can be cut off the end of an option and leave a whole clause or phrase.
_DROPPABLE = {
    "prep", "advcl", "relcl", "acl", "conj", "cc", "punct", "appos", "advmod", "npadvmod",
    "agent", "parataxis", "dep", "meta",
}  # fmt: skip


def option_span(sentence: Sentence, ids: set[int]) -> tuple[int, int] | None:
    """A readable option cut from the words ``ids`` of ``sentence``: a character range of its
    text (so the option is the article's own words). The reporting frame, what stands before
    the subject, enclosing quotation marks and trailing modifiers past :data:`MAX_WORDS` go;
    None when no whole phrase is left."""
    found = option_spans(sentence, ids)
    return found[0] if found else None


def option_spans(sentence: Sentence, ids: set[int], every: bool = False) -> list[tuple[int, int]]:
    """:func:`option_span`'s ranges, best first; with ``every``, each shorter whole-phrase
    prefix too ("The mayor opened a library" as well as "… in the town centre"), so that a
    wrong option can be taken at the right answer's length."""
    doc = sentence.span.doc
    ids = {i for i in ids if sentence.span.start <= i < sentence.span.end}
    top = top_token(doc, ids)
    if top is None:
        return []
    if top.lemma_ in SPEECH_VERBS or top.lemma_ == "say":
        said = [c for c in top.children if c.dep_ == "ccomp" and c.i in ids]
        if said:
            ids = subtree_ids(said[0], ids)
            ids -= {c.i for c in said[0].children if c.dep_ == "mark"}
            top = said[0]
    subject = verb_subject(top, ids) if top.pos_ in ("VERB", "AUX") else None
    if subject is not None:
        ids = {i for i in ids if i >= subject.left_edge.i}
    run = _first_run(doc, ids)
    if not run:
        return []
    base = base_offset(sentence)
    out: list[tuple[int, int]] = []
    for k in _cuts(doc, run, every):
        span = _trimmed(doc, run[:k])
        if not span:
            continue
        start = doc[span[0]].idx - base
        end = doc[span[-1]].idx + len(doc[span[-1]].text) - base
        text = sentence.text[start:end]
        if text[:1] in '“"' and text[-1:] in '”"' and text.count(text[0]) == 1:
            start, end, text = start + 1, end - 1, text[1:-1]
        if balanced(text) and len(text.split()) <= MAX_WORDS and (start, end) not in out:
            out.append((start, end))
            if not every:
                break
    return out


def _first_run(doc: Any, ids: set[int]) -> list[int]:
    """The words of ``ids`` up to the first gap, without punctuation or a conjunction at the
    start."""
    ordered = sorted(ids)
    while ordered and (doc[ordered[0]].is_punct and doc[ordered[0]].text not in '“"'):
        ordered.pop(0)
    while ordered and doc[ordered[0]].dep_ in ("cc", "mark") and doc[ordered[0]].i != 0:
        ordered.pop(0)
    run: list[int] = []
    for i in ordered:
        if run and i != run[-1] + 1:
            break
        run.append(i)
    return run


def _trimmed(doc: Any, run: list[int]) -> list[int]:
    run = list(run)
    while run and (
        (doc[run[-1]].is_punct and doc[run[-1]].text not in '”")')
        or doc[run[-1]].dep_ in ("cc", "mark")
        or doc[run[-1]].lower_ in ("and", "or", "but", "which", "who", "that")
    ):
        run.pop()
    return run


def _cuts(doc: Any, run: list[int], every: bool = False) -> list[int]:
    """Where the option may end (how many words of ``run`` it keeps), best first: the whole run
    when short, else the longest whole-phrase prefix within :data:`MAX_WORDS` (a cut right
    before a comma preferred once an option passes ten words); with ``every``, all of them."""
    words = _word_counts(doc, run)
    if words[-1] <= 10 and not every:
        return [len(run)]
    valid = _closed(doc, run)
    fitting = [k for k in valid if words[k - 1] <= MAX_WORDS]
    at_comma = [k for k in fitting if k < len(run) and doc[run[k]].text in (",", ";", "–", "—")]
    at_comma = [k for k in at_comma if words[k - 1] >= 5 and words[-1] > 10]
    ordered = at_comma + [k for k in fitting if k not in at_comma]
    return [k for k in ordered if not _stub_after_comma(doc, run[:k])]


def _stub_after_comma(doc: Any, kept: list[int]) -> bool:
    """ "…, for adults": a cut that leaves one or two words after the last comma."""
    commas = [n for n, i in enumerate(kept[:-1]) if doc[i].text == ","]
    return bool(commas) and sum(not doc[i].is_punct for i in kept[commas[-1] + 1 :]) < 3


def _word_counts(doc: Any, run: list[int]) -> list[int]:
    out: list[int] = []
    count = 0
    for i in run:
        t = doc[i]
        if not t.is_punct and (not out or doc[i - 1].whitespace_ or doc[i - 1].is_punct):
            count += 1
        out.append(count)
    return out


def _closed(doc: Any, run: list[int]) -> list[int]:
    """The lengths k, longest first, at which ``run[:k]`` is whole: no word of it depends on a
    word cut off, and what is cut off hangs on it only as droppable modifiers."""
    first = run[0]
    n = len(run)
    toks = [doc[i] for i in run]
    head = [t.head.i - first for t in toks]  # the head's place in the run (may be outside)
    droppable = [t.dep_ in _DROPPABLE and not (t.dep_ == "prep" and t.lower_ == "of") for t in toks]
    # a verb's prepositional phrase goes only once its object is kept ("permits the import",
    # not "were to first meet"): the place of each verb's first object, n when it has none
    needs = [
        min(
            (c.i - first for c in t.children if c.dep_ in OBJECT_DEPS and c.i - first < n),
            default=n,
        )
        if t.pos_ in ("VERB", "AUX")
        else -1
        for t in toks
    ]
    prep = [t.dep_ == "prep" for t in toks]
    out: list[int] = []
    for k in range(n, 1, -1):
        if any(k <= head[j] < n and head[j] != j for j in range(k)):
            continue
        if any(
            0 <= head[j] < k and (not droppable[j] or (prep[j] and needs[head[j]] >= k))
            for j in range(k, n)
        ):
            continue
        out.append(k)
    return out


def to_infinitive(doc: Any, ids: set[int]) -> str | None:
    """ "the agency built the rocket" -> "to build the rocket": a clause as a purpose, for the
    wrong options of a "Why …? To …" question."""
    verb = top_token(doc, ids)
    if verb is None or verb.pos_ not in ("VERB", "AUX") or verb.tag_ in ("VBG",):
        return None
    if any(c.dep_ in ("neg", "auxpass") for c in verb.children) or verb.lemma_ == "be":
        return None  # "to be twenty times heavier" is no one's purpose
    head = base_form(verb)
    rest = render(doc, {i for i in ids if i > verb.i})
    return f"to {head} {rest}".strip()


def content_words(doc: Any, ids: Iterable[int]) -> frozenset[str]:
    """Lemmas of the words that carry meaning: what two options must not share most of."""
    return frozenset(
        doc[i].lemma_.lower()
        for i in ids
        if doc[i].pos_ in ("NOUN", "PROPN", "VERB", "ADJ", "NUM") and not doc[i].is_stop
    )
