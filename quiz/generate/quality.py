"""Rules from the blind rating (docs/generation-quality.md): trivial answers, name fragments,
garbled prompts and references lost out of context. Each rule is general (no article-specific
words) and computed once per article where it needs the whole text."""

from __future__ import annotations

import re

from quiz.generate.article import Article, Entity, Mention, normalise_key
from quiz.generate.bounded import stands_alone
from quiz.generate.entities import is_heading

# -- name fragments ---------------------------------------------------------------------------

#: "Spectro-polarimeter for ___", "Bodies, For ___": the name goes on to its left.
_JOINED_BEFORE = re.compile(r"[A-Z][\w’'.-]*,?\s+(?i:of|for|on)\s+(?:the\s+)?$")
#: "___ #2", "___ Complex 40": the name goes on to its right.
_JOINED_AFTER = re.compile(r"^\s+(?:#\s?\d|(?i:of|for|on)\s+(?:the\s+)?[A-Z]|[A-Z][a-z])")
_QUOTED = re.compile(r"“([^”]{20,})”|\"([^\"]{20,})\"")
_SMALL = {"of", "for", "and", "the", "in", "on", "to", "a", "an", "with", "at", "by", "or"}


def _title_spans(text: str) -> list[tuple[int, int]]:
    """Quoted spans that read as a formal title (most content words capitalised)."""
    out = []
    for m in _QUOTED.finditer(text):
        inner = m.group(1) or m.group(2)
        words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", inner) if w.lower() not in _SMALL]
        if len(words) >= 5 and sum(w[0].isupper() for w in words) >= 0.75 * len(words):
            out.append((m.start(), m.end()))
    return out


def fragment_mention(text: str, m: Mention, titles: list[tuple[int, int]] | None = None) -> bool:
    """Is this mention only a piece of a longer proper name (a treaty title, an instrument
    name), so that it cannot stand alone as an option, a swap or an answer?"""
    if any(a <= m.start and m.end <= b for a, b in (titles or _title_spans(text))):
        return True
    if m.label == "PERSON":
        return False  # "Administrator Bill Nelson": a title before a name joins nothing
    return bool(_JOINED_BEFORE.search(text[: m.start]) or _JOINED_AFTER.match(text[m.end :]))


def fragments(article: Article) -> frozenset[str]:
    """Entities every mention of which is a piece of a longer name."""
    found = article.cache.get("fragments")
    if found is not None:
        return found
    bad: dict[str, bool] = {}
    texts = {s.index: s.text for s in article.sentences}
    titles = {i: _title_spans(t) for i, t in texts.items()}
    for m in article.mentions:
        if not m.entity or m.sentence not in texts:
            continue
        piece = fragment_mention(texts[m.sentence], m, titles[m.sentence])
        bad[m.entity] = bad.get(m.entity, True) and piece
    found = frozenset(e for e, b in bad.items() if b)
    article.cache["fragments"] = found
    return found


def is_fragment(entity: Entity | None, article: Article) -> bool:
    return entity is not None and entity.name in fragments(article)


# -- trivial answers --------------------------------------------------------------------------


def headline(article: Article) -> str:
    first = article.sentences[0] if article.sentences else None
    return first.text if first is not None and is_heading(first) else ""


def in_headline(answer: str, article: Article) -> bool:
    head = article.cache.get("headline")
    if head is None:
        head = article.cache["headline"] = normalise_key(headline(article))
    a = normalise_key(answer)
    return stands_alone(head, a)


def dominant_date(key: str, article: Article) -> bool:
    """A date said in a quarter or more of the article's sentences (at least four), such as the
    month a monthly report is about: every figure is for it, so asking it tests nothing."""
    table = article.cache.get("date_share")
    if table is None:
        table = article.cache["date_share"] = {}
    k = normalise_key(key)
    if k not in table:
        body = article.cache.get("body_keys")
        if body is None:
            body = article.cache["body_keys"] = [
                normalise_key(s.text) for s in article.sentences if not is_heading(s)
            ]
        hits = sum(1 for text in body if k in text and stands_alone(text, k))
        table[k] = hits >= 4 and hits >= 0.25 * max(1, len(body))
    return bool(table[k])


_RELATIVE_DAY = re.compile(
    r"^(?:today|yesterday|tomorrow|now|tonight|recently|"
    r"(?:last|this|next|earlier this|later this)\s+(?:week|month|year|weekend|spring|summer|"
    r"fall|autumn|winter|monday|tuesday|wednesday|thursday|friday|saturday|sunday))$",
    re.I,
)


def relative_day(key: str) -> bool:
    """'Today', 'last week': a date that means nothing out of the article's day."""
    return bool(_RELATIVE_DAY.match(key.strip()))


#: "Wuhan, ___", "NASA Headquarters in ___": a place right after the place it contains.
_CONTAINER_SLOT = re.compile(r"[A-Z][\w.’'-]*(?:,| in)\s+$")


def guessable_place(sentence_text: str, start: int, key: str) -> bool:
    """The blanked place is the country or state of the named place just before it, or the
    stem names its people ("the Uzbek teacher … outside ___"): world knowledge answers it."""
    if _CONTAINER_SLOT.search(sentence_text[:start]):
        return True
    if " " in key.strip() or len(key) < 5:
        return False
    stem = key[:4].lower()
    rest = sentence_text[:start] + " " + sentence_text[start + len(key) :]
    return any(
        w[:4].lower() == stem and w.lower() != key.lower() and w[0].isupper()
        for w in re.findall(r"[A-Za-z][\w-]*", rest)
    )


# -- garbled or out-of-context text -----------------------------------------------------------


def unbalanced(text: str) -> bool:
    """A bracket or quotation cut in half by sentence or span cutting. A single quote opened
    and not closed counts too ("labelled a ‘weather bombcaused by …"); ’ is also the
    apostrophe, so only more openings than closings tell."""
    return (
        text.count("(") != text.count(")")
        or text.count("“") != text.count("”")
        or text.count("‘") > text.count("’")
    )


#: "Last week, she …": a pronoun subject after a leading phrase (the first-word rule misses it).
_PRONOUN_AFTER_LEAD = re.compile(
    r"(?:^|[?.] )(?:[A-Z]|___)[^,?.]{0,60},\s+(?:he|she|they|it|his|her|their|its)\b"
    r"|\? (?:He|She|They|It|His|Her|Their|Its)\b"
)
#: "a similar case", "The percentage was even lower": a comparison with a sentence not shown.
_LOST_REFERENCE = re.compile(
    r"\b(?:a|the) similar \w+\b(?!\s+(?:to|as)\b)"
    r"|(?:^|[?.] )The (?:percentage|share|proportion|number|figure|rate|total) "
    r"(?:was|is|were|are|rose|fell|remained)\b"
    r"|(?:^|[?.] )By doing (?:this|that|so)\b",  # "By doing this, …": doing what? (set S)
    re.I,
)


def lost_reference(prompt: str) -> bool:
    return bool(_PRONOUN_AFTER_LEAD.search(prompt) or _LOST_REFERENCE.search(prompt))


def beside_its_acronym(sentence_text: str, start: int, key: str) -> bool:
    """ "JAXA (___)" or "___ (Japan Aerospace Exploration Agency)": a name and its acronym
    stand side by side, so either one gives the other away."""
    before = sentence_text[max(0, start - 40) : start]
    after = sentence_text[start + len(key) : start + len(key) + 80]
    if re.fullmatch(r"[A-Z][A-Z&.]{1,7}", key):
        return bool(re.match(r"\s*\((?:[A-Z][\w-]*\s*(?:of|for|and|the)?\s*){2,}\)", after))
    return bool(
        re.search(r"\b[A-Z][A-Z&.]{1,7}\s*\($", before) or re.match(r"\s*\([A-Z]{2,8}\)", after)
    )
