"""The printable worksheet as one self-contained HTML file: every text escaped, no script
allowed (a Content-Security-Policy of ``default-src 'none'``), only http(s) links, print CSS."""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

from quiz.bank.model import Bank, Question
from quiz.bank.types.shapes import Blanks, Number, Statement, TextAnswers
from quiz.export import ExportResult
from quiz.export.common import clean, exportable, one_line, skipped_notes, split_blanks
from quiz.export.printable.sheet import LETTERS, entries, source_parts

__all__ = ["CSS", "esc", "esc_text", "export_html", "html_page"]


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
