"""The review queue as a session (quiz.review), undo in the session, and the background
recorder's promise: a future per answer, done once it is saved; failures held back, in order."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from msgspec.structs import replace

from quiz.bank import load_bank
from quiz.bank.model import Bank
from quiz.record import Answer, MemoryRecorder, Outcome
from quiz.recording.background import BackgroundRecorder
from quiz.review import (
    cram_session,
    describe_when,
    known_questions,
    plan_review,
    review_session,
    unique_banks,
)
from quiz.session import NoQuestions, Options, Session, sibling_keys
from quiz.store import Store
from tests.conftest import ALL_TYPES_BANK, FOUNDING_BANK

T0 = datetime(2025, 9, 1, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path: Path, clock: Clock):
    with Store.open(tmp_path / "data", clock=clock, fuzz=False) as opened:
        yield opened


@pytest.fixture
def banks() -> list[Bank]:
    return [load_bank(ALL_TYPES_BANK), load_bank(FOUNDING_BANK)]


def answer_all(
    store: Store, bank: Bank, ids: list[str], outcome: Outcome, at: datetime, mode: str = "play"
) -> None:
    session = store.start_session(bank.id, mode)
    for qid in ids:
        q = bank.question(qid)
        assert q is not None
        store.record(
            Answer(bank.id, qid, q.TYPE, "x", outcome, 0.0, at, q.answer_key()),
            session_id=session,
            cram=mode == "cram",
        )
    store.end_session(session)


def test_due_first_most_overdue_first_then_new_within_the_daily_limit(
    store: Store, banks: list[Bank], clock: Clock
) -> None:
    riverton, summit = banks
    answer_all(store, summit, [summit.questions[0].id], Outcome.WRONG, T0)  # due 09:01
    answer_all(store, riverton, ["q-cost-tf"], Outcome.RIGHT, T0)  # due 09:10
    answer_all(store, riverton, ["q-mayor-mc"], Outcome.WRONG, T0 - timedelta(hours=1))
    clock.now = T0 + timedelta(hours=1)
    plan = plan_review(store, banks, clock.now, new_limit=5)
    assert plan.ids()[:3] == [
        (riverton.id, "q-mayor-mc"),
        (summit.id, summit.questions[0].id),
        (riverton.id, "q-cost-tf"),
    ]
    # 3 introduced today (the one at 08:00 too), so 2 more new ones, in bank order, leaving
    # out the siblings of the questions answered today (q-facts-multi, q-cost-cloze and
    # q-mayor-short share their sentences) and of each other (q-cars-numeric: the sentence
    # of q-numbers-match)
    assert plan.ids()[3:] == [(riverton.id, "q-numbers-match"), (riverton.id, "q-timeline-order")]
    assert (plan.due_now, plan.due_tomorrow, plan.new, plan.due) == (3, 3, 2, 3)
    assert plan.next_due is None  # every scheduled card is already due
    assert plan.buried == 0  # none of the buried ones was due: they were new


def test_siblings_of_a_question_answered_today_wait_until_tomorrow(
    store: Store, banks: list[Bank], clock: Clock
) -> None:
    """As Anki buries siblings: the feedback of q-cost-tf showed the sentence q-cost-cloze
    rests on, so q-cost-cloze, due today, waits until tomorrow; q-cost-tf itself comes back
    for its learning step."""
    riverton, _ = banks
    answer_all(store, riverton, ["q-cost-cloze"], Outcome.WRONG, T0 - timedelta(days=1))
    answer_all(store, riverton, ["q-cost-tf"], Outcome.WRONG, T0)
    clock.now = T0 + timedelta(hours=1)
    plan = plan_review(store, [riverton], clock.now, new_limit=0)
    assert plan.ids() == [(riverton.id, "q-cost-tf")]
    assert (plan.due_now, plan.buried) == (2, 1)

    clock.now = T0 + timedelta(days=1)  # the next day: one of the two, the most overdue
    plan = plan_review(store, [riverton], clock.now, new_limit=0)
    assert plan.ids() == [(riverton.id, "q-cost-cloze")]
    assert plan.buried == 1


def test_a_review_asks_one_question_of_a_group_of_siblings(
    store: Store, banks: list[Bank], clock: Clock
) -> None:
    _, summit = banks
    plan = plan_review(store, [summit], T0, new_limit=70)
    keys = [sibling_keys(q, summit.id) for _, q in plan.items]
    assert len(plan.items) > 10
    assert all(not keys[i] & keys[j] for i in range(len(keys)) for j in range(i))


def test_one_bank_only(store: Store, banks: list[Bank], clock: Clock) -> None:
    riverton, summit = banks
    answer_all(store, summit, [summit.questions[0].id], Outcome.WRONG, T0)
    answer_all(store, riverton, ["q-cost-tf"], Outcome.WRONG, T0)
    clock.now = T0 + timedelta(minutes=5)
    plan = plan_review(store, banks, clock.now, scope=riverton, new_limit=0)
    assert plan.ids() == [(riverton.id, "q-cost-tf")]
    assert plan.due_now == 1  # counts are for the bank reviewed
    session = review_session(plan, clock=clock)
    assert session.bank is riverton and session.mode == "review"


def test_removed_questions_leave_the_queue(store: Store, banks: list[Bank], clock: Clock) -> None:
    riverton, _ = banks
    answer_all(store, riverton, ["q-cost-tf", "q-mayor-mc"], Outcome.WRONG, T0)
    edited = replace(
        riverton, questions=tuple(q for q in riverton.questions if q.id != "q-cost-tf")
    )
    clock.now = T0 + timedelta(days=1)
    plan = plan_review(store, [edited], clock.now, new_limit=0)
    assert plan.ids() == [(riverton.id, "q-mayor-mc")]
    assert plan.due_now == 1


def test_nothing_due_says_when(store: Store, banks: list[Bank], clock: Clock) -> None:
    riverton, _ = banks
    answer_all(store, riverton, ["q-cost-tf"], Outcome.RIGHT, T0)
    plan = plan_review(store, [riverton], T0, new_limit=0)
    assert plan.empty and plan.next_due == T0 + timedelta(minutes=10)
    with pytest.raises(NoQuestions):
        review_session(plan)


def test_cram_touches_no_schedule(store: Store, banks: list[Bank]) -> None:
    riverton, _ = banks
    session = cram_session(riverton, seed=1)
    assert session.mode == "cram" and session.total == len(riverton.questions)
    answer_all(store, riverton, ["q-cost-tf"], Outcome.RIGHT, T0, mode="cram")
    assert store.card(riverton.id, "q-cost-tf") is None


def test_a_review_of_several_banks_answers_under_each_bank(banks: list[Bank]) -> None:
    riverton, summit = banks
    recorder = MemoryRecorder()
    from quiz.session import mixed_bank

    typed = next(q for q in summit.questions if q.TYPE == "short_answer")
    session = Session.over(
        mixed_bank("Review"),
        [(summit, typed), (riverton, riverton.questions[2])],
        mode="review",
        recorder=recorder,
    )
    session.answer("nonsense", 1.0)
    session.advance()
    session.answer("nonsense", 1.0)
    assert [a.bank_id for a in recorder.answers] == [summit.id, riverton.id]
    again = session.retry_missed()
    assert again.mode == "review"
    assert [session.bank_of(i).id for i in again.items] == [summit.id, riverton.id]


def test_unique_banks_and_known_questions(banks: list[Bank]) -> None:
    riverton, summit = banks
    assert [b.id for b in unique_banks([riverton, summit, riverton])] == [riverton.id, summit.id]
    known = known_questions([riverton])
    assert known[riverton.id][:2] == ["q-mayor-mc", "q-facts-multi"]


@pytest.mark.parametrize(
    ("delta", "words"),
    [
        (timedelta(seconds=20), "in a minute"),
        (timedelta(minutes=10), "in 10 minutes"),
        (timedelta(hours=3), "today at 12:00"),
        (timedelta(days=1), "tomorrow at 09:00"),
        (timedelta(days=3), "on Thursday at 09:00"),
        (timedelta(days=30), "on Wednesday 1 October"),
        (timedelta(days=400), "on Tuesday 6 October 2026"),
    ],
)
def test_describe_when(delta: timedelta, words: str) -> None:
    assert describe_when(T0 + delta, T0) == words


# ------------------------------------------------------------------ undo in a session


def test_undo_goes_back_to_the_question(banks: list[Bank]) -> None:
    riverton, _ = banks
    session = Session.start(riverton, Options(shuffle=False))
    session.answer({0}, 2.0)
    session.advance()
    session.answer({2}, 2.0)
    assert (session.score, session.number) == (1, 2)
    removed = session.undo()
    assert removed is not None and removed.question.id == "q-facts-multi"
    assert removed.answer.undone
    # asked again; the answer taken back still counts (wrong)
    assert (session.score, session.answered, session.number, session.awaiting_answer) == (
        1,
        2,
        2,
        True,
    )
    assert session.current.question.id == "q-facts-multi"
    assert session.undo() is None  # never further back than the answer just given


# ------------------------------------------------------------------ the background recorder


def _answer(n: int) -> Answer:
    return Answer("b", f"q{n}", "true_false", "True", Outcome.RIGHT, 1.0, T0, "True")


def test_submit_is_done_once_saved() -> None:
    gate = threading.Event()

    class Slow(MemoryRecorder):
        def record(self, answer: Answer) -> None:
            gate.wait(5)
            super().record(answer)

    inner = Slow()
    recorder = BackgroundRecorder(lambda: inner)
    future = recorder.submit(_answer(1))
    assert not future.done()
    gate.set()
    saved = future.result(5)
    assert saved.ok and inner.answers == [_answer(1)]
    assert recorder.close()


def test_failures_are_held_back_and_retried_in_order() -> None:
    class Flaky(MemoryRecorder):
        broken = True

        def record(self, answer: Answer) -> None:
            if self.broken:
                raise OSError("disk full")
            super().record(answer)

    inner = Flaky()
    failures = []
    recorder = BackgroundRecorder(lambda: inner, on_error=failures.append)
    first = recorder.submit(_answer(1)).result(5)
    second = recorder.submit(_answer(2)).result(5)
    assert not first.ok and not second.ok and recorder.unsaved == 2
    assert len(failures) == 2
    inner.broken = False
    third = recorder.submit(_answer(3)).result(5)
    assert third.ok and third.recovered == 2
    assert inner.answers == [_answer(1), _answer(2), _answer(3)]
    assert recorder.unsaved == 0
    assert recorder.close()


def test_undo_of_an_unsaved_answer_marks_it_for_when_it_is_saved() -> None:
    class Flaky(MemoryRecorder):
        broken = True

        def record(self, answer: Answer) -> None:
            if self.broken:
                raise OSError("read-only")
            super().record(answer)

    inner = Flaky()
    recorder = BackgroundRecorder(lambda: inner)
    recorder.submit(_answer(1)).result(5)
    undone = recorder.undo().result(5)
    assert undone.answer == replace(_answer(1), undone=True) and undone.error is None
    assert recorder.undo().result(5).answer is None  # once
    assert recorder.unsaved == 1
    inner.broken = False
    recorder.submit(replace(_answer(1), retake=True)).result(5)
    assert [(a.undone, a.retake) for a in inner.answers] == [(True, False), (False, True)]
    assert recorder.close()


def test_undo_and_finish_reach_the_store(store: Store) -> None:
    from quiz.recording.journaling import JournalingRecorder
    from quiz.store.journal import JOURNAL_NAME, Journal

    def make() -> JournalingRecorder:  # the app's recorder: the one way an answer is recorded
        return JournalingRecorder(store, "b", "play", Journal(store.path.with_name(JOURNAL_NAME)))

    recorder = BackgroundRecorder(make)
    recorder.submit(_answer(1)).result(5)
    saved = recorder.submit(_answer(2)).result(5)
    assert saved.result is not None and saved.result.card is not None
    undone = recorder.undo().result(5)
    assert undone.answer is not None and undone.answer.question_id == "q2"
    assert undone.answer.undone
    assert store.card("b", "q2") == saved.result.card  # the schedule stays
    recorder.finish().result(5)
    recorder.finish()  # only the first counts
    assert recorder.close()
    assert store.last_scores()["b"][:2] == (2, 2)  # and the answer still counts


# ------------------------------------------------------------------ the command and the core


def test_review_and_scores_import_no_textual() -> None:
    import subprocess
    import sys

    probe = (
        "import sys, quiz.review, quiz.recording.scores, quiz.commands.review\n"
        "print(any(m == 'textual' or m.startswith('textual.') for m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "False"


@pytest.mark.parametrize("args", [["--new", "-1"], ["--new", "x"]])
def test_review_usage_errors(args: list[str]) -> None:
    from quiz.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["review", *args])
    assert exit_.value.code == 2


def test_cram_picks_the_only_bank(monkeypatch: pytest.MonkeyPatch) -> None:
    """With one bank in the library (the shipped one, in a fresh data dir), --cram needs no
    --bank."""
    from quiz.cli import main

    started: list[object] = []
    monkeypatch.setattr(
        "quiz.commands.home.launch",
        lambda data_dir, start, recover=False: started.append(start) or 0,
    )
    assert main(["review", "--cram"]) == 0
    (start,) = started
    assert start.cram and start.bank.id == "japan-korea-summit-2025"  # type: ignore[attr-defined]


def test_cram_with_several_banks_asks_which(
    monkeypatch: pytest.MonkeyPatch, isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import shutil

    from quiz.cli import main

    (isolated_data_dir / "banks").mkdir()
    shutil.copy(ALL_TYPES_BANK, isolated_data_dir / "banks" / "riverton.yaml")
    shutil.copy(ALL_TYPES_BANK.with_name("article.txt"), isolated_data_dir / "banks")
    with pytest.raises(SystemExit) as exit_:
        main(["review", "--cram"])
    assert exit_.value.code == 2
    assert "add --bank BANK" in capsys.readouterr().err


def test_review_of_an_unknown_or_broken_bank(capsys: pytest.CaptureFixture[str]) -> None:
    from quiz.cli import main
    from tests.conftest import DATA

    assert main(["review", "--bank", "no-such-bank"]) == 1
    assert "no bank file or bank id 'no-such-bank'" in capsys.readouterr().err
    broken = DATA / "invalid" / "bad-difficulty.yaml"
    assert main(["review", "--bank", str(broken), "--cram"]) == 1
    assert capsys.readouterr().err.startswith(f"{broken}:12: ")
