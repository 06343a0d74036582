"""Bank text made into :class:`~textual.content.Content`, always literally: ``[b]`` in a bank is
shown as those three characters and never styles or runs anything, and a control character or
bidi override as a visible placeholder (installed here, as every screen imports this module:
see :mod:`quiz.tui.safe_render`)."""

from __future__ import annotations

import re

from textual.content import Content

from quiz.bank.model import BLANK_PATTERN, Bank, Cloze, Question
from quiz.tui import safe_render

safe_render.install()

#: A question's type as a list or table shows it, short so the prompt keeps the room (the
#: authoring list and the report's table; the full name is in the details).
TYPE_TAGS = {
    "multiple_choice": "choice",
    "true_false": "true/false",
    "cloze": "blank",
    "short_answer": "short",
    "numeric": "number",
    "matching": "match",
    "ordering": "order",
}

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'", "′": "'"})


def as_content(value: Content | str) -> Content:
    """Text as content to show: a plain string literally (never read as markup)."""
    return value if isinstance(value, Content) else Content(value)


def literal(text: str, style: str = "") -> Content:
    """Bank text as it is written, optionally in one style."""
    return Content.styled(text, style) if style else Content(text)


def prompt_content(question: Question) -> Content:
    """The prompt; a cloze's blanks become numbered gaps when there are several."""
    if not isinstance(question, Cloze):
        return Content(question.prompt)
    parts: list[str | tuple[str, str]] = []
    pos = 0
    many = len(question.blanks) > 1
    for n, match in enumerate(re.finditer(BLANK_PATTERN, question.prompt), start=1):
        parts.append(question.prompt[pos : match.start()])
        gap = f"__({n})__" if many else "_____"
        parts.append((gap, "bold $accent"))
        pos = match.end()
    parts.append(question.prompt[pos:])
    return Content.assemble(*parts)


def _fold(text: str) -> str:
    """Same length as ``text``; case and quote style folded, for finding a span."""
    folded = text.translate(_QUOTES)
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in folded)


def find_span(sentence: str, key: str) -> tuple[int, int] | None:
    """Where ``key`` occurs in ``sentence`` (case, quote style and spacing forgiven)."""
    key = " ".join(key.split()).strip()
    if not key:
        return None
    words = [re.escape(_fold(w)) for w in key.split()]
    match = re.search(r"\s+".join(words), _fold(sentence))
    if match is None or match.end() > len(sentence):
        return None
    return match.start(), match.end()


def highlight_terms(bank: Bank | None, question: Question) -> list[str]:
    """What to highlight in the source sentence: the fact's key span, else the answer(s)."""
    if bank is not None and question.fact:
        fact = bank.fact(question.fact)
        if fact is not None and fact.key:
            return [fact.key]
    answer = question.answer_text()
    terms = [answer]
    if "; " in answer:
        terms = answer.split("; ")
    elif " → " in answer:
        terms = []
    return terms


def quote_content(sentence: str, terms: list[str], style: str = "bold $accent") -> Content:
    """The source sentence, with each term found in it highlighted."""
    sentence = " ".join(sentence.split())
    content = Content(sentence)
    for term in terms:
        span = find_span(sentence, term)
        if span is not None:
            content = content.stylize(style, *span)
    return content


# ------------------------------------------------------------------ the top bar's line
# (here rather than with TopBar: the first question's card is drawn before that widget exists)


def bar_line(where: Content, status: Content, width: int) -> Content:
    """The top bar's line, ``width`` cells: ``where`` on the left, ``status`` on the right."""
    if status.cell_length > width:  # the spaces that keep a title off it go first
        status = status[len(status.plain) - len(status.plain.lstrip(" ")) :]
    status = status.truncate(width, ellipsis=True)
    room = width - status.cell_length - _GAP  # the title never runs into the status
    if where.cell_length > room:
        # a title cut to a letter or two says nothing: then none
        where = _cut_at_word(where, room) if room > 3 else Content("")
    return Content.assemble(
        where, " " * max(width - status.cell_length - where.cell_length, 0), status
    )


#: Where a title may be cut: between words, and inside "Japan–South Korea" or "and/or".
_BREAKS = (" ", "–", "—", "-", "/")


def _cut_at_word(where: Content, room: int) -> Content:
    """``where`` cut to ``room`` cells with an ellipsis, after its last whole word that
    fits (``…in Tokyo, August…``, not ``…in Tokyo, August 2…``: a year or a name cut to a
    letter reads as another one), the punctuation before the cut dropped. Cut inside a word
    only when that word is most of the room (a long title of one word)."""
    text = where.plain
    keep = room - 1  # the ellipsis takes a cell
    cut = keep
    while cut > 0 and where[:cut].cell_length > keep:
        cut -= 1
    if cut < len(text) and text[cut] not in _BREAKS:
        at = max(text.rfind(mark, 0, cut + 1) for mark in _BREAKS)
        if at > keep // 2:
            cut = at
    while cut > 0 and not (text[cut - 1].isalnum() or text[cut - 1] in ")]"):
        cut -= 1  # no "Tokyo,…" or "quiz ›…": the word itself, then the ellipsis
    if cut == 0:
        return where.truncate(room, ellipsis=True)
    return Content.assemble(where[:cut], "…")


#: The least space between the top bar's title and its status: a title that filled the rest
#: ran into the count ("Tokyo, August 20251 of 20400", a new user's trial at 80 columns).
_GAP = 2


def brand(*where: str) -> Content:
    """``quiz › Bank title`` with the app name emphasised; the rest literal."""
    parts: list[str | tuple[str, str]] = [("quiz", "bold $accent")]
    for bit in where:
        parts.extend(((" › ", "$text-muted"), bit))
    return Content.assemble(*parts)
