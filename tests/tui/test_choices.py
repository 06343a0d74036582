"""The start dialog's memory: one small JSON file, replaced atomically, never a reason to
stop (a damaged or foreign file reads as empty)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quiz.tui.choices import (
    CHOICES_FILE,
    FORMAT,
    KEEP,
    StartChoice,
    load_choice,
    save_choice,
)


def test_a_choice_is_remembered_per_bank(tmp_path: Path) -> None:
    assert load_choice(tmp_path, "a") is None
    save_choice(tmp_path, "a", StartChoice(count=10, types=("cloze",), missed_only=True))
    save_choice(tmp_path, "b", StartChoice(tags=("people",)))
    assert load_choice(tmp_path, "a") == StartChoice(count=10, types=("cloze",), missed_only=True)
    assert load_choice(tmp_path, "b") == StartChoice(tags=("people",))
    data = json.loads((tmp_path / CHOICES_FILE).read_text(encoding="utf-8"))
    assert data["format"] == FORMAT and list(data["banks"]) == ["a", "b"]
    assert [p.name for p in tmp_path.iterdir()] == [CHOICES_FILE]  # no temporary file left


def test_the_options_of_a_choice() -> None:
    options = StartChoice(count=5, types=("cloze",), missed_only=True).options(["q1", "q2"])
    assert (options.count, options.types, options.only) == (5, ("cloze",), ("q1", "q2"))
    assert StartChoice(missed_only=False).options(["q1"]).only == ()


@pytest.mark.parametrize(
    "content",
    [
        "not json",
        "[]",
        json.dumps({"format": "other/1", "banks": {"a": {}}}),
        json.dumps(
            {
                "format": FORMAT,
                "banks": {"a": {"count": "ten", "types": "cloze", "missed_only": "yes"}},
            }
        ),
    ],
)
def test_a_damaged_file_reads_as_nothing_remembered(tmp_path: Path, content: str) -> None:
    (tmp_path / CHOICES_FILE).write_text(content, encoding="utf-8")
    assert load_choice(tmp_path, "a") in (None, StartChoice())
    save_choice(tmp_path, "a", StartChoice(count=3))  # and it is replaced, not a crash
    assert load_choice(tmp_path, "a") == StartChoice(count=3)


def test_only_the_banks_started_last_are_kept(tmp_path: Path) -> None:
    for n in range(KEEP + 5):
        save_choice(tmp_path, f"bank-{n}", StartChoice(count=n + 1))
    assert load_choice(tmp_path, "bank-0") is None
    assert load_choice(tmp_path, f"bank-{KEEP + 4}") == StartChoice(count=KEEP + 5)
