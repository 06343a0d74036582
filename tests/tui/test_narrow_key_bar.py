"""The key bar on a narrow terminal: whole hints are dropped from the right (the palette's
first), never one cut mid-word (a walk-through found "? He" and "▏^" at 40x12)."""

from __future__ import annotations

from rich.cells import cell_len

from quiz.tui.widgets.footer import KeyBar
from tests.tui.conftest import Harness, settle
from tests.tui.helpers import answer_right, current


def hints_of(bar: KeyBar) -> list[str]:
    """Every hint the bar could show, as drawn: " key description "."""
    out = []
    for _key, (_node, binding, _enabled, _tip) in bar.screen.active_bindings.items():
        if binding.show:
            out.append(f" {bar.app.get_key_display(binding)} {binding.description} ")
    return out


async def test_key_bar_drops_whole_hints_at_40_columns(harness: Harness) -> None:
    app = harness.play()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        await answer_right(pilot)
        await settle(pilot)
        bar = current(pilot).query_one(KeyBar)
        line = bar.render().plain
        assert cell_len(line) <= bar.size.width, line
        assert "▏" not in line and "palette" not in line  # the palette hint goes first
        assert line.startswith(" ⏎ Continue  u Undo  ! Flag  q End "), line
        # what is left is whole hints, nothing cut
        rest = line
        for hint in hints_of(bar):
            rest = rest.replace(hint, "|")
        assert rest.strip("| ") == "", (line, rest)


async def test_key_bar_keeps_the_palette_when_there_is_room(harness: Harness) -> None:
    app = harness.play()
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        await answer_right(pilot)
        await settle(pilot)
        line = current(pilot).query_one(KeyBar).render().plain
        assert line.rstrip().endswith("▏^p palette") and "? Help" in line
