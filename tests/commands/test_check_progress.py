"""``quiz check`` on a big bank in a real terminal: a progress bar on stderr while it reads and
reviews, cleared before the advice is printed (issue 20: a 110,000-question bank ran for
minutes with nothing on screen). Piped, nothing but the advice is written."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

from benchmarks.synth import write_bank
from tests.cli_run import ROOT, run_quiz


def _in_a_terminal(args: list[str], data_dir: Path, seconds: float = 120) -> tuple[int, str]:
    """Run ``quiz ARGS`` with stdout and stderr on an 80x24 pseudo-terminal; its exit status
    and everything it wrote."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = {**os.environ, "QUIZ_DATA_DIR": str(data_dir), "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "quiz", *args],
        stdin=subprocess.DEVNULL,
        stdout=follower,
        stderr=follower,
        cwd=ROOT,
        env=env,
    )
    os.close(follower)
    written = bytearray()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the follower closed: the process is done
            break
        if not chunk:
            break
        written += chunk
    os.close(leader)
    return process.wait(timeout=seconds), written.decode("utf-8", "replace")


def test_a_big_bank_shows_its_check_progressing_then_the_advice(tmp_path: Path) -> None:
    bank = write_bank(tmp_path / "banks", "big", 8000)
    status, written = _in_a_terminal(["check", str(bank)], tmp_path / "data")
    assert status == 0, written[-2000:]
    assert f"Checking {bank.name}" in written  # the bar's label, while it works
    assert "%" in written and "█" in written
    after_bar = written.rsplit("\r\x1b[K", 1)[-1]  # the bar cleared before the advice
    assert "advice duplicate-test" in after_bar or "advice answer-leak" in after_bar
    assert "Checking" not in after_bar


def test_piped_the_check_prints_only_its_findings(tmp_path: Path) -> None:
    bank = write_bank(tmp_path / "banks", "big", 8000)
    result = run_quiz(tmp_path / "data", "check", str(bank), timeout=120)
    assert result.returncode == 0
    assert "Checking" not in result.stderr and "\x1b" not in result.stdout + result.stderr
