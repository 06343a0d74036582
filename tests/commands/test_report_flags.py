"""Learners' flags reach the teacher: each learner flags questions in their own scores database,
runs the real ``quiz results export``, and the teacher's ``quiz report --results`` (text, JSON,
CSV, HTML, and the ``--tui`` screen under Pilot) shows the flagged questions with how often
each was flagged and the notes, whole and literal."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from rich.text import Text
from textual.widgets import DataTable, Static

from quiz.bank import load_bank
from quiz.report import analyse, learner_names, read_results
from quiz.store import Store
from quiz.tui.app import QuizApp
from quiz.tui.config import AppConfig, StartReport
from quiz.tui.screens.report import ReportScreen
from tests.conftest import ALL_TYPES_BANK
from tests.store.helpers import graded
from tests.tui.conftest import FIXED_DATA_DIR

T0 = datetime(2025, 9, 3, 14, 0, tzinfo=UTC)
LONG_NOTE = (
    "The article says approximately 12 million euros, and the statement says 20 million, "
    "so True can never be right; but the word approximately makes me unsure [b]what[/b] is asked"
)


def quiz(*args: str | Path, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QUIZ_DATA_DIR": str(data_dir)}
    return subprocess.run(
        [sys.executable, "-m", "quiz", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def learner(
    data_dir: Path, answers: list[tuple[str, object]], flags: list[tuple[str, str, str]]
) -> None:
    """A learner answered these (question, response) pairs, then raised these flags
    (question, reason, note) after the feedback, in one session on their own computer."""
    bank = load_bank(ALL_TYPES_BANK)
    moments = iter(T0 + timedelta(seconds=n) for n in range(1000))
    with Store.open(data_dir, clock=lambda: next(moments), fuzz=False) as store:
        session = store.start_session(bank.id, "play")
        for qid, response in answers:
            store.record(graded(bank, qid, response, store.now()), session_id=session)
        for qid, reason, note in flags:
            store.flag(bank.id, qid, reason, note)
        store.end_session(session)


def hand_in(tmp_path: Path) -> tuple[Path, Path]:
    carol, dan = tmp_path / "carol", tmp_path / "dan"
    learner(
        carol,
        [("q-cost-tf", True), ("q-mayor-mc", 1)],
        [("q-cost-tf", "unclear", LONG_NOTE), ("q-mayor-mc", "wrong", "")],
    )
    learner(dan, [("q-cost-tf", False)], [("q-cost-tf", "wrong", "the key is False")])
    files = []
    for data_dir in (carol, dan):
        out = tmp_path / "hand-in" / f"{data_dir.name}.jsonl"
        result = quiz("results", "export", "-o", out, data_dir=data_dir)
        assert result.returncode == 0, result.stderr
        files.append(out)
    return files[0], files[1]


def test_results_export_carries_the_flags_and_notes(tmp_path: Path) -> None:
    learner(
        tmp_path,
        [("q-cost-tf", True), ("q-mayor-mc", 1)],
        [("q-cost-tf", "unclear", "20 or 12?")],
    )
    out = tmp_path / "carol.jsonl"
    result = quiz("results", "export", "-o", out, data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == f"wrote 2 answers and 1 flag to {out}\n"
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["question_id"] for r in lines] == ["q-cost-tf", "q-mayor-mc"]
    # on the answer it was raised after, once
    assert [(f["reason"], f["note"]) for f in lines[0]["flags"]] == [("unclear", "20 or 12?")]
    assert lines[0]["flags"][0]["flagged_at"] > lines[1]["answered_at"]
    assert lines[1]["flags"] == []


def test_class_report_shows_flagged_questions_with_counts_and_notes(tmp_path: Path) -> None:
    carol, dan = hand_in(tmp_path)
    # carol's file twice: her flags count once, as her answers do
    args = ("report", ALL_TYPES_BANK, "--results", carol, "--results", dan, "--results", carol)
    result = quiz(*args, data_dir=tmp_path / "teacher")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "flagged by learners: q-cost-tf (2), q-mayor-mc (1)" in lines
    at = lines.index(
        "                             flagged 2 times by 2 learners: unclear (1), answer wrong (1)"
    )
    # the notes whole, wrapped under the question, literal
    assert lines[at - 3].endswith("q-cost-tf · true or false")
    notes = " ".join(line.strip() for line in lines[at + 1 : at + 5])
    assert f"“{LONG_NOTE}” (unclear)" in notes
    assert "“the key is False” (answer wrong)" in notes
    assert "                             flagged once: answer wrong" in lines

    as_json = json.loads(quiz(*args, "--json", data_dir=tmp_path / "teacher").stdout)
    assert as_json["learner_flags"] == [
        {"id": "q-cost-tf", "count": 2, "reasons": {"unclear": 1, "wrong": 1}},
        {"id": "q-mayor-mc", "count": 1, "reasons": {"wrong": 1}},
    ]
    cost = next(q for q in as_json["questions"] if q["id"] == "q-cost-tf")
    assert cost["flag_count"] == 2
    assert [(f["reason"], f["note"]) for f in cost["flags"]] == [
        ("unclear", LONG_NOTE),
        ("wrong", "the key is False"),
    ]

    sheet = tmp_path / "report.csv"
    assert quiz(*args, "--format", "csv", "-o", sheet, data_dir=tmp_path).returncode == 0
    rows = list(csv.DictReader(io.StringIO(sheet.read_text(encoding="utf-8-sig"))))
    row = next(r for r in rows if r["question"] == "q-cost-tf")
    assert row["learner_flag_count"] == "2"
    assert row["learner_flags"] == f"unclear: {LONG_NOTE}\nwrong: the key is False"

    page = tmp_path / "report.html"
    assert quiz(*args, "--format", "html", "-o", page, data_dir=tmp_path).returncode == 0
    html = page.read_text(encoding="utf-8")
    assert "flagged by learners: q-cost-tf (2), q-mayor-mc (1)" in html
    assert "flagged 2 times by 2 learners: unclear (1), answer wrong (1)" in html
    assert "[b]what[/b] is asked” (unclear)" in html


async def test_report_screen_shows_the_flags(tmp_path: Path) -> None:
    carol, dan = hand_in(tmp_path)
    flags: list[object] = []
    read = [(str(f), read_results(f, flags)) for f in (carol, dan)]  # type: ignore[arg-type]
    report = analyse(
        load_bank(ALL_TYPES_BANK),
        [a for _, found in read for a in found],
        flags,
        names=learner_names(read),
    )
    app = QuizApp(AppConfig(data_dir=FIXED_DATA_DIR, start=StartReport(report)))
    app.animation_level = "none"
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReportScreen)
        summary = str(screen.query_one("#report-summary", Static).render())
        assert "flagged by learners: q-cost-tf (2), q-mayor-mc (1)" in summary
        table = screen.query_one("#report-questions", DataTable)
        columns = [c.label.plain for c in table.columns.values()]
        rows = {}
        for n in range(table.row_count):
            cells = [c.plain if isinstance(c, Text) else str(c) for c in table.get_row_at(n)]
            # each row is keyed by its question's id (the column shows the prompt)
            qid = table.coordinate_to_cell_key((n, 0)).row_key.value
            rows[qid] = (n, cells[columns.index("flags")])
        assert rows["q-cost-tf"][1] == "2" and rows["q-mayor-mc"][1] == "1"
        for _ in range(rows["q-cost-tf"][0]):
            await pilot.press("down")
        detail = str(screen.query_one("#report-detail", Static).render())
        assert "flagged 2 times by 2 learners: unclear (1), answer wrong (1)" in detail
        assert "[b]what[/b]" in detail  # a note is shown as written, never as markup
        assert "“the key is False” (answer wrong)" in detail


def test_a_flag_with_no_answer_has_a_line_of_its_own(tmp_path: Path) -> None:
    learner(tmp_path, [], [("q-cost-tf", "other", "typo in the prompt")])
    out = tmp_path / "carol.jsonl"
    result = quiz("results", "export", "-o", out, data_dir=tmp_path)
    assert result.stderr.startswith(f"wrote 0 answers and 1 flag to {out}\n")
    [line] = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert set(line) == {"format", "learner_id", "bank_id", "question_id", "flags"}
    report = quiz("report", ALL_TYPES_BANK, "--results", out, data_dir=tmp_path / "teacher")
    assert report.returncode == 0, report.stderr
    assert "                             flagged once: other" in report.stdout.splitlines()


def test_a_bad_flag_is_a_file_line_message(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    line = {
        "format": "quiz-results/1",
        "learner_id": "x",
        "bank_id": "riverton-bridge",
        "question_id": "q-cost-tf",
        "outcome": "right",
        "answered_at": "2025-09-03T14:00:00+00:00",
        "flags": [{"note": 3}],
    }
    bad.write_text(json.dumps(line) + "\n", encoding="utf-8")
    result = quiz("report", ALL_TYPES_BANK, "--results", bad, data_dir=tmp_path)
    assert result.returncode == 1
    assert result.stderr == (
        f"{bad}:1: flag 1 needs a 'reason' and may have a 'note' and 'flagged_at', all text\n"
    )
