"""``quiz generate ARTICLE``: draft a question bank from a plain-text news article."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from quiz.commands import COMMANDS
from quiz.errors import QuizError

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

HELP = """\
Reads ARTICLE (plain UTF-8 text, one paragraph per line), finds its facts with spaCy and writes
a quiz-bank/1 bank that passes `quiz check`.

Output: by default the bank is written beside the article, with the article's name and .yaml
(news/summit.txt -> news/summit.yaml); an existing bank is not overwritten unless --force is
given (or use --update to regenerate it and keep your edits). With -o the bank goes where you
say, and a copy of the article is put beside it, since a bank names its article by a path
inside its own folder. `-o -` prints the bank with the article inline.

The same article and options always give the same bytes. Nothing is downloaded: the English
model must be installed (pip install -e '.[generate]')."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "generate",
        help=COMMANDS["generate"],
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("article", metavar="ARTICLE", help="the article, a UTF-8 .txt file")
    parser.add_argument(
        "-o",
        "--output",
        metavar="BANK",
        help="where to write the bank (default: ARTICLE with .yaml, beside it)",
    )
    parser.add_argument(
        "--title",
        help="the bank's title (default: the article's headline "
        "if its first line is one, else its file name)",
    )
    parser.add_argument(
        "--date",
        help="publication date, YYYY-MM-DD: sets source.published and "
        "as_of, and lets relative dates ('last week') be put in order",
    )
    parser.add_argument(
        "--max", type=int, default=25, metavar="N", help="at most N questions (default 25)"
    )
    parser.add_argument(
        "--update",
        metavar="BANK",
        help="regenerate this bank: keep questions you edited, report what was "
        "added, removed and changed",
    )
    parser.add_argument("--force", action="store_true", help="overwrite an existing bank")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from quiz.bank.loader import MAX_ARTICLE_BYTES, read_text_file

    if args.date is not None and not _DATE.match(args.date):
        raise QuizError(f"--date {args.date!r} must be a date like 2025-08-23")
    if args.max < 1:
        raise QuizError("--max must be at least 1")
    article_path = Path(args.article)
    try:
        text = read_text_file(
            article_path, limit=MAX_ARTICLE_BYTES, what=f"article {args.article!r}"
        )
    except ValueError as error:
        raise QuizError(str(error)) from None
    if not text.strip():
        raise QuizError(f"article {args.article!r} is empty")
    if sum(1 for w in text.split() if any(c.isalpha() for c in w)) < 20:
        raise QuizError(f"article {args.article!r} is too short to quiz on (fewer than 20 words)")

    from quiz.generate.nlp import ModelMissing

    try:
        if args.update:
            return _run_update(args, article_path, text)
        return _run_new(args, article_path, text)
    except ModelMissing as missing:
        print(str(missing), file=sys.stderr)
        return 1


def _target(args: argparse.Namespace, article_path: Path) -> Path | None:
    if args.output == "-":
        return None
    if args.output:
        return Path(args.output)
    return article_path.with_suffix(".yaml")


def _place_article(article_path: Path, text: str, bank_path: Path) -> str:
    """The article's name beside the bank, copying it there when it is elsewhere."""
    folder = bank_path.parent
    beside = folder / article_path.name
    if beside.resolve() == article_path.resolve():
        return article_path.name
    if beside.exists():
        try:
            same = beside.read_text(encoding="utf-8").replace("\r\n", "\n") == text
        except (OSError, UnicodeDecodeError):
            same = False
        if not same:
            raise QuizError(
                f"{beside} exists and differs from the article; choose another -o folder or move it"
            )
        return article_path.name
    try:
        folder.mkdir(parents=True, exist_ok=True)
        beside.write_text(text, encoding="utf-8")
    except OSError as error:
        raise QuizError(
            f"cannot copy the article to {beside} ({error.strerror or error})"
        ) from None
    return article_path.name


def _write(path: Path, content: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(content, encoding="utf-8", newline="\n")
        tmp.replace(path)
    except OSError as error:
        raise QuizError(f"cannot write {path} ({error.strerror or error})") from None


def _options(args: argparse.Namespace, article_path: Path, text: str) -> dict[str, object]:
    from quiz.generate.pipeline import default_title, slugify

    title = (args.title or "").strip() or default_title(text, article_path.stem)
    return {
        "bank_id": slugify(article_path.stem),
        "title": title,
        "date": args.date or "",
        "max_questions": args.max,
    }


def _run_new(args: argparse.Namespace, article_path: Path, text: str) -> int:
    from quiz.bank.dump import dump_bank
    from quiz.generate.pipeline import generate

    target = _target(args, article_path)
    if target is not None and target.exists() and not args.force:
        raise QuizError(
            f"{target} exists; use --update {target} to regenerate it keeping your edits, "
            "or --force to overwrite it"
        )
    if target is not None and target.suffix not in (".yaml", ".yml"):
        raise QuizError(f"the bank file must end in .yaml or .yml, not {target.name!r}")
    source_file = "" if target is None else article_path.name
    result = generate(text, source_file=source_file, **_options(args, article_path, text))
    if not result.bank.questions:
        raise QuizError(
            f"no question could be drafted from {args.article!r}: it has no whole sentences "
            "naming people, places, organisations, numbers or dates"
        )
    if target is not None:
        _place_article(article_path, text, target)
    content = dump_bank(result.bank)
    if target is None:
        sys.stdout.write(content)
        return 0
    _write(target, content)
    counts = result.bank.count_by_type()
    by_type = ", ".join(f"{n} {t}" for t, n in sorted(counts.items()))
    print(f"wrote {target}: {len(result.bank.questions)} questions ({by_type})")
    note = shortfall_note(len(result.bank.questions), text, args.max)
    if note:
        print(note, file=sys.stderr)
    return 0


#: An article of at least this many words is expected to give a full bank (15 questions).
FULL_ARTICLE_WORDS = 250


def shortfall_note(count: int, text: str, limit: int) -> str:
    """The line printed when a bank has fewer than 15 questions (and --max allowed more)."""
    from quiz.generate.select import MIN_QUESTIONS

    if count >= min(MIN_QUESTIONS, limit):
        return ""
    words = sum(1 for w in text.split() if any(c.isalnum() for c in w))
    if words < FULL_ARTICLE_WORDS:
        return (
            f"note: only {count} questions: the article is short ({words} words); "
            "add your own with `quiz author`"
        )
    return (
        f"note: only {count} questions could be drafted from this {words}-word article "
        "(few whole sentences with names, numbers or dates); add your own with `quiz author`"
    )


def _run_update(args: argparse.Namespace, article_path: Path, text: str) -> int:
    from quiz.bank import BankError, load_bank
    from quiz.bank.dump import dump_bank
    from quiz.generate.update import update_bank

    bank_path = Path(args.update)
    try:
        old = load_bank(bank_path)
    except BankError as error:
        raise QuizError("cannot update: " + "; ".join(error.lines())) from None
    target = Path(args.output) if args.output and args.output != "-" else bank_path
    source_file = old.source.file or article_path.name
    beside = target.parent / source_file
    options = _options(args, article_path, text)
    options["bank_id"] = old.id
    if not args.title:
        options["title"] = old.title
    if not args.date:
        options["date"] = old.as_of
    result = update_bank(old, text, source_file=source_file, **options)
    if not result.bank.questions:
        raise QuizError(f"no question is left after updating from {args.article!r}; bank unchanged")
    _write(target, dump_bank(result.bank))
    try:
        if not beside.exists() or beside.read_text(encoding="utf-8").replace("\r\n", "\n") != text:
            beside.write_text(text, encoding="utf-8")
    except OSError as error:
        raise QuizError(
            f"cannot write the article to {beside} ({error.strerror or error})"
        ) from None
    for line in result.report():
        print(line)
    return 0
