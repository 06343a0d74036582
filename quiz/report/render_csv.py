"""The report as a spreadsheet (``quiz report --format csv -o FILE``), RFC 4180.

Two tables, one under the other, each with its own header row: the questions (in the order of
the text report, hardest first), an empty row, then the learners (lowest score first). A
spreadsheet shows both on one sheet; a script reads the first table up to the empty row.

UTF-8 with a byte-order mark and CRLF line ends, as ``quiz export --format csv``: Excel needs
the mark to read UTF-8. Prompts, answers, file names and notes come from other people, and a
spreadsheet runs a cell that starts with ``= + - @`` as a formula: every text cell goes
through :func:`quiz.export.csv_export.cell`, which guards such a cell with a leading ``'``
unless it is a plain number like ``-5``. Figures are written as numbers.
"""

from __future__ import annotations

import csv
import io

from quiz.export.csv_export import BOM, cell
from quiz.report.model import Count, QuestionReport, Report, StudentReport

__all__ = ["QUESTION_COLUMNS", "STUDENT_COLUMNS", "to_csv"]

QUESTION_COLUMNS = (
    "question",
    "type",
    "prompt",
    "asked",
    "learners",
    "right",
    "percent_right",
    "median_seconds",
    "discrimination_point_biserial",
    "discrimination_upper_lower_27",
    "discrimination_learners",
    "discrimination_status",
    "check",
    "upper_group_choice",
    "wrong_options",
    "wrong_answers",
    "learner_flags",
    "learner_flag_count",
)
STUDENT_COLUMNS = (
    "learner",
    "learner_id",
    "attempts",
    "right",
    "percent_right",
    "questions",
    "sessions",
    "missed",
)


def to_csv(report: Report) -> str:
    """The whole file's text (the byte-order mark included); encode it as UTF-8."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(QUESTION_COLUMNS)
    writer.writerows(_question_row(q) for q in report.questions)
    if report.students:
        writer.writerow([])
        writer.writerow(STUDENT_COLUMNS)
        writer.writerows(_student_row(s) for s in report.students)
    return BOM + out.getvalue()


def _question_row(q: QuestionReport) -> list[str]:
    d = q.discrimination
    return [
        cell(q.id),
        q.type,
        cell(q.prompt),
        str(q.asked),
        str(q.learners),
        str(q.right),
        _number(q.percent_right, 1),
        _number(q.median_seconds, 1),
        _number(d.point_biserial, 2),
        _number(d.upper_lower, 2),
        str(d.learners),
        d.status,
        cell(d.reason),
        cell(d.upper_pick),
        cell(_counts(q.wrong_options)),
        cell(_counts(q.wrong_answers)),
        cell("\n".join(f.reason + (f": {f.note}" if f.note else "") for f in q.flags)),
        str(len(q.flags)),
    ]


def _student_row(s: StudentReport) -> list[str]:
    return [
        cell(s.name),
        cell(s.learner_id),
        str(s.attempts),
        str(s.right),
        _number(s.percent_right, 1),
        str(s.questions),
        str(s.sessions),
        cell(", ".join(s.missed)),
    ]


def _counts(items: list[Count]) -> str:
    """One ``text (n)`` per line: a cell that holds several values has one per line."""
    return "\n".join(f"{c.text} ({c.count})" for c in items)


def _number(value: float | None, places: int) -> str:
    """``33.3``, ``-0.87``, ``100``: as a spreadsheet reads a number (no exponent, no "-0")."""
    if value is None:
        return ""
    text = f"{value:.{places}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
