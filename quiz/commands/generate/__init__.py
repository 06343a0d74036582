"""``quiz generate ARTICLE...``: draft a question bank from each news article (a plain-text file,
a saved web page, a URL, or a folder of them), all in one process so spaCy is loaded once.

One article makes one bank (:mod:`.one`); several, or a folder, are drafted in turn
(:mod:`.many`); the article's file goes beside its bank (:mod:`.article_file`)."""

from __future__ import annotations

import argparse
import sys

from quiz.commands import COMMANDS
from quiz.commands.bank_input import says_bank_errors
from quiz.commands.generate.article_file import refuse_a_bank
from quiz.commands.generate.many import is_folder, run_many
from quiz.commands.generate.one import (
    GenerateOptions,
    load_model_once,
    run_new,
    run_update,
    shortfall_note,
)

__all__ = ["HELP", "GenerateOptions", "register", "run", "shortfall_note"]

HELP = """\
Reads ARTICLE (plain UTF-8 text, one paragraph per line; a saved web page, .html or .htm; or an
http(s) URL, fetched), finds its facts with spaCy and writes a quiz-bank/1 bank that passes
`quiz check`. From a page, the article's text is extracted (trafilatura) and kept as the bank's
article, and the page's title and date are the defaults of --title and --date. Photo captions,
credits, bylines, datelines, subheads and "related" links are never asked about. A text of more
than 20,000 words (a report, a book) is refused: split it into articles, and so is a question
bank (.yaml, .yml, or any file holding one): play, check or author it instead.

Output: by default the bank goes into your library, DATA_DIR/banks/ID.yaml with the article
beside it as ID.txt, where the home screen, quiz review and quiz stats find it. Its ID comes from
the title and the article's text (never the file name, which two articles may share), and is
printed: play it with `quiz play ID`. An existing bank is not overwritten unless --force is
given (or use --update to regenerate it and keep your edits). With -o the bank goes where you
say (missing folders are made), a copy of the article is put beside it (a bank names its
article by a path inside its own folder), and the file is added to your library. `-o -` prints
the bank with the article inline. A bank whose id another bank of the library already has gets
a new id, written into its file, and says so.

Several articles (or a folder, which stands for its .txt, .html and .htm files, in name
order) are drafted in one go, one bank each, with the same rules: into your library, or with
-o FOLDER one ID.yaml per article with its article beside it. A bad article prints its error
and the others still run; the last line counts the banks written, the articles none of
whose questions passed the gate (their drafts wait for `quiz author`) and those that failed
(exit 1 if any failed). --update, -o - and --title name one bank, so they take one ARTICLE.

The bank holds only the questions that pass the quality gate (the item review, then a model
of what blind teachers kept); every other question is kept under `drafts:` with its reason, for
`quiz author` to promote. No question is added to reach a count, so a short or unusual article
can give a short bank, or none: --at-least N keeps the N best even when the teacher model
doubts them (a question a rule of the item review holds back stays a draft).

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
    from quiz.commands.options import add_data_dir_option, whole_number

    parser.add_argument(
        "--max",
        type=whole_number(1),
        default=25,
        metavar="N",
        help="at most N questions (default 25)",
    )
    parser.add_argument(
        "--at-least",
        type=whole_number(0),
        default=0,
        metavar="N",
        dest="at_least",
        help="keep the N best questions even when the teacher model doubts them (default 0: "
        "only what passes; the rest, and what a rule holds back, are drafts for quiz author)",
    )
    parser.add_argument(
        "--update",
        metavar="BANK",
        help="regenerate this bank: keep questions you edited, report what was "
        "added, removed and changed",
    )
    parser.add_argument("--force", action="store_true", help="overwrite an existing bank")
    add_data_dir_option(parser)
    parser.set_defaults(func=run, generate_parser=parser)


@says_bank_errors
def run(args: argparse.Namespace) -> int:
    from quiz.commands.options import check_date_option, resolve_data_dir
    from quiz.generate.source_input import read_article

    check_date_option(args.date)
    if args.at_least > args.max:  # a usage error, as a bad value is (exit 2)
        args.generate_parser.error(
            f"--at-least {args.at_least} asks for more than --max {args.max}"
        )
    arguments: list[str] = args.article
    if len(arguments) > 1 or any(is_folder(a) for a in arguments):
        return run_many(args, arguments)
    argument = arguments[0]
    refuse_a_bank(argument)
    article = read_article(argument)

    from quiz.generate.nlp import ModelMissing

    try:
        load_model_once(resolve_data_dir(args))
        if args.update:
            return run_update(args, article, argument)
        return run_new(args, article, argument)
    except ModelMissing as missing:
        print(str(missing), file=sys.stderr)
        return 1
