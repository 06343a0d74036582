"""The bank's title without the figures its questions ask.

A headline carries the story's key figure and date ("… racks up £11k roaming charges …",
"Italy … opening borders June 3"), which are what blind raters most wanted asked ("the £11k
total, the key fact, is never asked"; docs/generation-quality.md, round 19). The quiz shows the
bank's title above every question, so a question on a headline's figure was given away and the
generator held all of them back. Now the figure is asked and the title shown without it; names
in the headline stay held back (they are what the whole story is about, not a fact to recall).
A title the teacher gave (``--title``) is never changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["without_figures"]

#: What may be left hanging where a figure was cut: "over", "of", a stray comma.
_DANGLING = re.compile(
    r"\s+(?:(?:more|less|fewer) than|up to|over|of|at|to|by|from|about|nearly|almost|some|than)"
    r"(?=\s*(?:[,;:]|$|(?:for|in|on|at|to|of|from|with|after|before)\b))"
)


def without_figures(title: str, figures: Iterable[str]) -> str:
    """``title`` with each of ``figures`` (as the article writes them: "£11k", "June 3") cut
    out, spaces and punctuation tidied; the title unchanged when nothing of it would be left."""
    out = title
    for figure in sorted({f.strip() for f in figures if f.strip()}, key=len, reverse=True):
        pattern = re.compile(  # its sign and unit go with it: "40%" leaves no "%" behind
            r"(?<![\w$€£¥])[$€£¥]?"
            + re.escape(figure.lstrip("$€£¥"))
            + r"(?:\s?%|\s(?:percent|per cent)\b)?(?!\w)"
        )
        out = pattern.sub("", out)
    if out == title:
        return title
    out = re.sub(r"\s{2,}", " ", out)
    out = re.sub(r"\s+([,;:.!?’'”])", r"\1", out)
    out = _DANGLING.sub("", out)
    out = re.sub(r"^[\s,;:–—-]+|[\s,;:–—-]+$", "", out)
    return out if len(out.split()) >= 2 else title
