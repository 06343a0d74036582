"""The first question is styled once and painted as it stays: the work the start-up skips
(benchmarks/startup.py) changes nothing on screen.

- The input takes the focus when it is mounted, so the screen's auto-focus never focuses the
  scroll first (which restyled the whole card, painted it so, then moved the focus).
- The quiz screen's first resume does not restyle every node again: the styles each node got
  when mounted are already the ones a restyle gives.
- A typed field is made compact without the restyle ``Input(compact=True)`` does in its
  constructor, and gets the class that makes it compact.
- The interpreter switches threads every half millisecond until the first screen is painted
  (so that Textual's writer thread puts the first frame on the terminal without waiting 5 ms
  for the app's thread), and as often as before from then on.
"""

from __future__ import annotations

import sys

import pytest
from textual.dom import DOMNode
from textual.widgets import Input

from quiz.bank.model import QUESTION_TYPES
from quiz.tui.app import FIRST_FRAME_SWITCH_INTERVAL
from quiz.tui.screens.quiz import QuizScreen
from quiz.tui.widgets.answers.base import AnswerWidget
from quiz.tui.widgets.answers.typed import COMPACT
from tests.tui.conftest import Harness, settle


def _styles(screen: QuizScreen) -> list[tuple[str, object]]:
    """Every node's own style rules and those of its component classes."""
    found: list[tuple[str, object]] = []
    for node in screen.walk_children(with_self=True):
        assert isinstance(node, DOMNode)
        name = f"{type(node).__name__}#{node.id}"
        found.append((name, sorted(node.styles.base._rules.items())))
        for component, styles in sorted(node._component_styles.items()):
            found.append((f"{name}.{component}", sorted(styles.base._rules.items())))
    return found


@pytest.mark.parametrize("qtype", sorted(QUESTION_TYPES))
async def test_first_question_styled_as_a_restyle_would(harness: Harness, qtype: str) -> None:
    app = harness.play(types=(qtype,))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        answer = screen.answer_input
        assert isinstance(answer, AnswerWidget)
        assert screen.focused is answer.focus_target()
        assert screen.focused is not None and screen.focused.has_focus
        styled = _styles(screen)
        screen.update_node_styles(animate=False)  # what the skipped restyle would have done
        assert _styles(screen) == styled


def test_compact_is_the_class_textual_toggles() -> None:
    plain, compact = Input(), Input(compact=True)
    assert compact.classes - plain.classes == {COMPACT}


async def test_threads_switch_often_only_until_the_first_paint(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = sys.getswitchinterval()
    intervals: list[float] = []
    at_paint: list[float] = []
    real_set = sys.setswitchinterval

    def recorded(interval: float) -> None:
        intervals.append(interval)
        real_set(interval)

    monkeypatch.setattr(sys, "setswitchinterval", recorded)
    app = harness.play()
    real_display = app._display

    def display(*args: object, **kwargs: object) -> None:
        at_paint.append(sys.getswitchinterval())
        real_display(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(app, "_display", display)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "Question 1" in str(app.screen.query_one("#prompt").render())
        assert at_paint[0] == pytest.approx(FIRST_FRAME_SWITCH_INTERVAL)
        assert intervals == [FIRST_FRAME_SWITCH_INTERVAL, before]
        assert sys.getswitchinterval() == before
