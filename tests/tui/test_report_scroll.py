"""The report's details are reached and scrolled with the keyboard: d goes into them (on a small
terminal it shows them first), the arrows, PgUp/PgDn and Home/End scroll them, Esc (or d) comes
back to the table, and the key bar and the help say so (a walk-through at 40x12 found details
longer than their box that only the mouse could scroll)."""

from __future__ import annotations

from pathlib import Path

import pytest
from msgspec.structs import replace
from textual.widgets import DataTable, Static

from quiz.bank import load_bank
from quiz.report import Report, analyse, learner_names, read_results
from quiz.tui.screens.dialogs import HelpScreen
from quiz.tui.screens.report import DetailPane, ReportScreen
from quiz.tui.widgets.footer import KeyBar
from tests.report.class_results import BANK, RIGGED, write_class
from tests.tui.test_report_screen import _app, _class_report

#: A prompt as long as a teacher's may be: its details run past their box at 80x24 too.
LONG_PROMPT = " ".join(
    ["This question's prompt runs on, as a long prompt may, word after word."] * 14
)


def long_report(folder: Path) -> Report:
    """The class's report, the rigged question's prompt made long."""
    files = write_class(folder)
    read = [(str(path), read_results(path)) for path in files.values()]
    bank = load_bank(BANK)
    questions = tuple(
        replace(q, prompt=LONG_PROMPT) if q.id == RIGGED else q for q in bank.questions
    )
    attempts = [a for _, found in read for a in found]
    return analyse(replace(bank, questions=questions), attempts, names=learner_names(read))


def key_bar(screen: ReportScreen) -> str:
    return screen.query_one(KeyBar).render().plain


@pytest.mark.parametrize("size", [(40, 12), (80, 24)], ids=["40x12", "80x24"])
async def test_d_goes_into_the_details_and_the_keys_scroll_them(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app = _app(long_report(tmp_path / "class"))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReportScreen)
        questions = screen.query_one("#report-questions", DataTable)
        pane = screen.query_one(DetailPane)
        text = screen.query_one("#report-detail", Static)
        assert "d Details" in key_bar(screen) and not pane.display

        await pilot.press("d")  # shown, and the keys are the details' now
        await pilot.pause()
        assert pane.display and pane.has_focus
        assert str(text.render()).startswith(RIGGED)
        assert key_bar(screen).startswith(" ↑↓ Scroll  esc Back ")
        assert pane.max_scroll_y > 0, "the details fit: nothing to scroll"

        await pilot.press("down")
        await pilot.pause()
        assert pane.scroll_y == 1
        await pilot.press("pagedown")
        await pilot.pause()
        assert pane.scroll_y > 1 or pane.scroll_y == pane.max_scroll_y
        await pilot.press("end")
        await pilot.pause()
        assert pane.scroll_y == pane.max_scroll_y
        await pilot.press("pageup")
        await pilot.pause()
        assert pane.scroll_y < pane.max_scroll_y
        await pilot.press("home")
        await pilot.pause()
        assert pane.scroll_y == 0
        assert questions.cursor_row == 0  # the arrows scrolled, they moved no row

        await pilot.press("end", "escape")  # back to the table; the details stay
        await pilot.pause()
        assert questions.has_focus and pane.display
        await pilot.press("down")  # the next row's details, read from their top
        await pilot.pause()
        assert questions.cursor_row == 1 and pane.scroll_y == 0
        assert not str(text.render()).startswith(RIGGED)

        await pilot.press("d")  # from the table, d hides them (as before)
        await pilot.pause()
        assert not pane.display and questions.has_focus
        await pilot.press("d")  # into them again; Tab still reaches the learners
        await pilot.pause()
        assert pane.has_focus
        await pilot.press("tab")
        await pilot.pause()
        students = screen.query_one("#report-students", DataTable)
        assert students.has_focus and str(text.render()).startswith("dev")
        await pilot.press("d")  # from a table, with the details shown: hidden
        await pilot.pause()
        assert not pane.display and students.has_focus
        await pilot.press("d")  # shown, and into them
        await pilot.pause()
        assert pane.display and pane.has_focus and str(text.render()).startswith("dev")
        await pilot.press("d")  # d from the details: hidden, back to their table
        await pilot.pause()
        assert not pane.display and students.has_focus


async def test_on_a_tall_terminal_d_only_goes_in_and_out(tmp_path: Path) -> None:
    app = _app(_class_report(tmp_path / "class"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReportScreen)
        questions = screen.query_one("#report-questions", DataTable)
        pane = screen.query_one(DetailPane)
        assert pane.display and questions.has_focus
        await pilot.press("d")
        await pilot.pause()
        assert pane.has_focus and pane.display
        await pilot.press("end")
        await pilot.pause()
        assert pane.scroll_y == pane.max_scroll_y
        await pilot.press("d")
        await pilot.pause()
        assert questions.has_focus and pane.display  # always shown here
        await pilot.press("escape")  # on the questions: says that q quits, never quits
        await pilot.pause()
        assert not app._exit


async def test_the_help_names_the_keys_of_the_details(tmp_path: Path) -> None:
    app = _app(_class_report(tmp_path / "class"))
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        # the rows of the report's section: those after its title, up to the next one
        rows: dict[str, str] = {}
        section = ""
        for widget in app.screen.query("#help-body > *"):
            if widget.has_class("section"):
                section = str(widget.render())
            elif section.startswith("Report") and widget.has_class("key-row"):
                key = str(widget.query_one(".key", Static).render())
                rows[key] = str(widget.query_one(".what", Static).render())
        assert "into the highlighted row's details" in rows["d"]
        assert "scroll them" in rows["↑↓ / PgUp PgDn"]
        assert "top or their end" in rows["Home / End"]
        assert "from the details to their table" in rows["esc"]
