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

    Raises ValueError with a message for people; :class:`NotText` (one) names the line.
    """
    return decode_text(read_bytes_bounded(path, limit=limit, what=what), what)


class NotText(ValueError):
    """A file that is not UTF-8 text, and the line where that shows.

    ``str()`` is one sentence naming the line, for callers that report a file without lines (an
    article given to ``quiz generate``); a bank's loader reports ``FILE:LINE: reason`` instead,
    so the line is where every other bank error has it (issue 20: it was inside the message).
    """

    def __init__(self, line: int, reason: str, sentence: str) -> None:
        self.line = line
        self.reason = reason
        super().__init__(sentence)


#: Byte-order marks of the encodings a text editor may have saved a file in instead of UTF-8
#: (UTF-32 first: its little-endian mark starts with UTF-16's).
_OTHER_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def _other_encoding(data: bytes) -> str:
    """ "UTF-16" or "UTF-32" when ``data`` looks saved in one (a mark, or ASCII with a NUL after
    or before every byte), else "". Said as such: "binary data" sent people looking for a
    corrupted file when their editor had only chosen another encoding."""
    for bom, name in _OTHER_BOMS:
        if data.startswith(bom):
            return name
    head = data[:64]
    evens, odds = head[0::2], head[1::2]
    if len(head) >= 4 and ((all(evens) and not any(odds)) or (not any(evens) and all(odds))):
        return "UTF-16"
    return ""


def _line_at(data: bytes, index: int) -> int:
    """The line of byte ``index``, counted as the decoded text's lines are (CRLF, CR, LF each end
    one), so the line given here and a YAML error's line agree."""
    before = data[:index]
    return before.count(b"\n") + before.count(b"\r") - before.count(b"\r\n") + 1


def decode_text(data: bytes, what: str) -> str:
    """``data`` as text: UTF-8 (a BOM dropped, CRLF and CR made LF).

    Raises :class:`NotText` for binary data, UTF-16/32 and invalid UTF-8, with the line. UTF-16
    is refused, not read: the bank format is UTF-8 (docs/bank-format.md), the article beside a
    bank and every file quiz writes (``--update``, ``quiz author``, exports) are UTF-8, and a
    bank that loads here must load the same everywhere it is shared; the message says the fix.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    other = _other_encoding(data)
    if other:
        reason = f"{what} is {other}; save it as UTF-8"
        raise NotText(1, reason, reason)
    if b"\x00" in data:
        line = _line_at(data, data.index(b"\x00"))
        reason = f"{what} is not a text file (it holds binary data)"
        raise NotText(line, reason, f"{reason[:-1]}, from line {line})")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = _line_at(data, error.start)
        byte = f"byte {data[error.start]:#04x}"
        raise NotText(
            line,
            f"{what} is not valid UTF-8 ({byte}); save it as UTF-8",
            f"{what} is not valid UTF-8 ({byte} on line {line}); save it as UTF-8",
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
