"""``quiz report`` and ``quiz results export`` as a teacher and a learner run them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from quiz.bank import load_bank
from quiz.grading import grade
from quiz.record import Answer
from quiz.store import Store
from tests.conftest import ALL_TYPES_BANK, DATA
from tests.store.helpers import graded

RESULTS = DATA / "results"
ALICE = RESULTS / "alice.jsonl"
BOB = RESULTS / "bob.jsonl"
T0 = datetime(2025, 9, 3, 14, 0, tzinfo=UTC)


def quiz(*args: str | Path, data_dir: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if data_dir is not None:
        env["QUIZ_DATA_DIR"] = str(data_dir)
    return subprocess.run(
        [sys.executable, "-m", "quiz", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def _record(data_dir: Path, answers: list[tuple[str, object]], flag: bool = False) -> None:
    """A learner on this computer answered these (question id, response) pairs."""
    bank = load_bank(ALL_TYPES_BANK)
    with Store.open(data_dir, clock=lambda: T0, fuzz=False) as store:
        session = store.start_session(bank.id, "play")
        for n, (qid, response) in enumerate(answers):
            at = T0 + timedelta(seconds=n)
            store.record(graded(bank, qid, response, at), session_id=session)
        store.end_session(session)
        if flag:
            store.flag(bank.id, "q-cost-tf", "unclear", "20 or 12?")


REPORT_TWO_FILES = f"""\
Riverton opens its bridge (riverton-bridge)
2 learners, 19 attempts in 4 sessions, 53% right, 2025-09-01 to 2025-09-02
from {ALICE} (10), {BOB} (9)
discrimination: too few learners (2; it needs 5), so none is given

right  asked  median  discr  question (hardest first)
  33%      3   10.0s      –  q-mayor-mc · multiple choice
                             Who opened the new bridge?
                             wrong options picked: Marta Silva (2), João Pires (0), Rui Lopes (0)
  33%      3    5.0s      –  q-cost-tf · true or false
                             The bridge cost approximately 20 million euros.
                             wrong answers: True (2)
  50%      2   19.0s      –  q-facts-multi · multiple choice
                             Which of these are true of the bridge? Pick all that apply.
                             wrong options picked: It replaced a tunnel (1)
  50%      2   35.0s      –  q-numbers-match · matching
                             Match each number to what it counts.
                             wrong answers: 12 million → cars expected every day; 4,000 → euros the
                               bridge cost; three → years of construction (1)
  50%      2    7.5s      –  q-cars-numeric · number
                             About how many cars are expected to cross the bridge every day?
                             wrong answers: 400 (1)
  50%      2   23.5s      –  q-timeline-order · put in order
                             Put these events in order.
                             wrong answers: The bridge is finished → Construction begins → The ferry
                               stops running (1)
 100%      2   11.0s      –  q-cost-cloze · fill in the blank
                             The bridge cost approximately ___ million euros and took ___ years to
                             build.
 100%      2    9.5s      –  q-mayor-short · short answer
                             Who is the mayor of Riverton?

not asked yet (1): q-quote-literal

answers to questions no longer in the bank: q-old-removed (1)

learners (lowest score first)
score  answers  learner  missed
  50%       10  alice    q-mayor-mc, q-facts-multi, q-cost-tf, q-cars-numeric, q-timeline-order
  56%        9  bob      q-mayor-mc, q-cost-tf, q-numbers-match, q-old-removed
"""


def test_report_over_two_files(tmp_path: Path) -> None:
    result = quiz("report", ALL_TYPES_BANK, "--results", ALICE, "--results", BOB, data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == REPORT_TWO_FILES
    assert result.stderr == ""
    assert not (tmp_path / "quiz.db").exists()  # a report never creates a database


def test_report_by_bank_id_json(tmp_path: Path) -> None:
    banks = tmp_path / "banks"
    banks.mkdir()
    for name in ("all-types.yaml", "article.txt"):
        (banks / name).write_bytes((DATA / "valid" / name).read_bytes())
    (banks / "all-types.yaml").rename(banks / "riverton-bridge.yaml")
    result = quiz(
        "report",
        "riverton-bridge",
        "--json",
        "--results",
        ALICE,
        "--results",
        BOB,
        data_dir=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["learners"], data["attempts"], data["right"]) == (2, 19, 10)
    by_id = {q["id"]: q for q in data["questions"]}
    assert by_id["q-cost-tf"]["wrong_answers"] == [{"text": "True", "count": 2}]
    assert by_id["q-mayor-mc"]["median_seconds"] == 10.0


LONG_OPTION = (
    "Marta Silva (the deputy mayor who chaired the bridge committee for its first three years)"
)


def test_options_and_prompts_are_printed_whole_and_wrapped(tmp_path: Path) -> None:
    """A long wrong option (or prompt) is never cut: the teacher must read what misled."""
    bank = tmp_path / "bank.yaml"
    text = ALL_TYPES_BANK.read_text(encoding="utf-8").replace("Marta Silva", LONG_OPTION)
    bank.write_text(text, encoding="utf-8")
    (tmp_path / "article.txt").write_bytes((DATA / "valid" / "article.txt").read_bytes())
    files = []
    for source in (ALICE, BOB):
        copy = tmp_path / source.name
        copy.write_text(
            source.read_text(encoding="utf-8").replace("Marta Silva", LONG_OPTION),
            encoding="utf-8",
        )
        files += ["--results", copy]
    result = quiz("report", bank, *files, data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    at = lines.index("                             Who opened the new bridge?")
    assert lines[at + 1 : at + 4] == [
        "                             wrong options picked: Marta Silva (the deputy mayor who "
        "chaired the",
        "                               bridge committee for its first three years) (2), João "
        "Pires (0), Rui",
        "                               Lopes (0)",
    ]
    assert all(len(line) <= 100 for line in lines[at - 1 : at + 4])


def test_the_same_file_twice_counts_once(tmp_path: Path) -> None:
    result = quiz(
        "report", ALL_TYPES_BANK, "--results", ALICE, "--results", ALICE, data_dir=tmp_path
    )
    lines = result.stdout.splitlines()
    assert lines[1] == "1 learner, 10 attempts in 2 sessions, 50% right, 2025-09-01 to 2025-09-02"
    assert lines[3] == "10 attempts read twice and counted once (overlapping files)"


def test_bad_results_file_is_file_line_message(tmp_path: Path) -> None:
    bad = RESULTS / "bad" / "not-json.jsonl"
    result = quiz("report", ALL_TYPES_BANK, "--results", ALICE, "--results", bad, data_dir=tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"{bad}:2: not JSON (Expecting value, column 44); a results file has one JSON object "
        "per line, as `quiz results export` writes it\n"
    )


def test_wrong_format_tag(tmp_path: Path) -> None:
    bad = RESULTS / "bad" / "wrong-format.jsonl"
    result = quiz("report", ALL_TYPES_BANK, "--results", bad, data_dir=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith(f"{bad}:1: format 'quiz-results/2' is not one")
    assert "Traceback" not in result.stderr


def test_report_on_this_computer_with_flags(tmp_path: Path) -> None:
    _record(tmp_path, [("q-cost-tf", True), ("q-mayor-mc", 0)], flag=True)
    result = quiz("report", ALL_TYPES_BANK, data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:12] == [
        "Riverton opens its bridge (riverton-bridge)",
        "1 learner, 2 attempts in 1 session, 50% right, 2025-09-03",
        "discrimination: too few learners (1; it needs 5), so none is given",
        "flagged by learners: q-cost-tf (1)",
        "",
        "right  asked  median  discr  question (hardest first)",
        "   0%      1    4.0s      –  q-cost-tf · true or false",
        "                             The bridge cost approximately 20 million euros.",
        "                             wrong answers: True (1)",
        "                             flagged once: unclear",
        "                               “20 or 12?” (unclear)",
        " 100%      1    4.0s      –  q-mayor-mc · multiple choice",
    ]


def test_files_leave_out_this_computer_unless_local(tmp_path: Path) -> None:
    _record(tmp_path, [("q-cost-tf", True)], flag=True)
    only_files = quiz("report", ALL_TYPES_BANK, "--results", ALICE, data_dir=tmp_path)
    assert "1 learner, 10 attempts" in only_files.stdout
    assert "flagged" not in only_files.stdout
    both = quiz("report", ALL_TYPES_BANK, "--results", ALICE, "--local", data_dir=tmp_path)
    lines = both.stdout.splitlines()
    assert lines[1].startswith("2 learners, 11 attempts in 3 sessions")
    assert lines[2] == f"from {ALICE} (10), this computer (1)"
    assert "                             flagged once: unclear" in lines
    assert "                               “20 or 12?” (unclear)" in lines


def test_results_export_then_report(tmp_path: Path) -> None:
    data_dir = tmp_path / "learner"
    _record(data_dir, [("q-cost-tf", True), ("q-mayor-mc", 1), ("q-cars-numeric", "4000")])
    out = tmp_path / "hand-in" / "carol.jsonl"
    result = quiz("results", "export", "-o", out, data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert result.stderr == f"made the folder {out.parent}\nwrote 3 answers to {out}\n"
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["question_id"], r["given"], r["outcome"]) for r in lines] == [
        ("q-cost-tf", "True", "wrong"),
        ("q-mayor-mc", "Marta Silva", "wrong"),
        ("q-cars-numeric", "4000", "right"),
    ]
    assert {r["format"] for r in lines} == {"quiz-results/1"}
    assert len({r["learner_id"] for r in lines}) == 1

    teacher = tmp_path / "teacher"
    report = quiz("report", ALL_TYPES_BANK, "--results", out, "--results", ALICE, data_dir=teacher)
    assert report.returncode == 0, report.stderr
    assert report.stdout.splitlines()[1].startswith("2 learners, 13 attempts in 3 sessions")


def test_results_export_one_bank(tmp_path: Path) -> None:
    _record(tmp_path, [("q-cost-tf", True)])
    with Store.open(tmp_path) as store:  # an answer to another bank
        session = store.start_session("other-bank", "play")
        store.record(
            Answer(
                "other-bank",
                "q-x",
                "true_false",
                "True",
                grade(load_bank(ALL_TYPES_BANK).questions[2], True).outcome,
                2.0,
                T0,
            ),
            session_id=session,
        )
    out = tmp_path / "one.jsonl"
    result = quiz("results", "export", "-o", out, "--bank", ALL_TYPES_BANK, data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == f"wrote 1 answer to riverton-bridge to {out}\n"
    assert [json.loads(x)["bank_id"] for x in out.read_text().splitlines()] == ["riverton-bridge"]
    everything = quiz("results", "export", "-o", "-", data_dir=tmp_path)
    assert len(everything.stdout.splitlines()) == 2


def test_results_export_with_nothing_recorded(tmp_path: Path) -> None:
    out = tmp_path / "empty.jsonl"
    result = quiz("results", "export", "-o", out, data_dir=tmp_path / "fresh")
    assert result.returncode == 0
    assert out.read_text() == ""
    assert "no answers recorded on this computer yet" in result.stderr
    assert not (tmp_path / "fresh" / "quiz.db").exists()


def test_results_needs_an_action_and_a_file(tmp_path: Path) -> None:
    assert quiz("results", data_dir=tmp_path).returncode == 2
    assert quiz("results", "export", data_dir=tmp_path).returncode == 2


def test_report_unknown_bank(tmp_path: Path) -> None:
    result = quiz("report", "no-such-bank", data_dir=tmp_path)
    assert result.returncode == 1
    assert "no bank file or bank id 'no-such-bank'" in result.stderr
