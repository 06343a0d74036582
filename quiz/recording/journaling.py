"""The store's recorder for one quiz session: the answer into SQLite, else into the journal.

"Kept" has three levels, and the learner is told which: in the database (the normal case), in
the pending-answers journal beside it (the database refused: a full disk, a damaged file, a
lock held too long; the next start saves it), or only in memory (the journal could not be
written either; the background writer keeps retrying, and quitting warns before losing it).
"""

from __future__ import annotations

import contextlib
import uuid
from typing import TYPE_CHECKING

from quiz.record import Answer
from quiz.store.journal import Journal, PendingAnswer, answer_key

if TYPE_CHECKING:
    from quiz.store import RecordResult, ScoreStore

__all__ = ["AnswerJournaled", "AnswerNotKept", "JournalingRecorder"]


class AnswerJournaled(Exception):
    """The database refused the answer, but it is safe in the journal."""

    def __init__(self, cause: BaseException, journal: Journal) -> None:
        super().__init__(
            f"{cause}; the answer is kept in {journal.path} and will be saved "
            "the next time quiz starts"
        )
        self.cause = cause
        self.journal = journal


class AnswerNotKept(Exception):
    """Neither the database nor the journal took the answer: it is only in memory."""

    def __init__(self, cause: BaseException, journal_error: OSError) -> None:
        reason = journal_error.strerror or str(journal_error)
        super().__init__(f"{cause}; it could not be kept in the journal either ({reason})")
        self.cause = cause
        self.journal_error = journal_error


class JournalingRecorder:
    """Records one session into ``store``; starts the store session with the first answer.

    An answer the store refuses is appended to ``journal`` and :class:`AnswerJournaled` is
    raised, so that the background writer still holds it and retries it in order; the
    retry is then saved "if absent" (another quiz may have replayed the journal meanwhile).
    """

    def __init__(
        self,
        store: ScoreStore,
        bank_id: str,
        mode: str,
        journal: Journal,
        *,
        mirror: bool = False,
    ) -> None:
        self.store = store
        #: The store is one in memory (the file was locked, unwritable or unusable): every
        #: answer it takes is also written to the journal, so the next start that can open the
        #: file saves it instead of losing it at quit; one the journal cannot take is refused
        #: (:meth:`_mirror_or_refuse`), so that quitting asks before it is lost.
        self.mirror = mirror
        self.bank_id = bank_id
        self.mode = mode
        self.cram = mode == "cram"
        self.journal = journal
        self.session_id: int | None = None
        self.last_result: RecordResult | None = None
        self._journal_session = uuid.uuid4().hex
        self._journaled: dict[tuple[str, str, str], bool] = {}  # key -> undone, as written
        #: Answers the store in memory took but the journal did not: held by the background
        #: writer as at risk, and on retry not recorded in memory twice.
        self._unmirrored: set[tuple[str, str, str]] = set()

    def record(self, answer: Answer) -> RecordResult:
        from quiz.store import StoreError

        key = answer_key(answer)
        try:
            if self.session_id is None:
                self.session_id = self.store.start_session(self.bank_id, self.mode)
            again = key in self._journaled or key in self._unmirrored
            result = self.store.record(
                answer, session_id=self.session_id, cram=self.cram, if_absent=again
            )
        except StoreError as error:
            raise self._keep(answer, key, error) from error
        self.last_result = result
        if self.mirror:
            self._mirror_or_refuse(answer, key)
        return result

    def _mirror_or_refuse(self, answer: Answer, key: tuple[str, str, str]) -> None:
        """The store is in memory, so the journal is the only place the answer outlives the
        process: when it cannot take the line (the disk filled after the notice said answers
        are kept there), the answer is refused as :class:`AnswerNotKept`, so that the
        background writer holds it as at risk and quitting asks, instead of its feedback
        saying saved while it is lost at quit (a real full disk did that: issue 20, item 5)."""
        try:
            self.journal.append(self.entry(answer))
        except OSError as journal_error:
            self._unmirrored.add(key)
            raise AnswerNotKept(
                RuntimeError("the scores file cannot be used this time"), journal_error
            ) from journal_error
        self._unmirrored.discard(key)

    def _mirror(self, answer: Answer) -> None:
        """Best effort, for an undo: the journal's latest line for an answer wins at replay,
        and the answer taken back is kept in memory either way."""
        with contextlib.suppress(OSError):
            self.journal.append(self.entry(answer))

    def entry(self, answer: Answer) -> PendingAnswer:
        """The journal line for ``answer`` (also what the quit dialog writes to a file). A
        session of the store in memory names no session of the file: none is given."""
        learner = None
        with contextlib.suppress(Exception):
            learner = self.store.learner_id
        return PendingAnswer(
            self._journal_session,
            self.bank_id,
            self.mode,
            answer,
            cram=self.cram,
            db_session=None if self.mirror else self.session_id,
            learner=learner,
        )

    def keep(self, answer: Answer, error: BaseException) -> bool:
        """Journals ``answer`` without trying the database: it waits behind one that was
        just refused (saving it first would reorder the history). True when it is kept."""
        try:
            self._keep(answer, answer_key(answer), error)
        except AnswerNotKept:
            return False
        return True

    def _keep(
        self, answer: Answer, key: tuple[str, str, str], error: BaseException
    ) -> AnswerJournaled:
        """Journals ``answer`` (once, or again if it was taken back since); raises
        :class:`AnswerNotKept` when the journal fails too."""
        if self._journaled.get(key) != answer.undone:
            try:
                self.journal.append(self.entry(answer))
            except OSError as journal_error:
                raise AnswerNotKept(error, journal_error) from error
            self._journaled[key] = answer.undone
        return AnswerJournaled(error, self.journal)

    def undo(self) -> Answer | None:
        if self.session_id is None:
            return None
        undone = self.store.undo_last(self.session_id)
        if self.mirror and undone is not None:
            self._mirror(undone)  # the journal's latest line for an answer wins at replay
        return undone

    def finish(self) -> None:
        if self.session_id is not None:
            self.store.end_session(self.session_id)
