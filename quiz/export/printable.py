"""A printable worksheet of a bank, in Markdown or as one self-contained HTML file.

The sheet: the bank title, the article it comes from, a line for name and date, then the
questions numbered 1..N, each with what a learner needs on paper (lettered choices, blanks to
fill, two columns to match, shuffled items to number), then the **answer key on its own page**
with each answer and the source sentence it rests on (and the explanation).

What is printed is chosen by each question's export shape (``quiz/bank/types/shapes.py``): a
new type presenting as a choice, blanks, pairs ... is printed with no change here; a type that
cannot be exported is left out, with a note.

Shuffles (the choices, the matching options, the ordering items) are seeded by the bank and
question ids (``quiz.export.arrange``): the same bank always prints the same sheet, the key's
letters follow the printed order, and the sheet never prints the right order as the question.

Bank text is untrusted and shown literally. HTML: every text is escaped, the page allows no
script (a Content-Security-Policy of ``default-src 'none'``), only http(s) links. Markdown:
the characters that would make markup (``\\ ` * _ [ ] < > # | ~``, entity-like ``&``, and
list or heading markers at the start of a line) are backslash-escaped; the page break before
the key is an HTML ``<div style="page-break-before: always">``, which Markdown keeps.
"""

from __future__ import annotations

import html
import re
import string
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from quiz.bank.model import Bank, Question
from quiz.bank.types.shapes import (
    Blanks,
    Choice,
    Number,
    Pairs,
    Sequence,
    Shape,
    Statement,
    TextAnswers,
)
from quiz.export import ExportResult
from quiz.export.arrange import Arranger
from quiz.export.common import clean, exportable, one_line, skipped_notes, split_blanks

LETTERS = string.ascii_uppercase


# --- what goes on the sheet, independent of Markdown or HTML -------------------------------


@dataclass
class Entry:
    """One question as printed: ``number``, the ``instruction`` under its prompt, and the
    lines of the answer key."""

    number: int
    question: Question
    instruction: str
    shape: Shape  # what the sheet prints is chosen by it, never by the question's class
    choices: list[str] = field(default_factory=list)  # multiple choice, lettered A..
    lefts: list[str] = field(default_factory=list)  # matching, numbered 1..
    rights: list[str] = field(default_factory=list)  # matching options, shuffled, lettered
    items: list[str] = field(default_factory=list)  # ordering, shuffled
    key: list[str] = field(default_factory=list)


def entry(number: int, question: Question, arrange: Arranger) -> Entry:
    """What the sheet prints for ``question``, by its export shape; ``arrange`` gives the
    order of its options. A type that cannot be exported is a ValueError (left out first)."""
    shape = arrange.shape(question)
    if isinstance(shape, Choice):
        key = [
            f"{LETTERS[i]}. {one_line(c)}"
            for i, c in enumerate(shape.options)
            if c in shape.answers
        ]
        how = "Choose all that apply." if shape.multiple else "Choose one."
        return Entry(number, question, how, shape, choices=list(shape.options), key=key)
    if isinstance(shape, Statement):
        how = "True or false? Circle one."
        return Entry(number, question, how, shape, key=[question.answer_text()])
    if isinstance(shape, Blanks):
        key = []
        for i, blank in enumerate(shape.blanks):
            also = f" (also: {', '.join(one_line(a) for a in blank[1:])})" if blank[1:] else ""
            prefix = f"({i + 1}) " if len(shape.blanks) > 1 else ""
            key.append(f"{prefix}{one_line(blank[0])}{also}")
        how = "Fill in the blanks." if len(shape.blanks) > 1 else "Fill in the blank."
        return Entry(number, question, how, shape, key=key)
    if isinstance(shape, TextAnswers):
        variants = shape.answers[1:]
        line = one_line(shape.answers[0])
        if variants:
            line += f" (also accepted: {', '.join(one_line(a) for a in variants)})"
        return Entry(number, question, "Write your answer.", shape, key=[line])
    if isinstance(shape, Number):
        return Entry(number, question, "Write a number.", shape, key=[question.answer_text()])
    if isinstance(shape, Pairs):
        lefts = [left for left, _ in shape.pairs]
        rights = arrange.pair_rights(question.id, shape)
        key = [
            f"{i + 1} → {LETTERS[rights.index(right)]} ({one_line(left)} → {one_line(right)})"
            for i, (left, right) in enumerate(shape.pairs)
        ]
        return Entry(
            number,
            question,
            "Write the letter of the matching option by each item.",
            shape,
            lefts=lefts,
            rights=rights,
            key=key,
        )
    if isinstance(shape, Sequence):
        items = arrange.sequence(question.id, shape)
        key = [f"{i + 1}. {one_line(t)}" for i, t in enumerate(shape.items)]
        return Entry(
            number,
            question,
            f"Number the items from 1 to {len(items)} in the right order.",
            shape,
            items=items,
            key=key,
        )
    raise ValueError(f"no worksheet form for {question.TYPE}: {shape.reason}")


def entries(bank: Bank, seed: int | None = None) -> list[Entry]:
    """The sheet's entries, numbered 1..N over the questions that can be printed."""
    arrange = Arranger.for_bank(bank, seed)
    return [entry(i + 1, q, arrange) for i, q in enumerate(exportable(bank.questions))]


def source_parts(bank: Bank) -> tuple[str, str]:
    """(``'Title — Outlet, 2025-05-12'``, url or '')."""
    src = bank.source
    where = ", ".join(one_line(p) for p in (src.outlet, src.published) if p.strip())
    text = one_line(src.title) + (f" — {where}" if where else "")
    return text, one_line(src.url)


# --- Markdown ------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
_MD_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_MD_LINE_START = re.compile(r"^(\s*)([-+=]|\d+(?=[.)]))")
_MD_BLANK = r"\_" * 10
PAGE_BREAK_MD = '<div style="page-break-before: always; break-before: page;"></div>'


def md_inline(text: str) -> str:
    """One line of bank text, escaped for Markdown."""
    escaped = _MD_ENTITY.sub("&amp;", _MD_SPECIAL.sub(r"\\\1", one_line(text)))
    return _md_line_start(escaped)


def _md_line_start(line: str) -> str:
    match = _MD_LINE_START.match(line)
    if not match:
        return line
    lead, marker = match.groups()
    if marker.isdigit():  # "2025." -> "2025\."
        end = match.end()
        return line[:end] + "\\" + line[end:]
    return lead + "\\" + line[len(lead) :]


def md_text(text: str, *, strip: bool = True) -> str:
    """Bank text that may hold newlines: escaped, each line break a Markdown hard break.
    ``strip=False`` keeps a space at either end (text between cloze blanks)."""
    out: list[str] = []
    for i, raw in enumerate(clean(text, strip=strip).split("\n")):
        line = re.sub(r"[ \t]+", " ", raw)
        if i > 0:
            line = line.strip()
            if not line:
                continue
        escaped = _MD_ENTITY.sub("&amp;", _MD_SPECIAL.sub(r"\\\1", line))
        out.append(_md_line_start(escaped))
    return "\\\n".join(out)


def _md_cloze(question: Question) -> str:
    pieces = split_blanks(clean(question.prompt))
    out = md_text(pieces[0], strip=False)
    for i, piece in enumerate(pieces[1:]):
        label = f" ({i + 1})" if len(pieces) > 2 else ""
        out += f"{_MD_BLANK}{label}" + md_text(piece, strip=False)
    return out.strip()


def markdown(bank: Bank, seed: int | None = None) -> str:
    text, url = source_parts(bank)
    out = [f"# {md_inline(bank.title)}", ""]
    if bank.description.strip():
        out += [md_text(bank.description), ""]
    source = f"*Source:* {md_inline(text)}"
    if url:
        source += f" \\\n{md_inline(url)}"
    out += [source, "", "Name: " + _MD_BLANK * 3 + "   Date: " + _MD_BLANK, "", "## Questions", ""]
    sheet = entries(bank, seed)
    for e in sheet:
        q = e.question
        prompt = _md_cloze(q) if isinstance(e.shape, Blanks) else md_text(q.prompt)
        out += [f"**{e.number}.** {prompt}", "", f"*{e.instruction}*", ""]
        if e.choices:
            out += [f"- {LETTERS[i]}. {md_inline(c)}" for i, c in enumerate(e.choices)] + [""]
        elif isinstance(e.shape, Statement):
            out += ["True / False", ""]
        elif isinstance(e.shape, TextAnswers):
            out += [f"Answer: {_MD_BLANK * 3}", ""]
        elif isinstance(e.shape, Number):
            unit = f" {md_inline(e.shape.unit)}" if e.shape.unit.strip() else ""
            out += [f"Answer: {_MD_BLANK * 2}{unit}", ""]
        elif e.lefts:
            out += ["| # | Item | Letter | | Option |", "|---|---|---|---|---|"]
            for i, (left, right) in enumerate(zip(e.lefts, e.rights, strict=True)):
                out.append(
                    f"| {i + 1} | {md_inline(left)} | \\_\\_\\_\\_ | "
                    f"{LETTERS[i]} | {md_inline(right)} |"
                )
            out.append("")
        elif e.items:
            out += [f"- \\_\\_\\_\\_ {md_inline(item)}" for item in e.items] + [""]
    out += ["---", "", PAGE_BREAK_MD, "", "## Answer key", ""]
    for e in sheet:
        q = e.question
        if len(e.key) == 1:
            out += [f"**{e.number}.** {md_inline(e.key[0])}", ""]
        else:
            out += [f"**{e.number}.**", ""] + [f"- {md_inline(k)}" for k in e.key] + [""]
        out += [f"> {md_inline(q.source)}", ""]
        if q.explanation.strip():
            out += [f"*{md_text(q.explanation)}*", ""]
    return "\n".join(out).rstrip("\n") + "\n"


def export_markdown(
    bank: Bank, *, timestamp: float | None = None, seed: int | None = None
) -> ExportResult:
    del timestamp
    sheet = markdown(bank, seed).encode("utf-8")
    return ExportResult(sheet, len(exportable(bank.questions)), skipped_notes(bank.questions))


# --- HTML ----------------------------------------------------------------------------------

CSS = """\
:root { color-scheme: light; }
body { font-family: Georgia, "Times New Roman", serif; line-height: 1.45; color: #111;
  max-width: 46em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.25em; border-bottom: 1px solid #999; padding-bottom: 0.2em; }
.source { color: #333; margin-top: 0; }
.name-line { margin: 1.5em 0; }
.question { margin: 0 0 1.4em; break-inside: avoid; page-break-inside: avoid; }
.question .num, .key .num { font-weight: bold; margin-right: 0.3em; }
.prompt { margin: 0 0 0.3em; }
.instruction { font-style: italic; color: #444; margin: 0 0 0.4em; font-size: 0.92em; }
.blank { display: inline-block; min-width: 7em; border-bottom: 1px solid #111;
  height: 1.1em; vertical-align: baseline; }
.blank.short { min-width: 3em; }
.blank.long { min-width: 16em; }
ol.choices { list-style-type: upper-alpha; margin: 0.2em 0; }
ul.order { list-style: none; padding-left: 1.2em; }
table.match { border-collapse: collapse; margin: 0.3em 0 0 1.2em; }
table.match td { padding: 0.15em 0.6em; vertical-align: top; }
.key { border-top: 3px double #999; margin-top: 3em; padding-top: 1em; }
.key .entry { margin: 0 0 1em; break-inside: avoid; page-break-inside: avoid; }
.key blockquote { margin: 0.2em 0 0 1.2em; color: #333; font-style: italic; }
.key .explanation { margin: 0.2em 0 0 1.2em; font-size: 0.92em; }
.key ul { margin: 0.2em 0; }
@media print {
  @page { margin: 2cm; }
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
  a { color: inherit; text-decoration: none; }
  .key { page-break-before: always; break-before: page; border-top: none; margin-top: 0;
    padding-top: 0; }
}
"""


def esc(text: str) -> str:
    """One line of bank text, escaped."""
    return html.escape(one_line(text), quote=True)


def esc_text(text: str, *, strip: bool = True) -> str:
    """Bank text that may hold newlines: escaped, line breaks as ``<br>``."""
    lines = [re.sub(r"[ \t]+", " ", line) for line in clean(text, strip=strip).split("\n")]
    return "<br>".join(html.escape(line, quote=True) for line in lines)


def _html_cloze(question: Question) -> str:
    pieces = split_blanks(clean(question.prompt))
    out = esc_text(pieces[0], strip=False)
    for i, piece in enumerate(pieces[1:]):
        label = f"<sup>({i + 1})</sup>" if len(pieces) > 2 else ""
        out += f'<span class="blank"></span>{label}' + esc_text(piece, strip=False)
    return out.strip()


def _link(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme in ("http", "https") and parts.netloc:
        return f'<a href="{esc(url)}">{esc(url)}</a>'
    return esc(url)


def html_page(bank: Bank, seed: int | None = None) -> str:
    text, url = source_parts(bank)
    lang = re.sub(r"[^A-Za-z0-9-]", "", bank.language) or "en"
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(bank.title)}</title>",
        f"<style>\n{CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{esc(bank.title)}</h1>",
    ]
    if bank.description.strip():
        out.append(f'<p class="description">{esc_text(bank.description)}</p>')
    source = f"Source: {esc(text)}" + (f"<br>{_link(url)}" if url else "")
    out += [
        f'<p class="source">{source}</p>',
        '<p class="name-line">Name: <span class="blank long"></span> '
        'Date: <span class="blank"></span></p>',
        "</header>",
        "<main>",
        '<section class="questions">',
        "<h2>Questions</h2>",
    ]
    sheet = entries(bank, seed)
    for e in sheet:
        q = e.question
        prompt = _html_cloze(q) if isinstance(e.shape, Blanks) else esc_text(q.prompt)
        out.append(f'<div class="question" id="q{e.number}">')
        out.append(f'<p class="prompt"><span class="num">{e.number}.</span> {prompt}</p>')
        out.append(f'<p class="instruction">{esc(e.instruction)}</p>')
        if e.choices:
            out.append(
                '<ol class="choices" type="A">'
                + "".join(f"<li>{esc(c)}</li>" for c in e.choices)
                + "</ol>"
            )
        elif isinstance(e.shape, Statement):
            out.append("<p>True / False</p>")
        elif isinstance(e.shape, TextAnswers):
            out.append('<p>Answer: <span class="blank long"></span></p>')
        elif isinstance(e.shape, Number):
            unit = f" {esc(e.shape.unit)}" if e.shape.unit.strip() else ""
            out.append(f'<p>Answer: <span class="blank"></span>{unit}</p>')
        elif e.lefts:
            out.append('<table class="match">')
            for i, (left, right) in enumerate(zip(e.lefts, e.rights, strict=True)):
                out.append(
                    f"<tr><td>{i + 1}.</td><td>{esc(left)}</td>"
                    f'<td><span class="blank short"></span></td>'
                    f"<td>{LETTERS[i]}.</td><td>{esc(right)}</td></tr>"
                )
            out.append("</table>")
        elif e.items:
            out.append(
                '<ul class="order">'
                + "".join(
                    f'<li><span class="blank short"></span> {esc(item)}</li>' for item in e.items
                )
                + "</ul>"
            )
        out.append("</div>")
    out += ["</section>", '<section class="key">', "<h2>Answer key</h2>"]
    for e in sheet:
        q = e.question
        out.append(f'<div class="entry" id="key{e.number}">')
        if len(e.key) == 1:
            out.append(f'<p><span class="num">{e.number}.</span> {esc(e.key[0])}</p>')
        else:
            out.append(
                f'<p><span class="num">{e.number}.</span></p><ul>'
                + "".join(f"<li>{esc(k)}</li>" for k in e.key)
                + "</ul>"
            )
        out.append(f'<blockquote class="source">{esc_text(q.source)}</blockquote>')
        if q.explanation.strip():
            out.append(f'<p class="explanation">{esc_text(q.explanation)}</p>')
        out.append("</div>")
    out += ["</section>", "</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"


def export_html(
    bank: Bank, *, timestamp: float | None = None, seed: int | None = None
) -> ExportResult:
    del timestamp
    page = html_page(bank, seed).encode("utf-8")
    return ExportResult(page, len(exportable(bank.questions)), skipped_notes(bank.questions))
