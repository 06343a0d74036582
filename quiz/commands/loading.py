"""A bank loaded for a command that then opens the app (``quiz play``, ``quiz review --bank``),
with a progress bar on the terminal through a long first load.

The first load of a big bank parses its YAML for many seconds (17 to 25 s for 100,000 to
155,000 questions on a shared two-core machine); before this, the terminal stayed blank all
that while. Now a bar is drawn on stderr once the load has taken :data:`SHOW_AFTER` seconds, so
a small bank or a cached one (a big bank's next start) shows nothing at all, and the line is
cleared before the app takes the screen. Nothing is drawn when stderr is not a terminal.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from quiz.bank.model import Bank

#: A load quicker than this draws nothing (a cache hit, a small bank's first load).
SHOW_AFTER = 0.3

#: Cells of the bar itself.
BAR_WIDTH = 30


class TerminalProgress:
    """Draws ``Reading NAME for the first time [█████·····] 45%`` on one terminal line,
    redrawn in place; :meth:`close` clears it. Called with how much is done (0.0 to 1.0)."""

    def __init__(
        self,
        name: str,
        stream: TextIO,
        *,
        clock: Callable[[], float] = time.monotonic,
        show_after: float | None = None,
        label: str | None = None,
    ) -> None:
        self.name = name
        self.label = label if label is not None else f"Reading {name} for the first time"
        self.stream = stream
        self.clock = clock
        self.started = clock()
        self.show_after = SHOW_AFTER if show_after is None else show_after
        self.drawn = False
        self.shown = -1  # the percentage on screen, so that it is redrawn only when it moves

    def __call__(self, done: float) -> None:
        if not self.drawn and self.clock() - self.started < self.show_after:
            return
        percent = max(0, min(100, int(done * 100)))
        if percent == self.shown:
            return
        filled = BAR_WIDTH * percent // 100
        bar = "█" * filled + "·" * (BAR_WIDTH - filled)
        gauge = f"  [{bar}] {percent:3d}%"
        label = self.label
        room = max(0, _columns(self.stream) - 1 - len(gauge))  # the label gives way, not the bar
        label = label if len(label) <= room else label[: max(0, room - 1)] + "…"
        self.stream.write("\r\x1b[K" + label + gauge)
        self.stream.flush()
        self.drawn = True
        self.shown = percent

    def close(self) -> None:
        """Clear the line, if anything was drawn."""
        if self.drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def _columns(stream: TextIO) -> int:
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError):
        return 80


def load_for_app(path: Path, data_dir: Path, stream: TextIO | None = None) -> Bank:
    """The bank at ``path`` through the data dir's bank cache, with a progress bar on
    ``stream`` (stderr) while a first load takes long; raises what the cache raises."""
    from quiz.bank.cache import BankCache

    cache = BankCache(data_dir / "cache")
    out = stream if stream is not None else sys.stderr
    if not out.isatty():
        return cache.load(path)
    progress = TerminalProgress(path.name, out)
    try:
        return cache.load(path, progress=progress)
    finally:
        progress.close()
