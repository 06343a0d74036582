"""What is due and what was answered lately: the :class:`Store`'s reads for a review, the home
screen and ``quiz play --missed`` (the SQL is in :mod:`quiz.store.queue`)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet
from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING, TypeVar

from quiz.store import queue
from quiz.store.models import DueCounts, DueItem, LastScore
from quiz.store.queue import KnownQuestions
from quiz.store.timefmt import start_of_day

__all__ = ["DueReads"]

T = TypeVar("T")


class DueReads:
    """The due and recent-answer reads of :class:`~quiz.store.store.Store` (mixed into it),
    each one read transaction through the store's ``_read``."""

    if TYPE_CHECKING:  # given by Store

        def _read(self, work: Callable[[sqlite3.Connection], T]) -> T: ...

        def now(self) -> datetime: ...

        def today(self, now: datetime | None = None) -> date: ...

        @property
        def tz(self) -> tzinfo | None: ...

    def due_queue(
        self,
        now: datetime | None = None,
        *,
        bank_ids: Iterable[str] | None = None,
        limit: int = 100,
        new_limit: int = 20,
        known_questions: KnownQuestions | None = None,
    ) -> list[DueItem]:
        """Due cards across banks, most overdue first, then today's share of new questions
        (see :func:`quiz.store.queue.due_queue`)."""
        now = now or self.now()
        banks = None if bank_ids is None else list(bank_ids)
        today = self.today(now)
        return self._read(
            lambda c: queue.due_queue(
                c,
                now,
                today,
                bank_ids=banks,
                limit=limit,
                new_limit=new_limit,
                known=known_questions,
            )
        )

    def due_counts(
        self, now: datetime | None = None, *, known_questions: KnownQuestions | None = None
    ) -> DueCounts:
        """(due now, due by the end of tomorrow): see :class:`DueCounts`."""
        now = now or self.now()
        horizon = start_of_day(self.today(now), self.tz, plus_days=2)
        return self._read(lambda c: queue.due_counts(c, now, horizon, known_questions))

    def due_count_by_bank(
        self, now: datetime | None = None, *, known_questions: KnownQuestions | None = None
    ) -> dict[str, int]:
        now = now or self.now()
        return self._read(lambda c: queue.due_count_by_bank(c, now, known_questions))

    def last_scores(self) -> dict[str, LastScore]:
        return self._read(queue.last_scores)

    def missed_last_time(self, bank_id: str) -> list[str]:
        """Question ids answered wrong first in the bank's latest session with an answer."""
        return self._read(lambda c: queue.missed_last_time(c, bank_id))

    def card_ids_by_bank(self) -> dict[str, list[str]]:
        """Bank id -> the question ids that have a card (were answered, cram aside)."""
        return self._read(queue.card_ids_by_bank)

    def answered_today(self, now: datetime | None = None) -> set[tuple[str, str]]:
        """(bank id, question id) of every question answered on the learner's day of ``now``
        (from their midnight to the next, in the store's time zone): their siblings are
        buried until tomorrow (see :func:`quiz.review.plan_review`)."""
        now = now or self.now()
        today = self.today(now)
        midnight = start_of_day(today, self.tz)
        tomorrow = start_of_day(today, self.tz, plus_days=1)
        return self._read(lambda c: queue.answered_since(c, midnight, tomorrow))

    def due_among(
        self, keys: AbstractSet[tuple[str, str]], now: datetime | None = None
    ) -> set[tuple[str, str]]:
        """Which of ``keys`` (bank id, question id) are cards due at ``now``."""
        if not keys:  # no read transaction for nothing
            return set()
        now = now or self.now()
        return self._read(lambda c: queue.due_among(c, now, keys))

    def next_due(
        self, now: datetime | None = None, *, known_questions: KnownQuestions
    ) -> datetime | None:
        """When the first card of the known questions falls due after ``now`` (``None``: none
        is scheduled after it)."""
        now = now or self.now()
        return self._read(lambda c: queue.next_due(c, now, known_questions))
