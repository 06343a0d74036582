"""What a file on disk is to the commands that write files or read articles: a quiz bank (a YAML
file with the bank's format line), and the article a bank names, read from a glance at its
lines without loading it (a full load parses every question, seconds for a big bank).

``quiz export -o`` uses them never to write over a bank or a bank's article, and
``quiz generate`` never to take a bank for an article.
"""

from __future__ import annotations

import re
from pathlib import Path

from quiz.bank.files import MAX_BANK_BYTES

__all__ = ["article_named_by", "holds_a_bank", "is_bank_file", "looks_like_bank_name"]

BANK_SUFFIXES = (".yaml", ".yml")

#: The bank's format line, at the start of a line (``format: quiz-bank/1``, quoted or not).
_FORMAT_LINE = re.compile(rb"(?m)^format:[ \t]*['\"]?quiz-bank/")
_SOURCE_KEY = re.compile(r"(?m)^source:[ \t]*(?:#[^\n]*)?$")
_NESTED_FILE = re.compile(r"^([ \t]+)file:[ \t]*(.*?)[ \t]*$")
_NESTED_KEY = re.compile(r"^([ \t]+)[A-Za-z_]+:")
_FLOW_FILE = re.compile(r"(?m)^source:[ \t]*\{[^}\n]*\bfile:[ \t]*([^,}\n]+)")


def looks_like_bank_name(path: Path) -> bool:
    """Whether the file name ends as a bank's does (``.yaml`` or ``.yml``, any case)."""
    return path.suffix.lower() in BANK_SUFFIXES


def _read(path: Path) -> bytes | None:
    try:
        if not path.is_file():
            return None
        with path.open("rb") as handle:
            data = handle.read(MAX_BANK_BYTES + 1)
    except OSError:
        return None
    return data if len(data) <= MAX_BANK_BYTES else None


def is_bank_file(path: Path) -> bool:
    """Whether ``path`` is a file holding a quiz bank: a line ``format: quiz-bank/…`` (valid
    or not: a broken bank is still a teacher's bank). Whatever its name."""
    data = _read(path)
    return data is not None and _FORMAT_LINE.search(data) is not None


def holds_a_bank(path: Path) -> bool:
    """Whether ``path`` is a bank rather than a text that shows one: its ``format:
    quiz-bank/…`` line is a top-level key of the file's YAML mapping. A README or notes that
    quote a bank in an example (the line indented or inside prose) are articles; a bank too
    broken to parse still counts when the format line opens it. Stricter than
    :func:`is_bank_file`, which guards files from being overwritten and may err on the safe
    side."""
    data = _read(path)
    if data is None or _FORMAT_LINE.search(data) is None:
        return False
    text = data.decode("utf-8-sig", errors="replace")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if lines and lines[0].strip() == "---":
        lines = lines[1:]
    if lines and _FORMAT_LINE.match(lines[0].encode()):
        return True
    import yaml

    try:
        loaded = yaml.safe_load(text)
    except yaml.YAMLError:
        return False
    return isinstance(loaded, dict) and str(loaded.get("format", "")).startswith("quiz-bank/")


def article_named_by(path: Path) -> str:
    """The article file the bank at ``path`` names (``source: file: NAME``), "" when it names
    none, is not a bank or cannot be read."""
    data = _read(path)
    if data is None or _FORMAT_LINE.search(data) is None:
        return ""
    text = data.decode("utf-8-sig", errors="replace").replace("\r\n", "\n")
    flow = _FLOW_FILE.search(text)
    if flow is not None:
        return _scalar(flow.group(1))
    match = _SOURCE_KEY.search(text)
    if match is None:
        return ""
    indent = None
    for line in text[match.end() + 1 :].split("\n"):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            break  # the next top-level key: the block has ended
        nested = _NESTED_KEY.match(line)
        if nested is None:
            continue  # a continuation line of a longer value
        if indent is None:
            indent = nested.group(1)
        found = _NESTED_FILE.match(line)
        if found is not None and found.group(1) == indent:
            return _scalar(found.group(2))
    return ""


def _scalar(raw: str) -> str:
    """A one-line YAML scalar as text: quotes removed, a trailing comment dropped."""
    raw = raw.strip()
    if raw[:1] in ("'", '"'):
        end = raw.rfind(raw[0])
        return raw[1:end] if end > 0 else ""
    return re.split(r"[ \t]#", raw, maxsplit=1)[0].rstrip()
