"""Issue 20, item 7: a bidi override (U+202E) or another bidi or control character in a bank's
prompt, options, feedback, title or file name reached the terminal raw in the TUI. Now the
screen shows a visible placeholder in its place (:mod:`quiz.tui.safe_render`), and markup in
bank text is still shown as written. Each test reads the text the screen actually draws (the
compositor's lines, what the terminal is sent minus the styling) in the quiz, the home, the
author and the report screens."""

from __future__ import annotations

import re
from pathlib import Path

import rich.text
import textual.content
from msgspec.structs import replace
from rich.text import Text
from textual.app import App
from textual.content import Content
from textual.widgets import DataTable

from quiz.authoring import Draft
from quiz.bank import load_bank
from quiz.bank.model import Bank
from quiz.report import analyse, read_results
from quiz.safe_text import PLACEHOLDER, VISIBLE_TABLE, printable, visible
from quiz.tui.app import QuizApp
from quiz.tui.config import AppConfig, StartAuthor, StartReport
from quiz.tui.safe_render import shown
from tests.conftest import ALL_TYPES_BANK, DATA
from tests.tui.conftest import FIXED_DATA_DIR, Harness, settle
from tests.tui.conftest import harness as harness  # the fixtures of tests/tui
from tests.tui.conftest import private_files as private_files  # autouse: no shared data dir
from tests.tui.helpers import acknowledged, current

SIZE = (120, 40)
RLO, PDF, LRI, PDI, RLM = "\u202e", "\u202c", "\u2066", "\u2069", "\u200f"
#: Every character that must never reach the terminal raw (newline and tab are layout).
UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")

SENTENCE = f"The mayor, Ana {RLO}Costa{PDF}, opened the new bridge on Monday in the town."
BANK = f"""\
format: quiz-bank/1
id: bidi
title: Evil {RLO}eltit{PDF} bank
description: A bank whose text holds bidi controls.
source:
  title: Bridge {LRI}news{PDI}
  text: "{SENTENCE} It took three years to build and cost twelve million euros in all."
questions:
  - id: q1
    type: multiple_choice
    prompt: "Who [b]opened[/b] the {RLO}egdirb{PDF}? [@click=app.quit]x[/]"
    choices: ["Ana {RLO}Costa{PDF}", "Marta {LRI}Silva{PDI}", "Rui Lopes{RLM}"]
    answer: "Ana {RLO}Costa{PDF}"
    source: "{SENTENCE}"
    explanation: "The mayor {RLO}opened it{PDF} on Monday."
"""


def _bank(folder: Path, name: str = "bidi.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(BANK, encoding="utf-8")
    return path


def screen_text(app: App[object]) -> str:
    """The characters of every cell of the screen as drawn."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def assert_safe(text: str, *expected: str) -> None:
    raw = UNSAFE.findall(text)
    assert not raw, f"raw {[f'U+{ord(c):04X}' for c in raw]} on screen:\n{text}"
    assert PLACEHOLDER in text, text
    for part in expected:
        assert part in text, f"{part!r} not on screen:\n{text}"


def test_the_guard_is_in_place_and_keeps_lengths() -> None:
    """Importing the app installs it; one character for one, so styled spans stay put."""
    assert textual.content._strip_control_codes is shown
    assert rich.text.strip_control_codes is shown
    every = "".join(map(chr, VISIBLE_TABLE))
    assert len(visible(every)) == len(every) and not UNSAFE.search(visible(every))
    content = Content.assemble(("a\x1b[31m", "bold"), f"b{RLO}c")
    assert content.plain == "a␛[31mb\ufffdc"
    assert [(s.start, s.end) for s in content.spans] == [(0, 6)]
    assert Content.from_markup("[b]x\u202ey[/b]").plain == "x\ufffdy"
    assert Text(f"n{RLO}\x9bm\r").plain == "n\ufffd\ufffdm"  # carriage return still dropped
    # line and paragraph separators: a terminal may break a line on them (the verification of
    # issue 20 saw a title's U+2028 reach it raw)
    assert Content("a\u2028b\u2029c").plain == "a\ufffdb\ufffdc"
    assert printable("title\u2028x") == "title\\u2028x"


async def test_the_quiz_screen_shows_placeholders(harness: Harness, tmp_path: Path) -> None:
    app = harness.play(load_bank(_bank(tmp_path)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert_safe(
            text,
            f"Who [b]opened[/b] the {PLACEHOLDER}egdirb{PLACEHOLDER}? [@click=app.quit]x[/]",
            f"Ana {PLACEHOLDER}Costa{PLACEHOLDER}",
            f"Marta {PLACEHOLDER}Silva{PLACEHOLDER}",
            f"Rui Lopes{PLACEHOLDER}",
        )
        assert "Evil" in text  # the title, in the top bar
        await pilot.press("2")  # wrong: the feedback shows the explanation and the source
        await acknowledged(pilot)
        await pilot.pause()
        assert current(pilot).acknowledged
        assert_safe(
            screen_text(app),
            f"The mayor {PLACEHOLDER}opened it{PLACEHOLDER} on Monday.",
            f"Ana {PLACEHOLDER}Costa{PLACEHOLDER}, opened",
        )
        assert app.is_running  # the [@click=app.quit] in the prompt did nothing


async def test_the_home_screen_shows_titles_and_file_names_safely(
    harness: Harness, tmp_path: Path
) -> None:
    folder = tmp_path / "banks"
    _bank(folder)
    broken = folder / "broken\x1b[31m\u202ename.yaml"
    broken.write_text("format: quiz-bank/1\nid: [\n", encoding="utf-8")
    app = harness.home((folder,))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for _ in range(50):
            if "Evil" in screen_text(app):
                break
            await pilot.pause(0.05)
        assert_safe(screen_text(app), f"Evil {PLACEHOLDER}eltit{PLACEHOLDER} bank")
        seen = set()
        for _ in range(4):  # walk the list: each bank's detail, the broken one's errors too
            await pilot.press("down")
            await pilot.pause()
            text = screen_text(app)
            assert not UNSAFE.search(text), text
            seen.add("broken␛[31m\ufffdname" in text)
        assert True in seen


async def test_the_author_screen_shows_placeholders(harness: Harness, tmp_path: Path) -> None:
    bank = load_bank(_bank(tmp_path / "bank"))
    draft = Draft.from_bank(bank)
    start = StartAuthor(make=lambda: draft, save_to=tmp_path / "out.yaml")
    app = harness.app(harness.config(start))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.pause()
        assert_safe(
            screen_text(app),
            f"Who [b]opened[/b] the {PLACEHOLDER}egdirb{PLACEHOLDER}?",
            f"Ana {PLACEHOLDER}Costa{PLACEHOLDER}",
            f"The mayor {PLACEHOLDER}opened it{PLACEHOLDER} on Monday.",
        )
        assert app.is_running


def _report_bank() -> Bank:
    bank = load_bank(ALL_TYPES_BANK)
    first = replace(bank.questions[0], prompt=f"Who {RLO}opened{PDF} it? \x1b[2J")
    return replace(bank, title=f"Riverton {RLO}bridge", questions=(first, *bank.questions[1:]))


async def test_the_report_screen_shows_placeholders() -> None:
    bank = _report_bank()
    attempts = read_results(DATA / "results" / "alice.jsonl")
    name = f"Zoë {RLO}\x1b[31mred"
    report = analyse(bank, attempts, names={attempts[0].learner_id: name})
    config = AppConfig(data_dir=FIXED_DATA_DIR, start=StartReport(report))
    app = QuizApp(config, cursor_blink=False)
    app.animation_level = "none"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        questions = app.screen.query_one("#report-questions", DataTable)
        questions.move_cursor(row=questions.get_row_index(bank.questions[0].id))
        await pilot.pause()
        assert_safe(screen_text(app), f"Who {PLACEHOLDER}opened{PLACEHOLDER} it? ␛[2J")
        await pilot.press("tab")  # the learners' table: a name from a results file
        await pilot.pause()
        assert_safe(screen_text(app), f"Zoë {PLACEHOLDER}␛[31mred")
