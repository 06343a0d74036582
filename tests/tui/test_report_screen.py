"""The item-analysis screen (``quiz report BANK --results ... --tui``) driven with the keyboard
over a real class's results (tests/report/class_results.py): the questions to check lead the
table, the details follow the cursor, Tab reaches the learners, q quits; text from files is
shown literally."""

from __future__ import annotations

from pathlib import Path

from msgspec.structs import replace
from rich.text import Text
from textual.widgets import DataTable, Static

from quiz.bank import load_bank
from quiz.report import Report, analyse, learner_names, read_results
from quiz.tui.app import QuizApp
from quiz.tui.config import AppConfig, StartReport
from quiz.tui.screens.report import ReportScreen
from tests.conftest import ALL_TYPES_BANK, DATA
from tests.report.class_results import BANK, DISTRACTOR, LOW, RIGGED, write_class
from tests.tui.conftest import FIXED_DATA_DIR

SIZE = (120, 40)
MARKUP = "[b]Zoë[/b] [@click=app.quit]x[/]"


def _app(report: Report) -> QuizApp:
    app = QuizApp(AppConfig(data_dir=FIXED_DATA_DIR, start=StartReport(report)), cursor_blink=False)
    app.animation_level = "none"
    return app


def _class_report(folder: Path) -> Report:
    files = write_class(folder)
    read = [(str(path), read_results(path)) for path in files.values()]
    attempts = [a for _, found in read for a in found]
    return analyse(load_bank(BANK), attempts, names=learner_names(read))


def _detail(screen: ReportScreen) -> str:
    return str(screen.query_one("#report-detail", Static).render())


def _cells(table: DataTable, row: int) -> list[str]:
    return [cell.plain if isinstance(cell, Text) else str(cell) for cell in table.get_row_at(row)]


async def test_questions_to_check_first_then_learners_and_q_quits(tmp_path: Path) -> None:
    report = _class_report(tmp_path / "class")
    rigged = next(q for q in report.questions if q.id == RIGGED)
    app = _app(report)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReportScreen)
        questions = screen.query_one("#report-questions", DataTable)
        assert questions.has_focus
        assert questions.row_count == 70
        figure = f"{rigged.discrimination.point_biserial:.2f}"
        assert figure.startswith("-")
        # check, discr, right, asked, median, flags, type, question
        assert _cells(questions, 0)[:2] == ["negative", figure]
        prompts = {q.id: q.prompt for q in report.questions}
        assert _cells(questions, 0)[5:] == ["", "choice", prompts[RIGGED]]
        assert _cells(questions, 1)[0] == "low" and _cells(questions, 1)[7] == prompts[LOW]
        assert f"the upper group chose “{DISTRACTOR}” most" in _detail(screen)
        assert f"negative discrimination {figure}" in _detail(screen)

        await pilot.press("down")
        assert questions.cursor_row == 1
        assert "does not separate strong from weak learners" in _detail(screen)

        await pilot.press("tab")
        students = screen.query_one("#report-students", DataTable)
        assert students.has_focus
        # lowest share right first: dev 5 of 16, eli 6 of 19 (3 of them retries)
        assert [_cells(students, n)[2] for n in range(students.row_count)] == [
            "dev",
            "eli",
            "chloe",
            "ben",
            "ana",
        ]
        assert _detail(screen).startswith("dev")
        await pilot.press("down")
        assert _detail(screen).startswith("eli")
        assert "missed: " in _detail(screen) and RIGGED not in _detail(screen)
        await pilot.press("down", "down", "down")
        assert _detail(screen).startswith("ana")
        assert RIGGED in _detail(screen)

        await pilot.press("q")
        await pilot.pause()
        assert app._exit  # quit at once: nothing to lose on this screen
    assert app.return_code == 0


async def test_escape_goes_back_and_never_quits(tmp_path: Path) -> None:
    """As elsewhere in the app, Escape goes back (from the learners to the questions) and q
    quits; on the first table, with nothing behind it, Escape says so instead of quitting."""
    app = _app(_class_report(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        questions = app.screen.query_one("#report-questions", DataTable)
        learners = app.screen.query_one("#report-students", DataTable)
        await pilot.press("tab")
        assert learners.has_focus
        await pilot.press("escape")
        await pilot.pause()
        assert questions.has_focus and not app._exit
        await pilot.press("escape")
        await pilot.pause()
        assert not app._exit and isinstance(app.screen, ReportScreen)
        assert [n.message for n in app._notifications] == ["Press q to quit the report."]
        await pilot.press("q")
        await pilot.pause()
        assert app._exit
    assert app.return_code == 0


async def test_text_from_files_is_never_markup() -> None:
    bank = load_bank(ALL_TYPES_BANK)
    first = replace(bank.questions[0], prompt=MARKUP)
    bank = replace(bank, questions=(first, *bank.questions[1:]))
    attempts = read_results(DATA / "results" / "alice.jsonl")
    report = analyse(bank, attempts, names={attempts[0].learner_id: MARKUP})
    app = _app(report)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReportScreen)
        questions = screen.query_one("#report-questions", DataTable)
        row = questions.get_row_index(first.id)
        questions.move_cursor(row=row)
        await pilot.pause()
        assert MARKUP in _detail(screen)
        await pilot.press("tab")
        students = screen.query_one("#report-students", DataTable)
        assert _cells(students, 0)[2] == MARKUP
        assert _detail(screen).startswith(MARKUP)
        assert app.is_running  # the [@click=app.quit] in the text did nothing
        # only two learners: no discrimination figure is invented
        assert _cells(questions, row)[1] == "–"
        summary = str(screen.query_one("#report-summary", Static).render())
        assert "too few learners (1; it needs 5)" in summary
