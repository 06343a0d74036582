"""The one way quiz replaces a file: write a temporary file beside it, flush it to the disk,
then rename it over the target, so a crash, a kill or a full disk leaves the old file or the
new one, never half of either."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

__all__ = ["replacing", "write_atomic"]


def write_atomic(
    target: Path, content: str | bytes, *, make_folder: bool = True, durable: bool = True
) -> None:
    """Replace ``target`` with ``content`` (text is written as UTF-8 with ``\\n`` line ends).

    The new file gets the usual permissions (0644 under the user's umask), not the 0600 that
    :func:`tempfile.mkstemp` gives, so a bank saved for a class stays readable by it. The
    folder is made when missing unless ``make_folder`` is false. ``durable=False`` skips the
    flush to the disk, for a file that can be made again (the bank cache: a first start over
    500 new banks writes 500 entries, and a sync each would cost seconds); it is still never
    seen half written. Raises :class:`OSError`; the temporary file is removed on failure."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    with replacing(target, make_folder=make_folder, durable=durable) as handle:
        handle.write(data)


@contextlib.contextmanager
def replacing(
    target: Path, *, make_folder: bool = True, durable: bool = True
) -> Iterator[BinaryIO]:
    """A binary file to write ``target``'s new content into, bit by bit (a file too big to hold
    in memory); when the block ends without an error it is synced, given the usual permissions
    and renamed over ``target``. On any error the temporary file is removed and the error
    raised again; ``target`` is untouched."""
    folder = target.parent if str(target.parent) else Path(".")
    tmp_name = ""
    try:
        if make_folder:
            folder.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.chmod(tmp_name, 0o644 & ~_umask())
        os.replace(tmp_name, target)
    except BaseException:
        if tmp_name:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
