"""``quiz report BANK [--results FILE]... [--local] [--json]``: item analysis for a teacher.

Without ``--results`` the report covers the answers recorded on this computer (and the flags
learners raised here). With ``--results`` it covers exactly the files given: a teacher's report
over the class, in which the teacher's own practice answers have no place; ``--local`` adds
this computer's answers and flags to the files.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from quiz.cli import add_data_dir_option, resolve_data_dir
from quiz.commands import COMMANDS
from quiz.errors import QuizError

LOCAL = "this computer"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "report",
        help=COMMANDS["report"],
        description="Per question of BANK: how often it was asked, the share answered right, "
        "how often each wrong option was picked (multiple choice) or the most common wrong "
        "answers (other types), the median time, and learners' flags; hardest first. "
        "Without --results: the answers recorded on this computer. With --results: only the "
        "files given (each written by `quiz results export`; the same answer in two files "
        "counts once).",
    )
    parser.add_argument("bank", metavar="BANK", help="a bank file, or the id of a bank")
    parser.add_argument(
        "--results",
        action="append",
        default=[],
        metavar="FILE",
        help="a learner's results file (JSON Lines from `quiz results export`); repeatable. "
        "Flags stay on each learner's computer: results files do not carry them",
    )
    parser.add_argument(
        "--local",
        action="store_true",
        help="with --results: also count the answers and flags recorded on this computer",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object for scripts")
    add_data_dir_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from quiz.bank import BankError, load_bank
    from quiz.library import bank_dirs, resolve_bank
    from quiz.report import ResultsError, analyse, format_text, read_results, to_json

    data_dir = resolve_data_dir(args)
    path = resolve_bank(args.bank, bank_dirs(data_dir))
    try:
        bank = load_bank(path)
    except BankError as error:
        more = len(error.problems) - 1
        extra = f" (and {more} more; run: quiz check {path})" if more > 0 else ""
        raise QuizError(f"{error.lines()[0]}{extra}") from None

    attempts: list[Any] = []
    flags: list[Any] = []
    sources: list[tuple[str, int]] = []
    problems: list[str] = []
    for name in args.results:
        try:
            found = read_results(name)
        except ResultsError as error:
            problems.extend(error.lines)
            continue
        mine = [a for a in found if a.bank_id == bank.id]
        attempts.extend(mine)
        sources.append((name, len(mine)))
    if problems:
        for line in problems:
            print(line, file=sys.stderr)
        return 1
    if not args.results or args.local:
        local, local_flags = _local(data_dir, bank.id)
        attempts.extend(local)
        flags.extend(local_flags)
        if args.results:
            sources.append((LOCAL, len(local)))

    report = analyse(bank, attempts, flags, sources=sources)
    if args.json:
        print(json.dumps(to_json(report), ensure_ascii=False, indent=2))
    else:
        print("\n".join(format_text(report)))
    return 0


def _local(data_dir: Path, bank_id: str) -> tuple[list[Any], list[Any]]:
    """This computer's answers to the bank and learners' flags on it (none if no scores
    database exists yet: a report never creates one)."""
    import tempfile

    from quiz.report import read_results
    from quiz.store import DB_NAME, Store

    if not (data_dir / DB_NAME).exists():
        return [], []
    with Store.open(data_dir) as store, tempfile.TemporaryDirectory(prefix="quiz-") as scratch:
        path = Path(scratch) / "results.jsonl"
        store.export_results(path, bank_ids=[bank_id])
        return read_results(path), store.flags(bank_id)
