"""lemminflect's lemma and inflection tables, kept in quiz's cache in a form that loads quickly.

lemminflect ships its tables as gzipped CSV and parses them line by line on first use: about
0.4 s, a quarter of a one-article ``quiz generate`` (1.7 s), paid again by every run. The same
two dicts written with :mod:`marshal` load in about 0.06 s. They are written to the data dir's
cache the first time and read back on every later run; nothing is downloaded, the source is
the installed wheel, and the entry names the lemminflect version and the size and time of each
table file it was built from, so an upgrade (or a changed file) builds it again.

The dicts are handed to lemminflect through the attributes its own lazy loaders fill
(``Lemmatizer.lemma_dict``, ``Inflections.infl_dict``: each loader loads only when its
attribute is missing), so every lookup still goes through lemminflect's code.
``tests/generate/test_lemma_tables.py`` holds the lookups to what lemminflect gives alone. The
entry is framed like the bank cache's (a magic line, then a SHA-256 of the payload): a damaged
or foreign file is ignored and written again, never trusted.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import marshal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from quiz.atomic import write_atomic

__all__ = ["CACHE_NAME", "load_tables"]

CACHE_NAME = "lemminflect-tables.bin"
_MAGIC = b"QUIZ-LEMMINFLECT/1\n"


def load_tables(lemminflect: Any, cache_dir: Path | None) -> None:
    """Make lemminflect's lemma and inflection tables ready: from ``cache_dir`` when an entry
    for this lemminflect is there, else by lemminflect's own loaders (then written there)."""
    lemmatizer, inflections = lemminflect.Lemmatizer(), lemminflect.Inflections()
    if hasattr(lemmatizer, "lemma_dict") and hasattr(inflections, "infl_dict"):
        return  # loaded already in this process
    if cache_dir is None:
        _load_from_wheel(lemmatizer, inflections)
        return
    entry = cache_dir / CACHE_NAME
    stamp = _stamp(lemminflect, lemmatizer, inflections)
    tables = _read(entry, stamp)
    if tables is not None:
        lemmatizer.lemma_dict, inflections.infl_dict = tables
        return
    tables = _load_from_wheel(lemmatizer, inflections)
    with contextlib.suppress(OSError):  # a read-only data dir only costs speed
        _write(entry, stamp, tables)


def _load_from_wheel(lemmatizer: Any, inflections: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    return lemmatizer._getLemmaDict(), inflections._getInflDict()


def _stamp(lemminflect: Any, lemmatizer: Any, inflections: Any) -> bytes:
    """What the tables were built from: the version and each table file's size and time."""
    parts = [str(getattr(lemminflect, "__version__", ""))]
    for name in (lemmatizer.lemma_lu_fn, inflections.infl_lu_fn):
        try:
            stat = Path(name).stat()
        except OSError:
            parts.append(f"{name}:missing")
        else:
            parts.append(f"{name}:{stat.st_size}:{stat.st_mtime_ns}")
    return "\n".join(parts).encode("utf-8")


def _read(entry: Path, stamp: bytes) -> tuple[dict[str, Any], dict[str, Any]] | None:
    try:
        data = entry.read_bytes()
    except OSError:
        return None
    head = _MAGIC + hashlib.sha256(stamp).hexdigest().encode() + b"\n"
    if not data.startswith(head):
        return None  # another lemminflect, another format, or not ours
    digest, _, payload = data[len(head) :].partition(b"\n")
    if hashlib.sha256(payload).hexdigest().encode() != digest:
        return None  # damaged
    try:
        with _no_collections():
            tables = marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return None
    if (
        not isinstance(tables, tuple)
        or len(tables) != 2
        or not all(isinstance(t, dict) and t for t in tables)
    ):
        return None
    return tables[0], tables[1]


def _write(entry: Path, stamp: bytes, tables: tuple[dict[str, Any], dict[str, Any]]) -> None:
    payload = marshal.dumps(tables)
    head = _MAGIC + hashlib.sha256(stamp).hexdigest().encode() + b"\n"
    digest = hashlib.sha256(payload).hexdigest().encode() + b"\n"
    entry.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(entry, head + digest + payload, durable=False)


@contextlib.contextmanager
def _no_collections() -> Iterator[None]:
    """The collector paused while some 100,000 dicts and tuples are made at once: each of its
    passes would walk them all again (0.27 s with it, 0.06 s without)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
