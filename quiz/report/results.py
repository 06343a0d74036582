"""Reading results files: answers in the portable results format (``quiz-results/1``, JSON
Lines, one attempt per line: see :mod:`quiz.store.export`), written by ``quiz results export``
on each learner's computer and collected by the teacher.

These files come from other people's computers, so every line is checked and every problem
is reported as ``file:line: message`` (at most :data:`MAX_PROBLEMS` per file) rather than
half-read. The only I/O of :mod:`quiz.report` is :func:`read_results`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quiz.errors import QuizError

__all__ = [
    "OUTCOMES",
    "RESULTS_FORMAT",
    "Attempt",
    "FlagNote",
    "ResultsError",
    "parse_results",
    "read_results",
]

RESULTS_FORMAT = "quiz-results/1"  # the same tag as quiz.store.RESULTS_FORMAT
OUTCOMES = ("right", "near_miss", "wrong")
#: At most this many problems of one file are listed: a file that is wrong throughout says so
#: in a screenful, not in thousands of lines.
MAX_PROBLEMS = 20


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
        """A near miss counts as right, as it did for the learner when they gave it."""
        return self.outcome != "wrong"

    @property
    def identity(self) -> tuple[str, str, str, str]:
        """What makes two lines the same answer: the same file given twice, or two exports
        of one learner that overlap, must count it once."""
        return (self.learner_id, str(self.session_id), self.question_id, self.answered_at)


@dataclass(frozen=True, slots=True)
class FlagNote:
    """A learner's flag on a question (``quiz.store.Flag`` has these fields too); a results
    file carries them in its lines' ``flags``."""

    question_id: str
    reason: str
    note: str = ""
    created_at: str = ""
    bank_id: str = ""
    learner_id: str = ""

    @property
    def identity(self) -> tuple[str, str, str, str, str]:
        """The same flag read twice (a file given twice, overlapping exports) counts once."""
        return (self.learner_id, self.bank_id, self.question_id, self.created_at, self.reason)


# -- reading results files ------------------------------------------------------------------


def read_results(path: str | Path, flags: list[FlagNote] | None = None) -> list[Attempt]:
    """Every attempt in a results file; the learners' flags it carries are appended to
    ``flags`` when given. Raises :class:`ResultsError` (``file:line: message``
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
    return parse_results(text.splitlines(), name, flags)


def parse_results(
    lines: Iterable[str], name: str, flags: list[FlagNote] | None = None
) -> list[Attempt]:
    """Every attempt in ``lines`` (a results file's text; ``name`` is used in messages); the
    flags the lines carry are appended to ``flags`` when given. Raises :class:`ResultsError`
    listing every problem, so that a teacher fixes a file once."""
    attempts: list[Attempt] = []
    found: list[FlagNote] = []
    problems: list[str] = []
    lines_read = 0
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
            before = len(found)
            attempt = _attempt(record, f"{name}:{number}", problems, found)
            if attempt is not None:
                attempts.append(attempt)
            if attempt is not None or len(found) > before:
                lines_read += 1
        if problems and not lines_read:
            break  # the first line is wrong: not a results file at all; one message is enough
        if len(problems) >= MAX_PROBLEMS:
            problems.append(f"{name}: stopped after {MAX_PROBLEMS} problems")
            break
    if problems:
        raise ResultsError(problems)
    if flags is not None:
        flags.extend(found)
    return attempts


def _attempt(record: Any, where: str, problems: list[str], flags: list[FlagNote]) -> Attempt | None:
    """One line as an :class:`Attempt`, or None with its problems appended to ``problems``;
    the line's flags are appended to ``flags`` (a line of flags only gives no attempt)."""
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
    notes = _flags(record.get("flags"), where, problems)
    if "outcome" not in record and "answered_at" not in record and "flags" in record:
        # a line of flags only: flags on a question no answer of the file goes with
        if len(problems) > before:
            return None
        flags.extend(_noted(n, learner, bank_id, question_id) for n in notes)
        return None
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
    flags.extend(_noted(n, learner, bank_id, question_id) for n in notes)
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


def _flags(value: Any, where: str, problems: list[str]) -> list[tuple[str, str, str]]:
    """A line's ``flags`` as (reason, note, flagged_at); absent is none (files written before
    flags were exported)."""
    if value is None:
        return []
    if not isinstance(value, list):
        problems.append(f"{where}: 'flags' must be a list, not {_kind(value)}")
        return []
    out: list[tuple[str, str, str]] = []
    for n, flag in enumerate(value, start=1):
        if not isinstance(flag, dict):
            problems.append(f"{where}: flag {n} must be an object, not {_kind(flag)}")
            continue
        fields = [flag.get(key, "") for key in ("reason", "note", "flagged_at")]
        if not all(isinstance(f, str) for f in fields) or not fields[0]:
            problems.append(
                f"{where}: flag {n} needs a 'reason' and may have a 'note' and 'flagged_at', "
                "all text"
            )
            continue
        out.append((fields[0], fields[1], fields[2]))
    return out


def _noted(flag: tuple[str, str, str], learner: str, bank_id: str, question_id: str) -> FlagNote:
    reason, note, flagged_at = flag
    return FlagNote(question_id, reason, note, flagged_at, bank_id, learner)


def _kind(value: Any) -> str:
    """What a JSON value is, in words a teacher reads ("a list", not ``list``)."""
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
