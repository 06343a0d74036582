"""Facts of what people said, are and did: quotes with their speakers, roles ("Japan's leader,
Ishiba"), and events (who did what)."""

from __future__ import annotations

from typing import Any

from quiz.generate.article import Article, Mention, Sentence, XFact
from quiz.generate.lexicon import (
    AGREE_VERBS,
    HONORIFICS,
    PERSON_TITLES,
    QUOTE,
    SPEECH_VERBS,
    SUBJECT_PRONOUNS,
)
from quiz.generate.pronouns import resolve_pronoun


def mention_at(mentions_in: list[Mention], token_i: int) -> Mention | None:
    for m in mentions_in:
        if m.tokens[0] <= token_i < m.tokens[1]:
            return m
    return None


def quote_facts(sentence: Sentence, mentions_in: list[Mention], article: Article) -> list[XFact]:
    out: list[XFact] = []
    for match in QUOTE.finditer(sentence.text):
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
        mention = mention_at(mentions_in, subject.i - span.start)
        if mention is None:  # "Japan's leader, Ishiba, stated": the name is in apposition
            appos = next((c for c in subject.children if c.dep_ == "appos"), None)
            if appos is not None:
                mention = mention_at(mentions_in, appos.i - span.start)
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


def role_facts(sentence: Sentence, mentions_in: list[Mention], article: Article) -> list[XFact]:
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
                mention = mention_at(mentions_in, subject.i - span.start)
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


def event_facts(sentence: Sentence, mentions_in: list[Mention], article: Article) -> list[XFact]:
    """Who did what: a named subject of the main verb. Agreements and pledges as policies."""
    out: list[XFact] = []
    span = sentence.span
    root = span.root
    if root.pos_ not in ("VERB", "AUX"):
        return out
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None:
        mention = mention_at(mentions_in, subject.i - span.start)
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
