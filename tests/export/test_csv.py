"""CSV: read back with Python's csv module, as a spreadsheet would read it."""

from __future__ import annotations

import csv
import io
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.bank import load_bank
from quiz.bank.model import MultipleChoice, Numeric, ShortAnswer
from quiz.export import export_bank
from quiz.export.common import clean
from quiz.export.csv_export import COLUMNS
from tests.conftest import ALL_TYPES_BANK, FOUNDING_BANK
from tests.export.conftest import examples, make_bank


def read(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_rfc_4180_layout() -> None:
    data = export_bank(load_bank(ALL_TYPES_BANK), "csv").data
    body = data.decode("utf-8-sig")
    assert body.startswith(",".join(COLUMNS) + "\r\n")
    assert body.endswith("\r\n")
    # every record ends in CRLF; a bare LF appears only inside a quoted cell
    records = list(csv.reader(io.StringIO(body, newline="")))
    assert len(records) == 10 and all(len(r) == len(COLUMNS) for r in records)


def test_one_row_per_question_with_its_fields() -> None:
    bank = load_bank(ALL_TYPES_BANK)
    rows = read(export_bank(bank, "csv").data)
    assert [r["id"] for r in rows] == [q.id for q in bank.questions]
    assert [r["type"] for r in rows] == [q.TYPE for q in bank.questions]
    first = rows[0]
    assert first == {
        "id": "q-mayor-mc",
        "type": "multiple_choice",
        "prompt": "Who opened the new bridge?",
        "answer": "Ana Costa",
        "choices": "Ana Costa\nMarta Silva\nJoão Pires\nRui Lopes",
        "source": "The mayor of Riverton, Ana Costa, opened the new bridge on Monday.",
        "explanation": "The mayor, Ana Costa, opened it on Monday.",
        "tags": "people",
        "accept": "",
        "difficulty": "1",
    }
    by_id = {r["id"]: r for r in rows}
    assert by_id["q-cost-cloze"]["answer"] == "12; three"
    assert by_id["q-cost-cloze"]["accept"] == "12 / twelve\nthree / 3"
    assert by_id["q-mayor-short"]["accept"] == "Costa"
    assert by_id["q-cars-numeric"]["answer"] == "4,000 cars"
    assert by_id["q-timeline-order"]["answer"] == (
        "Construction begins → The bridge is finished → The ferry stops running"
    )
    assert by_id["q-quote-literal"]["prompt"].startswith("[b]Who[/b] said “This bridge")


def test_founding_bank_round_trips() -> None:
    bank = load_bank(FOUNDING_BANK)
    rows = read(export_bank(bank, "csv").data)
    assert len(rows) == len(bank.questions) == 70
    for row, question in zip(rows, bank.questions, strict=True):
        assert row["prompt"] == clean(question.prompt)
        assert row["source"] == clean(question.source)


def test_formulas_are_not_run_but_numbers_stay_numbers() -> None:
    bank = make_bank(
        ShortAnswer(
            id="f",
            prompt='=HYPERLINK("http://x")',
            source="@SUM(A1)",
            answers=("+1+cmd|' /C calc'!A0",),
            explanation="-2+3",
        ),
        Numeric(id="n", prompt="?", source="s", answer=-5),
        MultipleChoice(
            id="m", prompt="?", source="s", choices=("-5", "+3", "-1.5%"), answers=("-5",)
        ),
    )
    rows = read(export_bank(bank, "csv").data)
    assert rows[0]["prompt"] == '\'=HYPERLINK("http://x")'
    assert rows[0]["source"] == "'@SUM(A1)"
    assert rows[0]["answer"] == "'+1+cmd|' /C calc'!A0"
    assert rows[0]["explanation"] == "'-2+3"
    assert rows[1]["answer"] == "-5"
    assert rows[2]["answer"] == "-5"
    assert rows[2]["choices"] == "'-5\n+3\n-1.5%"  # several lines: no longer a plain number


cell_text = st.lists(
    st.one_of(
        st.sampled_from([",", '"', "\n", "\r\n", ";", "'", "é", " "]),
        st.characters(blacklist_categories=("Cs",)),
    )
).map("".join)


@settings(max_examples=examples(200), deadline=None)
@given(prompt=cell_text, explanation=cell_text, answers=st.lists(cell_text, min_size=1, max_size=3))
def test_any_text_reads_back(prompt: str, explanation: str, answers: list[str]) -> None:
    bank = make_bank(
        ShortAnswer(
            id="q", prompt=prompt, source="s", explanation=explanation, answers=tuple(answers)
        )
    )
    (row,) = read(export_bank(bank, "csv").data)

    def plain_number(value: str) -> bool:
        body = value[1:] if value[:1] in "+-" else value
        body = body.removesuffix("%")
        whole, dot, fraction = body.partition(".")
        return (
            any(ch.isdigit() for ch in body)
            and re.fullmatch(r"(?:\d[\d,]*)?", whole) is not None
            and (not dot or fraction.isdigit())
        )

    def guarded(value: str) -> str:
        value = clean(value)
        if value[:1] in ("=", "+", "-", "@") and not plain_number(value):
            return "'" + value
        return value

    assert row["prompt"] == guarded(prompt)
    assert row["explanation"] == guarded(explanation)
    assert row["answer"] == guarded(answers[0])
