"""The shuffles every export shares: stable, balanced, and never giving the answer away."""

from __future__ import annotations

from collections import Counter

from quiz.bank.model import Matching, MultipleChoice, Ordering, Pair
from quiz.export.arrange import Arranger
from tests.export.conftest import make_bank


def single(i: int, size: int = 4) -> MultipleChoice:
    choices = tuple(f"q{i}-c{j}" for j in range(size))
    return MultipleChoice(id=f"q{i}", prompt="?", source="s", choices=choices, answers=choices[:1])


def test_right_answers_first_in_the_bank_are_dealt_evenly() -> None:
    bank = make_bank(*(single(i) for i in range(12)))
    arranged = [Arranger.for_bank(bank).choices(q) for q in bank.questions]
    assert Counter(q.choices.index(q.answers[0]) for q in arranged) == {0: 3, 1: 3, 2: 3, 3: 3}
    for before, after in zip(bank.questions, arranged, strict=True):
        assert isinstance(before, MultipleChoice)
        assert sorted(after.choices) == sorted(before.choices)
        assert after.answers == before.answers


def test_multi_answer_sets_are_dealt_evenly_and_listed_in_the_new_order() -> None:
    choices = ("a", "b", "c", "d", "e")
    bank = make_bank(
        *(
            MultipleChoice(
                id=f"m{i}",
                prompt="?",
                source="s",
                choices=choices,
                answers=("a", "b"),
                multiple=True,
            )
            for i in range(5)
        )
    )
    arrange = Arranger.for_bank(bank)
    used: Counter[int] = Counter()
    for question in bank.questions:
        assert isinstance(question, MultipleChoice)
        after = arrange.choices(question)
        assert set(after.answers) == {"a", "b"}
        assert list(after.answers) == [c for c in after.choices if c in after.answers]
        used.update(after.correct_indices())
    assert used == {0: 2, 1: 2, 2: 2, 3: 2, 4: 2}


def test_same_bank_same_order_and_a_seed_changes_it() -> None:
    bank = make_bank(*(single(i, 5) for i in range(8)))

    def orders(seed: int | None) -> list[tuple[str, ...]]:
        arrange = Arranger.for_bank(bank, seed)
        return [arrange.choices(q).choices for q in bank.questions if isinstance(q, MultipleChoice)]

    assert orders(None) == orders(None)
    assert orders(3) == orders(3) != orders(None)


def test_matching_and_ordering_never_in_the_right_order() -> None:
    for i in range(30):
        matching = Matching(
            id=f"m{i}", prompt="?", source="s", pairs=(Pair("a", "1"), Pair("b", "2"))
        )
        ordering = Ordering(id=f"o{i}", prompt="?", source="s", items=("x", "y", "z"))
        arrange = Arranger.for_bank(make_bank(matching, ordering))
        assert arrange.rights(matching) == ["2", "1"]
        assert sorted(arrange.items(ordering)) == ["x", "y", "z"] != arrange.items(ordering)


def test_a_bank_built_in_memory_with_odd_questions_still_arranges() -> None:
    # The same id twice with different answer counts, and an answer that is no choice.
    one = single(0)
    two = MultipleChoice(
        id="q0", prompt="?", source="s", choices=("x", "y", "z"), answers=("x", "y"), multiple=True
    )
    stray = MultipleChoice(id="s", prompt="?", source="s", choices=("x", "y"), answers=("w", "x"))
    arrange = Arranger.for_bank(make_bank(one, two, stray))
    assert set(arrange.choices(one).answers) == {"q0-c0"}
    assert set(arrange.choices(two).answers) == {"x", "y"}
    assert arrange.choices(stray).answers == ("x", "w")
