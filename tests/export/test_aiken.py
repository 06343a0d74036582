"""Aiken: read back by a port of Moodle's own Aiken reader (question/format/aiken/format.php,
``readquestions``), written from that reader, not from our writer."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.bank import load_bank
from quiz.bank.model import MultipleChoice, TrueFalse
from quiz.export import export_bank
from quiz.export.common import one_line
from tests.conftest import ALL_TYPES_BANK, FOUNDING_BANK
from tests.export.conftest import assert_spread, examples, export_twice, make_bank


@dataclass
class AikenQuestion:
    text: str
    answers: list[str] = field(default_factory=list)
    right: int = -1


def moodle_read_aiken(data: str) -> tuple[list[AikenQuestion], list[str]]:
    """Moodle's reader: (questions, errors). PHP's trim() strips " \\t\\n\\r\\0\\x0B"."""
    questions: list[AikenQuestion] = []
    errors: list[str] = []
    question: AikenQuestion | None = None
    for number, raw in enumerate(re.split(r"\r|\n", data), start=1):
        line = raw.strip(" \t\n\r\0\x0b")
        if len(line.encode()) < 2:
            continue
        if re.match(r"^[A-Z][).][ \t]?", line):
            if question is None:
                errors.append(f"{number}: choice outside a question")
                continue
            question.answers.append(line[2:].strip(" \t\n\r\0\x0b"))
        elif re.match(r"^ANSWER:", line):
            if question is None:
                errors.append(f"{number}: answer outside a question")
                continue
            letter = line[line.index(":") + 1 :].strip(" \t\n\r\0\x0b")[:1]
            if len(question.answers) < 2:
                errors.append(f"{number}: fewer than 2 choices")
                question = None
                continue
            question.right = ord(letter) - ord("A")
            questions.append(question)
            question = None
        else:
            if question is not None:
                errors.append(f"{number}: question not complete")
            question = AikenQuestion(line)
    return questions, errors


def test_all_types_bank_keeps_single_answer_multiple_choice_only() -> None:
    result = export_bank(load_bank(ALL_TYPES_BANK), "aiken")
    # The choices in their seeded shuffle (the bank lists the right one first).
    assert result.data.decode() == (
        "Who opened the new bridge?\nA. Marta Silva\nB. Ana Costa\nC. Rui Lopes\n"
        "D. João Pires\nANSWER: B\n"
    )
    assert result.exported == 1
    assert result.notes == (
        "skipped 1 multiple-answer question, 1 true/false question, 1 cloze question, "
        "2 short answer questions, 1 matching question, 1 numeric question and "
        "1 ordering question: Aiken holds only single-answer multiple choice",
    )


def test_founding_bank_reads_back_in_moodle_with_a_spread_key(tmp_path: Path) -> None:
    """``quiz export`` run twice gives the same bytes; Moodle's reader finds every right answer
    where ``ANSWER:`` says, and the answers are spread over A-D."""
    bank = load_bank(FOUNDING_BANK)
    expected = [q for q in bank.questions if isinstance(q, MultipleChoice) and not q.multiple]
    questions, errors = moodle_read_aiken(export_twice("aiken", tmp_path).decode())
    assert errors == []
    assert len(questions) == len(expected) > 10
    for got, want in zip(questions, expected, strict=True):
        assert got.text.removeprefix("Q: ") == one_line(want.prompt)
        assert sorted(got.answers) == sorted(one_line(c) for c in want.choices)
        assert got.answers[got.right] == one_line(want.answers[0])
    assert_spread([q.right for q in questions])


def test_another_seed_another_key(tmp_path: Path) -> None:
    bank = load_bank(FOUNDING_BANK)
    default = moodle_read_aiken(export_bank(bank, "aiken").data.decode())[0]
    other = moodle_read_aiken(export_twice("aiken", tmp_path, "--seed", "7").decode())[0]
    assert [q.right for q in other] != [q.right for q in default]
    assert all(
        q.answers[q.right] == p.answers[p.right] for q, p in zip(other, default, strict=True)
    )
    assert_spread([q.right for q in other])


def test_prompts_that_look_like_choices_or_answers_are_kept_as_prompts() -> None:
    bank = make_bank(
        *(
            MultipleChoice(
                id=f"q{i}", prompt=prompt, source="s", choices=("x", "y"), answers=("y",)
            )
            for i, prompt in enumerate(
                [
                    "U.S. troops: how many?",
                    "B) or not",
                    "ANSWER: this",
                    "?",
                    "Line one\nA. line two",
                ]
            )
        )
    )
    questions, errors = moodle_read_aiken(export_bank(bank, "aiken").data.decode())
    assert errors == []
    assert [q.text for q in questions] == [
        "Q: U.S. troops: how many?",
        "Q: B) or not",
        "Q: ANSWER: this",
        "Q: ?",
        "Line one A. line two",
    ]
    assert all(q.answers[q.right] == "y" for q in questions)


def test_nothing_to_export_says_so() -> None:
    result = export_bank(make_bank(TrueFalse(id="t", prompt="p", source="s", answer=True)), "aiken")
    assert result.data == b""
    assert result.notes[-1] == "no single-answer multiple choice questions: the Aiken file is empty"


line_text = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30).filter(
    lambda t: one_line(t) != ""
)


@settings(max_examples=examples(200), deadline=None)
@given(
    prompt=line_text,
    choices=st.lists(line_text, min_size=2, max_size=6, unique_by=one_line),
    right=st.integers(0, 5),
)
def test_any_text_reads_back(prompt: str, choices: list[str], right: int) -> None:
    answer = choices[right % len(choices)]
    bank = make_bank(
        MultipleChoice(id="q", prompt=prompt, source="s", choices=tuple(choices), answers=(answer,))
    )
    (question,), errors = moodle_read_aiken(export_bank(bank, "aiken").data.decode())
    assert errors == []
    assert question.text.removeprefix("Q: ") == one_line(prompt)
    assert sorted(question.answers) == sorted(one_line(c) for c in choices)
    assert question.answers[question.right] == one_line(answer)
