"""``quiz banks [list|add PATH...|remove BANK...]``: the library of banks, on the command line.

The library is the shipped banks, the banks folder of the data dir and the bank files added from
elsewhere (see :mod:`quiz.library`); it is what the home screen, ``quiz review`` and
``quiz stats`` show.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from quiz.commands import COMMANDS
from quiz.plural import plural


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from quiz.commands.options import add_data_dir_option

    parser = subparsers.add_parser(
        "banks",
        help=COMMANDS["banks"],
        description=(
            "Your library of banks: the shipped ones, those in DATA_DIR/banks (where quiz "
            "generate and quiz author save), and bank files added from elsewhere (by quiz banks "
            "add, or by playing or saving a bank by its path). Adding a bank whose id another "
            "bank already has gives it a new id, so their scores never mix."
        ),
    )
    add_data_dir_option(parser)
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    listing = actions.add_parser("list", help="list the library (the default)")
    listing.add_argument("--json", action="store_true", help="print one JSON object")
    add = actions.add_parser("add", help="add bank files kept elsewhere")
    add.add_argument("paths", nargs="+", metavar="PATH", help="bank files (.yaml)")
    remove = actions.add_parser(
        "remove",
        help="take banks out of the library (files added from elsewhere stay where they are; "
        "banks of DATA_DIR/banks are moved to DATA_DIR/removed; scores are kept)",
    )
    remove.add_argument("names", nargs="+", metavar="BANK", help="bank ids or paths")
    for sub in (listing, add, remove):
        add_data_dir_option(sub)
    parser.set_defaults(func=run, action="list", json=False)


def run(args: argparse.Namespace) -> int:
    from quiz.commands.options import resolve_data_dir

    data_dir = resolve_data_dir(args)
    if args.action == "add":
        return _add(args.paths, data_dir)
    if args.action == "remove":
        return _remove(args.names, data_dir)
    return _list(data_dir, as_json=args.json)


def _add(paths: list[str], data_dir: Path) -> int:
    from quiz.bank.cache import BankCache
    from quiz.bank.errors import BankError
    from quiz.commands.bank_input import say_bank_error
    from quiz.errors import QuizError
    from quiz.shelf import add_bank

    failed = False
    for name in paths:
        try:
            # loaded first (through the cache, which add_bank then reads again at no cost) so
            # that a broken bank is said as FILE:LINE: message, as quiz check says it
            BankCache(data_dir / "cache").load(Path(name).expanduser())
        except BankError as error:
            say_bank_error(error)
            failed = True
            continue
        try:
            print(add_bank(Path(name), data_dir).message())
        except QuizError as error:
            print(f"quiz: {error}", file=sys.stderr)
            failed = True
    return 1 if failed else 0


def _remove(names: list[str], data_dir: Path) -> int:
    from quiz.errors import QuizError
    from quiz.shelf import remove_bank

    failed = False
    for name in names:
        try:
            print(remove_bank(name, data_dir))
        except QuizError as error:
            print(f"quiz: {error}", file=sys.stderr)
            failed = True
    return 1 if failed else 0


def _list(data_dir: Path, *, as_json: bool) -> int:
    from quiz.safe_text import printable
    from quiz.shelf import list_library

    entries = list_library(data_dir)
    if as_json:
        banks = [
            {
                "id": e.summary.id,
                "title": e.summary.title,
                "questions": e.summary.questions,
                "place": e.place,
                "path": e.summary.path,
                "errors": list(e.summary.errors),
            }
            for e in entries
        ]
        json.dump({"banks": banks}, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    if not entries:
        print("no banks yet: make one with `quiz generate ARTICLE`")
        return 0
    width = max(len(e.summary.id) for e in entries)
    for e in entries:
        what = (
            f"{plural(e.summary.questions, 'question'):>14}  {e.summary.title}"
            if e.summary.ok
            else "  broken: " + e.summary.errors[0]
        )
        print(printable(f"{e.summary.id:<{width}}  {e.place:<12}  {what}"))
        if e.place == "added":
            print(printable(f"{'':<{width}}  {'':<12}  {e.summary.path}"))
    return 0
