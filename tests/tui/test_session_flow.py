"""The learner's session as a learner goes through it (issue 19): start anything from home,
leave and come back, ctrl+c, a help that lists every key, screens and dialogs that fit, and
typed numbers. Played with the keyboard on a real store in a temporary data dir."""

from __future__ import annotations

import pytest
from textual.binding import Binding
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, Static

from quiz.bank import load_bank
from quiz.bank.model import Numeric
from quiz.session import Options
from quiz.tui.app import QuizApp
from quiz.tui.choices import StartChoice, load_choice
from quiz.tui.config import StartHome, StartPlay
from quiz.tui.screens.dialogs import ConfirmEnd, ConfirmQuit, HelpScreen, help_sections
from quiz.tui.screens.flag import FlagDialog
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.quiz import QuizScreen
from quiz.tui.screens.review import ReviewScreen
from quiz.tui.screens.start import CheckList, StartDialog
from quiz.tui.screens.stats import StatsScreen
from quiz.tui.screens.summary import SummaryScreen
from quiz.tui.widgets.answers import DIGIT_EXAMPLES, WORD_EXAMPLES, number_examples
from quiz.tui.widgets.feedback import Feedback
from quiz.tui.widgets.question_head import QuestionHead
from tests.conftest import ALL_TYPES_BANK, FOUNDING_BANK, RICH_BANK
from tests.tui.conftest import FIXED_DATA_DIR, Harness, settle, type_text
from tests.tui.helpers import answer_right, answer_wrong, current
from tests.tui.test_review import RIVERTON, Apps, apps, folder, play_through, store

__all__ = ["apps", "folder", "store"]  # fixtures, shared with the review tests (clock: conftest)

FOUNDING = "japan-korea-summit-2025"


async def screen_of(pilot: Pilot, kind: type, timeout: float = 5.0) -> object:
    """The app's screen once it is a ``kind`` (screens switch after a worker or a refresh)."""
    for _ in range(int(timeout / 0.01)):
        if isinstance(pilot.app.screen, kind):
            await pilot.pause()
            return pilot.app.screen
        await pilot.pause(0.01)
    raise AssertionError(f"never a {kind.__name__}: {pilot.app.screen}")


def end_key(pilot: Pilot) -> str:
    """q, or ctrl+q when the question is typed (q is a letter then): the order of a quiz
    started from home is random."""
    from quiz.tui.widgets.answers import TextAnswer

    return "ctrl+q" if isinstance(current(pilot).answer_input, TextAnswer) else "q"


async def home_loaded(pilot: Pilot) -> HomeScreen:
    await settle(pilot)
    home = pilot.app.screen
    assert isinstance(home, HomeScreen) and home.entries
    return home


async def start_dialog(pilot: Pilot, *keys: str) -> StartDialog:
    """From home: the keys (to choose a bank), Enter, and the dialog once the bank is read."""
    await home_loaded(pilot)
    await pilot.press(*keys, "enter")
    for _ in range(200):
        await pilot.pause(0.01)
        if isinstance(pilot.app.screen, StartDialog):
            await pilot.pause()
            return pilot.app.screen
    raise AssertionError(f"no start dialog: {pilot.app.screen}")


# ---------------------------------------------------------------------- start from home


async def test_start_ten_questions_of_two_types_and_it_is_remembered(apps: Apps) -> None:
    async with apps.make(StartHome()).run_test(size=(80, 24)) as pilot:
        dialog = await start_dialog(pilot)  # the founding bank comes first (by title)
        assert dialog.bank.id == FOUNDING
        assert pilot.app.focused is dialog.query_one("#count", Input)
        await type_text(pilot, "10")
        await pilot.press("tab", "space", "down", "space")  # multiple choice, true or false
        assert dialog.choice() == StartChoice(count=10, types=("multiple_choice", "true_false"))
        assert "→ 10 questions" in str(dialog.query_one("#matching", Static).render())
        await pilot.press("ctrl+s")
        quiz = await screen_of(pilot, QuizScreen)
        assert isinstance(quiz, QuizScreen)
        types = {item.question.TYPE for item in quiz.session.items}
        assert quiz.session.total == 10 and types <= {"multiple_choice", "true_false"}
        await settle(pilot)
    assert load_choice(FIXED_DATA_DIR, FOUNDING) == StartChoice(
        count=10, types=("multiple_choice", "true_false")
    )

    async with apps.make(StartHome()).run_test(size=(80, 24)) as pilot:
        dialog = await start_dialog(pilot)
        assert dialog.query_one("#count", Input).value == "10"
        assert dialog.query_one("#types", CheckList).ticked() == ("multiple_choice", "true_false")
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, HomeScreen)


async def test_only_the_ones_missed_last_time(apps: Apps) -> None:
    async with apps.play().run_test(size=(80, 24)) as pilot:
        await play_through(pilot, "RWR")
        await pilot.press("q", "y")
        await settle(pilot)
    async with apps.make(StartHome()).run_test(size=(80, 24)) as pilot:
        dialog = await start_dialog(pilot, "down")  # riverton
        missed = dialog.query_one("#missed", Checkbox)
        assert not missed.disabled and "(1)" in str(missed.label)
        missed.value = True
        await pilot.pause()
        assert dialog.matching() == 1
        await pilot.press("ctrl+s")
        await pilot.pause()
        quiz = current(pilot)
        assert [item.question.id for item in quiz.session.items] == ["q-facts-multi"]


async def test_a_quiz_left_midway_goes_on_with_what_was_not_answered(apps: Apps) -> None:
    """A new user's trial: "You answered 10 of 34" on ending, and the next start had all 34
    again, the 10 included. The start dialog offers the ones never answered (a card's
    questions aside), and remembers the choice."""
    async with apps.play().run_test(size=(80, 24)) as pilot:
        answered = await play_through(pilot, "RWR")
        await pilot.press("q", "y")
        await settle(pilot)
    riverton = load_bank(ALL_TYPES_BANK)
    left = [q.id for q in riverton.questions if q.id not in answered]
    async with apps.make(StartHome()).run_test(size=(80, 24)) as pilot:
        dialog = await start_dialog(pilot, "down")  # riverton
        new = dialog.query_one("#new", Checkbox)
        assert not new.disabled and f"({len(left)})" in str(new.label)
        new.value = True
        await pilot.pause()
        assert dialog.matching() == len(left)
        await pilot.press("ctrl+s")
        quiz = await screen_of(pilot, QuizScreen)
        assert isinstance(quiz, QuizScreen)
        assert sorted(item.question.id for item in quiz.session.items) == sorted(left)
        await settle(pilot)
    assert load_choice(FIXED_DATA_DIR, riverton.id) == StartChoice(new_only=True)
    async with apps.make(StartHome()).run_test(size=(80, 24)) as pilot:
        dialog = await start_dialog(pilot, "down")
        assert dialog.query_one("#new", Checkbox).value  # remembered
        # both ticks: the one missed and the ones never answered
        dialog.query_one("#missed", Checkbox).value = True
        await pilot.pause()
        assert dialog.matching() == len(left) + 1


async def test_a_choice_that_leaves_nothing_cannot_start(apps: Apps) -> None:
    async with apps.make(StartHome()).run_test(size=(80, 24)) as pilot:
        dialog = await start_dialog(pilot, "down")
        missed = dialog.query_one("#missed", Checkbox)
        assert missed.disabled  # never played: nothing missed
        await pilot.press("tab", "down", "down", "down", "down", "space")  # numeric: 1
        assert dialog.matching() == 1
        await pilot.press("tab")
        tags = dialog.query_one("#tags", CheckList)
        assert pilot.app.focused is tags
        await pilot.press("space")  # "people": no numeric question has it
        assert dialog.matching() == 0
        assert "No question matches" in str(dialog.query_one("#matching", Static).render())
        await pilot.press("ctrl+s")
        assert pilot.app.screen is dialog


async def test_cram_from_the_start_dialog(apps: Apps) -> None:
    async with apps.make(StartHome()).run_test(size=(80, 24)) as pilot:
        await start_dialog(pilot, "down")
        await type_text(pilot, "3")
        await pilot.press("ctrl+r")
        await pilot.pause()
        quiz = current(pilot)
        assert (quiz.session.mode, quiz.session.total) == ("cram", 3)


# ---------------------------------------------------------------------- leaving, coming back


async def test_q_midway_shows_the_partial_summary_then_home(apps: Apps) -> None:
    async with apps.make(StartHome()).run_test(size=(80, 24)) as pilot:
        await start_dialog(pilot, "down")
        await pilot.press("enter")
        await pilot.pause()
        await play_through(pilot, "RW")
        await pilot.press(end_key(pilot))
        assert isinstance(pilot.app.screen, ConfirmEnd)
        await pilot.press("y")
        await settle(pilot)
        summary = await screen_of(pilot, SummaryScreen)
        assert isinstance(summary, SummaryScreen)
        assert (summary.summary.answered, summary.summary.total) == (2, 9)
        assert str(summary.query_one("#ended-early", Static).render()).startswith(
            "Ended early: 2 of 9 questions answered"
        )
        await pilot.press("h")
        home = await home_loaded(pilot)
        assert {e.summary.id: e.last for e in home.entries}[RIVERTON] is not None
    assert len(apps.attempts()) == 2
    with apps.store.reading() as conn:
        assert conn.execute("SELECT ended_at IS NOT NULL FROM sessions").fetchall() == [(1,)]


async def test_q_with_nothing_answered_goes_straight_home(apps: Apps) -> None:
    async with apps.make(StartHome()).run_test(size=(80, 24)) as pilot:
        await start_dialog(pilot, "down")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(end_key(pilot), "y")
        await home_loaded(pilot)


async def test_ctrl_q_while_typing_ends_the_quiz_too(harness: Harness) -> None:
    app = harness.play(types=("short_answer",))
    async with app.run_test(size=(80, 24)) as pilot:
        await answer_right(pilot)
        await pilot.press("enter")
        await type_text(pilot, "q")
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ConfirmEnd)
        await pilot.press("y")
        await screen_of(pilot, SummaryScreen)


async def test_ctrl_c_in_a_quiz_quits_with_every_answer_saved(apps: Apps) -> None:
    app = apps.play()
    async with app.run_test(size=(80, 24)) as pilot:
        await play_through(pilot, "RWR")
        assert isinstance(current(pilot).query_one(Input), Input)  # a typed question
        await type_text(pilot, "12")  # ctrl+c is not "copy" in an input here
        await pilot.press("ctrl+c")
        await pilot.pause()
    assert app.return_code == 0
    assert [(q, o) for q, o, _ in apps.attempts()] == [
        ("q-mayor-mc", "right"),
        ("q-facts-multi", "wrong"),
        ("q-cost-tf", "right"),
    ]
    with apps.store.reading() as conn:
        assert conn.execute("SELECT ended_at IS NOT NULL FROM sessions").fetchall() == [(1,)]


@pytest.mark.parametrize("where", ["home", "summary", "stats", "help", "start dialog"])
async def test_ctrl_c_quits_from_any_screen(apps: Apps, where: str) -> None:
    app = apps.make(StartHome())
    async with app.run_test(size=(80, 24)) as pilot:
        await home_loaded(pilot)
        if where == "summary":
            await start_dialog(pilot, "down")
            await pilot.press("enter")
            await pilot.pause()
            await play_through(pilot, "R")
            await pilot.press(end_key(pilot), "y")
            await screen_of(pilot, SummaryScreen)
        elif where == "stats":
            await pilot.press("s")
            await pilot.pause()
            assert isinstance(app.screen, StatsScreen)
        elif where == "help":
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
        elif where == "start dialog":
            await start_dialog(pilot)
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert not app.is_running or app._exit_renderables
    assert app.return_code == 0


# ---------------------------------------------------------------------- the help


SCREENS_WITH_A_KEY_BAR = [HomeScreen, QuizScreen, SummaryScreen, ReviewScreen, StatsScreen]


async def test_every_key_a_key_bar_shows_is_in_the_help(harness: Harness) -> None:
    app = harness.play()
    async with app.run_test(size=(80, 24)):
        rows = [row for _title, section in help_sections(app) for row in section]
        for screen in SCREENS_WITH_A_KEY_BAR:
            for binding in Binding.make_bindings(screen.BINDINGS):
                if not binding.show:
                    continue
                shown = app.get_key_display(binding)
                text = binding.tooltip or binding.description
                assert any(shown in keys.split(" / ") and what == text for keys, what in rows), (
                    screen.__name__,
                    binding,
                )
        # and every binding of the app, shown or not
        for binding in Binding.make_bindings(QuizApp.BINDINGS):
            assert any(app.get_key_display(binding) in keys.split(" / ") for keys, _ in rows)
        undo = next(what for keys, what in rows if keys == "u")
        assert "first answer still counts" in undo


@pytest.mark.parametrize("size", [(40, 12), (80, 24), (100, 30)])
async def test_the_help_scrolls_to_its_last_row(harness: Harness, size: tuple[int, int]) -> None:
    app = harness.play()
    async with app.run_test(size=size) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        screen_region = Region(0, 0, *size)
        hint = help_screen.query_one("#help .hint", Static)
        assert screen_region.contains_region(hint.region)  # "Esc or ? closes", always
        await pilot.press("end")
        await pilot.pause()
        body = help_screen.query_one("#help-body")
        last = list(help_screen.query(".key-row"))[-1]
        assert body.region.contains_region(last.region), (body.region, last.region)
        assert screen_region.contains_region(body.region)


# ---------------------------------------------------------------------- fitting


async def test_feedback_keeps_the_question_in_view_at_80x24(harness: Harness) -> None:
    app = harness.play(FOUNDING_BANK, seed=1, shuffle=True, count=12)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(12):
            quiz = current(pilot)
            await answer_wrong(pilot)
            await pilot.pause()
            scroll = quiz.query_one("#scroll")
            head = quiz.query_one("#prompt", QuestionHead)  # the kind, then the prompt
            prompt_line = (head.region.x, head.region.y + head.prompt_offset)
            feedback = quiz.query_one(Feedback)
            assert scroll.region.contains_point(prompt_line), quiz.session.current.question.id
            verdict = feedback.query_one(".verdict")
            assert scroll.region.contains_region(verdict.region)
            await pilot.press("enter")
            await pilot.pause()


async def _open(pilot: Pilot, dialog: str) -> None:
    if dialog == "quit":
        await home_loaded(pilot)
        await pilot.press("q")
    elif dialog == "end":
        await pilot.press("q")
    elif dialog == "start":
        await start_dialog(pilot)
    elif dialog == "flag":
        await answer_wrong(pilot)
        await pilot.press("exclamation_mark")
    elif dialog == "help":
        await pilot.press("question_mark")
    await pilot.pause()


@pytest.mark.parametrize("dialog", ["quit", "end", "start", "flag", "help"])
async def test_dialogs_fit_at_40x12(apps: Apps, dialog: str) -> None:
    # the frozen copy: its first question (seed 1) is a choice one, where q and ? are keys
    start = (
        StartHome()
        if dialog in ("quit", "start")
        else StartPlay(load_bank(RICH_BANK), Options(seed=1))
    )
    app = apps.make(start)
    async with app.run_test(size=(40, 12)) as pilot:
        await _open(pilot, dialog)
        screen = app.screen
        assert isinstance(screen, ConfirmQuit | StartDialog | FlagDialog | HelpScreen), screen
        box = screen.query_one("#dialog, #start, #flag, #help")
        whole = Region(0, 0, 40, 12)
        assert whole.contains_region(box.region)
        for button in screen.query("Button"):
            assert box.region.contains_region(button.region), button


# ---------------------------------------------------------------------- typed numbers


def test_the_number_hint_is_never_an_answer_of_the_bank() -> None:
    for path in (FOUNDING_BANK, ALL_TYPES_BANK):
        bank = load_bank(path)
        hint = number_examples(bank)
        answers = {q.answer for q in bank.questions if isinstance(q, Numeric)}
        shown = {value for value, text in DIGIT_EXAMPLES + WORD_EXAMPLES if text in hint}
        assert shown and not shown & answers, (path, hint)
    assert "80000" not in number_examples(load_bank(FOUNDING_BANK))


def test_the_number_hint_steps_aside_for_an_answer() -> None:
    from msgspec.structs import replace

    bank = load_bank(ALL_TYPES_BANK)
    numeric = next(q for q in bank.questions if isinstance(q, Numeric))
    taken = replace(
        bank,
        id="taken",
        questions=(replace(numeric, answer=3400.0), replace(numeric, id="n2", answer=2e6)),
    )
    hint = number_examples(taken)
    assert "3400" not in hint and "two million" not in hint
    assert hint == "2700, 2,700, 2.7k and “seventy”"


async def test_a_number_in_words_and_one_you_said(harness: Harness) -> None:
    app = harness.play(types=("numeric",))
    async with app.run_test(size=(80, 24)) as pilot:
        quiz = current(pilot)
        hint = str(quiz.query_one("#hint", Static).render())
        assert "4000" not in hint and "4,000" not in hint  # the answer of this question
        await type_text(pilot, "seventy-five thousand")
        await pilot.press("enter")
        await pilot.pause()
        await settle(pilot)
        feedback = quiz.query_one(Feedback)
        said = [str(w.render()) for w in feedback.query(".given-line .value").results(Static)]
        assert said == ["seventy-five thousand"]
        notes = [str(w.render()) for w in feedback.query(".note").results(Static)]
        assert notes == ["Read as 75,000."]
        assert not any("You said" in note for note in notes)
    answer = harness.recorder.answers[0]
    assert answer.given == "seventy-five thousand"


async def test_three_in_words_is_right(harness: Harness) -> None:
    from tests.tui.helpers import acknowledged

    app = harness.play(types=("cloze",))
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, "twelve")
        await pilot.press("enter")
        await type_text(pilot, "3")
        await pilot.press("enter")
        await acknowledged(pilot)
        answered = current(pilot).answered
        assert answered is not None and answered.outcome.correct
