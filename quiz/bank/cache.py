"""A cache of validated banks, kept in the data dir, so a big bank loads in a fraction of a second
the second time.

YAML parsing is the slow part of loading (about 17 s for a 100,000-question bank); a validated
bank re-read from the cache costs about as much as ``json.loads`` of the same data. Entries are
keyed on the SHA-256 of the bank file's bytes, and remember the hash of the article they were
validated against, so any edit of either is noticed. The digest of a file is itself remembered
against the file's size, modification time, inode and change time (``cache/bank-stamps.json``),
so an unchanged bank is found without reading it (see :func:`_stamped_digest`). The payload is
``marshal`` data of plain tuples and strings (never code, never pickled objects), framed by a
magic header and a digest of the payload, and read back through the same typed constructors as
a YAML load: a damaged or foreign cache file is ignored and rewritten, never trusted. The
questions' rows are kept in chunks, each its own ``marshal`` blob after the payload, beside
columns of their cheap fields: a bank of more than :data:`LAZY_OVER` questions builds each
chunk when one of its questions is first read (:mod:`quiz.bank.cache_rows`), so a warm start of
a 100,000-question bank builds the few questions its quiz shows first, not all of them. The
whole entry's digest, the row layout of each type and the columns are still checked at load.

The folder index (:meth:`BankCache.summaries`) serves the home screen: title, size and date of
every bank without loading any of them, keyed on each file's size and modification time.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import marshal
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import msgspec
from msgspec import Struct
from msgspec.structs import replace

from quiz.bank.cache_rows import CHUNK, QuestionRows, question_ids, split_row
from quiz.bank.errors import BankError, read_problem
from quiz.bank.file_stamps import STAMPS_NAME, sha256_hex, stamped_digest
from quiz.bank.files import MAX_BANK_BYTES, article_reader, decode_text, read_bytes_bounded
from quiz.bank.model import Bank, Fact, Question, Source
from quiz.bank.types import ROW_BUILDERS, type_of

# 2: questions carry their silenced advice; 3: drafts; 4: the question ids first, together;
# 5: the rows in chunks beside columns of the cheap fields, built when read (cache_rows.py);
# 6: the ids a teacher rejected
_MAGIC = b"QUIZBANK-CACHE/6\n"
_INDEX_NAME = "bank-index.json"
_INDEX_VERSION = 5

#: A cached bank of more questions than this is handed out with its questions built as they
#: are read (:class:`QuestionRows`); a smaller one is built whole, as before, a tuple.
LAZY_OVER = 2_000


def _encode_question(q: Question) -> tuple[Any, ...]:
    """A question's cache row: the type name and the shared fields, then the type's own
    (``to_row`` in its module)."""
    return type_of(q).to_row(q)


# A row is rebuilt by its type's ``from_row`` (in its module), which takes the row's fields
# as positional parameters and hands them to the type by keyword. A row used to become a dict
# of the common fields, then ``Type(**common, ...)``: building the dict and unpacking it into
# keywords cost more than the struct itself (0.12 s for 100,000 questions, 0.045 s like this,
# in one process), and that is most of a warm start of a big bank. A row of the wrong length
# is a TypeError, an unknown type a KeyError: both mean a damaged or foreign entry, which
# :meth:`BankCache.load` rebuilds.

#: Cache row's type name -> its builder (the row, type name first, is passed whole). The
#: registry's own table: a type registered later is found too.
_BUILDERS: dict[str, Callable[..., Question]] = ROW_BUILDERS


def _decode_question(row: tuple[Any, ...]) -> Question:
    """A question from its cache row; KeyError for an unknown type, TypeError for a row of
    the wrong length."""
    return _BUILDERS[row[0]](*row)


def encode_bank(bank: Bank, article_digest: str) -> bytes:
    from array import array  # on a cache miss only: a start reads the indexes in place

    s = bank.source
    rows = [_encode_question(q) for q in bank.questions]
    sources: dict[str, int] = {}
    source_index = array("I", [sources.setdefault(row[3], len(sources)) for row in rows])
    shared_tags: dict[tuple[str, ...], tuple[str, ...]] = {}  # one object: marshal refers to it
    chunks = [
        marshal.dumps([split_row(row) for row in rows[at : at + CHUNK]])
        for at in range(0, len(rows), CHUNK)
    ]
    payload = (
        article_digest,
        (bank.id, bank.title, bank.description, bank.language, bank.tags, bank.as_of),
        (s.title, s.text, s.outlet, s.published, s.url, s.file),
        tuple((f.id, f.statement, f.kind, f.key, f.source) for f in bank.facts),
        # The columns: what choosing and spacing a session's questions read, so that a big
        # bank's questions are built only when asked (cache_rows.py). The ids are side by
        # side in memory: walking a big bank's ids (a review checks the due cards against
        # them) reads memory in order instead of one scattered cache miss per question.
        tuple(row[1] for row in rows),
        tuple(row[0] for row in rows),
        tuple(row[4] for row in rows),
        tuple(shared_tags.setdefault(row[6], row[6]) for row in rows),
        tuple(sources),
        source_index.tobytes(),
        # each type's row length, checked against its builder when the entry is read
        tuple(sorted({(row[0], len(row)) for row in rows})),
        # the length of each chunk of rows; the chunks follow the payload, each read in place
        # (a slice of the entry's bytes) when its first question is
        tuple(len(chunk) for chunk in chunks),
        [_encode_question(q) for q in bank.drafts],
        bank.rejected,
    )
    head = marshal.dumps(payload)
    del rows
    import hashlib  # on a cache miss only

    digest = hashlib.sha256(head)
    for chunk in chunks:
        digest.update(chunk)
    # one join: the entry is built once (a first load of a big bank peaks here)
    return b"".join([_MAGIC, digest.hexdigest().encode(), b"\n", head, *chunks])


def _unframe(blob: bytes) -> tuple[Any, memoryview]:
    """The payload of a cache entry and the entry's data (the payload, then the chunks of
    rows); ValueError if it is not one of ours or not intact."""
    if not blob.startswith(_MAGIC):
        raise ValueError("not a bank cache file")
    header_end = blob.index(b"\n", len(_MAGIC))
    digest = blob[len(_MAGIC) : header_end].decode()
    data = memoryview(blob)[header_end + 1 :]
    if sha256_hex(data) != digest:
        raise ValueError("bank cache file is damaged")
    return marshal.loads(data), data


def _takes(builder: Callable[..., Question], count: int) -> bool:
    """Whether ``builder`` takes a row of ``count`` fields (True when it cannot tell)."""
    code = getattr(builder, "__code__", None)
    if code is None or code.co_flags & 0x04:  # not plain Python, or ``*args``
        return True
    most: int = code.co_argcount
    defaults: tuple[Any, ...] = getattr(builder, "__defaults__", None) or ()
    return most - len(defaults) <= count <= most


def _questions_of(payload: Any, data: memoryview, lazy_over: int) -> Sequence[Question]:
    """The questions of a cache payload: built as they are read for a big bank, all at once
    (a tuple) for a small one. Everything that can be checked without building a question is
    checked here (ValueError), so a damaged or foreign entry is rebuilt at load, not found
    half-way through a quiz."""
    ids, types, facts, tags, sources, index_bytes, lengths, sizes = payload[4:12]
    builders = _BUILDERS
    for kind, length in lengths:
        if kind not in builders or not _takes(builders[kind], length):
            raise ValueError(f"bank cache rows of type {kind!r} do not fit this version")
    if len(index_bytes) % 4:
        raise ValueError("bank cache source indexes are cut short")
    source_index = memoryview(index_bytes).cast("B").cast("I")  # as array("I") wrote them
    count = len(ids)
    chunks = []
    at = len(data) - sum(sizes)
    for size in sizes:
        chunks.append(data[at : at + size])
        at += size
    if not (
        len(types) == len(facts) == len(tags) == len(source_index) == count
        and len(chunks) == -(-count // CHUNK)
        and sum(sizes) <= len(data)
        and (not count or max(source_index) < len(sources))
        and {kind for kind, _length in lengths} >= set(types)
    ):
        raise ValueError("bank cache columns do not agree")
    rows = QuestionRows(
        ids=ids,
        types=types,
        facts=facts,
        tags=tags,
        sources=sources,
        source_index=source_index,
        chunks=chunks,
        builders=builders,
    )
    return rows if count > lazy_over else rows.built()


def _bank_from_payload(
    entry: tuple[Any, memoryview], *, path: str, lazy_over: int | None = None
) -> tuple[Bank, str]:
    payload, data = entry
    article_digest, head, source, facts = payload[:4]
    draft_rows, rejected = payload[12], payload[13]
    questions = _questions_of(payload, data, LAZY_OVER if lazy_over is None else lazy_over)
    bank_id, title, description, language, tags, as_of = head
    bank = Bank(
        id=bank_id,
        title=title,
        description=description,
        language=language,
        tags=tags,
        as_of=as_of,
        path=path,
        source=Source(
            title=source[0],
            text=source[1],
            outlet=source[2],
            published=source[3],
            url=source[4],
            file=source[5],
        ),
        facts=tuple(Fact(*f) for f in facts),
        questions=questions,
        drafts=tuple(_decode_question(row) for row in draft_rows),
        rejected=tuple(rejected),
    )
    return bank, article_digest


def decode_bank(blob: bytes, *, path: str, lazy_over: int | None = None) -> tuple[Bank, str]:
    """Rebuild a bank from :func:`encode_bank` output; ValueError if it is not intact (a row
    type unknown or of a length its builder does not take included). A bank of more than
    ``lazy_over`` questions builds each question when it is first read."""
    entry = _unframe(blob)
    try:
        return _bank_from_payload(entry, path=path, lazy_over=lazy_over)
    except (KeyError, TypeError, IndexError) as error:
        raise ValueError(f"bank cache entry does not decode: {error!r}") from None


_collections_lock = threading.Lock()
_collections_paused = 0  # loads under way with the cyclic GC paused
_collections_were_on = True


@contextlib.contextmanager
def no_collections() -> Iterator[None]:
    """Pause the cyclic garbage collector while a cached bank is rebuilt: a 100,000-question
    bank is about a million new objects, none of them garbage, and each collection the
    allocations set off walked them all (a third of the load's time). Loads on several threads
    nest: the last one out turns collections back on, if they were on before the first. A
    review's plan uses it too, for its index of 100,000 sibling keys (:mod:`quiz.review`)."""
    global _collections_paused, _collections_were_on
    with _collections_lock:
        if _collections_paused == 0:
            _collections_were_on = gc.isenabled()
            gc.disable()
        _collections_paused += 1
    try:
        yield
    finally:
        with _collections_lock:
            _collections_paused -= 1
            if _collections_paused == 0 and _collections_were_on:
                gc.enable()


_no_collections = no_collections  # the name tests/bank/test_cache_gc.py knows


def _read_entry(entry: Path) -> tuple[Any, memoryview]:
    """Read, check and unmarshal an entry (its chunks of rows stay in its bytes, unread)."""
    return _unframe(entry.read_bytes())


class BankSummary(Struct, frozen=True):
    """What the home screen shows of a bank, without loading it."""

    path: str
    id: str
    title: str
    as_of: str
    questions: int
    description: str = ""
    source_title: str = ""
    source_outlet: str = ""
    by_type: tuple[tuple[str, int], ...] = ()
    question_ids: tuple[str, ...] = ()  # so progress can leave out questions removed since
    errors: tuple[str, ...] = ()  # "line N: message" per problem when the file is broken

    @property
    def ok(self) -> bool:
        return not self.errors


def _write_atomic(target: Path, data: bytes) -> None:
    """A cache file replaced whole (:func:`quiz.atomic.write_atomic`), not synced: it can
    always be made again from its bank."""
    from quiz.atomic import write_atomic

    write_atomic(target, data, durable=False)


class BankCache:
    """Loads banks through a cache in ``cache_dir``; works (uncached) when it is not writable."""

    def __init__(self, cache_dir: Path) -> None:
        self.cache_dir = cache_dir

    def _entry(self, digest: str) -> Path:
        return self.cache_dir / "banks" / f"{digest}.bin"

    def load(
        self, path: str | os.PathLike[str], progress: Callable[[float], None] | None = None
    ) -> Bank:
        """Like :func:`quiz.bank.load_bank`, but a file seen before is not parsed again.

        ``progress(done)``, when given, is called while the file is parsed (a cache miss only:
        a hit takes a fraction of a second), ``done`` rising from 0.0 to 1.0, so that a command
        can show a progress bar through the first load of a big bank."""
        bank_path = Path(path)
        shown = str(bank_path)
        digest = self._digest(bank_path)
        entry = self._entry(digest)
        read_article = article_reader(bank_path)
        recent = _recent_bank(self.cache_dir, digest, shown, read_article)
        if recent is not None:
            return recent
        try:
            with no_collections():
                bank, article_digest = _bank_from_payload(_read_entry(entry), path=shown)
            if not bank.source.file or _article_digest(bank, read_article) == article_digest:
                return _remember(self.cache_dir, digest, article_digest, bank)
        except (OSError, ValueError, TypeError, EOFError, IndexError, KeyError):
            pass  # no entry, or a stale or damaged one: build it anew
        try:
            data = read_bytes_bounded(bank_path, limit=MAX_BANK_BYTES, what="the bank file")
            text = decode_text(data, "the bank file")
        except ValueError as error:
            raise BankError(shown, [read_problem(error)]) from None
        del data
        from quiz.bank.loader import parse_bank_text  # the YAML parser only on a cache miss

        stream = None
        if progress is not None:
            from quiz.bank.progress_stream import ProgressStream

            stream = ProgressStream(progress, text.count("\n") + 1)
        bank = parse_bank_text(text, path=bank_path, stream=stream)
        article_digest = _article_digest(bank, read_article)
        with contextlib.suppress(OSError, ValueError):  # a read-only data dir only costs speed
            _write_atomic(entry, encode_bank(bank, article_digest))
        if progress is not None:
            progress(1.0)
        return _remember(self.cache_dir, digest, article_digest, bank)

    def _digest(self, bank_path: Path) -> str:
        return stamped_digest(self.cache_dir / STAMPS_NAME, bank_path)

    def summaries(self, paths: Iterable[Path]) -> list[BankSummary]:
        """Summaries of the bank files, loading only those changed since the last call."""
        index_file = self.cache_dir / _INDEX_NAME
        known = _read_index(index_file)
        fresh: dict[str, _IndexEntry] = {}
        result: list[BankSummary] = []
        for path in paths:
            key = str(path.absolute())
            try:
                stat = path.stat()
            except OSError as error:
                why = error.strerror or str(error)  # "Too many levels of symbolic links"
                result.append(BankSummary(str(path), path.stem, path.stem, "", 0, errors=(why,)))
                continue
            stamp = (stat.st_size, stat.st_mtime_ns)
            entry = known.get(key)
            if entry is None or entry.stamp != stamp:
                entry = _IndexEntry(stamp, self._summarise(path))
            fresh[key] = entry
            result.append(replace(entry.summary, path=str(path)))  # as the caller names it
        if fresh != known:
            with contextlib.suppress(OSError):
                _write_atomic(index_file, _INDEX_ENCODER.encode(_Index(_INDEX_VERSION, fresh)))
        return result

    def remember_written(self, path: Path, bank: Bank) -> None:
        """Cache and index ``bank``, which this process has just written to ``path``, as a
        load of the file would, without parsing the file again.

        ``quiz generate A B C …`` writes a bank per article and puts each into the library:
        parsing back the YAML it had just dumped cost about 5 ms an article (a twentieth of
        its work outside spaCy), and the next article's look at the library's ids parsed it
        once more when the index did not know it. A bank dumped and parsed back equals the
        one dumped (``tests/generate/test_written_bank_cached.py``); a file changed after
        this call has other bytes and another stamp, so it is parsed as any other."""
        shown = str(path)
        try:
            stat = path.stat()
            digest = self._digest(path)
            article_digest = _article_digest(bank, article_reader(path))
            if bank.path != shown:
                bank = replace(bank, path=shown)
            _write_atomic(self._entry(digest), encode_bank(bank, article_digest))
        except (OSError, ValueError):
            return  # a read-only data dir only costs speed: the next load parses the file
        _remember(self.cache_dir, digest, article_digest, bank)
        index_file = self.cache_dir / _INDEX_NAME
        files = _read_index(index_file)
        files[str(path.absolute())] = _IndexEntry(
            (stat.st_size, stat.st_mtime_ns), _summary_of(path, bank)
        )
        with contextlib.suppress(OSError):
            _write_atomic(index_file, _INDEX_ENCODER.encode(_Index(_INDEX_VERSION, files)))

    def _summarise(self, path: Path) -> BankSummary:
        try:
            bank = self.load(path)
        except BankError as error:
            lines = [f"line {p.line}: {p.message}" if p.line else p.message for p in error.problems]
            return BankSummary(str(path), path.stem, path.stem, "", 0, errors=tuple(lines))
        return _summary_of(path, bank)


def _summary_of(path: Path, bank: Bank) -> BankSummary:
    """What the folder index keeps of a valid bank."""
    return BankSummary(
        str(path),
        bank.id,
        bank.title,
        bank.as_of,
        len(bank.questions),
        description=bank.description,
        source_title=bank.source.title,
        source_outlet=bank.source.outlet,
        by_type=tuple(sorted(bank.count_by_type().items())),
        question_ids=tuple(question_ids(bank.questions)),
    )


#: The last bank loaded in this process: (the cache it went through, its file's digest, its
#: article's digest, the bank). ``quiz play FILE`` loads its bank to put it into the library,
#: then to play it: decoding a 100,000-question bank twice cost over half a second before the
#: first question.
_RECENT: tuple[Path, str, str, Bank] | None = None


def _remember(cache_dir: Path, digest: str, article_digest: str, bank: Bank) -> Bank:
    global _RECENT
    _RECENT = (cache_dir, digest, article_digest, bank)
    return bank


def _recent_bank(cache_dir: Path, digest: str, shown: str, read_article: Any) -> Bank | None:
    """The last bank loaded through this cache, when it came from the same bytes and its
    article is unchanged (banks are immutable, so it is shared; named by ``shown`` as this
    caller names it)."""
    recent = _RECENT
    if recent is None or recent[1] != digest or recent[0] != cache_dir:
        return None
    bank = recent[3]
    if bank.source.file and _article_digest(bank, read_article) != recent[2]:
        return None
    return bank if bank.path == shown else replace(bank, path=shown)


class _IndexEntry(Struct, frozen=True):
    """One bank file in the folder index: its summary and the size and mtime it was made at."""

    stamp: tuple[int, int]  # (size, mtime in ns)
    summary: BankSummary


class _Index(Struct, frozen=True):
    version: int
    files: dict[str, _IndexEntry]


_INDEX_ENCODER = msgspec.json.Encoder()


@functools.cache
def _index_decoder() -> msgspec.json.Decoder[_Index]:
    """The folder index's typed decoder, made when the index is first read (the home screen,
    the stats), not at import: making it resolves the annotations of three structs (about
    0.3 ms), and every ``quiz play`` imports this module without reading the index."""
    return msgspec.json.Decoder(_Index)


def _read_index(index_file: Path) -> dict[str, _IndexEntry]:
    """The folder index, or nothing when it is missing, of another version or damaged: it is
    JSON written by us, but decoding checks every field's type, so a bad one is rebuilt, never
    trusted. (Typed decoding in C also makes 500 banks' index, with every question id, about
    ten times quicker to read than ``json.loads`` and a constructor call per bank.)"""
    try:
        index = _index_decoder().decode(index_file.read_bytes())
    except (OSError, msgspec.DecodeError):
        return {}
    return index.files if index.version == _INDEX_VERSION else {}


def _article_digest(bank: Bank, read_article: Any) -> str:
    """Hash of the article text as the loader reads it now ("" for inline articles)."""
    if not bank.source.file:
        return ""
    try:
        text = read_article(bank.source.file)
    except ValueError:
        return "missing"
    return sha256_hex(text.encode("utf-8"))


__all__ = ["BankCache", "BankSummary", "decode_bank", "encode_bank"]
