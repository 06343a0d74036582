"""Advice on valid banks: the answer-position warning, and the one-line advice API kept over the
item review (quiz/bank/review/)."""

from __future__ import annotations

from quiz.bank.advice import advice, answer_position_advice
from quiz.bank.model import Bank, MultipleChoice, Source
from tests.conftest import DATA, FOUNDING_BANK


def _bank(answer_positions: list[int], multiple: bool = False) -> Bank:
    questions = []
    for n, at in enumerate(answer_positions):
        choices = [f"wrong {n}-{i}" for i in range(3)]
        choices.insert(at, f"right {n}")
        questions.append(
            MultipleChoice(
                id=f"q{n}",
                prompt="Which?",
                source="A sentence.",
                choices=tuple(choices),
                answers=(f"right {n}",),
                multiple=multiple,
            )
        )
    return Bank(
        id="b", title="B", source=Source(title="A", text="A sentence."), questions=tuple(questions)
    )


def test_answers_mostly_first_draw_advice_naming_the_position_and_counts() -> None:
    line = answer_position_advice(_bank([0, 0, 0, 0, 0, 2, 0]))
    assert line is not None
    assert line.startswith("the right answer is choice 1 in 6 of 7 single-answer")


def test_spread_answers_few_questions_and_multi_answer_questions_draw_none() -> None:
    assert answer_position_advice(_bank([0, 1, 2, 3, 0, 1, 2, 3])) is None
    assert answer_position_advice(_bank([0, 0, 0])) is None  # too few to tell
    assert answer_position_advice(_bank([0] * 8, multiple=True)) is None


def test_the_shipped_bank_has_its_answers_spread_and_advice_lines_name_their_code() -> None:
    from quiz.bank import load_bank

    assert answer_position_advice(load_bank(FOUNDING_BANK)) is None
    assert advice(load_bank(FOUNDING_BANK)) == []  # revised with the item review (issue 16)
    bank = load_bank(DATA / "item-review" / "shipped-before-revision.yaml")
    assert answer_position_advice(bank) is None
    lines = advice(bank)
    assert lines and all(line.startswith("advice ") for line in lines)
    assert not any(line.startswith("advice answer-position") for line in lines)
    assert any(line.startswith("advice key-longest [q-joint-announcement-mc]: ") for line in lines)
