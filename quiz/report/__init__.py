"""Item analysis: how each question of a bank fared with the learners who answered it, and
which questions a teacher should look at again.

Input is answers in the portable results format (``quiz-results/1``), from any number of
learners' files or from the local store, and the learners' flags. Output is a
:class:`Report`, written out by one renderer per format. One job per module:

=====================  ====================================================================
``results``            reading and checking results files (the package's only I/O)
``discrimination``     the discrimination index (point-biserial, upper/lower 27 %)
``model``              the dataclasses every renderer reads
``analysis``           attempts -> :class:`Report` (facility, wrong options, median time)
``students``           the per-student table
``words``              how figures are written, shared by the renderers
``render_text``        lines for a terminal
``render_json``        one JSON object for scripts
``render_csv``         a spreadsheet
``render_html``        a standalone web page
=====================  ====================================================================

Pure: no Textual, no SQLite (the TUI screen is :mod:`quiz.tui.screens.report`).
"""

from __future__ import annotations

from quiz.report.analysis import analyse, first_answers
from quiz.report.discrimination import (
    LOW_DISCRIMINATION,
    METHOD,
    METHOD_NOTE,
    MIN_LEARNERS,
    Discrimination,
    discriminate,
    pearson,
    rest_scores,
    upper_lower,
)
from quiz.report.model import (
    NO_ANSWER,
    Count,
    QuestionReport,
    Report,
    StudentReport,
    attention_first,
)
from quiz.report.render_csv import to_csv
from quiz.report.render_html import to_html
from quiz.report.render_json import REPORT_FORMAT, to_json
from quiz.report.render_text import format_text
from quiz.report.results import (
    RESULTS_FORMAT,
    Attempt,
    FlagNote,
    ResultsError,
    parse_results,
    read_results,
)
from quiz.report.students import learner_names

__all__ = [
    "LOW_DISCRIMINATION",
    "METHOD",
    "METHOD_NOTE",
    "MIN_LEARNERS",
    "NO_ANSWER",
    "REPORT_FORMAT",
    "RESULTS_FORMAT",
    "Attempt",
    "Count",
    "Discrimination",
    "FlagNote",
    "QuestionReport",
    "Report",
    "ResultsError",
    "StudentReport",
    "analyse",
    "attention_first",
    "discriminate",
    "first_answers",
    "format_text",
    "learner_names",
    "parse_results",
    "pearson",
    "read_results",
    "rest_scores",
    "to_csv",
    "to_html",
    "to_json",
    "upper_lower",
]
