"""A question carries the sentence before its own when its own points back.

A news sentence leans on the one before it: "The closure, which ended in March, sidelined 1,200
workers", "The details only came to light after a claim of £3,000 …", "He said the district
would …". Lifted out alone, such a sentence asks about something the learner cannot place, and
it was blind raters' most common reason to edit a generated question ("'The closure' has no
referent: name the plant"; rounds 17–19 in docs/generation-quality.md). Dropping those
sentences loses facts the article hangs on; rewriting them needs coreference the parse does not
give. The article already names the referent, one or two sentences earlier, so the question
shows those sentences first, in the article's words, and quotes all of them as its source.

The context must read alone itself (no pronoun or "these …" of its own left unnamed), sit in
the same stretch of body text (no caption or credit between), not hold the answer or an
option, and keep the prompt short enough to read (:data:`MAX_PROMPT_WORDS`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from quiz.generate.article import Article, Sentence
from quiz.generate.candidate import (
    _PLURAL_PRONOUNS,
    _SINGULAR_PRONOUNS,
    Candidate,
    apply,
    mentions_any,
    pronoun_edits,
    strip_connective,
    tidy,
)
from quiz.generate.entities import is_heading

__all__ = [
    "MAX_PROMPT_WORDS",
    "bound_pronouns",
    "points_back",
    "question_points_back",
    "with_context",
]

#: What follows "those" or "such" when they point forward, not back: "those who had watched
#: it" (a relative clause, set T), "those with diabetes", "such as" (a list).
_NO_REFERENT = (
    r"(?:who|whom|whose|which|that|with|without|in|at|on|of|as|from|aged|over|under|living|"
    r"affected|involved|responsible)\b"
)
#: Words that point back to something the sentence does not name: "those nights", "such
#: plumes", "the company" (unnamed), "he" with no one named; not the "it" of "it has emerged".
_POINTS_BACK = re.compile(
    r"\b(?:those|these|such)\s+(?!" + _NO_REFERENT + r")[a-z]"
    r"|\bthe (?:company|country|city|agency|group|firm|man|woman|men|women|boy|girl|video|"
    r"report|study|plan|deal|move|incident|decision|official|officials|lawmaker|suspect|"
    r"case|event|experience|interactions?)\b(?!\s+(?:of|that|which|who|called|named)\b)"
    r"|\bit\b(?!\s+(?:has|had|is|was)\s+(?:emerged|understood|believed|thought|reported|"
    r"expected|claimed|alleged|feared|likely|unclear|not clear|possible)\b)"
    r"|\b(?:they|them|he|him|she|her|his|their|its)\b"
    # "that same year", "during this period", "the figure", "Even so", "Along with the
    # agreement": each points at the sentence before (all four raters of set V)
    r"|\b(?:[Tt]hat|[Tt]he) same (?:year|month|week|day|period|time)\b"
    r"|\b(?:[Tt]his|[Tt]hat) period\b"
    # "At the time there were just ___ left in the wild", "Since then, …": a time the sentence
    # before gives (fresh sets AA and BB, all four raters of BB; tuned)
    r"|\b(?:[Aa]t (?:the|that) time|[Ss]ince then|[Bb]y then|[Uu]ntil then)\b"
    r"|\bthe (?:figure|figures|number|agreement|museum|bid)\b(?!\s+(?:of|for|that|which)\b)"
    r"|(?:^|(?<=[?.]\s))(?:Even so|Along with)\b",
)
#: A capitalised word that can own an "its": not one that merely opens the sentence.
_OWNER = re.compile(
    r"\b(?!(?:The|A|An|In|On|At|By|For|But|And|As|After|Before|During|Since|When|While|With|"
    r"Its|It|This|That|These|Those|Nearly|About|Some|More|Most|Even|Along|Which|What|Who|"
    r"Where|How|Number|Fill|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|"
    r"March|April|May|June|July|August|September|October|November|December)\b)[A-Z][\w&.’'-]+"
)
_PERSONAL = frozenset({"it", "they", "them", "he", "him", "she", "her", "his", "their"})
_PEOPLE = frozenset({"he", "him", "she", "her", "his"})
_NAMED = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][\w.'-]+)*\b")
_ASKING_WORDS = frozenset({"Who", "What", "When", "Which", "Where", "How"})
#: The lead-in a blank question opens with; the context goes after it, before the sentence.
_LEAD_IN = re.compile(
    r"^(?:What number goes in the blank\?|Which (?:number |date )?fills the blank\?|"
    r"Who fills the blank\?)\s*"
)
#: Openings that name nothing: "The closure", "This month's figures", "Another patient".
_DETERMINERS = frozenset({"the", "this", "that", "these", "those", "another", "such"})
#: The forms that quote their sentence (or ask a wh-question of it); statements, matching,
#: "Why …?" and the rest build their own text and are not given context.
_FORMS = frozenset({"blank", "who", "where", "when", "how-many"})
_TYPES = frozenset({"cloze", "multiple_choice", "short_answer", "numeric"})
MAX_PROMPT_WORDS = 70  # the hard rules' limit: a longer prompt is dropped, not shortened
MAX_CONTEXT_SENTENCES = 2


@lru_cache(maxsize=4096)
def points_back(text: str, bound: frozenset[str] = frozenset()) -> str:
    """The first word of ``text`` that points to something it does not show ("these costs",
    "the company", "he" when no one is named), or "".

    ``bound`` holds the personal pronouns the parse of the question's own sentence has already
    tied to a referent before them ("relatives … wept with heads in their hands", "___ and her
    colleagues found"): those point at nothing outside the question. Kept per text: the
    context step and the item review each ask it of the same prompts (1,450 times for 862
    prompts over ten articles), and its pattern is long."""
    for found in _POINTS_BACK.finditer(text):
        word = found.group()
        if word.lower() in bound:
            continue
        if word == "its":  # "SAS said ___ percent of its flights": a name owns it
            if _OWNER.search(text[: found.start()]):
                continue
            return "its"
        if word.lower() in _PERSONAL:
            named = [m for m in _NAMED.findall(text) if m not in _ASKING_WORDS]
            if named[1:]:  # someone or something is named: the pronoun has a referent in view
                return ""
        return word
    return ""


def question_points_back(c: Candidate, article: Article) -> str:
    """:func:`points_back` of the candidate's prompt, less the pronouns its own sentence binds
    (:func:`bound_pronouns`, once per sentence and answer of the article: every candidate of a
    sentence asks it, in the item review and again for its context)."""
    fact = c.fact
    answer = (fact.start, fact.end) if fact.kind == "person" else None
    found: dict[tuple[int, tuple[int, int] | None], frozenset[str]] = article.cache.setdefault(
        "context.bound", {}
    )
    key = (fact.sentence.index, answer)
    if key not in found:
        found[key] = bound_pronouns(fact.sentence, answer)
    return points_back(c.prompt, found[key])


def bound_pronouns(sentence: Sentence, answer: tuple[int, int] | None = None) -> frozenset[str]:
    """The personal pronouns of ``sentence`` (outside quotes) whose every use follows a referent
    of the same sentence: a person's name for "he", "she", "his", "her" (or ``answer``, the
    character range of a person the question asks for, which the blank or the "Who" stands
    in for), a plural noun or a coordination for "they", "them", "their".

    Blind raters edited questions whose "he" named no one; the same pronoun after "Governor
    Cuomo" in its own sentence reads as plainly as in the article, and holding it back lost the
    facts raters listed as missing ("Since ___, husbands, fathers and brothers have been
    receiving automated texts directly to their phones", fresh set Z)."""
    bound: set[str] = set()
    unbound: set[str] = set()
    person = plural = False
    in_quote = False
    start = sentence.span.start_char
    for token in sentence.span:
        if token.text in ("“", "”", '"'):
            in_quote = not in_quote if token.text == '"' else token.text == "“"
            continue
        rel = token.idx - start
        if answer is not None and answer[0] <= rel < answer[1]:
            person = True
            continue
        low = token.lower_
        if token.tag_ in ("PRP", "PRP$") and not in_quote:
            if low in _SINGULAR_PRONOUNS:
                (bound if person else unbound).add(low)
            elif low in _PLURAL_PRONOUNS:
                (bound if plural else unbound).add(low)
            continue
        if token.ent_type_ == "PERSON":
            person = True
        if token.pos_ in ("NOUN", "PROPN") and (
            token.tag_ in ("NNS", "NNPS") or token.dep_ == "conj"
        ):
            plural = True
    return frozenset(bound - unbound)


def definite_opening(sentence: Sentence) -> str:
    """The sentence's opening noun phrase when it names nothing ("The closure", "The district",
    "Another patient"), else "": the thing it means was named before. A phrase with a name
    in it or after it ("The MSP for Falkirk West", "The Bihar government") is named."""
    chunk = _opening_chunk(sentence)
    return "" if chunk is None else chunk.text


def _opening(sentence: Sentence, article: Article) -> Any | None:
    """:func:`_opening_chunk`, once per sentence of the article (each sentence gives several
    candidates and is the context of others)."""
    openings: dict[int, Any] = article.cache.setdefault("context.openings", {})
    if sentence.index not in openings:
        openings[sentence.index] = _opening_chunk(sentence)
    return openings[sentence.index]


def _opening_chunk(sentence: Sentence) -> Any | None:
    span = sentence.span
    skip = len(sentence.text) - len(strip_connective(sentence.text))
    chunk = next((c for c in span.noun_chunks if c.start_char - span.start_char >= skip), None)
    if chunk is None or chunk.start_char - span.start_char - skip > 2:
        return None
    first = chunk[0]
    if first.lower_ not in _DETERMINERS or any(t.pos_ == "PROPN" or t.ent_type_ for t in chunk):
        return None
    following = span.doc[chunk.end : min(chunk.end + 4, span.end)]
    if (
        following
        and (following[0].dep_ in ("prep", "acl", "appos") or following[0].pos_ == "PROPN")
        and any(t.pos_ == "PROPN" or t.ent_type_ for t in following)
    ):
        return None  # "The MSP for Falkirk West", "The carmaker Stellantis"
    return chunk


@dataclass(frozen=True, slots=True)
class Pointer:
    """What a sentence points back to: a noun ("closure" of "The closure", "cost" of "these
    costs"), a person ("he", "her") or a thing ("it", "they")."""

    kind: str  # "noun", "person" or "thing"
    lemma: str = ""


def pointer(c: Candidate, article: Article) -> Pointer | None:
    """What the candidate's question points back to and does not name, or None."""
    sentence = c.fact.sentence
    chunk = _opening(sentence, article)
    if chunk is not None:
        return Pointer("noun", chunk.root.lemma_.lower())
    found = question_points_back(c, article)
    if not found:
        return None
    word = found.split()[-1].lower()
    if word in _PERSONAL:
        names = [n for e in article.entities.values() for n in (e.name, *e.aliases)]
        if mentions_any(c.prompt, names):
            return None  # "He scored eight points", named as "Oubre scored …"
        return Pointer("person" if word in _PEOPLE else "thing")
    if len(word) == 1:  # "these c…": the regex stops at the noun's first letter
        at = c.prompt.lower().find(found.lower())
        rest = c.prompt[at + len(found) - 1 :].split()
        word = rest[0].strip(".,;:!?”’").lower() if rest else word
    lemma = next((t.lemma_.lower() for t in sentence.span if t.lower_ == word), word)
    return Pointer("noun", lemma)


#: What a noun that names a kind of person or body is resolved by: an entity of that label.
_RESOLVED_BY = {
    "company": "ORG",
    "firm": "ORG",
    "agency": "ORG",
    "group": "ORG",
    "country": "GPE",
    "city": "GPE",
    "man": "PERSON",
    "woman": "PERSON",
    "boy": "PERSON",
    "girl": "PERSON",
    "official": "PERSON",
    "lawmaker": "PERSON",
    "suspect": "PERSON",
}


def _resolves(sentences: list[Sentence], target: Pointer) -> bool:
    """Whether the context names what the question points back to: the same noun (or an
    entity of its kind), a person for "he", anything for "it"."""
    tokens = [t for s in sentences for t in s.span]
    if target.kind == "person":
        return any(t.ent_type_ == "PERSON" for t in tokens)
    if target.kind == "thing":
        return any(t.pos_ in ("NOUN", "PROPN") for t in tokens)
    label = _RESOLVED_BY.get(target.lemma)
    return any(
        _related(t.lemma_.lower(), target.lemma) or (label and t.ent_type_ == label) for t in tokens
    )


def _related(word: str, noun: str) -> bool:
    """The same word, or one made from the same stem: "closure" is named by "closed", "the
    attack" by "attacked"; four letters in common at least, most of the shorter word."""
    if word == noun:
        return True
    common = 0
    for a, b in zip(word, noun, strict=False):
        if a != b:
            break
        common += 1
    return common >= 4 and common >= 0.6 * min(len(word), len(noun))


def _named_by_headline(target: Pointer, article: Article) -> bool:
    """ "The fire" in a story headlined "Brazil nightclub fire kills 231": the title shown above
    the question names it."""
    first = article.sentences[0] if article.sentences else None
    if first is None or not is_heading(first) or target.kind != "noun":
        return False
    return any(t.lemma_.lower() == target.lemma for t in first.span)


def _reads_alone(sentence: Sentence, article: Article) -> str | None:
    """The sentence as a question may show it (pronouns named, leading connective dropped), or
    None when it points back itself."""
    edits = pronoun_edits(sentence, article)
    if edits is None or _opening(sentence, article) is not None:
        return None
    text = tidy(strip_connective(apply(sentence.text, edits)))
    if points_back(text) or not text.endswith((".", "!", "?", "”", '"', "’")):
        return None
    return text


def _adjacent(before: Sentence, after: Sentence, article: Article) -> bool:
    """Nothing but white space between the two sentences: no caption, credit or subhead."""
    between = article.text[before.start + len(before.text) : after.start]
    return not between.strip()


def _answers(c: Candidate, article: Article) -> list[str]:
    """Every text that gives the answer (or an option) away if the context shows it."""
    out = [c.fact.key]
    entity = article.entities.get(c.fact.entity) if c.fact.entity else None
    if entity is not None:
        out += [entity.name, *entity.aliases]
    fields = c.fields
    if c.type == "cloze":
        out += list(fields["blanks"][0])
    elif c.type == "short_answer":
        out += list(fields["answers"])
    elif c.type == "multiple_choice":
        out += list(fields["choices"])
    return [a for a in out if a and a.strip()]


def _context(c: Candidate, article: Article, target: Pointer) -> tuple[list[Sentence], str] | None:
    """The one or two sentences before the candidate's that name what it points back to."""
    sentence = c.fact.sentence
    index = {s.index: k for k, s in enumerate(article.sentences)}
    at = index.get(sentence.index)
    if at is None:
        return None
    chosen: list[Sentence] = []
    texts: list[str] = []
    later = sentence
    for k in range(at - 1, max(-1, at - 1 - MAX_CONTEXT_SENTENCES), -1):
        before = article.sentences[k]
        if not _adjacent(before, later, article):
            return None
        chosen.insert(0, before)
        alone = _reads_alone(before, article)
        if alone is not None:
            texts.insert(0, alone)
            break
        texts.insert(0, tidy(strip_connective(before.text)))
        later = before
    else:
        return None  # even the furthest sentence taken points back
    if not _resolves(chosen, target):
        return None  # the sentence before is about something else ("A fourth person was …")
    text = " ".join(texts)
    if mentions_any(text, _answers(c, article)):
        return None
    if c.type == "numeric" and c.fact.key in text:
        return None
    return chosen, text


def needs_context(c: Candidate, article: Article) -> Pointer | None:
    """What the candidate's question asks about that its own sentence does not name, if the
    title does not name it either."""
    if c.form not in _FORMS or c.type not in _TYPES or len(c.sentences) != 1:
        return None
    target = pointer(c, article)
    if target is None or _named_by_headline(target, article):
        return None
    return target


def with_context(c: Candidate, article: Article) -> Candidate:
    """The candidate with the sentences before its own shown first when it needs them and they
    can be given; else the candidate unchanged (the gate holds it back if it points back)."""
    target = needs_context(c, article)
    if target is None:
        return c
    found = _context(c, article, target)
    if found is None:
        return c
    sentences, text = found
    lead = _LEAD_IN.match(c.prompt)
    cut = lead.end() if lead else 0
    prompt = f"{c.prompt[:cut]}{text} {c.prompt[cut:]}"
    if len(prompt.split()) > MAX_PROMPT_WORDS:
        return c
    return replace(c, prompt=prompt, sentences=[*sentences, *c.sentences], context=len(sentences))
