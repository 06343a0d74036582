"""The review's plan against a plain reference (issue 21): `plan_review` computes sibling keys
only where they can matter (banks with an answer today, due cards, new questions until the
day's budget is filled) and looks buried cards up one by one; the reference computes every
key of every question and reads every due card, as the plan did before. Both must give the
same questions in the same order, the same counts and the same buried figure, over answer
histories drawn at random (fixed seeds) on the two test banks, with answers on the day of
the plan and before it."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quiz.bank import load_bank
from quiz.bank.model import Bank
from quiz.record import Answer, Outcome
from quiz.review import known_questions, plan_review, unique_banks
from quiz.session import sibling_keys
from quiz.store import Store
from tests.conftest import ALL_TYPES_BANK, FOUNDING_BANK

T0 = datetime(2025, 9, 1, 9, 0, tzinfo=UTC)


def reference_plan(
    store: Store, banks: list[Bank], now: datetime, new_limit: int, limit: int
) -> tuple[list[tuple[str, str]], int, int, int, int]:
    """(ids, due now, due by tomorrow's end, new, buried) by the rules of
    :func:`quiz.review.plan_review`, every key computed and every due card read."""
    chosen = unique_banks(banks)
    known = known_questions(chosen)
    keys = {(b.id, q.id): sibling_keys(q, b.id) for b in chosen for q in b.questions}
    answered = {key for key in store.answered_today(now) if key in keys}
    shown: set[str] = set().union(*(keys[key] for key in answered))
    buried = {key for key, its in keys.items() if key not in answered and its & shown}
    visible = {b: [q for q in ids if (b, q) not in buried] for b, ids in known.items()}
    taken: set[str] = set()
    for due in store.due_queue(now, limit=limit, new_limit=0, known_questions=visible):
        key = (due.bank_id, due.question_id)
        if key not in answered and keys[key] & taken:
            buried.add(key)
        taken |= keys[key]
    seen = {b: set(ids) for b, ids in store.card_ids_by_bank().items()}
    for bank_id, ids in known.items():
        for qid in ids:
            key = (bank_id, qid)
            if qid in seen.get(bank_id, ()) or key in buried:
                continue
            if keys[key] & taken:
                buried.add(key)
            taken |= keys[key]
    fresh = [b for b, ids in known.items() if not seen.get(b, set()).issuperset(ids)]
    order = fresh + [b for b in known if b not in fresh]
    visible = {b: [q for q in ids if (b, q) not in buried] for b, ids in known.items()}
    queue = store.due_queue(
        now, bank_ids=order, limit=limit, new_limit=new_limit, known_questions=visible
    )
    counts = store.due_counts(now, known_questions=known)
    due_now = {
        (item.bank_id, item.question_id) for item in store.due_queue(now, limit=10**9, new_limit=0)
    }
    return (
        [(item.bank_id, item.question_id) for item in queue],
        counts.due_now,
        counts.due_tomorrow,
        sum(item.is_new for item in queue),
        len(buried & due_now),
    )


def play_history(
    store: Store, banks: list[Bank], rng: random.Random, now: datetime, today: int
) -> None:
    """Answers over the ten days before ``now``, and ``today`` sessions on its day (all
    before ``now``, after its midnight), some right, some wrong."""
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    span = int((now - midnight).total_seconds() // 60) - 20
    moments = sorted(
        [now - timedelta(days=rng.randint(1, 10), minutes=rng.randint(0, 600)) for _ in range(4)]
        + [midnight + timedelta(minutes=rng.randint(0, span)) for _ in range(today)]
    )
    for at in moments:
        bank = rng.choice(banks)
        questions = rng.sample(list(bank.questions), k=rng.randint(1, min(12, len(bank.questions))))
        session = store.start_session(bank.id, "review")
        for offset, q in enumerate(questions):
            outcome = rng.choice([Outcome.RIGHT, Outcome.RIGHT, Outcome.WRONG])
            store.record(
                Answer(
                    bank.id,
                    q.id,
                    q.TYPE,
                    "x",
                    outcome,
                    1.0,
                    at + timedelta(seconds=offset),
                    q.answer_key(),
                ),
                session_id=session,
            )
        store.end_session(session)


def compare(data_dir: Path, seed: int) -> set[str]:
    """Plans of one random history against the reference; which rules they exercised."""
    rng = random.Random(seed)
    now = T0 + timedelta(hours=rng.randint(0, 12))
    banks = [load_bank(ALL_TYPES_BANK), load_bank(FOUNDING_BANK)]
    today = 0 if seed == 0 else 1 + seed % 2
    reached: set[str] = set()
    with Store.open(data_dir, clock=lambda: now, fuzz=False) as store:
        play_history(store, banks, rng, now, today)
        assert bool(store.answered_today(now)) == bool(today)
        for new_limit, limit in [(0, 200), (1, 200), (3, 200), (20, 200), (20, 5), (500, 500)]:
            plan = plan_review(store, banks, now, new_limit=new_limit, limit=limit)
            got = (plan.ids(), plan.due_now, plan.due_tomorrow, plan.new, plan.buried)
            assert got == reference_plan(store, banks, now, new_limit, limit), (new_limit, limit)
            reached |= {
                name
                for name, yes in [("new", plan.new), ("due", plan.due), ("buried", plan.buried)]
                if yes
            }
    return reached


@pytest.mark.parametrize("seeds", [range(0, 3), range(3, 6)])
def test_the_plan_is_the_reference_plan(tmp_path: Path, seeds: range) -> None:
    reached: set[str] = set()
    for seed in seeds:
        reached |= compare(tmp_path / f"data-{seed}", seed)
    # not vacuous: each group of histories has new questions, due cards and buried ones
    assert reached == {"new", "due", "buried"}
