"""A question type is one module, found through one registry (issue 18).

The seven built-in types are all in the registry, each with every piece quiz needs; and an
eighth type, defined here in the test suite alone (``yes_no_unsure``, presenting as a choice),
goes through load, ``quiz check``, grading, dump and reload, the bank cache, every exporter,
the quiz screen under Pilot, the store and review (FSRS schedules its card, with the type's own
"slow" threshold; ``quiz review`` plans it when due and the review screen asks it again)
without an edit of any file of ``quiz/``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import pytest

from quiz.bank import BankError, load_bank, parse_bank_text
from quiz.bank.cache import BankCache, decode_bank, encode_bank
from quiz.bank.dump import dump_bank
from quiz.bank.model import (
    QUESTION_TYPES,
    TYPE_NAMES,
    Bank,
    Cloze,
    Matching,
    MultipleChoice,
    Numeric,
    Ordering,
    Question,
    ShortAnswer,
    TrueFalse,
)
from quiz.bank.types import (
    BUILT_IN,
    QuestionType,
    question_type,
    question_types,
    register,
    shape_of,
    type_of,
    unregister,
)
from quiz.bank.types.form import EXPLANATION, PROMPT, FormField, FormSpec, one_line
from quiz.bank.types.multiple_choice import grade_choice
from quiz.bank.types.registry import row_codec
from quiz.bank.types.shapes import Choice
from quiz.export import FORMATS, export_bank
from quiz.grading import grade
from quiz.record import Answer, Outcome

# the TUI tests' own autouse fixture: the app's library and start choices go to tmp folders
from tests.tui.conftest import private_files  # noqa: F401

if TYPE_CHECKING:
    from quiz.bank.validate_fields import Checker
    from quiz.bank.yamlsafe import LineDict
    from quiz.marking.grade import Grade

SEVEN = (
    (MultipleChoice, "multiple_choice", "Multiple choice"),
    (TrueFalse, "true_false", "True or false"),
    (Cloze, "cloze", "Fill in the blank"),
    (ShortAnswer, "short_answer", "Short answer"),
    (Matching, "matching", "Matching"),
    (Numeric, "numeric", "Number"),
    (Ordering, "ordering", "Put in order"),
)


def test_the_registry_holds_the_seven_types_in_their_order() -> None:
    kinds = list(question_types())[:7]
    assert [k.name for k in kinds] == [name for _, name, _ in SEVEN]
    assert kinds == list(BUILT_IN)
    for (cls, name, shown), kind in zip(SEVEN, kinds, strict=True):
        assert kind.model is cls and question_type(name) is kind
        assert kind.display_name == shown == TYPE_NAMES[name]
        assert QUESTION_TYPES[name] is cls
        assert kind.fields and callable(kind.build) and callable(kind.grade)


def test_each_type_is_found_by_its_class_and_presents_a_shape() -> None:
    bank = load_bank(Path(__file__).parent / "data" / "valid" / "all-types.yaml")
    seen = set()
    for question in bank.questions:
        kind = type_of(question)
        assert kind.model is type(question)
        shape_of(question)  # every built-in type has a shape
        seen.add(kind.name)
    assert seen == {name for _, name, _ in SEVEN}


def test_a_name_is_taken_once() -> None:
    class Impostor(Question, frozen=True, kw_only=True):
        TYPE: ClassVar[str] = "cloze"
        NAME: ClassVar[str] = "Not a cloze"
        answer: str

    with pytest.raises(ValueError, match="already"):
        register(_toy_kind(Impostor))  # type: ignore[arg-type]


# --------------------------------------------------------------------------- the eighth type

YES_NO_UNSURE = ("yes", "no", "unsure")


class YesNoUnsure(Question, frozen=True, kw_only=True):
    """Does the article say so? Yes, no, or it does not say (unsure)."""

    TYPE: ClassVar[str] = "yes_no_unsure"
    NAME: ClassVar[str] = "Yes, no or unsure"
    answer: str

    def answer_text(self) -> str:
        return self.answer.capitalize()


def _build(check: Checker, q: LineDict, where: str, common: dict[str, Any]) -> YesNoUnsure:
    answer = check.text(q, "answer", where, required=True)
    if answer and answer not in YES_NO_UNSURE:
        check.add(check.line_of(q, "answer"), f"{where}: 'answer' must be yes, no or unsure")
    return YesNoUnsure(**common, answer=answer)


def _shape(question: YesNoUnsure) -> Choice:
    return Choice(("Yes", "No", "Unsure"), (question.answer.capitalize(),))


def _grade(question: YesNoUnsure, response: Any) -> Grade:
    return grade_choice(_shape(question), response)


def _form_read(base: YesNoUnsure, values: Mapping[str, str]) -> tuple[dict[str, Any], list[str]]:
    return {"answer": one_line(values, "answer")}, []


def _toy_kind(model: type[YesNoUnsure] = YesNoUnsure) -> QuestionType[YesNoUnsure]:
    to_row, from_row = row_codec(model, ("answer",))  # the same codec the built-in types use
    return QuestionType(
        model=model,
        short_name="yes/no/unsure",
        fields=frozenset({"answer"}),
        build=_build,
        to_dict=lambda q: {"answer": q.answer},
        to_row=to_row,
        from_row=from_row,
        grade=_grade,
        shape=_shape,
        slow_seconds=15.0,  # a right answer from 15 s on is laboured: FSRS's Hard
        form=FormSpec(
            lambda q: [
                PROMPT,
                FormField("answer", "Answer", options=YES_NO_UNSURE),
                EXPLANATION,
            ],
            lambda q: {"answer": q.answer},
            _form_read,
        ),
    )


@pytest.fixture
def toy() -> Iterator[QuestionType[YesNoUnsure]]:
    kind = register(_toy_kind())
    try:
        yield kind
    finally:
        unregister(kind.name)


SENTENCE = "The council approved the new bridge on Monday after a long debate."
BANK = f"""\
format: quiz-bank/1
id: toy-bank
title: A bank with a type of its own
language: en
source:
  title: Council approves bridge
  text: "{SENTENCE} Work starts in spring."
questions:
  - id: q-approved
    type: yes_no_unsure
    prompt: Did the council approve the bridge?
    answer: yes
    source: {SENTENCE}
    explanation: It approved it on Monday.
  - id: q-cost
    type: yes_no_unsure
    prompt: Did the bridge cost more than planned?
    answer: unsure
    source: {SENTENCE}
  - id: q-when
    type: multiple_choice
    prompt: When did the council approve the bridge?
    choices: [On Monday, On Friday, In spring]
    answer: On Monday
    source: {SENTENCE}
"""


@pytest.fixture
def bank_file(tmp_path: Path) -> Path:
    path = tmp_path / "toy-bank.yaml"
    # the loader reads "yes" as text: quiz banks resolve no YAML 1.1 booleans but true/false
    path.write_text(BANK, encoding="utf-8")
    return path


def test_a_bank_of_the_new_type_loads(toy: QuestionType[YesNoUnsure], bank_file: Path) -> None:
    bank = load_bank(bank_file)
    first, second, third = bank.questions
    assert isinstance(first, YesNoUnsure) and first.answer == "yes"
    assert isinstance(second, YesNoUnsure) and second.answer == "unsure"
    assert isinstance(third, MultipleChoice)
    assert bank.count_by_type() == {"yes_no_unsure": 2, "multiple_choice": 1}
    assert TYPE_NAMES["yes_no_unsure"] == "Yes, no or unsure"


def test_its_checks_name_file_and_line(toy: QuestionType[YesNoUnsure], bank_file: Path) -> None:
    bank_file.write_text(BANK.replace("answer: unsure", "answer: perhaps"), encoding="utf-8")
    with pytest.raises(BankError) as caught:
        load_bank(bank_file)
    assert [p.line for p in caught.value.problems] == [18]
    assert (
        "question 'q-cost': 'answer' must be yes, no or unsure" in caught.value.problems[0].message
    )
    bank_file.write_text(BANK.replace("    answer: yes\n", "    answer: yes\n    unit: m\n"))
    with pytest.raises(BankError) as caught:
        load_bank(bank_file)
    assert "unknown field 'unit' in question 'q-approved' (yes_no_unsure)" in str(caught.value)


def test_quiz_check_passes_it(
    toy: QuestionType[YesNoUnsure],
    bank_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from quiz.cli import main

    code = main(["--data-dir", str(tmp_path / "data"), "check", str(bank_file)])
    out = capsys.readouterr().out
    assert code == 0, out
    assert out.startswith(f"OK {bank_file}: 3 questions (1 multiple_choice, 2 yes_no_unsure)")


def test_it_is_graded_through_the_registry(toy: QuestionType[YesNoUnsure], bank_file: Path) -> None:
    approved, unsure, _ = load_bank(bank_file).questions
    assert grade(approved, 0).outcome is Outcome.RIGHT
    assert grade(approved, 2).outcome is Outcome.WRONG
    assert grade(unsure, 2).outcome is Outcome.RIGHT
    assert grade(unsure, 1).given == "No"


def test_it_dumps_and_reloads(toy: QuestionType[YesNoUnsure], bank_file: Path) -> None:
    bank = load_bank(bank_file)
    text = dump_bank(bank)
    assert "    type: yes_no_unsure\n    prompt: Did the council approve the bridge?\n" in text
    again = parse_bank_text(text, path=bank_file)
    assert again.questions == bank.questions


def test_it_goes_through_the_bank_cache(
    toy: QuestionType[YesNoUnsure], bank_file: Path, tmp_path: Path
) -> None:
    bank = load_bank(bank_file)
    decoded, digest = decode_bank(encode_bank(bank, "d"), path=str(bank_file))
    assert decoded.questions == bank.questions and digest == "d"
    cache = BankCache(tmp_path / "cache")
    assert cache.load(bank_file).questions == bank.questions  # parsed, then written
    import quiz.bank.cache

    quiz.bank.cache._RECENT = None  # forget the bank in memory: the next load reads the entry
    assert cache.load(bank_file).questions == bank.questions


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_exporter_writes_it(
    toy: QuestionType[YesNoUnsure], bank_file: Path, name: str
) -> None:
    bank = load_bank(bank_file)
    result = export_bank(bank, name, timestamp=1_700_000_000)
    assert result.exported == 3, result.notes
    assert not result.notes
    if name == "anki":
        return  # a zip of SQLite: its notes are read in test_anki_notes_hold_it
    text = result.data.decode("utf-8-sig")
    assert "Did the council approve the bridge?" in text
    assert "Unsure" in text  # the options a learner chooses from


def test_anki_notes_hold_it(toy: QuestionType[YesNoUnsure], bank_file: Path) -> None:
    from quiz.export.anki import note_fields
    from quiz.export.arrange import Arranger

    bank = load_bank(bank_file)
    kind, fields = note_fields(bank.questions[0], Arranger.for_bank(bank))
    assert kind == "choice"
    assert "Unsure" in fields[1] and "Yes" in fields[2]


def test_the_authoring_form_edits_it(toy: QuestionType[YesNoUnsure], bank_file: Path) -> None:
    from quiz.authoring import form_fields, form_values

    question = load_bank(bank_file).questions[1]
    assert [f.name for f in form_fields(question)] == ["prompt", "answer", "explanation"]
    assert form_values(question)["answer"] == "unsure"


DAY1 = datetime(2025, 9, 1, 9, 0, tzinfo=UTC)


def _answer(bank: Bank, question: Question, response: int, seconds: float, at: datetime) -> Answer:
    """``response`` to ``question`` graded as the session grades it."""
    result = grade(question, response)
    return Answer(
        bank_id=bank.id,
        question_id=question.id,
        question_type=question.TYPE,
        given=result.given,
        outcome=result.outcome,
        seconds=seconds,
        answered_at=at,
        answer_key=question.answer_key(),
    )


def test_its_answers_are_kept_in_the_store(
    toy: QuestionType[YesNoUnsure], bank_file: Path, tmp_path: Path
) -> None:
    from quiz.store import Store

    bank = load_bank(bank_file)
    answer = _answer(bank, bank.questions[0], 0, seconds=3.0, at=DAY1)
    data = tmp_path / "data"
    with Store.open(data, clock=lambda: answer.answered_at, fuzz=False) as store:
        session = store.start_session(bank.id, "play")
        store.record(answer, session_id=session)
    db = sqlite3.connect(data / "quiz.db")
    try:
        rows = db.execute("SELECT question_type, given, outcome FROM attempts").fetchall()
    finally:
        db.close()
    assert rows == [("yes_no_unsure", "Yes", "right")]


async def test_it_is_played_under_pilot(toy: QuestionType[YesNoUnsure], bank_file: Path) -> None:
    """The quiz screen shows the three options (a choice's input, chosen by shape), takes
    the key of the right one and records the answer with its type."""
    from quiz.tui.screens.summary import SummaryScreen
    from quiz.tui.widgets.answers import ChoiceList
    from tests.tui.conftest import Harness, settle
    from tests.tui.helpers import acknowledged, current

    harness = Harness()
    app = harness.play(bank_file)
    async with app.run_test(size=(80, 24)) as pilot:
        while not pilot.app.screen.is_mounted:
            await pilot.pause()
        for key in ("1", "3", "1"):  # yes (right), unsure (right), "On Monday" (right)
            screen = current(pilot)
            assert screen.query_one(ChoiceList).choices[0] in ("Yes", "On Monday")
            await pilot.press(key)
            await acknowledged(pilot)
            assert screen.answered is not None and screen.answered.outcome is Outcome.RIGHT
            await pilot.press("enter")
        assert isinstance(app.screen, SummaryScreen)
        await settle(pilot)
    answers = harness.recorder.answers
    assert [(a.question_type, a.given) for a in answers] == [
        ("yes_no_unsure", "Yes"),
        ("yes_no_unsure", "Unsure"),
        ("multiple_choice", "On Monday"),
    ]


# --------------------------------------------------------------------------- review

APPROVED = ("toy-bank", "q-approved")


@dataclass
class Clock:
    """One clock for the store and the app; the test moves it by hand."""

    now: datetime = DAY1

    def __call__(self) -> datetime:
        return self.now


def test_it_is_scheduled_and_comes_back_in_review(
    toy: QuestionType[YesNoUnsure], bank_file: Path, tmp_path: Path
) -> None:
    """Answered once, its card is scheduled by FSRS (rated with the type's own "slow"
    threshold); ``quiz review``'s plan has it when due and not before; the review session
    asks it, grades it and the store reschedules it."""
    from quiz.review import plan_review, review_session
    from quiz.srs import Rating, State, slow_seconds
    from quiz.store import Store

    assert slow_seconds("yes_no_unsure") == 15.0  # the type's, through the registry
    bank = load_bank(bank_file)
    approved = bank.questions[0]
    clock = Clock()
    with Store.open(tmp_path / "data", clock=clock, fuzz=False) as store:
        played = store.start_session(bank.id, "play")
        # right, but in 16 s: past its threshold (a multiple choice question's is 20 s)
        first = store.record(_answer(bank, approved, 0, 16.0, DAY1), session_id=played)
        assert first.rating is Rating.Hard
        card = store.card(*APPROVED)
        assert card is not None and card.state is State.Learning and card.reps == 1
        assert DAY1 < card.due < DAY1 + timedelta(minutes=10)

        # A moment before it is due: nothing to review (its siblings, the other two
        # questions of its sentence, wait until tomorrow), and the plan says when it is.
        plan = plan_review(store, [bank], card.due - timedelta(seconds=1))
        assert plan.empty and plan.next_due == card.due and plan.buried == 0
        # Due: it is the review, a scheduled card (not new).
        clock.now = card.due + timedelta(minutes=1)
        plan = plan_review(store, [bank], clock.now)
        assert plan.ids() == [APPROVED]
        assert (plan.due_now, plan.due, plan.new) == (1, 1, 0)
        assert isinstance(plan.items[0][1], YesNoUnsure)

        from quiz.recording.journaling import JournalingRecorder
        from quiz.store.journal import JOURNAL_NAME, Journal

        journal = Journal(store.path.with_name(JOURNAL_NAME))
        reviewing = JournalingRecorder(store, bank.id, "review", journal)  # as the app records
        session = review_session(plan, recorder=reviewing, clock=clock)
        assert session.mode == "review" and session.current.question == approved
        result = session.answer(0, seconds=4.0)  # "Yes", quickly
        assert result.outcome is Outcome.RIGHT
        after = store.card(*APPROVED)  # Good: the next learning step, 10 minutes on
        assert after is not None and (after.reps, after.step) == (2, 1)
        assert after.due == clock.now + timedelta(minutes=10)
    db = sqlite3.connect(tmp_path / "data" / "quiz.db")
    try:
        rows = db.execute(
            """SELECT a.question_type, a.given, s.mode FROM attempts a
               JOIN sessions s ON s.id = a.session_id ORDER BY a.id"""
        ).fetchall()
    finally:
        db.close()
    assert rows == [("yes_no_unsure", "Yes", "play"), ("yes_no_unsure", "Yes", "review")]


async def test_the_review_screen_asks_it_again(
    toy: QuestionType[YesNoUnsure], bank_file: Path, tmp_path: Path
) -> None:
    """``quiz review`` under Pilot, on the real store: the card answered yesterday is due,
    the review screen counts it, and the quiz screen asks it with the choice's input."""
    from quiz.store import Store
    from quiz.tui.screens.summary import SummaryScreen
    from quiz.tui.widgets.answers import ChoiceList
    from tests.tui.conftest import settle
    from tests.tui.helpers import acknowledged, current
    from tests.tui.test_review import Apps, loaded, text

    bank = load_bank(bank_file)
    clock = Clock()
    with Store.open(tmp_path / "data", clock=clock, fuzz=False) as store:
        played = store.start_session(bank.id, "play")
        store.record(_answer(bank, bank.questions[0], 0, 5.0, DAY1), session_id=played)
        clock.now = DAY1 + timedelta(hours=1)
        # Apps wants test_review.Clock: this Clock is the same callable, defined here
        apps = Apps(store, clock, bank_file.parent)  # type: ignore[arg-type]
        async with apps.review(new_limit=0).run_test(size=(80, 24)) as pilot:
            screen = await loaded(pilot)
            assert screen.plan is not None and screen.plan.ids() == [APPROVED]
            assert "1 due now" in text(screen, "#counts")
            await pilot.press("enter")
            await pilot.pause()
            quiz = current(pilot)
            assert quiz.session.mode == "review"
            assert quiz.query_one(ChoiceList).choices == ("Yes", "No", "Unsure")
            await pilot.press("1")
            await acknowledged(pilot)
            assert quiz.answered is not None and quiz.answered.outcome is Outcome.RIGHT
            await pilot.press("enter")
            assert isinstance(pilot.app.screen, SummaryScreen)
            await settle(pilot)
        assert apps.attempts() == [
            ("q-approved", "right", "play"),
            ("q-approved", "right", "review"),
        ]
        card = store.card(*APPROVED)
        assert card is not None and card.reps == 2
