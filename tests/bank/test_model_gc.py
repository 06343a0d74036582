"""Questions are out of the cyclic collector's sight (issue 21): a big bank's 100,000
questions were walked by the collection after their load and by every full one later."""

from __future__ import annotations

import gc

from quiz.bank import load_bank
from quiz.bank.model import QUESTION_TYPES, Matching
from tests.conftest import ALL_TYPES_BANK


def test_no_question_of_any_type_is_tracked() -> None:
    bank = load_bank(ALL_TYPES_BANK)
    assert {q.TYPE for q in bank.questions} == set(QUESTION_TYPES)
    assert not any(gc.is_tracked(q) for q in bank.questions)
    pairs = [p for q in bank.questions if isinstance(q, Matching) for p in q.pairs]
    assert pairs and not any(gc.is_tracked(p) for p in pairs)
