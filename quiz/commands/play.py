"""``quiz play BANK [--count N] [--type T]... [--tag T]... [--seed S]``: a quiz straight away."""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING

from quiz.bank.model import QUESTION_TYPES
from quiz.commands import COMMANDS

if TYPE_CHECKING:
    import argparse

    from quiz.bank.model import Bank
    from quiz.session import Options


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from quiz.commands.options import add_data_dir_option, whole_number

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
        "--type",
        action="append",
        dest="types",
        metavar="T",
        choices=sorted(QUESTION_TYPES),
        help="only questions of this type (repeatable): " + ", ".join(sorted(QUESTION_TYPES)),
    )
    parser.add_argument(
        "--tag",
        action="append",
        dest="tags",
        metavar="T",
        help="only questions with this tag (repeatable)",
    )
    parser.add_argument("--seed", type=int, metavar="S", help="a fixed order, for repeatable runs")
    from quiz.commands.review import add_recover_option

    add_recover_option(parser)
    add_data_dir_option(parser)
    parser.set_defaults(func=run)


#: The options of :func:`register` that take a value, as :func:`quick_args` reads them.
_VALUED = ("--data-dir", "--count", "--type", "--tag", "--seed")


def quick_args(argv: Sequence[str]) -> SimpleNamespace | None:
    """What the parser :func:`register` makes reads from a plain ``quiz play`` line, read
    without making it (the command line's parser and this command's took about 2 ms of every
    start, before the first question).

    Read here: ``--data-dir DIR`` before or after ``play``, then BANK, ``--count N``, ``--type
    T`` and ``--tag T`` (repeatable), ``--seed S`` and ``--recover``, each value its own word.
    Anything else returns None and the parser reads the line, saying what is wrong as it
    always has: ``--help``, ``--seed=1``, an abbreviation, a value starting with ``-``, an
    option given twice, a value the parser would refuse, no BANK or a second one
    (``tests/tui/test_play_start.py`` holds both readings equal).

    The line read is a :class:`~types.SimpleNamespace` with the attributes the parser's
    ``argparse.Namespace`` would have: :func:`run` reads attributes only, and importing
    ``argparse`` (with ``gettext``) for its ``Namespace`` took about 1.5 ms of the start."""
    found: dict[str, object] = {"command": "play", "recover": False, "func": run}
    found.update(dict.fromkeys(("count", "types", "tags", "seed")))
    words = iter(argv)
    for word in words:  # before the command: only the data dir
        if word == "play":
            break
        if word != "--data-dir" or "data_dir" in found:
            return None
        value = next(words, "")
        if not value or value.startswith("-"):
            return None
        found["data_dir"] = Path(value)
    else:
        return None
    for word in words:
        if word == "--recover":
            if found["recover"]:
                return None
            found["recover"] = True
        elif word in _VALUED:
            value = next(words, "")
            if not value or value.startswith("-") or not _take(found, word, value):
                return None
        elif word and not word.startswith("-") and "bank" not in found:
            found["bank"] = word
        else:
            return None
    if "bank" not in found:
        return None
    return SimpleNamespace(**found)


def _take(found: dict[str, object], option: str, value: str) -> bool:
    """Keep ``option``'s ``value`` in ``found`` as the parser would; False where the parser
    would say something instead (a value it refuses, a single option given twice)."""
    if option in ("--type", "--tag"):
        if option == "--type" and value not in QUESTION_TYPES:
            return False
        key = "types" if option == "--type" else "tags"
        kept = found[key]
        found[key] = [*kept, value] if isinstance(kept, list) else [value]
        return True
    key = option.removeprefix("--").replace("-", "_")
    if found.get(key) is not None:
        return False
    if key == "data_dir":
        found[key] = Path(value)
        return True
    try:
        number = int(value)
    except ValueError:
        return False
    if key == "count" and number < 1:
        return False
    found[key] = number
    return True


def run(args: argparse.Namespace | SimpleNamespace) -> int:
    from quiz.bank import BankError
    from quiz.bank.cache import no_collections
    from quiz.commands.bank_input import find_bank
    from quiz.commands.loading import load_for_app
    from quiz.commands.options import resolve_data_dir
    from quiz.safe_text import printable
    from quiz.session import Options
    from quiz.shelf import open_in_library

    data_dir = resolve_data_dir(args)
    # The collector stays paused from the load to the freeze below: resumed between them, its
    # first collection walked every container the load had just made (the young generation
    # held them all: 30 ms of a 100,000-question bank's start), only for all of them to be
    # frozen a moment later.
    with no_collections():
        try:
            # Loaded before it joins the library, so that a long first load shows its
            # progress bar; putting it into the library then reuses the bank just loaded.
            bank = load_for_app(find_bank(args.bank, data_dir), data_dir)
            path, note = open_in_library(args.bank, data_dir)
            if note:
                print(printable(f"quiz: {note}"), file=sys.stderr)  # it names the file
            if note or path != Path(bank.path):  # added (or given a new id): as it is now
                bank = load_for_app(path, data_dir)
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
        check_something_to_ask(bank, options)  # NoQuestions (exit 1) before the screen changes
        # Everything alive now (the bank above all: a million objects for 100,000 questions)
        # lives as long as the quiz: out of the collector's sight, building the session and
        # every later collection skip it (about 15 % of a big bank's session start).
        gc.freeze()

    from quiz.commands.home import launch
    from quiz.tui.config import StartPlay

    return launch(data_dir, StartPlay(bank, options), recover=args.recover)


def check_something_to_ask(bank: Bank, options: Options) -> None:
    """Raise :class:`~quiz.session.NoQuestions` when the filters leave nothing to ask.

    The app starts the session itself, once: starting one here too, only to see it is not
    empty, shuffled and spaced a 100,000-question bank twice before the first question (over
    a second). Without filters only an empty bank has nothing to ask; with them, the filter
    alone runs here (no shuffle, no spacing)."""
    from quiz.session import Session
    from quiz.session.choosing import filtered_positions

    if options.types or options.tags or options.only:
        if filtered_positions(bank, options):  # a big cached bank builds no question for it
            return
    elif bank.questions:
        return
    Session.start(bank, options, questions=())  # says why, as a session start would
