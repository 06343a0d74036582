"""Clearing a field in quiz author's edit form, as a teacher would: ctrl+l empties the field in
use (the hint line under the fields says so), an optional field left empty is left out of the
question and of the saved file, an emptied line of a list is removed, and a required field
says what it needs while the changes cannot be kept (a walk-through found no documented way
to clear a field, and an ordering whose items were all deleted passed as valid)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Button, Input, Static, TextArea

from quiz.bank import load_bank
from quiz.bank.model import MultipleChoice, Numeric, Ordering, ShortAnswer
from quiz.cli import main
from quiz.tui.app import QuizApp
from quiz.tui.screens.author import AuthorHelp, AuthorScreen, BankDetails, EditQuestion
from tests.tui.conftest import Harness, settle
from tests.tui.test_author import author_app, current_id, draft
from tests.tui.test_author import bank_dir as bank_dir

SIZES = [(40, 12), (80, 24)]
SIZE_IDS = ["40x12", "80x24"]


def form(app: QuizApp) -> EditQuestion:
    screen = app.screen
    assert isinstance(screen, EditQuestion), screen
    return screen


def text(widget: Widget) -> str:
    return str(widget.render())


def on_screen(widget: Widget, size: tuple[int, int]) -> bool:
    region = widget.region
    return region.height >= 1 and Region(0, 0, *size).contains_region(region)


async def edit(app: QuizApp, pilot: Pilot, question_id: str) -> EditQuestion:
    """Move down the list to the question and open its form (as a teacher: j, then e)."""
    while current_id(app) != question_id:
        await pilot.press("j")
    await pilot.press("e")
    await pilot.pause()
    return form(app)


async def tab_to(pilot: Pilot, field_id: str) -> Widget:
    """Tab through the form until the field has focus."""
    screen = pilot.app.screen
    target = screen.query_one(f"#{field_id}")
    for _ in range(12):
        if target.has_focus:
            return target
        await pilot.press("tab")
        await pilot.pause()
    raise AssertionError(f"Tab never reached #{field_id}")


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
async def test_an_emptied_optional_field_is_left_out(
    harness: Harness, bank_dir: Path, tmp_path: Path, size: tuple[int, int]
) -> None:
    out = tmp_path / "cleared.yaml"
    app = author_app(harness, bank_dir / "riverton.yaml", out)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)

        # the explanation of a multiple-choice question
        edit_form = await edit(app, pilot, "q-mayor-mc")
        hint = edit_form.query_one("#edit-hint", Static)
        explanation = await tab_to(pilot, "f-explanation")
        assert "ctrl+l clear (left out when empty)" in text(hint)
        assert on_screen(hint, size)  # the way to clear is on screen at this size
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(explanation, TextArea) and explanation.text == ""
        save = edit_form.query_one("#save", Button)
        assert edit_form.problems == [] and not save.disabled
        assert "The question is valid" in text(edit_form.query_one("#edit-problems", Static))
        assert on_screen(save, size)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, AuthorScreen)
        mc = draft(app).items[0].question
        assert isinstance(mc, MultipleChoice) and mc.explanation == ""

        # a short answer's other accepted answers
        edit_form = await edit(app, pilot, "q-mayor-short")
        await tab_to(pilot, "f-accept")
        assert "empty a line to remove it" in text(edit_form.query_one("#edit-hint", Static))
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert edit_form.problems == []
        await pilot.press("ctrl+s")
        short = next(i.question for i in draft(app).items if i.question.id == "q-mayor-short")
        assert isinstance(short, ShortAnswer) and short.answers == ("Ana Costa",)

        # a number's tolerance and unit (both Inputs)
        edit_form = await edit(app, pilot, "q-cars-numeric")
        unit = await tab_to(pilot, "f-unit")
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(unit, Input) and unit.value == ""
        assert edit_form.problems == []
        await pilot.press("ctrl+s")
        numeric = next(i.question for i in draft(app).items if i.question.id == "q-cars-numeric")
        assert isinstance(numeric, Numeric) and numeric.unit == "" and numeric.answer == 4000

        await pilot.press("ctrl+s")  # save the bank
        await pilot.pause()
        assert not draft(app).dirty

    saved = load_bank(out)
    by_id = {q.id: q for q in saved.questions}
    assert by_id["q-mayor-mc"].explanation == ""
    assert by_id["q-mayor-short"].answers == ("Ana Costa",)  # type: ignore[attr-defined]
    assert by_id["q-cars-numeric"].unit == ""  # type: ignore[attr-defined]
    written = out.read_text(encoding="utf-8")
    assert "opened it on Monday" not in written  # the explanation is gone, not kept empty
    assert "explanation: ''" not in written and "unit:" not in written
    assert main(["check", str(out)]) == 0


async def test_one_line_of_a_list_is_removed_by_emptying_it(
    harness: Harness, bank_dir: Path, tmp_path: Path
) -> None:
    """A wrong option goes with the keys of any text box: ctrl+k empties the line from the
    cursor, and an empty line is no option."""
    app = author_app(harness, bank_dir / "riverton.yaml", tmp_path / "x.yaml")
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        edit_form = await edit(app, pilot, "q-mayor-mc")
        wrong = await tab_to(pilot, "f-wrong")
        assert isinstance(wrong, TextArea)
        wrong.move_cursor((1, 0))  # on "João Pires"
        await pilot.press("ctrl+k")
        await pilot.pause()
        assert wrong.text.splitlines() == ["Marta Silva", "", "Rui Lopes"]
        assert edit_form.problems == []
        await pilot.press("ctrl+s")
        mc = draft(app).items[0].question
        assert isinstance(mc, MultipleChoice)
        assert mc.choices == ("Ana Costa", "Marta Silva", "Rui Lopes")


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
async def test_an_emptied_required_field_says_what_it_needs(
    harness: Harness, bank_dir: Path, tmp_path: Path, size: tuple[int, int]
) -> None:
    app = author_app(harness, bank_dir / "riverton.yaml", tmp_path / "x.yaml")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        edit_form = await edit(app, pilot, "q-mayor-mc")
        await tab_to(pilot, "f-answer")
        assert text(edit_form.query_one("#edit-hint", Static)).startswith("ctrl+l clear")
        await pilot.press("ctrl+l")
        await pilot.pause()
        problems = edit_form.query_one("#edit-problems", Static)
        assert edit_form.problems == ["write the right answer"]
        assert "write the right answer" in text(problems) and on_screen(problems, size)
        assert edit_form.query_one("#save", Button).disabled
        await pilot.press("ctrl+s")  # refused: the form stays, nothing is kept
        assert app.screen is edit_form
        await pilot.press("escape")
        assert isinstance(app.screen, AuthorScreen)
        assert not draft(app).dirty

        # every item of an ordering: the bank format asks for 2 to 8, so this cannot be kept
        edit_form = await edit(app, pilot, "q-timeline-order")
        await tab_to(pilot, "f-items")
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert edit_form.problems == ["Give 2 to 8 items, not 0"]
        await pilot.press("ctrl+s")
        assert app.screen is edit_form
        await pilot.press("escape")
        order = next(i.question for i in draft(app).items if i.question.id == "q-timeline-order")
        assert isinstance(order, Ordering) and len(order.items) == 3


async def test_bank_details_clear_too(harness: Harness, bank_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "details.yaml"
    app = author_app(harness, bank_dir / "riverton.yaml", out)
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        await pilot.press("b")
        details = app.screen
        assert isinstance(details, BankDetails)
        assert on_screen(details.query_one("#save", Button), (40, 12))
        await tab_to(pilot, "f-description")
        assert "left out when empty" in text(details.query_one("#edit-hint", Static))
        await pilot.press("ctrl+l")
        await tab_to(pilot, "f-tags")
        await pilot.press("ctrl+l")
        await tab_to(pilot, "f-title")
        await pilot.press("ctrl+l", "ctrl+s")  # a bank needs a title: said, and the form stays
        await pilot.pause()
        assert app.screen is details
        assert "the bank needs a title" in text(details.query_one("#edit-problems", Static))
        details.query_one("#f-title", TextArea).insert("Riverton's bridge")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, AuthorScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = load_bank(out)
    assert (saved.title, saved.description, saved.tags) == ("Riverton's bridge", "", ())


async def test_the_keys_to_clear_are_in_the_help(
    harness: Harness, bank_dir: Path, tmp_path: Path
) -> None:
    app = author_app(harness, bank_dir / "riverton.yaml", tmp_path / "x.yaml")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("e", "f1")  # F1 from the form: ? is a letter there
        await pilot.pause()
        assert isinstance(app.screen, AuthorHelp)
        rows = [
            " ".join(text(s) for s in row.query(Static)) for row in app.screen.query(".key-row")
        ]
        assert any(r.startswith("ctrl+l") and "left out" in r for r in rows), rows
        await pilot.press("escape")
        assert isinstance(app.screen, EditQuestion)
