"""Everything the app is started with: the one factory (``QuizApp(config)``) that the CLI and
the tests share. Imports nothing from Textual."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from msgspec import Struct, field

from quiz.bank.model import Bank
from quiz.library import bank_dirs
from quiz.session import Options, utc_now

if TYPE_CHECKING:
    from quiz.authoring import Draft
    from quiz.record import Recorder
    from quiz.recording.deferred import DeferredScores
    from quiz.report import Report
    from quiz.stats import Stats
    from quiz.store import KnownQuestions
    from quiz.tui.progress import ProgressProvider

#: Makes the recorder for one session: ``(bank, mode)``, mode "play", "review" or "cram"
#: (cram answers never touch a schedule). Called on a
#: background thread when the session's first answer is recorded. A recorder that has a
#: ``finish()`` method gets it called when the session ends.
RecorderFactory = Callable[[Bank, str], "Recorder"]

#: The learner's stats at ``now``, counting only the questions the banks have now.
StatsSource = Callable[[datetime, "KnownQuestions | None"], "Stats"]


def memory_recorders() -> RecorderFactory:
    """A factory whose recorders keep answers in memory (no scores saved)."""

    def make(bank: Bank, mode: str) -> Recorder:
        from quiz.record import MemoryRecorder  # with the first answer, not at start

        return MemoryRecorder()

    return make


def no_progress() -> ProgressProvider:
    """No scores (the default of :attr:`AppConfig.progress`): :mod:`quiz.tui.progress` is
    imported when one is made, not with this module; ``quiz play`` is given the scores
    themselves and paints its first question without it."""
    from quiz.tui.progress import NoProgress

    return NoProgress()


class StartHome(Struct, frozen=True):
    """Open on the home screen (``quiz``)."""


class StartPlay(Struct, frozen=True):
    """Go straight into a quiz on ``bank`` (``quiz play BANK``)."""

    bank: Bank
    options: Options = field(default_factory=Options)


class StartStats(Struct, frozen=True):
    """Open on the stats screen (``quiz stats``)."""


class StartReview(Struct, frozen=True):
    """Open on today's review (``quiz review``): every bank, or only ``bank``; with ``cram``,
    practise ``bank`` straight away without touching its schedule."""

    bank: Bank | None = None
    cram: bool = False
    new_limit: int = 20
    seed: int | None = None


class StartAuthor(Struct, frozen=True):
    """Open on the authoring screen (``quiz author``): the draft ``make()`` builds (called on a
    worker thread: generating from an article takes seconds), saved to ``save_to``."""

    make: Callable[[], Draft]
    save_to: Path
    making: str = ""  # what is shown while the draft is made ("Drafting questions from x.txt")
    notice: str = ""  # shown once the draft is open (a bank's comments will not be kept, …)


class StartReport(Struct, frozen=True):
    """Open on an item analysis (``quiz report BANK --tui``), computed before the app starts."""

    report: Report


class AppConfig(Struct, frozen=True):
    """How the app is wired. Every field has a safe default except the data dir."""

    data_dir: Path
    """Where scores and the user's own banks live (never shown on screen in tests)."""

    bank_folders: tuple[Path, ...] | None = None
    """Folders searched for banks; None means the shipped folder and ``DATA_DIR/banks``."""

    recorder_factory: RecorderFactory = field(default_factory=memory_recorders)
    """Where every answer goes."""

    progress: ProgressProvider = field(default_factory=no_progress)
    """Last scores and due counts for the home screen."""

    clock: Callable[[], datetime] = utc_now
    """Time of answers and how long each took (timezone aware)."""

    start: StartHome | StartPlay | StartStats | StartReview | StartAuthor | StartReport = field(
        default_factory=StartHome
    )
    """The first screen."""

    stats: StatsSource | None = None
    """Where the stats screen's figures come from: ``(now, the questions the banks have now)
    -> Stats``, called on a worker thread (:func:`quiz.commands.stats.store_stats` makes one
    over a store). None: no scores can be read, and the screen says so."""

    theme: str = "textual-dark"
    """The starting theme; a key toggles between light and dark."""

    calm_errors: bool = False
    """Show a calm message instead of a traceback on an unexpected error (the CLI sets it;
    tests leave it off so that bugs fail loudly)."""

    scores: DeferredScores | None = None
    """The learner's scores, opened on a worker thread once the first screen is painted: the
    database the review asks and flags go to, and what is wrong with it (its notice is shown
    once). None: no scores can be read, and the review screen says so."""

    resume_collections: bool = False
    """The command line paused Python's cyclic garbage collector for the start
    (:func:`quiz.cli.main`, for ``quiz play``): the app turns it back on once the first screen
    is painted."""

    def folders(self) -> list[Path]:
        if self.bank_folders is not None:
            return list(self.bank_folders)
        return bank_dirs(self.data_dir)
