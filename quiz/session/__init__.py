"""A quiz session over a bank: which questions, in what order, graded answers, the summary.

No I/O. Time comes from an injected clock and every graded answer is handed, as it is given,
to a :class:`~quiz.record.Recorder`. One job a module:

- :mod:`~quiz.session.choosing`: the filters (:class:`Options`) and the questions they choose;
- :mod:`~quiz.session.siblings`: questions that give away each other's answer, kept apart;
- :mod:`~quiz.session.presenting`: a question as it is shown (:class:`Item`, shuffled parts);
- :mod:`~quiz.session.as_it_goes`: a big shuffled session ordered as the quiz goes;
- :mod:`~quiz.session.results`: a graded answer (:class:`Result`) and the :class:`Summary`;
- :mod:`~quiz.session.session`: the :class:`Session` itself.
"""

from __future__ import annotations

from quiz.session.as_it_goes import LAZY_OVER, LOOK_AHEAD, TAIL
from quiz.session.choosing import NoQuestions, Options, select_questions
from quiz.session.presenting import Item
from quiz.session.results import Breakdown, Miss, Result, Summary
from quiz.session.session import Clock, Session, mixed_bank, utc_now
from quiz.session.siblings import MAX_WINDOW, arrange, sibling_keys, spacing_window

__all__ = [
    "LAZY_OVER",
    "LOOK_AHEAD",
    "MAX_WINDOW",
    "TAIL",
    "Breakdown",
    "Clock",
    "Item",
    "Miss",
    "NoQuestions",
    "Options",
    "Result",
    "Session",
    "Summary",
    "arrange",
    "mixed_bank",
    "select_questions",
    "sibling_keys",
    "spacing_window",
    "utc_now",
]
