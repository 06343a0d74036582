"""Files a command writes with ``-o`` never replace a quiz bank or the article a bank quotes.

A teacher's bank is hours of review, and its article is what every question's source is
checked against: ``quiz export -o`` once wrote an Aiken file over the article, and a mistyped
``quiz report -o BANK.yaml`` or ``quiz results export -o`` replaced a bank with a report, so
each command that writes a file asks here first. The banks asked about are the one the command
reads, the library's, and any bank file in a folder above the target (a bank's article lies in
its folder or below it).
"""

from __future__ import annotations

from pathlib import Path

from quiz.errors import QuizError

__all__ = ["refuse_to_overwrite"]


def refuse_to_overwrite(
    target: Path,
    data_dir: Path,
    *,
    what: str,
    bank_path: Path | None = None,
    article: str = "",
    other_name: str = "",
    error: type[QuizError] = QuizError,
) -> None:
    """Raise ``error`` when ``target`` is a bank, a bank's article, or named like a bank.

    ``what`` names what would be written ("the report", "an aiken export"); ``other_name`` is a
    file name to suggest instead of a ``.yaml`` one; ``bank_path`` and ``article`` are the bank
    the command reads and the article it names."""
    from quiz.commands.bank_files import article_named_by, is_bank_file, looks_like_bank_name
    from quiz.library import find_bank_files, library_files, real_path

    def refuse(why: str) -> QuizError:
        return error(f"cannot write {target}: {why}; give another file name with -o")

    wanted = real_path(target.expanduser())
    if bank_path is not None:
        if wanted == real_path(bank_path):
            raise refuse("it is the bank's own file")
        if article and wanted == real_path(bank_path.parent / article):
            raise refuse("it is the bank's own article")
    library = library_files(data_dir)
    for bank_file in dict.fromkeys([*library, *find_bank_files([wanted.parent])]):
        bank_real = real_path(bank_file)
        if wanted == bank_real and bank_file in library:
            raise refuse(f"it is the bank file of {_bank_id(bank_file)!r} in your library")
        if wanted == bank_real or not wanted.is_relative_to(bank_real.parent):
            continue
        named = article_named_by(bank_file)
        if named and wanted == real_path(bank_real.parent / named):
            raise refuse(f"it is the article of the bank {_bank_id(bank_file)!r} ({bank_file})")
    if is_bank_file(wanted):
        raise refuse("it is a quiz bank")
    if looks_like_bank_name(target):
        instead = f" (such as {other_name})" if other_name else ""
        raise error(
            f"cannot write {target}: a {target.suffix} file is read as a quiz bank and {what} "
            f"is not one; give another file name with -o{instead}"
        )


def _bank_id(path: Path) -> str:
    from quiz.bank.peek import peek_bank

    return peek_bank(path).id or path.stem
