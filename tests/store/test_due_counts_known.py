"""Due counts against the known questions, checked card by card: a bank whose cards all still
exist is counted from the due index alone, so these mix such banks with banks that lost
questions, a bank gone from the library and an id holding the separator SQLite joins ids with,
and compare with the count a loop over every card gives."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from quiz.record import Outcome
from quiz.store import DueCounts, Store
from quiz.store.timefmt import start_of_day
from tests.store.helpers import FakeClock, answer


def _by_hand(store: Store, now: datetime, known: dict[str, set[str]]) -> DueCounts:
    """Every card read and checked in Python: what the counts must be."""
    horizon = start_of_day(store.today(now), store.tz, plus_days=2)
    due_now = due_tomorrow = 0
    with store.reading() as conn:
        for bank_id, question_id, due in conn.execute(
            "SELECT bank_id, question_id, due FROM cards"
        ):
            if question_id not in known.get(bank_id, ()):
                continue
            when = datetime.fromisoformat(due)
            due_tomorrow += when < horizon
            due_now += when <= now
    return DueCounts(due_now=due_now, due_tomorrow=due_tomorrow)


def test_due_counts_match_a_count_card_by_card(store: Store, clock: FakeClock) -> None:
    rng = random.Random(7)
    banks = {
        "whole": [f"w{i}" for i in range(30)],
        "lost-some": [f"l{i}" for i in range(30)],
        "odd\x1fids": ["a\x1fb", "plain", "c\x1f"],
        "gone": [f"g{i}" for i in range(5)],
    }
    for round_ in range(3):
        for bank_id, ids in banks.items():
            for question_id in ids:
                if rng.random() < 0.7:
                    outcome = rng.choice([Outcome.RIGHT, Outcome.WRONG, Outcome.NEAR_MISS])
                    session = store.start_session(bank_id, "review")
                    store.record(
                        answer(question_id, bank_id=bank_id, at=clock(), outcome=outcome),
                        session_id=session,
                    )
        clock.advance(hours=7 + round_)
    known = {
        "whole": set(banks["whole"]),
        "lost-some": set(banks["lost-some"][::2]) | {"new-one"},
        "odd\x1fids": {"a\x1fb", "plain"},
    }

    for hours in (0, 1, 12, 30, 60, 200):
        now = clock() + timedelta(hours=hours)
        expected = _by_hand(store, now, known)
        assert store.due_counts(now, known_questions=known) == expected
        # the caller's lists (bank order) count the same as sets
        as_lists = {bank_id: sorted(ids) for bank_id, ids in known.items()}
        assert store.due_counts(now, known_questions=as_lists) == expected
    assert _by_hand(store, clock() + timedelta(days=30), known).due_now > 0  # not all vacuous


def test_card_ids_by_bank_lists_every_card_once(store: Store, clock: FakeClock) -> None:
    for bank_id, question_id in [("b", "q1"), ("b", "q\x1f2"), ("c", "q1"), ("b", "q1")]:
        session = store.start_session(bank_id, "play")
        store.record(answer(question_id, bank_id=bank_id, at=clock()), session_id=session)
        clock.advance(minutes=1)

    assert {b: sorted(ids) for b, ids in store.card_ids_by_bank().items()} == {
        "b": sorted(["q1", "q\x1f2"]),
        "c": ["q1"],
    }
