"""What a bank file says about itself at a glance: its id, title, date, article and how many
questions it has, read from its top-level lines without parsing or validating it.

The home screen lists a library of hundreds of banks it has never seen (a first start, a
folder of banks copied in) long before each is loaded: a full load parses the YAML and checks
every question against the article (about 40-100 ms a bank of 200 questions, 20-50 s for 500),
while a peek reads the lines that begin a top-level key with a few regular expressions (well
under 1 ms). What a peek finds is provisional: the full load that follows replaces it, and
says what is wrong with a broken bank. A layout the peek does not understand (a title written
as a block, questions in flow style) leaves that field unknown, never wrong on purpose.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from msgspec import Struct

from quiz.bank.files import MAX_BANK_BYTES

__all__ = ["Peek", "peek_bank"]

# Each pattern starts with the line's "\n" (the text is searched with one put in front), not
# with "^" in MULTILINE mode: that tries every character of the file, about 20 times slower.
_TOP_KEY = re.compile(r"\n(id|title|as_of|format|description):[ \t]*([^\n]*?)[ \t]*(?=\n)")
_SOURCE = re.compile(r"\nsource:[ \t]*(?:#[^\n]*)?(?=\n)")
_QUESTIONS = re.compile(r"\nquestions:[ \t]*(?:#[^\n]*)?(?=\n)")
_EMPTY_LIST = re.compile(r"\nquestions:[ \t]*\[[ \t]*\][ \t]*(?:#[^\n]*)?(?=\n)")
_NEXT_TOP_KEY = re.compile(r"\n[^\s#-]")
_FIRST_ITEM = re.compile(r"\n([ \t]*)-(?=[ \t\n])")
_NESTED_KEY = re.compile(r"^([ \t]+)(title|outlet):[ \t]*(.*?)[ \t]*$")


class Peek(Struct, frozen=True):
    """The fields a glance found; "" (or None for the count) where it found none."""

    id: str = ""
    title: str = ""
    as_of: str = ""
    description: str = ""
    source_title: str = ""
    source_outlet: str = ""
    questions: int | None = None


def peek_bank(path: Path) -> Peek:
    """A glance at the bank file at ``path``; an empty :class:`Peek` when it cannot be read as
    UTF-8 text (its full load says why)."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BANK_BYTES + 1)
        if len(data) > MAX_BANK_BYTES:
            return Peek()
        text = data.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return Peek()
    return peek_text(text)


def peek_text(text: str) -> Peek:
    """:func:`peek_bank` on the text of a bank file."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "\n" + text + "\n"
    found: dict[str, str] = {}
    questions = _QUESTIONS.search(text)
    head = questions.start() + 1 if questions is not None else len(text)
    for match in _TOP_KEY.finditer(text, 0, head):  # where the format puts them
        found.setdefault(match.group(1), _scalar(match.group(2)))
    if not ("id" in found and "title" in found):
        for match in _TOP_KEY.finditer(text, head):  # after the questions, then
            found.setdefault(match.group(1), _scalar(match.group(2)))
    if found.get("format", "quiz-bank/1") != "quiz-bank/1":
        return Peek()  # not a bank of this format: the full load says so
    source_title, source_outlet = _source(text)
    return Peek(
        id=found.get("id", ""),
        title=found.get("title", ""),
        as_of=found.get("as_of", ""),
        description=found.get("description", ""),
        source_title=source_title,
        source_outlet=source_outlet,
        questions=_count_questions(text),
    )


def _scalar(raw: str) -> str:
    """A one-line YAML scalar as text: quotes removed, a trailing comment dropped; "" for what
    needs the parser (a block scalar ``>``/``|``, a flow collection, an anchor or a tag)."""
    if not raw or raw[0] in ">|[{&*!":
        return ""
    if raw[0] == '"':
        try:
            value = json.loads(raw[: raw.rindex('"') + 1])  # YAML's double quotes, as JSON's
        except ValueError:
            return ""
        return value if isinstance(value, str) else ""
    if raw[0] == "'":
        end = raw.rfind("'")
        return raw[1:end].replace("''", "'") if end > 0 else ""
    return re.split(r"[ \t]#", raw, maxsplit=1)[0].rstrip()


def _source(text: str) -> tuple[str, str]:
    """The article's title and outlet from the ``source:`` block (its first indented lines)."""
    match = _SOURCE.search(text)
    if match is None:
        return "", ""
    fields: dict[str, str] = {}
    indent = None
    for line in text[match.end() + 1 :].split("\n", 40)[:40]:  # the block is near its key
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        nested = _NESTED_KEY.match(line)
        if not line[0].isspace():
            break
        if nested is None:
            continue
        if indent is None:
            indent = nested.group(1)
        if nested.group(1) == indent:
            fields.setdefault(nested.group(2), _scalar(nested.group(3)))
    return fields.get("title", ""), fields.get("outlet", "")


def _count_questions(text: str) -> int | None:
    """The items of the top-level ``questions:`` list, counted by their dashes at the list's
    own indent; None when the list is not written as a block."""
    if _EMPTY_LIST.search(text):
        return 0
    match = _QUESTIONS.search(text)
    if match is None:
        return None
    start = match.end()
    first = _FIRST_ITEM.search(text, start)
    if first is None:
        return None
    end_match = _NEXT_TOP_KEY.search(text, start)
    end = end_match.start() if end_match is not None else len(text)
    if first.start() > end:
        return None
    dash = "\n" + first.group(1) + "-"
    return sum(text.count(dash + after, first.start(), end) for after in (" ", "\t", "\n"))
