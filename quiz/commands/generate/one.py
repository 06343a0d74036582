"""One article becomes one bank: a new one (into the library, to ``-o``, or into a folder of
several) or an update of an existing bank keeping the teacher's edits."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict

from quiz.commands.generate.article_file import free_article_name, place_article, write_file
from quiz.commands.options import make_parent_folders
from quiz.errors import QuizError
from quiz.plural import plural
from quiz.safe_text import printable

if TYPE_CHECKING:
    from quiz.generate.pipeline import Generated
    from quiz.generate.source_input import ArticleInput

__all__ = [
    "GenerateOptions",
    "NothingPassed",
    "draft_with_progress",
    "load_model_once",
    "run_new",
    "run_update",
    "shortfall_note",
]


class NothingPassed(QuizError):
    """No question of the article passed the quality gate: no bank is written, and its drafts
    wait for ``quiz author``. Not a bad input: among several articles it is counted apart."""


#: What the terminal shows while spaCy's model loads (3-4 s on two cores), before any bar.
LOADING = "Loading the English language model…"


def load_model_once(data_dir: Path | None = None) -> None:
    """Load spaCy's model now, with everything else drafting reads on every article (the
    generator's modules, lemminflect's tables: kept in ``data_dir``'s cache), then freeze what
    exists into the collector's permanent generation: the model's ~90,000 long-lived objects
    are otherwise walked again by every full collection while articles are parsed (about 15%
    of the time of ten articles).
    Loaded here, under the one "Loading…" line, the first article's bar measures its own work
    only, as every later one does (it paid half a second of tables before)."""
    import gc

    from quiz.generate.nlp import load_model

    shown = sys.stderr.isatty()  # a few seconds with nothing on screen would look like a hang
    if shown:
        sys.stderr.write("\r\x1b[K" + LOADING)
        sys.stderr.flush()
    try:
        load_model()
        # what places, reads back and checks each bank: imported once, before any article
        import quiz.bank.loader
        import quiz.commands.bank_files
        import quiz.shelf  # noqa: F401
        from quiz.generate.pipeline import prepare

        prepare(None if data_dir is None else data_dir / "cache")
    finally:
        if shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
    gc.freeze()


def bank_title(args: argparse.Namespace, article: ArticleInput) -> str:
    from quiz.generate.pipeline import default_title

    return (args.title or "").strip() or article.title or default_title(article.text, article.stem)


class GenerateOptions(TypedDict):
    """What ``generate`` and ``update_bank`` are called with, besides the text."""

    bank_id: str
    title: str
    date: str
    max_questions: int
    keep_title: bool  # a title the user gave is kept as given
    at_least: int  # the best N kept even when the gate doubts them (0: only what passes)


def generate_options(args: argparse.Namespace, article: ArticleInput) -> GenerateOptions:
    from quiz.library import new_bank_id

    title = bank_title(args, article)
    return {
        "bank_id": new_bank_id(title, article.text),
        "title": title,
        "date": args.date or article.date,
        "max_questions": args.max,
        "keep_title": bool((args.title or "").strip()),
        "at_least": args.at_least,
    }


def run_new(
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
    options = generate_options(args, article)
    output = args.output if folder is None else str(folder / f"{options['bank_id']}.yaml")
    bank_id, target, notes = place_new_bank(options["bank_id"], text, output, data_dir)
    if folder is not None:  # a clash gave a new id: the file is named by it, as in the library
        target = folder / f"{bank_id}.yaml"
    options["bank_id"] = bank_id
    if target is not None and target.suffix not in (".yaml", ".yml"):
        raise QuizError(f"the bank file must end in .yaml or .yml, not {target.name!r}")
    if target is not None and target.exists() and not args.force:
        raise QuizError(
            f"{target} exists; use --update {target} to regenerate it keeping your edits, "
            "or --force to overwrite it"
        )
    in_library = not args.output
    if in_library:
        article_name = f"{bank_id}.txt"
    elif folder is not None:
        article_name = free_article_name(article, folder, bank_id)
    else:
        article_name = article.name
    source_file = "" if target is None else article_name
    result = draft_with_progress(text, argument, source_file=source_file, **options)
    if not result.bank.questions and result.bank.drafts:
        count = len(result.bank.drafts)
        raise NothingPassed(
            f"no question of {argument!r} passed the quality gate; {count} "
            f"{'draft was' if count == 1 else 'drafts were'} held back, each with its reason: "
            f"review and promote them with `quiz author {argument}`, or keep the best "
            "anyway with --at-least N"
        )
    if not result.bank.questions:
        raise QuizError(
            f"no question could be drafted from {argument!r}: it has no whole sentences "
            "naming people, places, organisations, numbers or dates"
        )
    if target is not None:
        if not in_library:
            make_parent_folders(target)  # -o names where it goes: made, and said
        place_article(article, target.parent / article_name)
    content = dump_bank(result.bank)
    if target is None:
        sys.stdout.write(content)
        return 0
    write_file(target, content)
    copy_of = ""
    if not in_library:
        from quiz.shelf import add_bank

        added = add_bank(target, data_dir, written=result.bank)  # not parsed back
        if added.status == "renamed":  # another bank of the library has the id: a new one
            bank_id = added.bank_id  # was written into the file; this is the id to play
            notes.append(f"note: {added.message()}")
        copy_of = added.other if added.status == "copy" else ""
    # every line below can quote a path or an argument: escaped, never sent raw
    for note in notes:
        print(printable(note), file=sys.stderr)
    counts = result.bank.count_by_type()
    by_type = ", ".join(f"{n} {t}" for t, n in sorted(counts.items()))
    drafted = f" and {len(result.bank.drafts)} drafts" if result.bank.drafts else ""
    asked = f"{plural(len(result.bank.questions), 'question')} ({by_type}){drafted}"
    print(printable(f"wrote {target}: {asked}"))
    if not many and copy_of:  # the same bytes as a library bank: that file is what plays
        print(
            printable(
                f"the same bank as {copy_of}, which is in your library as {bank_id}; "
                f"play this file with `quiz play {target}`"
            )
        )
    elif not many:
        print(f"in your library as {bank_id}: play it with `quiz play {bank_id}`")
    reference = bank_id if in_library else str(target)
    note = shortfall_note(
        len(result.bank.questions),
        len(result.bank.drafts),
        text,
        args.max,
        reference,
        args.at_least,
    )
    if note and many:  # among several, say which article the note is about
        note = f"note: {argument}: {note.removeprefix('note: ')}"
    if note:
        print(printable(note), file=sys.stderr)
    return 0


def shortfall_note(
    count: int, drafts: int, text: str, limit: int, bank: str = "", at_least: int = 0
) -> str:
    """The line printed when fewer questions passed the quality gate than an article of this
    length can carry (:func:`quiz.generate.gate.question_target`): says how many are held
    back as drafts and where to review them. No question is added to reach the number.

    With ``--at-least N`` the questions are not all ones that passed: the line says they are
    in the bank by the option, and, when fewer than N could be, that the drafts are held back
    by rules the option does not lift (it said "2 questions … passed the quality gate" for an
    article none of whose questions passes it: a new user's trial, session 13)."""
    from quiz.generate.gate import question_target

    words = sum(1 for w in text.split() if any(c.isalnum() for c in w))
    if count >= question_target(words, limit) and count >= at_least:
        return ""
    author = f"`quiz author {bank}`" if bank else "`quiz author`"  # the bank, not the article:
    held = (  # the article would draft again and forget what the gate chose
        f"; {drafts} more are held back as drafts, each with its reason: review and promote "
        f"them with {author}"
        if drafts
        else f"; add your own with {author}"
    )
    if at_least:
        kept = (
            f"{plural(count, 'question')} of this {words}-word article "
            f"{'is' if count == 1 else 'are'} in the bank with --at-least {at_least}"
        )
        if count < at_least and drafts:
            held = (
                f"; the {plural(drafts, 'draft')} left are held back by rules --at-least does "
                f"not lift, each with its reason: review and promote them with {author}"
            )
        return f"note: {kept}{held}"
    passed = f"{plural(count, 'question')} of this {words}-word article"
    return f"note: {passed} passed the quality gate{held}"


def run_update(args: argparse.Namespace, article: ArticleInput, argument: str) -> int:
    from quiz.bank import load_bank
    from quiz.bank.dump import dump_bank
    from quiz.generate.update import update_bank

    bank_path = Path(args.update)
    old = load_bank(bank_path)  # a BankError is said as FILE:LINE: message (says_bank_errors)
    target = Path(args.output) if args.output and args.output != "-" else bank_path
    text = article.text
    source_file = old.source.file or article.name
    beside = target.parent / source_file
    options = generate_options(args, article)
    options["bank_id"] = old.id
    if not args.title:
        options["title"] = old.title
    options["keep_title"] = True  # the bank's title, as the teacher may have edited it
    if not args.date:
        options["date"] = old.as_of
    result = update_bank(old, text, source_file=source_file, **options)
    if not result.bank.questions:
        raise QuizError(f"no question is left after updating from {argument!r}; bank unchanged")
    make_parent_folders(target)
    write_file(target, dump_bank(result.bank))
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


def draft_with_progress(text: str, argument: str, **options: Any) -> Generated:
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
