"""A big cached bank's questions, each built from its cache row when first asked for.

A warm start of a 100,000-question bank used to unmarshal every row and build every question
(0.17 s of CPU on a two-core machine) before the first one could be shown, which needs one. The
cache entry (:mod:`quiz.bank.cache`) now keeps a bank's rows in chunks of :data:`CHUNK` rows,
each its own ``marshal`` blob, beside columns of the cheap fields that choosing and ordering a
session read (ids, type names, facts, tags, and each question's source as an index into the
bank's distinct sources). :class:`QuestionRows` is the ``questions`` of such a bank: it has
every question a tuple has, in the same order, equal to the tuple of them, but a question is
built (with the rest of its chunk) only when it is first read. The columns are read directly
by what needs only them (:func:`question_ids`, the filters and the spacing of a session), so a
quiz on a big bank builds the questions it asks and no others.

Everything here is read-only once made, and a chunk built on two threads at once is built once
(under a lock); questions built from the rows are the same objects for every later reader.
"""

from __future__ import annotations

import marshal
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import Any, overload

from quiz.bank.question import Question

__all__ = ["CHUNK", "QuestionRows", "question_ids", "question_types", "split_row"]

#: Rows per chunk: a chunk is unmarshalled and built whole, about half a millisecond.
CHUNK = 256


def split_row(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """A cache row without the fields kept in the columns (the type name, id, source, fact
    and tags: positions 0, 1, 3, 4 and 6 of :func:`quiz.bank.types.registry.common_row`)."""
    return (row[2], row[5], *row[7:])


class QuestionRows(Sequence[Question]):
    """A cached bank's questions, built chunk by chunk as they are read (see the module).

    It behaves as the tuple of its questions does: ``len``, indexing (a slice gives a tuple),
    iteration in order, ``in``, ``index``, ``count``, ``+`` with a tuple, equality with a
    tuple of equal questions and the same hash. The columns (:attr:`ids`, :attr:`types`,
    :attr:`facts`, :attr:`tags`, :meth:`source_at`) give a question's cheap fields without
    building it."""

    __slots__ = (
        "_builders",
        "_built",
        "_chunks",
        "_lock",
        "_source_index",
        "_sources",
        "facts",
        "ids",
        "tags",
        "types",
    )

    def __init__(
        self,
        *,
        ids: tuple[str, ...],
        types: tuple[str, ...],
        facts: tuple[str, ...],
        tags: tuple[tuple[str, ...], ...],
        sources: tuple[str, ...],
        source_index: Sequence[int],
        chunks: Sequence[bytes | memoryview],
        builders: dict[str, Callable[..., Question]],
    ) -> None:
        self.ids = ids
        self.types = types
        self.facts = facts
        self.tags = tags
        self._sources = sources
        self._source_index = source_index
        self._chunks: list[bytes | memoryview | None] = list(chunks)
        self._built: list[list[Question] | None] = [None] * len(self._chunks)
        self._builders = builders
        self._lock = threading.Lock()

    # ------------------------------------------------------------------ the columns

    def source_at(self, index: int) -> str:
        """The source sentence(s) of question ``index``, without building it."""
        return self._sources[self._source_index[index]]

    # ------------------------------------------------------------------ building

    def _chunk(self, number: int) -> list[Question]:
        built = self._built[number]
        if built is not None:
            return built
        with self._lock:
            built = self._built[number]
            if built is None:
                built = self._build(number)
                self._built[number] = built
                self._chunks[number] = None  # its bytes are not needed again (the entry's
                # bytes are freed once every chunk is built)
        return built

    def _build(self, number: int) -> list[Question]:
        blob = self._chunks[number]
        assert blob is not None
        rows = marshal.loads(blob)
        start = number * CHUNK
        ids, types, facts, tags = self.ids, self.types, self.facts, self.tags
        sources, source_index, builders = self._sources, self._source_index, self._builders
        built: list[Question] = []
        append = built.append
        for at, row in enumerate(rows, start):
            kind = types[at]
            append(
                builders[kind](
                    kind,
                    ids[at],
                    row[0],
                    sources[source_index[at]],
                    facts[at],
                    row[1],
                    tags[at],
                    *row[2:],
                )
            )
        return built

    def built(self) -> tuple[Question, ...]:
        """Every question, built: the tuple this sequence stands for."""
        return tuple(self)

    # ------------------------------------------------------------------ as a tuple

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, index: int) -> Question: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Question, ...]: ...

    def __getitem__(self, index: int | slice) -> Question | tuple[Question, ...]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        length = len(self.ids)
        if index < 0:
            index += length
        if not 0 <= index < length:
            raise IndexError("tuple index out of range")
        return self._chunk(index // CHUNK)[index % CHUNK]

    def __iter__(self) -> Iterator[Question]:
        for number in range(len(self._built)):
            yield from self._chunk(number)

    def __contains__(self, value: object) -> bool:
        return any(q is value or q == value for q in self)

    def __eq__(self, other: object) -> bool:
        if other is self:
            return True
        if isinstance(other, QuestionRows):
            return self.ids == other.ids and tuple(self) == tuple(other)
        if isinstance(other, tuple):
            return len(other) == len(self) and tuple(self) == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __add__(self, other: object) -> tuple[Question, ...]:
        if isinstance(other, tuple | QuestionRows):
            return tuple(self) + tuple(other)
        return NotImplemented

    def __radd__(self, other: object) -> tuple[Question, ...]:
        if isinstance(other, tuple):
            return other + tuple(self)
        return NotImplemented

    def __repr__(self) -> str:
        return repr(tuple(self))

    def __reduce__(self) -> tuple[Any, ...]:  # a copy or a pickle is the plain tuple
        return (tuple, (tuple(self),))


def question_ids(questions: Sequence[Question]) -> Sequence[str]:
    """The ids of ``questions`` in order, without building a big cached bank's questions."""
    if isinstance(questions, QuestionRows):
        return questions.ids
    return tuple(q.id for q in questions)


def question_types(questions: Sequence[Question]) -> Sequence[str]:
    """The type names of ``questions`` in order, without building a big cached bank's."""
    if isinstance(questions, QuestionRows):
        return questions.types
    return tuple(q.TYPE for q in questions)
