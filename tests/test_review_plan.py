"""How a review's plan asks the store (issue 21): the same queue whichever way the banks'
ids are handed over, and the garbage collector as it was before the plan."""

from __future__ import annotations

import gc
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quiz.bank import load_bank
from quiz.bank.model import Bank
from quiz.record import Answer, Outcome
from quiz.review import plan_review
from quiz.store import Store
from tests.conftest import ALL_TYPES_BANK, FOUNDING_BANK

T0 = datetime(2025, 9, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "data", clock=lambda: T0, fuzz=False) as opened:
        yield opened


def answer(store: Store, bank: Bank, ids: list[str], outcome: Outcome, at: datetime) -> None:
    session = store.start_session(bank.id, "play")
    for qid in ids:
        q = bank.question(qid)
        assert q is not None
        store.record(
            Answer(bank.id, qid, q.TYPE, "x", outcome, 0.0, at, q.answer_key()), session_id=session
        )
    store.end_session(session)


def test_a_bank_seen_in_full_keeps_its_due_cards_and_the_next_gives_the_new_ones(
    store: Store,
) -> None:
    """The first bank has a card for every question (so the plan hands it over as a set and
    asks for new questions from the other bank first): its due cards are still asked, and the
    new questions are the second bank's, in that bank's order."""
    seen_all, fresh = load_bank(ALL_TYPES_BANK), load_bank(FOUNDING_BANK)
    long_ago = T0 - timedelta(days=30)
    answer(store, seen_all, [q.id for q in seen_all.questions], Outcome.RIGHT, long_ago)
    plan = plan_review(store, [seen_all, fresh], T0, new_limit=3)
    ids = plan.ids()
    assert plan.due > 0
    assert {bank_id for bank_id, _ in ids[: plan.due]} == {seen_all.id}
    new = ids[plan.due :]
    assert plan.new == len(new) > 0
    assert {bank_id for bank_id, _ in new} == {fresh.id}
    order = [q.id for q in fresh.questions]
    positions = [order.index(qid) for _, qid in new]
    assert positions == sorted(positions)
    assert new[0] == (fresh.id, order[0])  # nothing answered in it: its first question first


def test_the_collector_is_as_it_was_after_a_plan(store: Store) -> None:
    """The plan pauses the cyclic collector while it builds its sibling index; it must come
    back on afterwards (and stay off when it was off)."""
    banks = [load_bank(ALL_TYPES_BANK), load_bank(FOUNDING_BANK)]
    assert gc.isenabled()
    plan_review(store, banks, T0)
    assert gc.isenabled()
    gc.disable()
    try:
        plan_review(store, banks, T0)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_comes_back_when_the_store_fails(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> object:
        raise RuntimeError("disk gone")

    monkeypatch.setattr(store, "due_queue", broken)
    with pytest.raises(RuntimeError):
        plan_review(store, [load_bank(FOUNDING_BANK)], T0)
    assert gc.isenabled()
