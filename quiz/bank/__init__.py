"""Banks: the model, the safe loader and validator, and where banks are found."""

from quiz.bank.errors import BankError, Problem
from quiz.bank.loader import load_bank, parse_bank_text
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
