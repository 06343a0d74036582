"""``quiz stats [--json]``: the learner's progress.

Without ``--json`` the app opens on the stats screen. With it, one JSON object
(:meth:`quiz.stats.Stats.to_json_dict`) goes to stdout. Either way the figures count only the
questions the banks have now (:func:`quiz.library.current_banks`), so a removed question leaves
the due counts and the mastery figures while its history still counts as answers.

Reporting never needs to write: with no scores database yet, the figures are zeros and no file
is created; with a data dir that cannot be written, the database is read as it is.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.commands import COMMANDS

if TYPE_CHECKING:
    from quiz.stats import Stats
    from quiz.store import KnownQuestions, ScoreSnapshot, ScoreStore, Store
    from quiz.tui.config import StatsSource

__all__ = ["read_stats", "register", "run", "say_store_notice", "store_stats"]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from quiz.commands.options import add_data_dir_option

    parser = subparsers.add_parser(
        "stats",
        help=COMMANDS["stats"],
        description=(
            "Show your progress: answers per day, accuracy, what falls due, true retention, "
            "mastery per bank and per tag, and your streak. --json prints the figures as one "
            "JSON object for scripts."
        ),
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object and exit")
    add_data_dir_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from quiz.commands.options import resolve_data_dir

    data_dir = resolve_data_dir(args)
    if not args.json:
        from quiz.commands.home import launch
        from quiz.tui.config import StartStats

        return launch(data_dir, StartStats())

    from quiz.library import current_banks, library_files

    banks = current_banks(library_files(data_dir), data_dir / "cache")
    stats = read_stats(data_dir, banks.questions)
    # one write: json.dump with an indent hands stdout some 25,000 small pieces
    sys.stdout.write(json.dumps(stats.to_json_dict(), indent=2, ensure_ascii=False) + "\n")
    return 0


# ---------------------------------------------------------------------- reading the scores


def say_store_notice(store: Store) -> None:
    """Print on stderr what opening ``store`` did that the learner should know (a damaged file
    set aside and where it is, answers saved from the pending-answers journal), in the words
    the app shows: a command that opens the store itself must not let a history vanish from
    its figures without a word. Paths in it are escaped, never printed raw."""
    from quiz.recording.scores import store_notice
    from quiz.safe_text import printable

    notice = store_notice(store)
    if notice:
        print("\n".join(printable(line) for line in notice.split("\n")), file=sys.stderr)


def store_stats(store: ScoreStore) -> StatsSource:
    """A stats source over an open store (for :class:`quiz.tui.config.AppConfig`); the stats
    code is imported when the stats are first asked for, not at start-up."""

    def source(now: datetime, known: KnownQuestions | None) -> Stats:
        from quiz.stats import compute_stats

        return compute_stats(store, now, known_questions=known)

    return source


def read_stats(
    data_dir: Path,
    known: KnownQuestions | None,
    *,
    clock: Callable[[], datetime] | None = None,
) -> Stats:
    """The stats of the scores in ``data_dir``, writing nothing that is not already there.

    A database at this version's schema with no answers waiting in the pending-answers
    journal is read as it is, through a read-only connection (:mod:`quiz.store.read_only`):
    opening the store would switch the file to WAL, migrate and start a background check, work
    a report that changes nothing need not do. That path still runs the check opening runs,
    within the same budget (:func:`quiz.store.check.refuse_if_damaged`, 0.25 s at most, 1 ms
    for a learner's first months): damage in the middle of the file, its header intact, reads
    without complaint and would give wrong figures without a word. Anything unusual (damage
    found, an older schema, answers to replay, a file SQLite cannot read) goes through
    :meth:`Store.open`, which sets a damaged file aside, migrates, replays and reports on
    stderr as it does for every command (the figures are then those of the new file its
    notice names).

    No database yet: the stats of an empty one (made in a temporary folder, so that the
    figures have the very same shape). A database in a folder that cannot be written: read
    through a read-only connection, after the same check (a damaged one cannot be set aside
    there, so it is refused). Anything else wrong raises :class:`StoreError`.

    A file too big for the check to finish in its budget is read on as it is (as opening
    does, which leaves the rest to a thread a one-shot report does not wait for); damage that
    the figures' queries walk onto still raises, and is reported, never printed as figures.
    """
    from quiz.store import DB_NAME, Store, StoreError
    from quiz.store.journal import JOURNAL_NAME

    path = data_dir / DB_NAME
    if not path.exists():
        with (
            tempfile.TemporaryDirectory(prefix="quiz-stats-") as scratch,
            Store.open(Path(scratch), clock=clock) as empty,
        ):
            return _compute(empty, known)
    if not (data_dir / JOURNAL_NAME).exists():
        as_it_is = _read_as_it_is(path, known, clock)
        if as_it_is is not None:
            return as_it_is
    try:
        store = Store.open(data_dir, clock=clock)
    except StoreError as error:
        if error.problem != "unwritable":
            raise
        return _read_only(path, known, clock, error)
    with store:
        say_store_notice(store)
        return _compute(store, known)


def _compute(store: ScoreStore, known: KnownQuestions | None) -> Stats:
    from quiz.stats import compute_stats

    return compute_stats(store, known_questions=known)


def _read_as_it_is(
    path: Path, known: KnownQuestions | None, clock: Callable[[], datetime] | None
) -> Stats | None:
    """Stats through a read-only connection, or None when anything is unusual (the caller
    then opens the store the usual way, which says what is wrong)."""
    from quiz.store.read_only import read_as_it_is

    return read_as_it_is(path, _collector(known, clock))


def _read_only(
    path: Path,
    known: KnownQuestions | None,
    clock: Callable[[], datetime] | None,
    cause: Exception,
) -> Stats:
    """Stats from a database whose folder cannot be written (a backup on read-only media, a
    shared machine). The file must already be at this version's schema: nothing migrates;
    otherwise ``cause`` (why the store could not open) is raised."""
    from quiz.store.read_only import read_where_unwritable

    stats = read_where_unwritable(path, _collector(known, clock))
    if stats is None:
        raise cause
    return stats


def _collector(
    known: KnownQuestions | None, clock: Callable[[], datetime] | None
) -> Callable[[ScoreSnapshot], Stats]:
    """The stats of one snapshot of a file read as it is, at the clock's now (its time zone
    gives the days; the retention aimed at is the default one, as the file does not say)."""
    from quiz.srs import DEFAULT_DESIRED_RETENTION
    from quiz.stats import collect_stats
    from quiz.store import local_now

    def collect(reads: ScoreSnapshot) -> Stats:
        now = (clock or local_now)()
        return collect_stats(
            reads,
            now,
            zone=now.tzinfo,
            desired_retention=DEFAULT_DESIRED_RETENTION,
            known_questions=known,
        )

    return collect
