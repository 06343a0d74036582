"""A big shuffled session is ordered and presented as the quiz goes (issue 21): the first
question needs only the first few questions keyed, and the quiz is the same one whatever is
asked for first: every question once, siblings spaced, one order per seed."""

from __future__ import annotations

import pytest

import quiz.session.as_it_goes as as_it_goes
from quiz.bank.model import Bank, Ordering, Question, Source, TrueFalse
from quiz.session import LAZY_OVER, LOOK_AHEAD, Options, Session, sibling_keys, spacing_window


def big_bank(size: int = LAZY_OVER * 2) -> Bank:
    """Four questions a sentence, three a fact (as tests/test_session.py's big bank), with an
    ordering question now and then to show that items are presented (shuffled) too."""
    questions: list[Question] = []
    for i in range(size):
        common = {
            "id": f"q{i}",
            "prompt": "?",
            "source": f"Sentence {i // 4}.",
            "fact": f"f{i // 3}",
        }
        if i % 50 == 0:
            questions.append(Ordering(**common, items=("a", "b", "c")))
        else:
            questions.append(TrueFalse(**common, answer=True))
    return Bank(id="big", title="Big", source=Source(title="", text=""), questions=tuple(questions))


def too_close(questions: list[Question], window: int) -> list[tuple[int, int]]:
    keys = [sibling_keys(q) for q in questions]
    return [
        (i, j)
        for i in range(len(questions))
        for j in range(i + 1, min(len(questions), i + window + 1))
        if keys[i] & keys[j]
    ]


def test_the_first_question_keys_only_the_look_ahead(monkeypatch: pytest.MonkeyPatch) -> None:
    keyed: list[str] = []
    real = as_it_goes.sibling_keys

    def counting(question: Question, bank_id: str = "") -> frozenset[str]:
        keyed.append(question.id)
        return real(question, bank_id)

    monkeypatch.setattr(as_it_goes, "sibling_keys", counting)
    session = Session.start(big_bank(), Options(seed=1))
    assert keyed == []
    assert session.current.question.id
    assert len(keyed) == LOOK_AHEAD
    assert session.total == LAZY_OVER * 2


@pytest.mark.parametrize("seed", range(20))
def test_every_question_once_with_siblings_spaced(seed: int) -> None:
    bank = big_bank()
    session = Session.start(bank, Options(seed=seed))
    questions = [item.question for item in session.items]
    assert sorted(q.id for q in questions) == sorted(q.id for q in bank.questions)
    assert too_close(questions, spacing_window(len(questions))) == []
    for item in session.items:
        if isinstance(item.question, Ordering):
            assert item.order != item.question.items  # presented, never already in order


def test_one_seed_one_quiz_whatever_is_asked_first() -> None:
    bank = big_bank()
    walked = Session.start(bank, Options(seed=7))
    jumped = Session.start(bank, Options(seed=7))
    far = jumped.items[1_234]  # made with every item before it, in order
    assert far == walked.items[1_234]
    assert list(jumped.items) == list(walked.items)
    assert jumped.items[-1] == walked.items[len(walked.items) - 1]
    assert jumped.items[:3] == [walked.items[0], walked.items[1], walked.items[2]]
    with pytest.raises(IndexError):
        jumped.items[len(jumped.items)]


def test_the_order_stays_random() -> None:
    bank = big_bank()
    firsts = {Session.start(bank, Options(seed=s)).current.question.id for s in range(20)}
    assert len(firsts) > 15


def test_answering_walks_the_quiz() -> None:
    session = Session.start(big_bank(), Options(seed=2))
    for _ in range(3):
        session.answer(True, 1.0)
        session.advance()
    assert session.answered == 3 and session.number == 4


def test_small_or_counted_or_filtered_small_sessions_keep_a_list() -> None:
    bank = big_bank()
    assert isinstance(Session.start(bank, Options(seed=1, count=10)).items, list)
    assert isinstance(Session.start(bank, Options(shuffle=False)).items, list)
    small = Bank(id="s", title="S", source=bank.source, questions=bank.questions[:LAZY_OVER])
    assert isinstance(Session.start(small, Options(seed=1)).items, list)
