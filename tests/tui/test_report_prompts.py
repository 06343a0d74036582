"""The report screen's question table shows each question's prompt, cut to the width its
column has (the id stays in the details, with d), and marks the questions learners flagged in
its check column, as the text report does under their rows: a new user's trial found ids in
the question column and an empty check column for two flagged questions."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.text import Text
from textual.widgets import DataTable, Static

from quiz.report import Report
from quiz.report.results import FlagNote
from quiz.tui.screens.report import ReportScreen
from tests.report.class_results import LOW, RIGGED
from tests.tui.test_report_screen import _app, _class_report

SIZES = [(40, 12), (80, 24), (120, 40)]
IDS = ["40x12", "80x24", "120x40"]
FLAGGED = "q-seoul-reaction-mc"


def _flagged_report(folder: Path) -> Report:
    """The class's report with one learner's flag on a question of fair discrimination and
    one on the rigged question (negative)."""
    report = _class_report(folder)
    for q in report.questions:
        if q.id in (FLAGGED, RIGGED):
            q.flags.append(FlagNote(q.id, "wrong", "key wrong", learner_id="ana"))
    return report


@pytest.mark.parametrize("size", SIZES, ids=IDS)
async def test_prompts_fit_and_flags_are_marked(tmp_path: Path, size: tuple[int, int]) -> None:
    report = _flagged_report(tmp_path)
    assert FLAGGED in {q.id for q in report.questions} and FLAGGED not in (RIGGED, LOW)
    prompts = {q.id: " ".join(q.prompt.split()) for q in report.questions}
    app = _app(report)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReportScreen)
        table = screen.query_one("#report-questions", DataTable)
        column = list(table.columns.values())[-1]
        for n in range(table.row_count):
            key = table.coordinate_to_cell_key((n, 0)).row_key.value
            cells = table.get_row_at(n)
            check, prompt = cells[0], cells[-1]
            assert isinstance(check, Text) and isinstance(prompt, Text)
            assert prompt.plain == prompts[key]
            # one word: the discrimination first, else the learners' flag (the flags column
            # counts them in either case)
            wanted = {RIGGED: "negative", LOW: "low", FLAGGED: "flagged"}.get(key, "")
            assert check.plain == wanted, key
            assert bool(str(cells[5]).strip()) == (key in (FLAGGED, RIGGED)), key
        if size[0] >= 80:  # the whole table in view: the prompt is what is cut to fit
            widths = sum(c.get_render_width(table) for c in table.columns.values())
            assert widths <= table.scrollable_content_region.width, (widths, table.size)
            assert column.width >= 16
        # the id is still reached with d (the details, under the table on a small screen)
        row = table.get_row_index(FLAGGED)
        table.move_cursor(row=row)
        await pilot.press("d")
        await pilot.pause()
        detail = str(screen.query_one("#report-detail", Static).render())
        assert detail.startswith(FLAGGED) and "flagged once: answer wrong" in detail
