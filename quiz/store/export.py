"""The portable results file: every attempt as one JSON object per line (JSON Lines).

A teacher collects these files from several learners and merges them (``quiz report
--results``), so each line stands alone: it names its format, the learner (a random id made
when the learner's database was created, nothing personal) and everything needed to analyse
the item without the learner's database. Times are ISO 8601 in UTC.

Fields: ``format`` ("quiz-results/1"), ``learner_id``, ``session_id``, ``mode``, ``cram``,
``bank_id``, ``question_id``, ``question_type``, ``given``, ``outcome`` ("right", "near_miss",
"wrong"), ``correct``, ``seconds``, ``answered_at``, ``answer_key``, ``tags``, ``undone``.

An answer the learner took back (``undone``: true) is in the file and counts like any other:
it is what they answered first. The answer given when the question was asked again is not in
the file: it came after the feedback had shown the right answer, and item analysis is about
first answers.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from pathlib import Path

from quiz.atomic import replacing

__all__ = ["RESULTS_FORMAT", "write_results"]

RESULTS_FORMAT = "quiz-results/1"


def write_results(
    conn: sqlite3.Connection, path: Path, learner_id: str, bank_ids: Sequence[str] | None
) -> int:
    """Writes the file atomically (temp file + rename, so a reader never sees half of it);
    returns how many attempts it holds. Attempts are in the order they were recorded."""
    sql = """SELECT a.session_id, s.mode, a.cram, a.bank_id, a.question_id, a.question_type,
                    a.given, a.outcome, a.correct, a.seconds, a.answered_at, a.answer_key,
                    a.tags, a.undone
             FROM attempts a JOIN sessions s ON s.id = a.session_id
             WHERE a.retake_of IS NULL"""
    params: list[str] = []
    if bank_ids is not None:
        sql += f" AND a.bank_id IN ({', '.join('?' * len(bank_ids))})"
        params.extend(bank_ids)
    path = Path(path)
    count = 0
    with replacing(path) as out:
        for row in conn.execute(sql + " ORDER BY a.id", params):
            (
                session_id,
                mode,
                cram,
                bank_id,
                question_id,
                question_type,
                given,
                outcome,
                correct,
                seconds,
                answered_at,
                answer_key,
                tags,
                undone,
            ) = row
            record = {
                "format": RESULTS_FORMAT,
                "learner_id": learner_id,
                "session_id": session_id,
                "mode": mode,
                "cram": bool(cram),
                "bank_id": bank_id,
                "question_id": question_id,
                "question_type": question_type,
                "given": given,
                "outcome": outcome,
                "correct": bool(correct),
                "seconds": seconds,
                "answered_at": answered_at,
                "answer_key": answer_key,
                "tags": json.loads(tags),
                "undone": bool(undone),
            }
            out.write((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))
            count += 1
    return count
