"""A draft's ``held_back`` reason when the question it names has left the bank.

The generator's gate holds a draft back for what it does beside another question ("answer-leak:
it gives away the answer of cz-90-e07d6"). When a teacher rejects that other question, the
reason no longer holds, yet it stayed on the draft through every save and ``--update`` (a new
user's trial): the draft is now marked as saying so.
"""

from __future__ import annotations

import re
from collections.abc import Collection

__all__ = ["GONE", "noting_gone"]

#: The ids the generator gives its questions (their type's prefix, then words of the answer).
_QUESTION_ID = re.compile(r"\b(?:cz|mc|tf|sa|nu|or|ma)-[a-z0-9-]+[a-z0-9]")
GONE = " (the question it names is no longer in the bank: this may no longer hold)"


def noting_gone(reason: str, present: Collection[str]) -> str:
    """``reason``, with :data:`GONE` after it when every question it names is absent from
    ``present`` (the ids of the bank's questions and drafts)."""
    if not reason or reason.endswith(GONE):
        return reason
    named = _QUESTION_ID.findall(reason)
    if named and not any(qid in present for qid in named):
        return reason + GONE
    return reason
