"""A BANK argument becomes a bank file, and a bank that cannot be loaded is said the same way by
every command: one ``FILE:LINE: what is wrong`` line per problem on stderr, as ``quiz check``
prints them, with no ``quiz:`` in front (that prefix is for messages that name no line of a
file), exit 1. A missing bank file named by its path reads the same everywhere too:
``FILE: the bank file was not found``.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

    from quiz.bank.errors import BankError

__all__ = ["find_bank", "meant_file", "say_bank_error", "says_bank_errors"]


def find_bank(name: str, data_dir: Path) -> Path:
    """The bank file ``name`` names (a path, or the id of a bank of the library, as
    :func:`quiz.library.resolve_bank` finds it). A name that can only be a path (a folder in
    it, or a ``.yaml``/``.yml`` suffix, which no id has) and names no file raises the loader's
    :class:`~quiz.bank.errors.BankError` (``FILE: the bank file was not found``), as
    ``quiz check`` reports it; an unknown id raises :class:`~quiz.library.UnknownBank`."""
    from quiz.library import UnknownBank, bank_dirs, resolve_bank

    try:
        return resolve_bank(name, bank_dirs(data_dir), data_dir)
    except UnknownBank:
        path = Path(name).expanduser()
        if "/" in name or "\\" in name or path.suffix.lower() in (".yaml", ".yml"):
            from quiz.bank.errors import BankError, Problem
            from quiz.bank.loader import load_bank

            try:
                load_bank(path)  # raises the loader's own error for the file (not found, …)
            except BankError as error:
                hint = "" if path.exists() else meant_file(path)
                if hint:  # a mistyped file name: the bank files beside it with a close name
                    problems = [Problem(p.line, p.message + hint) for p in error.problems]
                    raise BankError(error.path, problems) from None
                raise
        raise


def meant_file(path: Path) -> str:
    """ "; did you mean 'FOLDER/NAME.yaml'?" naming the bank files in ``path``'s folder whose
    names are close to its name, or "" when none is."""
    from quiz.library import similar_names

    try:
        names = [p.name for p in path.parent.iterdir() if p.suffix in (".yaml", ".yml")]
    except OSError:
        return ""
    close = similar_names(path.name, names)
    if not close:
        return ""
    return "; did you mean " + " or ".join(repr(str(path.parent / c)) for c in close) + "?"


def say_bank_error(error: BankError, *, one_line: bool = False) -> int:
    """Print a bank's load error on stderr, one ``FILE:LINE: message`` per problem (or, with
    ``one_line``, the first and how many more, pointing at ``quiz check``); returns 1."""
    from quiz.safe_text import printable

    lines = error.lines()  # escaped already
    if one_line and len(lines) > 1:
        more = f" (and {len(lines) - 1} more; run: quiz check {printable(error.path)})"
        lines = [lines[0] + more]
    for line in lines:
        print(line, file=sys.stderr)
    return error.exit_code


def says_bank_errors(
    run: Callable[[argparse.Namespace], int],
) -> Callable[[argparse.Namespace], int]:
    """A command's ``run`` that prints a bank's load error escaping it with
    :func:`say_bank_error` (not as ``quiz: …``) and exits 1."""

    @functools.wraps(run)
    def wrapped(args: argparse.Namespace) -> int:
        from quiz.bank.errors import BankError

        try:
            return run(args)
        except BankError as error:
            return say_bank_error(error)

    return wrapped
