"""The benchmark timing hook: off unless QUIZ_TIMINGS names a file, then one line per call."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.timings import ENV, timed


def double(x: int) -> int:
    return 2 * x


def test_without_the_variable_the_function_is_untouched(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV, raising=False)
    assert timed("double")(double) is double


def test_with_it_each_call_appends_its_name_and_seconds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = tmp_path / "timings.txt"
    monkeypatch.setenv(ENV, str(log))
    wrapped = timed("double")(double)
    assert wrapped(2) == 4 and wrapped(3) == 6
    lines = log.read_text(encoding="utf-8").splitlines()
    assert [line.split()[0] for line in lines] == ["double", "double"]
    assert all(float(wall) >= 0 and float(cpu) >= 0 for _, wall, cpu in map(str.split, lines))
