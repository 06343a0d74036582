"""What the stats screen shows, computed from the figures: captions, the weeks charted and their
colours, the mastery rows, and the message shown before there is anything to chart.

Pure functions of :class:`quiz.stats.Stats`, so the screen only places them.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import TYPE_CHECKING

from textual.content import Content

from quiz.plural import plural
from quiz.tui.widgets.charts import BarRow

if TYPE_CHECKING:
    from quiz.stats import PeriodActivity, Retention, Stats

#: Weeks in the by-week charts: at least (so a new learner's chart has a shape), at most.
CHART_WEEKS = (8, 26)


def longest_streak(days: list[date]) -> int:
    """The longest run of consecutive days in ``days`` (sorted or not)."""
    best = run = 0
    previous: date | None = None
    for day in sorted(set(days)):
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        best = max(best, run)
        previous = day
    return best


def week_axis(stats: Stats) -> tuple[list[date], list[tuple[int, str]]]:
    """The Mondays of the weeks charted (since the first answer, within
    :data:`CHART_WEEKS`) and a month name under the first week of each month."""
    this_monday = stats.today - timedelta(days=stats.today.weekday())
    first = min((w.start for w in stats.weeks), default=this_monday)
    least, most = CHART_WEEKS
    count = max(least, min(most, (this_monday - first).days // 7 + 1))
    starts = [this_monday - timedelta(weeks=count - 1 - i) for i in range(count)]
    changes = [i for i in range(1, count) if starts[i].month != starts[i - 1].month]
    if not changes or changes[0] >= 3:  # the first week's month, when it has room
        changes.insert(0, 0)
    return starts, [(i, f"{starts[i]:%b}") for i in changes]


def retention_style(retention: float | None, desired: float) -> str:
    """As the gauge: green at the target, amber a little under, red well under."""
    if retention is None or retention >= desired - 0.02:
        return "$success"
    return "$warning" if retention >= desired - 0.10 else "$error"


def accuracy_style(accuracy: float | None) -> str:
    """Green from 85 % right, amber from 65 %, red below."""
    if accuracy is None or accuracy >= 0.85:
        return "$success"
    return "$warning" if accuracy >= 0.65 else "$error"


def percent(ratio: float | None) -> str:
    return "–" if ratio is None else f"{round(100 * ratio)}%"


def empty_message(stats: Stats, scores_notice: str) -> Content:
    """Instead of the charts, before the first answer (or when the saved answers cannot be
    shown: ``scores_notice`` says why, rather than "no answers")."""
    banks = sum(1 for b in stats.banks if b.questions)
    ready = f"You have {plural(banks, 'bank')} ready. " if banks else ""
    lines: list[str | tuple[str, str]] = []
    if scores_notice:  # e.g. the scores file is damaged: say so, not "no answers"
        lines += [
            ("No saved answers can be shown.", "bold $warning"),
            "\n\n",
            (scores_notice, "$warning"),
            "\n\n",
        ]
    else:
        lines += [("No answers yet.", "bold"), "\n\n"]
    lines += [
        "Your streak, a calendar of the days you practised, what falls due, your "
        "accuracy and how well you know each bank appear here once you have answered "
        "a few questions.\n\n",
        ready,
        "Press ",
        ("Esc", "bold"),
        " to see your banks and start a quiz, or run  ",
        ("quiz play BANK", "bold $accent"),
        ".",
    ]
    return Content.assemble(*lines)


def streak_caption(stats: Stats) -> Content:
    """Beside the streak's digits: whether today keeps it, and the best streak."""
    streak = stats.streak_days
    active = [d.day for d in stats.days]
    best = longest_streak(active)
    answered_today = bool(active) and active[-1] == stats.today
    if answered_today:
        status = ("done today ✓", "$success")
    elif streak:
        status = ("answer today to keep it", "bold $warning")
    else:
        status = ("answer today to start one", "$text-muted")
    return Content.assemble(
        ("day in a row" if streak == 1 else "days in a row", "bold"),
        "\n",
        status,
        "\n",
        (f"best: {plural(best, 'day')}", "$text-muted"),
    )


def forecast_caption(stats: Stats) -> Content:
    """Under the forecast, on two lines so that the panel's width never cuts it: due now and
    later today; in 7 days and in 30."""
    values = [f.due for f in stats.forecast]
    week = sum(values[:7])
    return Content.assemble(
        (f"{stats.due_now}", "bold $warning"),
        " now",
        (" · ", "$text-muted"),
        (f"{stats.due_later_today}", "bold"),
        " later today",
        "\n",
        (f"{week}", "bold"),
        " in 7 days",
        (" · ", "$text-muted"),
        (f"{sum(values)}", "bold"),
        " in 30 days",
    )


def retention_caption(retention: Retention) -> Content:
    """Under the gauge: the reviews recalled and a verdict against the target (or why there is
    no figure yet)."""
    actual = retention.true_retention
    if actual is None:
        return Content(
            "No reviews of learnt questions yet. This counts the answers to questions "
            "the schedule brought back after days away; it appears after your first "
            "such reviews."
        )
    desired = retention.desired
    if actual >= desired + 0.05:
        verdict = "Above the target: longer gaps would still hold."
    elif actual >= desired - 0.02:
        verdict = "On target: the schedule suits you."
    else:
        verdict = "Below the target: reviewing on the day things fall due helps."
    return Content.assemble(
        (f"{retention.recalled:,} of {retention.reviews:,}", "bold"),
        " reviews recalled. ",
        verdict,
    )


def accuracy_caption(stats: Stats, this_week: PeriodActivity | None) -> Content:
    """Under the accuracy chart: right overall, and this week's share when there is one."""
    parts: list[str | tuple[str, str]] = [
        (percent(stats.accuracy), "bold"),
        " right overall",
    ]
    if this_week is not None:
        parts += [
            "  ·  this week ",
            (percent(this_week.accuracy), "bold"),
            f" of {plural(this_week.attempts, 'answer')}",
        ]
    return Content.assemble(*parts)


def bank_rows(stats: Stats, titles: Mapping[str, str]) -> list[BarRow]:
    """Mastery per bank, by title; a bank no longer in the library last, muted."""
    rows: list[tuple[str, BarRow]] = []
    for bank in stats.banks:
        title = titles.get(bank.bank_id, bank.bank_id)
        if bank.questions == 0:  # its history stays, but the bank is gone
            row = BarRow(title, None, "not in your banks now", muted=True)
        else:
            size = bank.questions if bank.questions is not None else bank.cards
            detail = f"{bank.mastered}/{size}"
            if bank.due_now:
                detail += f" · {bank.due_now} due"
            row = BarRow(title, bank.mastery or 0.0, detail)
        rows.append((title.casefold(), row))
    return [row for _key, row in sorted(rows, key=lambda kv: (kv[1].muted, kv[0]))]


def tag_rows(stats: Stats) -> list[BarRow]:
    """Mastery per tag, the most answered first."""
    tags = sorted(stats.tags, key=lambda t: (-t.cards, t.tag.casefold()))
    return [BarRow(t.tag, t.mastery, f"{t.mastered}/{t.cards}") for t in tags]
