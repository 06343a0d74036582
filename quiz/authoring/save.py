"""Saving a draft: the bank written atomically beside its article, then loaded to prove it.

A bank opened and saved with nothing changed keeps its file's bytes (comments and layout
included); an article file of the same name that holds another text is never overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from msgspec.structs import replace

from quiz.atomic import write_atomic
from quiz.authoring.draft import Draft, DraftError, ItemState
from quiz.bank.dump import dump_bank
from quiz.bank.errors import BankError
from quiz.bank.model import Bank


@dataclass(frozen=True, slots=True)
class SaveResult:
    path: Path
    article: Path | None  # the article file beside the bank, None when the text is inline
    questions: int
    left_out: int  # pending questions not saved
    rejected: int


def save_draft(draft: Draft, target: Path) -> SaveResult:
    """Write the draft's bank to ``target`` (and its article beside it), atomically, and
    check that it loads. Raises :class:`DraftError` with a message for people."""
    from quiz.bank.loader import load_bank, parse_bank_text

    target = Path(target).expanduser()
    if target.suffix not in (".yaml", ".yml"):
        raise DraftError(f"the bank file must end in .yaml or .yml, not {target.name!r}")
    if target.is_dir():
        raise DraftError(f"cannot write {target}: it is a folder")
    bank = draft.to_bank()
    # the whole bank, validated in memory before anything is written
    inline = replace(bank, source=replace(bank.source, file=""))
    try:
        parse_bank_text(dump_bank(inline), path=target)
    except BankError as error:  # pragma: no cover - every edit was validated
        raise DraftError("the bank would not be valid", error.lines()) from None
    article_path: Path | None = None
    if bank.source.file:
        name = _place_article(bank.source.file, bank.source.text, target)
        bank = replace(bank, source=replace(bank.source, file=name))
        article_path = target.parent / name
    unchanged = _unchanged_file(draft, bank)
    if unchanged is None:
        _write_atomically(target, dump_bank(bank))
    elif not _same_file(unchanged, target):
        _write_atomically(target, unchanged.read_bytes())
    try:
        load_bank(target)
    except BankError as error:  # pragma: no cover - checked above
        raise DraftError("the saved bank does not load", error.lines()) from None
    draft.dirty = False
    draft.saved_to = target
    counts = draft.counts()
    return SaveResult(
        target,
        article_path,
        len(bank.questions),
        counts[ItemState.PENDING],
        counts[ItemState.REJECTED],
    )


def _unchanged_file(draft: Draft, bank: Bank) -> Path | None:
    """The file the draft was opened from, when the bank to save is the bank it holds (nothing
    was edited): that file's bytes are saved as they are, comments and layout included, so
    reopening and saving a bank never rewrites it."""
    from quiz.bank.loader import load_bank

    if not draft.bank.path or draft.dirty:
        return None
    original = Path(draft.bank.path)
    try:
        on_disk = load_bank(original)  # as it is now, not as it was opened
    except BankError:
        return None
    return original if replace(on_disk, path="") == replace(bank, path="") else None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _same_text(path: Path, text: str) -> bool:
    try:
        return path.read_text(encoding="utf-8").replace("\r\n", "\n").removeprefix(
            "\ufeff"
        ) == text.replace("\r\n", "\n")
    except (OSError, UnicodeDecodeError):
        return False


def _place_article(name: str, text: str, target: Path) -> str:
    """The article's file name beside the bank, writing it there when it is not (a bank names
    its article by a path inside its own folder). Another file of that name is never
    overwritten: the article is then written as ``BANK-NAME.txt``."""
    folder = target.parent
    for candidate in dict.fromkeys([name, f"{target.stem}.txt"]):
        path = folder / candidate
        if path.exists():
            if _same_text(path, text):
                return candidate
            continue
        _write_atomically(path, text)
        return candidate
    raise DraftError(f"{folder / name} exists and is another text; save the bank in another folder")


def _write_atomically(target: Path, content: str | bytes) -> None:
    try:
        write_atomic(target, content)
    except OSError as error:
        raise DraftError(f"cannot write {target}: {error.strerror or error}") from None
