"""From parsed text to facts: entities (aliases merged), numbers, dates, quotes, roles, events.

Works on spaCy ``Doc`` objects handed in by :mod:`quiz.generate.pipeline`; never imports spaCy
itself. Every fact keeps its sentence verbatim and the character offset of its key span in it,
so that questions can blank or swap exactly that span.
"""

from __future__ import annotations

import re
from typing import Any

from quiz.generate.article import (
    Article,
    Entity,
    Mention,
    Sentence,
    XFact,
    build_sentences,
    usable_sentence,
)
from quiz.generate.bounded import bounded, is_word
from quiz.generate.claims import event_facts, quote_facts, role_facts
from quiz.generate.entities import extract_mentions, is_heading, merge_entities, merge_parts
from quiz.generate.lexicon import DATE_LABELS, KIND_OF_LABEL, NUMBER_LABELS
from quiz.generate.values import HEDGES, VAGUE_WHEN, parse_amount, parse_when
from quiz.marking.dates import MONTHS

# -- facts -------------------------------------------------------------------------------------


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
    lead = re.match(r"(?:[A-Za-z]+ )+(?=[$€£¥]?\d)", text)
    if amount is None and lead:
        # "just 2.7%", "only 40", "a mere $5": the figure is the number; its modifier stays in
        # the stem (spaCy puts it inside the entity)
        text = text[lead.end() :]
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
    if _before_a_name(head) and not suffix:
        return None  # "300 Slater is assigned to …": an address, not a count (fresh set O)
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


def _before_a_name(number: Any) -> bool:
    """A figure in digits that numbers a singular name ("300 Slater", "10 Downing Street"): a
    street number. A count before a name is plural ("12 Republicans") or counts a noun after
    it ("30 Boeing 787 jets")."""
    doc = number.doc
    if number.i + 1 >= len(doc) or not number.text[:1].isdigit():
        return False
    name, counted = doc[number.i + 1], number.head
    if counted.i <= number.i or counted.tag_ != "NNP":
        return False  # "30 Boeing 787 jets": the name describes what is counted
    return name.tag_ == "NNP" and name.ent_type_ not in ("NORP", "MONEY", "QUANTITY", "DATE")


#: Month names and abbreviations, as graded answers read them.
_MONTHS = MONTHS


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


def _word_or_apostrophe(char: str) -> bool:
    """Before a name, a character that makes it part of another word ("d’Ivoire", "O'Neill")."""
    return is_word(char) or char in "’'"


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
            for a in bounded(sentence.text, alias, before=_word_or_apostrophe):
                b = a + len(alias)
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
            if m.label in NUMBER_LABELS:
                fact = _number_fact(sentence, m)
            elif m.label in DATE_LABELS:
                fact = _date_fact(sentence, m)
            elif m.label in KIND_OF_LABEL and m.entity in entities:
                fact = XFact(
                    KIND_OF_LABEL[entities[m.entity].label],
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
        facts.extend(quote_facts(sentence, mentions_in, article))
        facts.extend(role_facts(sentence, mentions_in, article))
        facts.extend(event_facts(sentence, mentions_in, article))
    for fact in facts:
        assert sentence_has(fact), (fact.key, fact.sentence.text)
    article.facts = facts
    return article


def sentence_has(fact: XFact) -> bool:
    return fact.sentence.text[fact.start : fact.end] == fact.key
