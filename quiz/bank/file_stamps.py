"""Which bank files are unchanged since they were last hashed, by their stamp (size,
modification time, inode, change time), so that the bank cache finds a big bank's entry
without reading and hashing its whole file at every start (:func:`stamped_digest`)."""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from pathlib import Path

import msgspec

from quiz.atomic import write_atomic
from quiz.bank.errors import BankError, read_problem
from quiz.bank.files import MAX_BANK_BYTES, read_bytes_bounded

__all__ = ["RACY_NS", "STAMPS_NAME", "sha256_hex", "stamped_digest"]

STAMPS_NAME = "bank-stamps.json"
#: Files this large or larger are stamped; a smaller one is hashed in well under a millisecond,
#: less than rewriting the stamps file costs (the home screen's first start would rewrite it
#: once for each of 500 banks of 200 questions, about 55 KB each). From 128 KB, not 1 MB:
#: ``quiz review`` loads every bank at each start, and reading and hashing 100 banks of 1,000
#: questions (270 KB each) was 35 ms of its 0.19 s of bank loads; stamped, once.
STAMP_FROM = 1 << 17
#: A file modified this recently (ns) is hashed every time: a write within the same tick of
#: the clock as the stamp, leaving the size alone, would otherwise go unnoticed (git's "racily
#: clean" rule). Banks are edited by hand or written once by ``quiz generate``: seconds apart.
RACY_NS = 2_000_000_000
#: Absolute path of a bank file -> (size, mtime ns, inode, ctime ns, SHA-256 of its bytes).
Stamps = dict[str, tuple[int, int, int, int, str]]
_STAMPS_DECODER = msgspec.json.Decoder(Stamps)


#: From this many bytes a digest goes through :mod:`hashlib` (OpenSSL: 0.6 ms a MB here,
#: against 4.3 ms for the interpreter's own module, but importing it loads OpenSSL, 3-4 ms of
#: every start, where the shipped bank hashes about 100 KB in all).
OPENSSL_FROM = 1 << 19


def sha256_hex(data: bytes | memoryview) -> str:
    """The SHA-256 of ``data`` in hex: the same digest whichever implementation computes it."""
    if len(data) < OPENSSL_FROM and "hashlib" not in sys.modules:
        import importlib

        for name in ("_sha256", "_sha2"):  # Python 3.11; 3.12 on
            try:
                digest: str = importlib.import_module(name).sha256(data).hexdigest()
            except ImportError:
                continue
            return digest
    import hashlib

    return hashlib.sha256(data).hexdigest()


def _stamp(stat: os.stat_result) -> tuple[int, int, int, int]:
    return (stat.st_size, stat.st_mtime_ns, stat.st_ino, stat.st_ctime_ns)


def stamped_digest(stamps_file: Path, bank_path: Path) -> str:
    """The SHA-256 of ``bank_path``'s bytes, taken from ``stamps_file`` when the file's size,
    modification time, inode and change time are those it was hashed at.

    Hashing the file was the cache's own cost at every start: the whole file read and hashed
    (28 MB for a 100,000-question bank, twice for ``quiz play FILE``) before the entry could
    be looked up. Any write changes the modification or change time (a replaced file also
    its inode); a file changed in the last :data:`RACY_NS` is not stamped, so a second write
    within one tick of the clock is still seen by its hash. Files under :data:`STAMP_FROM`
    are hashed every time, as before."""
    try:
        stat: os.stat_result | None = bank_path.stat()
    except OSError:
        stat = None  # the read below says what is wrong, as it always has
    stamped = stat is not None and stat.st_size >= STAMP_FROM
    key = str(bank_path.absolute())
    if stamped:
        assert stat is not None
        known = _read_stamps(stamps_file).get(key)
        if known is not None and known[:4] == _stamp(stat):
            return known[4]
    try:
        data = read_bytes_bounded(bank_path, limit=MAX_BANK_BYTES, what="the bank file")
    except ValueError as error:
        raise BankError(str(bank_path), [read_problem(error)]) from None
    digest = sha256_hex(data)
    import time

    settled = stat is not None and time.time_ns() - stat.st_mtime_ns > RACY_NS
    if stamped and settled and stat is not None and time.time_ns() - stat.st_ctime_ns > RACY_NS:
        with _stamps_lock:
            stamps = dict(_read_stamps(stamps_file))
            stamps[key] = (*_stamp(stat), digest)
            with contextlib.suppress(OSError):  # a read-only data dir only costs speed
                write_atomic(stamps_file, msgspec.json.encode(stamps), durable=False)
                _stamps_read[stamps_file] = (_stamp(stamps_file.stat()), stamps)
    return digest


_stamps_lock = threading.Lock()
#: The stamps file as last read or written in this process, with its own stamp: the home
#: screen's first start loads 500 banks, and decoding the file for each would cost more than
#: it saves.
_stamps_read: dict[Path, tuple[tuple[int, int, int, int], Stamps]] = {}


def _read_stamps(stamps_file: Path) -> Stamps:
    """The remembered digests; a missing or damaged file is an empty one (each bank is then
    hashed once more). Not to be changed in place: it may be shared."""
    try:
        own = _stamp(stamps_file.stat())
        seen = _stamps_read.get(stamps_file)
        if seen is not None and seen[0] == own:
            return seen[1]
        stamps = _STAMPS_DECODER.decode(stamps_file.read_bytes())
    except (OSError, msgspec.DecodeError):
        return {}
    _stamps_read[stamps_file] = (own, stamps)
    return stamps
