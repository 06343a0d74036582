"""The edit form: the fields a teacher edits for each question type, and the question they make.

Edits come in as the text of a form (:func:`form_fields`, :func:`form_values`) and are checked
by the bank validator itself (:func:`question_from_form`), so an edited question can never make
a bank that does not load.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from quiz.authoring.choices import place_answers, wrong_options
from quiz.bank.dump import fact_to_dict, question_to_dict
from quiz.bank.errors import BankError
from quiz.bank.model import (
    FORMAT,
    Cloze,
    Matching,
    MultipleChoice,
    Numeric,
    Ordering,
    Question,
    ShortAnswer,
    TrueFalse,
    format_number,
)

if TYPE_CHECKING:
    from quiz.authoring.draft import Draft


@dataclass(frozen=True, slots=True)
class FormField:
    """One field of the edit form. ``lines``: a text area, one entry per line. ``wrap``: one
    paragraph of text, wrapped as it is typed (line breaks become spaces). ``options``: one of
    these values (shown as a choice, not typed)."""

    name: str
    label: str
    hint: str = ""
    lines: bool = False
    wrap: bool = False
    options: tuple[str, ...] = ()


_PROMPT = FormField("prompt", "Question", wrap=True)
_EXPLANATION = FormField(
    "explanation", "Explanation", "shown after the answer (optional)", wrap=True
)


def form_fields(question: Question) -> list[FormField]:
    """The fields a teacher edits for this question, in order."""
    if isinstance(question, MultipleChoice):
        if question.multiple:
            middle = [
                FormField("answer", "Right answers", "one per line", lines=True),
                FormField("wrong", "Wrong options", "one per line", lines=True),
            ]
        else:
            middle = [
                FormField("answer", "Right answer"),
                FormField("wrong", "Wrong options", "one per line; 1 to 5 of them", lines=True),
            ]
        return [_PROMPT, *middle, _EXPLANATION]
    if isinstance(question, TrueFalse):
        return [
            FormField("prompt", "Statement", wrap=True),
            FormField("answer", "The statement is", options=("true", "false")),
            _EXPLANATION,
        ]
    if isinstance(question, Cloze):
        return [
            FormField("prompt", "Text", "write ___ for each blank", wrap=True),
            FormField(
                "blanks",
                "Blanks",
                "one line per blank, in order; other accepted answers after |",
                lines=True,
            ),
            _EXPLANATION,
        ]
    if isinstance(question, ShortAnswer):
        return [
            _PROMPT,
            FormField("answer", "Answer"),
            FormField("accept", "Also accept", "one per line (optional)", lines=True),
            _EXPLANATION,
        ]
    if isinstance(question, Numeric):
        return [
            _PROMPT,
            FormField("answer", "Answer", "a number like 80000 or 2.5"),
            FormField("tolerance", "Tolerance", "how far off still counts (optional)"),
            FormField("unit", "Unit", "shown after the answer box (optional)"),
            _EXPLANATION,
        ]
    if isinstance(question, Matching):
        return [
            _PROMPT,
            FormField("pairs", "Pairs", "one per line: left -> right; 3 to 8 pairs", lines=True),
            _EXPLANATION,
        ]
    if isinstance(question, Ordering):
        return [
            _PROMPT,
            FormField("items", "Items", "one per line, in the right order", lines=True),
            _EXPLANATION,
        ]
    raise TypeError(type(question).__name__)  # pragma: no cover


def form_values(question: Question) -> dict[str, str]:
    """The question's current values as the form shows them."""
    values = {"prompt": question.prompt, "explanation": question.explanation}
    if isinstance(question, MultipleChoice):
        values["answer"] = "\n".join(question.answers)
        values["wrong"] = "\n".join(wrong_options(question))
    elif isinstance(question, TrueFalse):
        values["answer"] = "true" if question.answer else "false"
    elif isinstance(question, Cloze):
        values["blanks"] = "\n".join(" | ".join(b) for b in question.blanks)
    elif isinstance(question, ShortAnswer):
        values["answer"] = question.answers[0]
        values["accept"] = "\n".join(question.answers[1:])
    elif isinstance(question, Numeric):
        values["answer"] = format_number(question.answer).replace(",", "")
        values["tolerance"] = (
            format_number(question.tolerance).replace(",", "") if (question.tolerance) else ""
        )
        values["unit"] = question.unit
    elif isinstance(question, Matching):
        values["pairs"] = "\n".join(f"{p.left} -> {p.right}" for p in question.pairs)
    elif isinstance(question, Ordering):
        values["items"] = "\n".join(question.items)
    return values


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


_ARROW = re.compile(r"\s*(?:->|→|=>)\s*")


def _form_dict(base: Question, values: Mapping[str, str]) -> tuple[dict[str, Any], list[str]]:
    """The question mapping (as in a bank file) the form describes, plus problems the form
    itself can see (a pair without an arrow)."""
    out = question_to_dict(base)
    for key in ("choices", "answer", "accept", "blanks", "pairs", "items", "tolerance", "unit"):
        out.pop(key, None)
    problems: list[str] = []

    def get(name: str) -> str:
        return " ".join(values.get(name, "").split())

    out["prompt"] = get("prompt")
    explanation = get("explanation")
    if explanation:
        out["explanation"] = explanation
    else:
        out.pop("explanation", None)
    if isinstance(base, MultipleChoice):
        answers = _lines(values.get("answer", ""))
        wrong = _lines(values.get("wrong", ""))
        if not answers:
            problems.append("write the right answer")
        if not wrong:
            problems.append("give at least one wrong option")
        out["choices"] = place_answers(base, answers, wrong)
        if base.multiple:
            out["answer"] = answers
        else:
            if len(answers) > 1:
                problems.append("one right answer only (this is not a pick-all-that-apply)")
            out["answer"] = answers[0] if answers else ""
    elif isinstance(base, TrueFalse):
        answer = get("answer").lower()
        if answer not in ("true", "false"):
            problems.append("the statement is true or false")
        out["answer"] = answer == "true"
    elif isinstance(base, Cloze):
        out["blanks"] = [
            [v.strip() for v in line.split("|") if v.strip()] for line in _lines(values["blanks"])
        ]
    elif isinstance(base, ShortAnswer):
        out["answer"] = get("answer")
        accept = _lines(values.get("accept", ""))
        if accept:
            out["accept"] = accept
    elif isinstance(base, Numeric):
        out["answer"] = get("answer")
        if get("tolerance"):
            out["tolerance"] = get("tolerance")
        if get("unit"):
            out["unit"] = get("unit")
    elif isinstance(base, Matching):
        pairs = []
        for n, line in enumerate(_lines(values.get("pairs", "")), start=1):
            parts = _ARROW.split(line, maxsplit=1)
            if len(parts) != 2:
                problems.append(f"pair {n}: write it as left -> right")
                continue
            pairs.append({"left": parts[0], "right": parts[1]})
        out["pairs"] = pairs
    elif isinstance(base, Ordering):
        out["items"] = _lines(values.get("items", ""))
    order = [
        "id",
        "type",
        "multiple",
        "prompt",
        "choices",
        "answer",
        "accept",
        "blanks",
        "pairs",
        "tolerance",
        "unit",
        "items",
        "fact",
        "source",
        "explanation",
        "tags",
        "difficulty",
    ]
    return {k: out[k] for k in order if k in out}, problems


_AT_LINE = re.compile(r" \((?:also|first) at line \d+\)")
_WHERE = re.compile(r"^question (?:'[^']*'|#\d+)(?: \([a-z_]+\))?: ")


def question_from_form(
    draft: Draft, base: Question, values: Mapping[str, str]
) -> tuple[Question | None, list[str]]:
    """The edited question and no problems, or None and every problem (for people: no file,
    no line, no question id). The check is the bank validator's, on a bank holding only this
    question, its fact and the article."""
    data, problems = _form_dict(base, values)
    if problems:
        return None, problems
    return validate_question(draft, data)


def validate_question(draft: Draft, data: Mapping[str, Any]) -> tuple[Question | None, list[str]]:
    from quiz.bank.loader import parse_bank_text

    fact = draft.facts.get(str(data.get("fact", "")))
    document = {
        "format": FORMAT,
        "id": draft.bank.id,
        "title": draft.bank.title,
        "source": {"title": draft.bank.source.title, "text": draft.article},
        "facts": [fact_to_dict(fact)] if fact is not None else [],
        "questions": [dict(data)],
    }
    text = yaml.safe_dump(_plain(document), allow_unicode=True, sort_keys=False, width=10_000)
    try:
        bank = parse_bank_text(text, path=Path("draft.yaml"))
    except BankError as error:
        messages = list(
            dict.fromkeys(_AT_LINE.sub("", _WHERE.sub("", p.message)) for p in error.problems)
        )
        return None, [m[:1].upper() + m[1:] for m in messages]
    return bank.questions[0], []


def _plain(value: Any) -> Any:
    """Plain dicts and lists (the dumper's flow-style subclasses are not safe_dump's)."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value
