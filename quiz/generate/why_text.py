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
same parse to a readable length (:mod:`quiz.generate.option_text`).
"""

from __future__ import annotations

import importlib
import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from quiz.generate.article import Article, Sentence
from quiz.generate.candidate import short_name
from quiz.generate.cause_words import CAUSE_VERBS
from quiz.generate.lexicon import SPEECH_VERBS
from quiz.generate.pronouns import resolve_pronoun

#: "do" for a tense and number: a closed class, so a table; asking lemminflect for it would
#: load its whole inflection table (half a second) for every article.
_DO = {"VBD": "did", "VBZ": "does", "VBP": "do"}
_NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "LANGUAGE"}
OBJECT_DEPS = {"dobj", "attr", "acomp", "oprd", "ccomp", "xcomp", "dative"}
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


def load_tables(cache_dir: Path | None = None) -> None:
    """Load lemminflect's lemma and inflection tables now (once per process; nothing is
    downloaded: they ship in its wheel), as spaCy's model is loaded, before any article:
    otherwise the first "Why …?" of a run pays for them, inside that article's drafting. From
    ``cache_dir`` when given (:mod:`quiz.generate.lemma_tables`: 0.06 s rather than 0.4 s).
    Without the ``generate`` extra there is nothing to load."""
    try:
        module = lemminflect()
    except ImportError:
        return
    from quiz.generate.lemma_tables import load_tables as load

    load(module, cache_dir)
    module.getLemma("broke", upos="VERB", lemmatize_oov=False)  # and the overrides
    module.getInflection("do", tag="VBZ")


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


def top_token(doc: Any, ids: set[int]) -> Any | None:
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


def subtree_ids(tok: Any, ids: set[int]) -> set[int]:
    return {t.i for t in tok.subtree} & ids


def verb_subject(verb: Any, ids: set[int]) -> Any | None:
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
    tokens = subtree_ids(subject, ids)
    if subject.dep_ == "expl":
        return subject.lower_
    first = doc[min(tokens)]
    if first.lower_ in _DEMONSTRATIVES or (
        subject.pos_ == "PRON" and subject.lower_ not in _PERSONAL
    ):
        return None
    for child in subject.children:
        if child.dep_ == "appos" and child.i in tokens:
            part = subtree_ids(child, tokens)
            if child.pos_ == "PROPN" and child.ent_type_ == "PERSON":
                tokens = part
                break
            tokens -= part
        elif (
            child.dep_ == "relcl"
            and child.left_edge.i - 1 in tokens
            and doc[child.left_edge.i - 1].text == ","
        ):
            tokens -= subtree_ids(child, tokens)
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


def _set_off(doc: Any, verb: Any) -> set[int]:
    """A phrase of the verb set off by commas ("are thus, in a manner of speaking, a way …"): an
    aside, not what the question asks."""
    out: set[int] = set()
    for c in verb.children:
        if c.dep_ != "prep":
            continue
        sub = [t.i for t in c.subtree]
        first, last = min(sub), max(sub)
        if (
            first > 0
            and last + 1 < len(doc)
            and doc[first - 1].text == ","
            and doc[last + 1].text == ","
        ):
            out.update(sub)
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
        and text.count("‘") <= text.count("’")  # ’ is also the apostrophe
    )


def why_question(article: Article, sentence: Sentence, ids: set[int]) -> str | None:
    """ "Why …?" for the clause made of the doc tokens ``ids``; None when it is not a clause
    with a subject the reader can place (see the module docstring)."""
    doc = sentence.span.doc
    verb = top_token(doc, ids)
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    if (verb.lemma_ in SPEECH_VERBS or verb.lemma_ == "say") and any(
        c.dep_ == "ccomp" and c.i in ids for c in verb.children
    ):
        return None  # "Why did officials say …?": the parse hung the reason on the frame
    subject = verb_subject(verb, ids)
    if subject is None:
        return None
    subject_ids = subtree_ids(subject, ids)
    shown = subject_text(article, sentence, subject, ids)
    if not shown or not subject_ids or shown.split()[-1].lower() in ("and", "or", "but"):
        return None  # the parse cut the subject: "Why are a way of reading minds and …?"
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
                and verb_subject(conj, ids) is None
            ):
                replace[conj.i] = base_form(conj)
    else:
        return None
    rest = {i for i in ids if i > after and i not in drop} - _bracketed(doc, ids)
    rest -= _set_off(doc, verb)
    if _points_away(doc, rest):
        return None
    named = name_pronouns(article, sentence, subject_ids | rest)
    if named is None:
        return None
    replace.update({i: w for i, w in named.items() if i in rest})
    words = render(doc, rest, replace)
    if not words:
        return None  # "Why are magnetic-resonance imagers?": nothing is asked
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
        if c.dep_ in ("prep", "dative") and c.lower_ == CAUSE_VERBS.get(verb.lemma_, "")
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
    verb = top_token(doc, ids)
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    subject = verb_subject(verb, ids)
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


__all__ = [
    "OBJECT_DEPS",
    "balanced",
    "base_form",
    "clause_subject",
    "inflect",
    "render",
    "subject_text",
    "subtree_ids",
    "token_ids",
    "top_token",
    "verb_subject",
    "what_caused_question",
    "why_question",
]
