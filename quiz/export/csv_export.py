"""A spreadsheet of the bank: one row per question, RFC 4180.

Columns: ``id, type, prompt, answer, choices, source, explanation, tags, accept, difficulty``.
``answer`` is the answer as a person reads it (``Question.answer_text()``); ``choices`` lists
the multiple-choice options; ``accept`` lists the other answers that count (short-answer
variants; for a cloze, one line per blank with its answers separated by `` / ``). A cell that
holds several values has one per line (cells are quoted, so that is plain RFC 4180).

Encoding: UTF-8 **with** a byte-order mark, and CRLF line ends. Excel needs the BOM to read
UTF-8 (without it "João" opens as "JoÃ£o"); LibreOffice, Google Sheets and Python's
``encoding="utf-8-sig"`` skip it. Read the file with ``utf-8-sig`` in scripts.

Spreadsheets run a cell that starts with ``= + - @`` as a formula, and bank text is untrusted:
such a cell (unless it is a plain number like ``-5``) gets a leading ``'``, as OWASP advises
against CSV injection.
"""

from __future__ import annotations

import csv
import io
import re

from quiz.bank.model import Bank, Cloze, MultipleChoice, Question, ShortAnswer
from quiz.export import ExportResult
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
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
#: "-12", "+3.5%", "1,000": kept as they are; a lone sign or "-," is guarded like any formula
_PLAIN_NUMBER = re.compile(r"^(?=.*\d)[+-]?(?:\d[\d,]*)?(?:\.\d+)?%?$")


def cell(text: str) -> str:
    """Bank text as a cell: cleaned, and never run as a formula."""
    value = clean(text)
    if value.startswith(_FORMULA_START) and not _PLAIN_NUMBER.match(value):
        value = "'" + value
    return value


def lines(values: list[str] | tuple[str, ...]) -> str:
    return "\n".join(clean(v) for v in values)


def row(question: Question) -> list[str]:
    choices: tuple[str, ...] = ()
    accept: list[str] = []
    if isinstance(question, MultipleChoice):
        choices = question.choices
    elif isinstance(question, ShortAnswer):
        accept = list(question.answers[1:])
    elif isinstance(question, Cloze):
        accept = [" / ".join(clean(a) for a in blank) for blank in question.blanks]
    return [
        question.id,
        question.TYPE,
        cell(question.prompt),
        cell(question.answer_text()),
        cell(lines(choices)),
        cell(question.source),
        cell(question.explanation),
        cell(lines(question.tags)),
        cell(lines(accept)),
        "" if question.difficulty is None else str(question.difficulty),
    ]


def export(bank: Bank, *, timestamp: float | None = None) -> ExportResult:
    del timestamp
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for question in bank.questions:
        writer.writerow(row(question))
    return ExportResult((BOM + out.getvalue()).encode("utf-8"), len(bank.questions))
