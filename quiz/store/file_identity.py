"""Which file a store writes, by device and inode: another quiz that finds the file damaged
renames it aside and starts a new one at the same path, and a store still open on the old one
must notice and stop writing into it."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["GONE", "file_identity"]

GONE = (-1, -1)


def file_identity(path: Path, missing: tuple[int, int] | None = GONE) -> tuple[int, int] | None:
    """The file at ``path`` as (device, inode); None for a store in memory; ``missing`` when
    there is no file (at open: nothing to compare with; later: it was moved away)."""
    if str(path) == ":memory:":
        return None
    try:
        found = os.stat(path)
    except OSError:
        return missing
    return (found.st_dev, found.st_ino)
