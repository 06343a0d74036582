"""Text from files (bank titles, file names, article lines) made safe to print to a terminal:
control characters, escape sequences and bidi overrides are shown escaped (``\\x1b``), never
sent raw, so a file cannot move the cursor, recolour the screen or reverse what follows."""

from __future__ import annotations

import re

__all__ = ["printable"]

#: C0 and C1 controls (tab and newline included: one printed line stays one line), DEL, and
#: the bidirectional embedding, override and isolate characters.
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every unsafe character written as its escape."""
    return _UNSAFE.sub(_escape, text)
