"""The portable results file: every attempt as one JSON object per line (JSON Lines).

A teacher collects these files from several learners and merges them (``quiz report
--results``), so each line stands alone: it names its format, the learner (a random id made
when the learner's database was created, nothing personal) and everything needed to analyse
the item without the learner's database. Times are ISO 8601 in UTC.

Fields: ``format`` ("quiz-results/1"), ``learner_id``, ``session_id``, ``mode``, ``cram``,
``bank_id``, ``question_id``, ``question_type``, ``given``, ``outcome`` ("right", "near_miss",
"wrong"), ``correct``, ``seconds``, ``answered_at``, ``answer_key``, ``tags``, ``undone``,
``flags``.

``flags`` lists the learner's flags on the question (the flag dialog: "the answer is wrong",
"unclear", "something else", with the learner's note), each as ``{"reason", "note",
"flagged_at"}``, on the answer it was raised after (the last answer to that question given
before the flag; the first one when none was). Each flag is written once, so a file read twice
or two overlapping exports still count it once (``quiz report`` merges them). A flag with no
answer in the file to go with it (its answers were taken back by the database's repair, say)
has a line of its own: ``format``, ``learner_id``, ``bank_id``, ``question_id`` and ``flags``,
nothing else.

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
    returns how many attempts it holds. Attempts are in the order they were recorded, with
    the learner's flags on them; flags no answer carries come last."""
    on_attempt, orphans = _flags_by_attempt(conn, bank_ids)
    sql = """SELECT a.id, a.session_id, s.mode, a.cram, a.bank_id, a.question_id, a.question_type,
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
                attempt_id,
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
                "flags": on_attempt.get(attempt_id, []),
            }
            out.write((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))
            count += 1
        for (bank_id, question_id), flags in orphans.items():
            record = {
                "format": RESULTS_FORMAT,
                "learner_id": learner_id,
                "bank_id": bank_id,
                "question_id": question_id,
                "flags": flags,
            }
            out.write((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))
    return count


def _flags_by_attempt(
    conn: sqlite3.Connection, bank_ids: Sequence[str] | None
) -> tuple[dict[int, list[dict[str, str]]], dict[tuple[str, str], list[dict[str, str]]]]:
    """attempt id -> the flags written on its line, and (bank, question) -> the flags no
    exported answer carries. Flags are few: one lookup each."""
    sql = "SELECT bank_id, question_id, reason, note, created_at FROM flags"
    params: list[str] = []
    if bank_ids is not None:
        sql += f" WHERE bank_id IN ({', '.join('?' * len(bank_ids))})"
        params.extend(bank_ids)
    on_attempt: dict[int, list[dict[str, str]]] = {}
    orphans: dict[tuple[str, str], list[dict[str, str]]] = {}
    answers = """SELECT id FROM attempts
                 WHERE bank_id = ? AND question_id = ? AND retake_of IS NULL"""
    for bank_id, question_id, reason, note, created_at in conn.execute(
        sql + " ORDER BY id", params
    ).fetchall():
        flag = {"reason": reason, "note": note or "", "flagged_at": created_at}
        key = (bank_id, question_id, created_at)
        row = (
            conn.execute(
                answers + " AND answered_at <= ? ORDER BY answered_at DESC, id DESC LIMIT 1", key
            ).fetchone()
            or conn.execute(answers + " ORDER BY answered_at, id LIMIT 1", key[:2]).fetchone()
        )
        if row is None:
            orphans.setdefault((bank_id, question_id), []).append(flag)
        else:
            on_attempt.setdefault(int(row[0]), []).append(flag)
    return on_attempt, orphans
