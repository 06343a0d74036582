"""Running the real ``quiz`` command as a user does: a subprocess of ``python -m quiz`` with its
own data dir, from the checkout (so it runs this code, installed or not)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_quiz(
    data_dir: Path,
    *args: str,
    cwd: Path = ROOT,
    timeout: float = 300,
    pythonpath: str = "",
) -> subprocess.CompletedProcess[str]:
    """``quiz ARGS`` with ``QUIZ_DATA_DIR`` set to ``data_dir``; ``pythonpath`` goes first on
    the module path (a test's import guard)."""
    path = os.pathsep.join(p for p in (pythonpath, str(ROOT)) if p)
    env = {**os.environ, "QUIZ_DATA_DIR": str(data_dir), "PYTHONPATH": path}
    return subprocess.run(
        [sys.executable, "-m", "quiz", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=timeout,
    )
