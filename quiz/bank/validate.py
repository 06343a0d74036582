"""Turn a parsed bank document into a :class:`Bank`, collecting every problem on the way.

The validator never stops at the first problem: a teacher fixing a hand-written bank wants the
whole list at once, each with its line and a hint of how to fix it.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable
from sys import intern
from typing import Any

from quiz.bank.errors import Problem
from quiz.bank.model import (
    BLANK_PATTERN,
    FACT_KINDS,
    FORMAT,
    QUESTION_TYPES,
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
from quiz.bank.review.codes import ADVICE_CODES, BANK_WIDE
from quiz.bank.text import CONTROL_CHARS, normalise_for_match
from quiz.bank.yamlsafe import LineDict, LineList, YamlProblem

MAX_QUESTIONS = 200_000
MAX_TEXT = 10_000
BANK_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,79}$")
ITEM_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$")
_BLANK = re.compile(BLANK_PATTERN)

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
}
_SOURCE_FIELDS = {"title", "outlet", "published", "url", "file", "text"}
_FACT_FIELDS = {"id", "statement", "kind", "key", "source"}
_COMMON_FIELDS = {
    "id",
    "type",
    "prompt",
    "source",
    "fact",
    "explanation",
    "tags",
    "difficulty",
    "silence",
    "held_back",
}
_TYPE_FIELDS: dict[str, set[str]] = {
    "multiple_choice": {"choices", "answer", "multiple"},
    "true_false": {"answer"},
    "cloze": {"blanks"},
    "short_answer": {"answer", "accept"},
    "matching": {"pairs"},
    "numeric": {"answer", "tolerance", "unit"},
    "ordering": {"items"},
}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

#: Reads the article named by ``source.file``; returns its text or raises ValueError(message).
ArticleReader = Callable[[str], str]

_MISSING = object()


class _Checker:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, line: int, message: str) -> None:
        self.problems.append(Problem(line, message))

    # -- field access --------------------------------------------------------------------------

    def line_of(self, mapping: LineDict, key: str) -> int:
        return mapping.key_lines.get(key, mapping.line)

    def unknown_fields(self, mapping: LineDict, allowed: set[str], where: str) -> None:
        for key in mapping:
            if key in allowed:
                continue
            hint = difflib.get_close_matches(key, sorted(allowed), n=1)
            suggestion = f" (did you mean {hint[0]!r}?)" if hint else ""
            self.add(
                self.line_of(mapping, key),
                f"unknown field {key!r} in {where}{suggestion}; "
                f"allowed: {', '.join(sorted(allowed))}",
            )

    def text(
        self, mapping: LineDict, key: str, where: str, *, required: bool = False, default: str = ""
    ) -> str:
        """A text field. Plain scalars YAML read as numbers or booleans are taken as typed."""
        value = mapping.get(key, _MISSING)
        line = self.line_of(mapping, key)
        if value is _MISSING or value is None:
            if required:
                why = "is empty" if value is None else "is missing"
                self.add(line, f"{where}: required field {key!r} {why}")
            return default
        if not isinstance(value, str):
            raw = mapping.raw.get(key)
            if raw is None:
                self.add(line, f"{where}: {key!r} must be text, not a {_kind(value)}")
                return default
            value = raw
        return self.clean_text(value, line, f"{where}: {key!r}", required=required)

    def clean_text(self, value: str, line: int, what: str, *, required: bool = True) -> str:
        if CONTROL_CHARS.search(value):
            self.add(
                line, f"{what} contains control characters (such as escape codes); remove them"
            )
            return CONTROL_CHARS.sub("", value).strip()
        if len(value) > MAX_TEXT:
            self.add(line, f"{what} is longer than {MAX_TEXT:,} characters")
        value = value.strip()
        if required and not value:
            self.add(line, f"{what} is empty")
        return value

    def text_list(
        self, mapping: LineDict, key: str, where: str, *, required: bool = False
    ) -> list[tuple[str, int]]:
        """A list of texts (a single text is taken as a list of one)."""
        value = mapping.get(key, _MISSING)
        line = self.line_of(mapping, key)
        if value is _MISSING or value is None:
            if required:
                self.add(line, f"{where}: required field {key!r} is missing")
            return []
        if not isinstance(value, LineList):
            text = self.text(mapping, key, where)
            return [(text, line)] if text else []
        items: list[tuple[str, int]] = []
        for index, item in enumerate(value):
            item_line = value.item_lines[index]
            if isinstance(item, str):
                text = item
            elif index in value.raw:
                text = value.raw[index]
            else:
                self.add(
                    item_line, f"{where}: each entry of {key!r} must be text, not a {_kind(item)}"
                )
                continue
            items.append(
                (self.clean_text(text, item_line, f"{where}: an entry of {key!r}"), item_line)
            )
        return items

    def mapping(self, value: Any, line: int, what: str) -> LineDict | None:
        if isinstance(value, LineDict):
            return value
        self.add(line, f"{what} must be a mapping (key: value lines), not a {_kind(value)}")
        return None


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false value"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, LineList):
        return "list"
    if isinstance(value, LineDict):
        return "mapping"
    if value is None:
        return "empty value"
    return "text"


def build_bank(
    document: Any,
    *,
    path: str,
    read_article: ArticleReader,
    stream: QuestionStream | None = None,
) -> tuple[Bank | None, list[Problem]]:
    """Validate a parsed document and build the bank. Returns (bank or None, problems)."""
    check = _Checker()
    if document is None:
        check.add(1, "the file is empty; a bank starts with 'format: quiz-bank/1'")
        return None, check.problems
    root = check.mapping(document, getattr(document, "line", 1), "a bank")
    if root is None:
        return None, check.problems

    check.unknown_fields(root, _BANK_FIELDS, "the bank")
    fmt = root.get("format", _MISSING)
    if fmt is _MISSING:
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

    source = _source(check, root, read_article)
    article = normalise_for_match(source.text) if source else None

    facts = _facts(check, root, article)
    fact_ids = {f.id for f in facts}
    questions = _questions(check, root, article, fact_ids, stream)
    drafts = _drafts(check, root, article, fact_ids, stream)

    if check.problems or source is None:
        return None, check.problems
    bank = Bank(
        id=bank_id,
        title=title,
        source=source,
        questions=tuple(questions),
        drafts=tuple(drafts),
        facts=tuple(facts),
        description=description,
        language=language,
        tags=tags,
        as_of=as_of,
        path=path,
    )
    return bank, check.problems


def _source(check: _Checker, root: LineDict, read_article: ArticleReader) -> Source | None:
    raw = root.get("source", _MISSING)
    if raw is _MISSING:
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
    return Source(
        title=title,
        text=text,
        outlet=check.text(mapping, "outlet", "source"),
        published=published,
        url=check.text(mapping, "url", "source"),
        file=file,
    )


def _entries(check: _Checker, root: LineDict, key: str) -> LineList:
    value = root.get(key, _MISSING)
    if value is _MISSING or value is None:
        if key == "questions":
            check.add(root.line, "the bank has no 'questions' list")
        return LineList(0)
    if not isinstance(value, LineList):
        check.add(check.line_of(root, key), f"{key!r} must be a list (lines starting with '- ')")
        return LineList(0)
    return value


def _check_in_article(
    check: _Checker, article: str | None, sentence: str, line: int, where: str
) -> None:
    if article is not None and sentence and normalise_for_match(sentence) not in article:
        check.add(
            line,
            f"{where}: 'source' does not occur in the article; copy the sentence verbatim "
            "(whitespace and quote styles may differ)",
        )


def _facts(check: _Checker, root: LineDict, article: str | None) -> list[Fact]:
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
            _check_id(check, fact_id, check.line_of(mapping, "id"), seen, "fact")
        kind = check.text(mapping, "kind", where, required=True)
        if kind and kind not in FACT_KINDS:
            check.add(
                check.line_of(mapping, "kind"),
                f"{where}: kind {kind!r} is not one of {', '.join(FACT_KINDS)}",
            )
        statement = check.text(mapping, "statement", where, required=True)
        key = check.text(mapping, "key", where, required=True)
        sentence = check.text(mapping, "source", where, required=True)
        _check_in_article(check, article, sentence, check.line_of(mapping, "source"), where)
        if key and sentence and normalise_for_match(key) not in normalise_for_match(sentence):
            check.add(
                check.line_of(mapping, "key"), f"{where}: 'key' must occur in its 'source' sentence"
            )
        facts.append(Fact(id=fact_id, statement=statement, kind=kind, key=key, source=sentence))
    return facts


def _check_id(check: _Checker, item_id: str, line: int, seen: dict[str, int], what: str) -> None:
    if not ITEM_ID.match(item_id):
        check.add(
            line,
            f"{what} id {item_id!r} may use only letters, digits, '-', '_', '.', ':' (no spaces)",
        )
    if item_id in seen:
        check.add(
            line,
            f"duplicate {what} id {item_id!r} (first at line {seen[item_id]}); ids must be unique",
        )
    else:
        seen[item_id] = line


class QuestionStream:
    """Builds questions one at a time, as the loader streams them in (see ``load_yaml``'s
    ``on_item``), and remembers what can only be checked once the whole file is read: that each
    ``source`` is in the article and each ``fact`` exists."""

    def __init__(
        self, seen: dict[str, int] | None = None, what: str = "question", *, lines: bool = False
    ) -> None:
        self.check = _Checker()
        #: With ``lines``: the line each question starts on, by id (``quiz check`` names
        #: ``FILE:LINE``; the bank model does not carry lines, and a quiz never needs them).
        self.lines: dict[str, int] | None = {} if lines else None
        # ids already used (a bank's drafts share the id space of its questions)
        self.seen: dict[str, int] = {} if seen is None else seen
        self.what = what
        self.count = 0
        self.questions: list[Question] = []
        # (where, source sentence, its line, fact id, its line) per question, checked at the end
        self.deferred: list[tuple[str, str, int, str, int]] = []

    def __call__(self, raw: Any, line: int) -> Question | None:
        self.count += 1
        if self.count > MAX_QUESTIONS:
            raise YamlProblem(
                line, f"too many questions (more than {MAX_QUESTIONS:,}); split the bank"
            )
        mapping = self.check.mapping(raw, line, f"{self.what} #{self.count}")
        if mapping is None:
            return None
        question = _question(
            self.check, mapping, self.count - 1, self.seen, self.deferred, what=self.what
        )
        if question is not None:
            self.questions.append(question)
            if self.lines is not None:
                self.lines[question.id] = line
        return question

    def finish(self, check: _Checker, article: str | None, fact_ids: set[str]) -> list[Question]:
        """The built questions, after the checks that needed the whole file."""
        check.problems.extend(self.check.problems)
        in_article: dict[str, bool] = {}
        for where, sentence, source_line, fact, fact_line in self.deferred:
            if article is not None and sentence:
                found = in_article.get(sentence)
                if found is None:
                    found = in_article[sentence] = normalise_for_match(sentence) in article
                if not found:
                    _check_in_article(check, article, sentence, source_line, where)
            if fact and fact not in fact_ids:
                check.add(fact_line, f"{where}: fact {fact!r} is not in the bank's facts")
        return self.questions


def _questions(
    check: _Checker,
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


def _drafts(
    check: _Checker,
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


def _question(
    check: _Checker,
    q: LineDict,
    index: int,
    seen: dict[str, int],
    deferred: list[tuple[str, str, int, str, int]],
    what: str = "question",
) -> Question | None:
    before = len(check.problems)
    qid = check.text(q, "id", f"{what} #{index + 1}", required=True)
    where = f"{what} {qid!r}" if qid else f"{what} #{index + 1}"
    if qid:
        _check_id(check, qid, check.line_of(q, "id"), seen, "question")
    qtype = check.text(q, "type", where, required=True)
    if qtype and qtype not in QUESTION_TYPES:
        hint = difflib.get_close_matches(qtype, sorted(QUESTION_TYPES), n=1)
        suggestion = f" (did you mean {hint[0]!r}?)" if hint else ""
        check.add(
            check.line_of(q, "type"),
            f"{where}: unknown type {qtype!r}{suggestion}; one of {', '.join(QUESTION_TYPES)}",
        )
        return None
    if not qtype:
        return None
    check.unknown_fields(q, _COMMON_FIELDS | _TYPE_FIELDS[qtype], f"{where} ({qtype})")
    prompt = check.text(q, "prompt", where, required=True)
    # Sentences, fact ids and tags repeat across a bank's questions: share one copy of each.
    sentence = intern(check.text(q, "source", where, required=True))
    fact = intern(check.text(q, "fact", where))
    deferred.append((where, sentence, check.line_of(q, "source"), fact, check.line_of(q, "fact")))
    explanation = check.text(q, "explanation", where)
    tags = tuple(intern(t) for t, _ in check.text_list(q, "tags", where))
    difficulty = q.get("difficulty")
    if difficulty is not None and (
        isinstance(difficulty, bool) or not isinstance(difficulty, int) or not 1 <= difficulty <= 3
    ):
        check.add(check.line_of(q, "difficulty"), f"{where}: difficulty must be 1, 2 or 3")
        difficulty = None
    common: dict[str, Any] = dict(
        id=qid,
        prompt=prompt,
        source=sentence,
        fact=fact,
        explanation=explanation,
        tags=tags,
        difficulty=difficulty,
    )
    if "silence" in q:
        common["silence"] = _silence(check, q, where)
    if "held_back" in q:
        common["held_back"] = check.text(q, "held_back", where)
    built = _BUILDERS[qtype](check, q, where, common)
    if built is None or len(check.problems) > before:
        return None
    return built


def _silence(check: _Checker, q: LineDict, where: str) -> tuple[tuple[str, str], ...]:
    """``silence: {ADVICE-CODE: reason}``: item-review advice the teacher silenced for this
    question. A reason is required, so a silenced advice always says why it does not apply."""
    raw = q.get("silence")
    if raw is None:
        return ()
    mapping = check.mapping(raw, check.line_of(q, "silence"), f"{where}: 'silence'")
    if mapping is None:
        return ()
    silenced: list[tuple[str, str]] = []
    for code in mapping:
        line = check.line_of(mapping, code)
        if code not in ADVICE_CODES:
            hint = difflib.get_close_matches(code, ADVICE_CODES, n=1)
            suggestion = f" (did you mean {hint[0]!r}?)" if hint else ""
            check.add(
                line,
                f"{where}: 'silence' names unknown advice {code!r}{suggestion}; "
                f"one of {', '.join(ADVICE_CODES)}",
            )
            continue
        if code in BANK_WIDE:
            check.add(
                line,
                f"{where}: advice {code!r} concerns the whole bank and cannot be silenced for "
                "one question",
            )
            continue
        value = mapping[code]
        if value is None or (isinstance(value, str) and not value.strip()):
            check.add(
                line,
                f"{where}: silencing {code!r} needs a reason (why the advice does not apply), "
                f"as '{code}: REASON'",
            )
            continue
        reason = check.text(mapping, code, f"{where}: silence {code!r}")
        if reason:
            silenced.append((code, reason))
    return tuple(silenced)


def _multiple_choice(
    check: _Checker, q: LineDict, where: str, common: dict[str, Any]
) -> Question | None:
    choices = check.text_list(q, "choices", where, required=True)
    multiple = q.get("multiple", False)
    if not isinstance(multiple, bool):
        check.add(check.line_of(q, "multiple"), f"{where}: 'multiple' must be true or false")
        multiple = False
    if choices and not 2 <= len(choices) <= 6:
        check.add(check.line_of(q, "choices"), f"{where}: give 2 to 6 choices, not {len(choices)}")
    _distinct(check, choices, where, "choice")
    texts = [c for c, _ in choices]
    answers = check.text_list(q, "answer", where, required=True)
    if not multiple and isinstance(q.get("answer"), LineList):
        check.add(
            check.line_of(q, "answer"),
            f"{where}: 'answer' is a list; add 'multiple: true' or give one answer",
        )
    elif not multiple and len(answers) > 1:
        check.add(
            check.line_of(q, "answer"), f"{where}: exactly one answer without 'multiple: true'"
        )
    for answer, line in answers:
        if answer and answer not in texts:
            close = difflib.get_close_matches(answer, texts, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            check.add(line, f"{where}: answer {answer!r} is not one of the choices{hint}")
    if len({a for a, _ in answers}) != len(answers):
        check.add(check.line_of(q, "answer"), f"{where}: the same answer is listed twice")
    return MultipleChoice(
        **common, choices=tuple(texts), answers=tuple(a for a, _ in answers), multiple=multiple
    )


def _distinct(check: _Checker, items: list[tuple[str, int]], where: str, what: str) -> None:
    seen: dict[str, int] = {}
    for text, line in items:
        if not text:
            continue  # already reported as empty
        folded = text.casefold()
        if folded in seen:
            also = f" (also at line {seen[folded]})" if seen[folded] != line else ""
            check.add(line, f"{where}: duplicate {what} {text!r}{also}")
        else:
            seen[folded] = line


def _true_false(
    check: _Checker, q: LineDict, where: str, common: dict[str, Any]
) -> Question | None:
    answer = q.get("answer", _MISSING)
    if not isinstance(answer, bool):
        check.add(check.line_of(q, "answer"), f"{where}: 'answer' must be true or false")
        return None
    return TrueFalse(**common, answer=answer)


def _cloze(check: _Checker, q: LineDict, where: str, common: dict[str, Any]) -> Question | None:
    raw = q.get("blanks", _MISSING)
    line = check.line_of(q, "blanks")
    if not isinstance(raw, LineList) or not raw:
        check.add(line, f"{where}: 'blanks' must list the answer of each ___ in the prompt")
        return None
    blanks: list[tuple[str, ...]] = []
    for index, entry in enumerate(raw):
        entry_line = raw.item_lines[index]
        if isinstance(entry, LineList):
            holder = LineDict(entry_line)
            holder["blank"] = entry
            variants = check.text_list(holder, "blank", where)
        elif isinstance(entry, str) or index in raw.raw:
            text = entry if isinstance(entry, str) else raw.raw[index]
            variants = [
                (check.clean_text(text, entry_line, f"{where}: blank {index + 1}"), entry_line)
            ]
        else:
            check.add(entry_line, f"{where}: blank {index + 1} must be text or a list of texts")
            continue
        answers = tuple(v for v, _ in variants if v)
        if not answers:
            check.add(entry_line, f"{where}: blank {index + 1} has no accepted answer")
        blanks.append(answers)
    count = len(_BLANK.findall(common["prompt"]))
    if common["prompt"] and count != len(raw):
        check.add(
            check.line_of(q, "prompt"),
            f"{where}: the prompt has {count} blank(s) (___) but 'blanks' lists {len(raw)}",
        )
    return Cloze(**common, blanks=tuple(blanks))


def _short_answer(
    check: _Checker, q: LineDict, where: str, common: dict[str, Any]
) -> Question | None:
    answer = check.text(q, "answer", where, required=True)
    accept = [a for a, _ in check.text_list(q, "accept", where) if a]
    return ShortAnswer(**common, answers=(answer, *[a for a in accept if a != answer]))


def _matching(check: _Checker, q: LineDict, where: str, common: dict[str, Any]) -> Question | None:
    raw = q.get("pairs", _MISSING)
    line = check.line_of(q, "pairs")
    if not isinstance(raw, LineList):
        check.add(line, f"{where}: 'pairs' must be a list of {{left: ..., right: ...}}")
        return None
    if not 3 <= len(raw) <= 8:
        check.add(line, f"{where}: give 3 to 8 pairs, not {len(raw)}")
    pairs: list[Pair] = []
    lefts: list[tuple[str, int]] = []
    rights: list[tuple[str, int]] = []
    for index, entry in enumerate(raw):
        entry_line = raw.item_lines[index]
        mapping = check.mapping(entry, entry_line, f"{where}: pair {index + 1}")
        if mapping is None:
            continue
        check.unknown_fields(mapping, {"left", "right"}, f"{where}: pair {index + 1}")
        left = check.text(mapping, "left", f"{where}: pair {index + 1}", required=True)
        right = check.text(mapping, "right", f"{where}: pair {index + 1}", required=True)
        lefts.append((left, check.line_of(mapping, "left")))
        rights.append((right, check.line_of(mapping, "right")))
        pairs.append(Pair(left, right))
    _distinct(check, lefts, where, "left side")
    _distinct(check, rights, where, "right side")
    return Matching(**common, pairs=tuple(pairs))


def _number(check: _Checker, q: LineDict, key: str, where: str, *, required: bool) -> float | None:
    value = q.get(key, _MISSING)
    if value is _MISSING or value is None:
        if required:
            check.add(check.line_of(q, key), f"{where}: required field {key!r} is missing")
        return None
    if isinstance(value, str):
        try:
            value = float(value.replace(",", "").replace("_", ""))
        except ValueError:
            value = None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        check.add(check.line_of(q, key), f"{where}: {key!r} must be a number like 80000 or 2.5")
        return None
    return float(value)


def _numeric(check: _Checker, q: LineDict, where: str, common: dict[str, Any]) -> Question | None:
    answer = _number(check, q, "answer", where, required=True)
    tolerance = _number(check, q, "tolerance", where, required=False) or 0.0
    if tolerance < 0:
        check.add(check.line_of(q, "tolerance"), f"{where}: 'tolerance' cannot be negative")
    unit = check.text(q, "unit", where)
    if answer is None:
        return None
    return Numeric(**common, answer=answer, tolerance=tolerance, unit=unit)


def _ordering(check: _Checker, q: LineDict, where: str, common: dict[str, Any]) -> Question | None:
    items = check.text_list(q, "items", where, required=True)
    if items and not 2 <= len(items) <= 8:
        check.add(check.line_of(q, "items"), f"{where}: give 2 to 8 items, not {len(items)}")
    _distinct(check, items, where, "item")
    return Ordering(**common, items=tuple(t for t, _ in items))


_BUILDERS: dict[str, Callable[[_Checker, LineDict, str, dict[str, Any]], Question | None]] = {
    "multiple_choice": _multiple_choice,
    "true_false": _true_false,
    "cloze": _cloze,
    "short_answer": _short_answer,
    "matching": _matching,
    "numeric": _numeric,
    "ordering": _ordering,
}
