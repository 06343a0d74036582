"""The learner's scores for the app: the store in the data dir, or, when it cannot be used, a
store in memory so the quiz still runs (review, undo and flags included) and says plainly that
progress is not being saved and how to fix it.

* A ``quiz.db`` with damaged pages (found by the check at open) is set aside as
  ``quiz.db.damaged-<date>`` and a new one started; the notice says where the old one is, and
  ``--recover`` copies into the new one what can still be read of it.
* A ``quiz.db`` that is not SQLite, foreign or newer is left untouched; the notice names the
  problem and the way out (``--recover`` keeps the file aside as ``quiz.db.<problem>-<date>``
  and starts a new one; a newer file wants a newer quiz).
* A read-only or full data dir: the notice says so; if the file can still be read, the
  in-memory store starts as a copy of it, so the review still shows what is due.

No Textual here.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from quiz.bank.model import Bank
from quiz.recording.journaling import JournalingRecorder
from quiz.store import DB_NAME, Store, StoreError
from quiz.store.journal import JOURNAL_NAME, Journal
from quiz.store.memory import MEMORY, memory_store

__all__ = ["MEMORY", "RECOVER_HINT", "Scores", "memory_store", "open_scores", "store_notice"]

RECOVER_HINT = "quiz review --recover"


@dataclass
class Scores:
    """``store`` is the real one when ``saved``, else one in memory (gone at exit)."""

    store: Store
    saved: bool
    notice: str = ""
    moved_aside: Path | None = None
    journal: Journal | None = None

    def recorder(self, bank: Bank, mode: str) -> JournalingRecorder:
        """A recorder for a new store session over ``bank`` (``"*"`` for several banks),
        started with its first answer; what the store refuses goes to the journal."""
        journal = self.journal or Journal(self.store.path.with_name(JOURNAL_NAME))
        return JournalingRecorder(
            self.store,
            bank.id,
            mode,
            journal,
            # in memory, the journal is the only place an answer outlives the process: one it
            # cannot take is refused, so that its feedback says "in memory only" and quitting
            # asks (try again, or write the answers to a file), never lost unsaid
            mirror=not self.saved,
        )

    def close(self) -> None:
        self.store.close()


def open_scores(
    data_dir: Path,
    *,
    recover: bool = False,
    clock: Callable[[], datetime] | None = None,
) -> Scores:
    """The scores in ``data_dir``; never raises for a problem with the file or the folder."""
    path = Path(data_dir) / DB_NAME
    try:
        store = Store.open(data_dir, clock=clock, recover=recover)
    except StoreError as error:
        return _in_memory(error, clock, path)
    return Scores(
        store,
        saved=True,
        notice=store_notice(store),
        moved_aside=store.set_aside,
        journal=Journal(path.with_name(JOURNAL_NAME)),
    )


def store_notice(store: Store) -> str:
    """What opening ``store`` did that the learner should know, one line per thing, plain:
    a file set aside and where it is, what ``--recover`` copied from it, answers saved from
    the pending-answers journal. Commands that open the store print it on stderr."""
    lines: list[str] = []
    damage = store.damage
    if store.set_aside is not None and damage is not None:
        if damage.problem == "damaged":
            lines.append(
                f"Your scores file was damaged; it was kept as {store.set_aside} and a new one "
                "was started."
                + (
                    ""
                    if store.salvaged
                    else f" To copy what can still be read from it, run  {RECOVER_HINT}"
                )
            )
        else:
            lines.append(
                f"Your old scores file could not be used ({damage.problem}); it was kept as "
                f"{store.set_aside} and a new one was started."
            )
    for aside, report in store.salvaged:
        lines.append(f"From {aside}: {report.summary()}.")
    if store.salvage_error:
        lines.append(store.salvage_error)
    if store.replayed is not None and store.replayed.saved:
        count = store.replayed.saved
        lines.append(
            f"{count} answer{'s' if count != 1 else ''} kept in "
            f"{JOURNAL_NAME} last time {'were' if count != 1 else 'was'} saved."
        )
    if store.replayed is not None and store.replayed.kept_aside is not None:
        lines.append(
            f"{store.replayed.unreadable} unreadable lines of {JOURNAL_NAME} were "
            f"kept in {store.replayed.kept_aside}."
        )
    if store.replay_error:
        lines.append(store.replay_error)
    return "\n".join(lines)


def _in_memory(error: StoreError, clock: Callable[[], datetime] | None, path: Path) -> Scores:
    readable = path if error.problem in ("unwritable", "busy") else None
    store = memory_store(clock, copy_of=readable)
    journal = Journal(path.with_name(JOURNAL_NAME))
    writable = _writable(journal)
    return Scores(
        store,
        saved=False,
        notice=_notice(error, writable),
        journal=journal,
    )


def _writable(journal: Journal) -> bool:
    """Whether answers can be kept in the journal while the scores file cannot be used (the
    data folder may be the unwritable thing): opened for appending, nothing written."""
    try:
        fd = os.open(journal.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    except OSError:
        return False
    os.close(fd)
    return True


#: The first line of the notice when the scores file cannot be used, by whether the answers
#: can still be kept in the journal beside it.
NOT_SAVED = (
    "Progress is not being saved this time: your answers are kept only while quiz runs, and "
    "quitting offers to write them to a file.\n"
)
KEPT_ASIDE = (
    f"Your scores file can't be used this time: your answers are kept in {JOURNAL_NAME} "
    "beside it and saved the next time it can be opened.\n"
)


def _notice(error: StoreError, journaled: bool = False) -> str:
    lead = KEPT_ASIDE if journaled else NOT_SAVED
    where = error.path or "the scores file"
    if error.problem in ("corrupt", "damaged"):
        what = f"{where} is damaged or is not an SQLite file. It was left untouched."
    elif error.problem == "foreign":
        what = f"{where} is not a quiz scores file. It was left untouched."
    elif error.problem == "newer":
        return (
            f"{lead}{where} was written by a newer quiz. It was left untouched: upgrade "
            f"quiz to use it, or keep it aside and start afresh with  {RECOVER_HINT}"
        )
    elif error.problem == "busy":
        return f"{lead}{error}.\nClose the other quiz, then start again."
    else:
        return (
            f"{lead}{error}.\nUse a writable folder with  --data-dir DIR  (or "
            "QUIZ_DATA_DIR), or free some disk space."
        )
    return f"{lead}{what}\nTo keep it aside and start a new one, run  {RECOVER_HINT}"
