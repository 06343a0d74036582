"""``Store.answered_today``: the questions answered on the learner's day, midnight to midnight
in the store's time zone. The review buries their siblings until tomorrow, so a wrong day
boundary (UTC's midnight instead of the learner's, or an open end) buries the wrong ones."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone, tzinfo
from pathlib import Path

import pytest

from quiz.store import Store
from tests.store.helpers import FakeClock, answer

TOKYO = timezone(timedelta(hours=9))
NEW_YORK = timezone(timedelta(hours=-5))
TICK = timedelta(microseconds=1)


def record_at(store: Store, clock: FakeClock, question_id: str, at: datetime) -> None:
    """One answer at ``at``, the clock moved there first (answers come in time order)."""
    clock.now = at
    session = store.start_session("bank", "review")
    store.record(answer(question_id, at=at), session_id=session)


@pytest.mark.parametrize("zone", [UTC, TOKYO, NEW_YORK], ids=["utc", "utc+9", "utc-5"])
def test_only_answers_between_the_learners_midnights_count(tmp_path: Path, zone: tzinfo) -> None:
    midnight = datetime(2026, 11, 25, 0, 0, tzinfo=zone)
    next_midnight = midnight + timedelta(days=1)
    clock = FakeClock(midnight - timedelta(hours=3))
    with Store.open(tmp_path / "data", clock=clock, fuzz=False) as store:
        record_at(store, clock, "yesterday-evening", midnight - timedelta(hours=2))
        record_at(store, clock, "yesterday-last", midnight - TICK)
        record_at(store, clock, "at-midnight", midnight)
        record_at(store, clock, "morning", midnight + timedelta(hours=6))
        record_at(store, clock, "morning", midnight + timedelta(hours=7))  # twice: once listed
        record_at(store, clock, "today-last", next_midnight - TICK)
        record_at(store, clock, "tomorrow", next_midnight)

        today = {("bank", q) for q in ("at-midnight", "morning", "today-last")}
        # the learner's day, whatever moment of it the review is planned at
        assert store.answered_today(midnight) == today
        assert store.answered_today(midnight + timedelta(hours=12)) == today
        assert store.answered_today(next_midnight - TICK) == today
        # the day before and the day after are days of their own
        assert store.answered_today(midnight - TICK) == {
            ("bank", "yesterday-evening"),
            ("bank", "yesterday-last"),
        }
        assert store.answered_today(next_midnight) == {("bank", "tomorrow")}


def test_the_day_is_the_learners_not_greenwichs(store: Store, clock: FakeClock) -> None:
    """Asked with a moment in another zone, the store's own zone still draws the day: at
    08:00 in Tokyo it is still yesterday in UTC, and UTC's day is the store's here."""
    record_at(store, clock, "utc-morning", datetime(2026, 11, 25, 1, 0, tzinfo=UTC))
    record_at(store, clock, "utc-evening", datetime(2026, 11, 25, 23, 0, tzinfo=UTC))

    tokyo_morning_next_day = datetime(2026, 11, 26, 7, 0, tzinfo=TOKYO)  # 22:00 UTC, the 25th
    assert store.answered_today(tokyo_morning_next_day) == {
        ("bank", "utc-morning"),
        ("bank", "utc-evening"),
    }


def test_nothing_answered_today_is_an_empty_set(store: Store, clock: FakeClock) -> None:
    record_at(store, clock, "long-ago", datetime(2026, 11, 20, 12, 0, tzinfo=UTC))
    assert store.answered_today(datetime(2026, 11, 25, 12, 0, tzinfo=UTC)) == set()
