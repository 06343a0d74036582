"""Banks: the model, and the safe loader and validator.

``load_bank`` and ``parse_bank_text`` are imported on first use (PEP 562), so code that only
needs the model, or a bank from the cache, never pays for importing the YAML parser.
"""

from typing import TYPE_CHECKING, Any

from quiz.bank.errors import BankError, Problem
from quiz.bank.model import (
    FORMAT,
    QUESTION_TYPES,
    Bank,
    Cloze,
    Fact,
    Matching,
    MultipleChoice,
    Numeric,
    Ordering,
    Pair,
    Question,
    ShortAnswer,
    Source,
    TrueFalse,
)

__all__ = [
    "FORMAT",
    "QUESTION_TYPES",
    "Bank",
    "BankError",
    "Cloze",
    "Fact",
    "Matching",
    "MultipleChoice",
    "Numeric",
    "Ordering",
    "Pair",
    "Problem",
    "Question",
    "ShortAnswer",
    "Source",
    "TrueFalse",
    "load_bank",
    "parse_bank_text",
]

if TYPE_CHECKING:
    from quiz.bank.loader import load_bank, parse_bank_text


def __getattr__(name: str) -> Any:
    if name in ("load_bank", "parse_bank_text"):
        from quiz.bank import loader

        return getattr(loader, name)
    raise AttributeError(f"module 'quiz.bank' has no attribute {name!r}")
