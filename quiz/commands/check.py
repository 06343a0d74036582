"""``quiz check BANK...``: validate banks as a teacher or a CI job would."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from pathlib import Path
from typing import Any

from quiz.commands import COMMANDS
from quiz.library import BANK_SUFFIXES, UnknownBank, resolve_bank


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "check",
        help=COMMANDS["check"],
        description="Validate banks: every error as FILE:LINE: message; exit 1 if any.",
    )
    parser.add_argument(
        "banks", nargs="+", metavar="BANK", help="bank files, folders of banks, or bank ids"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object for scripts")
    parser.set_defaults(func=run)


def expand(
    paths: list[str], folders: list[Path], data_dir: Path | None = None
) -> tuple[list[Path], list[Path]]:
    """Bank files to check (a folder stands for the banks in it, an id for the bank of that id
    in ``folders``, as ``quiz play`` takes it), and given files skipped because they are not
    banks (an article beside a bank, named by ``question_banks/*``)."""
    banks: list[Path] = []
    skipped: list[Path] = []
    for name in paths:
        path = Path(name)
        if not path.exists() and not path.suffix:
            with contextlib.suppress(UnknownBank):
                path = resolve_bank(name, folders, data_dir)
        if path.is_dir():
            inside = sorted(p for p in path.iterdir() if p.suffix in BANK_SUFFIXES)
            banks.extend(inside or [path])  # an empty folder is reported by load_bank
        elif path.suffix in BANK_SUFFIXES or not path.exists():
            banks.append(path)
        else:
            skipped.append(path)
    return banks, skipped


def run(args: argparse.Namespace) -> int:
    from quiz.bank import BankError, load_bank
    from quiz.bank.advice import advice
    from quiz.cli import resolve_data_dir
    from quiz.library import bank_dirs

    data_dir = resolve_data_dir(args)
    banks, skipped = expand(args.banks, bank_dirs(data_dir), data_dir)
    results: list[dict[str, Any]] = []
    for path in banks:
        try:
            bank = load_bank(path)
        except BankError as error:
            results.append(
                {
                    "file": str(path),
                    "ok": False,
                    "errors": [{"line": p.line, "message": p.message} for p in error.problems],
                }
            )
            if not args.json:
                for line in error.lines():
                    print(line)
            continue
        counts = bank.count_by_type()
        notes = advice(bank)
        results.append(
            {
                "file": str(path),
                "ok": True,
                "id": bank.id,
                "questions": len(bank.questions),
                "by_type": counts,
                "advice": notes,
            }
        )
        if not args.json:
            by_type = ", ".join(f"{n} {t}" for t, n in sorted(counts.items()))
            print(f"OK {path}: {len(bank.questions)} questions ({by_type})")
            for note in notes:
                print(f"advice {path}: {note}")
    if not args.json:
        for path in skipped:
            print(f"skipped {path}: not a bank file (.yaml or .yml)", file=sys.stderr)
    ok = bool(banks) and all(r["ok"] for r in results)
    if args.json:
        print(json.dumps({"ok": ok, "files": results}, ensure_ascii=False, indent=2))
    elif not banks:
        print("quiz check: no bank files given", file=sys.stderr)
    return 0 if ok else 1
