"""The row under the cursor stays in view, at every size: a new-user walk-through at 40x12
(`quiz play question_banks/japan-korea-summit-2025.yaml --type ordering --seed 1`, Down three
times) found the chosen item (and the one moved with [ ]) scrolled under the fold while the
screen kept showing items 1-2, and the keys' hint under it with nothing bringing it up. The
cursor now scrolls its row into view; on the last row the hint comes with it, on the first row
the question; PageDown reaches the hint at any time."""

from __future__ import annotations

import pytest
from textual.containers import VerticalScroll
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget

from quiz.tui.widgets.answers.base import CursorAnswer
from tests.conftest import FOUNDING_BANK
from tests.tui.conftest import Harness
from tests.tui.helpers import current

SIZES = [(40, 12), (80, 24), (120, 40)]
IDS = ["40x12", "80x24", "120x40"]


def shown(pilot: Pilot) -> Region:
    """The part of the screen the question's scroll shows."""
    return current(pilot).query_one("#scroll", VerticalScroll).scrollable_content_region


def in_view(pilot: Pilot, widget_region: Region) -> bool:
    return shown(pilot).contains_region(widget_region)


def answer(pilot: Pilot) -> CursorAnswer:
    widget = current(pilot).answer_input
    assert isinstance(widget, CursorAnswer), widget
    return widget


def cursor_row(pilot: Pilot) -> Region:
    region = answer(pilot).cursor_region()
    assert region is not None
    return region


def hint(pilot: Pilot) -> Widget:
    return current(pilot).query_one("#hint")


async def press(pilot: Pilot, *keys: str) -> None:
    await pilot.press(*keys)
    await pilot.pause()  # the scroll follows once the moved rows are laid out
    await pilot.pause()


def ordering_app(harness: Harness):  # type: ignore[no-untyped-def]
    """As `quiz play question_banks/japan-korea-summit-2025.yaml --type ordering --seed 1`."""
    return harness.play(FOUNDING_BANK, types=("ordering",), seed=1, shuffle=True)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
async def test_the_chosen_ordering_item_stays_in_view(
    harness: Harness, size: tuple[int, int]
) -> None:
    app = ordering_app(harness)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        rows = answer(pilot).cursor_rows
        assert rows == 4
        assert in_view(pilot, cursor_row(pilot))
        for n in range(1, rows):
            await press(pilot, "down")
            assert answer(pilot).cursor == n
            assert in_view(pilot, cursor_row(pilot)), (size, n, cursor_row(pilot), shown(pilot))
        # on the last item, the keys' hint is in view with it
        assert in_view(pilot, hint(pilot).region), (size, hint(pilot).region, shown(pilot))
        assert "[ and ]" in str(hint(pilot).render())
        # the item moved up with [ stays in view, each step
        for n in range(rows - 2, -1, -1):
            await press(pilot, "left_square_bracket")
            assert answer(pilot).cursor == n
            assert in_view(pilot, cursor_row(pilot)), (size, n, cursor_row(pilot), shown(pilot))
        # back on the first item: the question above it is in view again
        prompt = current(pilot).query_one("#prompt")
        assert shown(pilot).y <= prompt.region.y
        # and down with ]
        for n in range(1, rows):
            await press(pilot, "right_square_bracket")
            assert in_view(pilot, cursor_row(pilot)), (size, n, cursor_row(pilot), shown(pilot))


async def test_at_40x12_the_list_scrolled_under_the_fold_before(harness: Harness) -> None:
    """The walk-through's screen: after three Downs the fourth item is on screen, with the
    hint, and the first (off the top now) comes back with Up."""
    app = ordering_app(harness)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        rows = [r for r in current(pilot).query(".order-row")]
        assert not in_view(pilot, rows[3].region)  # under the fold at first
        assert not in_view(pilot, hint(pilot).region)
        await press(pilot, "down", "down", "down")
        assert in_view(pilot, rows[3].region)
        assert rows[3].has_class("-cursor")
        assert in_view(pilot, hint(pilot).region)
        await press(pilot, "up", "up", "up")
        assert in_view(pilot, rows[0].region)
        assert rows[0].has_class("-cursor")


@pytest.mark.parametrize("key", ["pagedown", "end"])
async def test_the_hint_is_reached_with_page_down(harness: Harness, key: str) -> None:
    app = ordering_app(harness)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        assert not in_view(pilot, hint(pilot).region)
        await press(pilot, key)
        assert in_view(pilot, hint(pilot).region)
        assert answer(pilot).has_focus  # still answering: ↑↓ and [ ] still work
        await press(pilot, "up")
        assert in_view(pilot, cursor_row(pilot))


@pytest.mark.parametrize("size", SIZES, ids=IDS)
@pytest.mark.parametrize("qtype", ["multiple_choice", "matching"])
async def test_choices_and_matching_keep_the_cursor_in_view(
    harness: Harness, size: tuple[int, int], qtype: str
) -> None:
    app = harness.play(FOUNDING_BANK, types=(qtype,), seed=1, shuffle=True)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        rows = answer(pilot).cursor_rows
        for _ in range(rows):
            await press(pilot, "down")
            assert in_view(pilot, cursor_row(pilot)), (size, cursor_row(pilot), shown(pilot))
        for _ in range(rows):
            await press(pilot, "up")
            assert in_view(pilot, cursor_row(pilot)), (size, cursor_row(pilot), shown(pilot))
