"""Where banks live and how a name on the command line becomes a bank file.

Banks are found in the shipped ``question_banks/`` folder and in the user's banks folder
(``DATA_DIR/banks``). A BANK argument is a path, or the id of a bank in one of those folders.
"""

from __future__ import annotations

import os
from pathlib import Path

from quiz.bank.files import MAX_BANK_BYTES
from quiz.errors import QuizError

BANK_SUFFIXES = (".yaml", ".yml")
_PACKAGE_ROOT = Path(__file__).resolve().parent.parent


def shipped_banks_dir() -> Path:
    """The ``question_banks/`` folder of the checkout quiz runs from."""
    return _PACKAGE_ROOT / "question_banks"


def user_banks_dir(data_dir: Path) -> Path:
    """Banks the user made or collected (``quiz generate`` writes here by default)."""
    return data_dir / "banks"


def bank_dirs(data_dir: Path) -> list[Path]:
    return [shipped_banks_dir(), user_banks_dir(data_dir)]


def find_bank_files(folders: list[Path]) -> list[Path]:
    """Bank files in the folders (not recursive), sorted by name, each listed once.

    A folder given twice (or under two names) is listed once; files are not resolved one by
    one, which costs a few system calls each (tens of ms over a library of 500 banks)."""
    seen: set[Path] = set()
    found: list[Path] = []
    for folder in folders:
        try:
            resolved = folder.resolve()
            if resolved in seen:
                continue
            seen.add(resolved)
            with os.scandir(folder) as listing:
                entries = sorted(
                    e.name
                    for e in listing
                    if os.path.splitext(e.name)[1] in BANK_SUFFIXES and e.is_file()
                )
        except OSError:
            continue
        found.extend(folder / name for name in entries)
    return found


class UnknownBank(QuizError):
    def __init__(self, name: str, folders: list[Path]) -> None:
        where = ", ".join(str(f) for f in folders)
        super().__init__(f"no bank file or bank id {name!r} (looked in {where})")
        self.name = name


def resolve_bank(name: str, folders: list[Path]) -> Path:
    """A path that exists wins; else ``name`` is taken as a bank id (the file's stem)."""
    path = Path(name).expanduser()
    if path.exists():
        return path
    if "/" not in name and "\\" not in name:
        for folder in folders:
            for suffix in BANK_SUFFIXES:
                candidate = folder / f"{name}{suffix}"
                if candidate.is_file() and candidate.stat().st_size <= MAX_BANK_BYTES:
                    return candidate
    raise UnknownBank(name, folders)
