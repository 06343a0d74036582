"""Load a bank file: read bytes within bounds, decode, parse safely, validate, build.

Everything that can go wrong with a file someone else wrote ends as a :class:`BankError`
listing ``file:line: message`` problems; nothing else escapes :func:`load_bank`.
"""

from __future__ import annotations

import os
from pathlib import Path

from quiz.bank.errors import BankError, Problem, read_problem
from quiz.bank.files import (
    MAX_ARTICLE_BYTES,
    MAX_BANK_BYTES,
    article_reader,
    decode_text,
    read_bytes_bounded,
    read_text_file,
)
from quiz.bank.model import Bank
from quiz.bank.validate import QuestionStream, build_bank
from quiz.bank.yamlsafe import YamlProblem, load_yaml


def parse_bank_text(text: str, *, path: Path, stream: QuestionStream | None = None) -> Bank:
    """Parse and validate bank text; ``path`` names the file in errors and anchors the article.
    ``stream`` builds the questions (one that keeps their lines, for ``quiz check``)."""
    shown = str(path)
    stream = stream or QuestionStream()
    try:
        document = load_yaml(text, on_item=stream)
    except YamlProblem as problem:
        raise BankError(shown, [Problem(problem.line, problem.message)]) from None
    bank, problems = build_bank(
        document, path=shown, read_article=article_reader(path), stream=stream
    )
    if problems or bank is None:
        raise BankError(shown, problems or [Problem(0, "not a valid bank")])
    return bank


def load_bank(path: str | os.PathLike[str], stream: QuestionStream | None = None) -> Bank:
    """Load and validate the bank at ``path``; raises :class:`BankError` for any bad input."""
    bank_path = Path(path)
    try:
        text = read_text_file(bank_path, limit=MAX_BANK_BYTES, what="the bank file")
    except ValueError as error:
        raise BankError(str(bank_path), [read_problem(error)]) from None
    return parse_bank_text(text, path=bank_path, stream=stream)


__all__ = [
    "MAX_ARTICLE_BYTES",
    "MAX_BANK_BYTES",
    "article_reader",
    "decode_text",
    "load_bank",
    "parse_bank_text",
    "read_bytes_bounded",
    "read_text_file",
]
