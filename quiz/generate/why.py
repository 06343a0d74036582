""" "Why …?" and "What followed …?" questions from the article's own cause and sequence links.

Blanking names and numbers tests whether a reader noticed a detail; asking why something
happened, or what followed it, tests whether they followed the story. The links come from
:func:`quiz.generate.rank.cause_links` (only where the article writes a connective: "because",
"due to", "led to", "as a result", "after", "so that" …), so the question never states a cause
the article does not.

* a link of kind ``cause`` or ``purpose`` gives "Why was the launch delayed?" (or, when the
  effect is a noun phrase a causing verb takes, "What led to the loss of communications?"),
  answered by the cause;
* a link of kind ``sequence`` gives "What happened after the bank collapsed?", answered by the
  effect.

The right answer is a slice of the article's text (cut to a readable option by
:func:`quiz.generate.why_text.option_span`), so the item review and ``select.violations`` find
it in the cited sentence. The wrong options are the article's other causes (for a "Why …?") or
other consequences (for a "What followed …?"), then the main clauses of its other sentences:
each true of the article but not the answer to this question. None of them is a cause of the
same effect (or a cause of the cause), none shares most of its words with the answer or
restates the question, and all have the answer's form (a clause, a noun phrase, "to …"), about
its length, and its casing. Without two such options there is no question: a "Why …?" with one
giveaway distractor teaches nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import ceil
from typing import Any

from quiz.generate.article import Article, Sentence, XFact, normalise_key, usable_sentence
from quiz.generate.candidate import Candidate, mentions_any
from quiz.generate.causes import _CAUSE_VERBS, CAUSE, PURPOSE, SEQUENCE, CauseLink
from quiz.generate.distractors import order_choices
from quiz.generate.lexicon import PERSON_TITLES
from quiz.generate.rank import body_mask, cause_links
from quiz.generate.why_text import (
    balanced,
    clause_subject,
    content_words,
    lemminflect,
    name_pronouns,
    option_span,
    option_spans,
    render,
    subject_text,
    to_infinitive,
    token_ids,
    what_caused_question,
    why_question,
)

#: Options per question: the answer and two or three wrong ones.
MIN_CHOICES, MAX_CHOICES = 3, 4
#: Two texts share "most words" when this share of the smaller one's content words is common.
SHARED = 0.5
#: Another link this close to the question's sentences is likely the same chain of events
#: ("the hard landing … the damaged blades … the power demand"): its cause is no wrong option.
NEARBY = 3
#: Nouns that name an event, and so a cause a noun-phrase answer can be confused with.
_EVENT_NOUNS = {
    "attack", "crash", "storm", "flood", "rain", "fire", "war", "vote", "election", "strike",
    "protest", "delay", "decision", "landing", "launch", "loss", "demand", "change", "damage",
    "shortage", "increase", "rise", "fall", "drop", "cut", "ban", "failure", "collapse",
    "outbreak", "pressure", "threat", "crisis", "shooting", "explosion", "accident", "drought",
    "heat", "cold", "weather", "pollution", "disease", "debt", "growth", "decline", "problem",
}  # fmt: skip
_EVENT_SUFFIXES = ("tion", "sion", "ment", "ure", "ance")
#: Not events, for all their endings.
_NOT_EVENTS = {
    "information", "future", "nature", "structure", "culture", "figure", "feature", "government",
    "department", "equipment", "environment", "instrument", "station", "nation", "population",
    "organization", "organisation", "institution", "region", "statement", "location", "element",
    "mission", "position", "condition", "situation", "question", "section", "moment",
    "document", "portion", "version", "addition", "direction", "generation", "collection",
    "creature", "temperature", "procedure", "literature", "picture", "signature", "mixture",
    "measure",
}  # fmt: skip
#: A noun that alone says nothing a reader can check: "the information", "the finding".
_VAGUE = {
    "information", "finding", "result", "thing", "fact", "matter", "reason", "way", "data",
    "effect", "issue", "problem", "case", "event", "development", "work", "effort", "step",
}  # fmt: skip
#: The subject of a clause that can be turned into someone's purpose ("to build …").
_AGENTS = {"people", "company", "government", "agency", "team", "group", "country", "firm"}
_DETERMINERS = {
    "my", "our", "your", "his", "her", "its", "their", "this", "these", "that", "those", "such",
}  # fmt: skip
_PRONOUNS = {"it", "its", "they", "their", "he", "his", "she", "her", "this", "these", "that"}
_PERSONAL = {"he", "him", "his", "she", "her"}
_FRAMES = {"come", "happen", "follow", "occur"}  # "The request came after …": no event


@dataclass(frozen=True, slots=True)
class Option:
    """A possible option: ``text`` as shown (capitalised, no final period); ``key`` the slice
    of sentence ``sentence`` at ``start`` it shows (empty for a rewritten wrong option)."""

    text: str
    sentence: int
    start: int
    key: str
    form: str  # "clause", "phrase" (a noun phrase) or "to" (a purpose: "to produce …")
    content: frozenset[str]
    pronoun: bool  # opens with a pronoun ("It was still being negotiated")
    personal: bool  # a pronoun past the first word, "we", "these …": unplaced in a wrong option
    link: int = -1  # the link it is a side of; -1 for a sentence's main clause
    head: str = ""  # the lemma of the word heading it

    @property
    def words(self) -> int:
        return len(self.text.split())


def why_candidates(article: Article) -> list[Candidate]:
    """One "Why …?" per cause or purpose link and one "What followed …?" per sequence link,
    where the article gives the question a grammatical stem and two plausible wrong options.
    Without lemminflect (the ``generate`` extra) there are none: the other builders go on."""
    try:
        lemminflect()
    except ImportError:
        return []
    links = cause_links(article)
    if not links:
        return []
    pool = _Pool(article, links)
    out: list[Candidate] = []
    for n, link in enumerate(links):
        built = _why(article, n, link, pool) if link.kind in (CAUSE, PURPOSE) else None
        if link.kind == SEQUENCE:
            built = _followed(article, n, link, pool)
        if built is not None:
            out.append(built)
    return out


# -- the two questions ---------------------------------------------------------------------------


def _why(article: Article, n: int, link: CauseLink, pool: _Pool) -> Candidate | None:
    sentence = article.sentences[link.sentence]
    source = article.sentences[link.cause_sentence]
    if not (usable_sentence(sentence) and usable_sentence(source)):
        return None
    effect = pool.effect_ids(n)
    verb = next(
        (
            t
            for t in (sentence.span.doc[i] for i in sorted(pool.connective_ids(n)))
            if t.pos_ == "VERB" and t.lemma_ in _CAUSE_VERBS
        ),
        None,
    )
    if verb is not None:
        prompt = what_caused_question(sentence, verb, effect)
    else:
        prompt = why_question(article, sentence, effect)
    key = pool.cause_option(n)
    if prompt is None or key is None or not _good_key(key, prompt):
        return None
    if link.kind == PURPOSE and key.form != "to" and link.connective.lower() != "so that":
        return None
    effect_words = content_words(sentence.span.doc, effect)
    related = {
        m
        for m in range(len(pool.links))
        if _shares(pool.effect_content(m), effect_words)
        or _shares(pool.effect_content(m), key.content)
    }
    wrong = pool.pick(key, prompt, {link.sentence, link.cause_sentence}, related, "cause")
    return _candidate("why", link, key, wrong, prompt, article)


def _followed(article: Article, n: int, link: CauseLink, pool: _Pool) -> Candidate | None:
    sentence = article.sentences[link.sentence]
    if not usable_sentence(sentence):
        return None
    key = pool.effect_option(n)
    earlier = _earlier(article, pool, n)
    if key is None or earlier is None or key.form != "clause" or key.pronoun:
        return None
    doc = sentence.span.doc
    subject = clause_subject(doc, token_ids(sentence, key.start, key.start + len(key.key)))
    head = subject.head if subject is not None else None
    if head is None or head.lemma_ in _FRAMES or not _past(head):
        return None
    asks = "What followed" if link.connective.lower() == "following" else "What happened after"
    prompt = f"{asks} {earlier}?"
    if not _good_key(key, prompt):
        return None
    cause_words = pool.cause_content(n)
    related = {m for m in range(len(pool.links)) if _shares(pool.cause_content(m), cause_words)}
    wrong = pool.pick(key, prompt, {link.sentence, link.cause_sentence}, related, "effect")
    return _candidate("followed", link, key, wrong, prompt, article)


def _earlier(article: Article, pool: _Pool, n: int) -> str | None:
    """What came first, as the stem names it: the cause clause with a "he"/"she" subject
    named, or the noun phrase; cut like an option."""
    link = pool.links[n]
    sentence = article.sentences[link.cause_sentence]
    span = option_span(sentence, pool.cause_ids(n))
    if span is None:
        return None
    doc = sentence.span.doc
    ids = token_ids(sentence, *span)
    if any(doc[i].tag_ in ("PRP", "PRP$") and doc[i].lower_ not in _PERSONAL for i in ids):
        return None  # "after a fire damaged its roof": whose roof is in the other clause
    subject = clause_subject(doc, ids)
    if subject is not None:
        named = subject_text(article, sentence, subject, ids)
        after = max(t.i for t in subject.subtree if t.i in ids)
        rest = {i for i in ids if i > after}
        names = name_pronouns(article, sentence, ids)
        if named is None or names is None:
            return None
        return f"{named} {render(doc, rest, {i: w for i, w in names.items() if i in rest})}"
    first = doc[min(ids)]
    names = name_pronouns(article, sentence, ids)
    if first.lower_ in _PRONOUNS or first.tag_ == "VBG" or len(ids) < 2 or names is None:
        return None  # "emptying out the base": whose doing is not said
    text = render(doc, ids, names)
    return text if first.pos_ == "PROPN" else text[:1].lower() + text[1:]


def _past(verb: object) -> bool:
    """Said as past (or perfect): "What happened after …?" fits; a plan or a rule does not."""
    tag = getattr(verb, "tag_", "")
    auxes = [c for c in getattr(verb, "children", []) if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" or a.tag_ == "TO" for a in auxes):
        return False
    return tag == "VBD" or any(a.tag_ == "VBD" or a.lemma_ == "have" for a in auxes)


def _good_key(key: Option, prompt: str) -> bool:
    """An answer a reader can take in: a clause of three words, or a phrase of two content
    words, at least ("the information" says nothing); no "this …" pointing at another sentence,
    no quotation (it would be the only quoted option), not in the stem."""
    first = key.text.split()[0].lower()
    if key.form == "phrase":
        enough = len(key.content) >= 2 or (
            len(key.content) == 1 and key.head not in _VAGUE | _NOT_EVENTS
        )
    else:
        enough = key.words >= 3 and bool(key.content)
    return (
        bool(enough)
        and first not in ("this", "these", "that", "those")
        and not any(q in key.text for q in '“”"')
        and not mentions_any(prompt, [key.text])
    )


def _candidate(
    form: str, link: CauseLink, key: Option, wrong: list[Option], prompt: str, article: Article
) -> Candidate | None:
    if len(wrong) < MIN_CHOICES - 1:
        return None
    key_sentence = article.sentences[key.sentence]
    other = article.sentences[link.cause_sentence if form == "followed" else link.sentence]
    sentences = [key_sentence]
    if other.index != key_sentence.index:
        # the pipeline quotes one stretch when both share a paragraph, else the last sentence:
        # the one the answer is in
        pair = sorted([other, key_sentence], key=lambda s: s.index)
        sentences = pair if other.paragraph == key_sentence.paragraph else [other, key_sentence]
    ident = f"{form}|{normalise_key(prompt)[:80]}"
    choices = order_choices(key.text, [w.text for w in wrong], ident)
    fact = XFact("event", key.key, key_sentence, key.start, label=form.upper())
    return Candidate(
        "multiple_choice",
        form,
        [fact],
        sentences,
        prompt,
        {"choices": tuple(choices), "answers": (key.text,)},
        explanation=_explain(sorted(sentences, key=lambda s: s.index)),
        key=ident,
    )


def _explain(sentences: list[Sentence]) -> str:
    text = " ".join(s.text for s in sentences)
    return f"The article says: “{text}”" if "“" not in text else f"From the article: {text}"


def _shares(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two texts share most of their content words (of the smaller one)."""
    if not a or not b:
        return False
    a, b = _stems(a), _stems(b)
    return len(a & b) / min(len(a), len(b)) >= SHARED


def _stems(words: frozenset[str]) -> frozenset[str]:
    """Words cut to four letters: "fence" and "fencing", "negotiate" and "negotiations" meet."""
    return frozenset(w[:4] for w in words)


# -- options ---------------------------------------------------------------------------------------


class _Pool:
    """The article's options, each computed once: the sides of its links, the main clause and
    the event noun phrases of each body sentence."""

    def __init__(self, article: Article, links: list[CauseLink]) -> None:
        self.article = article
        self.links = links
        self._memo: dict[tuple[str, int], Any] = {}
        self._events: list[Option] | None = None

    def _sentence(self, link: CauseLink, side: str) -> Sentence:
        index = link.cause_sentence if side == "cause" else link.sentence
        return self.article.sentences[index]

    def connective_ids(self, n: int) -> set[int]:
        found = self._memo.get(("connective", n))
        if found is None:
            link = self.links[n]
            found = token_ids(self.article.sentences[link.sentence], *link.connective_span)
            self._memo[("connective", n)] = found
        return set(found)

    def cause_ids(self, n: int) -> set[int]:
        found = self._memo.get(("cause_ids", n))
        if found is None:
            link = self.links[n]
            found = token_ids(self._sentence(link, "cause"), *link.cause) - self.connective_ids(n)
            self._memo[("cause_ids", n)] = found
        return set(found)

    def effect_ids(self, n: int) -> set[int]:
        found = self._memo.get(("effect_ids", n))
        if found is None:
            link = self.links[n]
            found = token_ids(self._sentence(link, "effect"), *link.effect)
            found -= self.connective_ids(n)
            if link.cause_sentence == link.sentence:
                found -= self.cause_ids(n)
            self._memo[("effect_ids", n)] = found
        return set(found)

    def cause_content(self, n: int) -> frozenset[str]:
        found = self._memo.get(("cause_content", n))
        if found is None:
            doc = self._sentence(self.links[n], "cause").span.doc
            found = content_words(doc, self.cause_ids(n))
            self._memo[("cause_content", n)] = found
        return frozenset(found)

    def effect_content(self, n: int) -> frozenset[str]:
        found = self._memo.get(("effect_content", n))
        if found is None:
            doc = self._sentence(self.links[n], "effect").span.doc
            found = content_words(doc, self.effect_ids(n))
            self._memo[("effect_content", n)] = found
        return frozenset(found)

    def cause_option(self, n: int) -> Option | None:
        memo = ("cause", n)
        if memo not in self._memo:
            link = self.links[n]
            ids = self.cause_ids(n)
            sentence = self._sentence(link, "cause")
            if link.kind == PURPOSE and link.connective.lower().endswith(" to"):
                to = [i for i in self.connective_ids(n) if sentence.span.doc[i].lower_ == "to"]
                ids |= set(to[-1:])
            self._memo[memo] = _option(sentence, ids, n)
        found = self._memo[memo]
        return found if isinstance(found, Option) else None

    def effect_option(self, n: int) -> Option | None:
        memo = ("effect", n)
        if memo not in self._memo:
            link = self.links[n]
            self._memo[memo] = _option(self._sentence(link, "effect"), self.effect_ids(n), n)
        found = self._memo[memo]
        return found if isinstance(found, Option) else None

    def events(self) -> list[Option]:
        """The main clause and the event noun phrases of every usable body sentence."""
        if self._events is None:
            self._events = []
            body = body_mask(self.article)
            for s in self.article.sentences:
                if body[s.index] and usable_sentence(s):
                    self._events.extend(_sentence_options(s))
        return self._events

    def _people(self, prompt: str) -> set[str]:
        """The words of the prompt that name one of the article's people (what the item review's
        key-names-stem-person advice looks for)."""
        words = self._memo.get(("people", 0))
        if not isinstance(words, frozenset):
            words = frozenset(
                w
                for e in self.article.entities.values()
                if e.label == "PERSON"
                for name in (e.name, *e.aliases)
                for w in name.split()
                if w[:1].isupper()
            )
            self._memo[("people", 0)] = words
        return {w.strip("?,’'") for w in prompt.split()[1:]} & words

    def pick(
        self, key: Option, prompt: str, sentences: set[int], related: set[int], side: str
    ) -> list[Option]:
        """Up to three wrong options for ``key``: the other links' ``side`` first, then the
        article's other events; never from ``sentences`` (the question's own) or from the
        ``related`` links (a cause of the same effect, or of the cause)."""
        pool: list[tuple[int, Option]] = []
        banned: list[frozenset[str]] = []  # what the left-out links say: no option may echo it
        for m in range(len(self.links)):
            other = self.links[m]
            near = any(
                abs(a - b) <= NEARBY
                for a in (other.sentence, other.cause_sentence)
                for b in sentences
            )
            if m in related or near:
                banned.append(self.cause_content(m) if side == "cause" else self.effect_content(m))
                continue
            found = self.cause_option(m) if side == "cause" else self.effect_option(m)
            if found is not None:
                pool.append((0, found))
        pool.extend((1, o) for o in self.events())
        if key.form == "to":
            pool.extend((2, o) for o in _as_purposes(self.article, self.events()))
        stem = content_words_of(prompt)
        low, high = max(2, ceil(key.words / 2)), key.words * 2 + 2
        ranked = sorted(
            ((g, o) for g, o in pool if o.form == key.form and low <= o.words <= high),
            key=lambda p: (
                p[0],
                abs(p[1].words - key.words) // 3,
                p[1].sentence,
                abs(p[1].words - key.words),
            ),
        )
        used = set(sentences)
        chosen: list[Option] = []
        seen = {normalise_key(key.text)}
        for _, o in ranked:
            folded = normalise_key(o.text)
            if (
                o.sentence in used
                or folded in seen
                or any(folded in s or s in folded for s in seen)
                or (o.pronoun and not key.pronoun)
                or o.personal
                or _shares(o.content, key.content)
                or (stem and len(o.content & stem) / max(1, len(o.content)) >= 0.8)
                or mentions_any(prompt, [o.text])
                or any(_shares(o.content, c.content) for c in chosen)
                or any(_shares(o.content, b) for b in banned)
            ):
                continue
            chosen.append(o)
            used.add(o.sentence)
            seen.add(folded)
            if len(chosen) == MAX_CHOICES - 1:
                break
        names = self._people(prompt) & set(key.text.split())
        if names and not any(names & set(o.text.split()) for o in chosen):
            return []  # only the right answer would repeat the name the question asks about
        longest = max((len(o.text) for o in chosen), default=0)
        if len(key.text) >= 1.3 * longest and len(key.text) - longest >= 10:
            return []  # the right answer would be by far the longest: a giveaway
        return chosen


def content_words_of(text: str) -> frozenset[str]:
    """Lower-cased words of four letters or more: a cheap stand-in for a prompt's content."""
    return frozenset(w.lower() for w in text.replace("?", " ").split() if len(w) >= 4)


def _option(sentence: Sentence, ids: set[int], link: int = -1) -> Option | None:
    span = option_span(sentence, ids)
    return None if span is None else _made(sentence, span, link)


def _variants(sentence: Sentence, ids: set[int]) -> list[Option]:
    """Every readable cut of the words ``ids`` (see :func:`why_text.option_spans`)."""
    made = (_made(sentence, span) for span in option_spans(sentence, ids, every=True))
    return [o for o in made if o is not None]


def _made(sentence: Sentence, span: tuple[int, int], link: int = -1) -> Option | None:
    start, end = span
    verbatim = sentence.text[start:end]
    doc = sentence.span.doc
    kept = token_ids(sentence, start, end)
    if not kept or not balanced(verbatim):
        return None
    first = doc[min(kept)]
    if first.lower_ == "to" and first.tag_ == "TO":
        form = "to"
    elif clause_subject(doc, kept) is not None:
        form = "clause"
    elif any(doc[i].pos_ in ("VERB", "AUX") and doc[i].dep_ == "ROOT" for i in kept):
        return None  # a verb phrase without its subject reads as neither
    else:
        form = "phrase"
    text = verbatim.rstrip(".")
    return Option(
        text=text[:1].upper() + text[1:],
        sentence=sentence.index,
        start=start,
        key=text,
        form=form,
        content=content_words(doc, kept),
        pronoun=first.lower_ in _PRONOUNS,
        personal=any(
            (
                doc[i].tag_ in ("PRP", "PRP$")
                and (i != first.i or doc[i].lower_ not in ("it", "they"))
            )
            or (doc[i].dep_ == "det" and doc[i].lower_ in _DETERMINERS)
            for i in kept
        ),
        link=link,
        head=_top_lemma(doc, kept),
    )


def _top_lemma(doc: Any, ids: set[int]) -> str:
    tops = [doc[i] for i in ids if doc[i].head.i not in ids or doc[i].head.i == i]
    return str(tops[0].lemma_.lower()) if len(tops) == 1 else ""


def _sentence_options(sentence: Sentence) -> list[Option]:
    """A body sentence's main clause (coordinated clauses left out) and its event noun phrases,
    as wrong options: both are what the article says happened, neither is asked about."""
    span = sentence.span
    root = span.root
    out: list[Option] = []
    clause = {t.i for t in root.subtree}
    for c in root.children:
        if c.dep_ == "conj" and c.i > root.i and c.pos_ in ("VERB", "AUX"):
            clause -= {t.i for t in c.subtree}
            clause -= {t.i for t in root.children if t.dep_ == "cc" and t.i < c.i}
    out.extend(o for o in _variants(sentence, clause) if o.form == "clause" and not o.pronoun)
    for t in span:
        if t.pos_ != "NOUN" or t.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "attr"):
            continue
        if not _eventive(t.lemma_.lower()):
            continue
        out.extend(
            o
            for o in _variants(sentence, {x.i for x in t.subtree})
            if o.form == "phrase"
            and (len(o.content) >= 2 or o.head in _EVENT_NOUNS)
            and o.head not in _VAGUE
            and o.text.split()[0].lower() not in _DETERMINERS
        )
    return [o for o in out if "“" not in o.text and '"' not in o.text]


def _eventive(lemma: str) -> bool:
    """Whether a noun names something that happens (a cause can be): "crash", "decision",
    "shooting"; not "information" or "station"."""
    if lemma in _NOT_EVENTS:
        return False
    return (
        lemma in _EVENT_NOUNS
        or lemma.endswith(_EVENT_SUFFIXES)
        or (lemma.endswith("ing") and len(lemma) > 6 and lemma not in ("building", "meeting"))
    )


def _as_purposes(article: Article, events: list[Option]) -> list[Option]:
    """The article's main clauses as purposes ("to build the rocket"), for a "Why …? To …"
    question whose article states no other purpose."""
    out: list[Option] = []
    for o in events:
        if o.form != "clause":
            continue
        sentence = article.sentences[o.sentence]
        doc = sentence.span.doc
        ids = token_ids(sentence, o.start, o.start + len(o.key))
        subject = clause_subject(doc, ids)
        agent = subject is not None and (
            subject.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
            or subject.lemma_.lower() in PERSON_TITLES | _AGENTS
        )
        text = to_infinitive(doc, ids) if agent else None
        if text is None or len(text.split()) < 3:
            continue
        out.append(
            Option(
                text=text[:1].upper() + text[1:],
                sentence=o.sentence,
                start=-1,
                key="",
                form="to",
                content=o.content,
                pronoun=False,
                personal=o.personal or " us " in f" {text} " or " our " in f" {text} ",
            )
        )
    return out


__all__ = ["Option", "why_candidates"]
