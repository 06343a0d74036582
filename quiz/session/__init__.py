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

from typing import TYPE_CHECKING, Any

from quiz.session.choosing import NoQuestions, Options, select_questions
from quiz.session.presenting import Item
from quiz.session.session import LAZY_OVER, Clock, Session, mixed_bank, utc_now
from quiz.session.siblings import MAX_WINDOW, arrange, sibling_keys, spacing_window

if TYPE_CHECKING:
    from quiz.session.as_it_goes import LOOK_AHEAD, TAIL
    from quiz.session.results import Breakdown, Miss, Result, Summary

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


def __getattr__(name: str) -> Any:
    """:data:`LOOK_AHEAD` and :data:`TAIL` from :mod:`~quiz.session.as_it_goes`, imported when
    asked for: a session of at most :data:`LAZY_OVER` questions never needs that module. The
    results (:class:`Result`, :class:`Summary`...) likewise, from
    :mod:`~quiz.session.results`: a session has none before its first answer, and that module
    imports the answer and its outcome (:mod:`quiz.record`), which ``quiz play`` does not need
    before its first paint."""
    if name in ("LOOK_AHEAD", "TAIL"):
        from quiz.session.as_it_goes import LOOK_AHEAD, TAIL

        return {"LOOK_AHEAD": LOOK_AHEAD, "TAIL": TAIL}[name]
    if name in ("Breakdown", "Miss", "Result", "Summary"):
        from quiz.session import results

        return getattr(results, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
