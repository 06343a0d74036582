"""The answer → FSRS rating mapping, and the scheduler wrapper, read like the spec."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta, timezone

import pytest

from quiz.record import Outcome
from quiz.srs import (
    CardState,
    Rating,
    Srs,
    State,
    rating_for,
    slow_seconds,
)
from tests.store.helpers import T0, answer


@pytest.mark.parametrize(
    ("question_type", "slow"),
    [
        ("true_false", 12.0),
        ("multiple_choice", 20.0),
        ("cloze", 40.0),
        ("short_answer", 40.0),
        ("numeric", 40.0),
        ("matching", 60.0),
        ("ordering", 60.0),
        ("a_type_from_the_future", 40.0),
    ],
)
def test_slow_thresholds_per_type(question_type: str, slow: float) -> None:
    assert slow_seconds(question_type) == slow


@pytest.mark.parametrize(
    ("outcome", "question_type", "seconds", "state_before", "expected"),
    [
        # wrong is Again, however fast and whatever the card
        (Outcome.WRONG, "true_false", 1.0, State.Review, Rating.Again),
        (Outcome.WRONG, "ordering", 90.0, None, Rating.Again),
        # a near miss is Hard, even when fast
        (Outcome.NEAR_MISS, "short_answer", 2.0, State.Review, Rating.Hard),
        # right: Good between "fast" and "slow"
        (Outcome.RIGHT, "true_false", 6.0, State.Review, Rating.Good),
        (Outcome.RIGHT, "true_false", 11.9, State.Review, Rating.Good),
        # right but slow (at or over the type's threshold) is Hard
        (Outcome.RIGHT, "true_false", 12.0, State.Review, Rating.Hard),
        (Outcome.RIGHT, "multiple_choice", 25.0, None, Rating.Hard),
        (Outcome.RIGHT, "matching", 59.0, State.Learning, Rating.Good),
        (Outcome.RIGHT, "matching", 61.0, State.Learning, Rating.Hard),
        # right and fast (under a third of the threshold) is Easy only for a card in Review
        (Outcome.RIGHT, "true_false", 3.9, State.Review, Rating.Easy),
        (Outcome.RIGHT, "true_false", 4.0, State.Review, Rating.Good),
        (Outcome.RIGHT, "cloze", 10.0, State.Review, Rating.Easy),
        (Outcome.RIGHT, "true_false", 3.0, None, Rating.Good),
        (Outcome.RIGHT, "true_false", 3.0, State.Learning, Rating.Good),
        (Outcome.RIGHT, "true_false", 3.0, State.Relearning, Rating.Good),
        # an untimed answer is never Hard or Easy
        (Outcome.RIGHT, "true_false", 0.0, State.Review, Rating.Good),
        (Outcome.RIGHT, "true_false", -1.0, State.Review, Rating.Good),
        (Outcome.RIGHT, "true_false", math.inf, State.Review, Rating.Good),
        (Outcome.RIGHT, "true_false", math.nan, State.Review, Rating.Good),
    ],
)
def test_rating_for(
    outcome: Outcome,
    question_type: str,
    seconds: float,
    state_before: State | None,
    expected: Rating,
) -> None:
    graded = answer(at=T0, outcome=outcome, seconds=seconds, question_type=question_type)
    assert rating_for(graded, state_before) is expected


def test_a_new_card_answered_right_enters_the_first_learning_step() -> None:
    review = Srs(fuzz=False).review(None, answer(at=T0, seconds=8.0))

    assert review.rating is Rating.Good
    assert review.before == CardState.new(T0)
    assert review.card == CardState(
        state=State.Learning,
        step=1,
        stability=2.3065,
        difficulty=2.118103970459016,
        due=datetime(2026, 11, 25, 17, 10, tzinfo=UTC),
        last_review=T0,
        reps=1,
        lapses=0,
    )


def test_a_card_graduates_then_grows_its_interval_then_lapses() -> None:
    srs = Srs(fuzz=False)
    first = srs.review(None, answer(at=T0)).card
    second = srs.review(first, answer(at=first.due)).card
    assert (second.state, second.due) == (State.Review, datetime(2026, 11, 27, 17, 10, tzinfo=UTC))

    third = srs.review(second, answer(at=second.due)).card
    assert third.due == datetime(2026, 12, 8, 17, 10, tzinfo=UTC)
    assert third.stability == 10.971048263078135

    quick = srs.review(third, answer(at=third.due, seconds=3.0))  # fast, in Review: Easy
    assert quick.rating is Rating.Easy
    assert quick.card.due == datetime(2027, 2, 23, 17, 10, tzinfo=UTC)

    lapse = srs.review(quick.card, answer(at=quick.card.due, outcome=Outcome.WRONG))
    assert lapse.rating is Rating.Again
    assert (lapse.card.state, lapse.card.reps, lapse.card.lapses) == (State.Relearning, 5, 1)
    assert lapse.card.due == datetime(2027, 2, 23, 17, 20, tzinfo=UTC)


def test_wrong_answers_while_learning_are_not_lapses() -> None:
    srs = Srs(fuzz=False)
    card = srs.review(None, answer(at=T0, outcome=Outcome.WRONG)).card
    assert (card.state, card.reps, card.lapses) == (State.Learning, 1, 0)


def _review_card() -> CardState:
    return CardState(
        state=State.Review,
        step=None,
        stability=10.0,
        difficulty=5.0,
        due=T0,
        last_review=T0 - timedelta(days=10),
        reps=3,
    )


def test_desired_retention_sets_the_interval() -> None:
    strict = Srs(0.9, fuzz=False).review(_review_card(), answer(at=T0)).card
    relaxed = Srs(0.8, fuzz=False).review(_review_card(), answer(at=T0)).card

    assert strict.due == datetime(2026, 12, 27, 17, 0, tzinfo=UTC)  # 32 days
    assert relaxed.due == datetime(2027, 3, 11, 17, 0, tzinfo=UTC)  # 106 days
    assert Srs(0.8).desired_retention == 0.8


def test_answer_times_in_any_zone_are_reviewed_in_utc() -> None:
    tokyo = timezone(timedelta(hours=9))
    card = Srs(fuzz=False).review(None, answer(at=T0.astimezone(tokyo))).card
    assert card.last_review == T0
    assert card.last_review.tzinfo is UTC


@pytest.mark.parametrize("retention", [0.0, 1.0, 1.5, -0.1])
def test_desired_retention_must_be_a_probability(retention: float) -> None:
    with pytest.raises(ValueError, match="desired retention"):
        Srs(retention)


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        Srs(fuzz=False).review(None, answer(at=datetime(2026, 11, 25, 17, 0)))


def test_retrievability_falls_with_time() -> None:
    srs = Srs(fuzz=False)
    card = _review_card()
    assert srs.retrievability(CardState.new(T0), T0) == 0
    assert srs.retrievability(card, T0) == pytest.approx(0.9, abs=1e-9)
    assert srs.retrievability(card, T0 + timedelta(days=30)) < 0.9
