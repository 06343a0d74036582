"""Article text in, :class:`~quiz.bank.model.Bank` out. spaCy is loaded on first use only."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from msgspec.structs import replace

from quiz.bank.model import (
    Bank,
    Cloze,
    Fact,
    Matching,
    MultipleChoice,
    Numeric,
    Ordering,
    Pair,
    Question,
    ShortAnswer,
    Source,
    TrueFalse,
)
from quiz.generate import ids
from quiz.generate.article import Article, Sentence, XFact, normalise_key
from quiz.generate.balance import deal_positions
from quiz.generate.bank_title import without_figures
from quiz.generate.candidate import Candidate, as_statement
from quiz.generate.clean import body_paragraphs
from quiz.generate.context import with_context
from quiz.generate.direction import direction_candidates
from quiz.generate.facts import extract
from quiz.generate.gate import gated
from quiz.generate.grouped import ordering_candidates
from quiz.generate.hard_rules import HEADLINE_FIGURES
from quiz.generate.magnitude import magnitude_candidates
from quiz.generate.questions import build_candidates
from quiz.generate.undated import telling_days, undated
from quiz.generate.values import WEEKDAYS, When
from quiz.generate.why import why_candidates

DEFAULT_MAX = 25


@dataclass(frozen=True, slots=True)
class Generated:
    """All candidates with their ids (for --update) and the chosen bank."""

    bank: Bank
    candidates: dict[str, Question]
    facts: dict[str, Fact]
    article: Article


#: Share of a generation's time spent parsing (the rest: facts, candidates, the gate), for the
#: progress shown on a long article.
PARSE_SHARE = 0.8


def prepare(cache_dir: Path | None = None) -> None:
    """Import and load, once per process, what drafting an article reads besides spaCy's
    model: the item review and the bank writer (imported where they are used, so that a module
    that only reads banks never pays for them) and lemminflect's tables (kept in ``cache_dir``
    when given: :mod:`quiz.generate.lemma_tables`). ``quiz generate`` calls it as it loads the
    model, so that the first article costs what every later one does (it paid about 0.4 s
    more: the tables 0.3, the imports 0.1)."""
    import quiz.bank.dump
    import quiz.bank.review.registry  # noqa: F401 (imported for their cost, not their names)
    from quiz.generate.why_text import load_tables

    load_tables(cache_dir)


def analyse(text: str, nlp: Any = None, progress: Callable[[float], None] | None = None) -> Article:
    """Parse the article's body text only: page furniture (captions, credits, bylines, datelines,
    subheads, links; see :mod:`quiz.generate.clean`) is never parsed, so it gives no sentence,
    fact, option or prompt. Offsets stay those of ``text``, which is kept whole. ``progress``
    hears how much of the parse is done (0.0 to :data:`PARSE_SHARE`), paragraph by paragraph."""
    if nlp is None:
        from quiz.generate.nlp import load_model

        nlp = load_model()
    paragraphs = body_paragraphs(text)
    total = max(1, sum(len(p) for _, p in paragraphs))
    docs = []
    parsed = 0
    for (_, paragraph), doc in zip(paragraphs, nlp.pipe([p for _, p in paragraphs]), strict=True):
        docs.append(doc)
        parsed += len(paragraph)
        if progress is not None:
            progress(PARSE_SHARE * parsed / total)
    article = extract(text, paragraphs, docs)
    article.cache["body_spans"] = [(start, start + len(p)) for start, p in paragraphs]
    return article


def _reference(date: str):
    """Maps a written date to an absolute sort key, given the article's publication date."""
    if not date:
        return None
    try:
        published = dt.date.fromisoformat(date)
    except ValueError:
        return None

    def key(day: dt.date) -> int:
        return day.year * 400 + day.month * 32 + day.day

    def absolute(when: When) -> float | None:
        if when.scale == "absolute":
            return when.order
        if when.scale == "relative" and when.order is not None:
            if when.shape == "weekday":
                back = (published.weekday() - WEEKDAYS.index(when.text)) % 7
                return key(published - dt.timedelta(days=back))
            return key(published + dt.timedelta(days=int(when.order)))
        if when.scale == "month" and when.order is not None:
            month = int(when.order) // 32
            day = int(when.order) % 32
            year = published.year if month <= published.month else published.year - 1
            return year * 400 + month * 32 + day
        return None

    return absolute


def _fact_statement(fact: XFact, article: Article) -> str:
    if fact.label == "ROLE":
        return f"{fact.person}: {fact.role}."
    if fact.kind == "quote":
        return f"{fact.speaker} said: “{fact.key}”."
    return as_statement(fact.sentence, article, []) or fact.sentence.text


def _fact_kind(fact: XFact) -> str:
    return fact.kind if fact.kind != "event" else "event"


def _assign_ids(candidates: list[Candidate]) -> list[tuple[str, Candidate]]:
    base: dict[str, list[Candidate]] = {}
    for c in candidates:
        qid = ids.question_id(c.type, c.form, c.key, c.fact.key)
        base.setdefault(qid, []).append(c)
    out: list[tuple[str, Candidate]] = []
    for qid, group in base.items():
        if len(group) == 1:
            out.append((qid, group[0]))
            continue
        seen: set[str] = set()
        for c in group:
            extra = normalise_key(" ".join(s.text for s in c.sentences)) + "|" + c.prompt
            new = ids.question_id(c.type, c.form, c.key, c.fact.key, extra)
            if new in seen:
                continue
            seen.add(new)
            out.append((new, c))
    return out


def _fact_ids(article: Article) -> dict[int, str]:
    """An id per fact object (by identity), unique within the article."""
    groups: dict[str, list[XFact]] = {}
    for f in article.facts:
        groups.setdefault(ids.fact_id(f.kind, f.fingerprint, f.key), []).append(f)
    out: dict[int, str] = {}
    for fid, group in groups.items():
        if len(group) == 1:
            out[id(group[0])] = fid
        else:
            for f in group:
                extra = normalise_key(f.sentence.text) + f"|{f.start}|{f.label}|{f.person}"
                out[id(f)] = ids.fact_id(f.kind, f.fingerprint, f.key, extra)
    return out


def beyond_source(explanation: str, source: str) -> str:
    """The explanation without a quotation of the question's own source: every screen and
    export shows the source beside it ("From the article"), and the same sentence twice reads
    as a mistake (a walk-through found it in the feedback, the answer keys and the cards). What
    is left says something the source does not ("True: the article says so.", "False: the
    article says 240, not 500."), or nothing."""
    text = explanation.strip()
    for quoted in (f"“{source}”", source):
        if quoted in text:
            text = text.replace(quoted, "").strip()
            break
    text = re.sub(r"\s*:\s*$", "", text).strip()
    if text.rstrip(".:").strip() in ("The article says", "From the article", ""):
        return ""
    return text if text.endswith((".", "!", "?", "”")) else text + "."


def to_question(
    qid: str, c: Candidate, fact_id: str, source: str, keep_days: bool = False
) -> Question:
    common: dict[str, Any] = dict(
        id=qid,
        prompt=undated(c.prompt, keep_days),
        source=source,
        fact=fact_id,
        explanation=beyond_source(c.explanation, source),
        tags=c.tags,
    )
    f = c.fields
    if c.type == "multiple_choice":
        return MultipleChoice(**common, choices=tuple(f["choices"]), answers=tuple(f["answers"]))
    if c.type == "true_false":
        return TrueFalse(**common, answer=bool(f["answer"]))
    if c.type == "cloze":
        return Cloze(**common, blanks=tuple(tuple(b) for b in f["blanks"]))
    if c.type == "short_answer":
        return ShortAnswer(**common, answers=tuple(dict.fromkeys(f["answers"])))
    if c.type == "matching":
        return Matching(**common, pairs=tuple(Pair(a, b) for a, b in f["pairs"]))
    if c.type == "numeric":
        return Numeric(**common, answer=float(f["answer"]), unit=f.get("unit", ""))
    if c.type == "ordering":
        return Ordering(**common, items=tuple(f["items"]))
    raise ValueError(c.type)


def generate(
    text: str,
    *,
    bank_id: str,
    title: str,
    date: str = "",
    source_file: str = "",
    max_questions: int = DEFAULT_MAX,
    nlp: Any = None,
    progress: Callable[[float], None] | None = None,
    keep_title: bool = False,
    at_least: int = 0,
) -> Generated:
    """Generate a bank from article text. Same inputs, same bank. ``progress`` hears how much
    is done, 0.0 to 1.0 (a long article takes many seconds; the command draws a bar).
    ``at_least``: keep that many of the best questions even when the gate doubts them (only
    on the user's request: a bank holds what passes the gate, see :data:`gate.AT_LEAST`)."""
    article = analyse(text, nlp, progress)
    article.published = date
    candidates = build_candidates(article)
    understanding = why_candidates(article)  # causes and what followed: "Why …?", "What …?"
    understanding += direction_candidates(article)  # which way the news went: up, down, yes, no
    understanding += magnitude_candidates(article)  # how big its key figures were
    # by identity: a builder's fact may equal one found before (same sentence and key) and still
    # be its own object, which the ids below are keyed by
    known = {id(f) for f in article.facts}
    for c in understanding:
        for f in c.facts:
            if id(f) not in known:
                known.add(id(f))
                article.facts.append(f)
    candidates += understanding
    reference = _reference(date)
    if reference is not None:
        candidates = [c for c in candidates if c.type != "ordering"]
        candidates += ordering_candidates(article, reference)
    candidates = [with_context(c, article) for c in candidates]
    fact_ids = _fact_ids(article)
    with_ids = _assign_ids(candidates)
    from quiz.generate.hard_rules import broken

    keep_days = telling_days([s.text for s in article.sentences])
    all_questions: dict[str, Question] = {}
    all_facts: dict[str, Fact] = {}
    by_candidate: dict[int, str] = {}
    for qid, c in with_ids:
        if broken(c, article):
            continue
        source = _source_text(c, article)
        fid = fact_ids[id(c.fact)]
        all_questions[qid] = to_question(qid, c, fid, source, keep_days)
        by_candidate[id(c)] = qid
        for f in c.facts:
            fid2 = fact_ids[id(f)]
            all_facts.setdefault(
                fid2, Fact(fid2, _fact_statement(f, article), _fact_kind(f), f.key, f.sentence.text)
            )
    valid = [c for _, c in with_ids if id(c) in by_candidate]

    def rebuild(c: Candidate) -> Question:
        return to_question(
            by_candidate[id(c)], c, fact_ids[id(c.fact)], _source_text(c, article), keep_days
        )

    chosen, held = gated(
        valid, article, max_questions, all_questions, by_candidate, title, rebuild, at_least
    )
    questions = deal_positions(tuple(all_questions[by_candidate[id(c)]] for c in chosen))
    drafts = tuple(
        replace(all_questions[by_candidate[id(c)]], held_back=reason) for c, reason in held
    )
    used = {q.fact for q in (*questions, *drafts)}
    for c in chosen + [c for c, _ in held]:
        used.update(fact_ids[id(f)] for f in c.facts)
    facts = tuple(
        sorted(
            (all_facts[f] for f in used if f in all_facts),
            key=lambda f: (_position(f, article), f.id),
        )
    )
    shown_title = title
    if not keep_title:  # the headline's figures that questions ask are not shown above them
        shown_title = without_figures(
            title, [c.fact.key for c in chosen if c.fact.kind in HEADLINE_FIGURES]
        )
    bank = Bank(
        id=bank_id,
        title=shown_title,
        source=Source(title=title, text=text, published=date, file=source_file),
        questions=questions,
        drafts=drafts,
        facts=facts,
        as_of=date,
        language="en",
    )
    if progress is not None:
        progress(1.0)
    return Generated(bank, all_questions, all_facts, article)


def _position(fact: Fact, article: Article) -> int:
    for s in article.sentences:
        if s.text == fact.source:
            return s.index
    return len(article.sentences)


def _source_text(c: Candidate, article: Article) -> str:
    if len(c.sentences) == 1:
        return c.sentences[0].text
    if c.context:  # the sentences shown before its own, one stretch of body text
        first, last = c.sentences[0], c.sentences[-1]
        return article.text[first.start : last.start + len(last.text)]
    if c.sentences[0].paragraph != c.sentences[-1].paragraph and c.type not in (
        "matching",
        "ordering",
    ):
        return c.sentences[-1].text
    sentences = _one_stretch(c.sentences, article)
    first, last = sentences[0], sentences[-1]
    return article.text[first.start : last.start + len(last.text)]


def _one_stretch(sentences: list[Sentence], article: Article) -> list[Sentence]:
    """The sentences of a quote that spans several (matching, ordering) that lie in one stretch
    of body text: a quote is a verbatim slice of the article, and one across a caption, credit or
    subhead would carry it. The stretch holding most of them (the later one on a tie)."""
    spans: list[tuple[int, int]] = article.cache.get("body_spans") or []
    if not spans:
        return sentences
    starts = [a for a, _ in spans]
    stretch = [0] * len(spans)  # body spans with nothing but whitespace between share a stretch
    for i in range(1, len(spans)):
        between = article.text[spans[i - 1][1] : spans[i][0]]
        stretch[i] = stretch[i - 1] + (1 if between.strip() else 0)
    groups: dict[int, list[Sentence]] = {}
    for s in sentences:
        groups.setdefault(stretch[max(0, bisect_right(starts, s.start) - 1)], []).append(s)
    if len(groups) == 1:
        return sentences
    return max(groups.items(), key=lambda item: (len(item[1]), item[0]))[1]


def _not_a_headline(line: str) -> bool:
    from quiz.generate.clean import BODY, SUBHEAD, line_kind

    return bool(_NOT_A_HEADLINE.search(line)) or line_kind(line) not in (BODY, SUBHEAD)


def default_title(text: str, stem: str) -> str:
    """The headline when the article starts with one, else the file name made readable. The
    headline is the first short line without a full stop of four words or more among the lines
    before the first sentence: a saved page's copy often starts with its section labels
    ("News", "UK Politics"), which name no article."""
    for line in (line.strip() for line in text.splitlines()[:MAX_HEAD_LINES]):
        if not line:
            continue
        count = len(line.split())
        if line.endswith((".", "”", '"', "!", "?")) and count > 16:
            break  # the first sentence of the body: no headline above it
        if _not_a_headline(line):
            continue  # a breadcrumb, a byline, a caption or a page's time stamp above it
        if 4 <= count <= 16 and not line.endswith((".", "”", '"', "!", "?")):
            return line
    first = next(
        (line.strip() for line in text.splitlines() if line.strip() and not _not_a_headline(line)),
        "",
    )
    if first and len(first.split()) <= 16 and not first.endswith((".", "”", '"', "!", "?")):
        return first
    words = re.sub(r"[-_]+", " ", stem).strip()
    if not words:
        return "Article"
    spelled = " ".join(_as_the_article_writes(word, text) for word in words.split())
    return spelled[:1].upper() + spelled[1:]


def _as_the_article_writes(word: str, text: str) -> str:
    """A word of a file name as the article spells it most often: "korea" -> "Korea", "un"
    -> "UN" (a name), "summit" stays "summit" (the article writes it in lower case, or only
    at the start of a sentence no more often)."""
    found = re.findall(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text, re.IGNORECASE)
    if not found:
        return word
    spellings = {spelling: found.count(spelling) for spelling in found}
    return max(spellings, key=lambda spelling: (spellings[spelling], spelling == word))


#: How far down a headline is looked for: a kicker, section labels and a breadcrumb above it.
MAX_HEAD_LINES = 8
#: Lines above a headline that are not one: a breadcrumb ("Home › News › Economy"), a time
#: stamp ("February 24, 2020, 7:57 AM", "Posted: Friday October 15, 2010 1:28PM"), a byline.
_NOT_A_HEADLINE = re.compile(
    r"[›»]|\s>\s|^[^.!?]{1,40}\s/\s[^.!?]{1,30}$"
    r"|\b\d{1,2}:\d{2}\s*(?:[AaPp]\.?[Mm]\b\.?)?"
    r"|^(?:Posted|Updated|Published|Last [Uu]pdated|By|BY)\b"
    r"|^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct"
    r"|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}\b"
    r"|,\s*(?:(?:Associate|Senior|Staff|Contributing|Managing|Deputy|Chief)\s+)?(?:Editor"
    r"|Writer|Reporter|Correspondent)s?\s*$"
)
