"""The learner's scores and spaced-repetition schedules, in SQLite.

What the rest of quiz needs from a store is :class:`ScoreStore` (:mod:`quiz.store.backend`);
:class:`Store`, one SQLite file per learner, is its implementation, and the only module tree
of quiz that speaks SQL or imports ``sqlite3`` is this one (``lint-imports`` holds it).

Open one :class:`Store` per process with :meth:`Store.open` (it checks the file for damage and
saves the answers left in the pending-answers journal, :mod:`quiz.store.journal`). An answer is
recorded one way, through :class:`quiz.recording.journaling.JournalingRecorder` (the session,
the store, and the journal when the store refuses it). Everything the store raises for a person
to act on is a :class:`StoreError`.
"""

from quiz.store.backend import ScoreSnapshot, ScoreStore
from quiz.store.errors import StoreError, StoreProblem
from quiz.store.export import RESULTS_FORMAT
from quiz.store.models import (
    ALL_BANKS,
    MODES,
    BankTotals,
    CardMastery,
    DayTotals,
    DueCounts,
    DueItem,
    Flag,
    LastScore,
    Mode,
    RecordResult,
    RemovedCard,
)
from quiz.store.queue import KnownQuestions
from quiz.store.schema import LATEST_VERSION
from quiz.store.store import DB_NAME, Store, local_now

__all__ = [
    "ALL_BANKS",
    "DB_NAME",
    "LATEST_VERSION",
    "MODES",
    "RESULTS_FORMAT",
    "BankTotals",
    "CardMastery",
    "DayTotals",
    "DueCounts",
    "DueItem",
    "Flag",
    "KnownQuestions",
    "LastScore",
    "Mode",
    "RecordResult",
    "RemovedCard",
    "ScoreSnapshot",
    "ScoreStore",
    "Store",
    "StoreError",
    "StoreProblem",
    "local_now",
]
