"""A spreadsheet of the bank: one row per question, RFC 4180.

Columns: ``id, type, prompt, answer, choices, source, explanation, tags, accept, difficulty``.
``answer`` is the answer as a person reads it (``Question.answer_text()``); ``choices`` lists
the options as a learner sees them, in their seeded shuffle (``quiz.export.arrange``): the
choices of a multiple-choice question, the right-hand column of a matching question, the items
of an ordering question (the right pairs and order are in ``answer``); ``accept`` lists the
other answers that count (short-answer variants; for a cloze, one line per blank with its
answers separated by `` / ``). A cell that holds several values has one per line (cells are
quoted, so that is plain RFC 4180).

Encoding: UTF-8 **with** a byte-order mark, and CRLF line ends. Excel needs the BOM to read
UTF-8 (without it "João" opens as "JoÃ£o"); LibreOffice, Google Sheets and Python's
``encoding="utf-8-sig"`` skip it. Read the file with ``utf-8-sig`` in scripts.

Bank text is untrusted, and spreadsheets run a cell that reads as a formula: such a cell gets
a leading ``'``, as OWASP advises against CSV injection. Which cells read as a formula is
:func:`formula_like`'s rule.
"""

from __future__ import annotations

import csv
import io
import re

from quiz.bank.model import Bank, Question
from quiz.bank.types.shapes import Blanks, Choice, Pairs, Sequence, TextAnswers
from quiz.export import ExportResult
from quiz.export.arrange import Arranger
from quiz.export.common import clean

COLUMNS = (
    "id",
    "type",
    "prompt",
    "answer",
    "choices",
    "source",
    "explanation",
    "tags",
    "accept",
    "difficulty",
)
BOM = "\ufeff"
#: OWASP's list (``= + - @``, tab, CR) and LF: what a formula can start with.
_ALWAYS = ("=", "@", "\t", "\r", "\n")
_SIGNED_NUMBER_AND_WORDS = re.compile(
    r"[+-](?=\.?[0-9])"  # a sign and a digit: "-" alone, "-," or "-x" are no number
    r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]*)(?:\.[0-9]+)?%?"  # -5, +1,000, -12.5, +3.5%
    r"(?: [^=+\-*/^&%<>:!|\"@#$\[\]{}~\\\t\r\n]*)?"  # then, maybe, a space and plain words
)
_FUNCTION_CALL = re.compile(r"[\w.]\(")  # SUM(, cmd.exe( : a name right before "("


def formula_like(value: str) -> bool:
    """Whether a spreadsheet could read the (cleaned) cell ``value`` as a formula.

    Excel and LibreOffice read a cell starting with ``=`` as a formula, always, and Excel reads
    ``@`` (the old Lotus function prefix) as one too. A cell starting with ``+`` or ``-`` is a
    formula when the rest continues an expression: ``+A1``, ``-2+3``, ``-1+cmd|' /C calc'!A0``.
    After a signed number only an operator can continue one (Excel's other joiner, the space,
    intersects two ranges, and a number is no range): a signed number followed by a space and
    words without an operator does not compile, and both programs keep it as text. Those words
    must also hold nothing that makes a reference to another sheet or file, a string or a call,
    in case a spreadsheet is more lenient than that. So these are left alone:

    - a signed number alone: ``-5``, ``+1,000``, ``-12.5``, ``+3.5%``;
    - a signed number, one space and words with no operator (``= + - * / ^ & % < >``), none of
      ``: ! | " @ # $ [ ] { } ~`` or a backslash, no tab or line break, and no name right
      before ``(``: ``-12.5 (± 0.5)``, ``+3 points``, ``-2 °C (± 0.5)``;

    and everything else starting with those characters is guarded: ``-``, ``-,``, ``- 5``,
    ``-2+3``, ``-5 % of``, ``+3 SUM(A1)``, a number with a second line. Guarding costs a
    visible ``'``; missing a formula runs it.
    """
    if value.startswith(_ALWAYS):
        return True
    if not value.startswith(("+", "-")):
        return False
    match = _SIGNED_NUMBER_AND_WORDS.fullmatch(value)
    return match is None or _FUNCTION_CALL.search(value) is not None


def cell(text: str) -> str:
    """Bank text as a cell: cleaned, and never run as a formula."""
    value = clean(text)
    return "'" + value if formula_like(value) else value


def lines(values: list[str] | tuple[str, ...]) -> str:
    return "\n".join(clean(v) for v in values)


def row(question: Question, arrange: Arranger) -> list[str]:
    """One question's cells. ``arrange`` gives the order its options are shown in."""
    choices: tuple[str, ...] | list[str] = ()
    accept: list[str] = []
    answer = question.answer_text()
    shape = arrange.shape(question)  # by export shape: a new type needs no change here
    if isinstance(shape, Choice):
        choices = shape.options
        answer = "; ".join(shape.answers)  # the right ones in the order shown
    elif isinstance(shape, Pairs):
        choices = arrange.pair_rights(question.id, shape)
    elif isinstance(shape, Sequence):
        choices = arrange.sequence(question.id, shape)
    elif isinstance(shape, TextAnswers):
        accept = list(shape.answers[1:])
    elif isinstance(shape, Blanks):
        accept = [" / ".join(clean(a) for a in blank) for blank in shape.blanks]
    return [
        question.id,
        question.TYPE,
        cell(question.prompt),
        cell(answer),
        cell(lines(choices)),
        cell(question.source),
        cell(question.explanation),
        cell(lines(question.tags)),
        cell(lines(accept)),
        "" if question.difficulty is None else str(question.difficulty),
    ]


def export(bank: Bank, *, timestamp: float | None = None, seed: int | None = None) -> ExportResult:
    del timestamp
    arrange = Arranger.for_bank(bank, seed)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for question in bank.questions:
        writer.writerow(row(question, arrange))
    return ExportResult((BOM + out.getvalue()).encode("utf-8"), len(bank.questions))
