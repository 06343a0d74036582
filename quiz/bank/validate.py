"""Turn a parsed bank document into a :class:`Bank`, collecting every problem on the way.

The validator never stops at the first problem: a teacher fixing a hand-written bank wants the
whole list at once, each with its line and a hint of how to fix it.

This module checks the bank as a whole (its header, source article, facts and the question and
draft lists). One question is checked by ``validate_question``, the fields of each question type
by its type's module (``quiz/bank/types/``), and a field is read with its line by
``validate_fields``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from quiz.bank.errors import Problem
from quiz.bank.model import FACT_KINDS, FORMAT, Bank, Fact, Question, Source
from quiz.bank.text import normalise_for_match
from quiz.bank.validate_fields import (
    ITEM_ID,
    MAX_TEXT,
    MISSING,
    Checker,
    check_id,
    check_in_article,
)
from quiz.bank.validate_question import MAX_QUESTIONS, QuestionStream
from quiz.bank.yamlsafe import LineDict, LineList

__all__ = [
    "BANK_ID",
    "ITEM_ID",
    "MAX_QUESTIONS",
    "MAX_TEXT",
    "ArticleReader",
    "QuestionStream",
    "build_bank",
]

BANK_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,79}$")

_BANK_FIELDS = {
    "format",
    "id",
    "title",
    "description",
    "language",
    "tags",
    "as_of",
    "source",
    "facts",
    "questions",
    "drafts",
    "rejected",
}
_SOURCE_FIELDS = {"title", "outlet", "published", "url", "file", "text"}
_FACT_FIELDS = {"id", "statement", "kind", "key", "source"}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _real_date(text: str) -> bool:
    """Whether ``text`` (already shaped YYYY-MM-DD) is a date of the calendar: ``2020-13-45``
    has the shape but no such day, and would put a bank's "last week" nowhere."""
    import datetime

    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


#: Reads the article named by ``source.file``; returns its text or raises ValueError(message).
ArticleReader = Callable[[str], str]


def build_bank(
    document: Any,
    *,
    path: str,
    read_article: ArticleReader,
    stream: QuestionStream | None = None,
) -> tuple[Bank | None, list[Problem]]:
    """Validate a parsed document and build the bank. Returns (bank or None, problems)."""
    check = Checker()
    if document is None:
        check.add(1, "the file is empty; a bank starts with 'format: quiz-bank/1'")
        return None, check.problems
    root = check.mapping(document, getattr(document, "line", 1), "a bank")
    if root is None:
        return None, check.problems

    check.unknown_fields(root, _BANK_FIELDS, "the bank")
    fmt = root.get("format", MISSING)
    if fmt is MISSING:
        check.add(1, f"missing 'format: {FORMAT}' at the top of the bank")
    elif fmt != FORMAT:
        check.add(
            check.line_of(root, "format"),
            f"unsupported format {fmt!r}: this version of quiz reads {FORMAT!r}",
        )
    bank_id = check.text(root, "id", "the bank", required=True)
    if bank_id and not BANK_ID.match(bank_id):
        check.add(
            check.line_of(root, "id"),
            f"bank id {bank_id!r} must be lowercase letters, digits, '-' or '_' (at most 80)",
        )
    title = check.text(root, "title", "the bank", required=True)
    description = check.text(root, "description", "the bank")
    language = check.text(root, "language", "the bank", default="en") or "en"
    tags = tuple(t for t, _ in check.text_list(root, "tags", "the bank"))
    as_of = check.text(root, "as_of", "the bank")
    if as_of and not _ISO_DATE.match(as_of):
        check.add(check.line_of(root, "as_of"), f"as_of {as_of!r} must be a date like 2025-08-23")
    elif as_of and not _real_date(as_of):
        check.add(check.line_of(root, "as_of"), f"as_of: not a date (YYYY-MM-DD): {as_of!r}")

    source = _source(check, root, read_article)
    article = normalise_for_match(source.text) if source else None

    facts = _facts(check, root, article)
    fact_ids = {f.id for f in facts}
    questions = _questions(check, root, article, fact_ids, stream)
    drafts = _drafts(check, root, article, fact_ids, stream)
    rejected = _rejected(check, root, [*questions, *drafts])

    if check.problems or source is None:
        return None, check.problems
    bank = Bank(
        id=bank_id,
        title=title,
        source=source,
        questions=tuple(questions),
        drafts=tuple(drafts),
        rejected=rejected,
        facts=tuple(facts),
        description=description,
        language=language,
        tags=tags,
        as_of=as_of,
        path=path,
    )
    return bank, check.problems


def _source(check: Checker, root: LineDict, read_article: ArticleReader) -> Source | None:
    raw = root.get("source", MISSING)
    if raw is MISSING:
        check.add(root.line, "the bank: required field 'source' (the article) is missing")
        return None
    mapping = check.mapping(raw, check.line_of(root, "source"), "source")
    if mapping is None:
        return None
    check.unknown_fields(mapping, _SOURCE_FIELDS, "source")
    title = check.text(mapping, "title", "source", required=True)
    file = check.text(mapping, "file", "source")
    inline = check.text(mapping, "text", "source")
    if file and inline:
        check.add(mapping.line, "source: give the article as 'file' or as 'text', not both")
    if not file and not inline:
        check.add(
            mapping.line, "source: the article is missing; add 'file: ARTICLE.txt' or 'text: |'"
        )
        return None
    text = inline
    if file:
        try:
            text = read_article(file)
        except ValueError as error:
            check.add(check.line_of(mapping, "file"), f"source: {error}")
            return None
    published = check.text(mapping, "published", "source")
    if published and not _ISO_DATE.match(published):
        check.add(
            check.line_of(mapping, "published"),
            f"source: published {published!r} must be a date like 2025-08-23",
        )
    elif published and not _real_date(published):
        check.add(
            check.line_of(mapping, "published"),
            f"source: published: not a date (YYYY-MM-DD): {published!r}",
        )
    return Source(
        title=title,
        text=text,
        outlet=check.text(mapping, "outlet", "source"),
        published=published,
        url=check.text(mapping, "url", "source"),
        file=file,
    )


def _entries(check: Checker, root: LineDict, key: str) -> LineList:
    value = root.get(key, MISSING)
    if value is MISSING or value is None:
        if key == "questions":
            check.add(root.line, "the bank has no 'questions' list")
        return LineList(0)
    if not isinstance(value, LineList):
        check.add(check.line_of(root, key), f"{key!r} must be a list (lines starting with '- ')")
        return LineList(0)
    return value


def _facts(check: Checker, root: LineDict, article: str | None) -> list[Fact]:
    facts: list[Fact] = []
    seen: dict[str, int] = {}
    entries = _entries(check, root, "facts")
    for index, raw in enumerate(entries):
        line = entries.item_lines[index]
        mapping = check.mapping(raw, line, f"fact #{index + 1}")
        if mapping is None:
            continue
        fact_id = check.text(mapping, "id", f"fact #{index + 1}", required=True)
        where = f"fact {fact_id!r}" if fact_id else f"fact #{index + 1}"
        check.unknown_fields(mapping, _FACT_FIELDS, where)
        if fact_id:
            check_id(check, fact_id, check.line_of(mapping, "id"), seen, "fact")
        kind = check.text(mapping, "kind", where, required=True)
        if kind and kind not in FACT_KINDS:
            check.add(
                check.line_of(mapping, "kind"),
                f"{where}: kind {kind!r} is not one of {', '.join(FACT_KINDS)}",
            )
        statement = check.text(mapping, "statement", where, required=True)
        key = check.text(mapping, "key", where, required=True)
        sentence = check.text(mapping, "source", where, required=True)
        check_in_article(check, article, sentence, check.line_of(mapping, "source"), where)
        if key and sentence and normalise_for_match(key) not in normalise_for_match(sentence):
            check.add(
                check.line_of(mapping, "key"), f"{where}: 'key' must occur in its 'source' sentence"
            )
        facts.append(Fact(id=fact_id, statement=statement, kind=kind, key=key, source=sentence))
    return facts


def _questions(
    check: Checker,
    root: LineDict,
    article: str | None,
    fact_ids: set[str],
    stream: QuestionStream | None,
) -> list[Question]:
    present = isinstance(root.get("questions"), LineList)
    entries = _entries(check, root, "questions")
    if stream is None:  # a tree parsed without streaming: build its questions now
        stream = QuestionStream()
        for index, raw in enumerate(entries):
            stream(raw, entries.item_lines[index])
    if present and not entries:
        check.add(entries.line, "the 'questions' list is empty; add at least one question")
    return stream.finish(check, article, fact_ids)


def _rejected(check: Checker, root: LineDict, asked: list[Question]) -> tuple[str, ...]:
    """The ids a teacher rejected: texts, each once, none the id of a question or draft of
    the bank (it would be both kept and rejected)."""
    ids = {q.id for q in asked}
    out: list[str] = []
    for qid, line in check.text_list(root, "rejected", "the bank"):
        if qid in ids:
            check.add(
                line,
                f"rejected: {qid!r} is also a question of this bank; take it out of "
                "'rejected' to keep the question, or delete the question",
            )
        elif qid in out:
            check.add(line, f"rejected: {qid!r} is listed twice")
        else:
            out.append(qid)
    return tuple(out)


def _drafts(
    check: Checker,
    root: LineDict,
    article: str | None,
    fact_ids: set[str],
    stream: QuestionStream | None,
) -> list[Question]:
    """The held-back questions: checked as questions are (their ids unique among the bank's
    questions too), built after them; an empty or missing list is fine."""
    if "drafts" not in root:
        return []
    entries = _entries(check, root, "drafts")
    drafts = QuestionStream(seen=stream.seen if stream is not None else None, what="draft")
    for index, raw in enumerate(entries):
        drafts(raw, entries.item_lines[index])
    return drafts.finish(check, article, fact_ids)
