"""The top bar's title never runs into its status.

At 80 columns a title that filled the rest of the line ran into a five-digit count ("…in Tokyo,
August 20251 of 20400", a new user's trial, session 13): two spaces are kept between them, the
title cut with an ellipsis when it needs to be."""

from __future__ import annotations

import pytest
from textual.content import Content

from quiz.tui.text import bar_line

TITLE = "quiz › Japan and South Korea pledge closer ties at a summit in Tokyo, August 2025"


@pytest.mark.parametrize("status", ["1 of 20400  ·  score 0/0 ", "9 of 70  ·  score 8/8 "])
@pytest.mark.parametrize("extra", range(-3, 4))
def test_the_title_stops_two_spaces_before_the_status(status: str, extra: int) -> None:
    width = len(TITLE) + len(status) + extra  # around the width where the two just touch
    line = bar_line(Content(TITLE), Content(status), width).plain
    assert len(line) == width and line.endswith(status)
    title = line[: width - len(status)]
    assert title.endswith("  ")
    assert title.rstrip() == TITLE or title.rstrip().endswith("…")
