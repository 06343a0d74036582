"""The export package: its registry, and that it stays a pure core (no Textual, and genanki
only when an Anki package is made)."""

from __future__ import annotations

import subprocess
import sys

from quiz.export import FORMATS, format_for_path
from tests.conftest import ROOT


def test_registry_names_every_format() -> None:
    assert list(FORMATS) == ["gift", "aiken", "anki", "csv", "markdown", "html"]
    assert [f.suffix for f in FORMATS.values()] == [
        ".gift",
        ".txt",
        ".apkg",
        ".csv",
        ".md",
        ".html",
    ]
    assert [f.name for f in FORMATS.values() if f.binary] == ["anki"]


def test_format_for_path() -> None:
    assert format_for_path("a/deck.APKG") == "anki"
    assert format_for_path("sheet.htm") == "html"
    assert format_for_path("notes.markdown") == "markdown"
    assert format_for_path("questions.txt") is None
    assert format_for_path("noext") is None


def test_exporters_import_no_ui_and_load_genanki_lazily() -> None:
    probe = (
        "import sys\n"
        "import quiz.export, quiz.commands.export\n"
        "lazy = 'genanki' in sys.modules\n"
        "import quiz.export.gift, quiz.export.aiken, quiz.export.csv_export\n"
        "import quiz.export.printable, quiz.export.anki\n"
        "from quiz.bank import load_bank\n"
        "from quiz.export import export_bank\n"
        "bank = load_bank('tests/data/valid/all-types.yaml')\n"
        "for name in quiz.export.FORMATS: export_bank(bank, name, timestamp=0)\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('textual', 'spacy'))\n"
        "print(lazy, bad)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert result.stdout.strip() == "False []"
