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
    imported, bad = fresh_python(probe)
    assert bad == "[]", f"core imported {bad} (modules: {imported})"


def test_the_command_line_imports_only_the_command_it_runs() -> None:
    """Start-up is measured: ``quiz play`` does not load the other subcommands (nor ``quiz``
    alone, the home screen), yet ``quiz --help`` still lists them all."""
    probe = (
        "import sys\n"
        "from quiz.cli import build_parser\n"
        "for argv in (['play', 'x.yaml'], ['--data-dir', 'd', 'play', 'x.yaml'], []):\n"
        "    before = set(sys.modules)\n"
        "    help_text = build_parser(argv).format_help()\n"
        "    new = set(sys.modules) - before\n"
        "    print(sorted(m for m in new if m.startswith('quiz.commands.')))\n"
        "print('export' in help_text and 'generate' in help_text)\n"
    )
    play, play_after_option, home, listed = fresh_python(probe)
    assert play == "['quiz.commands.play', 'quiz.commands.review']"  # review: --recover
    assert play_after_option == "[]"  # already imported by the first parse
    assert home == "[]"
    assert listed == "True"


def fresh_python(probe: str) -> list[str]:
    """The lines ``probe`` prints in a new interpreter (so that nothing is imported yet)."""
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    return result.stdout.splitlines()
