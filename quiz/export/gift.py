"""Moodle GIFT (https://docs.moodle.org/en/GIFT_format), written for Moodle's own importer
(``question/format/gift/format.php``) and checked against the independent ``gift-pegjs`` parser.

How each export shape is written (``quiz/bank/types/shapes.py``; a type presents as one, so a
new type needs no change here; the built-in type of each is named first):

- ``multiple_choice``: ``{=right ~wrong ...}``. With ``multiple: true`` every choice carries a
  weight: the right ones share 100% evenly, the wrong ones share -100% evenly, so ticking
  everything scores 0 (weights like ``%33.33333%`` are on Moodle's list of grades). When the
  first choice is the right one and holds ``->``, a wrong choice is written first, or other GIFT
  parsers (gift-pegjs) take the block for matching.
- ``true_false``: ``{TRUE}`` / ``{FALSE}``.
- ``short_answer``: ``{=answer =variant ...}`` (Moodle compares case-insensitively). Moodle
  reads a block holding ``=`` and ``->`` as matching, so an answer with ``->`` is written bare
  when it is the only one (``{a->b}``) and with ``→`` when there are variants.
- ``numeric``: ``{#answer:tolerance}``; GIFT has no unit, so the unit goes in the prompt,
  "(in percent)".
- ``matching``: ``{=left -> right ...}``. Moodle splits a pair at its first ``->``, so a ``->``
  inside a left-hand text is written as ``→``.
- ``cloze`` with one blank: GIFT's missing-word form, ``text {=answer =variant} text``; a blank
  at the very start or end of the prompt is written ``_____`` with the answers after the text
  (Moodle shows no blank for answers at the end). A cloze with several blanks has no GIFT form
  (Moodle's multi-blank "embedded answers" type is not GIFT): it becomes one short-answer
  question per blank, the other blanks filled in, named ``ID/blank-N``.
- ``ordering``: GIFT has no such type; skipped, and said so.

Order: multiple-choice choices are written in their seeded shuffle (``quiz.export.arrange``),
so a Moodle quiz that does not shuffle does not show the right answers first. Matching pairs
are written in the bank's order: GIFT writes each left item with its match, and Moodle shows
the right-hand column in a new random order on every attempt (``qtype_match`` shuffles its
choices always), so the file has no column order to give away.

Warnings: every text written otherwise than the bank has it (``->`` as ``→``, a tag or a
category with characters GIFT cannot hold, a control character) is returned as an
:class:`~quiz.export.ExportWarning` naming the question; ``quiz export`` prints one line each.

Text: every question text is marked ``[plain]`` so Moodle shows bank text literally (``<b>``
stays ``<b>``); answers and feedback inherit that format. ``~ = # { } :`` and ``\\`` are
escaped with a backslash, newlines written ``\\n``. An answer that would start with a format
marker (``[html]``) or a weight (``%50%``) is protected. Feedback (``####``) is the
explanation and the source sentence. ``$CATEGORY: BANK-ID/TAG`` groups questions by their
first tag; ``// [id:...] [tag:...]`` keeps the question id (Moodle's ID number) and all tags.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from quiz.bank.model import Bank, Question
from quiz.bank.types import shape_of
from quiz.bank.types.shapes import (
    Blanks,
    Choice,
    NoExport,
    Number,
    Pairs,
    Sequence,
    Shape,
    Statement,
    TextAnswers,
)
from quiz.export import ExportResult, ExportWarning
from quiz.export.arrange import Arranger
from quiz.export.common import (
    clean,
    count_phrase,
    number,
    one_line,
    skipped_notes,
    split_blanks,
)
from quiz.plural import plural

SPECIAL = frozenset("\\~=#{}:")
_FORMAT_MARKER = re.compile(r"^\[(?:moodle|html|plain|markdown)\]", re.IGNORECASE)
_CATEGORY_UNSAFE = re.compile(r"[\\/\[\]]+")
_TAG_UNSAFE = re.compile(r"[\[\]]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # what clean() turns into spaces
MOODLE_BLANK = "_____"
ARROW = "→"

#: Takes one sentence saying what was written differently (the writers below call it).
Warn = Callable[[str], None]


def _ignore(message: str) -> None:
    del message


def quoted(text: str, limit: int = 40) -> str:
    """A bank text in a warning: one line, shortened, in double quotes."""
    line = one_line(text)
    return '"' + (line if len(line) <= limit else line[: limit - 1] + "…") + '"'


def arrow_warning(text: str, where: str) -> str:
    return f'"->" written as "{ARROW}" in {quoted(text)} (GIFT cannot escape it {where})'


def escape(text: str, *, strip: bool = True) -> str:
    """Bank text as GIFT text: specials backslash-escaped, newlines as ``\\n``."""
    out: list[str] = []
    for ch in clean(text, strip=strip):
        if ch in SPECIAL:
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        else:
            out.append(ch)
    return "".join(out)


def answer_text(text: str) -> str:
    """An answer or feedback text: escaped, and a leading format marker kept literal."""
    escaped = escape(text)
    if _FORMAT_MARKER.match(escaped):
        escaped = "[plain]" + escaped
    return escaped


def percent(value: float) -> str:
    """A weight as GIFT writes it: 50, 33.33333, -16.66667 (Moodle matches to 1e-5)."""
    return f"{value:.5f}".rstrip("0").rstrip(".")


def _weighted(weight: float, text: str) -> str:
    return f"%{percent(weight)}%{answer_text(text)}"


def _right(text: str) -> str:
    # After "=" Moodle reads no weight, so a text starting with "%" is safe as it is.
    return "=" + answer_text(text)


def _wrong(text: str) -> str:
    # After "~" Moodle would read "%50%..." as a weight: give the 0 weight explicitly.
    escaped = answer_text(text)
    return "~" + ("%0%" + escaped if escaped.startswith("%") else escaped)


def _accepted(text: str) -> str:
    # Short answers: Moodle reads a weight after "=" here, so protect a leading "%".
    escaped = answer_text(text)
    return "=" + ("%100%" + escaped if escaped.startswith("%") else escaped)


def short_answers(
    answers: tuple[str, ...] | list[str], *, inline: bool = False, warn: Warn = _ignore
) -> list[str]:
    """The accepted answers of a short answer (or one blank) as GIFT writes them.

    Moodle takes an answer block holding both ``=`` and ``->`` for matching. A single answer
    with ``->`` is written bare (``{a->b}``, GIFT's one-answer form) in a block of its own
    lines; with variants, or inline (a missing-word blank, where the feedback shares the
    block's line), ``->`` in an answer is written ``→``.
    """
    if not any("->" in a for a in answers):
        return [_accepted(a) for a in answers]
    bare = answer_text(answers[0])
    if not inline and len(answers) == 1 and not bare.startswith("%") and _both_sides(answers[0]):
        return [bare]
    if inline:
        where = "in the answers of a blank"
    elif len(answers) > 1:
        where = "in a short answer with several answers"
    elif bare.startswith("%"):
        where = 'in an answer that starts with "%"'
    else:
        where = "at either end of an answer"
    for a in answers:
        if "->" in a:
            warn(arrow_warning(a, where))
    return [_accepted(a.replace("->", ARROW)) for a in answers]


def _both_sides(answer: str) -> bool:
    """Whether every ``->`` of ``answer`` has text on both sides, as GIFT's one-answer form
    ``{a->b}`` needs: "T->", at its end, was read as a pair with no right side (gift-pegjs
    refused the file; found by the round-trip property test)."""
    return all(part.strip() for part in answer.split("->"))


def _feedback(question: Question) -> str:
    parts = [clean(question.explanation)] if question.explanation.strip() else []
    if question.source.strip():
        parts.append("Source: " + clean(question.source))
    return "\n".join(parts)


def _block(lines: list[str], question: Question) -> str:
    """An answer block ``{ ... }``, one answer a line, with the general feedback."""
    feedback = _feedback(question)
    body = [*lines]
    if feedback:
        body.append("####" + answer_text(feedback))
    return "{\n" + "\n".join(body) + "\n}"


def _inline_block(answers: list[str], question: Question) -> str:
    feedback = _feedback(question)
    inner = " ".join(answers)
    if feedback:
        inner += " ####" + answer_text(feedback)
    return "{" + inner + "}"


def tag_text(tag: str) -> str:
    """A tag as GIFT's ``[tag:...]`` comment holds it: ``[`` and ``]`` would end it."""
    return _TAG_UNSAFE.sub("-", one_line(tag))


def _header(name: str, question: Question) -> str:
    """``// [id:...] [tag:...]`` then ``::name::[plain]``."""
    meta = [f"[id:{one_line(name)}]"]
    meta += [f"[tag:{t}]" for t in (tag_text(t) for t in question.tags) if t]
    return "// " + " ".join(meta) + "\n::" + escape(one_line(name)) + "::[plain]"


def _cloze(
    question: Question, blanks: Blanks, prompt: str, blank: int, name: str, warn: Warn = _ignore
) -> str:
    """One GIFT question for blank ``blank`` of ``question``: the other blanks filled in."""
    pieces = split_blanks(prompt)
    fills = [b[0] for b in blanks.blanks]
    before = "".join(pieces[j] + fills[j] for j in range(blank)) + pieces[blank]
    after = pieces[blank + 1] + "".join(
        fills[j] + pieces[j + 1] for j in range(blank + 1, len(fills))
    )
    answers = short_answers(blanks.blanks[blank], inline=True, warn=warn)
    block = _inline_block(answers, question)
    # gift-pegjs reads "//" or "[html]" right after a block as a comment or a format; Moodle
    # does not. The other form reads the same in both.
    rest = after.lstrip()
    if before.strip() and rest and not rest.startswith("//") and not _FORMAT_MARKER.match(rest):
        # Missing-word form: Moodle shows "_____" where the block is.
        return f"{_header(name, question)}{escape(before, strip=False)}{block}" + escape(
            after, strip=False
        )
    # A blank at the start or end: Moodle shows no blank for a block at the end, so write it.
    text = escape(before + MOODLE_BLANK + after)
    return f"{_header(name, question)}{text} {block}"


def questions_gift(
    question: Question, warn: Warn = _ignore, shape: Shape | None = None
) -> Iterator[str]:
    """The GIFT text of one question (several for a multi-blank cloze; none for a sequence or
    a type that cannot be exported), written by its export shape: ``shape`` (the choices in
    the order given), or the question's own. ``warn`` hears of each text written otherwise
    than given."""
    shape = shape_of(question) if shape is None else shape
    head = _header(question.id, question)
    prompt = escape(question.prompt)
    if isinstance(shape, Choice):
        options = shape.options
        if shape.multiple:
            right = [c for c in options if c in shape.answers]
            wrong = [c for c in options if c not in shape.answers]
            lines = [
                "~" + _weighted(100 / len(right) if c in right else -100 / len(wrong), c)
                for c in options
            ]
        else:
            lines = [_right(c) if c in shape.answers else _wrong(c) for c in options]
            if "->" in options[0] and options[0] in shape.answers:
                # Parsers like gift-pegjs take a block opening "=a->b" for matching; a wrong
                # choice first avoids that (Moodle shuffles choices anyway).
                first_wrong = next(i for i, line in enumerate(lines) if line[0] == "~")
                lines.insert(0, lines.pop(first_wrong))
        yield f"{head}{prompt} {_block(lines, question)}"
    elif isinstance(shape, Statement):
        yield f"{head}{prompt} {_inline_block(['TRUE' if shape.answer else 'FALSE'], question)}"
    elif isinstance(shape, TextAnswers):
        answers = short_answers(shape.answers, warn=warn)
        yield f"{head}{prompt} {_inline_block(answers, question)}"
    elif isinstance(shape, Number):
        unit = f" (in {escape(one_line(shape.unit))})" if shape.unit.strip() else ""
        value = f"#{number(shape.answer)}:{number(abs(shape.tolerance))}"
        yield f"{head}{prompt}{unit} {_inline_block([value], question)}"
    elif isinstance(shape, Pairs):
        lines = []
        for item, match in shape.pairs:
            if "->" in item:
                warn(arrow_warning(item, "in a matching pair"))
            lines.append(f"={answer_text(item.replace('->', ARROW))} -> {escape(match)}")
        yield f"{head}{prompt} {_block(lines, question)}"
    elif isinstance(shape, Blanks):
        prompt_text = clean(question.prompt)
        count = len(shape.blanks)
        for i in range(count):
            name = question.id if count == 1 else f"{question.id}/blank-{i + 1}"
            yield _cloze(question, shape, prompt_text, i, name, warn)
    # a Sequence (GIFT has no ordering type) or NoExport: nothing


def category(bank: Bank, question: Question) -> str:
    """``BANK-ID`` or ``BANK-ID/first-tag``: written as is (GIFT has no escapes there)."""
    if not question.tags:
        return bank.id
    tag = _CATEGORY_UNSAFE.sub("-", one_line(question.tags[0])).strip(" -") or "untagged"
    return f"{bank.id}/{tag}"


def texts(question: Question, shape: Shape | None = None) -> Iterator[tuple[str, str]]:
    """(what it is, text) for every text of ``question`` that goes into its GIFT form."""
    shape = shape_of(question) if shape is None else shape
    yield "prompt", question.prompt
    yield "source", question.source
    yield "explanation", question.explanation
    if isinstance(shape, Choice):
        yield from (("choice", c) for c in shape.options)
    elif isinstance(shape, TextAnswers):
        yield from (("answer", a) for a in shape.answers)
    elif isinstance(shape, Blanks):
        yield from (("answer", a) for blank in shape.blanks for a in blank)
    elif isinstance(shape, Pairs):
        for left, right in shape.pairs:
            yield "matching item", left
            yield "matching option", right
    elif isinstance(shape, Number):
        yield "unit", shape.unit
    yield from (("tag", t) for t in question.tags)


def other_warnings(bank: Bank, question: Question, shape: Shape | None = None) -> Iterator[str]:
    """What the writer changes outside the answer blocks: control characters (a bank built in
    memory may hold them; the loader refuses them), tags and the category."""
    for what, text in texts(question, shape):
        found = _CONTROL.findall(text)
        if found:
            codes = ", ".join(dict.fromkeys(f"U+{ord(c):04X}" for c in found))
            yield f"control character {codes} written as a space in the {what} {quoted(text)}"
    for tag in question.tags:
        if tag_text(tag) != one_line(tag):
            yield (
                f"tag {quoted(tag)} written as {quoted(tag_text(tag))} "
                '(GIFT cannot hold "[" or "]" in a tag)'
            )
    if question.tags:
        name = category(bank, question)
        if name != f"{bank.id}/{one_line(question.tags[0])}":
            yield (
                f"category of the tag {quoted(question.tags[0])} written as {quoted(name)} "
                '(GIFT cannot hold "/", "\\", "[" or "]" in a category name)'
            )


def export(bank: Bank, *, timestamp: float | None = None, seed: int | None = None) -> ExportResult:
    del timestamp  # GIFT carries no dates
    arrange = Arranger.for_bank(bank, seed)
    shaped = [(q, arrange.shape(q)) for q in bank.questions]
    kept = [(q, s) for q, s in shaped if not isinstance(s, Sequence | NoExport)]
    skipped = [q for q, s in shaped if isinstance(s, Sequence)]
    groups: dict[str, list[int]] = {}
    for i, (question, _) in enumerate(kept):
        groups.setdefault(category(bank, question), []).append(i)
    chunks = [f"// {bank.id}: {plural(len(kept), 'question')} exported by quiz (GIFT)"]
    messages = [list(other_warnings(bank, q, s)) for q, s in kept]
    for name, indices in groups.items():
        chunks.append(f"$CATEGORY: {name}")
        for i in indices:
            question, shape = kept[i]
            chunks.extend(questions_gift(question, messages[i].append, shape))
    # In the bank's order (the file groups questions by category).
    warnings = [
        ExportWarning("gift", q.id, m)
        for (q, _), said in zip(kept, messages, strict=True)
        for m in said
    ]
    notes: list[str] = []
    if skipped:
        notes.append(f"skipped {count_phrase(skipped)}: GIFT has no ordering type")
    notes += skipped_notes(bank.questions)
    split = [s for _, s in kept if isinstance(s, Blanks) and len(s.blanks) > 1]
    if split:
        blanks = sum(len(s.blanks) for s in split)
        notes.append(
            f"split {plural(len(split), 'multi-blank cloze question')} into "
            f"{plural(blanks, 'short-answer question')}, one per blank "
            "(GIFT has one answer set per question)"
        )
    text = "\n\n".join(chunks) + "\n"
    return ExportResult(text.encode("utf-8"), len(kept), tuple(notes), tuple(warnings))
