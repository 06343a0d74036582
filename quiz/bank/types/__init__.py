"""Question types: one module each, found through one registry (:mod:`.registry`).

Importing this package registers the seven built-in types, in the order of :data:`BUILT_IN`:
that order is the order every list of types shows (the unknown-type message, the authoring
filter). A type defined elsewhere (a test's own) calls :func:`register` the same way, and comes
after them.

To add a built-in type: write ``quiz/bank/types/<name>.py`` (its model class, then one
:class:`QuestionType`) and add it to :data:`BUILT_IN`.
``docs/architecture.md`` lists what else still names the seven types.
"""

from __future__ import annotations

from typing import Any

from quiz.bank.types.cloze import BLANK_PATTERN, CLOZE, Cloze
from quiz.bank.types.form import FormField, FormSpec
from quiz.bank.types.matching import MATCHING, Matching, Pair
from quiz.bank.types.multiple_choice import MULTIPLE_CHOICE, MultipleChoice
from quiz.bank.types.numeric import NUMERIC, Numeric
from quiz.bank.types.ordering import ORDERING, Ordering
from quiz.bank.types.registry import (
    COMMON_FIELDS,
    DEFAULT_SLOW_SECONDS,
    QUESTION_TYPES,
    ROW_BUILDERS,
    TYPE_NAMES,
    QuestionType,
    question_type,
    question_types,
    register,
    shape_of,
    type_of,
    unregister,
)
from quiz.bank.types.short_answer import SHORT_ANSWER, ShortAnswer
from quiz.bank.types.true_false import TRUE_FALSE, TrueFalse

#: The built-in types, in the order they are listed everywhere.
BUILT_IN: tuple[QuestionType[Any], ...] = (
    MULTIPLE_CHOICE,
    TRUE_FALSE,
    CLOZE,
    SHORT_ANSWER,
    MATCHING,
    NUMERIC,
    ORDERING,
)
for _kind in BUILT_IN:
    register(_kind)

__all__ = [
    "BLANK_PATTERN",
    "BUILT_IN",
    "COMMON_FIELDS",
    "DEFAULT_SLOW_SECONDS",
    "QUESTION_TYPES",
    "ROW_BUILDERS",
    "TYPE_NAMES",
    "Cloze",
    "FormField",
    "FormSpec",
    "Matching",
    "MultipleChoice",
    "Numeric",
    "Ordering",
    "Pair",
    "QuestionType",
    "ShortAnswer",
    "TrueFalse",
    "question_type",
    "question_types",
    "register",
    "shape_of",
    "type_of",
    "unregister",
]
