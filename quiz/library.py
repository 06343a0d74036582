"""The user's library of banks, and how a name on the command line becomes a bank file.

The library is three places, read in this order:

1. the shipped ``question_banks/`` folder;
2. the user's banks folder, ``DATA_DIR/banks`` (``quiz generate`` and ``quiz author`` save there
   by default);
3. a registry of bank files kept elsewhere, ``DATA_DIR/library.json``: every bank the user has
   played by path, saved elsewhere with ``-o``, or added with ``quiz banks add``.

A registry rather than copies, because a teacher's bank file is theirs to keep editing where it
is: a copy in the data dir would drift from it. A BANK argument is a path, or the id of a bank
anywhere in the library.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from msgspec import Struct, field

from quiz.atomic import write_atomic
from quiz.bank.files import MAX_BANK_BYTES
from quiz.errors import QuizError

__all__ = [
    "BANK_SUFFIXES",
    "REGISTRY_FORMAT",
    "UnknownBank",
    "bank_dirs",
    "find_bank_files",
    "in_folders",
    "library_files",
    "new_bank_id",
    "read_registry",
    "real_path",
    "registry_file",
    "resolve_bank",
    "shipped_banks_dir",
    "slugify",
    "user_banks_dir",
    "write_registry",
]

BANK_SUFFIXES = (".yaml", ".yml")
REGISTRY_FORMAT = "quiz-library/1"
_PACKAGE_ROOT = Path(__file__).resolve().parent.parent
#: A registry larger than this is not a registry quiz wrote: it is ignored, not parsed.
_MAX_REGISTRY_BYTES = 4 * 1024 * 1024


def shipped_banks_dir() -> Path:
    """The ``question_banks/`` folder of the checkout quiz runs from."""
    return _PACKAGE_ROOT / "question_banks"


def user_banks_dir(data_dir: Path) -> Path:
    """Banks the user made or collected (``quiz generate`` writes here by default)."""
    return data_dir / "banks"


def bank_dirs(data_dir: Path) -> list[Path]:
    return [shipped_banks_dir(), user_banks_dir(data_dir)]


def registry_file(data_dir: Path) -> Path:
    return data_dir / "library.json"


# -- ids ------------------------------------------------------------------------------------


def slugify(name: str) -> str:
    """``"Japan & Korea: a summit"`` -> ``"japan-korea-a-summit"`` (accents dropped)."""
    import re  # here and below: every start imports this module, few make an id or read JSON
    import unicodedata

    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    out = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:80].strip("-")
    return out or "article"


def new_bank_id(title: str, text: str) -> str:
    """A new bank's id: its title made readable, and a short digest of its article.

    Not the file name, which two teachers' ``article.txt`` share: two banks of different
    articles never get the same id, and the same article and title always get the same one
    (so regenerating a bank keeps its scores)."""
    import hashlib
    import re
    import unicodedata

    body = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()[:6]
    return f"{slugify(title)[:48].strip('-')}-{digest}"


def free_id(wanted: str, taken: Iterable[str]) -> str:
    """``wanted``, or ``wanted-2``, ``wanted-3``… : the first one not in ``taken``."""
    used = set(taken)
    if wanted not in used:
        return wanted
    stem = wanted[:76]
    n = 2
    while f"{stem}-{n}" in used:
        n += 1
    return f"{stem}-{n}"


# -- the files ------------------------------------------------------------------------------


def find_bank_files(folders: list[Path]) -> list[Path]:
    """Bank files in the folders (not recursive), sorted by name, each listed once.

    A folder given twice (or under two names) is listed once; files are not resolved one by
    one, which costs a few system calls each (tens of ms over a library of 500 banks)."""
    seen: set[Path] = set()
    found: list[Path] = []
    for folder in folders:
        try:
            resolved = real_path(folder)
            if resolved in seen:
                continue
            seen.add(resolved)
            with os.scandir(folder) as listing:
                entries = sorted(
                    e.name
                    for e in listing
                    if os.path.splitext(e.name)[1] in BANK_SUFFIXES and _listed(e)
                )
        except OSError:
            continue
        found.extend(folder / name for name in entries)
    return found


def _listed(entry: os.DirEntry[str]) -> bool:
    """Whether a ``*.yaml`` entry of a banks folder is listed: a file, or something that only
    looks like one and must be reported as broken (a symlink that loops or leads nowhere, a
    FIFO, a device) — one line for it, never an error that hides the rest of the folder.
    Folders named like banks are left out."""
    try:
        return not entry.is_dir()
    except OSError:
        return True


def real_path(path: Path) -> Path:
    """The path with its symlinks followed as far as they go: unlike ``Path.resolve`` it never
    raises on a symlink loop (a bank folder may hold one), it stops there."""
    return Path(os.path.realpath(path))


def in_folders(path: Path, folders: list[Path]) -> bool:
    """Whether ``path`` is a file directly inside one of ``folders`` (which list it already)."""
    try:
        parent = real_path(path.parent)
        return any(parent == real_path(folder) for folder in folders)
    except OSError:
        return False


def read_registry(data_dir: Path) -> list[Path]:
    """The bank files registered in the library, absolute, in the order they were added.

    A missing, damaged or foreign registry reads as empty: the library then shows its folders,
    and the next registration writes a fresh one (the damaged file is kept aside first)."""
    path = registry_file(data_dir)
    import json

    try:
        if path.stat().st_size > _MAX_REGISTRY_BYTES:
            return []
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if not isinstance(data, dict) or data.get("format") != REGISTRY_FORMAT:
        return []
    banks = data.get("banks")
    if not isinstance(banks, list):
        return []
    return [Path(p) for p in banks if isinstance(p, str) and os.path.isabs(p)]


def write_registry(data_dir: Path, paths: list[Path]) -> None:
    """Replace the registry with ``paths`` (atomically). Raises :class:`OSError`."""
    import json

    path = registry_file(data_dir)
    if path.exists() and not read_registry(data_dir) and path.stat().st_size > 2:
        with_suffix = path.with_name(path.name + ".damaged")
        os.replace(path, with_suffix)  # an unreadable registry is kept, never overwritten
    unique = list(dict.fromkeys(str(p) for p in paths))
    text = json.dumps({"format": REGISTRY_FORMAT, "banks": unique}, indent=2) + "\n"
    write_atomic(path, text)


def library_files(data_dir: Path, folders: list[Path] | None = None) -> list[Path]:
    """Every bank file of the library: the folders' files, then the registered ones that still
    exist as regular files (a registered file that was moved or deleted is skipped, not shown
    as an error: the user may have meant to remove it)."""
    folders = bank_dirs(data_dir) if folders is None else folders
    found = find_bank_files(folders)
    seen = {str(p.absolute()) for p in found}
    for path in read_registry(data_dir):
        if str(path) in seen or in_folders(path, folders):
            continue
        try:
            if not path.is_file():
                continue
        except OSError:
            continue
        seen.add(str(path))
        found.append(path)
    return found


class UnknownBank(QuizError):
    def __init__(self, name: str, folders: list[Path], known: Iterable[str] = ()) -> None:
        where = ", ".join(str(f) for f in folders)
        close = similar_names(name, known)
        hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
        super().__init__(
            f"no bank file or bank id {name!r}{hint} (looked in {where} and the banks you "
            "added; `quiz banks` lists them)"
        )
        self.name = name


def similar_names(name: str, known: Iterable[str], most: int = 3) -> list[str]:
    """The bank ids or file names that ``name`` was probably meant to be: those it begins
    (a generated id ends with a code: ``virtual-fences-for-cows`` for
    ``virtual-fences-for-cows-show-benefits-87ead3``), the closest spellings, then those it is
    part of."""
    import difflib

    names = sorted(set(known))
    folded = name.casefold()
    starts = [n for n in names if n.casefold().startswith(folded) and n != name]
    inside = [n for n in names if len(folded) >= 4 and folded in n.casefold() and n != name]
    close = difflib.get_close_matches(name, names, n=most, cutoff=0.75)
    return list(dict.fromkeys([*starts, *close, *inside]))[:most]


def library_names(folders: list[Path], data_dir: Path | None) -> list[str]:
    """The names a bank of the library can be given by: its file's stem, and its id."""
    import contextlib

    from quiz.bank.cache import BankCache

    files = find_bank_files(folders)
    if data_dir is not None:
        files += [p for p in read_registry(data_dir) if p.is_file()]
    names = [p.stem for p in files]
    if data_dir is not None:
        with contextlib.suppress(OSError):
            names += [s.id for s in BankCache(data_dir / "cache").summaries(files) if s.ok]
    return names


def resolve_bank(name: str, folders: list[Path], data_dir: Path | None = None) -> Path:
    """A path that exists wins; else ``name`` is taken as a bank id: a file of that stem in the
    folders, else (given ``data_dir``) a registered bank file whose id it is."""
    path = Path(name).expanduser()
    if path.exists():
        return path
    if "/" not in name and "\\" not in name:
        for folder in folders:
            for suffix in BANK_SUFFIXES:
                candidate = folder / f"{name}{suffix}"
                if candidate.is_file() and candidate.stat().st_size <= MAX_BANK_BYTES:
                    return candidate
        if data_dir is not None:
            found = _registered_with_id(name, data_dir)
            if found is not None:
                return found
    raise UnknownBank(name, folders, library_names(folders, data_dir))


def _registered_with_id(bank_id: str, data_dir: Path) -> Path | None:
    from quiz.bank.cache import BankCache

    registered = [p for p in read_registry(data_dir) if p.is_file()]
    for summary in BankCache(data_dir / "cache").summaries(registered):
        if summary.ok and summary.id == bank_id:
            return Path(summary.path)
    for path in registered:  # a stem works too, as for the folders
        if path.stem == bank_id:
            return path
    return None


# -- what the library holds now, for the stats ----------------------------------------------


class CurrentBanks(Struct, frozen=True):
    """What the bank folders hold now: each bank's question ids, and its title for display.

    A ``msgspec.Struct``, not a frozen dataclass: this module is imported by every ``quiz
    play``, and a dataclass compiles its generated methods when defined (about 0.5 ms)."""

    questions: dict[str, frozenset[str]] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)


def current_banks(paths: Iterable[Path], cache_dir: Path) -> CurrentBanks:
    """Each bank's question ids and title from the folder index (:meth:`BankCache.summaries`,
    the home screen's list): an unchanged file is not read at all, so a hundred banks cost one
    small JSON decode instead of loading every bank (over a second for 100 banks of 1,000
    questions). A new or changed file is loaded once, through the bank cache, and indexed.
    Broken or unreadable banks are skipped (``quiz check`` is where they are reported). Two
    files with one bank id pool their ids."""
    from quiz.bank.cache import BankCache

    questions: dict[str, frozenset[str]] = {}
    titles: dict[str, str] = {}
    for summary in BankCache(cache_dir).summaries(paths):
        if not summary.ok:
            continue
        ids = frozenset(summary.question_ids)
        questions[summary.id] = questions[summary.id] | ids if summary.id in questions else ids
        titles.setdefault(summary.id, summary.title)
    return CurrentBanks(questions, titles)
