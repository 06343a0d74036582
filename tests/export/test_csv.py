"""CSV: read back with Python's csv module, as a spreadsheet would read it."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.bank import load_bank
from quiz.bank.model import Matching, MultipleChoice, Numeric, Ordering, ShortAnswer
from quiz.export import export_bank
from quiz.export.common import clean
from quiz.export.csv_export import COLUMNS, formula_like
from tests.conftest import ALL_TYPES_BANK, FOUNDING_BANK
from tests.export.conftest import assert_spread, examples, export_twice, make_bank


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
        "choices": "Marta Silva\nAna Costa\nRui Lopes\nJoão Pires",  # seeded shuffle
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
    # Matching and ordering: the options as a learner sees them, shuffled.
    assert by_id["q-numbers-match"]["choices"] == (
        "euros the bridge cost\nyears of construction\ncars expected every day"
    )
    assert by_id["q-timeline-order"]["choices"] == (
        "The ferry stops running\nConstruction begins\nThe bridge is finished"
    )
    assert by_id["q-quote-literal"]["prompt"].startswith("[b]Who[/b] said “This bridge")


def test_founding_bank_round_trips_with_its_options_shuffled(tmp_path: Path) -> None:
    """``quiz export`` run twice gives the same bytes; every text reads back; the right answers
    of multiple choice are spread over the shown choices, matching options and ordering items
    are never shown in the right order."""
    bank = load_bank(FOUNDING_BANK)
    rows = read(export_twice("csv", tmp_path))
    assert len(rows) == len(bank.questions)
    single: list[int] = []
    multi: list[set[int]] = []
    for row, question in zip(rows, bank.questions, strict=True):
        assert row["prompt"] == clean(question.prompt)
        assert row["source"] == clean(question.source)
        shown = row["choices"].split("\n") if row["choices"] else []
        if isinstance(question, MultipleChoice):
            assert sorted(shown) == sorted(question.choices)
            right = [shown.index(a) for a in row["answer"].split("; ")]
            assert sorted(shown[i] for i in right) == sorted(question.answers)
            if question.multiple:
                multi.append(set(right))
            else:
                single.append(right[0])
        elif isinstance(question, Matching):
            rights = [p.right for p in question.pairs]
            assert sorted(shown) == sorted(rights) and shown != rights
        elif isinstance(question, Ordering):
            assert sorted(shown) == sorted(question.items) and shown != list(question.items)
        else:
            assert shown == []
    assert_spread(single, multi)


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
    # several lines starting with a sign: no longer a plain number
    assert rows[2]["choices"][0] == "'"
    assert sorted(rows[2]["choices"][1:].split("\n")) == ["+3", "-1.5%", "-5"]


# (cell, guarded): what a spreadsheet would read as a formula gets a leading "'".
FORMULA_CASES = [
    ("=1+1", True),
    ('=HYPERLINK("http://x")', True),
    ("+A1", True),
    ("-2+3", True),
    ("@SUM(A1)", True),
    ("-", True),
    ("-,", True),
    ("+", True),
    ("- 5", True),  # a formula: -(5)
    ("-5 % of it", True),
    ("+3 SUM(A1)", True),
    ("-1 cmd|' /C calc'!A0", True),
    ("-5 points(x)", True),
    ("-5 A1:B2", True),
    ('-5 "x"', True),
    ("-5\n+3", True),
    ("-5\tpoints", True),
    ("-1,0000", True),
    ("-1.", True),
    ("+٣", True),  # not an ASCII digit
    ("-12.5 (± 0.5)", False),
    ("-2 °C (± 0.5)", False),
    ("+3 points", False),
    ("-5", False),
    ("+3", False),
    ("-1.5%", False),
    ("+1,000", False),
    ("-.5", False),
    ("-5 points, roughly", False),
    ("-5  two spaces", False),
    ("text", False),
    ("", False),
    ("'=1+1", False),
]


@pytest.mark.parametrize(("value", "guarded"), FORMULA_CASES)
def test_formula_rule(value: str, guarded: bool) -> None:
    assert formula_like(value) is guarded
    bank = make_bank(ShortAnswer(id="q", prompt="p", source="s", answers=("a",), explanation=value))
    (row,) = read(export_bank(bank, "csv").data)
    assert row["explanation"] == ("'" + value if guarded else value)


def test_numeric_answers_with_a_tolerance_stay_as_written(tmp_path: Path) -> None:
    bank = make_bank(
        Numeric(id="n", prompt="?", source="s", answer=-12.5, tolerance=0.5),
        Numeric(id="u", prompt="?", source="s", answer=-2, tolerance=0.5, unit="°C"),
    )
    rows = read(export_bank(bank, "csv").data)
    assert [r["answer"] for r in rows] == ["-12.5 (± 0.5)", "-2 °C (± 0.5)"]


cell_text = st.lists(
    st.one_of(
        st.sampled_from([",", '"', "\n", "\r\n", ";", "'", "é", " "]),
        st.sampled_from(["-", "+", "=", "@", "12", "1,000", ".5", "%", " (± 0.5)", " points"]),
        st.sampled_from(["SUM(", "A1", "|", "!", ":", "(", ")", "\t", "٣"]),
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

    def number(text: str) -> bool:
        """ASCII digits, maybe grouped by threes with commas, maybe a fraction and a "%"."""
        whole, dot, fraction = text.removesuffix("%").partition(".")
        groups = whole.split(",")
        digits = all(g.isascii() and g.isdigit() for g in groups)
        grouped = len(groups) == 1 or (
            1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])
        )
        if whole == "":
            digits = grouped = True
        if dot and not (fraction.isascii() and fraction.isdigit()):
            return False
        return (whole != "" or fraction != "") and digits and grouped

    def plain_words(text: str) -> bool:
        """No operator, reference, string or call syntax, no tab or line break."""
        if any(ch in '=+-*/^&%<>:!|"@#$[]{}~\\\t\r\n' for ch in text):
            return False
        return not any(
            text[i] == "(" and i > 0 and (text[i - 1].isalnum() or text[i - 1] in "_.")
            for i in range(len(text))
        )

    def guarded(value: str) -> str:
        value = clean(value)
        if value[:1] in ("=", "@"):
            return "'" + value
        if value[:1] in ("+", "-"):
            head, space, tail = value[1:].partition(" ")
            if not (number(head) and (not space or plain_words(tail))):
                return "'" + value
        return value

    assert row["prompt"] == guarded(prompt)
    assert row["explanation"] == guarded(explanation)
    assert row["answer"] == guarded(answers[0])
