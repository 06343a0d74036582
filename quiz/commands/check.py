"""``quiz check BANK...``: validate banks as a teacher or a CI job would."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quiz.commands import COMMANDS
from quiz.commands.bank_input import meant_file
from quiz.library import BANK_SUFFIXES, UnknownBank, resolve_bank
from quiz.plural import plural

if TYPE_CHECKING:
    from quiz.bank import Bank


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "check",
        help=COMMANDS["check"],
        description=(
            "Validate banks: every error as FILE:LINE: message; exit 1 if any. Valid banks are "
            "then reviewed item by item: each flaw as FILE:LINE: advice CODE [QUESTION]: what, "
            "why — fix (docs/item-review.md). Advice never fails a valid bank unless --strict."
        ),
    )
    parser.add_argument(
        "banks", nargs="+", metavar="BANK", help="bank files, folders of banks, or bank ids"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object for scripts")
    parser.add_argument(
        "--strict", action="store_true", help="exit 1 when any advice is shown, not only on errors"
    )
    parser.add_argument(
        "--all-advice",
        action="store_true",
        help="also run the advice that is off by default (right less than 80%% of the time)",
    )
    parser.set_defaults(func=run)


def expand(
    paths: list[str], folders: list[Path], data_dir: Path | None = None
) -> tuple[list[Path], list[Path], dict[Path, str]]:
    """Bank files to check (a folder stands for the banks in it, an id for the bank of that id
    in ``folders``, as ``quiz play`` takes it), given files skipped because they are not banks
    (an article beside a bank, named by ``question_banks/*``), and the line that says what is
    wrong with a name that gives no bank file at all: an id no bank has (with the ids it may
    have meant), a folder without bank files."""
    banks: list[Path] = []
    skipped: list[Path] = []
    unusable: dict[Path, str] = {}
    for name in paths:
        path = Path(name)
        if not path.exists() and not path.suffix:
            try:
                path = resolve_bank(name, folders, data_dir)
            except UnknownBank as unknown:
                if "/" not in name and "\\" not in name:  # an id, not a path to a file
                    unusable[path] = f"quiz: {unknown}"
        if path.is_dir():
            inside = sorted(p for p in path.iterdir() if p.suffix in BANK_SUFFIXES)
            banks.extend(inside or [path])
            if not inside:
                unusable[path] = f"{path}: no bank files (.yaml or .yml) in this folder"
        elif path.suffix in BANK_SUFFIXES or not path.exists():
            banks.append(path)
            hint = "" if path.exists() or path in unusable else meant_file(path)
            if hint:  # a mistyped file name: the bank files beside it with a close name
                unusable[path] = f"{path}: the bank file was not found{hint}"
        else:
            skipped.append(path)
    return banks, skipped, unusable


#: The share of a big bank's check spent reading it; the item review is the rest.
LOAD_SHARE = 0.5


class _Bar:
    """A terminal progress bar over a bank's check (:class:`~quiz.commands.loading.
    TerminalProgress` on stderr, drawn only when the check takes a while and stderr is a
    terminal: a 100,000-question bank takes half a minute, which must not look like a hang),
    and the share of it each phase covers."""

    def __init__(self, draw: Callable[[float], None] | None, close: Callable[[], None]) -> None:
        self.draw = draw
        self.close = close

    def part(self, start: float, end: float) -> Callable[[float], None] | None:
        draw = self.draw
        if draw is None:
            return None
        return lambda done: draw(start + (end - start) * done)


def _progress(path: Path) -> _Bar:
    if not sys.stderr.isatty():
        return _Bar(None, lambda: None)
    from quiz.commands.loading import TerminalProgress
    from quiz.safe_text import printable

    bar = TerminalProgress(path.name, sys.stderr, label=f"Checking {printable(path.name)}")
    return _Bar(bar, bar.close)


def load_with_lines(
    path: Path, progress: Callable[[float], None] | None = None
) -> tuple[Bank, dict[str, int]]:
    """Load and validate a bank as :func:`quiz.bank.load_bank` does, and keep the line each
    question starts on (the loader streams questions in with their lines; the bank model does
    not carry them), so advice can name ``FILE:LINE``. ``progress`` hears how far the parse
    is (0.0 to 1.0). Raises :class:`BankError`."""
    from quiz.bank.loader import load_bank
    from quiz.bank.validate import QuestionStream

    stream: QuestionStream = QuestionStream(lines=True)
    if progress is not None:
        from quiz.bank.progress_stream import ProgressStream

        try:
            total = path.read_bytes().count(b"\n") if path.is_file() else 1
        except OSError:
            total = 1  # the loader says what is wrong with the file
        stream = ProgressStream(progress, total, keep_lines=True)
    bank = load_bank(path, stream)
    assert stream.lines is not None
    return bank, stream.lines


def _say(text: str, file: Any = None) -> None:
    """Print a line about a bank: file names and bank text may hold escape codes or bidi
    overrides, which are shown escaped, never sent to the terminal raw."""
    from quiz.safe_text import printable

    print("\n".join(printable(line) for line in text.split("\n")), file=file or sys.stdout)


def run(args: argparse.Namespace) -> int:
    from msgspec.structs import asdict

    from quiz.bank import BankError
    from quiz.bank.review.registry import review
    from quiz.commands.options import resolve_data_dir
    from quiz.library import bank_dirs

    data_dir = resolve_data_dir(args)
    banks, skipped, unusable = expand(args.banks, bank_dirs(data_dir), data_dir)
    results: list[dict[str, Any]] = []
    shown_advice = 0
    for path in banks:
        if path in unusable:
            results.append(
                {"file": str(path), "ok": False, "errors": [{"line": 0, "message": unusable[path]}]}
            )
            if not args.json:
                _say(unusable[path])
            continue
        progress = _progress(path)
        try:
            bank, lines = load_with_lines(path, progress.part(0.0, LOAD_SHARE))
        except BankError as error:
            progress.close()
            results.append(
                {
                    "file": str(path),
                    "ok": False,
                    "errors": [{"line": p.line, "message": p.message} for p in error.problems],
                }
            )
            if not args.json:
                for line in error.lines():
                    _say(line)
            continue
        counts = bank.count_by_type()
        try:
            found = review(
                bank, lines, all_advice=args.all_advice, progress=progress.part(LOAD_SHARE, 1.0)
            )
        finally:
            progress.close()
        shown_advice += len(found.shown)
        results.append(
            {
                "file": str(path),
                "ok": True,
                "id": bank.id,
                "questions": len(bank.questions),
                "drafts": len(bank.drafts),
                "by_type": counts,
                "advice": [asdict(a) for a in found.shown],
                "silenced": [{**asdict(s.advice), "reason": s.reason} for s in found.silenced],
                "advice_off": list(found.off),
            }
        )
        if not args.json:
            by_type = ", ".join(f"{n} {t}" for t, n in sorted(counts.items()))
            drafts = f"; {plural(len(bank.drafts), 'draft')} held back" if bank.drafts else ""
            _say(f"OK {path}: {plural(len(bank.questions), 'question')} ({by_type}){drafts}")
            for advice in found.shown:
                _say(advice.text(str(path)))
            if found.silenced:
                _say(f"{path}: {len(found.silenced)} advice silenced (reasons: --json)")
    if not args.json:
        for path in skipped:
            _say(f"skipped {path}: not a bank file (.yaml or .yml)", file=sys.stderr)
    valid = bool(banks) and all(r["ok"] for r in results)
    ok = valid and not (args.strict and shown_advice)
    if args.json:
        from quiz.safe_text import json_printable

        dumped = json.dumps({"ok": ok, "files": results}, ensure_ascii=False, indent=2)
        print(json_printable(dumped))
    elif not banks:
        _say("quiz check: no bank files given", file=sys.stderr)
    elif valid and not ok:
        _say(f"quiz check: {shown_advice} advice shown and --strict given", file=sys.stderr)
    return 0 if ok else 1
