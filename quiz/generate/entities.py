"""Entities: spaCy's mentions cleaned (headings, sign-offs and non-names dropped), people told from
things by evidence in the text, and one entity per thing however many names it goes by."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from quiz.generate.article import Entity, Mention, Sentence
from quiz.generate.lexicon import (
    ACRONYM,
    CELESTIAL,
    GENERIC_ORGS,
    HONORIFICS,
    KIND_OF_LABEL,
    OR_ACRONYM,
    PERSON_TITLES,
    SPEECH_VERBS,
    THING_WORDS,
)
from quiz.generate.values import VAGUE

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
    """Words the model took for names: a description in lower case, a designation's letters
    ("LHS 1140 b"), a plural noun ("IDs", "Voyagers"), a common noun that starts the sentence
    ("Agency officials" where the article says "the agency")."""
    if m.label not in ("PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "FAC", "EVENT"):
        return False
    if not any(c.isupper() for c in m.text):
        return True  # "the federal immigration department": a description of a name, which a
        # true/false swap put in the name's place as if it were another (fresh set O)
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


#: Generational suffixes after a surname.
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def merge_entities(sentences: list[Sentence], mentions: list[Mention]) -> dict[str, Entity]:
    """Group mentions into entities: a bare surname joins the person named in full (and takes
    the PERSON label); an acronym in brackets joins the name before it; labels are voted."""
    named = [m for m in mentions if m.label in KIND_OF_LABEL]
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
        while len(parts) > 2 and parts[-1].rstrip(".,").lower() in _SUFFIXES:
            parts = parts[:-1]  # "James Roosevelt Jr." is a Roosevelt, not a "Jr."
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
        match = ACRONYM.match(after.lstrip()) if after.startswith(" (") else OR_ACRONYM.match(after)
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
