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

What goes on the sheet is :mod:`.sheet`; it is written by :mod:`.as_markdown` and
:mod:`.as_html`.
"""

from quiz.export.printable.as_html import CSS, esc, esc_text, export_html, html_page
from quiz.export.printable.as_markdown import (
    PAGE_BREAK_MD,
    export_markdown,
    markdown,
    md_inline,
    md_text,
)
from quiz.export.printable.sheet import LETTERS, Entry, entries, entry, source_parts

__all__ = [
    "CSS",
    "LETTERS",
    "PAGE_BREAK_MD",
    "Entry",
    "entries",
    "entry",
    "esc",
    "esc_text",
    "export_html",
    "export_markdown",
    "html_page",
    "markdown",
    "md_inline",
    "md_text",
    "source_parts",
]
