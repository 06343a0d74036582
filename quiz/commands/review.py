"""``quiz review [--bank BANK] [--cram] [--new N]``: spaced-repetition review of what is due.

Without ``--bank``, every bank found (shipped and the user's); due questions come first, most
overdue first, then new ones up to the daily limit. ``--cram`` practises one bank without
touching its schedule (without ``--bank``, the library's only bank when it has one).
``--recover`` copies into the scores file what can still be read of a damaged one set aside
(``quiz.db.damaged-DATE``: every start sets a damaged file aside by itself, and says so), and
keeps aside a file that is not SQLite, not quiz's or from a newer quiz, starting a new one
(:mod:`quiz.store.salvage`, :mod:`quiz.store.opening`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from quiz.commands import COMMANDS


def add_recover_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--recover",
        action="store_true",
        # A damaged file is set aside at every start without being asked; what --recover
        # adds is the copy of what can still be read, and the courage to move a file that
        # may not be quiz's at all.
        help="copy into your scores what can still be read of a damaged scores file set "
        "aside (quiz.db.damaged-DATE: a damaged file is kept aside and a new one started on "
        "its own, at any start); also keep aside a scores file that is not SQLite, not "
        "quiz's or from a newer quiz (renamed quiz.db.PROBLEM-DATE) and start a new one",
    )


def only_bank(data_dir: Path) -> Path | None:
    """The library's one usable bank, or None when it has several or none (broken files
    and a second file of the same bank id do not count)."""
    from quiz.bank.cache import BankCache
    from quiz.library import library_files

    summaries = BankCache(data_dir / "cache").summaries(library_files(data_dir))
    usable = {summary.id: summary for summary in reversed(summaries) if summary.ok}
    if len(usable) != 1:
        return None
    return Path(next(iter(usable.values())).path)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from quiz.commands.options import add_data_dir_option, whole_number
    from quiz.review import DEFAULT_NEW_LIMIT

    parser = subparsers.add_parser(
        "review",
        help=COMMANDS["review"],
        description="Review what is due across your banks (or one), most overdue first, then "
        "new questions up to a daily limit. --cram practises a bank without "
        "changing its schedule.",
    )
    parser.add_argument("--bank", metavar="BANK", help="only this bank (a file or a bank id)")
    parser.add_argument(
        "--cram",
        action="store_true",
        help="practise every question of --bank BANK (or of your only bank); the schedule "
        "is not touched",
    )
    parser.add_argument(
        "--new",
        type=whole_number(0),
        default=DEFAULT_NEW_LIMIT,
        metavar="N",
        help=f"new questions a day, across banks (default {DEFAULT_NEW_LIMIT})",
    )
    parser.add_argument("--seed", type=int, metavar="S", help="a fixed order, for repeatable runs")
    add_recover_option(parser)
    add_data_dir_option(parser)
    parser.set_defaults(func=run, parser=parser)


def run(args: argparse.Namespace) -> int:
    from quiz.bank import BankError
    from quiz.commands.bank_input import find_bank, say_bank_error
    from quiz.commands.loading import load_for_app
    from quiz.commands.options import resolve_data_dir
    from quiz.safe_text import printable
    from quiz.shelf import open_in_library

    data_dir = resolve_data_dir(args)
    if args.cram and not args.bank:
        only = only_bank(data_dir)
        if only is None:
            args.parser.error(
                "--cram practises one bank and your library has several (or "
                "none): add --bank BANK (quiz banks lists them)"
            )
        args.bank = str(only)
    bank = None
    if args.bank:
        try:
            find_bank(args.bank, data_dir)  # a missing file: FILE: the bank file was not found
            path, note = open_in_library(args.bank, data_dir)
            if note:
                print(printable(f"quiz: {note}"), file=sys.stderr)  # it names the file
            bank = load_for_app(path, data_dir)
        except BankError as error:
            return say_bank_error(error)
        if not bank.questions:
            print(printable(f"quiz: {path}: the bank has no questions"), file=sys.stderr)
            return 1

    from quiz.commands.home import launch
    from quiz.tui.config import StartReview

    start = StartReview(bank=bank, cram=args.cram, new_limit=args.new, seed=args.seed)
    return launch(data_dir, start, recover=args.recover)
