"""``quiz report BANK [--results FILE]... [--local] [--json | --format F] [-o OUT] [--tui]``:
item analysis for a teacher.

Without ``--results`` the report covers the answers recorded on this computer (and the flags
learners raised here). With ``--results`` it covers exactly the files given: a teacher's report
over the class, in which the teacher's own practice answers have no place; ``--local`` adds
this computer's answers and flags to the files. Learners are named after the file they handed
in (``alice.jsonl`` is "alice"): the ids inside the files are random.

The report is computed here (:mod:`quiz.report`, pure) and then written as text, JSON, CSV or
HTML, or shown in the TUI (``--tui``, :mod:`quiz.tui.screens.report`), which never opens the
scores database: a report reads, it never writes scores.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quiz.commands import COMMANDS
from quiz.commands.options import add_data_dir_option, resolve_data_dir
from quiz.safe_text import json_printable, printable

if TYPE_CHECKING:
    from quiz.report import Report

LOCAL = "this computer"
FORMATS = ("text", "json", "csv", "html")
#: The file name a refused ``-o`` suggests instead, by format.
_SUFFIX = {"text": "txt", "json": "json", "csv": "csv", "html": "html"}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "report",
        help=COMMANDS["report"],
        description="Per question of BANK: how often it was asked, the share answered right, "
        "how often each wrong option was picked (multiple choice) or the most common wrong "
        "answers (other types), the median time, learners' flags, and the discrimination "
        "index (point-biserial correlation with the score on the other questions; negative "
        "or under 0.20 is flagged with the likely reason, from 5 learners); hardest first. "
        "Then per learner: attempts, score and the questions missed. "
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
        help="a learner's results file (JSON Lines from `quiz results export`, with the "
        "learner's flags on questions); repeatable",
    )
    parser.add_argument(
        "--local",
        action="store_true",
        help="with --results: also count the answers and flags recorded on this computer",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object for scripts")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        help="text (the default), json (as --json), csv (a spreadsheet: the questions, then "
        "the learners) or html (a standalone page)",
    )
    parser.add_argument(
        "-o", "--output", metavar="OUT", help="write the report to OUT instead of printing it"
    )
    parser.add_argument(
        "--tui",
        action="store_true",
        help="show the report in the terminal app: questions to check first, then the "
        "learners; q quits",
    )
    add_data_dir_option(parser)
    parser.set_defaults(func=run, report_parser=parser)


def run(args: argparse.Namespace) -> int:
    from quiz.bank import BankError, load_bank
    from quiz.commands.bank_input import find_bank, say_bank_error
    from quiz.report import ResultsError, analyse, learner_names, read_results

    fmt = _format(args)
    data_dir = resolve_data_dir(args)
    try:
        bank_path = find_bank(args.bank, data_dir)
        bank = load_bank(bank_path)
    except BankError as error:  # FILE:LINE: message, as quiz check says it (no "quiz: ")
        return say_bank_error(error, one_line=True)
    if args.output and args.output != "-":
        from quiz.commands.overwrite import refuse_to_overwrite

        refuse_to_overwrite(
            Path(args.output),
            data_dir,
            what="the report",
            bank_path=bank_path,
            article=bank.source.file,
            other_name=f"{Path(args.output).stem}.{_SUFFIX.get(fmt, 'txt')}",
        )

    attempts: list[Any] = []
    flags: list[Any] = []
    sources: list[tuple[str, int]] = []
    files: list[tuple[str, list[Any]]] = []
    problems: list[str] = []
    for name in args.results:
        noted: list[Any] = []
        try:
            found = read_results(name, noted)
        except ResultsError as error:
            problems.extend(error.lines)
            continue
        mine = [a for a in found if a.bank_id == bank.id]
        attempts.extend(mine)
        flags.extend(f for f in noted if f.bank_id == bank.id)
        sources.append((name, len(mine)))
        files.append((name, mine))
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
        files.append((LOCAL, local))

    report = analyse(bank, attempts, flags, sources=sources, names=learner_names(files))
    if args.tui:
        return _show(data_dir, report)
    text = _render(report, fmt)
    if args.output and args.output != "-":
        from quiz.commands.export import write_atomically

        target = Path(args.output)
        write_atomically(target, text.encode("utf-8"))
        print(printable(f"wrote the report ({fmt}) to {target}"), file=sys.stderr)
    else:
        sys.stdout.write(_for_terminal(text, fmt))
    return 0


def _for_terminal(text: str, fmt: str) -> str:
    """``text`` as printed to standard output: bank text, learners' answers and results file
    names quoted in it are escaped (``\\x1b``, ``\\u202e``), never sent raw, so a bank or a
    handed-in file cannot recolour the terminal or reverse what follows. JSON keeps the same
    value for a script (:func:`~quiz.safe_text.json_printable`); a file written with ``-o``
    keeps the exact text."""
    if fmt == "json":
        return json_printable(text)
    lines = text.split("\n")  # CSV rows end in \r\n: the \r stays the row's end
    return "\n".join(
        printable(line[:-1]) + "\r" if line.endswith("\r") else printable(line) for line in lines
    )


def _format(args: argparse.Namespace) -> str:
    """The output format the options ask for; contradictory options are a usage error (2)."""
    parser: argparse.ArgumentParser = args.report_parser
    if args.json and args.format not in (None, "json"):
        parser.error(f"--json and --format {args.format} ask for two formats; give one")
    if args.tui and (args.json or args.format or args.output):
        parser.error("--tui shows the report on screen; leave out --json, --format and -o")
    return "json" if args.json else args.format or "text"


def _render(report: Report, fmt: str) -> str:
    """The whole output in ``fmt``, ending in a newline."""
    from quiz.report import format_text, to_csv, to_html, to_json

    if fmt == "json":
        return json.dumps(to_json(report), ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return to_csv(report)
    if fmt == "html":
        return to_html(report)
    return "\n".join(format_text(report)) + "\n"


def _show(data_dir: Path, report: Report) -> int:
    """The report in the TUI. No scores are opened: the screen only reads ``report``."""
    from quiz.commands.home import needs_a_terminal
    from quiz.tui.app import QuizApp
    from quiz.tui.config import AppConfig, StartReport

    needs_a_terminal("leave out --tui for a report in text, or give --format and -o")
    app = QuizApp(AppConfig(data_dir=data_dir, start=StartReport(report), calm_errors=True))
    app.run()
    return app.return_code or 0


def _local(data_dir: Path, bank_id: str) -> tuple[list[Any], list[Any]]:
    """This computer's answers to the bank and learners' flags on it (none if no scores
    database exists yet: a report never creates one), read as a results file of theirs."""
    import tempfile

    from quiz.report import read_results
    from quiz.store import DB_NAME, Store

    if not (data_dir / DB_NAME).exists():
        return [], []
    from quiz.commands.stats import say_store_notice

    with Store.open(data_dir) as store, tempfile.TemporaryDirectory(prefix="quiz-") as scratch:
        say_store_notice(store)
        path = Path(scratch) / "results.jsonl"
        store.export_results(path, bank_ids=[bank_id])
        flags: list[Any] = []
        return read_results(path, flags), flags
