"""Matching and ordering items: several facts of one kind asked together (people and their
roles, quotes and speakers, numbers and what they count; events in time order)."""

from __future__ import annotations

from typing import Any

from quiz.generate.article import Article, Sentence, XFact, normalise_key
from quiz.generate.asking import _date_attachment, quote_snippet
from quiz.generate.candidate import _ALL_PRONOUNS, Candidate, _rel, short_name, tidy
from quiz.generate.pronouns import resolve_pronoun

# -- matching and ordering -----------------------------------------------------------------------


def _span_source(article: Article, sentences: list[Sentence]) -> tuple[list[Sentence], str] | None:
    """The article text from the first to the last sentence (verbatim), if not too long."""
    ordered = sorted({s.index: s for s in sentences}.values(), key=lambda s: s.index)
    first, last = ordered[0], ordered[-1]
    text = article.text[first.start : last.start + len(last.text)]
    if len(text) > 2000:
        return None
    return ordered, text


def matching_candidates(article: Article) -> list[Candidate]:
    out: list[Candidate] = []
    # person -> role
    best: dict[str, XFact] = {}
    for f in article.facts:
        if f.label == "ROLE" and f.person and len(f.role.split()) <= 8:
            current = best.get(f.person)
            if current is None or len(f.role) < len(current.role):
                best[f.person] = f
    roles = _distinct_pairs(
        [(short_name(article.entities.get(p), p), f.role, f) for p, f in best.items()]
    )
    if len(roles) >= 3:
        out.extend(
            _matching(
                article, roles, "Match each person to how the article describes them.", "match-role"
            )
        )
    quotes = [
        f
        for f in article.facts
        if f.kind == "quote" and f.speaker and f.speaker in article.entities
    ]
    qp = _distinct_pairs(
        [(f"“{quote_snippet(f.key, 10)}”", f.speaker, f) for f in quotes], unique_right=True
    )
    if len(qp) >= 3:
        out.extend(_matching(article, qp, "Match each quotation to who said it.", "match-quote"))
    numbers = [
        f
        for f in article.facts
        if f.kind == "number" and f.counted and f.amount is not None and f.amount.value > 2
    ]
    npairs = _distinct_pairs(
        [(f"{f.hedge + ' ' if f.hedge else ''}{f.key}", f.counted, f) for f in numbers],
        unique_right=True,
    )
    if len(npairs) >= 3:
        out.extend(
            _matching(
                article,
                npairs,
                "Match each number to what it counts in the article.",
                "match-number",
            )
        )
    return out


def _distinct_pairs(
    pairs: list[tuple[str, str, XFact]], unique_right: bool = True
) -> list[tuple[str, str, XFact]]:
    lefts: set[str] = set()
    rights: set[str] = set()
    out = []
    for left, right, fact in pairs:
        lk, rk = left.casefold(), right.casefold()
        if lk in lefts or (unique_right and rk in rights):
            continue
        lefts.add(lk)
        rights.add(rk)
        out.append((left, right, fact))
    return out


def _matching(
    article: Article, pairs: list[tuple[str, str, XFact]], prompt: str, form: str
) -> list[Candidate]:
    pairs = sorted(pairs, key=lambda p: (p[2].sentence.index, p[2].start))
    for size in range(min(6, len(pairs)), 2, -1):
        for begin in range(0, len(pairs) - size + 1):
            chosen = pairs[begin : begin + size]
            found = _span_source(article, [p[2].sentence for p in chosen])
            if found is None:
                continue
            sentences, _ = found
            key = form + "|" + "|".join(sorted(normalise_key(p[0]) for p in chosen))
            return [
                Candidate(
                    "matching",
                    form,
                    [p[2] for p in chosen],
                    sentences,
                    prompt,
                    {"pairs": tuple((p[0], p[1]) for p in chosen)},
                    key=key,
                    explanation="From the article: " + " ".join(s.text for s in sentences),
                )
            ]
    return []


def _event_phrase(fact: XFact, article: Article) -> str | None:
    """A short clause for what happened at a date: subject + verb + object, date removed."""
    found = _date_attachment(fact)
    if found is None:
        return None
    verb, phrase = found
    if phrase and phrase[0].lower_ in (
        "since",
        "until",
        "till",
        "by",
        "before",
        "after",
        "through",
    ):
        return None  # "had not used it since 1981": no event at that date
    sentence = fact.sentence
    drop = {t.i for t in phrase}
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.i > verb.i:
        return None
    keep = [
        *subject.subtree,
        *[
            a
            for a in verb.children
            if a.dep_ in ("aux", "auxpass", "neg", "advmod") and a.i < verb.i and a.tag_ != "WRB"
        ],
        verb,
    ]
    for child in verb.rights:
        if child.i in drop or child.dep_ in (
            "punct",
            "cc",
            "conj",
            "advcl",
            "ccomp",
            "relcl",
            "mark",
        ):
            continue
        tokens = list(child.subtree)
        if any(t.i in drop for t in tokens):
            continue
        keep.extend(tokens)
        if len(keep) > 14:
            break
    keep = sorted(
        {t.i: t for t in keep if t.i not in drop and t.text not in '“”"‘’'}.values(),
        key=lambda t: t.i,
    )
    while (
        keep
        and keep[0] != subject
        and keep[0].lower_ in ("later", "then", "earlier", "also", "first")
    ):
        keep = keep[1:]  # "Later, Voyager 2 made ...": the connective is no part of the event
    if len(keep) > 16 or len(keep) < 3:
        return None
    if any(
        t.lower_ in _ALL_PRONOUNS - {"his", "her", "its", "their"} and t != subject for t in keep
    ):
        return None
    shown_subject = subject.text
    if subject.lower_ in ("he", "she"):
        name = resolve_pronoun(
            article.sentences,
            article.mentions,
            article.entities,
            sentence.index,
            _rel(sentence, subject),
        )
        if not name:
            return None
        shown_subject = short_name(article.entities.get(name), name)
    elif subject.lower_ in _ALL_PRONOUNS:
        return None
    parts = []
    for n, t in enumerate(keep):
        gap = n + 1 < len(keep) and keep[n + 1].i != t.i + 1
        parts.append(
            (shown_subject if t == subject else t.text) + (t.whitespace_ or (" " if gap else ""))
        )
    text = "".join(parts).strip().rstrip(",;:")
    if text.count("“") != text.count("”") or text.count('"') % 2:
        return None
    return tidy(text)


def ordering_candidates(article: Article, reference: Any = None) -> list[Candidate]:
    dated: dict[str, list[tuple[float, str, XFact]]] = {}
    for f in article.facts:
        if f.kind != "date" or f.when is None or f.when.order is None:
            continue
        order, scale = f.when.order, f.when.scale
        if reference is not None:
            absolute = reference(f.when)
            if absolute is not None:
                order, scale = absolute, "absolute"
        phrase = _event_phrase(f, article)
        if phrase is None:
            continue
        dated.setdefault(scale, []).append((order, phrase, f))
    out: list[Candidate] = []
    for scale, items in sorted(dated.items()):
        items.sort(key=lambda x: (x[0], x[2].sentence.index))
        if scale == "absolute":
            # a bare year against a date in that year ("in 2024", "in August 2024") has no order
            years = [x for x in items if x[2].when is not None and x[2].when.shape == "year"]
            items = [
                x
                for x in items
                if x not in years
                or not any(y is not x and int(y[0]) // 400 == int(x[0]) // 400 for y in items)
            ]
        unique: list[tuple[float, str, XFact]] = []
        for item in items:
            if unique and (
                item[0] == unique[-1][0] or item[1].casefold() in {u[1].casefold() for u in unique}
            ):
                continue
            unique.append(item)
        if len(unique) < 2:
            continue
        unique = unique[:6]
        found = _span_source(article, [u[2].sentence for u in unique])
        while found is None and len(unique) > 2:
            unique = unique[:-1]
            found = _span_source(article, [u[2].sentence for u in unique])
        if found is None:
            continue
        sentences, _ = found
        key = "order|" + "|".join(normalise_key(u[2].key) for u in unique)
        expl = "; ".join(f"{u[2].key}: {u[1]}" for u in unique)
        out.append(
            Candidate(
                "ordering",
                "ordering",
                [u[2] for u in unique],
                sentences,
                "Put these events in the order they happened, earliest first.",
                {"items": tuple(u[1] for u in unique)},
                key=key,
                explanation=f"From the article: {expl}.",
            )
        )
        del scale
    return out
