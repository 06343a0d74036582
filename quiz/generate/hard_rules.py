"""The hard rules: what must never be asked, whatever a candidate's score. A candidate that
breaks one is dropped before ranking (:func:`violations`), not held back as a draft: a prompt
too short or too long to read, a pronoun nobody can resolve, choices that repeat or give each
other away, an answer its own sentence does not hold. Also :func:`trivial`, the answer the
headline or the whole article gives, which ranking counts against and the flaw rules report."""

from __future__ import annotations

import re

from quiz.generate import quality
from quiz.generate.article import Article, normalise_key
from quiz.generate.candidate import BLANK, Candidate, mentions_any
from quiz.generate.lexicon import FAMOUS_INSTITUTIONS

_LEADING_PRONOUN = re.compile(r"^(?:He|She|They|It|This|These|Those|His|Her|Their|Its)\b")


#: An answer that ends on a dash or a word that cannot end a phrase was cut from a longer one.
_CUT_SPAN = re.compile(r"(?:\s[-–—]|\s(?:of|to|in|for|and|or|the|a|an|with|by|at|on|from))$", re.I)


def broken(c: Candidate, article: Article) -> bool:
    """Whether ``c`` breaks a hard rule, worked out once per candidate and article: the
    pipeline drops what breaks one and the choice (:mod:`quiz.generate.select`) asks again of
    every candidate left, round after round, and the answer depends on nothing else. The memo
    keeps the candidate itself, so its ``id`` is not reused by another object while the article
    lives."""
    memo: dict[int, tuple[Candidate, bool]] = article.cache.setdefault("broken", {})
    known = memo.get(id(c))
    if known is None or known[0] is not c:
        known = (c, bool(violations(c, article)))
        memo[id(c)] = known
    return known[1]


def violations(c: Candidate, article: Article) -> list[str]:
    """Hard rules. Any violation drops the candidate."""
    problems: list[str] = []
    prompt = c.prompt
    words = len(prompt.split())
    if words < 4 or words > 70 or "\n" in prompt:
        problems.append("prompt length")
    if _LEADING_PRONOUN.match(prompt):
        problems.append("unresolved pronoun")
    problems.extend(blind_rules(c, article))
    if c.type in ("cloze", "short_answer") and _CUT_SPAN.search(_answer_text(c)):
        problems.append("answer cut mid-phrase")  # "Schedule 1 - of" (set S)
    sources = " ".join(s.text for s in c.sentences)
    if c.type == "multiple_choice":
        choices = c.fields["choices"]
        answer = c.fields["answers"][0]
        folded = [x.casefold() for x in choices]
        if len(set(folded)) != len(folded) or not 3 <= len(choices) <= 6 or answer not in choices:
            problems.append("choices")
        stem = prompt.replace(BLANK, " ")
        for choice in choices:
            if mentions_any(stem, [choice]):
                problems.append(f"option in stem: {choice}")
            if choice != answer:
                a, b = normalise_key(choice), normalise_key(answer)
                if a in b or b in a:
                    problems.append(f"option inside answer: {choice}")
        if c.form == "direction":  # the answer says the sentence's verb in plain words
            if not mentions_any(sources, [c.fact.key]):
                problems.append("answer not in sentence")
        elif not mentions_any(sources, [answer]) and not mentions_any(
            sources, [answer.split()[-1]]
        ):
            problems.append("answer not in sentence")
    elif c.type == "cloze":
        if prompt.count(BLANK) != 1 or re.search(r"_{4,}", prompt):
            problems.append("blanks")
        if not mentions_any(sources, [c.fields["blanks"][0][0]]):
            problems.append("answer not in sentence")
    elif c.type == "short_answer":
        if not mentions_any(sources, list(c.fields["answers"])):
            problems.append("answer not in sentence")
    elif c.type == "numeric":
        if c.fact.key not in c.fact.sentence.text:
            problems.append("answer not in sentence")
    elif c.type == "matching":
        pairs = c.fields["pairs"]
        if not 3 <= len(pairs) <= 8:
            problems.append("pairs")
    elif c.type == "ordering" and not 2 <= len(c.fields["items"]) <= 8:
        problems.append("items")
    return problems


def famous_institution(c: Candidate) -> bool:
    """The answer is an institution everyone knows ("Comey's ___" is the FBI): blind raters
    kept 1 such question in 31 over rounds 10–25."""
    if c.type in ("true_false", "matching", "ordering"):
        return False
    return re.sub(r"^the ", "", _answer_text(c).strip().lower()) in FAMOUS_INSTITUTIONS


def _answer_text(c: Candidate) -> str:
    f = c.fields
    if c.type == "multiple_choice":
        return f["answers"][0]
    if c.type == "cloze":
        return f["blanks"][0][0]
    if c.type == "short_answer":
        return f["answers"][0]
    return c.fact.key


def blind_rules(c: Candidate, article: Article) -> list[str]:
    """The rules the blind rating asked for (see docs/generation-quality.md)."""
    problems: list[str] = []
    fact = c.fact
    grouped = c.type in ("matching", "ordering")
    shown = [c.prompt]
    if c.type == "multiple_choice":
        shown += list(c.fields["choices"])
    elif c.type == "cloze":
        shown += [c.fields["blanks"][0][0]]
    if any(quality.unbalanced(x) for x in shown):
        problems.append("cut bracket or quotation")
    if quality.lost_reference(c.prompt):
        problems.append("reference lost out of context")
    if grouped:
        return problems
    if fact.kind == "date" and quality.dominant_date(fact.key, article):
        problems.append("trivial date")
    if fact.entity and quality.is_fragment(article.entities.get(fact.entity), article):
        problems.append("name fragment")
    if (
        c.form == "blank"
        and c.type in ("cloze", "multiple_choice")
        and fact.kind == "place"
        and quality.guessable_place(fact.sentence.text, fact.start, fact.key)
    ):
        problems.append("place guessable")
    if fact.kind == "number" and fact.sentence.text[: fact.start].rstrip().endswith(("#", "No.")):
        problems.append("number is part of a name")
    if c.type == "multiple_choice" and c.prompt.startswith("Who"):
        kinds = {
            article.entities[x].label if x in article.entities else "PERSON"
            for x in c.fields["choices"]
        }
        named = re.search(r"\b(?:named|called|dubbed)\s+$", c.prompt.split(BLANK)[0])
        acronym = any(re.fullmatch(r"[A-Z][A-Z&.]{1,7}", x) for x in c.fields["choices"])
        if kinds != {"PERSON"} or named or acronym:
            problems.append("who-question with options that are not people")
    if c.form in ("blank", "statement-false") and quality.beside_its_acronym(
        fact.sentence.text, fact.start, fact.key
    ):
        problems.append("name beside its acronym")
    if c.form == "role" and fact.role and len(fact.role.split()) == 1:
        said = len(re.findall(r"\b" + re.escape(fact.role) + r"s?\b", article.text, re.I))
        if said >= 2:
            problems.append("role said of several people")
    if c.form == "quote" and fact.speaker:
        last = re.escape(fact.speaker.split()[-1])
        joint = re.compile(
            r"\b"
            + last
            + r"\s+and\s+(?:[A-Z][\w.]*\s+){1,4}[A-Z]|\band\s+(?:[A-Z][\w.]*\s+){0,3}"
            + last
            + r"\b"
        )
        if any(joint.search(x.text) for x in c.sentences):
            problems.append("said jointly with someone else")
    if c.form == "role" and fact.person:
        others = [
            e.name
            for e in article.entities.values()
            if e.label == "PERSON" and e.name != fact.person and len(e.name.split()) >= 2
        ]
        if mentions_any(fact.role, others) or fact.role.count(",") > 0:
            problems.append("role holds another name")
    return problems


#: Facts a headline states that a question may ask: the title drops them
#: (:mod:`quiz.generate.bank_title`).
HEADLINE_FIGURES = frozenset({"number", "date"})


def trivial(c: Candidate, article: Article) -> bool:
    """The answer is in the headline or is what the whole article is about (mentioned in a
    fifth of its sentences): asked directly, it tests nothing."""
    if c.type in ("true_false", "matching", "ordering"):
        return False
    answer = _answer_text(c)
    if famous_institution(c):
        return True
    if quality.in_headline(answer, article) and c.fact.kind not in HEADLINE_FIGURES:
        return True  # a figure or date is asked, and the bank's title shown without it
    entity = article.entities.get(c.fact.entity) if c.fact.entity else None
    return entity is not None and entity.count >= max(4, 0.2 * len(article.sentences))
