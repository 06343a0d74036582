"""The article's file beside its bank (a bank names its article by a path inside its own
folder), and the bank written atomically."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from quiz.errors import QuizError

if TYPE_CHECKING:
    from quiz.generate.source_input import ArticleInput

__all__ = ["free_article_name", "place_article", "refuse_a_bank", "write_file"]


def refuse_a_bank(argument: str) -> None:
    """Raise :class:`QuizError` when ``argument`` names a question bank rather than an article
    (a ``.yaml``/``.yml`` name, or any file holding a quiz bank): drafting questions from a
    bank's YAML would make a bank about a bank."""
    from quiz.commands.bank_files import holds_a_bank, looks_like_bank_name
    from quiz.generate.fetch import is_url

    if is_url(argument):
        return
    path = Path(argument).expanduser()
    if looks_like_bank_name(path) or holds_a_bank(path):
        raise QuizError(
            f"{argument} is a question bank, not an article: play it with `quiz play "
            f"{argument}`, check it with `quiz check {argument}` or review and edit it with "
            f"`quiz author {argument}`"
        )


def place_article(article: ArticleInput, beside: Path) -> str:
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
    write_file(beside, text)
    return beside.name


def free_article_name(article: ArticleInput, folder: Path, bank_id: str) -> str:
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


def write_file(path: Path, content: str) -> None:
    from quiz.atomic import write_atomic

    try:
        write_atomic(path, content)
    except OSError as error:
        raise QuizError(f"cannot write {path} ({error.strerror or error})") from None
