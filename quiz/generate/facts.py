"""From parsed text to facts: entities (aliases merged), numbers, dates, quotes, roles, events.

Works on spaCy ``Doc`` objects handed in by :mod:`quiz.generate.pipeline`; never imports spaCy
itself. Every fact keeps its sentence verbatim and the character offset of its key span in it,
so that questions can blank or swap exactly that span.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from quiz.generate.values import HEDGES, VAGUE, VAGUE_WHEN, Amount, When, parse_amount, parse_when

PERSON_TITLES = {
    "president",
    "minister",
    "secretary",
    "chairman",
    "chairwoman",
    "chair",
    "leader",
    "director",
    "governor",
    "mayor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chief",
    "official",
    "ambassador",
    "senator",
    "judge",
    "general",
    "commander",
    "king",
    "queen",
    "prince",
    "princess",
    "professor",
    "dr",
    "mr",
    "mrs",
    "ms",
    "premier",
    "chancellor",
    "ceo",
    "founder",
    "head",
    "coach",
    "captain",
    "deputy",
    "envoy",
    "representative",
    "prosecutor",
    "lawyer",
    "attorney",
    "author",
    "researcher",
    "scientist",
    "editor",
    "manager",
    "officer",
    "aide",
    "member",
    "lawmaker",
    "candidate",
    "winner",
    "analyst",
    "engineer",
    "doctor",
    "teacher",
    "nurse",
    "reporter",
    "journalist",
    "economist",
    "expert",
    "activist",
    "student",
    "resident",
    "farmer",
    "worker",
    "actor",
    "singer",
    "player",
    "diplomat",
    "adviser",
    "advisor",
    "negotiator",
    "physician",
    "surgeon",
    "astronaut",
    "pilot",
    "owner",
    "executive",
    "president-elect",
    "nominee",
    "appointee",
    "inspector",
    "commissioner",
    "sheriff",
    "detective",
    "priest",
    "bishop",
    "administrator",
    "fellow",
    "rancher",
    "astronomer",
    "biologist",
    "physicist",
    "chemist",
    "lecturer",
    "historian",
    "investigator",
}
#: The last word of a name that makes it a thing, not a person or an organisation.
THING_WORDS = {
    "telescope",
    "crater",
    "rover",
    "spacecraft",
    "satellite",
    "observatory",
    "system",
    "strategy",
    "program",
    "programme",
    "index",
    "app",
    "mission",
    "rocket",
    "engine",
    "rotorcraft",
    "helicopter",
    "aircraft",
    "module",
    "lander",
    "orbiter",
    "probe",
    "card",
    "pass",
    "space",
}
#: One-word "names" that only refer back to an organisation named elsewhere.
GENERIC_ORGS = {
    "department",
    "ministry",
    "agency",
    "board",
    "foundation",
    "council",
    "committee",
    "commission",
    "government",
    "administration",
    "office",
    "bureau",
    "company",
    "university",
    "institute",
    "center",
    "centre",
    "court",
    "police",
    "army",
    "navy",
    "party",
    "union",
    "association",
    "authority",
    "secretariat",
    "cabinet",
    "parliament",
}
#: Planets and the like: places, whatever label the model gives them.
CELESTIAL = {"Mercury", "Venus", "Earth", "Mars", "Jupiter", "Saturn", "Uranus", "Neptune", "Pluto"}
#: Kinds of organisation told apart by the last word of the name: a university is not offered
#: for a journal.
ORG_KINDS = {
    "academic": {"university", "college", "institute", "school", "academy", "laboratory"},
    "publication": {"journal", "letters", "magazine", "times", "post", "review", "gazette"},
    # places run by an organisation, not organisations: never options for one (blind rating)
    "facility": {"station", "center", "centre", "headquarters", "complex", "airport", "base"},
    "media": {"television", "tv", "radio", "youtube", "channel", "app", "website"},
    "official": {"general", "secretary", "minister", "commissioner", "spokesperson"},
}
HONORIFICS = {"mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr.", "sir", "dame"}
SPEECH_VERBS = {
    "say",
    "state",
    "tell",
    "write",
    "add",
    "declare",
    "warn",
    "announce",
    "insist",
    "argue",
    "explain",
    "note",
    "claim",
    "stress",
    "ask",
}
AGREE_VERBS = {
    "agree",
    "pledge",
    "promise",
    "vow",
    "commit",
    "decide",
    "sign",
    "approve",
    "adopt",
    "resolve",
    "undertake",
    "plan",
}
SUBJECT_PRONOUNS = {
    "he",
    "she",
    "they",
    "it",
    "him",
    "her",
    "them",
    "his",
    "its",
    "their",
    "hers",
    "theirs",
    "himself",
    "herself",
    "itself",
    "themselves",
}
_KIND_OF_LABEL = {
    "PERSON": "person",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "ORG": "organisation",
    "NORP": "term",
    "EVENT": "event",
    "LAW": "policy",
    "WORK_OF_ART": "term",
    "PRODUCT": "term",
    "LANGUAGE": "term",
}
_NUMBER_LABELS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
_DATE_LABELS = {"DATE", "TIME"}
_QUOTE = re.compile(r"[“\"]([^“”\"]{3,}?)[”\"]")
_ACRONYM = re.compile(r"\(([A-Z][A-Z.&]{1,9})\)")
_LIST_MARKER = re.compile(r"^(?:[-*•–]|\d{1,2}[.)])\s+")
_LABEL = re.compile(r"^[^.!?:“\"]{1,80}:\s")
_OR_ACRONYM = re.compile(r"^,? or ([A-Z][A-Z.&]{1,9})\b")


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
        marker = _LIST_MARKER.match(stripped)
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
    label = _LABEL.match(text)
    if label and not any(
        t.pos_ in ("VERB", "AUX")
        for t in sentence.span
        if t.idx - sentence.span.start_char < label.end()
    ):
        return False  # "VOA: ...", "Aung Kyaw Moe, Deputy Minister: ...": an interview label
    if text.endswith(".") and words >= 8:
        return True  # a misparsed verb ("they host" read as a noun) should not cost the sentence
    return any(t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB") for t in sentence.span)


# -- entities ----------------------------------------------------------------------------------


def _clean_entity(sentence: Sentence, ent: Any) -> Mention | None:
    """Trim 'the', possessive "'s", stray punctuation; keep offsets exact."""
    sent = sentence.span
    start_tok, end_tok = ent.start, ent.end
    toks = list(ent)
    label = ent.label_
    if ent.text in CELESTIAL:
        label = "LOC"
    elif ent.label_ in ("PERSON", "ORG") and len(toks) > 1 and toks[-1].lower_ in THING_WORDS:
        label = "PRODUCT"  # "James Webb Space Telescope", "Jezero Crater"
    while toks and (toks[-1].tag_ == "POS" or toks[-1].text in {"’s", "'s", "-", ",", "’", "'"}):
        toks.pop()
        end_tok -= 1
    while toks and (toks[0].lower_ in {"the", "a", "an"} or toks[0].is_punct):
        toks.pop(0)
        start_tok += 1
    if not toks:
        return None
    if ent.label_ in ("PERSON", "ORG", "GPE", "NORP"):  # "Ana" + "Costa": a first name left out
        doc = sent.doc
        while start_tok > sent.start:
            prev = doc[start_tok - 1]
            if (
                prev.pos_ == "PROPN"
                and prev.text[:1].isupper()
                and not prev.ent_type_
                and prev.dep_ == "compound"
                and prev.head.i >= start_tok
                and prev.lower_.rstrip(".") not in PERSON_TITLES | HONORIFICS
                and prev.whitespace_
                and prev.text.isalpha()
                and prev.tag_ == "NNP"
            ):
                toks.insert(0, prev)
                start_tok -= 1
            else:
                break
    if ent.label_ == "PERSON":  # "Yoon Suk" + "Yeol": the model sometimes stops a name early
        doc = sent.doc
        while (
            end_tok < sent.end
            and doc[end_tok].pos_ == "PROPN"
            and doc[end_tok].text[:1].isupper()
            and not doc[end_tok].ent_type_
            and toks[-1].whitespace_
        ):
            toks.append(doc[end_tok])
            end_tok += 1
    if toks and toks[0].lower_ in ("hurricane", "typhoon", "cyclone", "storm", "tropical"):
        label = "EVENT"  # "Hurricane Florence" is no organisation
    if ent.label_ == "ORG" and len(toks) >= 4:
        # "Wikimedia Board Chair Florence Devouard": a person after her title
        for k in range(len(toks) - 3, 0, -1):
            rest = toks[k + 1 :]
            if (
                toks[k].lower_ in PERSON_TITLES
                and 2 <= len(rest) <= 3
                and all(t.text[:1].isupper() and t.text.isalpha() for t in rest)
            ):
                toks = rest
                start_tok += k + 1
                label = "PERSON"
                break
    if (ent.label_ == "ORG" and label != "PERSON") or ent.label_ == "PERSON":
        # "University of Hawaii’s Lauren Schurmeier": the person after the possessive
        for k in range(len(toks) - 2, 0, -1):
            if toks[k].tag_ == "POS" and 2 <= len(toks) - k - 1 <= 3:
                rest = toks[k + 1 :]
                if all(t.text[:1].isupper() and t.text.isalpha() for t in rest):
                    toks = rest
                    start_tok += k + 1
                    label = "PERSON"
                    break
        # "Administrator Pam Melroy", "Leader Collinson": a title is no part of the name
        while (
            label == "PERSON"
            and len(toks) > 1
            and toks[0].lower_.rstrip(".")
            in PERSON_TITLES
            | HONORIFICS
            - {
                "mr",
                "mrs",
                "ms",
                "dr",
            }
        ):
            toks.pop(0)
            start_tok += 1
    start = toks[0].idx - sent.start_char
    end = toks[-1].idx + len(toks[-1].text) - sent.start_char
    text = sentence.text[start:end]
    if text.endswith("’s") or text.endswith("'s"):
        text = text[:-2]
        end -= 2
    text = text.rstrip("-–")
    if not text or text.lower() in VAGUE:
        return None
    return Mention(
        sentence.index,
        start,
        start + len(text),
        text,
        label,
        (start_tok - sent.start, end_tok - sent.start),
    )


def _person_evidence(sentence: Sentence, mention: Mention, speech: bool = True) -> bool:
    """Does the context say this is a person (a title before it, a role beside it, speech)?"""
    if mention.text.isupper():
        return False  # "VOA, the minister": an acronym is an organisation
    span = sentence.span
    first = span[mention.tokens[0]]
    head = span[mention.tokens[1] - 1]
    if first.i > span.start:
        before = span.doc[first.i - 1]
        if before.lower_.rstrip(".") in PERSON_TITLES | {h.rstrip(".") for h in HONORIFICS}:
            return True
    if head.dep_ == "appos" and head.head.lower_ in PERSON_TITLES:
        return True
    if any(c.dep_ == "appos" and c.lower_ in PERSON_TITLES for c in head.children):
        return True
    if mention.text.isupper() or mention.label in ("GPE", "LOC", "NORP", "FAC"):
        return False  # "JCS said", "China said": institutions and places speak too
    if mention.label in ("PRODUCT", "WORK_OF_ART", "LAW"):
        return False
    # "Gardner said": a person, when "Gardner" is the surname of someone named in full;
    # "Google says" is not ("Google" ends no full name in the article)
    return speech and head.dep_ in ("nsubj",) and head.head.lemma_ in SPEECH_VERBS


_SIGN_OFF = re.compile(r"^(?:And )?I[’']m [A-Z]")


def is_heading(sentence: Sentence) -> bool:
    """A headline, section heading or reporter's sign-off ("I'm Bryan Lynn."): not a sentence of
    the report, so its names are not facts, options or swaps."""
    text = sentence.text
    if _SIGN_OFF.match(text):
        return True
    return text[-1] not in ".!?\"”’'" and sentence.words <= 20


def extract_mentions(sentences: list[Sentence], text: str = "") -> list[Mention]:
    lowered = {w for w in re.findall(r"[a-z][a-z-]+", text)} if text else set()
    mentions: list[Mention] = []
    for sentence in sentences:
        if is_heading(sentence):
            continue
        for ent in sentence.span.ents:
            mention = _clean_entity(sentence, ent)
            if mention is None or _not_a_name(sentence, mention, lowered):
                continue
            mentions.append(mention)
    return mentions


def _not_a_name(sentence: Sentence, m: Mention, lowered: set[str]) -> bool:
    """Capitalised words the model took for names: a designation's letters ("LHS 1140 b"), a
    plural noun ("IDs", "Voyagers"), a common noun that starts the sentence ("Agency officials"
    where the article says "the agency")."""
    if m.label not in ("PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "FAC", "EVENT"):
        return False
    after = sentence.text[m.end : m.end + 3]
    if re.match(r"^ \d", after):
        return True
    span = sentence.span
    tokens = [span[i] for i in range(*m.tokens)]
    nxt = re.match(r"^ ([A-Z][a-z]+)\b", sentence.text[m.end :])
    if nxt and nxt.group(1).lower() not in PERSON_TITLES and m.end + 1 < len(sentence.text):
        following = span.char_span(m.end + 1, m.end + 1 + len(nxt.group(1)))
        if following is not None and following[0].pos_ == "PROPN" and following[0].ent_type_:
            return True  # "VOA Learning" + "English": the model cut a name in two
    if len(tokens) == 1:
        tok = tokens[0]
        if m.text.lower() in GENERIC_ORGS:
            return True  # "the Department’s commitment": which department is in another sentence
        if tok.tag_ in ("NNS", "NNPS") or (m.text.endswith("s") and m.text[:-1].isupper()):
            return True
        if m.text[:1].isupper() and m.text[1:].islower() and m.text.lower() in lowered:
            return True
    return False


def merge_entities(sentences: list[Sentence], mentions: list[Mention]) -> dict[str, Entity]:
    """Group mentions into entities: a bare surname joins the person named in full (and takes
    the PERSON label); an acronym in brackets joins the name before it; labels are voted."""
    named = [m for m in mentions if m.label in _KIND_OF_LABEL]
    evidence: set[int] = set()
    surnames = {m.text.split()[-1] for m in named if len(m.text.split()) >= 2}
    for i, m in enumerate(named):
        if len(m.text.split()) <= 2 and _person_evidence(
            sentences[m.sentence], m, speech=m.text in surnames
        ):
            m.label = "PERSON"
            evidence.add(i)
    evident_single = {
        _strip_honorific(named[i].text)
        for i in evidence
        if len(_strip_honorific(named[i].text).split()) == 1
    }
    full_names = sorted(
        {
            _strip_honorific(m.text)
            for m in named
            if len(_strip_honorific(m.text).split()) >= 2
            and (
                m.label == "PERSON"
                or (
                    _strip_honorific(m.text).split()[-1] in evident_single
                    and all(w[:1].isupper() for w in _strip_honorific(m.text).split())
                )
            )
        }
    )
    by_part: dict[str, set[str]] = {}
    for name in full_names:
        parts = name.split()
        for part in (
            (parts[-1], parts[0])
            if len(parts) == 2
            else (parts[-1], parts[0], " ".join(parts[-2:]))
        ):
            by_part.setdefault(part, set()).add(name)
    acronyms: dict[str, str] = {}
    for m in named:
        sentence = sentences[m.sentence]
        after = sentence.text[m.end : m.end + 16]
        match = (
            _ACRONYM.match(after.lstrip()) if after.startswith(" (") else _OR_ACRONYM.match(after)
        )
        if match and m.label in ("ORG", "GPE", "FAC", "LAW", "EVENT", "NORP", "PRODUCT"):
            acronyms[match.group(1)] = m.text
    names = {m.text for m in named if len(m.text.split()) >= 2}
    by_initials: dict[str, set[str]] = {}
    for n in names:
        for key in {initials(n), initials(n, True)}:
            by_initials.setdefault(key, set()).add(n)
    for m in named:
        if m.text.isupper() and 2 <= len(m.text) <= 6 and m.text not in acronyms:
            owners = sorted(by_initials.get(m.text.replace(".", ""), ()))
            if len(owners) == 1:
                acronyms[m.text] = owners[0]
    for m in named:
        text = _strip_honorific(m.text)
        if text in acronyms:
            m.entity = acronyms[text]
        elif len(text.split()) <= 2 and text in by_part and len(by_part[text]) == 1:
            m.entity = next(iter(by_part[text]))
            m.label = "PERSON"
        elif text in full_names:
            m.entity = text
            m.label = "PERSON"
        else:
            # a longer name holding a full name ("Pete Hegseth" in "Defense Secretary Pete Hegseth")
            owners = [n for n in full_names if n != text and text.endswith(" " + n)]
            m.entity = owners[0] if len(owners) == 1 else text
    # vote labels per entity
    votes: dict[str, Counter[str]] = {}
    for i, m in enumerate(named):
        votes.setdefault(m.entity, Counter())[m.label] += (
            10 if i in evidence else 2 if m.label == "PERSON" else 1
        )
    entities: dict[str, Entity] = {}
    evident = {named[i].entity for i in evidence}
    extra_aliases: dict[str, list[str]] = {}
    the_counts: dict[str, int] = {}
    for short, full in sorted(acronyms.items()):
        extra_aliases.setdefault(full, []).append(short)
    for m in named:
        label = max(sorted(votes[m.entity]), key=lambda lab: votes[m.entity][lab])
        m.label = label
        entity = entities.get(m.entity)
        if entity is None:
            entities[m.entity] = Entity(
                m.entity, label, (m.text,), 1, m.sentence, m.entity in evident
            )
        else:
            aliases = entity.aliases if m.text in entity.aliases else (*entity.aliases, m.text)
            entities[m.entity] = Entity(
                entity.name, label, aliases, entity.count + 1, entity.first, entity.evidence
            )
    for full, shorts in extra_aliases.items():
        entity = entities.get(full)
        if entity is not None:
            added = tuple(a for a in shorts if a not in entity.aliases)
            entities[full] = Entity(
                entity.name,
                entity.label,
                (*entity.aliases, *added),
                entity.count,
                entity.first,
                entity.evidence,
            )
    for m in named:
        entity = entities.get(m.entity)
        if entity is not None and m.start >= 4:
            before = sentences[m.sentence].text[max(0, m.start - 4) : m.start].lower()
            if before == "the ":
                the_counts[m.entity] = the_counts.get(m.entity, 0) + 1
    for name, entity in entities.items():
        entity.takes_the = (
            the_counts.get(name, 0) * 2 >= entity.count and the_counts.get(name, 0) > 0
        )
    return entities


def merge_parts(mentions: list[Mention], entities: dict[str, Entity]) -> None:
    """A bare part of a longer name is that name: "Wallet" in an article about "Google Wallet",
    "James Webb" where the article names the "James Webb Space Telescope". A person's name is
    left alone, and so is a part shared by two names ("Voyager" of Voyager 1 and Voyager 2)."""
    longer = [e for e in entities.values() if len(e.name.split()) >= 2]
    moves: dict[str, str] = {}
    for e in entities.values():
        words = e.name.split()
        if len(words) >= 2 and e.label not in ("GPE", "LOC", "NORP"):
            # "James Webb" of the "James Webb Space Telescope"
            owners = [
                o.name
                for o in longer
                if o.name != e.name
                and o.label != "PERSON"
                and o.name.startswith(e.name + " ")
                and (e.label == "PERSON" or o.name.split()[-1].lower() in THING_WORDS)
            ]
        elif e.label == "PERSON" and e.evidence:
            continue
        elif len(words) == 1 and e.label not in ("GPE", "LOC", "NORP", "FAC", "PERSON"):
            owners = [
                o.name
                for o in longer
                if o.name.endswith(" " + e.name) and o.label not in ("PERSON", "GPE", "LOC")
            ]
        else:
            continue
        if len(owners) == 1:
            moves[e.name] = owners[0]
    for short, full in moves.items():
        part, whole = entities.pop(short), entities[full]
        entities[full] = Entity(
            whole.name,
            whole.label,
            (*whole.aliases, *(a for a in part.aliases if a not in whole.aliases)),
            whole.count + part.count,
            min(whole.first, part.first),
            whole.evidence,
            whole.takes_the,
        )
        for m in mentions:
            if m.entity == short:
                m.entity = full
                m.label = whole.label


def initials(name: str, small_words: bool = False) -> str:
    """ "NATO" of "North Atlantic Treaty Organization"; with ``small_words`` also "VOA" of
    "Voice of America"."""
    return "".join(
        w[0].upper()
        for w in name.replace("-", " ").split()
        if (w[:1].isupper() and w.lower() not in ("of", "and", "the", "for"))
        or (small_words and w.lower() in ("of", "and", "for"))
    )


def _strip_honorific(text: str) -> str:
    parts = text.split()
    if len(parts) > 1 and parts[0].lower() in HONORIFICS:
        return " ".join(parts[1:])
    return text


def alias_variants(entity: Entity | None, shown: str) -> tuple[str, ...]:
    """The answer as shown first, then other names the article uses for the same thing."""
    out = [shown]
    if entity is not None:
        for name in (entity.name, *entity.aliases):
            if name not in out:
                out.append(name)
        if entity.label == "PERSON":
            surname = entity.name.split()[-1]
            if surname not in out:
                out.append(surname)
    return tuple(out)


# -- pronouns ----------------------------------------------------------------------------------


def _maybe_person(entity: Entity) -> bool:
    if entity.label == "PERSON":
        return True
    words = entity.name.split()
    return (
        entity.label == "ORG"
        and len(words) in (1, 2, 3)
        and all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words)
    )


def _near(mentions: list[Mention], sentence_index: int) -> list[Mention]:
    """Mentions of this sentence and the one before (``mentions`` is sorted by sentence)."""
    import bisect

    keys = [m.sentence for m in mentions]
    lo = bisect.bisect_left(keys, sentence_index - 1)
    hi = bisect.bisect_right(keys, sentence_index)
    return mentions[lo:hi]


def resolve_pronoun(
    sentences: list[Sentence],
    mentions: list[Mention],
    entities: dict[str, Entity],
    sentence_index: int,
    char: int,
) -> str:
    """The person a "he"/"she" at ``char`` of sentence ``sentence_index`` refers to: the last
    named person before it, when no other person is named in that sentence or the previous one
    before the pronoun. "" when it is ambiguous or there is none."""
    near = (
        [m for m in mentions if m.sentence in (sentence_index - 1, sentence_index)]
        if len(mentions) < 64
        else _near(mentions, sentence_index)
    )
    window = [
        m
        for m in near
        if entities.get(m.entity) is not None
        and _maybe_person(entities[m.entity])
        and (m.sentence == sentence_index - 1 or (m.sentence == sentence_index and m.start < char))
    ]
    if any(entities[m.entity].label != "PERSON" for m in window):
        return ""  # a name the model could not place: it might be the one meant
    people = {m.entity for m in window}
    if len(people) == 1:
        return next(iter(people))
    return ""  # no person named just before: never guess further back


# -- facts -------------------------------------------------------------------------------------


def _mention_at(mentions_in: list[Mention], token_i: int) -> Mention | None:
    for m in mentions_in:
        if m.tokens[0] <= token_i < m.tokens[1]:
            return m
    return None


def _number_fact(sentence: Sentence, mention: Mention) -> XFact | None:
    span = sentence.span
    tokens = [span[i] for i in range(*mention.tokens)]
    text = mention.text
    hedge = ""
    low = text.lower()
    for h in sorted(HEDGES, key=len, reverse=True):
        if low.startswith(h + " "):
            hedge = text[: len(h)]
            text = text[len(h) + 1 :]
            break
    if not hedge and tokens and tokens[0].i > span.start:
        prev = span.doc[tokens[0].i - 1].text
        prev2 = span.doc[tokens[0].i - 2].text + " " + prev if tokens[0].i - 2 >= span.start else ""
        if prev2.lower() in HEDGES:
            hedge = prev2
        elif prev.lower() in HEDGES:
            hedge = prev
    counted = ""
    suffix = ""
    for word in ("percent", "per cent"):
        if text.lower().endswith(" " + word):
            suffix = word
            text = text[: -len(word) - 1]
    if mention.label == "QUANTITY" and " " in text:
        text, counted = text.split(" ", 1)
    amount = parse_amount(text)
    if amount is None or amount.value == 0:
        return None
    if _inside_name(sentence, mention.start + mention.text.index(text), len(text)):
        return None  # "LHS 1140 b", "Android 15", "three-and-a-half"
    if re.search(r"\b(?:number|No\.|no\.)\s+$", sentence.text[: mention.start]):
        return None  # "flight, number 72": a label, not a count
    first_tok = tokens[0]
    if first_tok.i > span.start and span.doc[first_tok.i - 1].lower_ in (
        "the",
        "these",
        "those",
        "both",
    ):
        return None  # "the two leaders": a reference, not a count
    if amount.style == "words" and amount.value <= 2 and mention.label != "DURATION":
        return None
    start = mention.start + mention.text.index(text)
    num_tokens = [t for t in tokens if t.like_num or t.text in text]
    head = num_tokens[-1] if num_tokens else tokens[-1]
    if suffix:
        counted = suffix
        # "15 percent tariffs": what the percentage is of
        pct = next((t for t in tokens if t.lower_ == "percent"), None)
        if (
            pct is not None
            and pct.dep_ in ("compound", "nummod", "amod")
            and pct.head.pos_ == "NOUN"
        ):
            counted = f"{suffix} {pct.head.text}"
    elif (
        not counted and head.dep_ in ("nummod", "quantmod") and head.head.pos_ in ("NOUN", "PROPN")
    ):
        noun = head.head
        lefts = [t for t in noun.lefts if t.dep_ in ("compound", "amod") and t.i > head.i]
        counted = " ".join(t.text for t in (*lefts, noun))
        conj = [t for t in noun.rights if t.dep_ == "conj" and t.pos_ == "NOUN"]
        if conj and any(t.dep_ == "cc" for t in noun.rights):
            last = conj[-1]
            counted = span.doc[lefts[0].i if lefts else noun.i : last.i + 1].text
    elif not counted and head.dep_ == "pobj" and head.head.lower_ == "of":
        counted = ""
    if sentence.text[start + len(text) :].startswith(("th", "st", "nd", "rd")):
        return None  # an ordinal written in digits
    return XFact(
        "number",
        text,
        sentence,
        start,
        label=mention.label,
        hedge=hedge,
        counted=counted,
        amount=amount,
    )


_MONTHS = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
}


def _inside_name(sentence: Sentence, start: int, length: int) -> bool:
    """Is the span at ``start`` a piece of a longer name or word: glued to letters or a hyphen
    ("Earth-like", "NASA-led", "three-and-a-half"), or a number after a capitalised name
    ("LHS 1140 b", "Voyager 1")?"""
    text = sentence.text
    before = text[:start]
    after = text[start + length :]
    if re.match(r"[\w-]", after[:1]) or re.search(r"[\w-]$", before):
        return True
    if re.match(r"^\d", text[start : start + length]):
        prev = re.search(r"([A-Za-z][\w’'.]*)\s+$", before)
        if prev and prev.group(1)[:1].isupper() and prev.start(1) > 0:
            word = prev.group(1).rstrip(".").lower()
            return word not in _MONTHS and not word.endswith(("’s", "'s"))
    return False


def _date_fact(sentence: Sentence, mention: Mention) -> XFact | None:
    when = parse_when(mention.text)
    if when is None:
        return None
    if when.shape == "duration":
        first, _, unit = mention.text.partition(" ")
        amount = parse_amount(first)
        if amount is None or " " in unit or amount.value <= 1:
            return None  # "one day" is an idiom as often as a duration
        return XFact(
            "number", first, sentence, mention.start, label="DURATION", counted=unit, amount=amount
        )
    if when.shape == "other" or mention.label == "TIME" or when.text.lower() in VAGUE_WHEN:
        return None  # "just hours", "1344", "recent months": not dates a learner can recall
    text = when.text
    start = mention.start + mention.text.index(text)
    return XFact("date", text, sentence, start, label=mention.label, when=when)


def _quote_facts(sentence: Sentence, mentions_in: list[Mention], article: Article) -> list[XFact]:
    out: list[XFact] = []
    for match in _QUOTE.finditer(sentence.text):
        quote = match.group(1).strip().rstrip(",.;:")
        if len(quote.split()) < 4:
            continue
        speaker, is_person = _speaker(sentence, mentions_in, article, match.start(), match.end())
        if not speaker:
            continue
        start = match.start(1) + match.group(1).index(quote)
        out.append(
            XFact(
                "quote",
                quote,
                sentence,
                start,
                speaker=speaker,
                speaker_is_person=is_person,
                entity=speaker if is_person else "",
            )
        )
    return out


def _speaker(
    sentence: Sentence, mentions_in: list[Mention], article: Article, q_start: int, q_end: int
) -> tuple[str, bool]:
    span = sentence.span
    for token in span:
        if token.lemma_ not in SPEECH_VERBS or token.pos_ != "VERB":
            continue
        rel = token.idx - span.start_char
        if q_start <= rel < q_end:
            continue  # a verb inside the quotation
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is None:
            continue
        mention = _mention_at(mentions_in, subject.i - span.start)
        if mention is None:  # "Japan's leader, Ishiba, stated": the name is in apposition
            appos = next((c for c in subject.children if c.dep_ == "appos"), None)
            if appos is not None:
                mention = _mention_at(mentions_in, appos.i - span.start)
        if mention is not None and article.entities.get(mention.entity) is not None:
            entity = article.entities[mention.entity]
            return entity.name, entity.label == "PERSON"
        if subject.lower_ in ("he", "she"):
            name = resolve_pronoun(
                article.sentences,
                article.mentions,
                article.entities,
                sentence.index,
                subject.idx - span.start_char,
            )
            return (name, True) if name else ("", False)
        if subject.pos_ == "PRON":
            return "", False
        words = [t for t in subject.subtree]
        if len(words) <= 5 and not any(t.lower_ in SUBJECT_PRONOUNS for t in words):
            text = sentence.text[
                words[0].idx - span.start_char : words[-1].idx
                + len(words[-1].text)
                - span.start_char
            ]
            if text.lower().startswith("the "):
                text = text[4:]
            return text, False
    return "", False


def _role_facts(sentence: Sentence, mentions_in: list[Mention], article: Article) -> list[XFact]:
    out: list[XFact] = []
    span = sentence.span
    base = span.start_char
    for m in mentions_in:
        if m.label != "PERSON" or m.text.isupper():
            continue
        head = span[m.tokens[1] - 1]
        role_tokens: list[Any] = []
        # "Japan's leader, Ishiba" (the name is in apposition to the role noun)
        if head.dep_ == "appos" and (head.head.pos_ == "NOUN" or head.head.lower_ in PERSON_TITLES):
            noun = head.head
            role_tokens = [
                t for t in noun.subtree if t.i < head.i and not (m.tokens[0] <= t.i - span.start)
            ]
            role_tokens = [t for t in role_tokens if t.i <= noun.i]
        # "Michael Pack, a Trump appointee ..." (the role is in apposition to the name)
        if not role_tokens:
            appos = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN"), None)
            if appos is not None:
                role_tokens = list(appos.subtree)
        # "South Korean President Lee", "SAGE chairman Alejandro Cravioto"
        if not role_tokens:
            first = span[m.tokens[0]]
            lefts = [t for t in head.subtree if t.i < first.i]
            if (
                lefts
                and lefts[-1].i == first.i - 1
                and any(t.lower_ in PERSON_TITLES for t in lefts)
            ):
                role_tokens = [t for t in lefts if t.dep_ != "det"]
        if not role_tokens:
            role_tokens = _role_before_comma(span, span[m.tokens[0]])
        role_tokens = [t for t in role_tokens if not t.is_punct or t.text in ("’", "'", "-", ".")]
        while role_tokens and (role_tokens[-1].is_punct or role_tokens[-1].dep_ == "cc"):
            role_tokens.pop()
        if not role_tokens or len(role_tokens) > 12:
            continue
        start = role_tokens[0].idx - base
        end = role_tokens[-1].idx + len(role_tokens[-1].text) - base
        role = sentence.text[start:end]
        if role.lower().startswith(("a ", "an ", "the ")):
            cut = role.index(" ") + 1
            role, start = role[cut:], start + cut
        if not role or role.lower() in HONORIFICS or m.entity.lower() in role.lower():
            continue
        if any(t.lower_ in SUBJECT_PRONOUNS for t in role_tokens):
            continue
        out.append(
            XFact(
                "person",
                role,
                sentence,
                start,
                label="ROLE",
                role=role,
                person=m.entity,
                entity=m.entity,
            )
        )
    # "He is a former minister and senior presidential aide."
    root = span.root
    if root.lemma_ == "be":
        subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
        attr = next((c for c in root.children if c.dep_ == "attr"), None)
        if subject is not None and attr is not None and attr.pos_ == "NOUN":
            person = ""
            if subject.lower_ in ("he", "she"):
                person = resolve_pronoun(
                    article.sentences,
                    article.mentions,
                    article.entities,
                    sentence.index,
                    subject.idx - base,
                )
            else:
                mention = _mention_at(mentions_in, subject.i - span.start)
                if mention is not None and mention.label == "PERSON":
                    person = mention.entity
            words = [t for t in attr.subtree if not t.is_punct]
            if person and 0 < len(words) <= 10:
                start = words[0].idx - base
                end = words[-1].idx + len(words[-1].text) - base
                role = sentence.text[start:end]
                if role.lower().startswith(("a ", "an ", "the ")):
                    cut = role.index(" ") + 1
                    role, start = role[cut:], start + cut
                if role and not any(t.lower_ in SUBJECT_PRONOUNS for t in words):
                    out.append(
                        XFact(
                            "person",
                            role,
                            sentence,
                            start,
                            label="ROLE",
                            role=role,
                            person=person,
                            entity=person,
                        )
                    )
    return out


def _role_before_comma(span: Any, first: Any) -> list[Any]:
    """'The mayor of Riverton, Ana Costa, ...': the noun phrase before ', NAME'."""
    doc = span.doc
    i = first.i - 1
    if i <= span.start or doc[i].text != ",":
        return []
    out: list[Any] = []
    j = i - 1
    while j >= span.start and len(out) < 7:
        t = doc[j]
        if t.is_punct or t.pos_ in ("VERB", "AUX", "PRON", "SCONJ", "CCONJ"):
            break
        out.insert(0, t)
        if t.dep_ == "det":
            break
        j -= 1
    if not any(t.lower_ in PERSON_TITLES for t in out):
        return []
    while out and out[0].dep_ == "det":
        out.pop(0)
    return out


def _event_facts(sentence: Sentence, mentions_in: list[Mention], article: Article) -> list[XFact]:
    """Who did what: a named subject of the main verb. Agreements and pledges as policies."""
    out: list[XFact] = []
    span = sentence.span
    root = span.root
    if root.pos_ not in ("VERB", "AUX"):
        return out
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None:
        mention = _mention_at(mentions_in, subject.i - span.start)
        sub = list(subject.subtree)
        if (
            mention is not None
            and mention.label in ("PERSON", "ORG")
            and not any(t.dep_ in ("cc", "conj") and t.head == subject for t in sub)
            and span[mention.tokens[1] - 1].i == subject.i
        ):
            out.append(
                XFact(
                    "event",
                    mention.text,
                    sentence,
                    mention.start,
                    label=mention.label,
                    entity=mention.entity,
                    subject_tokens=(sub[0].i - span.start, sub[-1].i + 1 - span.start),
                )
            )
    # agreements and pledges: "agreed to resume 'shuttle diplomacy'", "pledged closer coordination"
    for verb in (root, *[c for c in root.children if c.dep_ == "xcomp"]):
        if verb.lemma_ not in AGREE_VERBS:
            continue
        target = next((c for c in verb.children if c.dep_ == "xcomp"), None) or verb
        obj = next((c for c in target.children if c.dep_ in ("dobj", "attr")), None)
        if obj is None:
            continue
        # the object up to its first coordination ("shuttle diplomacy", not the whole list)
        cut = [
            t
            for t in obj.subtree
            if t.i <= (obj.right_edge.i if not list(obj.conjuncts) else obj.i)
        ]
        while cut and (cut[-1].is_punct or cut[-1].dep_ == "cc"):
            cut.pop()
        while cut and cut[0].is_punct:
            cut.pop(0)
        if not cut or len(cut) > 12:
            continue
        start = cut[0].idx - span.start_char
        end = cut[-1].idx + len(cut[-1].text) - span.start_char
        key = sentence.text[start:end].strip("‘’'\"“”,")
        start = sentence.text.index(key, start)
        out.append(XFact("policy", key, sentence, start, label="AGREEMENT"))
        break
    return out


def sweep_aliases(
    sentences: list[Sentence], mentions: list[Mention], entities: dict[str, Entity]
) -> None:
    """Add mentions of known people the model missed in some sentence ("Gardner will ...")."""
    names: list[tuple[str, str]] = []
    for entity in entities.values():
        if entity.label != "PERSON":
            continue
        for alias in sorted(
            {entity.name, *entity.aliases, entity.name.split()[-1]}, key=len, reverse=True
        ):
            if len(alias) >= 3 and alias[:1].isupper():
                names.append((alias, entity.name))
    covered: dict[int, list[tuple[int, int]]] = {}
    for m in mentions:
        covered.setdefault(m.sentence, []).append((m.start, m.end))
    for sentence in sentences:
        if is_heading(sentence):
            continue
        taken = covered.setdefault(sentence.index, [])
        for alias, name in names:
            if alias not in sentence.text:
                continue
            for match in re.finditer(
                r"(?<![\w’'])" + re.escape(alias) + r"(?![\w])", sentence.text
            ):
                a, b = match.start(), match.end()
                if any(a < e and s < b for s, e in taken):
                    continue
                span = sentence.span.char_span(a, b)
                if span is None:
                    continue
                mentions.append(
                    Mention(
                        sentence.index,
                        a,
                        b,
                        alias,
                        "PERSON",
                        (span.start - sentence.span.start, span.end - sentence.span.start),
                        name,
                    )
                )
                taken.append((a, b))
                entity = entities[name]
                entities[name] = Entity(
                    entity.name,
                    entity.label,
                    entity.aliases,
                    entity.count + 1,
                    entity.first,
                    entity.evidence,
                    entity.takes_the,
                )
    mentions.sort(key=lambda m: (m.sentence, m.start))


def extract(text: str, paragraphs: list[tuple[int, str]], docs: list[Any]) -> Article:
    sentences = build_sentences(paragraphs, docs)
    mentions = extract_mentions(sentences, text)
    entities = merge_entities(sentences, mentions)
    merge_parts(mentions, entities)
    sweep_aliases(sentences, mentions, entities)
    article = Article(text, sentences, entities, mentions, [])
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    facts: list[XFact] = []
    for sentence in sentences:
        if not usable_sentence(sentence):
            continue
        prev = sentences[sentence.index - 1] if sentence.index else None
        if (
            prev is not None
            and prev.paragraph == sentence.paragraph
            and prev.text[-1] not in (".!?\"”’'")
        ):
            continue  # the model cut a sentence in two: this half does not stand alone
        mentions_in = by_sentence.get(sentence.index, [])
        for m in mentions_in:
            if m.label in _NUMBER_LABELS:
                fact = _number_fact(sentence, m)
            elif m.label in _DATE_LABELS:
                fact = _date_fact(sentence, m)
            elif m.label in _KIND_OF_LABEL and m.entity in entities:
                fact = XFact(
                    _KIND_OF_LABEL[entities[m.entity].label],
                    m.text,
                    sentence,
                    m.start,
                    label=entities[m.entity].label,
                    entity=m.entity,
                )
            else:
                fact = None
            if fact is not None:
                facts.append(fact)
        facts.extend(_quote_facts(sentence, mentions_in, article))
        facts.extend(_role_facts(sentence, mentions_in, article))
        facts.extend(_event_facts(sentence, mentions_in, article))
    for fact in facts:
        assert sentence_has(fact), (fact.key, fact.sentence.text)
    article.facts = facts
    return article


def sentence_has(fact: XFact) -> bool:
    return fact.sentence.text[fact.start : fact.end] == fact.key
