"""Fill in the blank: a prompt with one ``___`` per blank, each blank with its accepted answers.

Everything about the type is here: model, bank-file field and checks, codecs (bank file, cache
row, edit form), grading (each blank compared forgivingly) and its export shape (blanks).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from quiz.bank.question import Question
from quiz.bank.types import plain
from quiz.bank.types.form import EXPLANATION, FormField, FormSpec, lines
from quiz.bank.types.registry import QuestionType, row_encoder
from quiz.bank.types.shapes import Blanks

if TYPE_CHECKING:
    from quiz.bank.validate_fields import Checker
    from quiz.bank.yamlsafe import LineDict
    from quiz.marking.grade import Grade

#: How a cloze prompt marks a blank: a run of three or more underscores. Compiled where it
#: is first used (``re`` keeps it), not at import: every start imports this module, and
#: compiling it took about 0.1 ms.
BLANK_PATTERN = r"_{3,}"


class Cloze(Question, frozen=True, kw_only=True):
    """``prompt`` has one ``___`` per blank; ``blanks[i]`` lists the accepted answers of
    blank i, the first being the one shown as correct."""

    TYPE: ClassVar[str] = "cloze"
    NAME: ClassVar[str] = "Fill in the blank"
    blanks: tuple[tuple[str, ...], ...]

    def answer_text(self) -> str:
        return "; ".join(b[0] for b in self.blanks)


def build(check: Checker, q: LineDict, where: str, common: dict[str, Any]) -> Cloze | None:
    from quiz.bank.yamlsafe import LineDict, LineList  # the YAML reader: only when parsing

    raw = q.get("blanks")
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
    count = len(re.findall(BLANK_PATTERN, common["prompt"]))
    if common["prompt"] and count != len(raw):
        check.add(
            check.line_of(q, "prompt"),
            f"{where}: the prompt has {count} blank(s) (___) but 'blanks' lists {len(raw)}",
        )
    return Cloze(**common, blanks=tuple(blanks))


def to_dict(question: Cloze) -> dict[str, Any]:
    return {"blanks": [b[0] if len(b) == 1 else plain.texts(b) for b in question.blanks]}


to_row = row_encoder(Cloze, ("blanks",))


def from_row(
    _kind: str,
    qid: str,
    prompt: str,
    source: str,
    fact: str,
    explanation: str,
    tags: tuple[str, ...],
    difficulty: int | None,
    silence: tuple[tuple[str, str], ...],
    held: str,
    blanks: tuple[tuple[str, ...], ...],
) -> Cloze:
    """The question from its cache row (see :func:`~quiz.bank.types.registry.row_encoder`)."""
    return Cloze(
        id=qid,
        prompt=prompt,
        source=source,
        fact=fact,
        explanation=explanation,
        tags=tags,
        difficulty=difficulty,
        silence=silence,
        held_back=held,
        blanks=blanks,
    )


def grade_blanks(shape: Blanks, response: Any, prompt: str = "") -> Grade:
    """Grade one typed text per blank, each against that blank's accepted answers. With the
    ``prompt``, an answer that repeats the words around its blank ("9,000 acres" in "___
    acres") is read without them (:func:`quiz.marking.text.without_stem_words`)."""
    from quiz.marking.grade import Grade
    from quiz.marking.outcome import Outcome
    from quiz.marking.text import match_text, without_stem_words

    given = list(response)
    blanks = shape.blanks
    answers = [str(r).strip() for r in given] + [""] * (len(blanks) - len(given))
    pieces = re.split(BLANK_PATTERN, prompt)  # a blank is three underscores or more
    around = [
        (pieces[n], pieces[n + 1]) if prompt and n + 1 < len(pieces) else ("", "")
        for n in range(len(blanks))
    ]
    matches = []
    read: list[str] = []
    for answer, blank, (before, after) in zip(answers, blanks, around, strict=False):
        match, core = match_text(answer, blank), ""
        stripped = None if match.outcome.correct else without_stem_words(answer, before, after)
        if stripped is not None:
            read_off = match_text(stripped, blank)
            if read_off.outcome.correct:
                match, core = read_off, stripped
        read.append(core)
        matches.append(match)
    parts = tuple(m.outcome.correct for m in matches)
    notes: list[str] = []
    many = len(blanks) > 1
    for n, (m, core) in enumerate(zip(matches, read, strict=True), start=1):
        label = f"Blank {n}: " if many else ""
        if core:
            notes.append(f"{label}read as “{core}”: the sentence gives the rest.")
        if m.outcome is Outcome.NEAR_MISS:
            notes.append(f"{label}accepted a near miss: the exact answer is “{m.matched}”.")
    if all(m.outcome is Outcome.RIGHT for m in matches):
        outcome = Outcome.RIGHT
    elif all(parts):
        outcome = Outcome.NEAR_MISS
    else:
        outcome = Outcome.WRONG
        if many:
            notes.insert(0, f"{sum(parts)} of {len(parts)} blanks right.")
    notes = [n[0].upper() + n[1:] for n in notes]
    return Grade(outcome, "; ".join(answers), tuple(notes), parts)


def shape(question: Cloze) -> Blanks:
    return Blanks(question.blanks)


def grade(question: Cloze, response: Any) -> Grade:
    return grade_blanks(shape(question), response, question.prompt)


def form_fields(question: Cloze) -> list[FormField]:
    return [
        FormField("prompt", "Text", "write ___ for each blank", wrap=True),
        FormField(
            "blanks",
            "Blanks",
            "one line per blank, in order; other accepted answers after |",
            lines=True,
        ),
        EXPLANATION,
    ]


def form_values(question: Cloze) -> dict[str, str]:
    return {"blanks": "\n".join(" | ".join(b) for b in question.blanks)}


def form_read(base: Cloze, values: Mapping[str, str]) -> tuple[dict[str, Any], list[str]]:
    blanks = [[v.strip() for v in line.split("|") if v.strip()] for line in lines(values["blanks"])]
    return {"blanks": blanks}, []


#: Registered by :mod:`quiz.bank.types`, in the order of the built-in types.
CLOZE = QuestionType(
    model=Cloze,
    short_name="cloze",
    slow_seconds=40.0,
    fields=frozenset({"blanks"}),
    build=build,
    to_dict=to_dict,
    to_row=to_row,
    from_row=from_row,
    grade=grade,
    shape=shape,
    form=FormSpec(form_fields, form_values, form_read),
)
