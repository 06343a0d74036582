"""Discrimination: does a question separate the learners who know the material from those who
do not? A question the strong learners miss and the weak ones get right is telling the teacher
something: usually that its key is wrong, or that a wrong option is plausible to someone who
read closely.

The primary index is the **point-biserial correlation** (as in Moodle's quiz statistics)
between a learner's item score and their score on the *other* questions: the corrected
item-total correlation. The item itself is left out of the total, or it would correlate with
itself and look better than it is (most of all in a short quiz).

Choices, and why:

* **First answers only.** Learners practise a bank several times and see the right answer
  after each try; their first answer to a question is the one that measures what they knew.
  Item scores are therefore 0 or 1 (a near miss counts as right).
* **Rest score as a share.** Learners do not all answer the same questions (a session picks
  some), so the score on the other questions is the share right, not the count: a learner who
  answered 20 questions is not "stronger" than one who answered 10 equally well.
* **A minimum of learners** (:data:`MIN_LEARNERS`). With three learners a correlation is noise
  that looks like a finding; below the minimum the report says "too few learners" instead.
* **The upper/lower 27 % index** is given beside it (share right in the top 27 % by rest score
  minus share right in the bottom 27 %), because it is easy to explain in a staff room, and
  the upper group's favourite wrong answer is named when an item discriminates negatively.
  Groups are ``ceil(27 % of the learners)`` each; ties at the boundary are broken by learner
  id, so that the same files always give the same figures.

Pure arithmetic over mappings: no bank model, no I/O.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

__all__ = [
    "GROUP_SHARE",
    "LOW_DISCRIMINATION",
    "METHOD",
    "METHOD_NOTE",
    "MIN_LEARNERS",
    "Discrimination",
    "discriminate",
    "pearson",
    "rest_scores",
    "upper_lower",
]

#: The learners a discrimination figure needs (each with a first answer to the question and
#: to at least one other); below this the report says "too few learners".
MIN_LEARNERS = 5
#: Under this a question is flagged as not separating strong from weak learners (the usual
#: rule of thumb: 0.2 to 0.3 is fair, above 0.3 good).
LOW_DISCRIMINATION = 0.2
#: The share of learners in each of the upper and lower groups.
GROUP_SHARE = 0.27
#: Which index is primary, as said in every output.
METHOD = "point-biserial"
METHOD_NOTE = (
    "point-biserial correlation between a learner's first answer to the question and their "
    "share right on the other questions (corrected item-total); the upper/lower 27% index "
    "is given beside it"
)

# statuses
OK = "ok"
LOW = "low"
NEGATIVE = "negative"
TOO_FEW = "too_few_learners"
ALL_RIGHT = "all_right"
ALL_WRONG = "all_wrong"
NO_SPREAD = "no_spread"
NOT_ASKED = "not_asked"


class Answer(Protocol):
    """What a first answer needs to offer here (:class:`quiz.report.results.Attempt` does)."""

    @property
    def correct(self) -> bool: ...


A = TypeVar("A", bound=Answer)


@dataclass(frozen=True, slots=True)
class Discrimination:
    """One question's discrimination, or why there is none.

    ``status`` is one of ``ok``, ``low``, ``negative``, ``too_few_learners``, ``all_right``,
    ``all_wrong``, ``no_spread`` (the learners' other scores are all equal) or ``not_asked``.
    Figures are rounded to two decimals, as shown, so that the flag and the figure agree.
    """

    status: str
    learners: int = 0  # learners counted: a first answer to it and to another question
    point_biserial: float | None = None
    upper_lower: float | None = None
    upper_pick: str = ""  # the wrong answer the upper group gave most ("" if none)

    @property
    def flagged(self) -> bool:
        return self.status in (LOW, NEGATIVE)

    @property
    def reason(self) -> str:
        """Why the figure is what it is, in a teacher's words ("" when all is well)."""
        if self.status == NEGATIVE:
            text = "the key may be wrong, or a distractor attracts strong students"
            if self.upper_pick:
                text += f"; the upper group chose “{self.upper_pick}” most"
            return text
        if self.status == LOW:
            return "does not separate strong from weak learners"
        if self.status == TOO_FEW:
            return f"too few learners ({self.learners}; it needs {MIN_LEARNERS})"
        if self.status == ALL_RIGHT:
            return "every learner's first answer was right: nothing to separate"
        if self.status == ALL_WRONG:
            return "no learner's first answer was right: check the key and the wording"
        if self.status == NO_SPREAD:
            return "the learners' scores on the other questions are all equal"
        return ""


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """The Pearson correlation of ``xs`` and ``ys`` (point-biserial when ``xs`` are 0 and 1);
    None when either does not vary, where a correlation means nothing."""
    n = len(xs)
    if n != len(ys) or n < 2:
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx <= 0 or syy <= 0:
        return None
    return sxy / math.sqrt(sxx * syy)


def rest_scores(scores: Mapping[str, Mapping[str, int]], question_id: str) -> dict[str, float]:
    """Per learner who answered ``question_id`` and at least one other question: their share
    right on the other questions. ``scores`` is learner -> question -> 1 or 0 (first answers)."""
    rest: dict[str, float] = {}
    for learner, items in scores.items():
        if question_id not in items or len(items) < 2:
            continue
        others = sum(items.values()) - items[question_id]
        rest[learner] = others / (len(items) - 1)
    return rest


def upper_lower(
    item: Mapping[str, int], rest: Mapping[str, float]
) -> tuple[list[str], list[str], float | None]:
    """The upper and lower groups (``ceil(27 %)`` of the learners each, by rest score, ties
    broken by learner id) and the share right in the upper group minus that in the lower."""
    ranked = sorted(rest, key=lambda learner: (-rest[learner], learner))
    size = math.ceil(GROUP_SHARE * len(ranked))
    if size == 0 or 2 * size > len(ranked):
        return [], [], None
    upper, lower = ranked[:size], ranked[-size:]
    index = (sum(item[u] for u in upper) - sum(item[w] for w in lower)) / size
    return upper, lower, index


def discriminate(
    question_id: str,
    first: Mapping[str, Mapping[str, A]],
    wrong_picks: Callable[[A], list[str]],
) -> Discrimination:
    """The discrimination of one question from every learner's first answers (``first`` is
    learner -> question -> first answer). ``wrong_picks`` names the wrong answers in a first
    answer (for multiple choice, the wrong options picked), used to name the wrong answer
    the upper group chose most."""
    scores = {
        learner: {qid: int(answer.correct) for qid, answer in items.items()}
        for learner, items in first.items()
    }
    rest = rest_scores(scores, question_id)
    item = {learner: scores[learner][question_id] for learner in rest}
    counted = len(rest)
    if not counted and not any(question_id in items for items in scores.values()):
        return Discrimination(NOT_ASKED)
    if counted < MIN_LEARNERS:
        return Discrimination(TOO_FEW, counted)
    right = sum(item.values())
    if right == counted:
        return Discrimination(ALL_RIGHT, counted)
    if right == 0:
        return Discrimination(ALL_WRONG, counted)
    learners = sorted(rest)
    r = pearson([item[x] for x in learners], [rest[x] for x in learners])
    if r is None:
        return Discrimination(NO_SPREAD, counted)
    upper, _, index = upper_lower(item, rest)
    r = _two_places(r)
    status = NEGATIVE if r < 0 else LOW if r < LOW_DISCRIMINATION else OK
    pick = ""
    if status == NEGATIVE:
        picks: Counter[str] = Counter()
        for learner in upper:
            picks.update(wrong_picks(first[learner][question_id]))
        if picks:
            pick = picks.most_common(1)[0][0]  # ties: the first given
    return Discrimination(
        status,
        counted,
        point_biserial=r,
        upper_lower=None if index is None else _two_places(index),
        upper_pick=pick,
    )


def _two_places(value: float) -> float:
    """Rounded as shown (and never ``-0.0``, which would print as "-0.00")."""
    return round(value, 2) + 0.0
