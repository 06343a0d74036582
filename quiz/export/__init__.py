"""Exporters: a :class:`~quiz.bank.Bank` in, the bytes of a file another tool reads out.

Every exporter is a pure function ``export(bank, *, timestamp=None, seed=None) -> ExportResult``:
no printing, no writing; ``quiz export`` (``quiz.commands.export``) writes the bytes and prints
the notes and warnings. Format modules are imported only when used, so ``quiz --help`` never
loads genanki. Options are shown in a seeded, stable shuffle (``quiz.export.arrange``):
``seed`` varies it.

=========  =====================================================================  ==========
format     what it is                                                             suffix
=========  =====================================================================  ==========
gift       Moodle GIFT text (every type GIFT has; ordering skipped)               ``.gift``
aiken      Moodle Aiken text (single-answer multiple choice only)                 ``.txt``
anki       Anki package, one note per question, re-import updates notes            ``.apkg``
csv        one row per question, RFC 4180, UTF-8 with a BOM (for Excel)           ``.csv``
markdown   printable worksheet, answer key on its own page                        ``.md``
html       printable worksheet, one self-contained file with print CSS            ``.html``
=========  =====================================================================  ==========
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from quiz.bank.model import Bank

__all__ = [
    "FORMATS",
    "ExportFormat",
    "ExportResult",
    "ExportWarning",
    "export_bank",
    "format_for_path",
]


@dataclass(frozen=True, slots=True)
class ExportWarning:
    """One text of one question that the format could not hold as it is, and what was written
    instead. Kept apart from the notes (which sum up whole questions skipped or split) so a
    teacher can find each altered text by its question id, and a script can count them."""

    format: str
    question_id: str
    message: str

    def __str__(self) -> str:
        return f"{self.format}: {self.question_id}: {self.message}"


@dataclass(frozen=True, slots=True)
class ExportResult:
    """What an exporter made.

    ``data`` is the whole file. ``exported`` counts the bank's questions that made it in (a
    question split in several, like a multi-blank cloze in GIFT, counts once). ``notes`` are
    sentences for the person exporting: what was skipped or changed and why. ``warnings``
    name each text that was written differently from the bank (one per altered text).
    """

    data: bytes
    exported: int
    notes: tuple[str, ...] = ()
    warnings: tuple[ExportWarning, ...] = ()


class _Exporter(Protocol):
    def __call__(
        self, bank: Bank, *, timestamp: float | None = None, seed: int | None = None
    ) -> ExportResult: ...


@dataclass(frozen=True, slots=True)
class ExportFormat:
    name: str
    suffix: str
    binary: bool  # True: never written to a terminal / stdout
    description: str
    module: str
    function: str = "export"

    def export(
        self, bank: Bank, *, timestamp: float | None = None, seed: int | None = None
    ) -> ExportResult:
        func: _Exporter = getattr(importlib.import_module(self.module), self.function)
        return func(bank, timestamp=timestamp, seed=seed)


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("gift", ".gift", False, "Moodle GIFT questions", "quiz.export.gift"),
        ExportFormat(
            "aiken", ".txt", False, "Moodle Aiken (multiple choice only)", "quiz.export.aiken"
        ),
        ExportFormat("anki", ".apkg", True, "Anki deck package", "quiz.export.anki"),
        ExportFormat(
            "csv", ".csv", False, "spreadsheet, one row per question", "quiz.export.csv_export"
        ),
        ExportFormat(
            "markdown",
            ".md",
            False,
            "printable worksheet (Markdown)",
            "quiz.export.printable",
            "export_markdown",
        ),
        ExportFormat(
            "html",
            ".html",
            False,
            "printable worksheet (HTML, print CSS)",
            "quiz.export.printable",
            "export_html",
        ),
    )
}

_SUFFIX_ALIASES = {
    ".gift": "gift",
    ".apkg": "anki",
    ".csv": "csv",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}


def format_for_path(path: str | Path) -> str | None:
    """The format a file name implies (``deck.apkg`` -> ``anki``), or None. ``.txt`` is
    ambiguous (GIFT and Aiken both use it) and implies nothing."""
    return _SUFFIX_ALIASES.get(Path(path).suffix.lower())


def export_bank(
    bank: Bank, format_name: str, *, timestamp: float | None = None, seed: int | None = None
) -> ExportResult:
    """Export ``bank`` as ``format_name`` (a key of :data:`FORMATS`). ``seed`` varies the
    shuffle of the options (the default shuffle is already seeded by the bank and question
    ids, so it is the same on every run)."""
    return FORMATS[format_name].export(bank, timestamp=timestamp, seed=seed)
