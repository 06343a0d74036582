"""Several articles (or folders of them) in one ``quiz generate``: one bank each, spaCy's model
loaded once."""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path

from quiz.commands.generate.article_file import refuse_a_bank
from quiz.commands.generate.one import NothingPassed, load_model_once, run_new
from quiz.errors import QuizError
from quiz.safe_text import printable
from quiz.timings import timed

__all__ = ["ARTICLE_SUFFIXES", "expand", "is_folder", "output_folder", "run_many"]

#: The files a folder given as ARTICLE stands for (the suffixes ``read_article`` reads).
ARTICLE_SUFFIXES = (".txt", ".html", ".htm")


def is_folder(argument: str) -> bool:
    from quiz.generate.fetch import is_url

    return not is_url(argument) and Path(argument).expanduser().is_dir()


def run_many(args: argparse.Namespace, arguments: list[str]) -> int:
    """Several articles (or folders) in this one process, so spaCy's model is loaded once
    rather than once per article (about 1.5 s each): one bank each, by the rules of one.

    Each article fails alone (its one-line error, then the next), so one bad file in a folder
    costs only its own bank; the exit status still says that something failed. An article
    none of whose questions passed the gate is counted apart: nothing is wrong with it, and
    its drafts wait for ``quiz author``."""
    parser: argparse.ArgumentParser = args.generate_parser
    if args.update:
        parser.error("--update regenerates one bank: give it one ARTICLE")
    if args.output == "-":
        parser.error("-o - prints one bank: give one ARTICLE, or -o FOLDER for several")
    if args.title:
        parser.error("--title names one bank: with several articles each keeps its own title")
    folder = output_folder(parser, args.output)

    from quiz.commands.options import resolve_data_dir
    from quiz.generate.nlp import ModelMissing

    expanded = expand(arguments)
    data_dir = resolve_data_dir(args)
    try:
        load_model_once(data_dir)
    except ModelMissing as missing:  # every article would fail the same way
        print(str(missing), file=sys.stderr)
        return 1
    # every article asks the library which ids are taken: on a first run in a data dir its
    # index is made here, once for the command (parsing each bank found, the shipped one too:
    # about 9 ms), not inside the first article
    from quiz.shelf import taken_ids

    with contextlib.suppress(OSError, QuizError):  # then each article says what is wrong
        taken_ids(data_dir)
    written = held = failed = 0
    for argument, folder_error in expanded:
        try:
            if folder_error:
                raise QuizError(f"{argument}: {folder_error}")
            _one_article(args, argument, folder)
            written += 1
        except QuizError as error:
            # it names the article (a path or URL): escaped, never raw, one line kept one
            print(
                "\n".join(printable(line) for line in f"quiz: {error}".split("\n")), file=sys.stderr
            )
            if isinstance(error, NothingPassed):
                held += 1
            else:
                failed += 1
    banks = "bank" if written == 1 else "banks"
    drafts_only = (
        f", {held} with no question that passed the quality gate (drafts for quiz author)"
        if held
        else ""
    )
    print(f"{written} {banks} written{drafts_only}, {failed} failed")
    return 1 if failed else 0


@timed("generate.article")
def _one_article(args: argparse.Namespace, argument: str, folder: Path | None) -> None:
    """One article of several, read, drafted and written: what a teacher waits for per article
    (``benchmarks/generate_per_article.py`` times it against spaCy's parse of the same text)."""
    from quiz.generate.source_input import read_article

    refuse_a_bank(argument)
    run_new(args, read_article(argument), argument, folder, many=True)


def output_folder(parser: argparse.ArgumentParser, output: str | None) -> Path | None:
    """The folder ``-o`` names for several banks (made if missing); None for the library.
    A bank file's name there is a usage error: several banks cannot share one file."""
    if not output:
        return None
    folder = Path(output).expanduser()
    if folder.exists() and not folder.is_dir():
        parser.error(f"-o {output}: with several articles -o names a folder, not a file")
    if not folder.exists() and folder.suffix.lower() in (".yaml", ".yml"):
        parser.error(f"-o {output}: with several articles -o names a folder, one ID.yaml each")
    made = not folder.exists()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise QuizError(f"cannot make the folder {folder} ({error.strerror or error})") from None
    if made:  # said, as quiz export and quiz results export say it
        print(printable(f"made the folder {folder}"), file=sys.stderr)
    return folder


def expand(arguments: list[str]) -> list[tuple[str, str]]:
    """Each ARTICLE argument, a folder replaced by its article files (sorted by name, not
    searched below), each file once; paired with "" or, for a folder without any article (or
    unreadable), why, for the loop to report and count in its turn. A folder's other files are
    named on stderr, so a .pdf or .md left out is never a silent surprise."""
    expanded: list[tuple[str, str]] = []
    seen: set[Path] = set()
    for argument in arguments:
        names = [argument]
        if is_folder(argument):
            try:
                entries = sorted(Path(argument).expanduser().iterdir(), key=lambda p: p.name)
            except OSError as error:
                expanded.append((argument, f"cannot read the directory ({error.strerror})"))
                continue
            read = [p for p in entries if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES]
            skipped = [p.name + ("/" if p.is_dir() else "") for p in entries if p not in read]
            read, copies = _one_file_per_article(read)
            if copies:
                print(
                    printable(
                        f"note: {argument}: skipped {', '.join(p.name for p in copies)} "
                        "(a text copy of a saved page of the same name: one bank per article; "
                        "give the .txt file by its name to use it instead)"
                    ),
                    file=sys.stderr,
                )
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


def _one_file_per_article(files: list[Path]) -> tuple[list[Path], list[Path]]:
    """A folder's article files, less the .txt files that share their name with a saved page
    (``story.html`` and ``story.txt``): a reader copy saved beside its page is the same article,
    and two banks of it would drill every question twice. The page is kept, as it carries the
    title and the date the text copy lacks. Returns the files kept and the copies left out."""
    pages = {p.stem for p in files if p.suffix.lower() in (".html", ".htm")}
    copies = [p for p in files if p.suffix.lower() == ".txt" and p.stem in pages]
    return [p for p in files if p not in copies], copies
