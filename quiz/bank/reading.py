"""A library of bank files read a little at a time, so that a list of them can show at once and
fill in while the rest is read.

:meth:`BankCache.summaries <quiz.bank.cache.BankCache.summaries>` answers once every bank is
summarised: instant when the folder index knows them all, but a first start with 500 new banks
of 200 questions loads and validates each (20-50 s) before anything can be shown. Here the
same work comes in three steps, each handed over as it is done:

1. the banks the folder index knows (unchanged size and mtime): final at once;
2. a glance at each new or changed file (:mod:`quiz.bank.peek`: its title, date and question
   count, well under 1 ms a bank), marked unchecked;
3. the full load and validation of each of those, replacing its glance, with the count done.

Step 2 hands over its first glances after ``every`` seconds and the rest at doubling intervals
(each hand-over makes the screen sort and lay out its whole list again: a few, not one every
tenth of a second); step 3 hands over every ``check_every`` seconds and saves the folder index
every ``save_every`` seconds, so that a library left half-read (the app quit) is not read again
from the start. The index is the one ``BankCache.summaries`` keeps (same file, same
format): this module reads and extends it, it does not keep another.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Generator, Sequence
from pathlib import Path

from msgspec import Struct
from msgspec.structs import replace

from quiz.bank.cache import (  # the folder index's own format, shared with BankCache.summaries
    _INDEX_ENCODER,
    _INDEX_NAME,
    _INDEX_VERSION,
    BankCache,
    BankSummary,
    _Index,
    _IndexEntry,
    _read_index,
    _write_atomic,
)
from quiz.bank.peek import peek_bank

__all__ = ["Found", "Listed", "read_library"]


class Found(Struct, frozen=True):
    """One bank file: its place in the paths given, and its summary so far."""

    index: int
    summary: BankSummary
    checked: bool  # loaded and validated (else from a glance, and the load is still to come)
    counted: bool = True  # the question count is known (a glance may not find it)


class Listed(Struct, frozen=True):
    """What was read since the last hand-over, and how far the whole reading is."""

    found: tuple[Found, ...]
    checked: int  # banks final so far (known to the index, or loaded)
    total: int

    @property
    def complete(self) -> bool:
        return self.checked >= self.total


def read_library(
    cache: BankCache,
    paths: Sequence[Path],
    *,
    every: float = 0.1,
    check_every: float = 0.5,
    save_every: float = 2.0,
    clock: Callable[[], float] = time.monotonic,
) -> Generator[Listed, None, None]:
    """The summaries of ``paths`` in hand-overs (see the module's docstring). The first one
    always comes, with what the index knows (possibly nothing); the last has ``complete``."""
    index_file = cache.cache_dir / _INDEX_NAME
    known = _read_index(index_file)
    fresh: dict[str, _IndexEntry] = {}
    first: list[Found] = []
    pending: list[tuple[int, Path, str, tuple[int, int]]] = []
    for position, path in enumerate(paths):
        key = str(path.absolute())
        try:
            stat = path.stat()
        except OSError as error:
            why = error.strerror or str(error)  # "Too many levels of symbolic links"
            broken = BankSummary(str(path), path.stem, path.stem, "", 0, errors=(why,))
            first.append(Found(position, broken, checked=True))
            continue
        stamp = (stat.st_size, stat.st_mtime_ns)
        entry = known.get(key)
        if entry is not None and entry.stamp == stamp:
            fresh[key] = entry
            first.append(Found(position, replace(entry.summary, path=str(path)), checked=True))
        else:
            pending.append((position, path, key, stamp))
    checked = len(first)
    total = len(paths)
    yield Listed(tuple(first), checked, total)
    if not pending:
        if fresh != known:
            _save(index_file, fresh)
        return

    batch: list[Found] = []
    last, wait = clock(), every
    for position, path, _key, _stamp in pending:
        batch.append(_glance(position, path))
        if clock() - last >= wait:
            yield Listed(tuple(batch), checked, total)
            batch, last, wait = [], clock(), wait * 2
    yield Listed(tuple(batch), checked, total)

    batch, last, saved = [], clock(), clock()
    try:
        for position, path, key, stamp in pending:
            entry = _IndexEntry(stamp, cache._summarise(path))
            fresh[key] = entry
            checked += 1
            batch.append(Found(position, replace(entry.summary, path=str(path)), checked=True))
            now = clock()
            if now - saved >= save_every:
                _save(index_file, fresh)
                saved = now
            if now - last >= check_every and checked < total:
                yield Listed(tuple(batch), checked, total)
                batch, last = [], clock()
    finally:  # also when the reader stops early (the screen is gone): keep what was checked
        _save(index_file, fresh)
    yield Listed(tuple(batch), checked, total)


def _glance(position: int, path: Path) -> Found:
    """A provisional summary from :func:`~quiz.bank.peek.peek_bank` (the file's name where it
    found no id or title)."""
    peek = peek_bank(path)
    summary = BankSummary(
        str(path),
        peek.id or path.stem,
        peek.title or path.stem,
        peek.as_of,
        peek.questions or 0,
        description=peek.description,
        source_title=peek.source_title,
        source_outlet=peek.source_outlet,
    )
    return Found(position, summary, checked=False, counted=peek.questions is not None)


def _save(index_file: Path, entries: dict[str, _IndexEntry]) -> None:
    """Write the folder index; a data dir that cannot be written only costs speed next time."""
    with contextlib.suppress(OSError):
        _write_atomic(index_file, _INDEX_ENCODER.encode(_Index(_INDEX_VERSION, dict(entries))))
