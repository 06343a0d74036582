"""The one error the store raises for anything a person can act on."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from quiz.errors import QuizError

__all__ = ["StoreError", "StoreProblem"]

#: corrupt: damaged or not SQLite at all; damaged: a quiz database with damaged pages (found
#: by the check at open, or later by the check in the background); foreign: SQLite, but not a
#: quiz database; newer: written by a newer quiz; unwritable: the data dir or file cannot be
#: written; busy: another process held the database too long; failed: any other failure.
StoreProblem = Literal["corrupt", "damaged", "foreign", "newer", "unwritable", "busy", "failed"]

#: The problems that opening with ``recover=True`` cures by moving the file aside.
RECOVERABLE: frozenset[str] = frozenset({"corrupt", "damaged", "foreign", "newer"})


class StoreError(QuizError):
    """The scores database cannot be used. ``problem`` says why, so a UI can offer the right
    way out; ``recoverable`` is true when starting afresh (keeping the old file) would help."""

    def __init__(self, message: str, *, problem: StoreProblem, path: Path | None = None) -> None:
        super().__init__(message)
        self.problem: StoreProblem = problem
        self.path = path

    @property
    def recoverable(self) -> bool:
        return self.problem in RECOVERABLE
