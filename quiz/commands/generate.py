"""``quiz generate ARTICLE...``: draft a question bank from each news article (a plain-text file,
a saved web page, a URL, or a folder of them), all in one process so spaCy is loaded once."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict

from quiz.commands import COMMANDS
from quiz.errors import QuizError
from quiz.safe_text import printable

if TYPE_CHECKING:
    from quiz.generate.pipeline import Generated
    from quiz.generate.source_input import ArticleInput

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

HELP = """\
Reads ARTICLE (plain UTF-8 text, one paragraph per line; a saved web page, .html or .htm; or an
http(s) URL, fetched), finds its facts with spaCy and writes a quiz-bank/1 bank that passes
`quiz check`. From a page, the article's text is extracted (trafilatura) and kept as the bank's
article, and the page's title and date are the defaults of --title and --date. Photo captions,
credits, bylines, datelines, subheads and "related" links are never asked about. A text of more
than 20,000 words (a report, a book) is refused: split it into articles.

Output: by default the bank goes into your library, DATA_DIR/banks/ID.yaml with the article
beside it as ID.txt, where the home screen, quiz review and quiz stats find it. Its ID comes from
the title and the article's text (never the file name, which two articles may share), and is
printed: play it with `quiz play ID`. An existing bank is not overwritten unless --force is
given (or use --update to regenerate it and keep your edits). With -o the bank goes where you
say, a copy of the article is put beside it (a bank names its article by a path inside its own
folder), and the file is added to your library. `-o -` prints the bank with the article
inline. A bank whose id another bank of the library already has gets a new id, and says so.

Several articles (or a folder, which stands for its .txt, .html and .htm files, in name
order) are drafted in one go, one bank each, with the same rules: into your library, or with
-o FOLDER one ID.yaml per article with its article beside it. A bad article prints its error
and the others still run; the last line counts the banks written and failed (exit 1 if any
failed). --update, -o - and --title name one bank, so they take one ARTICLE.

The same article and options always give the same bytes. Nothing is downloaded but the page of
a URL you give: the English model must be installed (pip install -e '.[generate]')."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "generate",
        help=COMMANDS["generate"],
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "article",
        nargs="+",
        metavar="ARTICLE",
        help="an article: a UTF-8 .txt file, a saved web page (.html, .htm), an http(s) URL, "
        "or a folder of .txt/.html/.htm files; several are drafted in one process",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="BANK|FOLDER",
        help="where to write the bank (default: DATA_DIR/banks/ID.yaml, in your library); "
        "with several articles, a folder for their ID.yaml files",
    )
    parser.add_argument(
        "--title",
        help="the bank's title (default: the page's title, else the article's headline "
        "if its first line is one, else its file name)",
    )
    parser.add_argument(
        "--date",
        help="publication date, YYYY-MM-DD: sets source.published and "
        "as_of, and lets relative dates ('last week') be put in order (default: a page's date)",
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
    from quiz.commands.options import add_data_dir_option

    add_data_dir_option(parser)
    parser.set_defaults(func=run, generate_parser=parser)


def run(args: argparse.Namespace) -> int:
    from quiz.generate.source_input import read_article

    if args.date is not None and not _DATE.match(args.date):
        raise QuizError(f"--date {args.date!r} must be a date like 2025-08-23")
    if args.max < 1:
        raise QuizError("--max must be at least 1")
    arguments: list[str] = args.article
    if len(arguments) > 1 or any(_is_folder(a) for a in arguments):
        return _run_many(args, arguments)
    argument = arguments[0]
    article = read_article(argument)

    from quiz.generate.nlp import ModelMissing

    try:
        _load_model()
        if args.update:
            return _run_update(args, article, argument)
        return _run_new(args, article, argument)
    except ModelMissing as missing:
        print(str(missing), file=sys.stderr)
        return 1


#: The files a folder given as ARTICLE stands for (the suffixes ``read_article`` reads).
ARTICLE_SUFFIXES = (".txt", ".html", ".htm")


def _is_folder(argument: str) -> bool:
    from quiz.generate.fetch import is_url

    return not is_url(argument) and Path(argument).expanduser().is_dir()


def _run_many(args: argparse.Namespace, arguments: list[str]) -> int:
    """Several articles (or folders) in this one process, so spaCy's model is loaded once
    rather than once per article (about 1.5 s each): one bank each, by the rules of one.

    Each article fails alone (its one-line error, then the next), so one bad file in a folder
    costs only its own bank; the exit status still says that something failed."""
    parser: argparse.ArgumentParser = args.generate_parser
    if args.update:
        parser.error("--update regenerates one bank: give it one ARTICLE")
    if args.output == "-":
        parser.error("-o - prints one bank: give one ARTICLE, or -o FOLDER for several")
    if args.title:
        parser.error("--title names one bank: with several articles each keeps its own title")
    folder = _output_folder(parser, args.output)

    from quiz.generate.nlp import ModelMissing
    from quiz.generate.source_input import read_article

    expanded = _expand(arguments)
    try:
        _load_model()
    except ModelMissing as missing:  # every article would fail the same way
        print(str(missing), file=sys.stderr)
        return 1
    written = failed = 0
    for argument, folder_error in expanded:
        try:
            if folder_error:
                raise QuizError(f"{argument}: {folder_error}")
            _run_new(args, read_article(argument), argument, folder, many=True)
            written += 1
        except QuizError as error:
            # it names the article (a path or URL): escaped, never raw, one line kept one
            print(
                "\n".join(printable(line) for line in f"quiz: {error}".split("\n")), file=sys.stderr
            )
            failed += 1
    banks = "bank" if written == 1 else "banks"
    print(f"{written} {banks} written, {failed} failed")
    return 1 if failed else 0


def _load_model() -> None:
    """Load spaCy's model now, then freeze what exists into the collector's permanent
    generation: the model's ~90,000 long-lived objects are otherwise walked again by every
    full collection while articles are parsed (about 15% of the time of ten articles)."""
    import gc

    from quiz.generate.nlp import load_model

    load_model()
    gc.freeze()


def _output_folder(parser: argparse.ArgumentParser, output: str | None) -> Path | None:
    """The folder ``-o`` names for several banks (made if missing); None for the library.
    A bank file's name there is a usage error: several banks cannot share one file."""
    if not output:
        return None
    folder = Path(output).expanduser()
    if folder.exists() and not folder.is_dir():
        parser.error(f"-o {output}: with several articles -o names a folder, not a file")
    if not folder.exists() and folder.suffix.lower() in (".yaml", ".yml"):
        parser.error(f"-o {output}: with several articles -o names a folder, one ID.yaml each")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise QuizError(f"cannot make the folder {folder} ({error.strerror or error})") from None
    return folder


def _expand(arguments: list[str]) -> list[tuple[str, str]]:
    """Each ARTICLE argument, a folder replaced by its article files (sorted by name, not
    searched below), each file once; paired with "" or, for a folder without any article (or
    unreadable), why, for the loop to report and count in its turn. A folder's other files are
    named on stderr, so a .pdf or .md left out is never a silent surprise."""
    expanded: list[tuple[str, str]] = []
    seen: set[Path] = set()
    for argument in arguments:
        names = [argument]
        if _is_folder(argument):
            try:
                entries = sorted(Path(argument).expanduser().iterdir(), key=lambda p: p.name)
            except OSError as error:
                expanded.append((argument, f"cannot read the directory ({error.strerror})"))
                continue
            read = [p for p in entries if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES]
            skipped = [p.name + ("/" if p.is_dir() else "") for p in entries if p not in read]
            if skipped:
                print(
                    printable(
                        f"note: {argument}: skipped {', '.join(skipped)} "
                        "(only .txt, .html and .htm files are read, and no folder inside)"
                    ),
                    file=sys.stderr,
                )
            if not read:
                expanded.append((argument, "a directory with no .txt, .html or .htm file"))
                continue
            names = [str(p) for p in read]
        for name in names:
            path = Path(name).expanduser()
            key = path.resolve() if path.exists() else Path(name)
            if key not in seen:  # a file named twice, or also through its folder: one bank
                seen.add(key)
                expanded.append((name, ""))
    return expanded


def _place_article(article: ArticleInput, beside: Path) -> str:
    """The article's file name beside the bank (``beside``), copying it there when it is
    elsewhere (or writing it, from a page); never over another text."""
    text = article.text
    if beside.exists() and article.path is not None and beside.resolve() == article.path.resolve():
        return beside.name
    if beside.exists():
        try:
            same = beside.read_text(encoding="utf-8").replace("\r\n", "\n") == text
        except (OSError, UnicodeDecodeError):
            same = False
        if not same:
            raise QuizError(
                f"{beside} exists and differs from the article; choose another -o folder or move it"
            )
        return beside.name
    _write(beside, text)
    return beside.name


def _write(path: Path, content: str) -> None:
    from quiz.atomic import write_atomic

    try:
        write_atomic(path, content)
    except OSError as error:
        raise QuizError(f"cannot write {path} ({error.strerror or error})") from None


def _title(args: argparse.Namespace, article: ArticleInput) -> str:
    from quiz.generate.pipeline import default_title

    return (args.title or "").strip() or article.title or default_title(article.text, article.stem)


class GenerateOptions(TypedDict):
    """What ``generate`` and ``update_bank`` are called with, besides the text."""

    bank_id: str
    title: str
    date: str
    max_questions: int


def _options(args: argparse.Namespace, article: ArticleInput) -> GenerateOptions:
    from quiz.library import new_bank_id

    title = _title(args, article)
    return {
        "bank_id": new_bank_id(title, article.text),
        "title": title,
        "date": args.date or article.date,
        "max_questions": args.max,
    }


def _run_new(
    args: argparse.Namespace,
    article: ArticleInput,
    argument: str,
    folder: Path | None = None,
    *,
    many: bool = False,
) -> int:
    """Draft one bank from ``article``: into the library, to ``-o``, or (one of several) to
    ``folder/ID.yaml`` with the id's usual clash rules. One of several prints one line."""
    from quiz.bank.dump import dump_bank
    from quiz.commands.options import resolve_data_dir
    from quiz.shelf import place_new_bank

    data_dir = resolve_data_dir(args)
    text = article.text
    options = _options(args, article)
    output = args.output if folder is None else str(folder / f"{options['bank_id']}.yaml")
    bank_id, target, notes = place_new_bank(options["bank_id"], text, output, data_dir)
    if folder is not None:  # a clash gave a new id: the file is named by it, as in the library
        target = folder / f"{bank_id}.yaml"
    options["bank_id"] = bank_id
    if target is not None and target.exists() and not args.force:
        raise QuizError(
            f"{target} exists; use --update {target} to regenerate it keeping your edits, "
            "or --force to overwrite it"
        )
    if target is not None and target.suffix not in (".yaml", ".yml"):
        raise QuizError(f"the bank file must end in .yaml or .yml, not {target.name!r}")
    in_library = not args.output
    if in_library:
        article_name = f"{bank_id}.txt"
    elif folder is not None:
        article_name = _free_article_name(article, folder, bank_id)
    else:
        article_name = article.name
    source_file = "" if target is None else article_name
    result = _drafted(text, argument, source_file=source_file, **options)
    if not result.bank.questions:
        raise QuizError(
            f"no question could be drafted from {argument!r}: it has no whole sentences "
            "naming people, places, organisations, numbers or dates"
        )
    if target is not None:
        _place_article(article, target.parent / article_name)
    content = dump_bank(result.bank)
    if target is None:
        sys.stdout.write(content)
        return 0
    _write(target, content)
    if not in_library:
        from quiz.shelf import add_bank

        add_bank(target, data_dir)
    # every line below can quote a path or an argument: escaped, never sent raw
    for note in notes:
        print(printable(note), file=sys.stderr)
    counts = result.bank.count_by_type()
    by_type = ", ".join(f"{n} {t}" for t, n in sorted(counts.items()))
    drafted = f" and {len(result.bank.drafts)} drafts" if result.bank.drafts else ""
    print(printable(f"wrote {target}: {len(result.bank.questions)} questions ({by_type}){drafted}"))
    if not many:
        print(f"in your library as {bank_id}: play it with `quiz play {bank_id}`")
    note = shortfall_note(len(result.bank.questions), len(result.bank.drafts), text, args.max)
    if note and many:  # among several, say which article the note is about
        note = f"note: {argument}: {note.removeprefix('note: ')}"
    if note:
        print(printable(note), file=sys.stderr)
    return 0


def _free_article_name(article: ArticleInput, folder: Path, bank_id: str) -> str:
    """The article's name beside its bank in an ``-o`` folder: its own name (so a folder
    drafted into itself gets no copies), else, when another text has that name there (two
    folders' ``story.txt``), ``ID.txt`` as in the library."""
    beside = folder / article.name
    if not beside.exists():
        return article.name
    if article.path is not None and beside.resolve() == article.path.resolve():
        return article.name
    try:
        same = beside.read_text(encoding="utf-8").replace("\r\n", "\n") == article.text
    except (OSError, UnicodeDecodeError):
        same = False
    return article.name if same else f"{bank_id}.txt"


def shortfall_note(count: int, drafts: int, text: str, limit: int) -> str:
    """The line printed when fewer questions passed the quality gate than an article of this
    length can carry (:func:`quiz.generate.gate.question_target`): says how many are held
    back as drafts and where to review them. No question is added to reach the number."""
    from quiz.generate.gate import question_target

    words = sum(1 for w in text.split() if any(c.isalnum() for c in w))
    if count >= question_target(words, limit):
        return ""
    held = (
        f"; {drafts} more are held back as drafts, each with its reason: review and promote "
        "them with `quiz author`"
        if drafts
        else "; add your own with `quiz author`"
    )
    return f"note: {count} questions of this {words}-word article passed the quality gate{held}"


def _run_update(args: argparse.Namespace, article: ArticleInput, argument: str) -> int:
    from quiz.bank import BankError, load_bank
    from quiz.bank.dump import dump_bank
    from quiz.generate.update import update_bank

    bank_path = Path(args.update)
    try:
        old = load_bank(bank_path)
    except BankError as error:
        raise QuizError("cannot update: " + "; ".join(error.lines())) from None
    target = Path(args.output) if args.output and args.output != "-" else bank_path
    text = article.text
    source_file = old.source.file or article.name
    beside = target.parent / source_file
    options = _options(args, article)
    options["bank_id"] = old.id
    if not args.title:
        options["title"] = old.title
    if not args.date:
        options["date"] = old.as_of
    result = update_bank(old, text, source_file=source_file, **options)
    if not result.bank.questions:
        raise QuizError(f"no question is left after updating from {argument!r}; bank unchanged")
    _write(target, dump_bank(result.bank))
    try:
        if not beside.exists() or beside.read_text(encoding="utf-8").replace("\r\n", "\n") != text:
            beside.write_text(text, encoding="utf-8")
    except OSError as error:
        raise QuizError(
            f"cannot write the article to {beside} ({error.strerror or error})"
        ) from None
    for line in result.report():  # it quotes the bank's questions: escaped, never raw
        print(printable(line))
    return 0


def _drafted(text: str, argument: str, **options: Any) -> Generated:
    """Generate with a progress bar on the terminal once it takes a while (a long article takes
    many seconds to parse), cleared before anything is printed; ctrl+c stops it (exit 130)."""
    from quiz.commands.loading import TerminalProgress
    from quiz.generate.pipeline import generate

    name = printable(Path(argument).name or argument)
    bar: TerminalProgress | None = None
    if sys.stderr.isatty():  # a pipe or a file gets no bar
        bar = TerminalProgress(name, sys.stderr, label=f"Drafting {name}")
    try:
        return generate(text, progress=bar, **options)
    finally:
        if bar is not None:
            bar.close()
