"""Stats over a learner's history written through the real store, figures as literals."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from msgspec.structs import replace

from quiz.record import Outcome
from quiz.stats import (
    BankStats,
    DayActivity,
    ForecastDay,
    PeriodActivity,
    Retention,
    TagStats,
    compute_stats,
    streak_days,
    weekly,
)
from quiz.store import ALL_BANKS, Store
from tests.store.helpers import T0, FakeClock, answer

POLITICS = ("politics",)
BOTH = ("politics", "history")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 20, 10, 0, tzinfo=UTC))


@pytest.fixture
def store(tmp_path: Path, clock: FakeClock) -> Iterator[Store]:
    with Store.open(tmp_path / "data", clock=clock, fuzz=False) as opened:
        yield opened


@pytest.fixture
def history(store: Store, clock: FakeClock) -> Store:
    """Fri 20th: one answer. Mon 23rd: q1 and q3 learnt into Review, q2 missed. Tue 24th: a
    cram answer in another bank. Wed 25th 17:00 (now): q1 recalled, q3 forgotten."""
    first = store.start_session("founding", "play")
    store.record(answer("q9", bank_id="founding", at=clock.now), session_id=first)
    store.end_session(first)

    clock.now = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    monday = store.start_session("founding", "play")
    q1 = answer("q1", bank_id="founding", at=clock.now, tags=POLITICS)
    q3 = answer("q3", bank_id="founding", at=clock.now, tags=BOTH)
    missed = answer("q2", bank_id="founding", at=clock.now, outcome=Outcome.WRONG)
    for graded in (q1, q3, missed):
        store.record(graded, session_id=monday)
    later = clock.advance(minutes=10)  # the second learning step: both graduate to Review
    for graded in (q1, q3):
        store.record(replace(graded, answered_at=later), session_id=monday)
    store.end_session(monday)

    clock.now = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
    cram = store.start_session("other", "cram")
    store.record(answer("x", bank_id="other", at=clock.now), session_id=cram, cram=True)
    store.end_session(cram)

    clock.now = T0
    review = store.start_session(ALL_BANKS, "review")
    store.record(answer("q1", bank_id="founding", at=T0, tags=POLITICS), session_id=review)
    forgot = answer("q3", bank_id="founding", at=T0, tags=BOTH, outcome=Outcome.WRONG)
    store.record(forgot, session_id=review)
    return store


def test_an_empty_store(store: Store) -> None:
    stats = compute_stats(store)

    assert (stats.attempts, stats.correct, stats.sessions) == (0, 0, 0)
    assert (stats.due_now, stats.due_tomorrow, stats.streak_days) == (0, 0, 0)
    assert stats.accuracy is None
    assert stats.retention == Retention(reviews=0, recalled=0, desired=0.9)
    assert stats.retention.true_retention is None
    assert (stats.days, stats.weeks, stats.banks, stats.tags) == ((), (), (), ())
    assert stats.forecast[0] == ForecastDay(date(2026, 11, 20), 0)
    assert len(stats.forecast) == 30
    data = stats.to_json_dict()
    assert {
        "attempts",
        "correct",
        "sessions",
        "due_now",
        "due_later_today",
        "due_tomorrow",
        "streak_days",
        "banks",
    } <= set(data)
    assert data["banks"] == {}


def test_totals_and_due_counts(history: Store) -> None:
    stats = compute_stats(history)

    assert stats.generated_at == T0
    assert stats.today == date(2026, 11, 25)
    assert (stats.attempts, stats.correct, stats.sessions) == (9, 7, 4)
    assert (stats.due_now, stats.due_tomorrow) == (2, 3)  # q9, q2 now; q3 relearns at 17:10
    assert (stats.due_now, stats.due_tomorrow) == history.due_counts(T0)
    assert stats.due_later_today == 1  # q3, at 17:10: named apart from "due now"
    assert stats.to_json_dict()["due_later_today"] == 1
    assert stats.forecast[0].due == stats.due_now + stats.due_later_today


def test_answers_per_day_and_week(history: Store) -> None:
    stats = compute_stats(history)

    assert stats.days == (
        DayActivity(date(2026, 11, 20), attempts=1, correct=1),
        DayActivity(date(2026, 11, 23), attempts=5, correct=4),
        DayActivity(date(2026, 11, 24), attempts=1, correct=1),
        DayActivity(date(2026, 11, 25), attempts=2, correct=1, reviews=2, recalled=1),
    )
    assert stats.weeks == (
        PeriodActivity(date(2026, 11, 16), attempts=1, correct=1),
        PeriodActivity(date(2026, 11, 23), attempts=8, correct=6, reviews=2, recalled=1),
    )
    assert stats.weeks[1].accuracy == 0.75


def test_true_retention_counts_only_reviews_of_cards_in_review(history: Store) -> None:
    retention = compute_stats(history).retention
    assert retention == Retention(reviews=2, recalled=1, desired=0.9)
    assert retention.true_retention == 0.5


def test_forecast_for_thirty_days(history: Store) -> None:
    forecast = compute_stats(history).forecast

    assert len(forecast) == 30
    assert forecast[0] == ForecastDay(date(2026, 11, 25), 3)  # overdue and due today
    assert forecast[11] == ForecastDay(date(2026, 12, 6), 1)  # q1, next review
    assert sum(day.due for day in forecast) == 4
    assert forecast[-1].day == date(2026, 12, 24)


def test_figures_per_bank_and_tag(history: Store) -> None:
    stats = compute_stats(history)

    assert stats.banks == (
        BankStats("founding", attempts=8, correct=6, cards=4, due_now=2, mastered=0),
        BankStats("other", attempts=1, correct=1),
    )
    assert stats.tags == (TagStats("history", 1, 0), TagStats("politics", 2, 0))
    assert stats.to_json_dict()["banks"]["founding"] == {
        "attempts": 8,
        "correct": 6,
        "accuracy": 0.75,
        "cards": 4,
        "due_now": 2,
        "mastered": 0,
        "mastery": 0.0,
        "questions": None,
        "new": None,
    }


def test_known_questions_drop_removed_ones(history: Store) -> None:
    known = {"founding": {"q1", "q2", "q3", "q4"}}  # q9 was removed, "other" is gone

    stats = compute_stats(history, known_questions=known)

    assert (stats.due_now, stats.due_tomorrow) == (1, 2)
    founding = stats.bank("founding")
    assert founding == BankStats(
        "founding", attempts=8, correct=6, cards=3, due_now=1, mastered=0, questions=4
    )
    assert founding.new == 1
    assert stats.bank("other") == BankStats("other", attempts=1, correct=1, questions=0)
    assert stats.attempts == 9  # history is kept


def test_a_card_is_mastered_once_its_stability_reaches_three_weeks(
    store: Store, clock: FakeClock
) -> None:
    session = store.start_session("other", "review")
    for seconds in (8.0, 8.0, 8.0, 3.0):  # Good, Good, Good, then fast: Easy
        result = store.record(
            answer("x", bank_id="other", at=clock.now, seconds=seconds, tags=("economy",)),
            session_id=session,
        )
        assert result.card is not None
        clock.now = result.card.due
    assert result.card is not None and result.card.stability == 77.17021614357262

    stats = compute_stats(store)

    assert stats.bank("other") == BankStats(
        "other", attempts=4, correct=4, cards=1, due_now=1, mastered=1
    )
    assert stats.bank("other").mastery == 1.0  # type: ignore[union-attr]
    assert stats.tags == (TagStats("economy", 1, 1),)


def test_the_streak_runs_to_today_or_yesterday(history: Store) -> None:
    assert compute_stats(history).streak_days == 3  # 23rd, 24th, 25th
    tomorrow = datetime(2026, 11, 26, 8, 0, tzinfo=UTC)
    assert compute_stats(history, tomorrow).streak_days == 3  # today not played yet
    assert compute_stats(history, tomorrow + timedelta(days=1)).streak_days == 0


@pytest.mark.parametrize(
    ("active", "today", "expected"),
    [
        ([], date(2026, 11, 25), 0),
        ([date(2026, 11, 25)], date(2026, 11, 25), 1),
        ([date(2026, 11, 24)], date(2026, 11, 25), 1),
        ([date(2026, 11, 23)], date(2026, 11, 25), 0),
        ([date(2026, 11, 23), date(2026, 11, 24), date(2026, 11, 25)], date(2026, 11, 25), 3),
        ([date(2026, 11, 21), date(2026, 11, 23), date(2026, 11, 24)], date(2026, 11, 25), 2),
        ([date(2026, 12, 31), date(2027, 1, 1)], date(2027, 1, 1), 2),
    ],
)
def test_streak_days(active: list[date], today: date, expected: int) -> None:
    assert streak_days(active, today) == expected


def test_weeks_start_on_monday() -> None:
    days = [
        DayActivity(date(2026, 11, 22), 2, 1),  # Sunday
        DayActivity(date(2026, 11, 23), 3, 3),  # Monday
        DayActivity(date(2026, 11, 29), 1, 0),  # Sunday
    ]
    assert weekly(days) == (
        PeriodActivity(date(2026, 11, 16), 2, 1),
        PeriodActivity(date(2026, 11, 23), 4, 3),
    )


def test_an_undone_answer_stays_in_the_stats_and_its_retake_counts_nowhere(
    history: Store,
) -> None:
    """Undo keeps the truth: the stats of the answer taken back stay as they were, and the
    answer given again after it adds nothing."""
    from msgspec.structs import replace

    before = compute_stats(history)
    session = 4  # the review session of the fixture
    undone = history.undo_last(session)
    assert undone is not None
    history.record(replace(undone, undone=False, retake=True), session_id=session)

    stats = compute_stats(history)

    assert stats.days == before.days
    assert (stats.attempts, stats.correct, stats.sessions) == (
        before.attempts,
        before.correct,
        before.sessions,
    )
    assert stats.retention == before.retention
    assert (stats.due_now, stats.forecast) == (before.due_now, before.forecast)


def test_days_are_the_learners_days(tmp_path: Path) -> None:
    """23:30 UTC on the 25th is already the 26th in Tokyo: a streak follows local midnight."""
    tokyo = timezone(timedelta(hours=9))
    clock = FakeClock(datetime(2026, 11, 25, 23, 30, tzinfo=UTC).astimezone(tokyo))
    with Store.open(tmp_path, clock=clock, fuzz=False) as store:
        session = store.start_session("bank", "play")
        earlier = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)  # 23:00 on the 25th in Tokyo
        store.record(answer("q1", at=earlier), session_id=session)
        store.record(answer("q2", at=clock.now), session_id=session)

        stats = compute_stats(store)

    assert stats.today == date(2026, 11, 26)
    assert [d.day for d in stats.days] == [date(2026, 11, 25), date(2026, 11, 26)]
    assert stats.streak_days == 2


def test_desired_retention_is_the_stores(tmp_path: Path, clock: FakeClock) -> None:
    with Store.open(tmp_path, clock=clock, desired_retention=0.85) as store:
        assert compute_stats(store).retention.desired == 0.85
        assert compute_stats(store).to_json_dict()["desired_retention"] == 0.85


def test_the_json_is_plain_json(history: Store) -> None:
    data = compute_stats(history).to_json_dict()

    assert json.loads(json.dumps(data)) == data
    assert data["attempts"] == 9
    assert data["streak_days"] == 3
    assert data["true_retention"] == 0.5
    assert data["days"][-1] == {
        "date": "2026-11-25",
        "attempts": 2,
        "correct": 1,
        "reviews": 2,
        "recalled": 1,
    }
    assert data["forecast"][0] == {"date": "2026-11-25", "due": 3}
    assert data["tags"]["politics"] == {"cards": 2, "mastered": 0, "mastery": 0.0}
