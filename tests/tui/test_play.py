"""Whole quizzes played with the keyboard; assertions on state, not pixels."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from quiz.record import Outcome
from quiz.tui.screens.dialogs import ConfirmQuit, HelpScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.quiz import QuizScreen
from quiz.tui.screens.start import StartDialog
from quiz.tui.screens.summary import SummaryScreen
from quiz.tui.widgets.answers import GIVE_UP, ChoiceList, MatchingBoard, OrderingList
from quiz.tui.widgets.feedback import Feedback
from tests.conftest import ALL_TYPES_BANK, FOUNDING_BANK
from tests.tui.conftest import Harness, settle, type_text
from tests.tui.helpers import acknowledged, answer_right, answer_wrong, current

TYPES = [
    "multiple_choice",
    "true_false",
    "cloze",
    "short_answer",
    "numeric",
    "matching",
    "ordering",
]


async def test_all_types_right(harness: Harness) -> None:
    app = harness.play()
    async with app.run_test(size=(80, 24)) as pilot:
        total = current(pilot).session.total
        assert total == 9
        for n in range(total):
            screen = current(pilot)
            assert screen.session.number == n + 1
            await answer_right(pilot)
            assert screen.answered is not None, screen.session.current.question.id
            assert screen.answered.outcome is Outcome.RIGHT, screen.answered.grade
            assert screen.query_one(Feedback).has_class("-right")
            await pilot.press("enter")
        assert isinstance(app.screen, SummaryScreen)
        summary = app.screen.summary
        assert (summary.correct, summary.answered, summary.missed) == (9, 9, ())
        await settle(pilot)
    answers = harness.recorder.answers
    assert [a.outcome for a in answers] == [Outcome.RIGHT] * 9
    assert {a.question_type for a in answers} == set(TYPES)
    assert answers[0].given == "Ana Costa"
    assert [a.seconds for a in answers] == [7.0] * 9


async def test_all_types_wrong_then_retry(harness: Harness) -> None:
    app = harness.play()
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(9):
            screen = current(pilot)
            await answer_wrong(pilot)
            assert screen.answered is not None
            assert screen.answered.outcome is Outcome.WRONG, screen.answered.grade
            assert screen.query_one(Feedback).has_class("-wrong")
            await pilot.press("space")
        assert isinstance(app.screen, SummaryScreen)
        assert app.screen.summary.correct == 0
        assert len(app.screen.summary.missed) == 9
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        assert app.screen.session.total == 9
        await answer_right(pilot)
        await settle(pilot)
    assert len(harness.recorder.answers) == 10
    assert harness.recorder.answers[-1].outcome is Outcome.RIGHT


@pytest.mark.parametrize("qtype", TYPES)
async def test_each_type_alone(harness: Harness, qtype: str) -> None:
    from quiz.bank import load_bank

    several = sum(qtype == q.TYPE for q in load_bank(FOUNDING_BANK).questions) > 1
    app = harness.play(FOUNDING_BANK, types=(qtype,), count=2)
    async with app.run_test(size=(80, 24)) as pilot:
        if several:  # two of the type: one right, one wrong
            await answer_right(pilot)
            assert current(pilot).answered.outcome is Outcome.RIGHT
            await pilot.press("enter")
        await answer_wrong(pilot)
        assert current(pilot).answered.outcome is Outcome.WRONG
        await pilot.press("enter")
        assert isinstance(app.screen, SummaryScreen)
        assert app.screen.summary.correct == (1 if several else 0)
        if not several:  # the bank's only one of the type: wrong, then right on the retry
            await pilot.press("r")
            await pilot.pause()
            assert isinstance(app.screen, QuizScreen)
            await answer_right(pilot)
            assert current(pilot).answered.outcome is Outcome.RIGHT
        await settle(pilot)
    assert [a.question_type for a in harness.recorder.answers] == [qtype, qtype]


async def test_near_miss(harness: Harness) -> None:
    app = harness.play(types=("short_answer",))
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, "ana cotsa")
        await pilot.press("enter")
        screen = current(pilot)
        assert screen.answered.outcome is Outcome.NEAR_MISS
        feedback = screen.query_one(Feedback)
        assert feedback.has_class("-near")
        notes = [str(s.render()) for s in feedback.query(".note").results(Static)]
        assert notes == ["Accepted a near miss: the exact answer is “Ana Costa”."]
        await settle(pilot)
    assert harness.recorder.answers[0].given == "ana cotsa"


async def _hint_after_a_lone_enter(pilot: Pilot) -> str:
    """Enter on a fresh question: nothing is answered; returns the hint shown instead."""
    await pilot.pause()
    screen = current(pilot)
    await pilot.press("enter")
    assert screen.answered is None
    return str(screen.query_one("#hint", Static).render())


async def test_empty_answer_needs_a_second_enter(harness: Harness) -> None:
    app = harness.play(types=("short_answer",))
    async with app.run_test(size=(80, 24)) as pilot:
        assert await _hint_after_a_lone_enter(pilot) == GIVE_UP
        await pilot.press("enter")
        assert current(pilot).answered.outcome is Outcome.WRONG


async def test_an_enter_before_any_choice_answers_nothing(harness: Harness) -> None:
    """One Enter too many after the feedback must not answer the next question."""
    app = harness.play(types=("multiple_choice",))
    async with app.run_test(size=(80, 24)) as pilot:
        hint = await _hint_after_a_lone_enter(pilot)
        assert hint == "No choice yet: press 1-4, or ↑↓ then Enter."
        screen = current(pilot)
        await pilot.press("down")
        assert str(screen.query_one("#hint", Static).render()) != hint  # the usual hint again
        await pilot.press("enter")
        await acknowledged(pilot)
        assert screen.answered is not None and screen.answered.answer.given == "Ana Costa"


async def test_an_order_submitted_unmoved_needs_a_second_enter(harness: Harness) -> None:
    app = harness.play(types=("ordering",))
    async with app.run_test(size=(80, 24)) as pilot:
        hint = await _hint_after_a_lone_enter(pilot)
        assert hint == "Nothing moved yet — press Enter again to submit this order."
        await pilot.press("enter")
        await acknowledged(pilot)
        answered = current(pilot).answered
        assert answered is not None and answered.outcome is Outcome.WRONG


async def test_numeric_rejects_what_is_not_a_number(harness: Harness) -> None:
    app = harness.play(types=("numeric",))
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, "lots")
        await pilot.press("enter")
        screen = current(pilot)
        assert screen.answered is None
        assert "isn't a number" in str(screen.query_one("#hint", Static).render())
        await pilot.press(*["backspace"] * 4, "4", ",", "0", "0", "0", "enter")
        assert screen.answered.outcome is Outcome.RIGHT


async def test_multiple_needs_a_pick_and_toggles(harness: Harness) -> None:
    app = harness.play(types=("multiple_choice",))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")  # single choice: 1 answers at once
        assert current(pilot).answered.outcome is Outcome.RIGHT
        await pilot.press("enter")
        screen = current(pilot)
        choices = screen.query_one(ChoiceList)
        assert choices.multiple
        await pilot.press("enter")
        assert screen.answered is None
        await pilot.press("1", "3", "3", "2")  # 3 toggled off again
        assert choices.picked == {0, 1}
        await pilot.press("enter")
        assert screen.answered.outcome is Outcome.RIGHT


async def test_pick_all_feedback_shows_what_was_ticked(harness: Harness) -> None:
    """A new user's trial: after a "pick all" answer every right choice had a ✓ and the ticks
    were gone, so what was ticked showed only in "You said". The box stays beside the mark:
    ■ ✓ ticked and right, □ ✓ right and left unticked, ■ ✗ ticked and wrong."""
    app = harness.play(types=("multiple_choice",))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "enter")  # the single-answer question first
        screen = current(pilot)
        choices = screen.query_one(ChoiceList)
        question = screen.session.current.question
        assert choices.multiple
        right = sorted(question.correct_indices())
        wrong = [n for n in range(len(question.choices)) if n not in right]
        await pilot.press(str(right[0] + 1), str(wrong[0] + 1), "enter")
        assert screen.answered is not None and screen.answered.outcome is not Outcome.RIGHT
        lines = {
            line.split("  ", 1)[-1].strip(): line.strip()[:3]
            for line in str(choices.render()).splitlines()
            if line.strip()
        }
        assert lines[question.choices[right[0]]] == "■ ✓"
        assert lines[question.choices[right[1]]] == "□ ✓"
        assert lines[question.choices[wrong[0]]] == "■ ✗"


@pytest.mark.parametrize("size", [(40, 12), (80, 24)])
async def test_a_click_on_a_choice_answers_with_it(harness: Harness, size: tuple[int, int]) -> None:
    """The choices are drawn by one widget: a click on any line of a choice (its wrapped
    lines too) picks that choice."""
    app = harness.play(FOUNDING_BANK, types=("multiple_choice",), seed=2)
    async with app.run_test(size=size) as pilot:
        screen = current(pilot)
        choices = screen.query_one(ChoiceList)
        width = choices.content_size.width
        heights = [len(choices._lines(n, width)) for n in range(len(choices.choices))]
        tallest = max(range(len(heights)), key=lambda n: (heights[n], n))
        y = sum(heights[:tallest]) + heights[tallest] - 1  # its last (wrapped) line
        screen.query_one("#scroll").scroll_end(animate=False)
        await pilot.pause()
        await pilot.click(ChoiceList, offset=(3, y))
        await pilot.pause()
        assert screen.answered is not None
        assert choices.picked == {tallest}
        assert size != (40, 12) or heights[tallest] > 1  # a wrapped choice was clicked


async def test_matching_is_keyboard_operable(harness: Harness) -> None:
    app = harness.play(types=("matching",))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = current(pilot)
        board = screen.query_one(MatchingBoard)
        await pilot.press("1", "1")  # the second takes option 1 from the first item
        assert board.picks == [None, 0, None]
        assert board.cursor == 2
        await pilot.press("enter")
        assert screen.answered is None
        assert "2 still open" in str(screen.query_one("#hint", Static).render())
        await pilot.press("up", "backspace")
        assert board.picks == [None, None, None]


async def test_ordering_moves_items(harness: Harness) -> None:
    app = harness.play(types=("ordering",))
    async with app.run_test(size=(80, 24)) as pilot:
        board = current(pilot).query_one(OrderingList)
        before = list(board.order)
        await pilot.press("right_square_bracket")
        assert board.order == [before[1], before[0], before[2]]
        assert board.cursor == 1
        await pilot.press("shift+up")
        assert board.order == before
        assert board.cursor == 0


async def test_quit_asks_first(harness: Harness) -> None:
    """q ends a quiz after confirming; with nothing answered in a quiz started by quiz play,
    there is nothing to sum up and nowhere to go back to: the app ends."""
    app = harness.play()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        assert isinstance(app.screen, ConfirmQuit)
        await pilot.press("n")
        assert isinstance(app.screen, QuizScreen)
        await pilot.press("q", "y")
        await pilot.pause()
    assert app.return_code == 0


async def test_q_is_typed_in_a_text_answer(harness: Harness) -> None:
    app = harness.play(types=("short_answer",))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q", "question_mark")
        assert isinstance(app.screen, QuizScreen)
        assert app.screen.query_one(Input).value == "q?"
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ConfirmQuit)


async def test_help_opens_and_closes(harness: Harness) -> None:
    app = harness.play(types=("true_false",))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, QuizScreen)


async def test_theme_toggles(harness: Harness) -> None:
    app = harness.play(types=("true_false",))
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.current_theme.dark
        await pilot.press("ctrl+t")
        assert not app.current_theme.dark
        await pilot.press("ctrl+t")
        assert app.current_theme.dark


async def test_markup_in_a_prompt_is_shown_literally(harness: Harness) -> None:
    app = harness.play(types=("short_answer",))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter", "enter")  # give up on the first, move on
        screen = current(pilot)
        assert screen.session.current.question.id == "q-quote-literal"
        prompt = screen.query_one("#prompt", Static)  # the kind's line, then the prompt
        assert str(prompt.render()).split("\n")[2:] == [
            "[b]Who[/b] said “This bridge joins two halves of one town”? [@click=app.quit]x[/]"
        ]
        await pilot.click(prompt)
        await pilot.pause()
        assert app.is_running


async def test_recording_failure_is_reported_and_the_quiz_goes_on(harness: Harness) -> None:
    class Broken:
        def record(self, answer: object) -> None:
            raise OSError("disk full")

    config = harness.config(harness.play().config.start, recorder_factory=lambda b, m: Broken())
    app = harness.app(config)
    async with app.run_test(size=(80, 24)) as pilot:
        await answer_right(pilot)
        await settle(pilot)
        await pilot.pause()
        assert any("disk full" in str(n.message) for n in app._notifications)
        await pilot.press("enter")
        assert current(pilot).session.number == 2


async def test_home_lists_banks_and_starts_a_quiz(harness: Harness, banks_folder: Path) -> None:
    app = harness.home((banks_folder,))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert [e.path.name for e in home.entries] == [
            "japan-korea-summit-2025.yaml",
            "riverton-bridge.yaml",
            "broken.yaml",
        ]
        assert home.entries[2].errors == ("line 12: question 'q1': difficulty must be 1, 2 or 3",)
        await pilot.press("down", "down", "enter")  # the broken one: a warning, no quiz
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("up", "up", "enter")
        await settle(pilot)
        assert isinstance(app.screen, StartDialog)  # how to start it: all, as it opens
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        assert app.screen.session.bank.id == "japan-korea-summit-2025"
        assert app.screen.session.total == 34


async def test_home_lists_banks_before_the_scores_are_read_then_adds_progress(
    harness: Harness, banks_folder: Path
) -> None:
    """Opening the scores database can take a while: the banks are listed without it, and each
    bank's last score and due count are added when they have been read."""
    import threading
    from datetime import UTC, datetime

    from quiz.store import LastScore

    release = threading.Event()

    class SlowScores:
        def last_scores(self) -> dict[str, LastScore]:
            release.wait(10)
            return {"riverton-bridge": LastScore(3, 4, datetime(2025, 9, 1, tzinfo=UTC))}

        def due_count_by_bank(self, now: object, **kwargs: object) -> dict[str, int]:
            return {"riverton-bridge": 2}

    app = harness.app(
        harness.config(
            harness.home((banks_folder,)).config.start, (banks_folder,), progress=SlowScores()
        )
    )
    async with app.run_test(size=(80, 24)) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen)
        for _ in range(500):  # the list shows while the scores are still being read
            await pilot.pause(0.02)
            # each bank checked (a glance may list the broken one first, under its own title)
            if home.entries and all(entry.checked for entry in home.entries):
                break
        banks = home.query_one("#banks", OptionList)
        listed = str(banks.get_option_at_index(1).prompt)
        assert listed.startswith("Riverton opens its bridge\n9 questions")
        assert "last" not in listed and "not played yet" not in listed
        release.set()
        await app.workers.wait_for_complete()
        await settle(pilot)
        # the progress before the date, which a narrow terminal cuts first
        assert str(banks.get_option_at_index(1).prompt).endswith(
            "9 questions  ·  last 3/4 (75%)  ·  2 due  ·  as of 2025-05-12"
        )
        assert "not played yet" in str(banks.get_option_at_index(0).prompt)


async def test_summary_goes_home(harness: Harness, banks_folder: Path) -> None:
    app = harness.app(
        harness.config(harness.play(types=("true_false",)).config.start, (banks_folder,))
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await answer_right(pilot)
        await pilot.press("enter")
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert len(app.screen.entries) == 3


async def test_empty_home(harness: Harness, tmp_path: Path) -> None:
    app = harness.home((tmp_path,))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        empty = app.screen.query_one("#empty", Static)
        assert empty.display
        assert "quiz generate article.txt" in str(empty.render())
        await pilot.press("enter")
        assert isinstance(app.screen, HomeScreen)


def test_all_types_bank_is_the_one_we_think() -> None:
    assert ALL_TYPES_BANK.exists()


async def test_a_small_terminal_shows_each_question_before_its_options(harness: Harness) -> None:
    """At 40x12 the input took the focus and scrolled the question itself out of view (a
    walk-through saw the options of question 1 without the question); the prompt's first line
    is now on screen for every question."""
    from textual.containers import VerticalScroll

    from tests.conftest import FOUNDING_BANK

    app = harness.play(FOUNDING_BANK)
    async with app.run_test(size=(40, 12)) as pilot:
        for _ in range(3):
            await pilot.pause(0.3)
            screen = app.screen
            scroll = screen.query_one("#scroll", VerticalScroll)
            prompt = screen.query_one("#prompt")
            assert scroll.region.y <= prompt.region.y < scroll.region.bottom, (
                prompt.region,
                scroll.region,
            )
            await answer_right(pilot)
            await pilot.press("enter")
