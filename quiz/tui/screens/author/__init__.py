"""The authoring screen (``quiz author``) and what it opens, one module each.

``screen.py`` is the screen (review a drafted bank question by question, then save);
``panes.py`` its question list and detail; ``content.py`` what they show, built from the draft;
``forms.py`` the question and bank-details forms; ``dialogs.py`` the confirmations and the help;
``saving.py`` when to ask before replacing a file and the saved bank joining the library;
``styles.py`` the stylesheets they share. The state lives in :class:`quiz.authoring.Draft`.
"""

from __future__ import annotations

from quiz.tui.screens.author.content import (
    STATE_MARKS,
    STATE_NAMES,
    TYPE_TAGS,
    answer_content,
    kind_line,
    list_prompt,
    source_content,
)
from quiz.tui.screens.author.dialogs import KEYS, AuthorHelp, Confirm, UnsavedChanges
from quiz.tui.screens.author.forms import BankDetails, EditQuestion, ParagraphArea
from quiz.tui.screens.author.panes import QuestionDetail, QuestionList
from quiz.tui.screens.author.screen import STATE_FILTERS, AuthorScreen
from quiz.tui.screens.author.styles import AUTHOR_CSS

__all__ = [
    "AUTHOR_CSS",
    "KEYS",
    "STATE_FILTERS",
    "STATE_MARKS",
    "STATE_NAMES",
    "TYPE_TAGS",
    "AuthorHelp",
    "AuthorScreen",
    "BankDetails",
    "Confirm",
    "EditQuestion",
    "ParagraphArea",
    "QuestionDetail",
    "QuestionList",
    "UnsavedChanges",
    "answer_content",
    "kind_line",
    "list_prompt",
    "source_content",
]
