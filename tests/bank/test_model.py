"""The bank model's own behaviour: lookups by id, and edited copies that stay independent."""

from __future__ import annotations

from msgspec.structs import replace

from quiz.bank.model import Bank, Source, TrueFalse


def _question(qid: str) -> TrueFalse:
    return TrueFalse(id=qid, prompt=f"Statement {qid}.", source=f"Sentence {qid}.", answer=True)


def _bank(*qids: str) -> Bank:
    return Bank(
        id="b",
        title="A bank",
        source=Source(title="An article", text="Some text."),
        questions=tuple(_question(q) for q in qids),
    )


def test_a_question_is_found_by_its_id_and_an_unknown_id_is_not() -> None:
    bank = _bank("q1", "q2")
    assert bank.question("q2") == _question("q2")
    assert bank.question("q3") is None


def test_an_edited_copy_finds_its_own_questions_and_leaves_the_original_alone() -> None:
    original = _bank("q1", "q2")
    assert original.question("q1") is not None  # the original's index is built first

    edited = replace(original, questions=(_question("q2"), _question("q3")))

    assert edited.question("q1") is None
    assert edited.question("q3") == _question("q3")
    assert original.question("q1") is not None
    assert original.question("q3") is None


def test_banks_compare_by_content_whatever_lookups_were_made() -> None:
    looked_up, fresh = _bank("q1"), _bank("q1")
    looked_up.question("q1")
    assert looked_up == fresh
