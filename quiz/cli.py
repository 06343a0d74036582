"""The ``quiz`` entry point: parses argv and hands off to one subcommand module.

Exit codes: 0 ok, 1 bad input, 2 usage. No traceback ever reaches the user for bad input:
commands raise :class:`quiz.errors.QuizError` with a message meant for people.
"""

from __future__ import annotations

import gc
import importlib
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from quiz import __version__
from quiz.commands import COMMANDS
from quiz.commands.options import add_data_dir_option
from quiz.errors import QuizError

if TYPE_CHECKING:
    import argparse
    from types import SimpleNamespace


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The full parser of the command named in ``argv``: only the module of the command being
    run is imported (every module when ``argv`` is None, for tests and documentation). The
    other commands get a one-line entry when ``quiz --help`` (or an unknown command) may list
    them; a command run as ``quiz play BANK`` does not build them (an argparse parser each,
    about 0.7 ms at every start). ``argparse`` itself is imported here, not with this module:
    a plain ``quiz play`` line is read without it (:func:`quiz.commands.play.quick_args`)."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="quiz",
        description="Turn news articles into question banks and drill them with spaced repetition.",
    )
    parser.add_argument("--version", action="version", version=f"quiz {__version__}")
    add_data_dir_option(parser)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    wanted = None if argv is None else command_in(argv)
    listed = wanted is None or asks_top_level_help(argv or ())
    for name, help_line in COMMANDS.items():
        if argv is None or name == wanted:
            importlib.import_module(f"quiz.commands.{name}").register(subparsers)
        elif listed:
            subparsers.add_parser(name, help=help_line, add_help=False)
    return parser


def _parse(parser: argparse.ArgumentParser, argv: Sequence[str]) -> argparse.Namespace:
    """``argv`` parsed; words no option takes are a usage error of the command they were
    given to, with its usage ("quiz play BANK --bogus" printed the usage of ``quiz`` itself,
    which lists no option of ``play``: a new user's trial, session 13)."""
    args, extra = parser.parse_known_args(argv)
    if extra:
        import argparse

        commands = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        command = getattr(args, "command", None)
        owner = commands[0].choices.get(command, parser) if commands and command else parser
        owner.error(f"unrecognized arguments: {' '.join(extra)}")
    return args


def command_in(argv: Sequence[str]) -> str | None:
    """The subcommand ``argv`` names (its first word that is not an option or the value of
    ``--data-dir``), if it names one."""
    words = iter(argv)
    for word in words:
        if word == "--data-dir":
            next(words, None)
        elif not word.startswith("-"):
            return word if word in COMMANDS else None
    return None


def asks_top_level_help(argv: Sequence[str]) -> bool:
    """Whether ``-h`` or ``--help`` comes before the command (``quiz --help play`` lists every
    command, as ``quiz --help`` does)."""
    for word in argv:
        if word in ("-h", "--help"):
            return True
        if word in COMMANDS:
            return False
    return False


def main(argv: Sequence[str] | None = None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    # ``quiz play``: no cyclic garbage collection until the first question is painted (the
    # app turns it back on then: ``QuizApp._resume_collections``). Importing Textual and quiz
    # and building the first screen allocate some 50,000 objects, nearly all of them alive
    # for the whole quiz, and the collector walked them some 80 times on the way (about 10 ms
    # of CPU before the app ran, 20 ms off the first paint).
    paused = command_in(argv) == "play" and gc.isenabled()
    if paused:
        gc.disable()
    try:
        return _run(argv)
    finally:
        if paused:
            gc.enable()


def _run(argv: Sequence[str]) -> int:
    args: argparse.Namespace | SimpleNamespace | None = None
    if command_in(argv) == "play":  # the commonest start, read without argparse's parsers
        from quiz.commands.play import quick_args

        args = quick_args(argv)
    if args is None:
        args = _parse(build_parser(argv), argv)
    func = getattr(args, "func", None)
    try:
        if func is None:
            from quiz.commands.home import run_home

            return run_home(args)
        return int(func(args) or 0)
    except QuizError as error:
        from quiz.safe_text import printable

        lines = str(error).split("\n")  # paths and bank text shown escaped, never raw
        print(
            "\n".join(printable(line) for line in [f"quiz: {lines[0]}", *lines[1:]]),
            file=sys.stderr,
        )
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
