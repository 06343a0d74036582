"""The edit form: the fields a teacher edits for each question type, and the question they make.

Each type describes its own form (``form`` of its :class:`quiz.bank.types.QuestionType`, in
its module): the fields, their values, and the bank-file keys the edited text makes. This
module adds what every type shares and checks the result.

Edits come in as the text of a form (:func:`form_fields`, :func:`form_values`) and are checked
by the bank validator itself (:func:`question_from_form`), so an edited question can never make
a bank that does not load.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from quiz.bank.dump import fact_to_dict, question_to_dict
from quiz.bank.errors import BankError
from quiz.bank.model import FORMAT, Question
from quiz.bank.types import FormField, type_of

if TYPE_CHECKING:
    from quiz.authoring.draft import Draft

__all__ = ["FormField", "form_fields", "form_values", "question_from_form", "validate_question"]


def form_fields(question: Question) -> list[FormField]:
    """The fields a teacher edits for this question, in order (its type's ``form``)."""
    return type_of(question).form.fields(question)


def form_values(question: Question) -> dict[str, str]:
    """The question's current values as the form shows them."""
    values = {"prompt": question.prompt, "explanation": question.explanation}
    values.update(type_of(question).form.values(question))
    return values


#: The shared keys of a question's mapping, as the form writes them back: the teacher's
#: silenced advice and a draft's reason are not carried through an edit, as before.
_HEAD = ("id", "type")
_TAIL = ("fact", "source", "explanation", "tags", "difficulty")


def _form_dict(base: Question, values: Mapping[str, str]) -> tuple[dict[str, Any], list[str]]:
    """The question mapping (as in a bank file) the form describes, plus problems the form
    itself can see (a pair without an arrow). The type's own keys come from its module."""
    shared = question_to_dict(base)
    kind = type_of(base)
    own, problems = kind.form.read(base, values)
    out: dict[str, Any] = {key: shared[key] for key in _HEAD}
    for key in kind.leading:
        if key in own:
            out[key] = own.pop(key)
    out["prompt"] = " ".join(values.get("prompt", "").split())
    out.update(own)
    explanation = " ".join(values.get("explanation", "").split())
    if explanation:
        shared["explanation"] = explanation
    else:
        shared.pop("explanation", None)
    out.update({key: shared[key] for key in _TAIL if key in shared})
    return out, problems


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
