"""The analysis: from attempts (and learners' flags) to a :class:`~quiz.report.model.Report`.

Per question: how often it was asked, how many got it right (its facility), which wrong
options were picked (multiple choice, by choice text) or the most common wrong answers (other
types), the median time, the flags, and its discrimination
(:mod:`quiz.report.discrimination`); per learner a line of the student table
(:mod:`quiz.report.students`). Questions are ordered hardest first.

The same attempt read twice (the same file given twice, or two exports of one learner that
overlap) counts once: an attempt is identified by learner, session, question and time.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from quiz.bank.model import Bank, Question
from quiz.bank.types import shape_of
from quiz.bank.types.shapes import Choice
from quiz.report.discrimination import Discrimination, discriminate
from quiz.report.model import NO_ANSWER, Count, QuestionReport, Report
from quiz.report.results import Attempt, FlagNote
from quiz.report.students import student_reports

__all__ = ["TOP_WRONG", "analyse", "first_answers"]

#: The most common wrong answers shown per question (types other than multiple choice).
TOP_WRONG = 3


def analyse(
    bank: Bank,
    attempts: Iterable[Attempt],
    flags: Iterable[Any] = (),
    *,
    sources: Sequence[tuple[str, int]] = (),
    names: Mapping[str, str] | None = None,
) -> Report:
    """The item analysis of ``bank`` over ``attempts`` (attempts on other banks are ignored).
    ``flags`` are :class:`FlagNote` or ``quiz.store.Flag`` values; ``names`` maps learner ids
    to what the teacher knows them by (see :func:`quiz.report.students.learner_names`)."""
    seen: set[tuple[str, str, str, str]] = set()
    duplicates = 0
    by_question: dict[str, list[Attempt]] = {}
    for attempt in attempts:
        if attempt.bank_id != bank.id:
            continue
        if attempt.identity in seen:
            duplicates += 1
            continue
        seen.add(attempt.identity)
        by_question.setdefault(attempt.question_id, []).append(attempt)
    notes: list[FlagNote] = []
    seen_flags: set[tuple[str, str, str, str, str]] = set()
    for flag in flags:
        note = _flag_note(flag)
        if note.bank_id not in ("", bank.id) or note.identity in seen_flags:
            continue  # another bank's, or the same flag read twice
        seen_flags.add(note.identity)
        notes.append(note)

    ids = {q.id for q in bank.questions}
    first = first_answers(a for qid, group in by_question.items() if qid in ids for a in group)
    reports = []
    for position, question in enumerate(bank.questions):
        report = _question_report(question, position, by_question.get(question.id, []), notes)
        report.discrimination = _discrimination(question, first)
        reports.append(report)
    all_attempts = [a for group in by_question.values() for a in group]
    times = sorted(a.answered_at for a in all_attempts)
    return Report(
        bank_id=bank.id,
        title=bank.title,
        questions=sorted(reports, key=_hardest_first),
        learners=len({a.learner_id for a in all_attempts}),
        attempts=len(all_attempts),
        sessions=len({(a.learner_id, str(a.session_id)) for a in all_attempts}),
        right=sum(a.correct for a in all_attempts),
        first=times[0] if times else "",
        last=times[-1] if times else "",
        duplicates=duplicates,
        sources=list(sources),
        not_in_bank=sorted(
            ((qid, len(group)) for qid, group in by_question.items() if qid not in ids),
            key=lambda item: (-item[1], item[0]),
        ),
        flags_not_in_bank=[f for f in notes if f.question_id not in ids],
        students=student_reports(bank, all_attempts, names or {}),
    )


def first_answers(attempts: Iterable[Attempt]) -> dict[str, dict[str, Attempt]]:
    """learner -> question -> that learner's first answer to it (earliest ``answered_at``; of
    two at the same moment, the one read first). Later tries come after the feedback showed
    the answer, so they measure memory of the feedback more than knowledge."""
    first: dict[str, dict[str, Attempt]] = {}
    for attempt in attempts:
        mine = first.setdefault(attempt.learner_id, {})
        known = mine.get(attempt.question_id)
        if known is None or attempt.answered_at < known.answered_at:
            mine[attempt.question_id] = attempt
    return first


def _discrimination(question: Question, first: dict[str, dict[str, Attempt]]) -> Discrimination:
    shape = shape_of(question)  # a question picked from options (of any type) names them

    def wrong_picks(attempt: Attempt) -> list[str]:
        if attempt.correct:
            return []
        if isinstance(shape, Choice):
            if not attempt.given:
                return [NO_ANSWER]
            # "pick all that apply" missed by leaving out a right option names no distractor
            return [p for p in _picked(shape, attempt.given) if p not in shape.answers]
        return [" ".join(attempt.given.split()) or NO_ANSWER]

    return discriminate(question.id, first, wrong_picks)


def _flag_note(flag: Any) -> FlagNote:
    """A learner's flag as a :class:`FlagNote`, whether it came from a store or a test."""
    if isinstance(flag, FlagNote):
        return flag
    created = getattr(flag, "created_at", "")
    if hasattr(created, "isoformat"):
        created = created.isoformat()
    return FlagNote(
        flag.question_id,
        flag.reason,
        getattr(flag, "note", "") or "",
        str(created),
        getattr(flag, "bank_id", "") or "",
        getattr(flag, "learner_id", "") or "",
    )


def _hardest_first(q: QuestionReport) -> tuple[Any, ...]:
    """Lowest share right first; of equal shares, the most asked; then bank order."""
    if not q.asked:
        return (1, 0.0, 0, q.position)
    return (0, q.right / q.asked, -q.asked, q.position)


def _question_report(
    question: Question, position: int, attempts: list[Attempt], flags: list[FlagNote]
) -> QuestionReport:
    """Every figure of one question except its discrimination (which needs all questions)."""
    report = QuestionReport(
        id=question.id,
        type=question.type,
        prompt=question.prompt,
        position=position,
        asked=len(attempts),
        right=sum(a.correct for a in attempts),
        learners=len({a.learner_id for a in attempts}),
        flags=[f for f in flags if f.question_id == question.id],
    )
    times = [a.seconds for a in attempts if a.seconds is not None]
    report.median_seconds = statistics.median(times) if times else None
    key = question.answer_key()
    report.answer_changed = sum(1 for a in attempts if a.answer_key and a.answer_key != key)
    wrong = [a for a in attempts if not a.correct]
    shape = shape_of(question)
    if isinstance(shape, Choice):
        report.wrong_options = _wrong_options(shape, attempts)
    else:
        report.wrong_answers = _common_answers(wrong)
    return report


def _picked(choice: Choice, given: str) -> list[str]:
    """The option texts in ``given`` ("; " joins several picks; an option may contain "; ")."""
    if not given:
        return []
    if given in choice.options:
        return [given]
    parts = given.split("; ")
    picked: list[str] = []
    i = 0
    while i < len(parts):
        for j in range(len(parts), i, -1):
            joined = "; ".join(parts[i:j])
            if joined in choice.options:
                picked.append(joined)
                i = j
                break
        else:
            picked.append(parts[i])
            i += 1
    return picked


def _wrong_options(choice: Choice, attempts: list[Attempt]) -> list[Count]:
    """Every wrong option with how often it was picked (0 too: an option nobody picks does not
    distract), then picks that are no longer options; most picked first."""
    counts: Counter[str] = Counter()
    no_answer = 0
    for attempt in attempts:
        picks = _picked(choice, attempt.given)
        if not picks and not attempt.correct:
            no_answer += 1
        counts.update(p for p in picks if p not in choice.answers)
    wrong = [c for c in choice.options if c not in choice.answers]
    out = [Count(c, counts[c]) for c in wrong]
    out += [Count(t, n, in_bank=False) for t, n in counts.items() if t not in wrong]
    if no_answer:
        out.append(Count(NO_ANSWER, no_answer, in_bank=False))
    order = {c.text: n for n, c in enumerate(out)}
    return sorted(out, key=lambda c: (-c.count, order[c.text]))


def _common_answers(wrong: list[Attempt]) -> list[Count]:
    """The most common wrong answers (case and spacing folded; shown as first written)."""
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for attempt in wrong:
        text = " ".join(attempt.given.split())
        key = text.casefold() if text else ""
        shown.setdefault(key, text or NO_ANSWER)
        counts[key] += 1
    order = {k: n for n, k in enumerate(shown)}
    ranked = sorted(counts.items(), key=lambda item: (-item[1], order[item[0]]))
    return [Count(shown[k], n) for k, n in ranked[:TOP_WRONG]]
