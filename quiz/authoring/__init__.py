"""The authoring draft: a bank under review, question by question. No UI, no spaCy.

Read in this order: ``draft.py`` (a bank under review: each question's review state, and the
bank it saves as), ``form.py`` (the edit form, checked by the bank validator itself, so an edited
question can never make a bank that does not load), ``choices.py`` and ``alternatives.py`` (a
multiple-choice question's wrong options: how they are swapped without moving the answer, and
where other ones come from), ``save.py`` (the bank written atomically, then loaded to prove it).
The names below are the package's whole interface; the screens import them from here.
"""

from __future__ import annotations

from quiz.authoring.alternatives import (
    AlternativeSource,
    fact_alternatives,
    generator_alternatives,
)
from quiz.authoring.choices import swap_in, with_wrong_options, wrong_options
from quiz.authoring.draft import STATES, Draft, DraftError, DraftItem, ItemState
from quiz.authoring.form import (
    FormField,
    form_fields,
    form_values,
    question_from_form,
    validate_question,
)
from quiz.authoring.save import SaveResult, save_draft

__all__ = [
    "STATES",
    "AlternativeSource",
    "Draft",
    "DraftError",
    "DraftItem",
    "FormField",
    "ItemState",
    "SaveResult",
    "fact_alternatives",
    "form_fields",
    "form_values",
    "generator_alternatives",
    "question_from_form",
    "save_draft",
    "swap_in",
    "validate_question",
    "with_wrong_options",
    "wrong_options",
]
