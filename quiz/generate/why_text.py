"""The grammar of "Why …?" and "What followed …?" questions, from spaCy's parse and lemminflect.

A clause of the article becomes a question by moving its first auxiliary before the subject
("the launch was delayed" -> "Why was the launch delayed?"), or, when it has none, by adding the
"do" its tense and number call for and putting the verb in its base form ("Japan and South Korea
pledged closer ties" -> "Why did Japan and South Korea pledge closer ties?"). The parse says
which words are the subject, the auxiliaries and the verb; lemminflect gives "pledge" for
"pledged" and "broke" -> "break" from its own lexicon (shipped in its wheel: nothing is
downloaded), so no irregular verb is guessed by cutting suffixes off. A clause whose subject is a
pronoun the article does not resolve gives no question: "Why did it fail?" means nothing out of
the article.

Options (the right answer and the distractors) are slices of the article's own text, cut by the
same parse to a readable length: a reporting frame ("NASA said …"), a leading connective or
adverbial before the subject, and trailing modifiers that are whole subtrees (", which …",
"in the …") are dropped, never a word from the middle. :func:`option_span` gives the slice.
"""

from __future__ import annotations

import importlib
import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from quiz.generate.article import Article, Sentence
from quiz.generate.candidate import short_name
from quiz.generate.causes import _CAUSE_VERBS
from quiz.generate.lexicon import SPEECH_VERBS
from quiz.generate.pronouns import resolve_pronoun

#: An option longer than this many words is cut back (a reader compares four options at once).
MAX_WORDS = 14
#: Dependents that can be cut off the end of an option and leave a whole clause or phrase.
_DROPPABLE = {
    "prep", "advcl", "relcl", "acl", "conj", "cc", "punct", "appos", "advmod", "npadvmod",
    "agent", "parataxis", "dep", "meta",
}  # fmt: skip
#: "do" for a tense and number: a closed class, so a table; asking lemminflect for it would
#: load its whole inflection table (half a second) for every article.
_DO = {"VBD": "did", "VBZ": "does", "VBP": "do"}
_NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "LANGUAGE"}
_OBJECTS = {"dobj", "attr", "acomp", "oprd", "ccomp", "xcomp", "dative"}
_PLAIN_AUX = {
    "'re": "are",
    "’re": "are",
    "'ve": "have",
    "’ve": "have",
    "'ll": "will",
    "’ll": "will",
}
_DEMONSTRATIVES = {"this", "that", "these", "those"}
_QUOTES = '“”"'


@lru_cache(maxsize=1)
def lemminflect() -> Any:
    """The lemminflect module, imported on first use (its tables load lazily too). Raises
    ImportError when the ``generate`` extra is not installed."""
    return importlib.import_module("lemminflect")


def base_form(token: Any) -> str:
    """The verb's base form ("broke" -> "break"): lemminflect's lexicon, else spaCy's lemma."""
    found = lemminflect().getLemma(token.text.lower(), upos="VERB", lemmatize_oov=False)
    return str(found[0]) if found else str(token.lemma_.lower())


def inflect(lemma: str, tag: str) -> str:
    """``lemma`` in the Penn tag's form ("do", "VBZ" -> "does")."""
    found = lemminflect().getInflection(lemma, tag=tag)
    return str(found[0]) if found else lemma


def base_offset(sentence: Sentence) -> int:
    """Where ``sentence.text`` starts in its spaCy doc (the span may open with whitespace)."""
    return _layout(sentence)[0]


def token_ids(sentence: Sentence, start: int, end: int) -> set[int]:
    """The doc indices of the sentence's tokens inside characters [start, end) of its text."""
    base, starts, first = _layout(sentence)
    lo = bisect_left(starts, base + start)
    hi = bisect_left(starts, base + end)
    return set(range(first + lo, first + hi))


def _layout(sentence: Sentence) -> tuple[int, list[int], int]:
    """The sentence's text offset in its doc, its tokens' offsets and its first token index;
    kept in the doc's ``user_data`` (options and stems ask for token ranges hundreds of times
    per article, and the doc is what they belong to)."""
    span = sentence.span
    table = span.doc.user_data.setdefault("quiz.why.layout", {})
    found = table.get((span.start, span.end))
    if found is None:
        text = span.text
        base = int(span.start_char + len(text) - len(text.lstrip()))
        found = (base, [t.idx for t in span], span.start)
        table[(span.start, span.end)] = found
    return found[0], found[1], found[2]


def render(doc: Any, ids: Iterable[int], replace: dict[int, str] | None = None) -> str:
    """The words of ``ids`` as text; a comma or dash left beside a gap is dropped."""
    ordered = sorted(ids)
    keep = set(ordered)
    out: list[str] = []
    for n, i in enumerate(ordered):
        t = doc[i]
        gap_before = n > 0 and ordered[n - 1] != i - 1
        gap_after = n + 1 < len(ordered) and ordered[n + 1] != i + 1
        if t.is_punct and t.text not in _QUOTES + "()" and (gap_before or gap_after):
            continue
        if t.is_punct and t.text in ",;–—" and (i + 1 not in keep or i - 1 not in keep):
            continue
        word = (replace or {}).get(i, t.text)
        out.append(word + (" " if gap_after or t.whitespace_ else ""))
    text = re.sub(r"\s+", " ", "".join(out)).strip()
    text = re.sub(r"\s+([,.;:?!’”)])", r"\1", text)
    return text.strip(" ,;:–—").rstrip(".")


def _top(doc: Any, ids: set[int]) -> Any | None:
    """The one word of ``ids`` that heads the others (punctuation aside)."""
    top = None
    for i in ids:
        t = doc[i]
        head = t.head.i
        if (head == i or head not in ids) and not t.is_punct:
            if top is not None:
                return None
            top = t
    return top


def _subtree(tok: Any, ids: set[int]) -> set[int]:
    return {t.i for t in tok.subtree} & ids


def _subject(verb: Any, ids: set[int]) -> Any | None:
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") and c.i in ids and c.i < verb.i:
            return c
    return None


def _proper(tok: Any) -> bool:
    return bool(
        tok.pos_ == "PROPN"
        or tok.ent_type_ in _NAME_LABELS
        or tok.text == "I"
        or (tok.text.isupper() and len(tok.text) > 1)
    )


def _lower_first(doc: Any, ids: set[int], text: str) -> str:
    first = doc[min(ids)] if ids else None
    if first is None or _proper(first) or not text:
        return text
    return text[:1].lower() + text[1:]


def subject_text(article: Article, sentence: Sentence, subject: Any, ids: set[int]) -> str | None:
    """How a question names the clause's subject: an appositive name instead of the title
    before it ("Voice of America's leader, Amanda Bennett," -> "Amanda Bennett"), asides left
    out, "he"/"his" as the person meant (:func:`name_pronouns`); None for a pronoun the reader
    cannot place ("it", "they") or a "this …" whose referent is in another sentence."""
    doc = subject.doc
    tokens = _subtree(subject, ids)
    if subject.dep_ == "expl":
        return subject.lower_
    first = doc[min(tokens)]
    if first.lower_ in _DEMONSTRATIVES or (
        subject.pos_ == "PRON" and subject.lower_ not in _PERSONAL
    ):
        return None
    for child in subject.children:
        if child.dep_ == "appos" and child.i in tokens:
            part = _subtree(child, tokens)
            if child.pos_ == "PROPN" and child.ent_type_ == "PERSON":
                tokens = part
                break
            tokens -= part
        elif (
            child.dep_ == "relcl"
            and child.left_edge.i - 1 in tokens
            and doc[child.left_edge.i - 1].text == ","
        ):
            tokens -= _subtree(child, tokens)
    tokens -= _bracketed(doc, tokens)
    replace = name_pronouns(article, sentence, tokens)
    if not tokens or replace is None:
        return None
    text = render(doc, tokens, replace)
    return text if min(tokens) in replace else _lower_first(doc, tokens, text)


#: Pronouns a question can name from the article (:func:`facts.resolve_pronoun`: people only).
_PERSONAL = {"he", "him", "his", "she", "her"}


def name_pronouns(article: Article, sentence: Sentence, ids: set[int]) -> dict[int, str] | None:
    """Replacements naming each "he"/"him"/"his"/"she"/"her" of ``ids`` that no person named
    before it in ``ids`` binds ("Why did the investigators release him?" -> "… release
    Kargbo?"); None when one stays unresolved, since out of the article it means no one."""
    doc = sentence.span.doc
    out: dict[int, str] = {}
    named_before = False
    for i in sorted(ids):
        t = doc[i]
        if t.ent_type_ == "PERSON" or (t.pos_ == "PROPN" and t.dep_ in ("nsubj", "nsubjpass")):
            named_before = True
        if t.lower_ not in _PERSONAL or t.tag_ not in ("PRP", "PRP$") or named_before:
            continue
        name = resolve_pronoun(
            article.sentences,
            article.mentions,
            article.entities,
            sentence.index,
            t.idx - base_offset(sentence),
        )
        if not name:
            return None
        shown = short_name(article.entities.get(name), name)
        out[i] = f"{shown}’s" if t.tag_ == "PRP$" else shown
        named_before = True  # a second "his" means the same person: "Lopez's own party"
    return out


def _bracketed(doc: Any, ids: set[int]) -> set[int]:
    """Words in parentheses: an aside ("(NASA)") a question leaves out."""
    out: set[int] = set()
    inside = False
    for i in sorted(ids):
        if doc[i].text == "(":
            inside = True
        if inside:
            out.add(i)
        if doc[i].text == ")":
            inside = False
    return out


def _points_away(doc: Any, ids: set[int]) -> bool:
    """ "… to lose these jobs", "enough of these features": which ones is in another
    sentence, so the question would not stand on its own."""
    return any(doc[i].lower_ in _DEMONSTRATIVES and doc[i].dep_ == "det" for i in ids)


def balanced(text: str) -> bool:
    """No quotation or bracket cut in half."""
    return (
        text.count("“") == text.count("”")
        and text.count('"') % 2 == 0
        and text.count("(") == text.count(")")
    )


def why_question(article: Article, sentence: Sentence, ids: set[int]) -> str | None:
    """ "Why …?" for the clause made of the doc tokens ``ids``; None when it is not a clause
    with a subject the reader can place (see the module docstring)."""
    doc = sentence.span.doc
    verb = _top(doc, ids)
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    if (verb.lemma_ in SPEECH_VERBS or verb.lemma_ == "say") and any(
        c.dep_ == "ccomp" and c.i in ids for c in verb.children
    ):
        return None  # "Why did officials say …?": the parse hung the reason on the frame
    subject = _subject(verb, ids)
    if subject is None:
        return None
    subject_ids = _subtree(subject, ids)
    shown = subject_text(article, sentence, subject, ids)
    if shown is None:
        return None
    after = max(subject_ids)
    auxes = sorted(
        (c for c in verb.children if c.dep_ in ("aux", "auxpass") and after < c.i < verb.i),
        key=lambda c: c.i,
    )
    replace: dict[int, str] = {}
    drop: set[int] = set()
    if any(a.tag_ == "TO" for a in auxes):
        return None
    if auxes or verb.lemma_ == "be":
        moved = auxes[0] if auxes else verb
        front = _PLAIN_AUX.get(moved.lower_, moved.lower_)
        if front.startswith(("'", "’")):
            return None  # "'s", "'d": which verb it stands for is a guess
        drop.add(moved.i)
        nxt = doc[moved.i + 1] if moved.i + 1 < len(doc) else None
        if nxt is not None and nxt.lower_ in ("n't", "n’t") and nxt.i in ids:
            front += nxt.text
            drop.add(nxt.i)
    elif _tense(verb, subject) in _DO:
        front = _DO[_tense(verb, subject)]
        replace[verb.i] = base_form(verb)
        for conj in verb.conjuncts:
            if (
                conj.i in ids
                and conj.tag_ in ("VBD", "VBZ", "VBP", "VBN")
                and _subject(conj, ids) is None
            ):
                replace[conj.i] = base_form(conj)
    else:
        return None
    rest = {i for i in ids if i > after and i not in drop} - _bracketed(doc, ids)
    if _points_away(doc, rest):
        return None
    named = name_pronouns(article, sentence, subject_ids | rest)
    if named is None:
        return None
    replace.update({i: w for i, w in named.items() if i in rest})
    words = render(doc, rest, replace)
    if not words and not (auxes or verb.lemma_ == "be"):
        return None
    prompt = f"Why {front} {shown} {words}".strip() + "?"
    return prompt if balanced(prompt) else None


def what_caused_question(sentence: Sentence, verb: Any, effect: set[int]) -> str | None:
    """ "What led to …?" / "What caused …?" for an effect a causing verb takes as its object
    (or its subject, in the passive): the article's own verb, in its own tense."""
    doc = sentence.span.doc
    text = render(doc, effect)
    if not text or not balanced(text) or _points_away(doc, effect):
        return None
    text = _lower_first(doc, effect, text)
    # the preposition the connective itself takes ("led to", "resulted in"), never another
    preposition = [
        c.text
        for c in verb.children
        if c.dep_ in ("prep", "dative") and c.lower_ == _CAUSE_VERBS.get(verb.lemma_, "")
    ]
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    passive = any(c.dep_ == "agent" for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN"
    )
    if passive:
        present = any(a.tag_ in ("VBZ", "VBP") for a in auxes if a.dep_ == "auxpass")
        words = [inflect(verb.lemma_, "VBZ" if present else "VBD")]
    elif any(a.tag_ == "TO" for a in auxes):
        return None  # "is expected to lead to": whose expectation is another question
    elif auxes:
        words = [a.lower_ for a in auxes] + [verb.lower_]
    elif verb.tag_ == "VBD":
        words = [verb.lower_]
    elif verb.tag_ in ("VBZ", "VBP"):
        words = [inflect(verb.lemma_, "VBZ")]
    elif verb.tag_ == "VBG":  # ", prompting evacuations": the tense of the clause it hangs on
        present = verb.head.tag_ in ("VBZ", "VBP")
        words = [inflect(verb.lemma_, "VBZ" if present else "VBD")]
    else:
        return None
    if any(w.startswith(("'", "’")) for w in words):
        return None
    phrase = " ".join(words + preposition[:1])
    return f"What {phrase} {text}?"


def clause_subject(doc: Any, ids: set[int]) -> Any | None:
    """The subject of the clause ``ids`` is, when it is one (a finite verb heads it)."""
    verb = _top(doc, ids)
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    subject = _subject(verb, ids)
    finite = _tense(verb, subject) in ("VBD", "VBZ", "VBP", "MD") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ != "TO" for c in verb.children if c.i in ids
    )
    return subject if finite else None


def _tense(verb: Any, subject: Any | None) -> str:
    """The verb's tag, except that a participle with an active subject and no auxiliary ("the
    ice melted", tagged VBN) is a past tense the tagger misread."""
    if (
        verb.tag_ == "VBN"
        and subject is not None
        and subject.dep_ == "nsubj"
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    ):
        return "VBD"
    return str(verb.tag_)


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
    top = _top(doc, ids)
    if top is None:
        return []
    if top.lemma_ in SPEECH_VERBS or top.lemma_ == "say":
        said = [c for c in top.children if c.dep_ == "ccomp" and c.i in ids]
        if said:
            ids = _subtree(said[0], ids)
            ids -= {c.i for c in said[0].children if c.dep_ == "mark"}
            top = said[0]
    subject = _subject(top, ids) if top.pos_ in ("VERB", "AUX") else None
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
            (c.i - first for c in t.children if c.dep_ in _OBJECTS and c.i - first < n),
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
    verb = _top(doc, ids)
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


__all__ = [
    "MAX_WORDS",
    "balanced",
    "base_form",
    "clause_subject",
    "content_words",
    "inflect",
    "option_span",
    "render",
    "subject_text",
    "to_infinitive",
    "token_ids",
    "what_caused_question",
    "why_question",
]
