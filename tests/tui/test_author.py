"""The authoring screen driven with the keyboard; assertions on state and on the saved file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import Button, Input, Static, TextArea

from quiz.authoring import Draft, ItemState
from quiz.bank import load_bank
from quiz.bank.model import MultipleChoice
from quiz.tui.app import QuizApp
from quiz.tui.config import StartAuthor
from quiz.tui.screens.author import (
    AuthorHelp,
    AuthorScreen,
    Confirm,
    EditQuestion,
    QuestionList,
    UnsavedChanges,
)
from quiz.tui.widgets.topbar import TopBar
from tests.conftest import ALL_TYPES_BANK, DATA, RICH_BANK
from tests.tui.conftest import Harness, settle, type_text

SIZE = (120, 40)


@pytest.fixture
def bank_dir(tmp_path: Path) -> Path:
    """The all-types bank and its article in a folder of their own."""
    folder = tmp_path / "bank"
    folder.mkdir()
    shutil.copy(ALL_TYPES_BANK, folder / "riverton.yaml")
    shutil.copy(DATA / "valid" / "article.txt", folder / "article.txt")
    return folder


def author_app(
    harness: Harness, bank_path: Path, save_to: Path, *, pending: bool = False
) -> QuizApp:
    bank = load_bank(bank_path)
    draft = Draft(bank) if pending else Draft.from_bank(bank)
    return harness.app(harness.config(StartAuthor(make=lambda: draft, save_to=save_to)))


def screen(app: QuizApp) -> AuthorScreen:
    current = app.screen
    assert isinstance(current, AuthorScreen), current
    return current


def draft(app: QuizApp) -> Draft:
    for s in app.screen_stack:
        if isinstance(s, AuthorScreen):
            assert s.draft is not None
            return s.draft
    raise AssertionError("no author screen")


def current_id(app: QuizApp) -> str:
    s = screen(app)
    assert s.current is not None
    return draft(app).items[s.current].question.id


async def test_review_edit_and_save_a_bank(harness: Harness, bank_dir: Path, tmp_path: Path):
    out = tmp_path / "saved" / "reviewed.yaml"
    app = author_app(harness, bank_dir / "riverton.yaml", out)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert current_id(app) == "q-mayor-mc"
        assert draft(app).counts()[ItemState.ACCEPTED] == 9  # a bank's questions start accepted

        await pilot.press("j", "j")
        assert current_id(app) == "q-cost-tf"
        await pilot.press("x")  # reject it; the cursor moves on
        assert draft(app).items[2].state is ItemState.REJECTED
        assert current_id(app) == "q-cost-cloze"

        await pilot.press("k", "k", "k")
        assert current_id(app) == "q-mayor-mc"
        await pilot.press("e")
        assert isinstance(app.screen, EditQuestion)
        prompt = app.screen.query_one("#f-prompt", TextArea)
        assert prompt.has_focus
        await pilot.press("backspace")  # "bridge?" -> "bridge"
        await type_text(pilot, " on Monday?")
        await pilot.press("enter", "tab")  # Enter: the next field (the answer); then the options
        wrong = app.screen.query_one("#f-wrong", TextArea)
        assert wrong.has_focus
        wrong.text = "Marta Silva\nJoão Pires"
        await pilot.pause()
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, AuthorScreen)
        item = draft(app).items[0]
        assert item.state is ItemState.EDITED
        assert item.question.prompt == "Who opened the new bridge on Monday?"

        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not draft(app).dirty
        status = app.screen.query_one(TopBar).status.plain
        assert "saved" in status

    saved = load_bank(out)
    assert [q.id for q in saved.questions] == [
        "q-mayor-mc",
        "q-facts-multi",
        "q-cost-cloze",
        "q-mayor-short",
        "q-numbers-match",
        "q-cars-numeric",
        "q-timeline-order",
        "q-quote-literal",
    ]
    mc = saved.questions[0]
    assert isinstance(mc, MultipleChoice)
    assert mc.prompt == "Who opened the new bridge on Monday?"
    assert mc.choices == ("Ana Costa", "Marta Silva", "João Pires")  # the answer kept its place
    assert (out.parent / "article.txt").read_text() == (bank_dir / "article.txt").read_text()
    assert [f.id for f in saved.facts] == ["f-mayor", "f-cost"]  # a bank's facts are all kept


async def test_a_draft_to_review(harness: Harness, bank_dir: Path, tmp_path: Path) -> None:
    """A drafted bank: questions start pending; only the accepted and edited are saved."""
    out = tmp_path / "draft.yaml"
    app = author_app(harness, bank_dir / "riverton.yaml", out, pending=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert draft(app).counts()[ItemState.PENDING] == 9
        await pilot.press("ctrl+s")  # nothing accepted yet: nothing saved
        await pilot.pause()
        assert not out.exists()
        await pilot.press("a", "a", "x", "a")
        assert [i.state.value for i in draft(app).items[:5]] == [
            "accepted",
            "accepted",
            "rejected",
            "accepted",
            "pending",
        ]
        assert current_id(app) == "q-mayor-short"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert [q.id for q in load_bank(out).questions] == [
        "q-mayor-mc",
        "q-facts-multi",
        "q-cost-cloze",
    ]


async def test_filters(harness: Harness, bank_dir: Path, tmp_path: Path) -> None:
    app = author_app(harness, bank_dir / "riverton.yaml", tmp_path / "x.yaml", pending=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        listing = app.screen.query_one(QuestionList)
        await pilot.press("t")  # multiple choice only
        assert screen(app).type_filter == "multiple_choice"
        assert listing.option_count == 2
        await pilot.press("t")
        assert screen(app).type_filter == "true_false"
        assert listing.option_count == 1
        for _ in range(6):  # the other five types present, then all again
            await pilot.press("t")
        assert screen(app).type_filter is None
        assert listing.option_count == 9

        await pilot.press("a", "x")  # accept the first, reject the second
        await pilot.press("s")  # to review
        assert screen(app).state_filter is ItemState.PENDING
        assert listing.option_count == 7
        await pilot.press("a")  # accepted: it leaves this view, the next one moves up
        assert listing.option_count == 6
        await pilot.press("s")
        assert screen(app).state_filter is ItemState.ACCEPTED
        assert listing.option_count == 2
        await pilot.press("s", "s")  # rejected, then edited
        assert screen(app).state_filter is ItemState.EDITED
        assert listing.option_count == 0
        assert "No question matches these filters" in str(
            app.screen.query_one("#d-kind", Static).render()
        )
        await pilot.press("a", "e", "o")  # nothing to act on: nothing happens
        assert isinstance(app.screen, AuthorScreen)
        await pilot.press("s")
        assert screen(app).state_filter is None


async def test_edit_form_validates_as_you_type(
    harness: Harness, bank_dir: Path, tmp_path: Path
) -> None:
    app = author_app(harness, bank_dir / "riverton.yaml", tmp_path / "x.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, EditQuestion)
        save = form.query_one("#save", Button)
        problems = form.query_one("#edit-problems", Static)
        assert not save.disabled
        form.query_one("#f-wrong", TextArea).text = "Marta Silva\nmarta silva"
        await pilot.pause()
        assert save.disabled
        assert form.problems == ["Duplicate choice 'marta silva'"]  # no file, no line
        assert "Duplicate choice 'marta silva'" in str(problems.render())
        await pilot.press("ctrl+s")  # refused while invalid
        assert app.screen is form
        form.query_one("#f-wrong", TextArea).text = ""
        await pilot.pause()
        assert form.problems == ["give at least one wrong option"]
        await pilot.press("escape")  # cancel: the question is unchanged
        assert isinstance(app.screen, AuthorScreen)
        assert draft(app).items[0].state is ItemState.ACCEPTED
        assert not draft(app).dirty

        await pilot.press("j", "j", "j")  # the cloze: the prompt must keep its blanks
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, EditQuestion)
        form.query_one("#f-prompt", TextArea).text = "The bridge cost ___ million euros."
        await pilot.pause()
        assert form.problems == ["The text has 1 blank(s) (___) but Blanks lists 2"]
        form.query_one("#f-blanks", TextArea).text = "12 | twelve"
        await pilot.pause()
        assert form.problems == []
        await pilot.press("ctrl+s")
        assert draft(app).items[3].state is ItemState.EDITED


async def test_other_wrong_options(harness: Harness, tmp_path: Path) -> None:
    folder = tmp_path / "founding"
    folder.mkdir()
    shutil.copy(RICH_BANK, folder / RICH_BANK.name)  # the questions these tests name
    shutil.copy(RICH_BANK.parent / "japan-korea-summit-2025.txt", folder)
    app = author_app(harness, folder / RICH_BANK.name, tmp_path / "out.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        items = draft(app).items
        june = next(i for i, it in enumerate(items) if it.question.id == "q-g7-month-mc")
        screen(app).query_one(QuestionList).highlighted = june
        await pilot.pause()
        question = items[june].question
        assert isinstance(question, MultipleChoice)
        await pilot.press("o")
        changed = items[june].question
        assert isinstance(changed, MultipleChoice)
        assert changed.answers == question.answers == ("June",)
        assert changed.choices.index("June") == question.choices.index("June")
        assert changed.choices != question.choices
        assert items[june].state is ItemState.EDITED
        await pilot.press("r")  # restore the drafted options
        assert items[june].question == question

        await pilot.press("home")  # a question the article has no alternatives for
        before = items[0].question
        await pilot.press("o")
        assert items[0].question == before


async def test_quit_with_unsaved_changes(harness: Harness, bank_dir: Path, tmp_path: Path):
    out = tmp_path / "out.yaml"
    app = author_app(harness, bank_dir / "riverton.yaml", out)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("x", "q")
        assert isinstance(app.screen, UnsavedChanges)
        await pilot.press("escape")  # stay
        assert isinstance(app.screen, AuthorScreen)
        await pilot.press("q", "s")  # save and quit
        await pilot.pause()
    assert app.return_code == 0
    assert len(load_bank(out).questions) == 8


async def test_quit_without_saving(harness: Harness, bank_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.yaml"
    app = author_app(harness, bank_dir / "riverton.yaml", out)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("x", "ctrl+q", "d")
        await pilot.pause()
    assert not out.exists()


async def test_quit_when_nothing_changed(harness: Harness, bank_dir: Path, tmp_path: Path):
    app = author_app(harness, bank_dir / "riverton.yaml", tmp_path / "out.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_replacing_another_file_is_confirmed(
    harness: Harness, bank_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "exists.yaml"
    out.write_text("not mine\n")
    app = author_app(harness, bank_dir / "riverton.yaml", out)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("x", "ctrl+s")
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")
        assert out.read_text() == "not mine\n"
        await pilot.press("ctrl+s", "y")
        await pilot.pause()
        assert len(load_bank(out).questions) == 8
        await pilot.press("a", "ctrl+s")  # the second save replaces its own file: no question
        await pilot.pause()
        assert isinstance(app.screen, AuthorScreen)


async def test_saving_over_the_opened_bank(harness: Harness, bank_dir: Path) -> None:
    path = bank_dir / "riverton.yaml"
    app = author_app(harness, path, path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("x", "ctrl+s")  # the bank itself: saved without asking
        await pilot.pause()
        assert isinstance(app.screen, AuthorScreen)
    assert len(load_bank(path).questions) == 8


async def test_bank_text_is_literal(harness: Harness, bank_dir: Path, tmp_path: Path) -> None:
    app = author_app(harness, bank_dir / "riverton.yaml", tmp_path / "x.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("end")
        assert current_id(app) == "q-quote-literal"
        shown = str(app.screen.query_one("#d-prompt", Static).render())
        assert "[b]Who[/b]" in shown and "[@click=app.quit]x[/]" in shown
        await pilot.press("e")  # the form shows it as written too
        assert app.screen.query_one("#f-prompt", TextArea).text.startswith("[b]Who[/b]")
        await pilot.press("escape")
    assert app.return_code is None or app.return_code == 0


async def test_help(harness: Harness, bank_dir: Path, tmp_path: Path) -> None:
    app = author_app(harness, bank_dir / "riverton.yaml", tmp_path / "x.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, AuthorHelp)
        await pilot.press("escape")
        assert isinstance(app.screen, AuthorScreen)


async def test_a_failing_draft_is_shown_calmly(harness: Harness, tmp_path: Path) -> None:
    def broken() -> Draft:
        raise ValueError("the article has no sentences")

    app = harness.app(harness.config(StartAuthor(make=broken, save_to=tmp_path / "x.yaml")))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = str(app.screen.query_one("#loading-what", Static).render())
        assert "No draft could be made: the article has no sentences" in text
        await pilot.press("a")  # nothing to review
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 1


async def test_bank_title(harness: Harness, bank_dir: Path, tmp_path: Path) -> None:
    from quiz.tui.screens.author import BankDetails

    out = tmp_path / "titled.yaml"
    app = author_app(harness, bank_dir / "riverton.yaml", out)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("b")
        assert isinstance(app.screen, BankDetails)
        app.screen.query_one("#f-title", TextArea).text = ""
        await pilot.press("ctrl+s")  # a bank needs a title: the form stays
        assert isinstance(app.screen, BankDetails)
        app.screen.query_one("#f-title", TextArea).text = "Riverton's new bridge"
        app.screen.query_one("#f-tags", Input).value = "local, week 12"
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, AuthorScreen)
        where = app.screen.query_one(TopBar).where.plain
        assert "Riverton's new bridge" in where
        assert draft(app).dirty
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = load_bank(out)
    assert (saved.title, saved.tags) == ("Riverton's new bridge", ("local", "week 12"))


async def test_enter_edits_a_click_only_highlights(
    harness: Harness, bank_dir: Path, tmp_path: Path
) -> None:
    app = author_app(harness, bank_dir / "riverton.yaml", tmp_path / "x.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.click(QuestionList, offset=(20, 2))
        await pilot.pause()
        assert isinstance(app.screen, AuthorScreen)
        assert current_id(app) == "q-cost-tf"
        await pilot.press("enter")
        assert isinstance(app.screen, EditQuestion)
        assert app.screen.item.question.id == "q-cost-tf"


async def test_other_wrong_options_in_the_form(harness: Harness, tmp_path: Path) -> None:
    folder = tmp_path / "founding"
    folder.mkdir()
    shutil.copy(RICH_BANK, folder / RICH_BANK.name)  # the questions these tests name
    shutil.copy(RICH_BANK.parent / "japan-korea-summit-2025.txt", folder)
    app = author_app(harness, folder / RICH_BANK.name, tmp_path / "out.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        items = draft(app).items
        june = next(i for i, it in enumerate(items) if it.question.id == "q-g7-month-mc")
        screen(app).query_one(QuestionList).highlighted = june
        await pilot.pause()
        await pilot.press("e", "ctrl+o")
        form = app.screen
        assert isinstance(form, EditQuestion)
        assert form.query_one("#f-wrong", TextArea).text == "April\nAugust\nSeptember"
        assert form.query_one("#f-answer", Input).value == "June"
        await pilot.press("ctrl+o")  # nothing more in the article: the options stay
        assert form.query_one("#f-wrong", TextArea).text == "April\nAugust\nSeptember"
        await pilot.press("ctrl+s")
        question = items[june].question
        assert isinstance(question, MultipleChoice)
        assert question.choices == ("April", "August", "June", "September")
        assert items[june].state is ItemState.EDITED


async def test_true_or_false_is_chosen_not_typed(
    harness: Harness, bank_dir: Path, tmp_path: Path
) -> None:
    from textual.widgets import Select

    app = author_app(harness, bank_dir / "riverton.yaml", tmp_path / "x.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "e")
        answer = app.screen.query_one("#f-answer", Select)
        assert answer.value == "false"
        answer.value = "true"
        app.screen.query_one(
            "#f-prompt", TextArea
        ).text = "The bridge cost approximately 12 million euros."
        await pilot.pause()
        await pilot.press("ctrl+s")
        question = draft(app).items[2].question
        assert question.answer_text() == "True"
        assert question.prompt == "The bridge cost approximately 12 million euros."


async def test_the_quit_dialog_says_what_saving_does_with_questions_to_review(
    harness: Harness, bank_dir: Path, tmp_path: Path
) -> None:
    """It said "saving leaves them out" while saving keeps them as drafts (a new user's trial,
    session 13): it says what the save does."""
    out = tmp_path / "out.yaml"
    app = author_app(harness, bank_dir / "riverton.yaml", out, pending=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a", "q")
        dialog = app.screen
        assert isinstance(dialog, UnsavedChanges)
        pending = dialog.pending
        body = str(dialog.query_one(".body", Static).render())
        await pilot.press("s")
        await pilot.pause()
    assert pending > 0
    assert "leaves them out" not in body
    assert f"{pending} questions still to review are saved as drafts" in body
    assert len(load_bank(out).drafts) == pending


async def test_accepting_a_held_back_draft_says_why_it_was_held_back(
    harness: Harness, bank_dir: Path, tmp_path: Path
) -> None:
    """A new user's trial: `a` on a draft marked "held back: answer-leak" accepted it
    silently, and the leak showed only in `quiz check` later (and in play, where another
    question gave its answer away). Accepting it now says the reason at once; an ordinary
    accept says nothing."""
    from msgspec.structs import replace

    bank = load_bank(bank_dir / "riverton.yaml")
    held = replace(bank.questions[1], held_back="answer-leak: it gives away the answer of q-x")
    draft_bank = replace(bank, questions=bank.questions[:1], drafts=(held, *bank.questions[2:]))
    app = harness.app(
        harness.config(StartAuthor(make=lambda: Draft(draft_bank), save_to=tmp_path / "out.yaml"))
    )
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        items = draft(app).items
        start = [i.question.id for i in items].index(held.id)
        while screen(app).current != start:
            await pilot.press("j")
        before = len(app._notifications)
        await pilot.press("a")
        await pilot.pause()
        said = [n.message for n in list(app._notifications)[before:]]
        assert any(
            "held it back: answer-leak: it gives away the answer of q-x" in m for m in said
        ), said
        assert items[start].state is ItemState.ACCEPTED
        before = len(app._notifications)
        await pilot.press("a")  # the next one: not held back
        await pilot.pause()
        assert not [n for n in list(app._notifications)[before:] if "held" in n.message]
