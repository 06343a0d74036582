"""Review, cram, undo, flags and saving, played with the keyboard on a real SQLite store in a
temporary data dir, with the clock injected (days move by hand, never by sleeping)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from quiz.bank import load_bank
from quiz.record import Outcome
from quiz.recording.deferred import DeferredScores
from quiz.recording.scores import Scores
from quiz.session import Options, sibling_keys
from quiz.store import Store
from quiz.tui.app import QuizApp
from quiz.tui.config import StartHome, StartPlay, StartReview
from quiz.tui.screens.flag import FlagDialog
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.quiz import QuizScreen
from quiz.tui.screens.review import ReviewScreen
from quiz.tui.screens.summary import SummaryScreen
from quiz.tui.widgets.feedback import Feedback
from quiz.tui.widgets.topbar import TopBar
from tests.conftest import ALL_TYPES_BANK, DATA, FOUNDING_BANK
from tests.tui.conftest import Harness, settle
from tests.tui.helpers import (
    DAY1,
    Clock,
    acknowledged,
    answer_right,
    answer_wrong,
    bank_folder,
    current,
)

RIVERTON = "riverton-bridge"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The all-types bank (9 questions) and the founding bank (70), with their articles."""
    return bank_folder(tmp_path)


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> Iterator[Store]:
    with Store.open(tmp_path / "data", clock=clock, fuzz=False) as opened:
        yield opened


class Apps:
    """Apps over one store and one bank folder, as the CLI wires them."""

    def __init__(self, store: Store, clock: Clock, folder: Path) -> None:
        self.store, self.clock, self.folder = store, clock, folder
        self.harness = Harness()

    def make(self, start: object, **kwargs: object) -> QuizApp:
        scores = Scores(self.store, saved=True)
        settings: dict[str, object] = {
            "recorder_factory": scores.recorder,
            "scores": DeferredScores(self.folder, opened=scores),
            "progress": self.store,
            "clock": self.clock,
            **kwargs,
        }
        return self.harness.app(self.harness.config(start, (self.folder,), **settings))  # type: ignore[arg-type]

    def play(self, bank: Path = ALL_TYPES_BANK, **kwargs: object) -> QuizApp:
        options = Options(shuffle=False, seed=0)
        return self.make(StartPlay(load_bank(bank), options), **kwargs)

    def review(self, **kwargs: object) -> QuizApp:
        return self.make(StartReview(new_limit=int(kwargs.pop("new_limit", 20))), **kwargs)

    def attempts(self) -> list[tuple[str, str, str]]:
        with self.store.reading() as conn:
            rows = conn.execute(
                """SELECT a.question_id, a.outcome, s.mode FROM attempts a
                   JOIN sessions s ON s.id = a.session_id ORDER BY a.id"""
            ).fetchall()
        return [(q, o, m) for q, o, m in rows]


@pytest.fixture
def apps(store: Store, clock: Clock, folder: Path) -> Apps:
    return Apps(store, clock, folder)


async def loaded(pilot: Pilot) -> ReviewScreen:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ReviewScreen), screen
    for _ in range(200):
        if screen.plan is not None or screen.problem:
            return screen
        await pilot.pause(0.01)
    raise AssertionError("the review never loaded")


def text(screen: object, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())  # type: ignore[attr-defined]


async def play_through(pilot: Pilot, pattern: str) -> list[str]:
    """Answer right (R) or wrong (W) in turn; returns the question ids answered."""
    ids: list[str] = []
    for mark in pattern:
        screen = current(pilot)
        ids.append(screen.session.current.question.id)
        await (answer_right if mark == "R" else answer_wrong)(pilot)
        assert screen.acknowledged
        await pilot.press("enter")
        await pilot.pause()
    return ids


# ------------------------------------------------------------------ the review, day by day


async def test_review_the_next_day_and_later(apps: Apps, clock: Clock, folder: Path) -> None:
    (folder / FOUNDING_BANK.name).unlink()  # one bank: the all-types one, 9 questions
    # Day 1, 09:00: six of the nine questions, two of them missed; quit midway.
    async with apps.play().run_test(size=(80, 24)) as pilot:
        first = await play_through(pilot, "RWRWRR")
        await pilot.press("q", "y")
        await settle(pilot)
    assert first == [
        "q-mayor-mc",
        "q-facts-multi",
        "q-cost-tf",
        "q-cost-cloze",
        "q-mayor-short",
        "q-numbers-match",
    ]

    # Day 1, 09:30: everything answered is due again (learning steps: 1 min after a miss,
    # 10 min after a right answer): the misses first (due since 09:01), then the rest (since
    # 09:10), then the questions never seen but q-cars-numeric: its sentence is
    # q-numbers-match's, answered today, so it is buried until tomorrow.
    clock.at(DAY1 + timedelta(minutes=30))
    async with apps.review().run_test(size=(80, 24)) as pilot:
        screen = await loaded(pilot)
        assert screen.plan is not None
        assert screen.plan.ids() == [
            (RIVERTON, q)
            for q in (
                "q-facts-multi",
                "q-cost-cloze",
                "q-mayor-mc",
                "q-cost-tf",
                "q-mayor-short",
                "q-numbers-match",
            )
        ] + [(RIVERTON, q) for q in ("q-timeline-order", "q-quote-literal")]
        assert (screen.plan.due_now, screen.plan.new) == (6, 2)
        assert "6 due now" in text(screen, "#counts")
        await pilot.press("enter")
        await pilot.pause()
        quiz = current(pilot)
        assert quiz.session.mode == "review"
        await play_through(pilot, "R" * 8)  # the riverton ones, all right this time
        await pilot.press("q", "y")
        await settle(pilot)

    # Day 2, 09:00: the cards answered right twice graduated (due in days); the two missed
    # on day 1 and the two first seen at 09:30 are in learning, due since 09:40. Of the two
    # missed, siblings (one sentence), only the first is asked; the other is buried.
    clock.at(DAY1 + timedelta(days=1))
    async with apps.review(new_limit=0).run_test(size=(80, 24)) as pilot:
        screen = await loaded(pilot)
        assert screen.plan is not None
        assert screen.plan.ids() == [
            (RIVERTON, q)
            for q in (
                "q-facts-multi",
                "q-timeline-order",
                "q-quote-literal",
            )
        ]
        assert (screen.plan.due_now, screen.plan.buried) == (4, 1)
        assert "1 related question waits until tomorrow" in text(screen, "#next-step")
        await pilot.press("enter")
        await play_through(pilot, "RRR")
        assert isinstance(pilot.app.screen, SummaryScreen)
        await settle(pilot)

    # Day 5: all eight answered are due; most overdue first, one question per group of
    # siblings: q-cost-cloze (buried on day 2, due since day 1, 09:40), q-mayor-mc and
    # q-numbers-match (right twice on day 1: two days, due day 3, 09:30; q-cost-tf and
    # q-mayor-short are their siblings), the two first seen on day 1 at 09:30 (graduated on
    # day 2: day 4). q-facts-multi (graduated on day 2) is q-cost-cloze's sibling.
    clock.at(DAY1 + timedelta(days=4))
    async with apps.review(new_limit=0).run_test(size=(80, 24)) as pilot:
        screen = await loaded(pilot)
        assert screen.plan is not None
        assert screen.plan.ids() == [
            (RIVERTON, q)
            for q in (
                "q-cost-cloze",
                "q-mayor-mc",
                "q-numbers-match",
                "q-timeline-order",
                "q-quote-literal",
            )
        ]
        dues = [apps.store.card(b, q).due for b, q in screen.plan.ids()]  # type: ignore[union-attr]
        assert (
            dues
            == [DAY1 + timedelta(minutes=40)]
            + [DAY1 + timedelta(days=2, minutes=30)] * 2
            + [DAY1 + timedelta(days=3)] * 2
        )
        assert (screen.plan.due_now, screen.plan.buried) == (8, 3)
        assert "8 due now" in text(screen, "#counts")

    modes = {m for _, _, m in apps.attempts()}
    assert modes == {"play", "review"}
    assert len(apps.attempts()) == 6 + 8 + 3


async def test_nothing_due_says_when_the_next_one_is(apps: Apps, clock: Clock) -> None:
    async with apps.play().run_test(size=(80, 24)) as pilot:
        await play_through(pilot, "R")
        await pilot.press("q", "y")
        await settle(pilot)
    async with apps.review(new_limit=0).run_test(size=(80, 24)) as pilot:
        screen = await loaded(pilot)
        assert screen.plan is not None and screen.plan.empty
        assert text(screen, "#headline") == "Nothing to review right now. Well done."
        assert "The next question is due in 10 minutes." in text(screen, "#per-bank")
        await pilot.press("enter")  # nothing to start
        assert pilot.app.screen is screen
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(pilot.app.screen, HomeScreen)


async def test_review_of_several_banks_quotes_each_bank(apps: Apps, clock: Clock) -> None:
    async with apps.review(new_limit=16).run_test(size=(100, 40)) as pilot:
        screen = await loaded(pilot)
        assert screen.plan is not None
        # new ones in bank order, 16 a day, one per group of siblings: the founding bank's
        # first, then the next bank's (the two banks have just 16 such groups between them)
        banks = [b for b, _ in screen.plan.ids()]
        assert len(banks) == 16 and banks == sorted(banks) and banks[0] != RIVERTON
        assert RIVERTON in banks
        keys = [sibling_keys(q, b.id) for b, q in screen.plan.items]
        assert all(not keys[i] & keys[j] for i in range(16) for j in range(i))
    async with apps.play(FOUNDING_BANK).run_test(size=(100, 40)) as pilot:
        await play_through(pilot, "W")
        await pilot.press("q", "y")
        await settle(pilot)
    clock.at(DAY1 + timedelta(minutes=1))
    async with apps.play().run_test(size=(100, 40)) as pilot:
        await play_through(pilot, "W")
        await pilot.press("q", "y")
        await settle(pilot)
    clock.at(DAY1 + timedelta(minutes=30))
    async with apps.review(new_limit=0).run_test(size=(100, 40)) as pilot:
        screen = await loaded(pilot)
        assert screen.plan is not None
        first = load_bank(FOUNDING_BANK).questions[0].id
        assert screen.plan.ids() == [("japan-korea-summit-2025", first), (RIVERTON, "q-mayor-mc")]
        assert text(screen, "#headline") == "Today's review: 2 questions due."
        await pilot.press("enter")
        await pilot.pause()
        quiz = current(pilot)
        assert quiz.session.bank.id == "*"
        for as_of in ("2025-08-23", "2025-05-12"):
            await answer_wrong(pilot)
            quote = quiz.query_one(Feedback).query_one(".quote", Static)
            assert str(quote.border_subtitle) == f"Facts as of {as_of}"
            await pilot.press("enter")
            await pilot.pause()
        await settle(pilot)
    with apps.store.reading() as conn:
        rows = conn.execute(
            """SELECT a.bank_id, s.bank_id, s.mode FROM attempts a
               JOIN sessions s ON s.id = a.session_id WHERE s.mode = 'review' ORDER BY a.id"""
        ).fetchall()
    assert rows == [("japan-korea-summit-2025", "*", "review"), (RIVERTON, "*", "review")]


async def test_home_r_opens_the_review_and_shows_due_counts(apps: Apps, clock: Clock) -> None:
    async with apps.play().run_test(size=(80, 24)) as pilot:
        await play_through(pilot, "WW")
        await pilot.press("q", "y")
        await settle(pilot)
    clock.at(DAY1 + timedelta(days=1))
    async with apps.make(StartHome()).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        home = pilot.app.screen
        assert isinstance(home, HomeScreen)
        by_id = {e.summary.id: e for e in home.entries}
        assert by_id[RIVERTON].due == 2
        assert by_id[RIVERTON].last is not None  # quit midway: the session still counts
        assert (by_id[RIVERTON].last.correct, by_id[RIVERTON].last.total) == (0, 2)
        await pilot.press("r")
        screen = await loaded(pilot)
        assert screen.plan is not None and screen.plan.due_now == 2


async def test_home_due_counts_leave_out_removed_questions(
    apps: Apps, clock: Clock, folder: Path
) -> None:
    async with apps.play().run_test(size=(80, 24)) as pilot:
        await play_through(pilot, "WW")
        await pilot.press("q", "y")
        await settle(pilot)
    answered = [q for q, _, _ in apps.attempts()]
    bank_file = folder / "riverton-bridge.yaml"
    text = bank_file.read_text(encoding="utf-8")
    removed = answered[0]
    start = text.index(f"  - id: {removed}\n")
    end = text.find("\n  - id: ", start + 1)
    bank_file.write_text(text[:start] + text[end + 1 :], encoding="utf-8")
    clock.at(DAY1 + timedelta(days=1))
    async with apps.make(StartHome()).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        home = pilot.app.screen
        assert isinstance(home, HomeScreen)
        by_id = {e.summary.id: e for e in home.entries}
        assert by_id[RIVERTON].due == 1  # two were due; one of them is no longer in the bank


# ------------------------------------------------------------------ cram


async def test_cram_records_without_touching_the_schedule(apps: Apps, clock: Clock) -> None:
    async with apps.play().run_test(size=(80, 24)) as pilot:
        await play_through(pilot, "W")
        await pilot.press("q", "y")
        await settle(pilot)
    before = apps.store.card(RIVERTON, "q-mayor-mc")
    bank = load_bank(ALL_TYPES_BANK)
    async with apps.make(StartReview(bank=bank, cram=True, seed=3)).run_test(
        size=(80, 24)
    ) as pilot:
        quiz = current(pilot)
        assert quiz.session.mode == "cram"
        assert quiz.session.total == 9
        for _ in range(9):
            await answer_right(pilot)
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(pilot.app.screen, SummaryScreen)
        await settle(pilot)
    assert apps.store.card(RIVERTON, "q-mayor-mc") == before
    assert apps.store.card(RIVERTON, "q-cost-tf") is None
    assert [m for _, _, m in apps.attempts()] == ["play"] + ["cram"] * 9


async def test_home_c_crams_the_highlighted_bank(apps: Apps) -> None:
    async with apps.make(StartHome()).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down", "c")  # riverton comes second (by title)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        quiz = current(pilot)
        assert (quiz.session.mode, quiz.session.bank.id) == ("cram", RIVERTON)


# ------------------------------------------------------------------ undo


async def test_undo_keeps_the_first_answer_the_score_and_the_schedule(apps: Apps) -> None:
    """Undo is for a slip of the key: the question is asked again, but the answer taken back
    keeps counting (score, schedule), and the answer given again is kept as a retake."""
    async with apps.play().run_test(size=(80, 24)) as pilot:
        await play_through(pilot, "R")
        quiz = current(pilot)
        await answer_wrong(pilot)
        assert quiz.session.score == 1 and quiz.session.answered == 2
        card_after_slip = apps.store.card(RIVERTON, "q-facts-multi")
        assert card_after_slip is not None
        await pilot.press("u")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert quiz.answered is None  # asked again
        assert quiz.session.number == 2
        assert quiz.session.current.question.id == "q-facts-multi"
        assert (quiz.session.score, quiz.session.answered) == (1, 2)
        assert "1/2" in quiz.query_one(TopBar).status.plain
        assert "first answer still counts" in str(quiz.query_one("#notice", Static).render())
        await answer_right(pilot)
        assert quiz.answered is not None and quiz.answered.outcome is Outcome.RIGHT
        notes = [str(s.render()) for s in quiz.query(".save-note").results(Static)]
        assert notes == [
            "Answered again after an undo: your first answer (wrong) is the one that counts."
        ]
        assert "1/2" in quiz.query_one(TopBar).status.plain
        assert not quiz.check_action("undo", ())  # once
        await settle(pilot)
    assert apps.store.card(RIVERTON, "q-facts-multi") == card_after_slip
    assert apps.attempts() == [
        ("q-mayor-mc", "right", "play"),
        ("q-facts-multi", "wrong", "play"),
        ("q-facts-multi", "right", "play"),
    ]
    with apps.store.reading() as conn:
        assert conn.execute("SELECT undone, retake_of FROM attempts ORDER BY id").fetchall() == [
            (0, None),
            (1, None),
            (0, 2),
        ]


async def test_undo_only_from_the_feedback(apps: Apps) -> None:
    async with apps.play().run_test(size=(80, 24)) as pilot:
        await play_through(pilot, "R")
        quiz = current(pilot)
        await pilot.press("u")  # on a question: nothing to undo (and not in the footer)
        await pilot.pause()
        assert quiz.session.number == 2 and len(quiz.session.results) == 1
        assert not quiz.check_action("undo", ())
        await settle(pilot)
    assert len(apps.attempts()) == 1


# ------------------------------------------------------------------ flags


async def test_flag_a_question(apps: Apps) -> None:
    async with apps.play().run_test(size=(80, 24)) as pilot:
        await answer_wrong(pilot)
        await pilot.press("exclamation_mark")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, FlagDialog)
        await pilot.press("down", "down", "enter")  # "unclear"; the note takes the focus
        await pilot.pause()
        assert isinstance(pilot.app.focused, Input)
        for key in "two mayors?":
            await pilot.press("space" if key == " " else key)
        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(pilot.app.screen, QuizScreen)
        assert pilot.app.screen.acknowledged  # back on the feedback
    flags = apps.store.flags(RIVERTON)
    assert [(f.question_id, f.reason, f.note) for f in flags] == [
        ("q-mayor-mc", "unclear", "two mayors?")
    ]


async def test_flag_by_number_key(apps: Apps) -> None:
    async with apps.play().run_test(size=(80, 24)) as pilot:
        await answer_right(pilot)
        await pilot.press("exclamation_mark")
        await pilot.pause()
        await pilot.press("3", "enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(pilot.app.screen, QuizScreen)
    assert [(f.reason, f.note) for f in apps.store.flags()] == [("other", "")]


async def test_flag_cancelled_saves_nothing(apps: Apps) -> None:
    async with apps.play().run_test(size=(80, 24)) as pilot:
        await answer_right(pilot)
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert isinstance(pilot.app.screen, FlagDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, QuizScreen)
    assert apps.store.flags() == []


# ------------------------------------------------------------------ what saving tells


async def test_schedule_reset_is_said(apps: Apps, clock: Clock, tmp_path: Path) -> None:
    async with apps.play().run_test(size=(80, 24)) as pilot:
        await play_through(pilot, "R")
        await pilot.press("q", "y")
        await settle(pilot)
    # the author corrects the first question's answer
    changed = tmp_path / "changed"
    changed.mkdir()
    text_ = ALL_TYPES_BANK.read_text(encoding="utf-8")
    shutil.copy(DATA / "valid" / "article.txt", changed / "article.txt")
    bank_file = changed / "riverton-bridge.yaml"
    bank_file.write_text(_swap_mayor_answer(text_), encoding="utf-8")
    clock.at(DAY1 + timedelta(days=1))
    async with apps.play(bank_file).run_test(size=(80, 24)) as pilot:
        quiz = current(pilot)
        await answer_right(pilot)
        notes = [str(s.render()) for s in quiz.query(".save-note").results(Static)]
        assert notes == [
            "This question's answer changed since you last saw it; its schedule starts afresh."
        ]
        await pilot.press("enter")
        await answer_right(pilot)
        assert list(quiz.query(".save-note")) == []


def _swap_mayor_answer(text: str) -> str:
    """The all-types bank with the mayor question's right choice moved to another one."""
    from quiz.bank.model import MultipleChoice

    bank = load_bank(ALL_TYPES_BANK)
    question = bank.question("q-mayor-mc")
    assert isinstance(question, MultipleChoice)
    start = text.index("  - id: q-mayor-mc")
    end = text.index("  - id:", start + 5)
    block = text[start:end]
    lines = block.splitlines(keepends=True)
    out = [
        ("    answer: Marta Silva\n" if line.strip().startswith("answer:") else line)
        for line in lines
    ]
    assert out != lines, block
    return text[:start] + "".join(out) + text[end:]


def _full(store: Store) -> None:
    """Simulate a full disk: SQLite may not grow the file past the pages it has now
    (``PRAGMA max_page_count``), then the pages it has are filled to the brim."""
    from quiz.record import Answer

    conn = store._conn  # the test hook: the store's own connection
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")
    session = store.start_session("filler", "play")
    for n in range(10_000):
        try:
            store.record(
                Answer("filler", f"f{n}", "true_false", "True", Outcome.RIGHT, 1.0, DAY1, "True"),
                session_id=session,
            )
        except Exception as error:
            assert "full" in str(error)
            return
    raise AssertionError("the database never filled up")


def _roomy(store: Store) -> None:
    store._conn.execute("PRAGMA max_page_count = 1073741823")


async def test_a_full_disk_is_said_once_and_the_quiz_goes_on(apps: Apps) -> None:
    async with apps.play().run_test(size=(80, 24)) as pilot:
        await play_through(pilot, "R")  # saved
        _full(apps.store)
        quiz = current(pilot)
        await answer_right(pilot)  # not saved: the feedback still comes, and says so
        assert quiz.acknowledged and quiz.saved is not None and not quiz.saved.ok
        notes = [str(s.render()) for s in quiz.query(".save-note").results(Static)]
        assert notes[0].startswith("Not saved to your scores yet: kept on disk in ")
        warnings = [n for n in pilot.app._notifications if n.title == "Not saved"]
        assert len(warnings) == 1
        assert "Progress is not being saved" in warnings[0].message
        assert "full" in warnings[0].message
        await pilot.press("enter")
        await answer_wrong(pilot)  # still failing: no second notice
        assert [n.title for n in pilot.app._notifications].count("Not saved") == 1
        await pilot.press("enter")
        _roomy(apps.store)  # space again: this answer and the two held back are saved
        await answer_right(pilot)
        assert quiz.saved is not None and quiz.saved.ok and quiz.saved.recovered == 2
        assert any(n.title == "Saved" for n in pilot.app._notifications)
        await settle(pilot)
    assert [q for q, _, _ in apps.attempts() if not q.startswith("f")] == [
        "q-mayor-mc",
        "q-facts-multi",
        "q-cost-tf",
        "q-cost-cloze",
    ]


async def test_saving_waits_and_says_so(apps: Apps) -> None:
    """Feedback comes only once the answer is committed; meanwhile a quiet "Saving…"."""
    import threading

    gate = threading.Event()
    real = apps.store.record

    def slow_record(*args: object, **kwargs: object) -> object:
        gate.wait(10)
        return real(*args, **kwargs)

    apps.store.record = slow_record  # type: ignore[method-assign]
    async with apps.play().run_test(size=(80, 24)) as pilot:
        quiz = current(pilot)
        await pilot.press("1")
        await pilot.pause(QuizScreen.SAVING_AFTER)
        for _ in range(100):  # the timer may be late on a busy machine
            if quiz.has_class("-saving"):
                break
            await pilot.pause(0.05)
        assert quiz.answered is not None and not quiz.acknowledged
        assert quiz.has_class("-saving")
        assert text(quiz, "#hint") == "Saving your answer…"
        assert not any(f.display for f in quiz.query(Feedback))  # no feedback yet
        await pilot.press("enter")  # cannot move on before it is saved
        assert quiz.session.number == 1
        gate.set()
        await acknowledged(pilot)
        assert quiz.acknowledged and quiz.query_one(Feedback).display
        assert not quiz.has_class("-saving")
        assert len(apps.attempts()) == 1
