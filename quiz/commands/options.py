"""What several commands accept the same way: the data dir and whole-number options.

They live here, not in :mod:`quiz.cli`, so that a command never imports the module that
imports every command (the circle issue 18 names). ``argparse`` is imported where a parser is
built: a plain ``quiz play`` line is read without it (:func:`quiz.commands.play.quick_args`),
and importing it (with ``gettext``) took about 1.5 ms of every start.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse
    from types import SimpleNamespace


def whole_number(least: int) -> Callable[[str], int]:
    """An argparse ``type``: a whole number of at least ``least``, or a plain message."""

    def parse(text: str) -> int:
        import argparse

        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        if value < least:
            raise argparse.ArgumentTypeError(f"must be {least} or more: {value}")
        return value

    return parse


def is_date(text: str) -> bool:
    """Whether ``text`` is a real calendar date written YYYY-MM-DD (``2020-13-45`` is not)."""
    import datetime
    import re

    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return False
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def check_date_option(value: str | None) -> None:
    """Refuse a ``--date`` that is not a real date (a :class:`QuizError`, exit 1): it would be
    written into the bank as its ``as_of`` and ``source.published``."""
    from quiz.errors import QuizError

    if value is not None and not is_date(value):
        raise QuizError(f"--date {value!r} is not a date: give YYYY-MM-DD, like 2025-08-23")


def make_parent_folders(target: Path) -> None:
    """Make the missing folders above ``target``, a file a command is about to write (a teacher
    names where files go: ``-o class/week-3/quiz.gift``), and say on stderr which folder was
    made. Raises :class:`QuizError` naming the file when the folder cannot be made."""
    import sys

    from quiz.errors import QuizError
    from quiz.safe_text import printable

    folder = target.expanduser().parent
    if not str(folder) or folder.is_dir():
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise QuizError(
            f"cannot write {target}: cannot make the folder {folder} ({error.strerror or error})"
        ) from None
    print(printable(f"made the folder {folder}"), file=sys.stderr)


def add_data_dir_option(parser: argparse.ArgumentParser) -> None:
    """``--data-dir`` is accepted before or after the subcommand."""
    import argparse

    parser.add_argument(
        "--data-dir",
        type=Path,
        default=argparse.SUPPRESS,
        help="where scores live (default: $QUIZ_DATA_DIR or the platform data dir)",
    )


def resolve_data_dir(args: argparse.Namespace | SimpleNamespace) -> Path:
    """The data dir: ``--data-dir``, else ``$QUIZ_DATA_DIR``, else the platform's user data dir."""
    explicit = getattr(args, "data_dir", None)
    if explicit is not None:
        return Path(explicit).expanduser()
    from_env = os.environ.get("QUIZ_DATA_DIR")
    if from_env:
        return Path(from_env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("quiz", appauthor=False))
