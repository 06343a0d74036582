"""The review queue and due counts: most overdue first, removed questions out, new ones
rationed per day."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from quiz.record import Outcome
from quiz.srs import State
from quiz.store import DueCounts, DueItem, Store
from tests.store.helpers import T0, FakeClock, answer


def schedule(store: Store, question_id: str, *, bank_id: str = "bank", wrong: bool = False) -> None:
    """One answer at the clock's now: right → due in 10 min, wrong → due in 1 min."""
    session = store.start_session(bank_id, "play")
    outcome = Outcome.WRONG if wrong else Outcome.RIGHT
    store.record(
        answer(question_id, bank_id=bank_id, at=store.now(), outcome=outcome), session_id=session
    )


def ids(items: list[DueItem]) -> list[tuple[str, str]]:
    return [(item.bank_id, item.question_id) for item in items]


def test_due_cards_come_most_overdue_first(store: Store, clock: FakeClock) -> None:
    schedule(store, "late")  # due 17:10
    clock.advance(minutes=5)
    schedule(store, "later", bank_id="other")  # due 17:15
    schedule(store, "wrong", wrong=True)  # due 17:06
    schedule(store, "not-yet")  # due 17:15, but answered after the others
    clock.advance(minutes=10)
    schedule(store, "future")  # due 17:25

    queue = store.due_queue(datetime(2026, 11, 25, 17, 15, tzinfo=UTC))

    assert ids(queue) == [
        ("bank", "wrong"),
        ("bank", "late"),
        ("other", "later"),
        ("bank", "not-yet"),
    ]
    assert queue[0] == DueItem(
        "bank", "wrong", datetime(2026, 11, 25, 17, 6, tzinfo=UTC), State.Learning
    )
    assert not queue[0].is_new


def test_the_queue_can_be_limited_and_filtered_by_bank(store: Store, clock: FakeClock) -> None:
    for i in range(3):
        schedule(store, f"b{i}")
        schedule(store, f"o{i}", bank_id="other")
        clock.advance(seconds=1)
    later = clock.advance(hours=1)

    assert ids(store.due_queue(later, limit=2)) == [("bank", "b0"), ("other", "o0")]
    assert ids(store.due_queue(later, bank_ids=["other"])) == [
        ("other", "o0"),
        ("other", "o1"),
        ("other", "o2"),
    ]
    assert store.due_queue(later, limit=0) == []


def test_removed_questions_leave_the_queue(store: Store, clock: FakeClock) -> None:
    schedule(store, "kept")
    schedule(store, "removed")
    schedule(store, "x", bank_id="deleted-bank")
    later = clock.advance(hours=1)
    known = {"bank": {"kept", "new-1"}}

    queue = store.due_queue(later, known_questions=known)

    assert ids(queue) == [("bank", "kept"), ("bank", "new-1")]
    assert store.due_counts(later, known_questions=known) == DueCounts(1, 1)
    assert store.due_count_by_bank(later, known_questions=known) == {"bank": 1}
    assert store.due_count_by_bank(later) == {"bank": 2, "deleted-bank": 1}


def test_new_questions_follow_the_due_ones_in_bank_order(store: Store, clock: FakeClock) -> None:
    schedule(store, "q2")
    later = clock.advance(hours=1)
    known = {"bank": ["q3", "q1", "q2"], "other": ("o1",)}

    queue = store.due_queue(later, known_questions=known)

    assert ids(queue) == [("bank", "q2"), ("bank", "q3"), ("bank", "q1"), ("other", "o1")]
    assert [item.is_new for item in queue] == [False, True, True, True]
    assert queue[1] == DueItem("bank", "q3", None, None)
    assert ids(store.due_queue(later, known_questions=known, bank_ids=["other"])) == [
        ("other", "o1"),
    ]


def test_new_questions_are_rationed_per_day(store: Store, clock: FakeClock) -> None:
    known = {"bank": [f"q{i:02d}" for i in range(30)]}
    for question in ("q00", "q01", "q02"):  # three introduced today
        schedule(store, question)

    today = store.due_queue(T0, known_questions=known, new_limit=5)
    assert ids(today) == [("bank", "q03"), ("bank", "q04")]

    tomorrow = store.due_queue(
        datetime(2026, 11, 26, 9, 0, tzinfo=UTC), known_questions=known, new_limit=5
    )
    assert [item.question_id for item in tomorrow if item.is_new] == [
        "q03",
        "q04",
        "q05",
        "q06",
        "q07",
    ]
    assert len(tomorrow) == 8  # the three from yesterday are due too


def test_the_limit_caps_due_and_new_together(store: Store, clock: FakeClock) -> None:
    schedule(store, "q1")
    later = clock.advance(hours=1)
    known = {"bank": ["q1", "q2", "q3"]}

    assert ids(store.due_queue(later, known_questions=known, limit=2)) == [
        ("bank", "q1"),
        ("bank", "q2"),
    ]
    assert ids(store.due_queue(later, known_questions=known, new_limit=0)) == [("bank", "q1")]


def test_without_known_questions_there_are_no_new_ones(store: Store) -> None:
    assert store.due_queue(T0) == []


def test_due_counts_now_and_by_the_end_of_tomorrow(store: Store, clock: FakeClock) -> None:
    schedule(store, "soon")  # due 17:10 today
    schedule(store, "now", wrong=True)  # due 17:01
    clock.advance(minutes=2)

    assert store.due_counts() == DueCounts(due_now=1, due_tomorrow=2)
    assert store.due_counts(datetime(2026, 11, 25, 17, 30, tzinfo=UTC)) == DueCounts(2, 2)
    assert store.due_counts(T0 - timedelta(days=2)) == DueCounts(0, 0)


@pytest.mark.parametrize(("zone", "due_tomorrow"), [(UTC, 1), (timezone(timedelta(hours=9)), 0)])
def test_tomorrow_ends_at_the_learners_midnight(
    tmp_path: Path, zone: timezone, due_tomorrow: int
) -> None:
    """A card due 2026-11-26 18:00 UTC, seen from 2026-11-25 02:00 UTC: in UTC that is
    tomorrow; in Tokyo it is already 03:00 on the 27th, the day after tomorrow."""
    clock = FakeClock(datetime(2026, 11, 26, 17, 50, tzinfo=UTC).astimezone(zone))
    with Store.open(tmp_path, clock=clock, fuzz=False) as store:
        schedule(store, "q1")  # due ten minutes later, at 18:00 UTC
        seen_from = datetime(2026, 11, 25, 2, 0, tzinfo=UTC).astimezone(zone)
        assert store.due_counts(seen_from) == DueCounts(0, due_tomorrow)


def test_the_queue_reads_the_due_index(store: Store) -> None:
    with store.reading() as conn:
        plan = " ".join(
            str(row[-1])
            for row in conn.execute(
                "EXPLAIN QUERY PLAN SELECT bank_id, question_id, due, state FROM cards "
                "WHERE due <= ? ORDER BY due, id",
                ("2026-11-25T17:00:00.000000+00:00",),
            )
        )
    assert "cards_due" in plan
