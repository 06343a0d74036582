"""The verdict on one response, as every question type's ``grade`` returns it.

Its own module, apart from :mod:`quiz.marking.outcome`: a frozen dataclass costs about a
millisecond to define, and the outcome is needed at every start, the grade only at the first
answer (``quiz.grading`` is imported then).
"""

from __future__ import annotations

from dataclasses import dataclass

from quiz.marking.outcome import Outcome


@dataclass(frozen=True, slots=True)
class Grade:
    """The verdict on one response.

    ``parts`` says, per blank / pair / position, whether that part was right (empty for types
    without parts). ``notes`` are short sentences for the feedback panel. ``given`` is the
    response as one readable line, the form handed to the recorder.
    """

    outcome: Outcome
    given: str
    notes: tuple[str, ...] = ()
    parts: tuple[bool, ...] = ()

    @property
    def correct(self) -> bool:
        return self.outcome.correct

    @property
    def parts_right(self) -> int:
        return sum(self.parts)
