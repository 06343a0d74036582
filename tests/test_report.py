"""Item analysis over two learners' results files with known answers (see
tests/data/results/make_results.py for what each learner answered)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from quiz.bank import load_bank
from quiz.report import (
    Attempt,
    Count,
    FlagNote,
    Report,
    ResultsError,
    analyse,
    first_answers,
    format_text,
    read_results,
    to_json,
)
from tests.conftest import ALL_TYPES_BANK, DATA

RESULTS = DATA / "results"
ALICE = RESULTS / "alice.jsonl"
BOB = RESULTS / "bob.jsonl"


def _report(*files: Path, flags: list[FlagNote] | None = None) -> Report:
    bank = load_bank(ALL_TYPES_BANK)
    attempts = [a for f in files for a in read_results(f)]
    return analyse(bank, attempts, flags or [])


def _by_id(report: Report) -> dict[str, object]:
    return {q.id: q for q in report.questions}


def test_reading_the_files() -> None:
    alice, bob = read_results(ALICE), read_results(BOB)
    assert (len(alice), len(bob)) == (10, 10)
    assert len({a.learner_id for a in alice}) == 1
    assert alice[0].question_id == "q-mayor-mc"
    assert (alice[0].given, alice[0].outcome, alice[0].seconds) == ("Marta Silva", "wrong", 10.0)
    assert {a.bank_id for a in bob} == {"riverton-bridge", "other-bank"}


def test_summary() -> None:
    report = _report(ALICE, BOB)
    assert report.learners == 2
    assert report.attempts == 19  # bob's answer to another bank is not counted
    assert report.sessions == 4
    assert report.right == 10
    assert round(report.percent_right or 0) == 53
    assert (report.first[:10], report.last[:10]) == ("2025-09-01", "2025-09-02")
    assert report.not_in_bank == [("q-old-removed", 1)]
    assert report.duplicates == 0


def test_per_question_figures() -> None:
    q = _by_id(_report(ALICE, BOB))
    expected = {
        #                   asked right median
        "q-mayor-mc": (3, 1, 10.0),
        "q-cost-tf": (3, 1, 5.0),
        "q-facts-multi": (2, 1, 19.0),
        "q-numbers-match": (2, 1, 35.0),
        "q-cars-numeric": (2, 1, 7.5),
        "q-timeline-order": (2, 1, 23.5),
        "q-cost-cloze": (2, 2, 11.0),
        "q-mayor-short": (2, 2, 9.5),  # bob's near miss counts as right
        "q-quote-literal": (0, 0, None),
    }
    for qid, (asked, right, median) in expected.items():
        item = q[qid]
        assert (item.asked, item.right, item.median_seconds) == (asked, right, median), qid
    assert round(q["q-mayor-mc"].percent_right) == 33
    assert q["q-mayor-mc"].learners == 2
    assert q["q-quote-literal"].percent_right is None


def test_wrong_options_and_answers() -> None:
    q = _by_id(_report(ALICE, BOB))
    assert q["q-mayor-mc"].wrong_options == [
        Count("Marta Silva", 2),
        Count("João Pires", 0),
        Count("Rui Lopes", 0),
    ]
    # pick all that apply: each wrong choice picked counts, the right ones do not
    assert q["q-facts-multi"].wrong_options == [Count("It replaced a tunnel", 1)]
    assert q["q-cost-tf"].wrong_answers == [Count("True", 2)]
    assert q["q-cars-numeric"].wrong_answers == [Count("400", 1)]
    assert q["q-cost-cloze"].wrong_answers == []
    assert q["q-mayor-mc"].wrong_answers == []


def test_hardest_first_never_asked_last() -> None:
    report = _report(ALICE, BOB)
    assert [q.id for q in report.questions] == [
        "q-mayor-mc",  # 33%, asked 3, first in the bank
        "q-cost-tf",  # 33%, asked 3
        "q-facts-multi",  # 50%, in bank order
        "q-numbers-match",
        "q-cars-numeric",
        "q-timeline-order",
        "q-cost-cloze",  # 100%
        "q-mayor-short",
        "q-quote-literal",  # never asked
    ]


def test_flags_listed_on_their_question() -> None:
    flags = [
        FlagNote("q-cost-tf", "unclear", "approximately or exactly?", "2025-09-02T10:00:00+00:00"),
        FlagNote("q-cost-tf", "wrong_answer"),
        FlagNote("q-gone", "outdated"),
    ]
    report = _report(ALICE, BOB, flags=flags)
    q = _by_id(report)
    assert [(f.reason, f.note) for f in q["q-cost-tf"].flags] == [
        ("unclear", "approximately or exactly?"),
        ("wrong_answer", ""),
    ]
    assert q["q-mayor-mc"].flags == []
    assert [f.question_id for f in report.flags_not_in_bank] == ["q-gone"]
    lines = format_text(report)
    assert lines[3] == "flagged by learners: q-cost-tf (2)"
    at = lines.index("                             flagged 2 times: unclear (1), wrong answer (1)")
    assert lines[at + 1] == "                               “approximately or exactly?” (unclear)"


def test_store_flags_of_other_banks_are_ignored() -> None:
    class StoreFlag:  # the shape of quiz.store.Flag
        def __init__(self, bank_id: str, question_id: str) -> None:
            self.bank_id, self.question_id = bank_id, question_id
            self.reason, self.note, self.created_at = "unclear", "", "2025-09-02"

    report = analyse(
        load_bank(ALL_TYPES_BANK),
        read_results(ALICE),
        [StoreFlag("riverton-bridge", "q-cost-tf"), StoreFlag("other", "q-cost-tf")],
    )
    assert len(_by_id(report)["q-cost-tf"].flags) == 1


def test_the_same_answers_twice_count_once() -> None:
    report = _report(ALICE, BOB, ALICE)
    assert report.attempts == 19
    assert report.duplicates == 10
    assert _by_id(report)["q-mayor-mc"].asked == 3


def test_no_answers() -> None:
    report = _report()
    assert report.attempts == 0
    assert format_text(report) == [
        "Riverton opens its bridge (riverton-bridge)",
        "no answers to this bank yet",
    ]
    assert to_json(report)["percent_right"] is None


def test_json() -> None:
    data = to_json(_report(ALICE, BOB))
    assert data["format"] == "quiz-report/1"
    assert (data["learners"], data["attempts"], data["percent_right"]) == (2, 19, 52.6)
    first = data["questions"][0]
    assert first["id"] == "q-mayor-mc"
    assert first["wrong_options"][0] == {"text": "Marta Silva", "count": 2, "in_bank": True}
    assert data["not_in_bank"] == [{"id": "q-old-removed", "attempts": 1}]


def test_question_changed_since_answers() -> None:
    """Answers given when the right answer was another are counted (and said)."""
    from msgspec.structs import replace

    bank = load_bank(ALL_TYPES_BANK)
    mc = bank.questions[0]
    changed = replace(mc, choices=("Ana Costa", "Marta", "João Pires", "Rui Lopes"))
    bank = replace(bank, questions=(changed, *bank.questions[1:]))
    report = analyse(bank, read_results(ALICE) + read_results(BOB))
    q = _by_id(report)["q-mayor-mc"]
    # "Marta Silva" is no longer an option: still counted, and marked
    assert Count("Marta Silva", 2, in_bank=False) in q.wrong_options
    assert Count("Marta", 0) in q.wrong_options
    assert "[no longer an option]" in "\n".join(format_text(report))


BAD = sorted((RESULTS / "bad").glob("*.jsonl"))
BAD_MESSAGES = {
    "bad-outcome.jsonl": "1: 'outcome' is 'maybe'; one of right, near_miss, wrong",
    "csv-instead.jsonl": "1: not JSON (Expecting value, column 1); a results file has one "
    "JSON object per line, as `quiz results export` writes it",
    "missing-learner.jsonl": "1: 'learner_id' is missing",
    "no-format.jsonl": "1: not a quiz results line: it has no 'format', not 'quiz-results/1'",
    "not-json.jsonl": "2: not JSON (Expecting value, column 44); a results file has one JSON "
    "object per line, as `quiz results export` writes it",
    "not-object.jsonl": "1: each line must be a JSON object, not a list",
    "not-utf8.jsonl": "1: not UTF-8 text; a results file is written by `quiz results export`",
    "wrong-format.jsonl": "1: format 'quiz-results/2' is not one this version of quiz reads "
    "('quiz-results/1')",
}


def test_every_bad_file_has_a_message() -> None:
    assert sorted(p.name for p in BAD) == sorted(BAD_MESSAGES)


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_bad_results_file(path: Path) -> None:
    with pytest.raises(ResultsError) as raised:
        read_results(path)
    assert raised.value.lines == [f"{path}:{BAD_MESSAGES[path.name]}"]


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ResultsError) as raised:
        read_results(tmp_path / "nope.jsonl")
    assert raised.value.lines == [f"{tmp_path / 'nope.jsonl'}: results file not found"]


def test_many_problems_are_capped(tmp_path: Path) -> None:
    good = ALICE.read_text(encoding="utf-8").splitlines()[0]
    path = tmp_path / "many.jsonl"
    path.write_text("\n".join([good] + ["{}"] * 50) + "\n", encoding="utf-8")
    with pytest.raises(ResultsError) as raised:
        read_results(path)
    assert len(raised.value.lines) == 21
    assert raised.value.lines[-1] == f"{path}: stopped after 20 problems"


def test_report_module_is_pure() -> None:
    probe = (
        "import sys, quiz.report, quiz.authoring\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('textual', 'spacy', 'sqlite3')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "[]"


def test_first_answers_are_the_earliest() -> None:
    """Discrimination reads each learner's first answer: later tries follow the feedback."""

    def attempt(outcome: str, at: str) -> Attempt:
        return Attempt("l1", "b", "q1", "true_false", "True", outcome, 3.0, at, 1)

    later, first, same_time = (
        attempt("right", "2025-09-02T10:00:00+00:00"),
        attempt("wrong", "2025-09-01T10:00:00+00:00"),
        attempt("right", "2025-09-01T10:00:00+00:00"),
    )
    assert first_answers([later, first, same_time]) == {"l1": {"q1": first}}
