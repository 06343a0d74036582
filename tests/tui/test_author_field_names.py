"""The edit form of `quiz author` names its fields as it shows them: a walk-through cleared the
Question field and read "⚠ 'prompt' is empty", the bank file's key, which the form never
shows. Each problem now names the field by its label ("Question is empty"; "Text" for a
fill-in-the-blank's prompt, "Statement" for a true/false one), and no problem of any field of
any type names a key of the bank file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.widgets import Input, Select, Static, TextArea

from quiz.authoring import form_fields
from quiz.tui.app import QuizApp
from quiz.tui.screens.author import AuthorScreen, EditQuestion
from tests.tui.conftest import Harness, settle
from tests.tui.test_author import author_app, draft
from tests.tui.test_author import bank_dir as bank_dir
from tests.tui.test_author_clear import edit, on_screen, tab_to, text

SIZES = [(40, 12), (80, 24), (120, 40)]
IDS = ["40x12", "80x24", "120x40"]

#: Every key of a question in a bank file (docs/bank-format.md), as a problem would quote it.
BANK_KEYS = re.compile(
    r"'(prompt|answer|accept|choices|multiple|blanks|blank|pairs|left|right|items|tolerance"
    r"|unit|explanation|fact|source|tags|difficulty)'"
)


def form(app: QuizApp) -> EditQuestion:
    screen = app.screen
    assert isinstance(screen, EditQuestion), screen
    return screen


@pytest.mark.parametrize("size", SIZES, ids=IDS)
async def test_a_cleared_question_says_question_is_empty(
    harness: Harness, bank_dir: Path, tmp_path: Path, size: tuple[int, int]
) -> None:
    app = author_app(harness, bank_dir / "riverton.yaml", tmp_path / "x.yaml")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        edit_form = await edit(app, pilot, "q-mayor-mc")
        await tab_to(pilot, "f-prompt")
        await pilot.press("ctrl+l")
        await pilot.pause()
        problems = edit_form.query_one("#edit-problems", Static)
        assert edit_form.problems == ["Question is empty"]
        assert text(problems) == "⚠ Question is empty"
        assert on_screen(problems, size)
        await pilot.press("escape")
        assert isinstance(app.screen, AuthorScreen)


@pytest.mark.parametrize(
    ("question_id", "field", "typed", "said"),
    [
        ("q-cost-tf", "f-prompt", "", "Statement is empty"),
        ("q-cost-cloze", "f-prompt", "", "Text is empty"),
        ("q-cost-cloze", "f-prompt", "no blank", "The text has 0 blank(s) (___) but Blanks lists"),
        ("q-cost-cloze", "f-blanks", "", "Blanks must list the answer of each ___ in the text"),
        ("q-mayor-short", "f-answer", "", "Answer is empty"),
        ("q-cars-numeric", "f-answer", "many", "Answer must be a number like 80000 or 2.5"),
        ("q-cars-numeric", "f-tolerance", "-1", "Tolerance cannot be negative"),
        ("q-numbers-match", "f-pairs", "a -> \n -> b\nc -> d", "Pair 1: the right side is empty"),
        ("q-numbers-match", "f-pairs", "a -> \n -> b\nc -> d", "Pair 2: the left side is empty"),
        ("q-timeline-order", "f-prompt", "", "Question is empty"),
    ],
)
async def test_each_field_is_named_by_its_label(
    harness: Harness,
    bank_dir: Path,
    tmp_path: Path,
    question_id: str,
    field: str,
    typed: str,
    said: str,
) -> None:
    app = author_app(harness, bank_dir / "riverton.yaml", tmp_path / "x.yaml")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        edit_form = await edit(app, pilot, question_id)
        widget = await tab_to(pilot, field)
        await pilot.press("ctrl+l")
        if isinstance(widget, TextArea):
            widget.insert(typed)
        elif isinstance(widget, Input):
            widget.insert_text_at_cursor(typed)
        await pilot.pause()
        assert any(p.startswith(said) for p in edit_form.problems), edit_form.problems
        assert not [p for p in edit_form.problems if BANK_KEYS.search(p)], edit_form.problems
        assert said in text(edit_form.query_one("#edit-problems", Static))


async def test_no_field_of_any_type_is_named_by_its_key(
    harness: Harness, bank_dir: Path, tmp_path: Path
) -> None:
    """Every field of every question of the all-types bank, emptied and then given text that
    cannot be right for it: no problem quotes a key of the bank file."""
    bad_texts = ["", "x", "-1", "a\na", "a -> \n -> b", "a\x1b[31m"]
    app = author_app(harness, bank_dir / "riverton.yaml", tmp_path / "x.yaml")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        said: set[str] = set()
        for item in list(draft(app).items):
            question = item.question
            edit_form = await edit(app, pilot, question.id)
            for form_field in form_fields(question):
                widget = edit_form.query_one(f"#f-{form_field.name}")
                if isinstance(widget, Select):
                    continue  # true or false: nothing to type
                for bad in bad_texts:
                    if isinstance(widget, TextArea):
                        before = widget.text
                        widget.load_text(bad)
                    else:
                        assert isinstance(widget, Input)
                        before = widget.value
                        widget.value = bad
                    await pilot.pause()
                    leaked = [p for p in edit_form.problems if BANK_KEYS.search(p)]
                    assert not leaked, (question.id, form_field.name, bad, edit_form.problems)
                    said.update(edit_form.problems)
                    if isinstance(widget, TextArea):
                        widget.load_text(before)
                    else:
                        widget.value = before
                    await pilot.pause()
            assert form(app).problems == []  # every field as it was
            await pilot.press("escape")
            await pilot.pause()
        assert not draft(app).dirty
        # what was said named the fields as the form labels them
        assert {"Question is empty", "Statement is empty", "Text is empty"} <= said
        assert any(p.startswith("A line of Also accept contains") for p in said), said
        assert any(p.startswith("An option contains") for p in said), said
