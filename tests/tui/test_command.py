"""``quiz play``: bad input is reported before the TUI starts; the app factory wiring."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.record import MemoryRecorder
from quiz.recording.background import BackgroundRecorder
from tests.conftest import ALL_TYPES_BANK, DATA


def test_broken_bank_is_reported_as_file_line(capsys: pytest.CaptureFixture[str]) -> None:
    bank = DATA / "invalid" / "bad-difficulty.yaml"
    assert main(["play", str(bank)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{bank}:12: ")


def test_unknown_bank(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["play", "no-such-bank"]) == 1
    assert "no bank file or bank id 'no-such-bank'" in capsys.readouterr().err


def test_filters_that_leave_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["play", str(ALL_TYPES_BANK), "--tag", "nope"]) == 1
    assert "no questions in riverton-bridge match tag nope" in capsys.readouterr().err


@pytest.mark.parametrize("args", [["--count", "0"], ["--type", "essay"], ["--seed", "x"]])
def test_usage_errors(args: list[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["play", str(ALL_TYPES_BANK), *args])
    assert exit_.value.code == 2


def test_plain_tui_modules_import_no_textual() -> None:
    probe = (
        "import sys, quiz.tui.config, quiz.tui.progress, quiz.recording.background\n"
        "print(any(m == 'textual' or m.startswith('textual.') for m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "False"


def test_background_recorder_keeps_order_and_finishes() -> None:
    from datetime import UTC, datetime

    from quiz.record import Answer, Outcome

    class Finishing(MemoryRecorder):
        finished = False

        def finish(self) -> None:
            self.finished = True

    inner = Finishing()
    recorder = BackgroundRecorder(lambda: inner)
    answers = [
        Answer("b", f"q{i}", "true_false", "True", Outcome.RIGHT, 1.0, datetime.now(UTC))
        for i in range(50)
    ]
    for a in answers:
        recorder.record(a)
    recorder.finish()
    assert recorder.close()
    assert inner.answers == answers
    assert inner.finished


def test_nothing_answered_makes_no_recorder() -> None:
    made: list[object] = []
    recorder = BackgroundRecorder(lambda: made.append(1) or MemoryRecorder())  # type: ignore[func-returns-value]
    recorder.finish()
    assert recorder.close()
    assert made == []


async def test_unexpected_error_is_calm(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    from tests.tui.conftest import Harness

    harness = Harness()
    config = harness.config(harness.play().config.start, data_dir=tmp_path, calm_errors=True)
    app = harness.app(config)

    def boom() -> None:
        raise RuntimeError("a bug")

    with pytest.raises(RuntimeError, match="a bug"):  # tests still see the bug...
        async with app.run_test(size=(80, 24)) as pilot:
            app.call_later(boom)
            await pilot.pause()
    err = capfd.readouterr().err  # ...the learner sees a calm line, not a traceback
    assert "quiz ran into a problem it did not expect and stopped" in err
    assert "Traceback" not in err
    assert "RuntimeError: a bug" in (tmp_path / "crash.log").read_text()
