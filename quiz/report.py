"""Item analysis: how each question of a bank fared with the learners who answered it.

Input is answers in the portable results format (``quiz-results/1``, JSON Lines, one attempt
per line: see :mod:`quiz.store.export`), from any number of learners' files or from the local
store, and the learners' flags. Output is a :class:`Report`: per question how often it was
asked, how many got it right, which wrong options were picked (multiple choice, by choice text)
or the most common wrong answers (other types), the median time, and the flags; hardest first.

The same attempt read twice (the same file given twice, or two exports of one learner that
overlap) counts once: an attempt is identified by learner, session, question and time.
No I/O here except :func:`read_results`; no Textual, no SQLite.
"""

from __future__ import annotations

import json
import math
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quiz.bank.model import Bank, MultipleChoice, Question
from quiz.errors import QuizError

__all__ = [
    "REPORT_FORMAT",
    "RESULTS_FORMAT",
    "Attempt",
    "Count",
    "FlagNote",
    "QuestionReport",
    "Report",
    "ResultsError",
    "analyse",
    "format_text",
    "parse_results",
    "read_results",
    "to_json",
]

RESULTS_FORMAT = "quiz-results/1"  # the same tag as quiz.store.RESULTS_FORMAT
REPORT_FORMAT = "quiz-report/1"
OUTCOMES = ("right", "near_miss", "wrong")
NO_ANSWER = "(no answer)"
#: At most this many problems of one file are listed.
MAX_PROBLEMS = 20
#: The most common wrong answers shown per question (types other than multiple choice).
TOP_WRONG = 3


class ResultsError(QuizError):
    """A results file cannot be read. ``str()`` is one ``file:line: message`` per problem."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.lines = list(lines)
        super().__init__("\n".join(self.lines))


@dataclass(frozen=True, slots=True)
class Attempt:
    """One answer as a results file holds it."""

    learner_id: str
    bank_id: str
    question_id: str
    question_type: str
    given: str
    outcome: str  # right, near_miss or wrong
    seconds: float | None
    answered_at: str
    session_id: int | str = ""
    mode: str = ""
    cram: bool = False
    answer_key: str = ""

    @property
    def correct(self) -> bool:
        return self.outcome != "wrong"

    @property
    def identity(self) -> tuple[str, str, str, str]:
        return (self.learner_id, str(self.session_id), self.question_id, self.answered_at)


@dataclass(frozen=True, slots=True)
class FlagNote:
    """A learner's flag on a question (``quiz.store.Flag`` has these fields too)."""

    question_id: str
    reason: str
    note: str = ""
    created_at: str = ""


# -- reading results files ------------------------------------------------------------------


def read_results(path: str | Path) -> list[Attempt]:
    """Every attempt in a results file. Raises :class:`ResultsError` (``file:line: message``
    for each problem) for a file that is missing, not UTF-8, not JSON Lines, or not in the
    ``quiz-results/1`` format."""
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise ResultsError([f"{name}: results file not found"]) from None
    except IsADirectoryError:
        raise ResultsError([f"{name}: is a folder, not a results file"]) from None
    except OSError as error:
        raise ResultsError([f"{name}: cannot be read ({error.strerror or error})"]) from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise ResultsError(
            [f"{name}:{line}: not UTF-8 text; a results file is written by `quiz results export`"]
        ) from None
    return parse_results(text.splitlines(), name)


def parse_results(lines: Iterable[str], name: str) -> list[Attempt]:
    attempts: list[Attempt] = []
    problems: list[str] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            problems.append(
                f"{name}:{number}: not JSON ({error.msg}, column {error.colno}); a results "
                "file has one JSON object per line, as `quiz results export` writes it"
            )
        except RecursionError:
            problems.append(f"{name}:{number}: not a results line (nested too deeply)")
        else:
            attempt = _attempt(record, f"{name}:{number}", problems)
            if attempt is not None:
                attempts.append(attempt)
        if problems and not attempts:
            break  # the first line is wrong: not a results file at all; one message is enough
        if len(problems) >= MAX_PROBLEMS:
            problems.append(f"{name}: stopped after {MAX_PROBLEMS} problems")
            break
    if problems:
        raise ResultsError(problems)
    return attempts


def _attempt(record: Any, where: str, problems: list[str]) -> Attempt | None:
    if not isinstance(record, dict):
        problems.append(f"{where}: each line must be a JSON object, not {_kind(record)}")
        return None
    fmt = record.get("format")
    if fmt != RESULTS_FORMAT:
        if isinstance(fmt, str) and fmt.startswith("quiz-results/"):
            problems.append(
                f"{where}: format {fmt!r} is not one this version of quiz reads "
                f"({RESULTS_FORMAT!r})"
            )
        else:
            what = "has no 'format'" if fmt is None else f"has format {fmt!r}"
            problems.append(f"{where}: not a quiz results line: it {what}, not {RESULTS_FORMAT!r}")
        return None
    before = len(problems)

    def text(key: str, *, required: bool = True) -> str:
        value = record.get(key)
        if value is None:
            if required:
                problems.append(f"{where}: {key!r} is missing")
            return ""
        if not isinstance(value, str):
            problems.append(f"{where}: {key!r} must be text, not {_kind(value)}")
            return ""
        if required and not value:
            problems.append(f"{where}: {key!r} is empty")
        return value

    learner = text("learner_id")
    bank_id = text("bank_id")
    question_id = text("question_id")
    answered_at = text("answered_at")
    outcome = text("outcome")
    if outcome and outcome not in OUTCOMES:
        problems.append(f"{where}: 'outcome' is {outcome!r}; one of {', '.join(OUTCOMES)}")
    qtype = text("question_type", required=False)
    given = text("given", required=False)
    mode = text("mode", required=False)
    answer_key = text("answer_key", required=False)
    seconds = record.get("seconds")
    if seconds is not None and (
        isinstance(seconds, bool)
        or not isinstance(seconds, (int, float))
        or not math.isfinite(seconds)
        or seconds < 0
    ):
        problems.append(f"{where}: 'seconds' must be a number of seconds, not {seconds!r}")
    session = record.get("session_id", "")
    if not isinstance(session, (int, str)) or isinstance(session, bool):
        problems.append(f"{where}: 'session_id' must be a number or text")
    if len(problems) > before:
        return None
    return Attempt(
        learner_id=learner,
        bank_id=bank_id,
        question_id=question_id,
        question_type=qtype,
        given=given,
        outcome=outcome,
        seconds=None if seconds is None else float(seconds),
        answered_at=answered_at,
        session_id=session,
        mode=mode,
        cram=record.get("cram") is True,
        answer_key=answer_key,
    )


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    if value is None:
        return "null"
    return "text"


# -- the analysis ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Count:
    text: str
    count: int
    in_bank: bool = True  # for wrong options: still one of the question's choices


@dataclass(slots=True)
class QuestionReport:
    id: str
    type: str
    prompt: str
    position: int  # in the bank, from 0
    asked: int = 0
    right: int = 0
    learners: int = 0
    median_seconds: float | None = None
    wrong_options: list[Count] = field(default_factory=list)
    wrong_answers: list[Count] = field(default_factory=list)
    flags: list[FlagNote] = field(default_factory=list)
    answer_changed: int = 0  # attempts made when the right answer was another

    @property
    def percent_right(self) -> float | None:
        return 100 * self.right / self.asked if self.asked else None


@dataclass(slots=True)
class Report:
    bank_id: str
    title: str
    questions: list[QuestionReport]  # hardest first; never asked at the end, in bank order
    learners: int = 0
    attempts: int = 0
    sessions: int = 0
    right: int = 0
    first: str = ""
    last: str = ""
    duplicates: int = 0
    sources: list[tuple[str, int]] = field(default_factory=list)  # (name, attempts read)
    not_in_bank: list[tuple[str, int]] = field(default_factory=list)  # (question id, attempts)
    flags_not_in_bank: list[FlagNote] = field(default_factory=list)

    @property
    def percent_right(self) -> float | None:
        return 100 * self.right / self.attempts if self.attempts else None


def analyse(
    bank: Bank,
    attempts: Iterable[Attempt],
    flags: Iterable[Any] = (),
    *,
    sources: Sequence[tuple[str, int]] = (),
) -> Report:
    """The item analysis of ``bank`` over ``attempts`` (attempts on other banks are ignored).
    ``flags`` are :class:`FlagNote` or ``quiz.store.Flag`` values."""
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
    notes = [_flag_note(f) for f in flags if getattr(f, "bank_id", bank.id) == bank.id]

    reports = [
        _question_report(q, n, by_question.get(q.id, []), notes)
        for n, q in enumerate(bank.questions)
    ]
    all_attempts = [a for group in by_question.values() for a in group]
    times = sorted(a.answered_at for a in all_attempts)
    ids = {q.id for q in bank.questions}
    report = Report(
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
    )
    return report


def _flag_note(flag: Any) -> FlagNote:
    if isinstance(flag, FlagNote):
        return flag
    created = getattr(flag, "created_at", "")
    if hasattr(created, "isoformat"):
        created = created.isoformat()
    return FlagNote(flag.question_id, flag.reason, getattr(flag, "note", "") or "", str(created))


def _hardest_first(q: QuestionReport) -> tuple[Any, ...]:
    if not q.asked:
        return (1, 0.0, 0, q.position)
    return (0, q.right / q.asked, -q.asked, q.position)


def _question_report(
    question: Question, position: int, attempts: list[Attempt], flags: list[FlagNote]
) -> QuestionReport:
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
    if isinstance(question, MultipleChoice):
        report.wrong_options = _wrong_options(question, attempts)
    else:
        report.wrong_answers = _common_answers(wrong)
    return report


def _picked(question: MultipleChoice, given: str) -> list[str]:
    """The choice texts in ``given`` ("; " joins several picks; a choice may contain "; ")."""
    if not given:
        return []
    if given in question.choices:
        return [given]
    parts = given.split("; ")
    picked: list[str] = []
    i = 0
    while i < len(parts):
        for j in range(len(parts), i, -1):
            joined = "; ".join(parts[i:j])
            if joined in question.choices:
                picked.append(joined)
                i = j
                break
        else:
            picked.append(parts[i])
            i += 1
    return picked


def _wrong_options(question: MultipleChoice, attempts: list[Attempt]) -> list[Count]:
    """Every wrong option with how often it was picked (0 too: an option nobody picks does not
    distract), then picks that are no longer options; most picked first."""
    counts: Counter[str] = Counter()
    no_answer = 0
    for attempt in attempts:
        picks = _picked(question, attempt.given)
        if not picks and not attempt.correct:
            no_answer += 1
        counts.update(p for p in picks if p not in question.answers)
    wrong = [c for c in question.choices if c not in question.answers]
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


# -- output ---------------------------------------------------------------------------------

TYPE_NAMES = {
    "multiple_choice": "multiple choice",
    "true_false": "true or false",
    "cloze": "fill in the blank",
    "short_answer": "short answer",
    "numeric": "number",
    "matching": "matching",
    "ordering": "ordering",
}
PROMPT_WIDTH = 72
INDENT = " " * 22


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{round(value)}%"


def _seconds(value: float | None) -> str:
    if value is None:
        return "–"
    if value < 60:
        return f"{value:.1f}s"
    minutes, rest = divmod(round(value), 60)
    return f"{minutes}m{rest:02d}s"


def _short(text: str, width: int = PROMPT_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _counts(items: list[Count], width: int = 40) -> str:
    parts = []
    for c in items:
        label = _short(c.text, width)
        if not c.in_bank and c.text != NO_ANSWER:
            label += " [no longer an option]"
        parts.append(f"{label} ({c.count})")
    return ", ".join(parts)


def format_text(report: Report) -> list[str]:
    """The report as lines for a terminal: a summary, then one block per question."""
    lines = [f"{report.title} ({report.bank_id})"]
    if report.attempts:
        span = report.first[:10]
        if report.last[:10] != span:
            span += f" to {report.last[:10]}"
        lines.append(
            f"{_plural(report.learners, 'learner')}, {_plural(report.attempts, 'attempt')} "
            f"in {_plural(report.sessions, 'session')}, {_percent(report.percent_right)} right, "
            f"{span}"
        )
    else:
        lines.append("no answers to this bank yet")
    if report.sources:
        lines.append("from " + ", ".join(f"{name} ({n})" for name, n in report.sources))
    if report.duplicates:
        lines.append(
            f"{_plural(report.duplicates, 'attempt')} read twice and counted once "
            "(overlapping files)"
        )
    asked = [q for q in report.questions if q.asked]
    if asked:
        lines += ["", "right  asked  median  question (hardest first)"]
    for q in asked:
        lines.append(
            f"{_percent(q.percent_right):>5}  {q.asked:>5}  {_seconds(q.median_seconds):>6}  "
            f"{q.id} · {TYPE_NAMES.get(q.type, q.type)}"
        )
        lines.extend(_details(q))
    for q in report.questions:
        if not q.asked and q.flags:
            lines.append(f"{'–':>5}  {0:>5}  {'–':>6}  {q.id} · {TYPE_NAMES.get(q.type, q.type)}")
            lines.extend(_details(q))
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
        lines.append(f"flag on {flag.question_id} (no longer in the bank): {_flag(flag)}")
    return lines


def _details(q: QuestionReport) -> list[str]:
    out = [INDENT + _short(q.prompt)]
    picked = [c for c in q.wrong_options if c.count or c.in_bank]
    if picked:
        out.append(INDENT + "wrong options picked: " + _counts(picked))
    if q.wrong_answers:
        out.append(INDENT + "wrong answers: " + _counts(q.wrong_answers, 120))
    if q.answer_changed:
        out.append(
            INDENT + f"{_plural(q.answer_changed, 'attempt')} made before its answer was changed"
        )
    for flag in q.flags:
        out.append(INDENT + "flagged: " + _flag(flag))
    return out


def _flag(flag: FlagNote) -> str:
    reason = flag.reason.replace("_", " ")
    return f"{reason} “{_short(flag.note, 60)}”" if flag.note else reason


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def to_json(report: Report) -> dict[str, Any]:
    """The report as one JSON object (``format: quiz-report/1``) for scripts."""

    def counts(items: list[Count], with_bank: bool) -> list[dict[str, Any]]:
        return [
            {"text": c.text, "count": c.count, **({"in_bank": c.in_bank} if with_bank else {})}
            for c in items
        ]

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
        "questions": [
            {
                "id": q.id,
                "type": q.type,
                "prompt": q.prompt,
                "asked": q.asked,
                "learners": q.learners,
                "right": q.right,
                "percent_right": _round(q.percent_right),
                "median_seconds": q.median_seconds,
                "wrong_options": counts(q.wrong_options, True),
                "wrong_answers": counts(q.wrong_answers, False),
                "flags": [
                    {"reason": f.reason, "note": f.note, "created_at": f.created_at}
                    for f in q.flags
                ],
                "answer_changed": q.answer_changed,
            }
            for q in report.questions
        ],
        "not_in_bank": [{"id": qid, "attempts": n} for qid, n in report.not_in_bank],
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)
