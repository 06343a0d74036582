"""The real ``quiz`` app in a pseudo-terminal, driven by keystrokes, read from its output.

Only what a person sees counts: an answer is *acknowledged* when its feedback verdict has been
painted on the terminal. The screen is read from the raw output with the escape sequences
stripped (Textual paints whole changed lines, so a word on screen arrives in one piece).
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_ESCAPES = re.compile(rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[P\]X^_].*?(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")
#: The verdict line of the feedback panel (quiz/tui/widgets/feedback.py).
VERDICT = re.compile(r"✓ Right|✗ Not quite|≈ Near miss")


class AppInPty:
    """``python -m quiz ARGS`` in a pty of ``size`` (columns, rows)."""

    def __init__(
        self, args: list[str], data_dir: Path, *, size: tuple[int, int] = (100, 40)
    ) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
        env = {
            **os.environ,
            "QUIZ_DATA_DIR": str(data_dir),
            "TERM": "xterm-256color",
            "COLUMNS": str(size[0]),
            "LINES": str(size[1]),
            "PYTHONPATH": str(ROOT),
            "TEXTUAL_ANIMATIONS": "none",
        }
        self.process = subprocess.Popen(
            [sys.executable, "-m", "quiz", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            cwd=ROOT,
            start_new_session=True,
            close_fds=True,
        )
        os.close(slave)
        self.master = master
        self.raw = b""
        self.text = ""  # everything painted so far, escapes stripped
        self.mark = 0  # where the current wait starts reading

    # ------------------------------------------------------------------ reading

    def pump(self, timeout: float = 0.05) -> bool:
        """Read what is there (waiting up to ``timeout``); False once the app is gone."""
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return self.process.poll() is None
        try:
            chunk = os.read(self.master, 1 << 16)
        except OSError:
            chunk = b""
        if not chunk:
            return False
        self.raw += chunk
        self.text = _ESCAPES.sub(b"", self.raw).decode("utf-8", "replace")
        return True

    def wait_for(self, pattern: str | re.Pattern[str], timeout: float = 30.0) -> re.Match[str]:
        """Wait until ``pattern`` is painted after the mark; move the mark past it."""
        regex = re.compile(pattern) if isinstance(pattern, str) else pattern
        deadline = time.monotonic() + timeout
        while True:
            found = regex.search(self.text, self.mark)
            if found:
                self.mark = found.end()
                return found
            if time.monotonic() > deadline:
                raise TimeoutError(f"{regex.pattern!r} not painted: {self.text[-1500:]!r}")
            if not self.pump() and not regex.search(self.text, self.mark):
                raise RuntimeError(f"the app exited: {self.text[-1500:]!r}")

    # ------------------------------------------------------------------ keys and ends

    def send(self, keys: str) -> None:
        """Keys as the terminal sends them (``"\\r"`` is Enter)."""
        self.mark = len(self.text)
        os.write(self.master, keys.encode())

    def kill(self) -> None:
        """SIGKILL, then read whatever it painted before dying."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(10)
        while self.pump(0.05):
            pass

    def close(self) -> None:
        try:
            if self.process.poll() is None:
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)
        except ProcessLookupError:
            pass
        finally:
            os.close(self.master)


def answer_keys(question: object, right: bool) -> str:
    """The keys a learner presses to answer a true/false or multiple-choice question."""
    from quiz.bank.model import MultipleChoice, TrueFalse

    if isinstance(question, TrueFalse):
        return "t" if question.answer == right else "f"
    assert isinstance(question, MultipleChoice), question
    picks = sorted(question.correct_indices())
    if not right:
        picks = [next(i for i in range(len(question.choices)) if i not in picks)]
    keys = "".join(str(i + 1) for i in picks)
    return keys + ("\r" if question.multiple else "")
