"""One question checked and built, as the loader streams it in; what needs the whole file, later.

The fields every question shares are read here; the type's own fields are checked, and the
question built, by its type's module (``build`` of its :class:`quiz.bank.types.QuestionType`).

A big bank is validated while it is parsed (``QuestionStream`` is the loader's ``on_item``), so
its questions are never held twice. What cannot be known from one question (that its ``source``
is in the article, that its ``fact`` exists) is remembered and checked by ``finish``.
"""

from __future__ import annotations

import difflib
from sys import intern
from typing import Any

from quiz.bank.question import Question
from quiz.bank.review.codes import ADVICE_CODES, BANK_WIDE
from quiz.bank.text import normalise_for_match
from quiz.bank.types import COMMON_FIELDS, QUESTION_TYPES, question_type
from quiz.bank.validate_fields import Checker, check_id, check_in_article
from quiz.bank.yamlsafe import LineDict, YamlProblem

MAX_QUESTIONS = 200_000


class QuestionStream:
    """Builds questions one at a time, as the loader streams them in (see ``load_yaml``'s
    ``on_item``), and remembers what can only be checked once the whole file is read: that each
    ``source`` is in the article and each ``fact`` exists."""

    def __init__(
        self, seen: dict[str, int] | None = None, what: str = "question", *, lines: bool = False
    ) -> None:
        self.check = Checker()
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

    def finish(self, check: Checker, article: str | None, fact_ids: set[str]) -> list[Question]:
        """The built questions, after the checks that needed the whole file."""
        check.problems.extend(self.check.problems)
        in_article: dict[str, bool] = {}
        for where, sentence, source_line, fact, fact_line in self.deferred:
            if article is not None and sentence:
                found = in_article.get(sentence)
                if found is None:
                    found = in_article[sentence] = normalise_for_match(sentence) in article
                if not found:
                    check_in_article(check, article, sentence, source_line, where)
            if fact and fact not in fact_ids:
                check.add(fact_line, f"{where}: fact {fact!r} is not in the bank's facts")
        return self.questions


def _any_type_fields() -> frozenset[str]:
    """Every field some question type takes: what a question without a type may hold."""
    from quiz.bank.types import question_types

    return frozenset().union(*(kind.fields for kind in question_types()))


def _question(
    check: Checker,
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
        check_id(check, qid, check.line_of(q, "id"), seen, "question")
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
        # the other fields are checked against a type's; without one, a misspelled "type" key
        # would go unnamed ("typ: short_answer" said only that 'type' was missing)
        check.unknown_fields(q, COMMON_FIELDS | _any_type_fields(), where)
        return None
    kind = question_type(qtype)  # its module checks and builds what is its own
    check.unknown_fields(q, COMMON_FIELDS | kind.fields, f"{where} ({qtype})")
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
    # the registry holds every type's QuestionType[Any]: what it builds is a Question
    built: Question | None = kind.build(check, q, where, common)
    if built is None or len(check.problems) > before:
        return None
    return built


def _silence(check: Checker, q: LineDict, where: str) -> tuple[tuple[str, str], ...]:
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
