"""``quiz results export -o FILE [--bank BANK]``: the portable results file a learner hands in.

The file is JSON Lines (``quiz-results/1``, one answer per line, see :mod:`quiz.store.export`);
a teacher merges any number of them with ``quiz report BANK --results FILE...``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from quiz.commands import COMMANDS
from quiz.commands.bank_input import says_bank_errors
from quiz.commands.options import add_data_dir_option, make_parent_folders, resolve_data_dir
from quiz.errors import QuizError
from quiz.safe_text import json_printable, printable


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "results",
        help=COMMANDS["results"],
        description="Work with the answers recorded on this computer.",
    )
    actions = parser.add_subparsers(dest="results_action", metavar="ACTION", required=True)
    export = actions.add_parser(
        "export",
        help="write every answer to a results file (JSON Lines) for a teacher",
        description="Write the answers recorded on this computer to FILE (JSON Lines, format "
        "quiz-results/1): one line per answer with the bank, the question, what was "
        "answered, whether it was right, how long it took and the flags raised on the "
        "question (reason and note). It names no one: the learner "
        "is a random id made when the scores database was created. A teacher merges these "
        "files with `quiz report BANK --results FILE...`.",
    )
    export.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE",
        help="the file to write (.jsonl), '-' for standard output",
    )
    export.add_argument(
        "--bank",
        action="append",
        dest="banks",
        metavar="BANK",
        help="only answers to this bank (a bank file or id; repeatable)",
    )
    add_data_dir_option(export)
    export.set_defaults(func=run_export)


def _bank_id(name: str, data_dir: Path) -> str:
    from quiz.bank import load_bank
    from quiz.bank.validate import BANK_ID
    from quiz.commands.bank_input import find_bank
    from quiz.library import UnknownBank

    try:
        path = find_bank(name, data_dir)  # a missing file: FILE: the bank file was not found
    except UnknownBank:
        if BANK_ID.match(name):
            return name  # answers to a bank that is no longer on disk
        raise
    return load_bank(path).id  # a BankError is said as FILE:LINE: message (says_bank_errors)


@says_bank_errors
def run_export(args: argparse.Namespace) -> int:
    import tempfile

    from quiz.store import DB_NAME, Store

    data_dir = resolve_data_dir(args)
    bank_ids = None if not args.banks else [_bank_id(b, data_dir) for b in args.banks]
    to_stdout = args.output == "-"
    target = Path(args.output).expanduser()
    if not to_stdout and target.is_dir():
        raise QuizError(f"cannot write {target}: it is a folder")
    if not to_stdout:
        from quiz.commands.overwrite import refuse_to_overwrite

        refuse_to_overwrite(
            target, data_dir, what="a results file", other_name=f"{target.stem}.jsonl"
        )
    if not to_stdout:
        make_parent_folders(target)  # said on stderr, as quiz export and quiz generate say it
    with tempfile.TemporaryDirectory(prefix="quiz-results-") as scratch:
        written = Path(scratch) / "results.jsonl" if to_stdout else target
        flags = 0
        if not (data_dir / DB_NAME).exists():
            count = _write_empty(written)
        else:
            from quiz.commands.stats import say_store_notice

            with Store.open(data_dir) as store:
                say_store_notice(store)
                try:
                    count = store.export_results(written, bank_ids=bank_ids)
                except OSError as error:
                    raise QuizError(f"cannot write {target}: {error.strerror or error}") from None
                flags = sum(1 for f in store.flags() if bank_ids is None or f.bank_id in bank_ids)
        if to_stdout:
            # the same JSON values, with nothing raw that could recolour a terminal
            sys.stdout.write(json_printable(written.read_text(encoding="utf-8")))
            sys.stdout.flush()
    where = "standard output" if to_stdout else str(target)
    which = f" to {', '.join(bank_ids)}" if bank_ids else ""
    answers = "1 answer" if count == 1 else f"{count} answers"
    if flags:
        answers += " and 1 flag" if flags == 1 else f" and {flags} flags"
    print(printable(f"wrote {answers}{which} to {where}"), file=sys.stderr)
    if count == 0:
        print("note: no answers recorded on this computer yet", file=sys.stderr)
    return 0


def _write_empty(path: Path) -> int:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("", encoding="utf-8")
    except OSError as error:
        raise QuizError(f"cannot write {path}: {error.strerror or error}") from None
    return 0
