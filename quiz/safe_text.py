"""Text from files (bank titles, file names, article lines) made safe to print to a terminal:
control characters, escape sequences and bidi overrides are shown escaped (``\\x1b``), never
sent raw, so a file cannot move the cursor, recolour the screen or reverse what follows."""

from __future__ import annotations

import re

__all__ = ["PLACEHOLDER", "VISIBLE_TABLE", "json_printable", "printable", "visible"]

#: C0 and C1 controls (tab and newline included: one printed line stays one line), DEL, the
#: line and paragraph separators (U+2028, U+2029: a terminal may break the line on them), and
#: the bidirectional marks, embeddings, overrides and isolates.
#: A pattern's source, compiled by ``re`` (and kept in its cache) when first used: every ``quiz
#: play`` imports this module, few print anything through it (both compiled at import took
#: about 0.3 ms of the start).
_UNSAFE = r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]"


#: What a screen laid out cell by cell shows for a C1 control or a bidi character.
PLACEHOLDER = "\ufffd"

#: One visible character for each unsafe one but newline and tab, which a screen lays out
#: itself: C0 controls as their control pictures (ESC as ␛), DEL as ␡, the rest as
#: :data:`PLACEHOLDER`. One for one, so the text keeps its length and the styles and highlights
#: set on it by position stay on the right characters.
VISIBLE_TABLE: dict[int, str] = {
    **{code: chr(0x2400 + code) for code in range(0x20) if code not in (0x09, 0x0A)},
    0x7F: "\u2421",
    **{code: PLACEHOLDER for code in range(0x80, 0xA0)},
    **{
        code: PLACEHOLDER
        for code in (0x061C, 0x200E, 0x200F, *range(0x2028, 0x202F), *range(0x2066, 0x206A))
    },
}


def visible(text: str) -> str:
    """``text`` with every unsafe character but newline and tab as one visible character, for
    the TUI (:mod:`quiz.tui.safe_render`), where ``\\u202e`` would not keep the text's length."""
    return text.translate(VISIBLE_TABLE)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every unsafe character written as its escape."""
    return re.sub(_UNSAFE, _escape, text)


#: What JSON itself leaves raw of :data:`_UNSAFE` (it escapes C0 controls inside strings; a
#: newline outside them is layout). Compiled when first used, as :data:`_UNSAFE` is.
_JSON_RAW = r"[\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]"


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def json_printable(dumped: str) -> str:
    """JSON text (from ``json.dumps(..., ensure_ascii=False)``) with the unsafe characters that
    JSON leaves raw (DEL, C1 controls, bidi overrides) written as ``\\uXXXX``: the same JSON
    value for a script, nothing that reverses or recolours a terminal it is printed to. They can
    only occur inside strings, where the escape means the very same character."""
    return re.sub(_JSON_RAW, _json_escape, dumped)
