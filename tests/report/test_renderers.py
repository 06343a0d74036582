"""The CSV and HTML renderers with hostile text (from banks, results files and file names), the
per-student table and the names learners get."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from msgspec.structs import replace

from quiz.bank import load_bank
from quiz.report import Report, analyse, learner_names, read_results, to_csv, to_html, to_json
from tests.conftest import ALL_TYPES_BANK, DATA

ALICE = DATA / "results" / "alice.jsonl"
BOB = DATA / "results" / "bob.jsonl"
SCRIPT = '<script>alert("x")</script> & [b]bold[/b]'


def _report(prompt: str, names: dict[str, str]) -> Report:
    bank = load_bank(ALL_TYPES_BANK)
    first = replace(bank.questions[0], prompt=prompt)
    bank = replace(bank, questions=(first, *bank.questions[1:]))
    attempts = read_results(ALICE) + read_results(BOB)
    ids = list(dict.fromkeys(a.learner_id for a in attempts))
    return analyse(bank, attempts, names=dict(zip(ids, names.values(), strict=False)))


def _sections(text: str) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    blank = rows.index([])
    questions = [dict(zip(rows[0], r, strict=True)) for r in rows[1:blank]]
    students = [dict(zip(rows[blank + 1], r, strict=True)) for r in rows[blank + 2 :]]
    return questions, students


def test_csv_guards_formulas_only() -> None:
    report = _report('=HYPERLINK("http://x","y")', {"a": "@SUM(A1)", "b": "-5"})
    questions, students = _sections(to_csv(report))
    mc = next(q for q in questions if q["question"] == "q-mayor-mc")
    assert mc["prompt"] == '\'=HYPERLINK("http://x","y")'
    names = sorted(s["learner"] for s in students)
    assert names == ["'@SUM(A1)", "-5"]  # a plain number is left as it is
    # figures are numbers: no guard, no percent sign
    assert mc["percent_right"] == "33.3" and mc["median_seconds"] == "10"
    assert mc["discrimination_status"] == "too_few_learners"
    assert mc["discrimination_point_biserial"] == ""
    assert mc["check"] == "too few learners (2; it needs 5)"
    assert mc["wrong_options"] == "Marta Silva (2)\nJoão Pires (0)\nRui Lopes (0)"


def test_csv_line_ends_and_mark() -> None:
    text = to_csv(_report("Who?", {}))
    assert text.startswith("\ufeffquestion,type,prompt,")
    assert "\r\n\r\nlearner,learner_id,attempts," in text


def test_html_escapes_every_text() -> None:
    page = to_html(_report(SCRIPT, {"a": "<b>Ann</b>", "b": "Bob & co"}))
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; [b]bold[/b]" in page
    assert "<td>&lt;b&gt;Ann&lt;/b&gt;</td>" in page
    assert "<td>Bob &amp; co</td>" in page
    assert "too few learners (2; it needs 5)" in page


def test_json_has_the_new_fields_and_keeps_the_old() -> None:
    data = to_json(_report("Who?", {"a": "alice", "b": "bob"}))
    mc = next(q for q in data["questions"] if q["id"] == "q-mayor-mc")
    assert mc["wrong_options"][0] == {"text": "Marta Silva", "count": 2, "in_bank": True}
    assert mc["discrimination"]["status"] == "too_few_learners"
    assert mc["discrimination"]["point_biserial"] is None
    assert data["discrimination"]["flagged"] == []
    assert [(s["name"], s["attempts"], s["percent_right"]) for s in data["students"]] == [
        ("alice", 10, 50.0),
        ("bob", 9, 55.6),
    ]


def test_students_missed_in_bank_order() -> None:
    report = _report("Who?", {"a": "alice", "b": "bob"})
    alice, bob = report.students
    assert alice.missed == [
        "q-mayor-mc",
        "q-facts-multi",
        "q-cost-tf",
        "q-cars-numeric",
        "q-timeline-order",
    ]
    assert (alice.attempts, alice.right, alice.questions, alice.sessions) == (10, 5, 8, 2)
    assert bob.missed[-1] == "q-old-removed"  # no longer in the bank: listed last


def test_learner_names() -> None:
    alice, bob = read_results(ALICE), read_results(BOB)
    assert learner_names([(str(ALICE), alice), ("class/bob.jsonl", bob)]) == {
        alice[0].learner_id: "alice",
        bob[0].learner_id: "bob",
    }
    # the same learner in two files; two learners in one file named alike
    names = learner_names([("a.jsonl", alice), ("b.jsonl", alice), ("this computer", bob)])
    assert names[alice[0].learner_id] == "a + b"
    assert names[bob[0].learner_id] == "this computer"
    both = learner_names([("x/all.jsonl", alice + bob)])
    assert both[alice[0].learner_id] == f"all ({alice[0].learner_id[:8]})"


def test_text_output_to_a_file(tmp_path: Path) -> None:
    from tests.commands.test_report_command import quiz

    out = tmp_path / "report.txt"
    result = quiz("report", ALL_TYPES_BANK, "--results", ALICE, "-o", out, data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("Riverton opens its bridge")
