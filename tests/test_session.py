"""The session: selection, order (siblings spaced out), grading hand-off to the recorder,
summary, retry, and undo that keeps the truth."""

from __future__ import annotations

import random
import time
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path

import pytest

from quiz.bank import load_bank
from quiz.bank.model import Bank, Matching, MultipleChoice, Ordering, TrueFalse
from quiz.record import MemoryRecorder, Outcome
from quiz.session import (
    NoQuestions,
    Options,
    Session,
    arrange,
    sibling_keys,
    spacing_window,
)
from tests.conftest import ALL_TYPES_BANK

T0 = datetime(2025, 9, 1, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=10)
        return self.now


@pytest.fixture(scope="module")
def bank():
    return load_bank(ALL_TYPES_BANK)


def ids(session: Session) -> list[str]:
    return [item.question.id for item in session.items]


def test_same_seed_same_order(bank) -> None:
    a = Session.start(bank, Options(seed=7))
    b = Session.start(bank, Options(seed=7))
    assert ids(a) == ids(b)
    assert [i.order for i in a.items] == [i.order for i in b.items]
    assert sorted(ids(a)) == sorted(q.id for q in bank.questions)
    assert any(ids(Session.start(bank, Options(seed=s))) != ids(a) for s in range(8, 12))


def test_no_shuffle_keeps_bank_order(bank) -> None:
    assert ids(Session.start(bank, Options(shuffle=False))) == [q.id for q in bank.questions]


def test_filters_and_count(bank) -> None:
    s = Session.start(bank, Options(types=("cloze", "numeric"), seed=1))
    assert sorted(ids(s)) == ["q-cars-numeric", "q-cost-cloze"]
    assert ids(Session.start(bank, Options(tags=("people",)))) == ["q-mayor-mc"]
    assert Session.start(bank, Options(count=3, seed=1)).total == 3


def test_nothing_matches(bank) -> None:
    with pytest.raises(NoQuestions, match="no questions in riverton-bridge match tag nope"):
        Session.start(bank, Options(tags=("nope",)))


def test_choices_keep_their_order_but_ordering_and_matching_are_shuffled(bank) -> None:
    s = Session.start(bank, Options(seed=3))
    for item in s.items:
        q = item.question
        if isinstance(q, Ordering):
            assert sorted(item.order) == sorted(q.items)
            assert item.order != q.items  # never shown already in order
        if isinstance(q, Matching):
            assert sorted(item.options) == sorted(p.right for p in q.pairs)
        if isinstance(q, MultipleChoice):
            assert item.order == () and item.options == ()


def test_answers_are_recorded_as_given(bank) -> None:
    recorder = MemoryRecorder()
    s = Session.start(
        bank, Options(types=("short_answer",), shuffle=False), recorder=recorder, clock=Clock()
    )
    result = s.answer("Ana Cost", seconds=4.5)
    assert result.outcome is Outcome.NEAR_MISS
    assert recorder.answers == [result.answer]
    a = recorder.answers[0]
    assert (a.bank_id, a.question_id, a.question_type, a.given, a.seconds) == (
        "riverton-bridge",
        "q-mayor-short",
        "short_answer",
        "Ana Cost",
        4.5,
    )
    assert a.answered_at == T0 + timedelta(seconds=10)
    assert a.answer_key == "Ana Costa"
    assert s.score == 1
    with pytest.raises(RuntimeError):
        s.answer("again", 1)
    assert s.advance()
    s.answer("nobody", 2)
    assert not s.advance()
    assert s.finished
    assert s.score == 1


def test_summary_and_retry(bank) -> None:
    recorder = MemoryRecorder()
    s = Session.start(
        bank,
        Options(types=("true_false", "numeric", "multiple_choice"), shuffle=False),
        recorder=recorder,
    )
    responses = {"q-mayor-mc": 0, "q-facts-multi": {0}, "q-cost-tf": False, "q-cars-numeric": "4k"}
    while not s.finished:
        s.answer(responses[s.current.question.id], seconds=3)
        s.advance()
    summary = s.summary()
    assert (summary.correct, summary.answered, summary.total, summary.percent) == (3, 4, 4, 75)
    assert summary.seconds == 12
    assert {(b.name, b.correct, b.total) for b in summary.by_type} == {
        ("multiple_choice", 1, 2),
        ("true_false", 1, 1),
        ("numeric", 1, 1),
    }
    assert ("people", 1, 1) in {(b.name, b.correct, b.total) for b in summary.by_tag}
    [miss] = summary.missed
    assert miss.question.id == "q-facts-multi"
    assert miss.given == "It cost about 12 million euros"
    assert miss.answer == "It cost about 12 million euros; It took three years to build"

    again = s.retry_missed()
    assert ids(again) == ["q-facts-multi"]
    assert again.recorder is recorder
    again.answer({0, 1}, 2)
    assert again.score == 1
    assert len(recorder.answers) == 5


# ---------------------------------------------------------------------- siblings spaced out


def _too_close(questions: list, window: int) -> list[tuple[int, int]]:
    """Pairs of places where two siblings come within ``window`` of each other."""
    keys = [sibling_keys(q) for q in questions]
    return [
        (i, j)
        for i in range(len(questions))
        for j in range(i + 1, min(len(questions), i + window + 1))
        if keys[i] & keys[j]
    ]


def test_siblings_share_a_fact_or_a_sentence(bank) -> None:
    by_id = {q.id: sibling_keys(q) for q in bank.questions}
    assert by_id["q-mayor-mc"] & by_id["q-mayor-short"]  # one sentence
    assert by_id["q-cost-tf"] & by_id["q-facts-multi"]
    assert not by_id["q-mayor-mc"] & by_id["q-cost-tf"]
    assert not by_id["q-quote-literal"] & by_id["q-mayor-mc"]  # the next sentence is another


def test_the_window_grows_with_the_quiz() -> None:
    assert [spacing_window(n) for n in (3, 10, 25, 70, 200)] == [2, 2, 2, 7, 10]


@pytest.mark.parametrize("seed", range(300))
@pytest.mark.parametrize("version", ["shipped", "before-revision"])
def test_a_whole_founding_bank_quiz_never_shows_siblings_within_the_window(
    seed: int, version: str
) -> None:
    """The issue's trial: the 70-question founding bank as issue 19 found it (kept as the
    item-review test data), and the shipped bank as revised since; many questions share one
    sentence or one fact, and no two siblings come within the window, whatever the shuffle.
    The shipped bank's fourth revision cites three runs of consecutive sentences (a question
    that needs more than one), which makes its sibling groups large for its 34 questions: the
    arrangement then sometimes settles for its fallback window of 2 (one shuffle in 300)."""
    founding = _founding() if version == "shipped" else load_bank(_BEFORE_REVISION)
    session = Session.start(founding, Options(seed=seed))
    questions = [item.question for item in session.items]
    assert sorted(q.id for q in questions) == sorted(q.id for q in founding.questions)
    window = spacing_window(len(questions))
    assert window >= (7 if version == "before-revision" else 2)
    assert _too_close(questions, window if version == "before-revision" else 2) == []


def test_the_order_stays_random(bank) -> None:
    founding = _founding()
    orders = {tuple(ids(Session.start(founding, Options(seed=s)))) for s in range(20)}
    firsts = {order[0] for order in orders}
    assert len(orders) == 20 and len(firsts) > 10


def test_a_short_quiz_takes_as_few_siblings_as_it_can() -> None:
    founding = _founding()
    for seed in range(50):
        session = Session.start(founding, Options(count=10, seed=seed))
        questions = [item.question for item in session.items]
        assert _too_close(questions, len(questions)) == []  # no two siblings at all


def test_too_many_siblings_for_the_window_are_still_never_back_to_back(bank) -> None:
    """Three questions of one sentence in a quiz of five cannot be 2 apart: the window
    shrinks, never to nothing."""
    five = [
        q
        for q in bank.questions
        if q.id in ("q-facts-multi", "q-cost-tf", "q-cost-cloze", "q-mayor-mc", "q-cars-numeric")
    ]
    for seed in range(20):
        shuffled = five[:]
        random.Random(seed).shuffle(shuffled)
        ordered = arrange(shuffled)
        assert sorted(q.id for q in ordered) == sorted(q.id for q in five)
        assert _too_close(ordered, 1) == []


def test_a_big_bank_is_arranged_in_a_moment() -> None:
    questions = [
        TrueFalse(
            id=f"q{i}", prompt="?", source=f"Sentence {i // 4}.", fact=f"f{i // 3}", answer=True
        )
        for i in range(20_000)
    ]
    random.Random(0).shuffle(questions)
    started = time.perf_counter()
    ordered = arrange(questions)
    assert time.perf_counter() - started < 5
    assert _too_close(ordered, spacing_window(len(ordered))) == []


def test_no_shuffle_keeps_the_bank_order_even_with_siblings(bank) -> None:
    session = Session.start(bank, Options(shuffle=False))
    assert ids(session)[:3] == ["q-mayor-mc", "q-facts-multi", "q-cost-tf"]


def test_only_keeps_the_questions_named(bank) -> None:
    session = Session.start(bank, Options(only=("q-cost-tf", "q-mayor-mc"), seed=1))
    assert sorted(ids(session)) == ["q-cost-tf", "q-mayor-mc"]
    assert Options(only=("x",)).describe() == "missed last time"


# ---------------------------------------------------------------------- undo keeps the truth


def test_undo_keeps_the_first_answer_and_the_retake_counts_nowhere(bank) -> None:
    recorder = MemoryRecorder()
    s = Session.start(
        bank, Options(shuffle=False, types=("true_false", "multiple_choice")), recorder=recorder
    )
    s.answer(0, 2.0)  # q-mayor-mc right
    s.advance()
    s.answer({1}, 2.0)  # q-facts-multi wrong: a slip
    assert s.can_undo
    taken = s.undo()
    assert taken is not None and taken.answer.undone and not taken.outcome.correct
    assert (s.score, s.answered, s.number, s.awaiting_answer) == (1, 2, 2, True)
    assert not s.can_undo and s.undo() is None  # nothing answered to take back
    again = s.answer({0, 1}, 3.0)  # right this time
    assert again.answer.retake and again.outcome.correct
    assert not s.can_undo  # an answer is taken back once
    assert (s.score, s.answered) == (1, 2)  # the first answer counts
    s.advance()
    s.answer(False, 1.0)
    summary = s.summary()
    assert (summary.correct, summary.answered, summary.taken_back) == (2, 3, 1)
    assert [m.question.id for m in summary.missed] == ["q-facts-multi"]
    assert summary.seconds == 8.0  # every second spent, the retake's too
    assert [q.id for q in s.missed_questions()] == ["q-facts-multi"]
    assert [(a.question_id, a.undone, a.retake) for a in recorder.answers] == [
        ("q-mayor-mc", False, False),
        ("q-facts-multi", False, False),
        ("q-facts-multi", False, True),
        ("q-cost-tf", False, False),
    ]


def test_a_quiz_ended_early_says_so(bank) -> None:
    s = Session.start(bank, Options(shuffle=False))
    s.answer(0, 1.0)
    summary = s.summary()
    assert summary.ended_early and (summary.answered, summary.total) == (1, 9)


_BEFORE_REVISION = (
    Path(__file__).resolve().parent / "data" / "item-review" / "shipped-before-revision.yaml"
)


@cache
def _founding() -> Bank:
    from tests.conftest import FOUNDING_BANK

    return load_bank(FOUNDING_BANK)
