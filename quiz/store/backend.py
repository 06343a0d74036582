"""What the app needs from a score store, as types: :class:`ScoreStore` and the reads of one
consistent moment, :class:`ScoreSnapshot`.

:class:`quiz.store.Store` (SQLite, one file per learner) is the only implementation today; a
class's shared PostgreSQL store would be a second. The sessions, the review plan, the stats,
the recorders and the commands call only what is here, so such a store needs no change above
:mod:`quiz.store`. Opening, damage and recovery (``Store.open``, ``set_aside``, ``salvaged``,
the pending-answers journal) and ``Store.reading`` (raw SQL for tests) belong to the SQLite
store, not to this contract.

Every method is safe to call from any thread, one call at a time or concurrently (the app
records on a worker thread while the home screen reads on another). Days ("today",
"tomorrow", a streak) are the learner's days, in :attr:`ScoreStore.tz`. Everything a person
can act on is raised as :class:`~quiz.store.errors.StoreError`, never a driver's exception.
Moments are timezone-aware datetimes. ``tests/store/test_backend_contract.py`` holds the
behaviour every implementation must show; see ``docs/architecture.md``, "A second store".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from contextlib import AbstractContextManager
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import Protocol

from quiz.record import Answer
from quiz.srs import CardState
from quiz.store.models import (
    BankTotals,
    CardMastery,
    DayTotals,
    DueCounts,
    DueItem,
    Flag,
    LastScore,
    RecordResult,
    RemovedCard,
)
from quiz.store.queue import KnownQuestions

__all__ = ["ScoreSnapshot", "ScoreStore"]


class ScoreSnapshot(Protocol):
    """The stats' reads, all of one consistent moment of the store (one read transaction):
    what :meth:`ScoreStore.snapshot` yields. :func:`quiz.stats.collect_stats` folds them into
    the figures. Each is an aggregate: none may cost a step per answer ever given."""

    def day_totals(self) -> Sequence[DayTotals]:
        """The learner's days with at least one answer, oldest first: the answers (cram and
        taken-back ones count, the answer given again after an undo does not), the right ones,
        and the answers to cards in Review state with how many were recalled (not Again)."""
        ...

    def bank_totals(self) -> Sequence[BankTotals]:
        """The banks with at least one answer, counted as :meth:`day_totals` counts, in any
        order."""
        ...

    def session_count(self) -> int:
        """Sessions with at least one answer."""
        ...

    def card_mastery(self) -> Sequence[CardMastery]:
        """Per bank and set of tags: its cards, and the mastered ones among them."""
        ...

    def due_by_bank(self, now: datetime) -> dict[str, int]:
        """Cards due at ``now`` per bank, every card counted; banks with none are absent."""
        ...

    def count_due(self, start: datetime | None, end: datetime) -> int:
        """Cards due at ``start`` or later (``None``: however long ago) and before ``end``."""
        ...

    def removed_cards(self, known: KnownQuestions) -> Sequence[RemovedCard]:
        """The cards whose question is not among ``known`` (bank id → its question ids; a bank
        missing from it is gone), in (bank id, question id) order: usually none."""
        ...


class ScoreStore(Protocol):
    """A learner's scores and schedules: what the rest of quiz calls on a store."""

    # -- the clock and the learner -------------------------------------------------------

    @property
    def tz(self) -> tzinfo | None:
        """The time zone the learner's days are counted in."""
        ...

    @property
    def desired_retention(self) -> float:
        """FSRS's target probability of recall, which the schedules aim at."""
        ...

    @property
    def learner_id(self) -> str:
        """A random id for this learner's results (nothing personal), the same every time."""
        ...

    def now(self) -> datetime:
        """The store's clock: now, aware."""
        ...

    def today(self, now: datetime | None = None) -> date:
        """The learner's day of ``now`` (default: the store's clock)."""
        ...

    # -- sessions and answers ------------------------------------------------------------

    def start_session(self, bank_id: str, mode: str) -> int:
        """A new session's id; ``mode`` is play, review or cram (anything else: ValueError);
        ``bank_id`` may be :data:`~quiz.store.models.ALL_BANKS`."""
        ...

    def end_session(self, session_id: int) -> None:
        """Marks the session finished; only the first call counts."""
        ...

    def record(
        self, answer: Answer, *, session_id: int, cram: bool = False, if_absent: bool = False
    ) -> RecordResult:
        """Saves one answer and, unless ``cram``, reschedules its card, all or nothing, durable
        when it returns. ``if_absent``: an answer already saved (same bank, question and
        moment) is not saved twice; its attempt's id is returned. An unknown session is a
        ValueError."""
        ...

    def undo_last(self, session_id: int) -> Answer | None:
        """Marks the session's last answer taken back (it still counts, its schedule stays) and
        returns it; ``None`` when there is none to take back."""
        ...

    def card(self, bank_id: str, question_id: str) -> CardState | None:
        """The question's schedule, ``None`` if it was never scheduled."""
        ...

    # -- flags ---------------------------------------------------------------------------

    def flag(self, bank_id: str, question_id: str, reason: str, note: str = "") -> int:
        """Saves a learner's flag on a question; returns its id."""
        ...

    def flags(self, bank_id: str | None = None) -> list[Flag]:
        """The flags, oldest first, of one bank or of all."""
        ...

    # -- what is due ---------------------------------------------------------------------

    def due_queue(
        self,
        now: datetime | None = None,
        *,
        bank_ids: Iterable[str] | None = None,
        limit: int = 100,
        new_limit: int = 20,
        known_questions: KnownQuestions | None = None,
    ) -> list[DueItem]:
        """Due cards, most overdue first, then today's share of new questions (only with
        ``known_questions``; at most ``new_limit`` introduced per day across banks)."""
        ...

    def due_counts(
        self, now: datetime | None = None, *, known_questions: KnownQuestions | None = None
    ) -> DueCounts:
        """Cards due now, and due by the end of tomorrow."""
        ...

    def due_count_by_bank(
        self, now: datetime | None = None, *, known_questions: KnownQuestions | None = None
    ) -> dict[str, int]:
        """Cards due at ``now`` per bank, in bank id order; banks with none are absent."""
        ...

    def due_among(
        self, keys: AbstractSet[tuple[str, str]], now: datetime | None = None
    ) -> set[tuple[str, str]]:
        """Which of ``keys`` (bank id, question id) are cards due at ``now``."""
        ...

    def next_due(
        self, now: datetime | None = None, *, known_questions: KnownQuestions
    ) -> datetime | None:
        """When the first card of the known questions falls due after ``now``."""
        ...

    def card_ids_by_bank(self) -> dict[str, list[str]]:
        """Bank id → the question ids that have a card."""
        ...

    def answered_today(self, now: datetime | None = None) -> set[tuple[str, str]]:
        """(bank id, question id) of every question answered on the learner's day of ``now``,
        in any mode."""
        ...

    def last_scores(self) -> dict[str, LastScore]:
        """Per bank, the score of its latest finished session with an answer (sessions over
        :data:`~quiz.store.models.ALL_BANKS` belong to no bank)."""
        ...

    def missed_last_time(self, bank_id: str) -> list[str]:
        """The questions answered wrong first in the bank's latest session with an answer."""
        ...

    # -- reports -------------------------------------------------------------------------

    def snapshot(self) -> AbstractContextManager[ScoreSnapshot]:
        """The stats' reads, all of one consistent moment, for as long as the block lasts."""
        ...

    def export_results(self, path: Path, *, bank_ids: Iterable[str] | None = None) -> int:
        """Writes every attempt to ``path`` in the portable results format
        (:data:`~quiz.store.export.RESULTS_FORMAT`); returns how many."""
        ...

    def close(self) -> None:
        """Lets go of the store; nothing is called on it after."""
        ...
