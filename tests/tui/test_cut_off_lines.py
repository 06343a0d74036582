"""Lines a walk-through found cut off, checked at 40x12, 80x24 and 120x40 under Pilot: the
stats screen's forecast caption and its totals, the report table's type column, the author
screen's "Saved" message. A line is cut when the widget holding it reaches past what holds it
(a panel of fixed height, a table's visible width, the screen)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.geometry import Region
from textual.widgets import DataTable, Static
from textual.widgets._toast import Toast

from quiz.authoring import Draft
from quiz.bank import load_bank
from quiz.report import analyse, learner_names, read_results
from quiz.tui.config import StartAuthor, StartReport
from quiz.tui.screens.author import AuthorScreen
from quiz.tui.screens.report import QUESTION_COLUMNS, ReportScreen
from quiz.tui.text import TYPE_TAGS
from quiz.tui.widgets.charts import Figure
from quiz.tui.widgets.topbar import TopBar
from tests.conftest import ALL_TYPES_BANK, DATA
from tests.report.class_results import BANK, write_class
from tests.tui.conftest import Harness, settle
from tests.tui.test_stats_screen import studied_stats

SIZES = [(40, 12), (80, 24), (120, 40)]
IDS = ["40x12", "80x24", "120x40"]


def inside(outer: Region, inner: Region) -> bool:
    return outer.contains_region(inner)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
async def test_stats_forecast_caption_and_totals_are_whole(
    harness: Harness, tmp_path: Path, size: tuple[int, int]
) -> None:
    async with studied_stats(harness, tmp_path, size) as screen:
        panel = screen.query_one("#forecast-panel")
        caption = screen.query_one("#forecast-caption", Static)
        text = str(caption.render())
        assert "now" in text and "in 30 days" in text
        assert inside(panel.content_region, caption.region), (
            panel.content_region,
            caption.region,
        )
        totals = screen.query_one("#stats-totals")
        for figure in totals.query(Figure):
            assert inside(totals.content_region, figure.region), figure.label
            wanted = figure.get_content_width(figure.size, figure.size)
            assert wanted <= figure.content_region.width, (figure.label, figure.note)


def class_report(folder: Path):  # type: ignore[no-untyped-def]
    files = write_class(folder)
    read = [(str(path), read_results(path)) for path in files.values()]
    return analyse(
        load_bank(BANK), [a for _, found in read for a in found], names=learner_names(read)
    )


@pytest.mark.parametrize("size", SIZES[1:], ids=IDS[1:])
async def test_report_type_column_is_in_view(
    harness: Harness, tmp_path: Path, size: tuple[int, int]
) -> None:
    app = harness.app(harness.config(StartReport(class_report(tmp_path))))  # type: ignore[arg-type]
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReportScreen)
        table = app.screen.query_one("#report-questions", DataTable)
        columns = list(table.columns.values())
        assert [c.label.plain for c in columns] == list(QUESTION_COLUMNS)
        upto = QUESTION_COLUMNS.index("type") + 1
        needed = sum(c.get_render_width(table) for c in columns[:upto])
        assert needed <= table.scrollable_content_region.width, (needed, table.size)
        types = {str(table.get_row_at(n)[upto - 1]) for n in range(table.row_count)}
        assert "choice" in types and types <= set(TYPE_TAGS.values())


@pytest.mark.parametrize("size", SIZES, ids=IDS)
async def test_author_saved_message_is_whole(
    harness: Harness, tmp_path: Path, size: tuple[int, int]
) -> None:
    folder = tmp_path / "a" / "rather" / "long" / "folder" / "for" / "the" / "teacher"
    folder.mkdir(parents=True)
    (folder / "article.txt").write_bytes((DATA / "valid" / "article.txt").read_bytes())
    bank = folder / "riverton-bridge-opening-2025.yaml"
    bank.write_bytes(ALL_TYPES_BANK.read_bytes())
    draft = Draft(load_bank(bank))  # every question still to review
    app = harness.app(harness.config(StartAuthor(make=lambda: draft, save_to=bank)))
    async with app.run_test(size=size, notifications=True) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, AuthorScreen)
        await pilot.press("a", "ctrl+s")
        for _ in range(5):
            await pilot.pause(0.05)
        [saved] = [n for n in app._notifications if n.title == "Saved"]
        assert saved.message.splitlines()[:3] == [
            "riverton-bridge-opening-2025.yaml",
            f"in {folder}",
            "1 question; 8 still to review kept as its drafts",
        ]
        toasts = list(app.screen.query(Toast))
        assert toasts
        for toast in toasts:
            assert inside(Region(0, 0, *size), toast.region), (toast.region, size)
        shown = "".join(str(t.render()) for t in toasts).replace("\n", "")
        assert "riverton-bridge-opening-2025.yaml" in shown.replace(" ", "")


async def test_author_top_bar_keeps_the_title_off_the_counts(
    harness: Harness, tmp_path: Path
) -> None:
    bank = tmp_path / "riverton.yaml"
    bank.write_bytes(ALL_TYPES_BANK.read_bytes())
    (tmp_path / "article.txt").write_bytes((DATA / "valid" / "article.txt").read_bytes())
    draft = Draft.from_bank(load_bank(bank))
    app = harness.app(harness.config(StartAuthor(make=lambda: draft, save_to=bank)))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("x", "ctrl+s")  # "saved" joins the counts: the longest status
        await pilot.pause()
        line = str(app.screen.query_one(TopBar).render())
        assert "bridge  " in line or "…  " in line, line
        assert line.rstrip().endswith("saved")
