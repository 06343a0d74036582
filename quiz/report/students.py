"""The per-student table: each learner's attempts, score and the questions they missed.

Learner ids in results files are random (a results file names nobody), so the table names a
learner by the file they handed in: :func:`learner_names` turns ``alice.jsonl`` into "alice".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from quiz.bank.model import Bank
from quiz.report.model import StudentReport
from quiz.report.results import Attempt

__all__ = ["learner_names", "student_reports"]

#: How many characters of a learner id tell two learners of one file apart.
ID_CHARS = 8


def learner_names(files: Sequence[tuple[str, Iterable[Attempt]]]) -> dict[str, str]:
    """learner id -> a name for the table, from ``(file name, its attempts)`` pairs: the file
    name without folder and suffix ("this computer" stays as it is). A learner found in two
    files is "a + b"; two learners of one file get the start of their ids added."""
    found: dict[str, list[str]] = {}
    for name, attempts in files:
        label = Path(name).stem or name
        for learner in dict.fromkeys(a.learner_id for a in attempts):
            labels = found.setdefault(learner, [])
            if label not in labels:
                labels.append(label)
    names = {learner: " + ".join(labels) for learner, labels in found.items()}
    taken: dict[str, int] = {}
    for name in names.values():
        taken[name] = taken.get(name, 0) + 1
    return {
        learner: f"{name} ({learner[:ID_CHARS]})" if taken[name] > 1 else name
        for learner, name in names.items()
    }


def student_reports(
    bank: Bank, attempts: Iterable[Attempt], names: Mapping[str, str]
) -> list[StudentReport]:
    """One :class:`StudentReport` per learner in ``attempts`` (already limited to the bank and
    counted once each), lowest score first: the learners to help first lead the table."""
    position = {q.id: n for n, q in enumerate(bank.questions)}
    by_learner: dict[str, list[Attempt]] = {}
    for attempt in attempts:
        by_learner.setdefault(attempt.learner_id, []).append(attempt)
    students = []
    for learner, mine in by_learner.items():
        missed = {a.question_id for a in mine if not a.correct}
        students.append(
            StudentReport(
                learner_id=learner,
                name=names.get(learner) or learner[:ID_CHARS],
                attempts=len(mine),
                right=sum(a.correct for a in mine),
                questions=len({a.question_id for a in mine}),
                sessions=len({str(a.session_id) for a in mine}),
                missed=sorted(missed, key=lambda qid: (position.get(qid, len(position)), qid)),
            )
        )
    return sorted(students, key=lambda s: (s.right / s.attempts, s.name, s.learner_id))
