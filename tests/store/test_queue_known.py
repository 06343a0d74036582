"""The due queue checks due cards against the questions that exist in batches, whatever the
caller hands it (lists, sets, dicts): removed questions stay out even when many come first,
and odd ids (one holding the separator the queue splits on) are handled."""

from __future__ import annotations

from datetime import timedelta

import pytest

from quiz.record import Outcome
from quiz.store import DueItem, Store
from tests.store.helpers import FakeClock, answer

ODD = "odd\x1fid"  # holds the separator used to read a bank's card ids in one string


def schedule(store: Store, question_id: str, bank_id: str = "bank") -> None:
    session = store.start_session(bank_id, "play")
    store.record(
        answer(question_id, bank_id=bank_id, at=store.now(), outcome=Outcome.WRONG),
        session_id=session,
    )


def ids(items: list[DueItem]) -> list[tuple[str, str]]:
    return [(item.bank_id, item.question_id) for item in items]


@pytest.mark.parametrize("kind", [list, frozenset, dict.fromkeys])
def test_removed_questions_leave_the_queue_past_the_first_batch(
    store: Store, clock: FakeClock, kind: type
) -> None:
    """70 removed cards come due first: more than a batch (64) of rows is read to fill 3."""
    for i in range(70):
        schedule(store, f"gone-{i:02d}")
        clock.advance(seconds=1)
    for name in ("kept-a", "kept-b", ODD):
        schedule(store, name, bank_id="other")
        clock.advance(seconds=1)
    schedule(store, "kept-c")
    later = clock.advance(hours=1)
    known = {"bank": kind(["kept-c", "new-1"]), "other": kind(["kept-a", "kept-b", ODD])}

    queue = store.due_queue(later, limit=3, new_limit=0, known_questions=known)

    assert ids(queue) == [("other", "kept-a"), ("other", "kept-b"), ("other", ODD)]
    everything = store.due_queue(later, limit=10, new_limit=80, known_questions=known)
    assert ids(everything) == [
        ("other", "kept-a"),
        ("other", "kept-b"),
        ("other", ODD),
        ("bank", "kept-c"),
        ("bank", "new-1"),
    ]
    assert everything[-1].is_new


def test_new_questions_skip_those_with_a_card_whatever_their_ids(
    store: Store, clock: FakeClock
) -> None:
    schedule(store, ODD)
    schedule(store, "seen")
    known = {"bank": [ODD, "seen", "fresh", "odd"]}  # "odd" is a prefix of ODD, not seen

    queue = store.due_queue(
        clock.advance(minutes=-30), limit=10, new_limit=10, known_questions=known
    )

    assert ids(queue) == [("bank", "fresh"), ("bank", "odd")]


def test_a_bank_with_no_cards_gives_its_questions_in_order(store: Store, clock: FakeClock) -> None:
    schedule(store, "x", bank_id="elsewhere")
    queue = store.due_queue(
        clock.advance(minutes=-30) - timedelta(seconds=1),
        limit=10,
        new_limit=3,
        known_questions={"bank": ["b", "a", "c"]},
    )
    assert ids(queue) == [("bank", "b"), ("bank", "a")]  # "x" took one of the 3 new today
