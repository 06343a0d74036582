"""Reading the files a bank is made of: bounded, UTF-8, and never outside the bank's folder.

Kept apart from the YAML loader so that a bank served from the cache never imports the parser.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

MAX_BANK_BYTES = 32 * 1024 * 1024
MAX_ARTICLE_BYTES = 2 * 1024 * 1024


def read_bytes_bounded(path: Path, *, limit: int, what: str) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; ValueError for people otherwise."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise ValueError(f"{what} is a directory, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise ValueError(f"{what} is not a regular file (a pipe, socket or device)")
        size = info.st_size
        if size > limit:
            raise ValueError(
                f"{what} is {size / 1_048_576:.1f} MB; at most {limit / 1_048_576:.0f} MB is read"
            )
        # O_NONBLOCK: a file swapped for a FIFO after the check above still cannot block
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise ValueError(f"{what} is not a regular file (a pipe, socket or device)")
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise ValueError(f"{what} was not found") from None
    except PermissionError:
        raise ValueError(f"{what} cannot be read (permission denied)") from None
    except OSError as error:
        raise ValueError(f"{what} cannot be read ({error.strerror or error})") from None
    if len(data) > limit:
        raise ValueError(f"{what} is larger than {limit / 1_048_576:.0f} MB")
    return data


def read_text_file(path: Path, *, limit: int, what: str) -> str:
    """Read a UTF-8 text file (BOM and CRLF allowed) of at most ``limit`` bytes.

    Raises ValueError with a message for people; the line of a bad byte is named.
    """
    return decode_text(read_bytes_bounded(path, limit=limit, what=what), what)


def decode_text(data: bytes, what: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise ValueError(f"{what} is not a text file (it holds binary data, from line {line})")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise ValueError(
            f"{what} is not valid UTF-8 (byte {data[error.start]:#04x} on line {line}); "
            "save it as UTF-8"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def article_reader(bank_path: Path) -> Callable[[str], str]:
    """Reads ``source.file`` relative to the bank's folder and never outside it."""
    folder = bank_path.resolve().parent

    def read(name: str) -> str:
        candidate = Path(name)
        if candidate.is_absolute() or ".." in candidate.parts or name.startswith("~"):
            raise ValueError(
                f"article file {name!r} must be a path inside the bank's folder "
                "(no '..', not absolute)"
            )
        target = (folder / candidate).resolve()
        if not target.is_relative_to(folder):
            raise ValueError(f"article file {name!r} points outside the bank's folder")
        return read_text_file(target, limit=MAX_ARTICLE_BYTES, what=f"article file {name!r}")

    return read
