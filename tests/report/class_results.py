"""A class of five learners who did the founding bank's multiple-choice and true/false
questions, with one question rigged: the three strongest learners pick the same wrong option
("July" for the G7 month) and only the two weakest answer it right, as happens when a key is
wrong or a distractor is too good.

Answers go through the real path: graded by :func:`quiz.grading.grade`, recorded in a real
scores database with ``Store.record`` and written by ``Store.export_results`` (the code behind
``quiz results export``), one results file per learner. The pattern is drawn from a fixed
seed with a one-parameter logistic model (stronger learners and easier questions: more right),
so every run writes the same answers.
"""

from __future__ import annotations

import math
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from quiz.bank import load_bank
from quiz.bank.model import Bank, MultipleChoice, Question, TrueFalse
from quiz.grading import grade
from quiz.record import Answer
from quiz.store import Store
from tests.conftest import RICH_BANK

BANK = RICH_BANK
RIGGED = "q-g7-month-mc"
DISTRACTOR = "July"
#: Strongest first, with their ability on the model's scale.
ABILITY = {"ana": 1.6, "ben": 1.0, "chloe": 0.3, "dev": -0.5, "eli": -1.2}
STRONG = ("ana", "ben", "chloe")
WEAK = ("dev", "eli")
QUESTIONS = 16
T0 = datetime(2025, 10, 6, 9, 0, tzinfo=UTC)
#: Chosen so that, besides the rigged question, the draw leaves one question of low (but not
#: negative) discrimination, q-lee-liberal-mc: both flags show in one class.
SEED = 8
LOW = "q-lee-liberal-mc"


def quiz_questions(bank: Bank) -> list[Question]:
    """The first :data:`QUESTIONS` single-answer questions of the bank, the rigged one
    among them."""
    chosen = [
        q
        for q in bank.questions
        if isinstance(q, TrueFalse) or (isinstance(q, MultipleChoice) and not q.multiple)
    ][:QUESTIONS]
    assert RIGGED in {q.id for q in chosen}
    return chosen


def responses(bank: Bank) -> dict[str, list[tuple[Question, object]]]:
    """Per learner, in answer order: (question, response as the quiz screen gives it)."""
    rng = random.Random(SEED)
    questions = quiz_questions(bank)
    difficulty = {q.id: -1.5 + 3 * n / (len(questions) - 1) for n, q in enumerate(questions)}
    plan: dict[str, list[tuple[Question, object]]] = {}
    for name, ability in ABILITY.items():
        answers: list[tuple[Question, object]] = []
        for q in questions:
            if q.id == RIGGED:
                right = name in WEAK
            else:
                chance = 1 / (1 + math.exp(-1.7 * (ability - difficulty[q.id])))
                right = rng.random() < chance
            answers.append((q, _response(q, right, rng)))
        plan[name] = answers
    return plan


def _response(question: Question, right: bool, rng: random.Random) -> object:
    if isinstance(question, TrueFalse):
        return question.answer if right else not question.answer
    assert isinstance(question, MultipleChoice)
    if question.id == RIGGED and not right:
        return question.choices.index(DISTRACTOR)
    wrong = [n for n, c in enumerate(question.choices) if c not in question.answers]
    good = [n for n, c in enumerate(question.choices) if c in question.answers]
    return good[0] if right else rng.choice(wrong)


def write_class(folder: Path) -> dict[str, Path]:
    """One results file per learner in ``folder`` (``ana.jsonl`` ...); eli also retried the
    three questions he missed first, a day later, and got them right (first answers count for
    discrimination, every answer for the share right)."""
    bank = load_bank(BANK)
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, Path] = {}
    for n, (name, answers) in enumerate(responses(bank).items()):
        start = T0 + timedelta(minutes=30 * n)
        with Store.open(folder / f"{name}-data", fuzz=False) as store:
            _session(store, bank, answers, start)
            if name == "eli":
                missed = [
                    (q, _response(q, True, random.Random(0)))
                    for q, response in answers
                    if grade(q, response).outcome == "wrong" and q.id != RIGGED
                ][:3]
                _session(store, bank, missed, start + timedelta(days=1))
            files[name] = folder / f"{name}.jsonl"
            store.export_results(files[name])
    return files


def _session(
    store: Store, bank: Bank, answers: list[tuple[Question, object]], start: datetime
) -> None:
    session = store.start_session(bank.id, "play")
    now = start
    for question, response in answers:
        verdict = grade(question, response)
        seconds = 6.0 + len(question.prompt) % 17
        now += timedelta(seconds=seconds)
        store.record(
            Answer(
                bank.id,
                question.id,
                question.type,
                verdict.given,
                verdict.outcome,
                seconds,
                now,
                question.answer_key(),
                question.tags,
            ),
            session_id=session,
        )
    store.end_session(session)
