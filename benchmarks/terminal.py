"""Run a terminal app in a real pseudo-terminal and time it until some text is on the screen.

This is how a person experiences start-up: from pressing Enter to reading the first question.
The same function times the baseline app, so both include interpreter start, imports and the
first paint.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import re
import select
import signal
import struct
import subprocess
import termios
import time
from collections.abc import Sequence
from dataclasses import dataclass

_ESCAPES = re.compile(rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[P\]X^_].*?(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")


@dataclass(frozen=True)
class Painted:
    seconds: float
    peak_rss_mb: float
    #: CPU time (user + system) the process had used when the marker showed: what the start
    #: cost, without the time it waited for a core on a busy machine
    cpu_seconds: float = float("nan")


def _peak_rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def _cpu_seconds(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return float("nan")


def run_until_painted(
    command: list[str],
    marker: str,
    *,
    env: dict[str, str],
    size: tuple[int, int] = (80, 24),
    timeout: float = 120.0,
) -> Painted:
    """Start ``command`` in a pty of ``size`` (columns, rows); return when ``marker`` shows."""
    return run_through(command, [(marker, b"")], env=env, size=size, timeout=timeout)[0]


def run_through(
    command: list[str],
    steps: Sequence[tuple[str, bytes]],
    *,
    env: dict[str, str],
    size: tuple[int, int] = (80, 24),
    timeout: float = 120.0,
) -> list[Painted]:
    """Start ``command`` in a pty of ``size``; for each ``(marker, keys)`` step wait for
    ``marker`` to show, note the moment (seconds since the start), then type ``keys``, as a
    person who reads a screen and presses a key. A marker is looked for only in what was
    painted after the keys before it, so a step is never satisfied by an earlier screen."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,
        close_fds=True,
    )
    os.close(slave)
    seen = b""
    painted: list[Painted] = []
    try:
        for marker, keys in steps:
            wanted = marker.encode()
            while True:
                if time.perf_counter() - started > timeout:
                    raise TimeoutError(f"{marker!r} not painted within {timeout} s: {command}")
                ready, _, _ = select.select([master], [], [], 0.05)
                if ready:
                    try:
                        chunk = os.read(master, 65536)
                    except OSError:
                        chunk = b""
                    if not chunk:
                        raise RuntimeError(
                            f"{command} exited before painting {marker!r}: {seen[-2000:]!r}"
                        )
                    seen += chunk
                    if wanted in _ESCAPES.sub(b"", seen):
                        elapsed = time.perf_counter() - started
                        painted.append(
                            Painted(elapsed, _peak_rss_mb(process.pid), _cpu_seconds(process.pid))
                        )
                        break
                elif process.poll() is not None:
                    raise RuntimeError(f"{command} exited: {_ESCAPES.sub(b'', seen)[-2000:]!r}")
            if keys:
                seen = b""
                os.write(master, keys)
        return painted
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        os.close(master)
