"""``quiz export BANK --format F -o OUT``: a bank for Moodle, Anki, a spreadsheet or paper."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from quiz.atomic import write_atomic
from quiz.commands import COMMANDS
from quiz.commands.options import add_data_dir_option, make_parent_folders, resolve_data_dir
from quiz.errors import QuizError
from quiz.export import FORMATS, format_for_path
from quiz.safe_text import printable

_FORMAT_HELP = "; ".join(f"{f.name}: {f.description} ({f.suffix})" for f in FORMATS.values())


class ExportError(QuizError):
    pass


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "export",
        help=COMMANDS["export"],
        description="Write a bank for Moodle (GIFT, Aiken), Anki (.apkg), a spreadsheet (CSV) "
        "or paper (Markdown, HTML). What a format cannot hold is skipped and said on stderr, "
        "and each text written differently is warned about there. Options are shuffled, the "
        "same way on every run.",
    )
    parser.add_argument("bank", metavar="BANK", help="a bank file, or the id of a bank")
    parser.add_argument(
        "-f",
        "--format",
        choices=list(FORMATS),
        metavar="F",
        help=f"one of {', '.join(FORMATS)} (default: from the suffix of OUT). {_FORMAT_HELP}",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="the file to write, '-' for standard output (text formats); "
        "default: BANK-ID.SUFFIX in the current folder (BANK-ID.aiken.txt for Aiken); never "
        "a bank (this one, one of your library or any quiz bank file), a bank's article, or "
        "a .yaml/.yml name",
    )
    parser.add_argument(
        "--seed",
        type=int,
        metavar="N",
        help="shuffle the options (choices, matching options, ordering items) another way; "
        "the default shuffle is fixed by the bank and question ids, so the same bank always "
        "exports the same file",
    )
    add_data_dir_option(parser)
    parser.set_defaults(func=run, export_parser=parser)


def run(args: argparse.Namespace) -> int:
    from quiz.bank import BankError, load_bank
    from quiz.commands.bank_input import find_bank, say_bank_error
    from quiz.commands.overwrite import refuse_to_overwrite

    parser: argparse.ArgumentParser = args.export_parser
    output: str | None = args.output
    name = args.format or (format_for_path(output) if output and output != "-" else None)
    if name is None:
        parser.error(
            f"give --format ({', '.join(FORMATS)})"
            + (f": the suffix of {output!r} does not say which" if output and output != "-" else "")
        )
    fmt = FORMATS[name]
    if output == "-" and fmt.binary:
        parser.error(f"{name} writes a binary {fmt.suffix} file; give a file name with -o")

    data_dir = resolve_data_dir(args)
    try:
        path = find_bank(args.bank, data_dir)
        bank = load_bank(path)
    except BankError as error:  # FILE:LINE: message, as quiz check says it (no "quiz: ")
        return say_bank_error(error, one_line=True)

    target = None
    if output != "-":
        target = Path(output) if output else default_target(bank.id, name, fmt.suffix)
        refuse_to_overwrite(
            target,
            data_dir,
            what=name,
            bank_path=path,
            article=bank.source.file,
            other_name=f"{target.stem}{fmt.suffix}",
            error=ExportError,
        )

    result = fmt.export(bank, seed=args.seed)
    # notes, warnings and the target can quote bank text or a path: escaped, never raw
    for note in result.notes:
        print(printable(f"quiz export: {note}"), file=sys.stderr)
    for warning in result.warnings:
        print(printable(f"quiz export: warning: {warning}"), file=sys.stderr)

    if target is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(result.data)
        sys.stdout.buffer.flush()
        return 0
    write_atomically(target, result.data)
    print(
        printable(
            f"wrote {result.exported} of {len(bank.questions)} questions to {target} ({name})"
        ),
        file=sys.stderr,
    )
    return 0


def default_target(bank_id: str, name: str, suffix: str) -> Path:
    """``BANK-ID.SUFFIX`` in the current folder; a plain-text format's name goes before its
    suffix (``BANK-ID.aiken.txt``), since ``BANK-ID.txt`` is the name ``quiz generate`` gives
    the article it keeps beside the bank."""
    return Path(f"{bank_id}.{name}{suffix}" if suffix == ".txt" else f"{bank_id}{suffix}")


def write_atomically(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` with :func:`quiz.atomic.write_atomic`: a failed export never
    leaves half a file, and an existing file is replaced only once the new one is complete. A
    missing folder is made (and said); a failure is an :class:`ExportError` naming the file."""
    target = target.expanduser()
    if target.is_dir():
        raise ExportError(f"cannot write {target}: it is a folder")
    make_parent_folders(target)
    try:
        write_atomic(target, data, make_folder=False)
    except OSError as error:
        reason = error.strerror or str(error)
        raise ExportError(f"cannot write {target}: {reason}") from None
