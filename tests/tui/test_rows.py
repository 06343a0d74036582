"""Keyed rows (choices, ordering items, matching options): one widget each, text wrapping
under itself rather than under the key."""

from __future__ import annotations

from textual.app import App, ComposeResult

from quiz.tui.widgets.answers import Row

LONG = "The two leaders agreed to " + "keep meeting every year " * 4 + "[b]in person[/b]."


class _Rows(App[None]):
    def compose(self) -> ComposeResult:
        yield Row(" 1", LONG, classes="choice")
        yield Row(" 2", "Short", classes="choice")


async def test_a_long_row_wraps_with_a_hanging_indent_and_markup_is_literal() -> None:
    app = _Rows()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        first, second = app.query(Row).results(Row)
        lines = first.render().plain.split("\n")
        assert len(lines) > 2
        assert first.size.height == len(lines)
        assert lines[0].startswith(" 1   The two leaders")
        for line in lines[1:]:
            assert line[: Row.KEY_WIDTH] == " " * Row.KEY_WIDTH and line[Row.KEY_WIDTH] != " "
        assert "[b]in person[/b]." in " ".join(lines)  # user text is never markup
        assert second.region.y == first.region.y + len(lines)


async def test_a_new_key_and_text_are_shown() -> None:
    app = _Rows()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        row = app.query_one(Row)
        row.set_key(" ✓")
        row.set_text("Now short")
        await pilot.pause()
        assert row.render().plain == " ✓   Now short"
        assert row.size.height == 1
