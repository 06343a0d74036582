"""The report as one JSON object (``quiz report --json``) for scripts.

``format: quiz-report/1``. New keys are only ever added (``discrimination`` per question and
for the report, ``students``, ``learner_flags`` and a question's ``flag_count``); scripts
written against older output keep working.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from quiz.report.discrimination import (
    GROUP_SHARE,
    LOW_DISCRIMINATION,
    METHOD,
    METHOD_NOTE,
    MIN_LEARNERS,
    Discrimination,
)
from quiz.report.model import Count, QuestionReport, Report, StudentReport

__all__ = ["REPORT_FORMAT", "to_json"]

REPORT_FORMAT = "quiz-report/1"


def to_json(report: Report) -> dict[str, Any]:
    """The report as one JSON object (``format: quiz-report/1``) for scripts."""
    return {
        "format": REPORT_FORMAT,
        "bank": {"id": report.bank_id, "title": report.title},
        "sources": [{"name": name, "attempts": n} for name, n in report.sources],
        "learners": report.learners,
        "attempts": report.attempts,
        "sessions": report.sessions,
        "right": report.right,
        "percent_right": _round(report.percent_right),
        "first": report.first or None,
        "last": report.last or None,
        "duplicates": report.duplicates,
        "discrimination": {
            "method": METHOD,
            "description": METHOD_NOTE,
            "min_learners": MIN_LEARNERS,
            "low_below": LOW_DISCRIMINATION,
            "group_share": GROUP_SHARE,
            "flagged": [q.id for q in report.flagged],
        },
        "questions": [_question(q) for q in report.questions],
        "not_in_bank": [{"id": qid, "attempts": n} for qid, n in report.not_in_bank],
        "flags_not_in_bank": [
            {"question": f.question_id, "reason": f.reason, "note": f.note}
            for f in report.flags_not_in_bank
        ],
        "learner_flags": [
            {"id": q.id, "count": len(q.flags), "reasons": dict(Counter(f.reason for f in q.flags))}
            for q in sorted(
                (q for q in report.questions if q.flags),
                key=lambda q: (-len(q.flags), q.position),
            )
        ],
        "students": [_student(s) for s in report.students],
    }


def _question(q: QuestionReport) -> dict[str, Any]:
    return {
        "id": q.id,
        "type": q.type,
        "prompt": q.prompt,
        "asked": q.asked,
        "learners": q.learners,
        "right": q.right,
        "percent_right": _round(q.percent_right),
        "facility": None if not q.asked else round(q.right / q.asked, 3),
        "median_seconds": q.median_seconds,
        "wrong_options": _counts(q.wrong_options, True),
        "wrong_answers": _counts(q.wrong_answers, False),
        "flag_count": len(q.flags),
        "flags": [
            {
                "reason": f.reason,
                "note": f.note,
                "created_at": f.created_at,
                "learner_id": f.learner_id or None,
            }
            for f in q.flags
        ],
        "answer_changed": q.answer_changed,
        "discrimination": _discrimination(q.discrimination),
    }


def _discrimination(d: Discrimination) -> dict[str, Any]:
    return {
        "method": METHOD,
        "point_biserial": d.point_biserial,
        "upper_lower": d.upper_lower,
        "learners": d.learners,
        "status": d.status,
        "flagged": d.flagged,
        "reason": d.reason or None,
        "upper_group_choice": d.upper_pick or None,
    }


def _student(s: StudentReport) -> dict[str, Any]:
    return {
        "name": s.name,
        "learner_id": s.learner_id,
        "attempts": s.attempts,
        "right": s.right,
        "percent_right": _round(s.percent_right),
        "questions": s.questions,
        "sessions": s.sessions,
        "missed": s.missed,
    }


def _counts(items: list[Count], with_bank: bool) -> list[dict[str, Any]]:
    return [
        {"text": c.text, "count": c.count, **({"in_bank": c.in_bank} if with_bank else {})}
        for c in items
    ]


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)
