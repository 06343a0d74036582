"""The core never imports Textual: the UI is a leaf (DESIGN.md, habit 1)."""

from __future__ import annotations

import subprocess
import sys

CORE_MODULES = [
    "quiz.bank",
    "quiz.record",
    "quiz.cli",
    "quiz.commands.check",
]
OPTIONAL_CORE = [
    "quiz.session",
    "quiz.grading",
    "quiz.srs",
    "quiz.store",
    "quiz.stats",
    "quiz.export",
    "quiz.generate",
    "quiz.library",
]


def test_core_modules_import_nothing_from_textual() -> None:
    probe = (
        "import importlib, importlib.util, sys\n"
        f"mods = {CORE_MODULES!r} + [m for m in {OPTIONAL_CORE!r} "
        "if importlib.util.find_spec(m) is not None]\n"
        "for m in mods: importlib.import_module(m)\n"
        "bad = sorted(n for n in sys.modules if n == 'textual' or n.startswith('textual.')"
        " or n == 'spacy' or n.startswith('spacy.'))\n"
        "print(','.join(mods)); print(bad)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    imported, bad = result.stdout.splitlines()
    assert bad == "[]", f"core imported {bad} (modules: {imported})"
