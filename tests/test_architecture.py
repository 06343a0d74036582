"""The core never imports Textual: the UI is a leaf (DESIGN.md, habit 1); the layers of
docs/architecture.md hold and no import circle exists."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

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


def test_no_module_imports_itself_back_through_others() -> None:
    """No import circle anywhere in quiz (issue 18 found one of ten modules: cli -> commands ->
    tui -> screens -> commands). Imports for type hints only are left out: they never run."""
    import grimp

    graph = grimp.build_graph("quiz", exclude_type_checking_imports=True)
    circles = [
        (module, other)
        for module in sorted(graph.modules)
        for other in graph.find_modules_directly_imported_by(module)
        if graph.chain_exists(importer=other, imported=module)
    ]
    assert circles == []


def test_the_layer_contract_is_kept() -> None:
    """The same check as .ci/run's lint-imports, so a local test run catches a broken layer."""
    result = subprocess.run(
        [str(Path(sys.executable).with_name("lint-imports")), "--no-cache"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout[-2000:]


def test_only_the_store_runs_sql() -> None:
    """Beside the import contract (only ``quiz.store`` imports sqlite3): no module outside
    ``quiz/store`` runs a statement on a connection it was handed, nor asks the store for its
    raw connection (``Store.reading``, for the store's own reads and for tests). What the app
    reads goes through :class:`quiz.store.ScoreStore`, so a second backend serves it all."""
    import ast

    raw = {"execute", "executemany", "executescript", "reading"}
    found = []
    for path in sorted((ROOT / "quiz").rglob("*.py")):
        if path.is_relative_to(ROOT / "quiz" / "store"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in raw
            ):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} .{node.func.attr}(")
    assert found == []
