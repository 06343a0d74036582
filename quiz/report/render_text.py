"""The report as lines for a terminal (``quiz report`` without ``--format``): a summary, one
block per question hardest first, then the per-student table. Prompts, options, answers and
notes are printed whole, wrapped under their question (never cut: a teacher must read the
option that misled)."""

from __future__ import annotations

import textwrap

from quiz.plural import plural
from quiz.report.discrimination import ALL_RIGHT, MIN_LEARNERS, NOT_ASKED, OK
from quiz.report.model import QuestionReport, Report, StudentReport
from quiz.report.words import (
    DASH,
    counts_text,
    discrimination_line,
    discrimination_note,
    figure,
    flag_headline,
    flag_note,
    flag_text,
    flagged_summary,
    percent,
    seconds,
    short,
    type_name,
)

__all__ = ["format_text"]

INDENT = " " * 29
#: The widest line of text wrapped under a question (the indent included).
WIDTH = 100
#: The widest learner name before it is cut (the missed questions follow it on the line).
NAME_WIDTH = 24


def format_text(report: Report) -> list[str]:
    """The report as lines for a terminal: a summary, then one block per question."""
    lines = [f"{report.title} ({report.bank_id})"]
    if not report.attempts:
        lines.append("no answers to this bank yet")
    else:
        span = report.first[:10]
        if report.last[:10] != span:
            span += f" to {report.last[:10]}"
        lines.append(
            f"{plural(report.learners, 'learner')}, {plural(report.attempts, 'attempt')} "
            f"in {plural(report.sessions, 'session')}, {percent(report.percent_right)} right, "
            f"{span}"
        )
    if report.sources:
        lines.append("from " + ", ".join(f"{name} ({n})" for name, n in report.sources))
    if report.duplicates:
        lines.append(
            f"{plural(report.duplicates, 'attempt')} read twice and counted once "
            "(overlapping files)"
        )
    if report.attempts:
        lines.append(discrimination_note(report))
    if report.flagged:
        lines.append(
            "to check: "
            + ", ".join(
                f"{q.id} ({figure(q.discrimination.point_biserial)})" for q in report.flagged
            )
        )
    by_learners = flagged_summary(report.questions)
    if by_learners:
        lines.append("flagged by learners: " + by_learners)
    asked = [q for q in report.questions if q.asked]
    if asked:
        lines += ["", "right  asked  median  discr  question (hardest first)"]
    enough = report.learners >= MIN_LEARNERS
    for q in asked:
        lines.append(_row(q))
        lines.extend(_details(q, enough))
    for q in report.questions:
        if not q.asked and q.flags:
            lines.append(_row(q))
            lines.extend(_details(q, enough))
    never = [q.id for q in report.questions if not q.asked]
    if never and asked:
        lines += ["", f"not asked yet ({len(never)}): " + ", ".join(never)]
    if report.not_in_bank:
        lines += [
            "",
            "answers to questions no longer in the bank: "
            + ", ".join(f"{qid} ({n})" for qid, n in report.not_in_bank),
        ]
    for flag in report.flags_not_in_bank:
        lines.append(f"flag on {flag.question_id} (no longer in the bank): {flag_text(flag)}")
    if report.students:
        lines += ["", "learners (lowest score first)", *_students(report.students)]
    return lines


def _row(q: QuestionReport) -> str:
    return (
        f"{percent(q.percent_right):>5}  {q.asked:>5}  {seconds(q.median_seconds):>6}  "
        f"{figure(q.discrimination.point_biserial):>5}  {q.id} · {type_name(q.type)}"
    )


def _details(q: QuestionReport, enough_learners: bool) -> list[str]:
    """The lines under a question's row: its prompt, what was answered wrong, what to check."""
    out = _wrapped(q.prompt, INDENT)
    picked = [c for c in q.wrong_options if c.count or c.in_bank]
    if picked:
        out += _wrapped("wrong options picked: " + counts_text(picked, None), INDENT, "  ")
    if q.wrong_answers:
        out += _wrapped("wrong answers: " + counts_text(q.wrong_answers, None), INDENT, "  ")
    d = q.discrimination
    if d.flagged:
        out.append(INDENT + discrimination_line(d))
    elif enough_learners and d.status not in (OK, ALL_RIGHT, NOT_ASKED):
        # with too few learners overall the summary has said so once; per question, only
        # what differs (a question fewer learners answered, a key no one matched)
        out.append(INDENT + f"discrimination {DASH}: {d.reason}")
    if q.answer_changed:
        out.append(
            INDENT + f"{plural(q.answer_changed, 'attempt')} made before its answer was changed"
        )
    if q.flags:
        out.append(INDENT + flag_headline(q.flags))
        for flag in q.flags:
            if flag.note:
                out.extend(_wrapped(flag_note(flag), INDENT + "  "))
    return out


def _wrapped(text: str, indent: str, hanging: str = "") -> list[str]:
    """``text`` whole, in lines of at most :data:`WIDTH` characters after ``indent``
    (continuation lines indented by ``hanging`` more); a word longer than a line is cut."""
    return textwrap.wrap(
        text,
        width=WIDTH,
        initial_indent=indent,
        subsequent_indent=indent + hanging,
        break_on_hyphens=False,
    ) or [indent]


def _students(students: list[StudentReport]) -> list[str]:
    """The per-student table: score, attempts, name, and the questions missed."""
    width = min(NAME_WIDTH, max(len("learner"), *(len(s.name) for s in students)))
    lines = [f"score  answers  {'learner':<{width}}  missed"]
    for s in students:
        missed = ", ".join(s.missed) if s.missed else "none"
        lines.append(
            f"{percent(s.percent_right):>5}  {s.attempts:>7}  {short(s.name, width):<{width}}  "
            f"{missed}"
        )
    return lines
