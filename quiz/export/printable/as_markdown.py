"""The printable worksheet in Markdown: every bank text backslash-escaped, the page break before
the key an HTML ``<div>`` that Markdown keeps."""

from __future__ import annotations

import re

from quiz.bank.model import Bank, Question
from quiz.bank.types.shapes import Blanks, Number, Statement, TextAnswers
from quiz.export import ExportResult
from quiz.export.common import clean, exportable, one_line, skipped_notes, split_blanks
from quiz.export.printable.sheet import LETTERS, entries, source_parts

__all__ = ["PAGE_BREAK_MD", "export_markdown", "markdown", "md_inline", "md_text"]


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
