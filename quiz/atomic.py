"""The one way quiz replaces a file: write a temporary file beside it, flush it to the disk,
then rename it over the target, so a crash, a kill or a full disk leaves the old file or the
new one, never half of either."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

__all__ = ["write_atomic"]


def write_atomic(target: Path, content: str | bytes) -> None:
    """Replace ``target`` with ``content`` (text is written as UTF-8 with ``\\n`` line ends).

    The new file gets the usual permissions (0644 under the user's umask), not the 0600 that
    :func:`tempfile.mkstemp` gives, so a bank saved for a class stays readable by it. Raises
    :class:`OSError`; the temporary file is removed on failure."""
    folder = target.parent if str(target.parent) else Path(".")
    data = content.encode("utf-8") if isinstance(content, str) else content
    tmp_name = ""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp_name, 0o644 & ~mask)
        os.replace(tmp_name, target)
    except BaseException:
        if tmp_name:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
        raise
