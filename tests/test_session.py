"""The session: selection, order, grading hand-off to the recorder, summary, retry."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from quiz.bank import load_bank
from quiz.bank.model import Matching, MultipleChoice, Ordering
from quiz.record import MemoryRecorder, Outcome
from quiz.session import NoQuestions, Options, Session
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
    s = Session.start(bank, Options(types=("short_answer",), shuffle=False),
                      recorder=recorder, clock=Clock())
    result = s.answer("Ana Cost", seconds=4.5)
    assert result.outcome is Outcome.NEAR_MISS
    assert recorder.answers == [result.answer]
    a = recorder.answers[0]
    assert (a.bank_id, a.question_id, a.question_type, a.given, a.seconds) == (
        "riverton-bridge", "q-mayor-short", "short_answer", "Ana Cost", 4.5)
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
    s = Session.start(bank, Options(types=("true_false", "numeric", "multiple_choice"),
                                    shuffle=False), recorder=recorder)
    responses = {"q-mayor-mc": 0, "q-facts-multi": {0}, "q-cost-tf": False,
                 "q-cars-numeric": "4k"}
    while not s.finished:
        s.answer(responses[s.current.question.id], seconds=3)
        s.advance()
    summary = s.summary()
    assert (summary.correct, summary.answered, summary.total, summary.percent) == (3, 4, 4, 75)
    assert summary.seconds == 12
    assert {(b.name, b.correct, b.total) for b in summary.by_type} == {
        ("multiple_choice", 1, 2), ("true_false", 1, 1), ("numeric", 1, 1)}
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
