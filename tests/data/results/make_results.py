"""How alice.jsonl and bob.jsonl were made: two learners' answers to tests/data/valid/
all-types.yaml, recorded in real scores databases and exported by ``Store.export_results`` (the
code behind ``quiz results export``). Learner ids are random, so running this again gives other
ids: the committed files are the fixture; this script documents what is in them.

    .venv/bin/python tests/data/results/make_results.py
"""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from quiz.bank import load_bank
from quiz.bank.model import Bank
from quiz.grading import grade
from quiz.record import Answer
from quiz.store import Store

HERE = Path(__file__).resolve().parent
BANK = HERE.parent / "valid" / "all-types.yaml"

MATCH_RIGHT = ["euros the bridge cost", "cars expected every day", "years of construction"]
MATCH_WRONG = ["cars expected every day", "euros the bridge cost", "years of construction"]
ORDER_RIGHT = ["Construction begins", "The bridge is finished", "The ferry stops running"]
ORDER_WRONG = ["The bridge is finished", "Construction begins", "The ferry stops running"]

# (day, question id, response as the quiz screen hands it to grading, seconds)
ALICE = [
    [
        ("q-mayor-mc", 1, 10),  # Marta Silva: wrong
        ("q-facts-multi", [0, 2], 20),  # 12 million + tunnel: wrong
        ("q-cost-tf", True, 5),  # wrong
        ("q-cost-cloze", ["12", "three"], 12),
        ("q-mayor-short", "Ana Costa", 8),
        ("q-cars-numeric", "400", 9),  # wrong
        ("q-numbers-match", MATCH_RIGHT, 30),
        ("q-timeline-order", ORDER_WRONG, 25),  # wrong
    ],
    [
        ("q-mayor-mc", 0, 6),
        ("q-cost-tf", False, 4),
    ],
]
BOB = [
    [
        ("q-mayor-mc", 1, 14),  # Marta Silva: wrong
        ("q-facts-multi", [0, 1], 18),
        ("q-cost-tf", True, 7),  # wrong
        ("q-cost-cloze", ["12", "3"], 10),
        ("q-mayor-short", "Ana Kosta", 11),  # a near miss: counts as right
        ("q-cars-numeric", "4000", 6),
        ("q-numbers-match", MATCH_WRONG, 40),  # wrong
        ("q-timeline-order", ORDER_RIGHT, 22),
    ],
]


def record(store: Store, bank: Bank, sessions: list[list[tuple]], start: datetime) -> None:
    for day, answers in enumerate(sessions):
        now = start + timedelta(days=day)
        session = store.start_session(bank.id, "play")
        for qid, response, seconds in answers:
            question = bank.question(qid)
            assert question is not None, qid
            verdict = grade(question, response)
            now += timedelta(seconds=seconds)
            store.record(
                Answer(
                    bank.id,
                    qid,
                    question.type,
                    verdict.given,
                    verdict.outcome,
                    float(seconds),
                    now,
                    question.answer_key(),
                    question.tags,
                ),
                session_id=session,
            )
        store.end_session(session)


def main() -> None:
    bank = load_bank(BANK)
    t0 = datetime(2025, 9, 1, 9, 0, tzinfo=UTC)
    for name, sessions, extra in (("alice", ALICE, False), ("bob", BOB, True)):
        with tempfile.TemporaryDirectory() as data, Store.open(Path(data), fuzz=False) as store:
            record(store, bank, sessions, t0)
            if extra:  # an answer to a question since removed, and one to another bank
                session = store.start_session(bank.id, "play")
                store.record(
                    Answer(
                        bank.id,
                        "q-old-removed",
                        "true_false",
                        "True",
                        grade(bank.questions[2], True).outcome,
                        3.0,
                        t0 + timedelta(hours=1),
                    ),
                    session_id=session,
                )
                other = store.start_session("other-bank", "play")
                store.record(
                    Answer(
                        "other-bank",
                        "q-x",
                        "true_false",
                        "False",
                        grade(bank.questions[2], False).outcome,
                        3.0,
                        t0 + timedelta(hours=2),
                    ),
                    session_id=other,
                )
            count = store.export_results(HERE / f"{name}.jsonl")
            print(f"{name}.jsonl: {count} answers")


if __name__ == "__main__":
    main()
