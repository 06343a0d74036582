"""How figures are written, shared by every renderer, so that the terminal, the spreadsheet,
the web page and the TUI screen write "33%", "10.0s" and "-0.87" the same way."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from quiz.bank.model import TYPE_NAMES
from quiz.plural import plural
from quiz.report.discrimination import MIN_LEARNERS, NEGATIVE, Discrimination
from quiz.report.model import NO_ANSWER, Count, QuestionReport, Report
from quiz.report.results import FlagNote

__all__ = [
    "DASH",
    "TYPE_NAMES",
    "counts_text",
    "discrimination_line",
    "discrimination_note",
    "figure",
    "flag_counts",
    "flag_headline",
    "flag_note",
    "flag_text",
    "flagged_summary",
    "percent",
    "seconds",
    "short",
    "type_name",
]

DASH = "–"
PROMPT_WIDTH = 72


def type_name(qtype: str) -> str:
    """The type as a sentence reads it ("fill in the blank"): the app's name, in lower case."""
    return TYPE_NAMES.get(qtype, qtype).lower()


def percent(value: float | None) -> str:
    return DASH if value is None else f"{round(value)}%"


def seconds(value: float | None) -> str:
    if value is None:
        return DASH
    if value < 60:
        return f"{value:.1f}s"
    minutes, rest = divmod(round(value), 60)
    return f"{minutes}m{rest:02d}s"


def figure(value: float | None) -> str:
    """A discrimination index with two decimals ("-0.87"), or a dash when there is none."""
    return DASH if value is None else f"{value:.2f}"


def short(text: str, width: int = PROMPT_WIDTH) -> str:
    """One line of at most ``width`` characters, cut with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


#: How the flag dialog's reasons read in a report (others are shown as stored).
REASON_WORDS = {"wrong": "answer wrong", "unclear": "unclear", "other": "other"}


def reason_text(reason: str) -> str:
    return REASON_WORDS.get(reason, reason.replace("_", " "))


def flag_text(flag: FlagNote, width: int = 60) -> str:
    """A learner's flag: its reason, and its note in quotes."""
    reason = reason_text(flag.reason)
    return f"{reason} “{short(flag.note, width)}”" if flag.note else reason


def flag_counts(flags: Sequence[FlagNote]) -> str:
    """``unclear (2), answer wrong (1)``: each reason with how often it was given, most first."""
    counts = Counter(reason_text(f.reason) for f in flags)
    return ", ".join(f"{reason} ({n})" for reason, n in counts.most_common())


def flag_headline(flags: Sequence[FlagNote]) -> str:
    """``flagged 3 times by 2 learners: unclear (2), answer wrong (1)``, or
    ``flagged once: unclear``."""
    if len(flags) == 1:
        return f"flagged once: {reason_text(flags[0].reason)}"
    learners = len({f.learner_id for f in flags})
    by = f" by {plural(learners, 'learner')}" if learners > 1 else ""
    return f"flagged {len(flags)} times{by}: {flag_counts(flags)}"


def flag_note(flag: FlagNote) -> str:
    """A flag's note, whole, with its reason: ``“20 or 12?” (unclear)``."""
    return f"“{' '.join(flag.note.split())}” ({reason_text(flag.reason)})"


def flagged_summary(questions: Sequence[QuestionReport]) -> str:
    """``q-cost-tf (3), q-mayor-mc (1)``: the questions learners flagged, most flagged first
    ("" when none was)."""
    flagged = sorted((q for q in questions if q.flags), key=lambda q: (-len(q.flags), q.position))
    return ", ".join(f"{q.id} ({len(q.flags)})" for q in flagged)


def counts_text(items: list[Count], width: int | None = 40) -> str:
    """``text (n), text (n)``; a pick that is no longer an option says so. Each text is cut
    at ``width`` characters; ``None`` keeps it whole."""
    parts = []
    for c in items:
        label = " ".join(c.text.split()) if width is None else short(c.text, width)
        if not c.in_bank and c.text != NO_ANSWER:
            label += " [no longer an option]"
        parts.append(f"{label} ({c.count})")
    return ", ".join(parts)


def discrimination_note(report: Report) -> str:
    """One sentence saying which index the report's figures are, or why there are none."""
    if report.learners < MIN_LEARNERS:
        return (
            f"discrimination: too few learners ({report.learners}; it needs {MIN_LEARNERS}), "
            "so none is given"
        )
    return (
        "discr: point-biserial discrimination (first answers against the share right on the "
        "other questions); flagged under 0.20"
    )


def discrimination_line(d: Discrimination) -> str:
    """What a question's discrimination says, for its details ("" when there is nothing to
    add to the figure)."""
    if d.flagged:
        what = "negative" if d.status == NEGATIVE else "low"
        upper = f", upper/lower 27% {figure(d.upper_lower)}" if d.upper_lower is not None else ""
        return f"check: {what} discrimination {figure(d.point_biserial)}{upper}: {d.reason}"
    return ""
