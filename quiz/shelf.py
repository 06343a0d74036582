"""Putting banks into the library and taking them out (``quiz banks``, and every command that
makes or opens a bank by path). No Textual, no argv: the commands print what this returns.

Scores are keyed on a bank's id, so two different banks must never share one: a bank that joins
the library with an id another bank already has is given a new id, written into its file (only
that line changes), and the caller says so.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from msgspec import Struct

from quiz.atomic import write_atomic
from quiz.bank.cache import BankCache, BankSummary
from quiz.bank.model import Bank
from quiz.errors import QuizError
from quiz.library import (
    bank_dirs,
    free_id,
    in_folders,
    library_files,
    read_registry,
    real_path,
    shipped_banks_dir,
    user_banks_dir,
    write_registry,
)

__all__ = ["Added", "LibraryEntry", "add_bank", "list_library", "remove_bank", "taken_ids"]


class Added(Struct, frozen=True):
    """What :func:`add_bank` did with one bank file."""

    path: Path
    bank_id: str
    status: str  # "added"; "already" (in the library); "copy" (the same bytes as a bank of the
    # library, which is not listed twice); "renamed" (added with a new id)
    old_id: str = ""  # when renamed: the id the file had, which another bank of the library uses
    other: str = ""  # when renamed or a copy: that other bank's file

    def message(self) -> str:
        if self.status == "renamed":
            return (
                f"{self.path}: its id {self.old_id!r} is already used by another bank "
                f"({self.other}), so it now has the id {self.bank_id!r} (written into the file; "
                "scores stay with each bank); added to your library"
            )
        if self.status == "copy":
            return f"{self.path} is a copy of {self.other}, which is in your library already"
        if self.status == "already":
            return f"{self.path} is already in your library (id {self.bank_id!r})"
        return f"added {self.path} to your library (id {self.bank_id!r})"


class LibraryEntry(Struct, frozen=True):
    """One bank as ``quiz banks`` lists it."""

    summary: BankSummary
    place: str  # "shipped", "banks folder" or "added"


def _cache(data_dir: Path) -> BankCache:
    return BankCache(data_dir / "cache")


def list_library(data_dir: Path) -> list[LibraryEntry]:
    """Every bank of the library with where it lives, in the order the home screen shows."""
    shipped = real_path(shipped_banks_dir())
    mine = real_path(user_banks_dir(data_dir))
    entries = []
    for summary in _cache(data_dir).summaries(library_files(data_dir)):
        parent = real_path(Path(summary.path).parent)
        place = "shipped" if parent == shipped else "banks folder" if parent == mine else "added"
        entries.append(LibraryEntry(summary, place))
    return entries


def taken_ids(data_dir: Path, *, besides: Path | None = None) -> dict[str, Path]:
    """The id of every valid bank of the library and its file (``besides`` left out)."""
    skip = real_path(besides) if besides is not None else None
    taken: dict[str, Path] = {}
    for summary in _cache(data_dir).summaries(library_files(data_dir)):
        path = Path(summary.path)
        if summary.ok and (skip is None or real_path(path) != skip):
            taken.setdefault(summary.id, path)
    return taken


def add_bank(path: Path, data_dir: Path, written: Bank | None = None) -> Added:
    """Put the bank file at ``path`` into the library (registered where it is).

    ``written`` is the bank this process has just written to ``path`` (``quiz generate``): it
    is cached and indexed as it is, not parsed back from the file.

    Raises :class:`QuizError` for a file that is not a valid bank (one ``FILE:LINE: message``
    per problem), or whose id must change but cannot be written."""
    from quiz.bank.errors import BankError

    path = path.expanduser().absolute()
    if written is None:
        try:
            bank = _cache(data_dir).load(path)
        except BankError as error:
            raise QuizError("\n".join(error.lines())) from None
    else:
        bank = written
    added = _shelve(path, data_dir, bank)
    if written is not None and added.status != "renamed":  # (a renamed file is not as written)
        # after the library's look at its ids, which rewrites the folder index without it
        _cache(data_dir).remember_written(path, written)
    return added


def _shelve(path: Path, data_dir: Path, bank: Bank) -> Added:
    """Register the valid ``bank`` of ``path``, with a free id if another bank has its own."""
    folders = bank_dirs(data_dir)
    if in_folders(path, [shipped_banks_dir()]):
        return Added(path, bank.id, "already")  # shipped files are never rewritten
    registered = read_registry(data_dir)
    known = in_folders(path, folders) or path in registered
    taken = taken_ids(data_dir, besides=path)
    other = taken.get(bank.id)
    if other is not None and _same_bytes(other, path):
        return Added(path, bank.id, "copy", other=str(other))  # listed once, not twice
    if other is not None:
        new_id = free_id(bank.id, taken)
        _rewrite_id(path, bank.id, new_id)
        if not known:
            _register(data_dir, registered, path)
        return Added(path, new_id, "renamed", old_id=bank.id, other=str(other))
    if known:
        return Added(path, bank.id, "already")
    _register(data_dir, registered, path)
    return Added(path, bank.id, "added")


def _register(data_dir: Path, registered: list[Path], path: Path) -> None:
    try:
        write_registry(data_dir, [*registered, path])
    except OSError as error:
        raise QuizError(
            f"cannot add {path} to your library: {data_dir} cannot be written "
            f"({error.strerror or error})"
        ) from None


def remove_bank(name: str, data_dir: Path) -> str:
    """Take a bank out of the library, by id or path; the message to print.

    A registered file stays where it is (only the registry forgets it); a bank of the banks
    folder is moved to ``DATA_DIR/removed`` (nothing is deleted); a shipped bank cannot be
    removed. Scores are never touched: adding the bank back brings its history back."""
    target = _find(name, data_dir)
    registered = read_registry(data_dir)
    if target in registered:
        try:
            write_registry(data_dir, [p for p in registered if p != target])
        except OSError as error:
            raise QuizError(f"cannot update {data_dir} ({error.strerror or error})") from None
        return f"removed {target} from your library (the file stays where it is; scores are kept)"
    if in_folders(target, [user_banks_dir(data_dir)]):
        article = _own_article(target)
        moving = [target] if article is None else [target, article]
        removed = _free_folder(data_dir / "removed", [p.name for p in moving])
        try:
            removed.mkdir(parents=True, exist_ok=True)
            for path in moving:
                os.replace(path, removed / path.name)
        except OSError as error:
            raise QuizError(f"cannot move {target} ({error.strerror or error})") from None
        names = " and ".join(p.name for p in moving)
        return (
            f"moved {names} to {removed} (scores are kept; move "
            f"{'them' if article else 'it'} back to {target.parent} to restore it)"
        )
    if in_folders(target, [shipped_banks_dir()]):
        raise QuizError(f"{target.name} ships with quiz and cannot be removed")
    raise QuizError(f"{target} is not in your library (`quiz banks` lists what is)")


def _own_article(bank: Path) -> Path | None:
    """The article file beside ``bank`` that it quotes (``source: file:``) and no other bank of
    its folder names: it goes with the bank when the bank is removed. Left where it was, a
    removed bank no longer loaded (its article not found) and the article lay orphaned in the
    library (a new user's trial, session 13)."""
    from quiz.bank.loader import load_bank

    try:
        name = load_bank(bank).source.file
    except QuizError:  # a broken bank: only the bank itself is moved
        return None
    article = bank.parent / name if name and "/" not in name and "\\" not in name else None
    if article is None or not article.is_file():
        return None
    for other in bank.parent.glob("*.y*ml"):
        if other != bank and _names_file(other, name):
            return None
    return article


def _names_file(bank: Path, name: str) -> bool:
    """Whether the bank's text has a ``file: NAME`` line (a look at the text, not a load: a
    folder may hold hundreds of banks)."""
    try:
        text = bank.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    line = re.compile(rf"^\s*file:\s*(['\"]?){re.escape(name)}\1\s*$", re.MULTILINE)
    return line.search(text) is not None


def _free_folder(removed: Path, names: list[str]) -> Path:
    """``removed``, or a numbered folder inside it where none of ``names`` exists yet: a bank
    removed earlier under the same file name is never overwritten (nothing is deleted)."""
    folder, n = removed, 1
    while any((folder / name).exists() for name in names):
        n += 1
        folder = removed / str(n)
    return folder


def _find(name: str, data_dir: Path) -> Path:
    path = Path(name).expanduser()
    if path.exists() or "/" in name or path.suffix in (".yaml", ".yml"):
        return path.absolute()
    for entry in list_library(data_dir):
        if entry.summary.id == name or Path(entry.summary.path).stem == name:
            return Path(entry.summary.path).absolute()
    raise QuizError(f"no bank with the id {name!r} in your library (`quiz banks` lists them)")


def _same_bytes(a: Path, b: Path) -> bool:
    try:
        return a.stat().st_size == b.stat().st_size and a.read_bytes() == b.read_bytes()
    except OSError:
        return False


def _rewrite_id(path: Path, old: str, new: str) -> None:
    """Change the bank's top-level ``id:`` line and nothing else (comments, layout and line
    ends stay as the teacher wrote them)."""
    pattern = re.compile(
        rb"^id:[ \t]*(['\"]?)" + re.escape(old.encode()) + rb"\1[ \t]*(?=\r?$)", re.MULTILINE
    )
    data = path.read_bytes()
    matches = pattern.findall(data)
    if len(matches) != 1:
        raise QuizError(
            f"{path}: its id {old!r} is already used by another bank of your library; "
            "give it another id (the `id:` line) and try again"
        )
    try:
        write_atomic(path, pattern.sub(b"id: " + new.encode(), data))
    except OSError as error:
        raise QuizError(
            f"{path}: its id {old!r} is already used by another bank of your library, and "
            f"the file cannot be changed ({error.strerror or error}); give it another id"
        ) from None


def place_new_bank(
    bank_id: str, text: str, output: str | None, data_dir: Path
) -> tuple[str, Path | None, list[str]]:
    """Where a new bank drafted from ``text`` goes, and its id: ``output`` (None for stdout
    with ``-``), else ``DATA_DIR/banks/ID.yaml``.

    An id that another bank of the library has, drafted from another article, is replaced by
    a free one (with a note saying so), so two banks' scores never mix; a bank of the same
    article (drafted again, to another file) is the same bank, and keeps the id."""
    from quiz.bank.errors import BankError
    from quiz.bank.text import normalise_for_match
    from quiz.library import user_banks_dir

    if output == "-":
        return bank_id, None, []
    target = Path(output).expanduser() if output else user_banks_dir(data_dir) / f"{bank_id}.yaml"
    taken = taken_ids(data_dir, besides=target)
    other = taken.get(bank_id)
    if other is None:
        return bank_id, target, []
    try:
        same = normalise_for_match(_cache(data_dir).load(other).source.text) == (
            normalise_for_match(text)
        )
    except BankError:
        same = False
    if same:
        return bank_id, target, []
    new_id = free_id(bank_id, taken)
    note = f"note: the id {bank_id!r} is used by another bank ({other}); this one's is {new_id!r}"
    if not output:
        target = target.with_name(f"{new_id}.yaml")
    return new_id, target, [note]


def open_in_library(name: str, data_dir: Path) -> tuple[Path, str]:
    """The bank file a BANK argument names, and a note to print when naming it by its path
    put it into the library (or gave it a new id); "" when it was there already.

    A bank played, reviewed or authored by its path joins the library, so it shows on the home
    screen and in ``quiz review`` and ``quiz stats`` afterwards. A file that is not a valid bank
    is left for the caller to report (with its lines), not added."""
    from quiz.library import resolve_bank

    path = resolve_bank(name, bank_dirs(data_dir), data_dir)
    if not Path(name).expanduser().exists():
        return path, ""  # named by its id: in the library already
    if in_folders(path, [shipped_banks_dir()]):
        return path, ""  # shipped: listed already and never rewritten, so no need to load it
    try:
        added = add_bank(path, data_dir)
    except QuizError:
        return path, ""
    return path, "" if added.status in ("already", "copy") else added.message()
