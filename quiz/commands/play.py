"""``quiz play BANK [--count N] [--type T]... [--tag T]... [--seed S]``: a quiz straight away."""

from __future__ import annotations

import argparse
import sys

from quiz.bank.model import QUESTION_TYPES
from quiz.commands import COMMANDS


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from quiz.cli import add_data_dir_option, whole_number

    parser = subparsers.add_parser(
        "play",
        help=COMMANDS["play"],
        description="Play a quiz on BANK (a bank file, or the id of a shipped or user bank).",
    )
    parser.add_argument("bank", metavar="BANK", help="a bank file or a bank id")
    parser.add_argument(
        "--count", type=whole_number(1), metavar="N", help="ask at most N questions"
    )
    parser.add_argument(
        "--type", action="append", dest="types", metavar="T", choices=sorted(QUESTION_TYPES),
        help="only questions of this type (repeatable): " + ", ".join(sorted(QUESTION_TYPES)),
    )
    parser.add_argument(
        "--tag", action="append", dest="tags", metavar="T",
        help="only questions with this tag (repeatable)",
    )
    parser.add_argument("--seed", type=int, metavar="S", help="a fixed order, for repeatable runs")
    from quiz.commands.review import add_recover_option

    add_recover_option(parser)
    add_data_dir_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from quiz.bank import BankError
    from quiz.bank.cache import BankCache
    from quiz.cli import resolve_data_dir
    from quiz.session import Options, Session
    from quiz.shelf import open_in_library

    data_dir = resolve_data_dir(args)
    path, note = open_in_library(args.bank, data_dir)
    if note:
        print(f"quiz: {note}", file=sys.stderr)
    try:
        bank = BankCache(data_dir / "cache").load(path)
    except BankError as error:
        for line in error.lines():
            print(line, file=sys.stderr)
        return 1
    options = Options(
        count=args.count,
        types=tuple(args.types or ()),
        tags=tuple(args.tags or ()),
        seed=args.seed,
    )
    Session.start(bank, options)  # NoQuestions (exit 1) before the screen changes

    from quiz.commands.home import launch
    from quiz.tui.config import StartPlay

    return launch(data_dir, StartPlay(bank, options), recover=args.recover)
