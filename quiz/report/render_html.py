"""The report as one standalone web page (``quiz report --format html -o FILE``): a teacher
can open it, print it or mail it; nothing is fetched (the styles are in the page).

Every piece of text that came from a bank, a results file or a file name is escaped
(:func:`html.escape`), so a prompt like ``<script>`` shows as text and never runs.
"""

from __future__ import annotations

from html import escape

from quiz.plural import plural
from quiz.report.model import QuestionReport, Report, StudentReport
from quiz.report.words import (
    counts_text,
    discrimination_note,
    figure,
    flag_headline,
    flag_note,
    flagged_summary,
    percent,
    seconds,
    type_name,
)

__all__ = ["to_html"]

STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 70rem;
       padding: 0 1rem; color: #1b1b1b; }
h1 { font-size: 1.4rem; margin-bottom: .2rem; }
h2 { font-size: 1.1rem; margin-top: 2rem; }
p.meta { color: #555; margin: .2rem 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem;
         border-bottom: 1px solid #ddd; }
th { background: #f3f3f3; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.negative td { background: #fde8e8; }
tr.low td { background: #fff6dc; }
.check { font-weight: 600; }
.detail { color: #444; font-size: .92em; }
@media print { tr { break-inside: avoid; } }
"""


def to_html(report: Report) -> str:
    """The whole page."""
    title = f"Item analysis: {report.title}"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        f"<h1>{_e(title)}</h1>",
        f'<p class="meta">bank {_e(report.bank_id)}</p>',
    ]
    if report.attempts:
        parts.append(
            f'<p class="meta">{plural(report.learners, "learner")}, '
            f"{plural(report.attempts, 'attempt')} in {plural(report.sessions, 'session')}, "
            f"{percent(report.percent_right)} right, {_e(report.first[:10])} to "
            f"{_e(report.last[:10])}</p>"
        )
        parts.append(f'<p class="meta">{_e(discrimination_note(report))}</p>')
    else:
        parts.append('<p class="meta">no answers to this bank yet</p>')
    if report.sources:
        sources = ", ".join(f"{name} ({n})" for name, n in report.sources)
        parts.append(f'<p class="meta">from {_e(sources)}</p>')
    if report.flagged:
        listed = ", ".join(
            f"{q.id} ({figure(q.discrimination.point_biserial)})" for q in report.flagged
        )
        parts.append(f'<p class="check">to check: {_e(listed)}</p>')
    by_learners = flagged_summary(report.questions)
    if by_learners:
        parts.append(f'<p class="check">flagged by learners: {_e(by_learners)}</p>')
    parts += _questions(report.questions)
    if report.students:
        parts += _students(report.students)
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)


def _questions(questions: list[QuestionReport]) -> list[str]:
    rows = [
        "<h2>Questions (hardest first)</h2>",
        "<table>",
        "<thead><tr><th>question</th><th class=num>right</th><th class=num>asked</th>"
        "<th class=num>median</th><th class=num>discrimination (point-biserial)</th>"
        "<th>details</th></tr></thead>",
        "<tbody>",
    ]
    for q in questions:
        d = q.discrimination
        details = [f"<div>{_e(q.prompt)}</div>"]
        picked = [c for c in q.wrong_options if c.count or c.in_bank]
        if picked:
            details.append(
                f'<div class="detail">wrong options picked: {_e(counts_text(picked, None))}</div>'
            )
        if q.wrong_answers:
            details.append(
                f'<div class="detail">wrong answers: {_e(counts_text(q.wrong_answers, None))}</div>'
            )
        if d.flagged:
            details.append(f'<div class="check">check: {_e(d.reason)}</div>')
        elif d.reason and q.asked:
            details.append(f'<div class="detail">discrimination: {_e(d.reason)}</div>')
        if q.flags:
            details.append(f'<div class="check">{_e(flag_headline(q.flags))}</div>')
            details += [f'<div class="detail">{_e(flag_note(f))}</div>' for f in q.flags if f.note]
        upper = f" (upper/lower {figure(d.upper_lower)})" if d.upper_lower is not None else ""
        rows.append(
            f'<tr class="{d.status}"><td>{_e(q.id)}<br><span class="detail">'
            f"{_e(type_name(q.type))}</span></td>"
            f"<td class=num>{percent(q.percent_right)}</td><td class=num>{q.asked}</td>"
            f"<td class=num>{seconds(q.median_seconds)}</td>"
            f"<td class=num>{figure(d.point_biserial)}{upper}</td>"
            f"<td>{''.join(details)}</td></tr>"
        )
    rows += ["</tbody>", "</table>"]
    return rows


def _students(students: list[StudentReport]) -> list[str]:
    rows = [
        "<h2>Learners (lowest score first)</h2>",
        "<table>",
        "<thead><tr><th>learner</th><th class=num>score</th><th class=num>attempts</th>"
        "<th>missed</th></tr></thead>",
        "<tbody>",
    ]
    for s in students:
        missed = ", ".join(s.missed) if s.missed else "none"
        rows.append(
            f"<tr><td>{_e(s.name)}</td><td class=num>{percent(s.percent_right)}</td>"
            f"<td class=num>{s.attempts}</td><td>{_e(missed)}</td></tr>"
        )
    rows += ["</tbody>", "</table>"]
    return rows


def _e(text: str) -> str:
    return escape(text, quote=True)
