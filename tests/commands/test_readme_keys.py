"""The README's key table names the keys of the quiz screen that the in-app help (built from the
screen's bindings) names: a new user reading the README found no way to flag a question."""

from __future__ import annotations

import re

from tests.conftest import ROOT

#: Textual's names of the quiz screen's punctuation keys, as the README writes them.
KEY_NAMES = {"exclamation_mark": "!", "question_mark": "?"}


def _readme_keys() -> set[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text.split("## In a quiz", 1)[1].split("\n\n", 2)[1]
    first_cells = [row.split("|")[1] for row in table.splitlines() if row.startswith("|")]
    return {key for cell in first_cells for key in re.findall(r"`([^`]+)`", cell)}


def test_the_flag_key_is_in_the_readme_key_table() -> None:
    from quiz.tui.screens.quiz import QuizScreen

    bindings = {b.key: b for b in QuizScreen.BINDINGS if hasattr(b, "key")}
    assert "exclamation_mark" in bindings  # the in-app help names it (its tooltip)
    assert "!" in _readme_keys()


def test_every_named_punctuation_key_of_the_quiz_screen_is_in_the_table() -> None:
    from quiz.tui.screens.quiz import QuizScreen

    keys = {getattr(b, "key", "") for b in QuizScreen.BINDINGS}
    assert {KEY_NAMES[k] for k in keys if k in KEY_NAMES} <= _readme_keys()
