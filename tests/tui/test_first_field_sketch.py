"""A short answer's first question is painted with a sketch of its card
(:mod:`quiz.tui.widgets.answers.sketch`), and the real scroll, card and ``Input`` are mounted
right after:

- the first frame is the frame the real card gives (every cell's character, background,
  style, and colour where there is something to see), at three sizes and in both themes;
- keys pressed before the real field is in (letters, the screen's letter keys, Backspace,
  Enter, F1) reach it, in order, once it is: nothing typed is lost, and no letter runs a
  binding of the screen meanwhile;
- the interpreter keeps its short switch interval until the real field is in.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
from rich.style import Style
from textual.pilot import Pilot
from textual.widgets import Input

from quiz.tui.app import FIRST_FRAME_SWITCH_INTERVAL, QuizApp
from quiz.tui.screens import quiz as quiz_screen
from quiz.tui.screens.dialogs import HelpScreen
from quiz.tui.screens.quiz import QuizScreen
from quiz.tui.widgets.answers.sketch import FirstCard
from quiz.tui.widgets.answers.typed import TextAnswer
from quiz.tui.widgets.topbar import TopBar
from tests.conftest import FOUNDING_BANK
from tests.tui.conftest import Harness, settle

Cell = tuple[str, object, object, bool, bool, bool, bool, bool]


def _cells(renderable: object) -> list[list[Cell]]:
    """A frame as the terminal shows it: each cell's character, background, text style, and
    colour where it shows (a space's colour does not)."""
    rows: list[list[Cell]] = []
    for line in renderable.strips:  # type: ignore[attr-defined]
        row: list[Cell] = []
        for strip in line:
            for text, style, control in strip:
                if control:
                    continue
                style = style or Style()
                for char in text:
                    shown = char != " " or bool(style.reverse) or bool(style.underline)
                    row.append(
                        (
                            char,
                            style.bgcolor,
                            style.color if shown else None,
                            bool(style.bold),
                            bool(style.dim),
                            bool(style.italic),
                            bool(style.underline),
                            bool(style.reverse),
                        )
                    )
        rows.append(row)
    return rows


def _record_frames(app: QuizApp, monkeypatch: pytest.MonkeyPatch) -> list[list[list[Cell]]]:
    """Each frame the app paints, as cells."""
    frames: list[list[list[Cell]]] = []
    real_display = app._display

    def display(screen: object, renderable: object) -> None:
        if renderable is not None and not app._batch_count and not frames:
            frames.append(_cells(renderable))  # the first is a full frame
        real_display(screen, renderable)  # type: ignore[arg-type]

    monkeypatch.setattr(app, "_display", display)
    return frames


def _hold_the_swap(monkeypatch: pytest.MonkeyPatch) -> asyncio.Event:
    """The real field is mounted only once the returned event is set."""
    gate = asyncio.Event()
    real = QuizScreen._unsketch
    tasks: list[asyncio.Task[None]] = []

    def held(self: QuizScreen) -> None:
        async def later() -> None:
            await gate.wait()
            await real(self)

        tasks.append(asyncio.get_running_loop().create_task(later()))

    monkeypatch.setattr(QuizScreen, "_unsketch", held)
    return gate


async def _swapped(pilot: Pilot) -> QuizScreen:
    screen = pilot.app.screen
    assert isinstance(screen, QuizScreen)
    for _ in range(100):
        if not screen.sketching and not screen.query(FirstCard):
            break
        await pilot.pause(0.01)
    await settle(pilot)
    return screen


async def _first_frame(
    bank: Path | None,
    size: tuple[int, int],
    theme: str,
    monkeypatch: pytest.MonkeyPatch,
    *,
    sketch: bool = True,
) -> list[list[Cell]]:
    """The first frame of a start at ``size`` in ``theme``, checked to be a sketch's (or,
    with ``sketch`` off, the real widgets'); the real field is in once the start settles."""
    if not sketch:
        monkeypatch.setattr(quiz_screen, "lone_field", lambda item, bank=None: None)
    harness = Harness()
    if bank is None:
        app = harness.play(types=("short_answer",))
    else:
        app = harness.play(bank, shuffle=True, seed=1)
    app.theme = theme
    frames = _record_frames(app, monkeypatch)
    async with app.run_test(size=size) as pilot:
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        sketched = screen.sketching
        screen = await _swapped(pilot)
        answer = screen.answer_input
        assert isinstance(answer, TextAnswer)
        assert screen.focused is answer.focus_target()
        assert isinstance(screen.focused, Input)
    assert "Question 1" in "".join(cell[0] for cell in frames[0][3])
    assert sketched == sketch
    return frames[0]


@pytest.mark.parametrize("size", [(40, 12), (80, 24), (120, 40)])
@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
@pytest.mark.parametrize(
    "bank", [FOUNDING_BANK, None], ids=["shipped bank", "all types, short answer"]
)
async def test_the_first_frame_is_the_real_fields(
    monkeypatch: pytest.MonkeyPatch, size: tuple[int, int], theme: str, bank: Path | None
) -> None:
    """Every cell of the first frame as the real field paints it (at 40x12 the shipped
    bank's first frame has no scrollbar yet: it comes with the layout after the first
    paint, sketch or not, so the settled screen is not the reference)."""
    sketched = await _first_frame(bank, size, theme, monkeypatch)
    with monkeypatch.context() as patch:
        real = await _first_frame(bank, size, theme, patch, sketch=False)
    for y, (row, real_row) in enumerate(zip(sketched, real, strict=True)):
        assert row == real_row, f"line {y}"


async def test_only_a_field_alone_is_sketched(harness: Harness) -> None:
    for qtype in ("cloze", "numeric", "multiple_choice"):  # two blanks; a unit; no field
        app = harness.play(types=(qtype,))
        async with app.run_test(size=(80, 24)) as pilot:
            screen = app.screen
            assert isinstance(screen, QuizScreen)
            assert not screen.sketching
            assert not screen.query(FirstCard)
            await settle(pilot)


async def test_keys_pressed_before_the_real_field_reach_it(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = _hold_the_swap(monkeypatch)
    app = harness.play(types=("short_answer",))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        await pilot.pause()
        sketch = screen.query_one(FirstCard)
        assert screen.focused is sketch
        # q ends a quiz and ? opens the help, but not while typing: here they are letters
        await pilot.press("C", "o", "s", "q", "?", "backspace", "backspace", "t", "a")
        typed = ["C", "o", "s", "q", "question_mark", "backspace", "backspace", "t", "a"]
        assert app.held_keys == typed
        assert app.screen is screen and not screen.query(Input)
        await pilot.press("enter")
        assert not harness.recorder.answers
        gate.set()
        await _swapped(pilot)
        await settle(pilot)
        assert [a.given for a in harness.recorder.answers] == ["Costa"]
        assert screen.answered is not None and screen.answered.outcome.correct


async def test_keys_pressed_as_the_field_is_swapped_keep_their_order(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = _hold_the_swap(monkeypatch)
    app = harness.play(types=("short_answer",))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("a", "b")
        gate.set()
        await pilot.press("c", "d")  # some before the swap, some after
        screen = await _swapped(pilot)
        await pilot.press("e")
        field = screen.query_one(Input)
        assert field.value == "abcde"
        assert field.cursor_position == 5


async def test_f1_before_the_real_field_opens_the_help_after_it(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = _hold_the_swap(monkeypatch)
    app = harness.play(types=("short_answer",))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("x", "f1")
        assert not isinstance(app.screen, HelpScreen)
        gate.set()
        await _swapped(pilot)
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        assert screen.query_one(Input).value == "x"


async def test_the_short_switch_interval_lasts_until_the_real_field_is_in(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = sys.getswitchinterval()
    gate = _hold_the_swap(monkeypatch)
    app = harness.play(types=("short_answer",))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert sys.getswitchinterval() == pytest.approx(FIRST_FRAME_SWITCH_INTERVAL)
        gate.set()
        await _swapped(pilot)
        assert sys.getswitchinterval() == before


async def test_ctrl_c_while_keys_are_held_quits_at_once(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    _hold_the_swap(monkeypatch)
    app = harness.play(types=("short_answer",))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("a", "ctrl+c")
        await pilot.pause()
        assert app._exit


async def test_an_ansi_theme_paints_the_real_widgets_first(harness: Harness) -> None:
    app = harness.play(types=("short_answer",))
    app.ansi_color = True
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        assert app.ansi_color and not screen.sketching
        assert not screen.query(FirstCard)
        await settle(pilot)


async def test_not_saved_while_sketched_shows_on_the_real_top_bar(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = _hold_the_swap(monkeypatch)
    app = harness.play(types=("short_answer",))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuizScreen) and screen.sketching
        app.saving_failed = True  # as when the scores turn out to be unsaved
        screen.refresh_status()  # nothing to redraw yet: no error
        gate.set()
        await _swapped(pilot)
        assert "not saved" in screen.query_one(TopBar).status.plain


def _rules(node: FirstCard) -> list[tuple[str, object]]:
    """The sketch's own style rules and those of its component classes."""
    found: list[tuple[str, object]] = [("", sorted(node.styles.base._rules.items()))]
    for component, styles in sorted(node._component_styles.items()):
        found.append((component, sorted(styles.base._rules.items())))
    return found


async def test_the_sketch_has_the_styles_a_restyle_with_the_focus_gives(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """FirstCard is not restyled as it takes the focus (``FirstCard.watch_has_focus``): the
    styles it got when mounted are those a restyle gives it, focused."""
    gate = _hold_the_swap(monkeypatch)
    app = harness.play(types=("short_answer",))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        sketch = app.screen.query_one(FirstCard)
        assert sketch.has_focus
        styled = _rules(sketch)
        app.stylesheet.update_nodes([sketch], animate=False)
        assert _rules(sketch) == styled
        gate.set()
        await _swapped(pilot)


def test_the_quiz_screen_handles_the_inputs_messages_by_name() -> None:
    """The quiz screen handles its inputs' messages by their handler names, not with ``@on``
    (which imported the inputs' module before the first paint): a renamed message or input
    class must rename its handler too."""
    from quiz.tui.widgets.answers.base import AnswerWidget, CursorAnswer

    for message in (AnswerWidget.Hint, AnswerWidget.Submitted, CursorAnswer.CursorMoved):
        assert callable(getattr(QuizScreen, message.handler_name, None)), message.handler_name
