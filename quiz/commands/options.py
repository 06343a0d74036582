"""What several commands accept the same way: the data dir and whole-number options.

They live here, not in :mod:`quiz.cli`, so that a command never imports the module that
imports every command (the circle issue 18 names).
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from pathlib import Path


def whole_number(least: int) -> Callable[[str], int]:
    """An argparse ``type``: a whole number of at least ``least``, or a plain message."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        if value < least:
            raise argparse.ArgumentTypeError(f"must be {least} or more: {value}")
        return value

    return parse


def add_data_dir_option(parser: argparse.ArgumentParser) -> None:
    """``--data-dir`` is accepted before or after the subcommand."""
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=argparse.SUPPRESS,
        help="where scores live (default: $QUIZ_DATA_DIR or the platform data dir)",
    )


def resolve_data_dir(args: argparse.Namespace) -> Path:
    """The data dir: ``--data-dir``, else ``$QUIZ_DATA_DIR``, else the platform's user data dir."""
    explicit = getattr(args, "data_dir", None)
    if explicit is not None:
        return Path(explicit).expanduser()
    from_env = os.environ.get("QUIZ_DATA_DIR")
    if from_env:
        return Path(from_env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("quiz", appauthor=False))
