"""The options of a "Why …?" or "What followed …?" question: the answer and wrong ones that are
events or causes of the same article, of one grammatical shape, none that is also true of the
asked link (a pool per article, built once)."""

from __future__ import annotations

from dataclasses import dataclass
from math import ceil
from typing import Any

from quiz.generate.article import Article, Sentence, normalise_key, usable_sentence
from quiz.generate.candidate import mentions_any
from quiz.generate.causes import PURPOSE, CauseLink
from quiz.generate.lexicon import PERSON_TITLES
from quiz.generate.option_text import (
    content_words,
    option_span,
    option_spans,
    to_infinitive,
)
from quiz.generate.rank import body_mask
from quiz.generate.why_text import (
    balanced,
    clause_subject,
    token_ids,
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
NOT_EVENTS = {
    "information", "future", "nature", "structure", "culture", "figure", "feature", "government",
    "department", "equipment", "environment", "instrument", "station", "nation", "population",
    "organization", "organisation", "institution", "region", "statement", "location", "element",
    "mission", "position", "condition", "situation", "question", "section", "moment",
    "document", "portion", "version", "addition", "direction", "generation", "collection",
    "creature", "temperature", "procedure", "literature", "picture", "signature", "mixture",
    "measure",
}  # fmt: skip
#: A noun that alone says nothing a reader can check: "the information", "the finding".
VAGUE = {
    "information", "finding", "result", "thing", "fact", "matter", "reason", "way", "data",
    "effect", "issue", "problem", "case", "event", "development", "work", "effort", "step",
}  # fmt: skip
#: The subject of a clause that can be turned into someone's purpose ("to build …").
_AGENTS = {"people", "company", "government", "agency", "team", "group", "country", "firm"}
_DETERMINERS = {
    "my", "our", "your", "his", "her", "its", "their", "this", "these", "that", "those", "such",
}  # fmt: skip
PRONOUNS = {"it", "its", "they", "their", "he", "his", "she", "her", "this", "these", "that"}
PERSONAL = {"he", "him", "his", "she", "her"}
FRAMES = {"come", "happen", "follow", "occur"}  # "The request came after …": no event


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


def shares(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two texts share most of their content words (of the smaller one)."""
    if not a or not b:
        return False
    a, b = stems(a), stems(b)
    return len(a & b) / min(len(a), len(b)) >= SHARED


def stems(words: frozenset[str]) -> frozenset[str]:
    """Words cut to four letters: "fence" and "fencing", "negotiate" and "negotiations" meet."""
    return frozenset(w[:4] for w in words)


# -- options ---------------------------------------------------------------------------------------


class Pool:
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
                or shares(o.content, key.content)
                or (stem and len(o.content & stem) / max(1, len(o.content)) >= 0.8)
                or mentions_any(prompt, [o.text])
                or any(shares(o.content, c.content) for c in chosen)
                or any(shares(o.content, b) for b in banned)
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
    """Every readable cut of the words ``ids`` (see :func:`option_text.option_spans`)."""
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
        pronoun=first.lower_ in PRONOUNS,
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
            and o.head not in VAGUE
            and o.text.split()[0].lower() not in _DETERMINERS
        )
    return [o for o in out if "“" not in o.text and '"' not in o.text]


def _eventive(lemma: str) -> bool:
    """Whether a noun names something that happens (a cause can be): "crash", "decision",
    "shooting"; not "information" or "station"."""
    if lemma in NOT_EVENTS:
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
