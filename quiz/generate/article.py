"""The parsed article as the generator sees it: sentences with their character offsets, mentions,
entities with their aliases, and facts (each with its key span in its sentence)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from quiz.generate.lexicon import LABEL, LIST_MARKER
from quiz.generate.values import Amount, When


@dataclass(slots=True)
class Sentence:
    index: int
    text: str
    paragraph: int
    start: int  # character offset in the article
    span: Any = field(repr=False, compare=False)  # the spaCy Span

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(slots=True)
class Mention:
    sentence: int
    start: int  # character offsets within the sentence
    end: int
    text: str
    label: str
    tokens: tuple[int, int]  # token offsets within the sentence's doc
    entity: str = ""  # canonical name after merging


@dataclass(slots=True)
class Entity:
    name: str
    label: str
    aliases: tuple[str, ...]
    count: int
    first: int  # sentence index of first mention
    evidence: bool = False  # the text itself says it is a person (title, role, speech)
    takes_the: bool = False  # written "the X" ("the Department of Homeland Security")


@dataclass(slots=True)
class XFact:
    """A fact found in a sentence. ``start`` is the key's character offset in the sentence."""

    kind: str
    key: str
    sentence: Sentence
    start: int
    label: str = ""
    entity: str = ""  # canonical entity name, for entity-like facts
    hedge: str = ""
    counted: str = ""  # what a number counts ("US soldiers")
    amount: Amount | None = None
    when: When | None = None
    speaker: str = ""  # for quotes
    speaker_is_person: bool = False
    role: str = ""  # for role facts: the role text; key is the role too
    person: str = ""  # for role facts: whose role
    subject_tokens: tuple[int, int] | None = None  # for events: the subject span (doc tokens)
    score: float = 0.0

    @property
    def end(self) -> int:
        return self.start + len(self.key)

    @property
    def fingerprint(self) -> str:
        """What identifies the fact across small edits: kind and key, normalised."""
        return f"{self.kind}|{normalise_key(self.key)}"


@dataclass(slots=True)
class Article:
    text: str
    sentences: list[Sentence]
    entities: dict[str, Entity]
    mentions: list[Mention]
    facts: list[XFact]
    #: Per-article lookups computed once (words of each sentence, mentions by sentence, ...).
    cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    #: The publication date, YYYY-MM-DD, when known: the year every reader of the day knows.
    published: str = ""

    def by_sentence(self) -> dict[int, list[Mention]]:
        """Mentions grouped by sentence index (built on first use, after extraction)."""
        found = self.cache.get("by_sentence")
        if found is None:
            found = {}
            for m in self.mentions:
                found.setdefault(m.sentence, []).append(m)
            self.cache["by_sentence"] = found
        return found


@lru_cache(maxsize=65536)
def normalise_key(text: str) -> str:
    return (
        re.sub(r"\s+", " ", text.replace("’", "'").replace("“", '"').replace("”", '"'))
        .strip()
        .casefold()
    )


# -- sentences ---------------------------------------------------------------------------------


def split_paragraphs(text: str) -> list[tuple[int, str]]:
    """Non-empty lines (a paragraph per line, as news text comes), with their offsets."""
    out: list[tuple[int, str]] = []
    offset = 0
    for line in text.split("\n"):
        start = len(line) - len(line.lstrip())
        stripped = line.strip()
        marker = LIST_MARKER.match(stripped)
        if marker:  # "- The company ...", "1. The plant ...": the sentence starts after the marker
            stripped = stripped[marker.end() :]
            start += marker.end()
        if stripped:
            assert text[offset + start : offset + start + len(stripped)] == stripped
            out.append((offset + start, stripped))
        offset += len(line) + 1
    return out


def build_sentences(paragraphs: list[tuple[int, str]], docs: list[Any]) -> list[Sentence]:
    sentences: list[Sentence] = []
    for p_index, ((offset, _), doc) in enumerate(zip(paragraphs, docs, strict=True)):
        for sent in doc.sents:
            text = sent.text.strip()
            if not text:
                continue
            sentences.append(
                Sentence(len(sentences), text, p_index, offset + sent.start_char, sent)
            )
    # spaCy sometimes ends a sentence inside a quotation: such fragments are kept (offsets stay
    # right) and :func:`usable_sentence` rejects them (unbalanced quotes).
    return sentences


#: A sentence spaCy started at a company's suffix (set EE: "Stores in Canada operated by Best Buy,
#: Wal-Mart Stores Inc. and HMV will also sell the cards" split after "Inc."; tuned).
_COMPANY_SUFFIX = re.compile(r"^(?:Inc|Corp|Co|Ltd|Plc|LLC|Bros|Cos)\.?(?:\s|,|$)")
#: What a sentence must have beside its speaker and its verb of saying to say something.
_SAID_WHAT = frozenset({"ccomp", "xcomp", "dobj", "attr", "acomp", "parataxis", "dative"})
_SAYING = frozenset({"say", "tell"})
#: Longer than this, a sentence whose verb of saying has nothing said is a misparse ("NASA
#: said in a press release that the X-59 …" read the clause as the release's), not a bare one.
_BARE_SAYING_WORDS = 8


def _says_nothing(sentence: Sentence) -> bool:
    """The sentence is a verb of saying with nothing said: "X said in a statement." (set EE: a
    true/false statement built on it had no claim to judge; tuned)."""
    span = sentence.span
    if span is None or sentence.words > _BARE_SAYING_WORDS:
        return False
    roots = [t for t in span if t.dep_ == "ROOT"]
    return (
        len(roots) == 1
        and roots[0].lemma_ in _SAYING
        and not any(child.dep_ in _SAID_WHAT for child in roots[0].children)
    )


def usable_sentence(sentence: Sentence) -> bool:
    """A sentence a question may rest on: a whole statement of sensible length."""
    text = sentence.text
    words = sentence.words
    if words < 6 or words > 55:
        return False
    if text.endswith("?") or text.endswith(":") or text[-1] not in ".!\"”’'":
        return False
    if (text.count("“") != text.count("”")) or text.count('"') % 2:
        return False
    if not text[0].isupper() and text[0] not in "“\"‘'":
        return False
    if _COMPANY_SUFFIX.match(text):
        return False  # "Inc. and HMV will also sell the cards.": cut after a company's "Inc."
    if _says_nothing(sentence):
        return False  # "Amazon.com Inc. said in a statement.": who said, and nothing said
    label = LABEL.match(text)
    if label and not any(
        t.pos_ in ("VERB", "AUX")
        for t in sentence.span
        if t.idx - sentence.span.start_char < label.end()
    ):
        return False  # "VOA: ...", "Aung Kyaw Moe, Deputy Minister: ...": an interview label
    if text.endswith(".") and words >= 8:
        return True  # a misparsed verb ("they host" read as a noun) should not cost the sentence
    return any(t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB") for t in sentence.span)
