"""Text normalisation shared by the validator (is this sentence in the article?) and others."""

from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'", "′": "'"})
_SPACE = re.compile(r"\s+")
#: C0/C1 control characters other than tab and newline: never legitimate in bank text.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def normalise_for_match(text: str) -> str:
    """Whitespace collapsed, curly quotes straightened, Unicode NFC: the form in which a bank's
    ``source`` must occur in its article, so that YAML folding or quote styles never matter."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text).translate(_QUOTES)).strip()
