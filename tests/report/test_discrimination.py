"""The discrimination arithmetic on small score tables worked out by hand (each expected value
is derived in the comment above it), and the flags and reasons each case gets."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pytest

from quiz.report.discrimination import (
    MIN_LEARNERS,
    Discrimination,
    discriminate,
    pearson,
    rest_scores,
    upper_lower,
)


@dataclass(frozen=True)
class Given:
    """A first answer: right or not, and what was given."""

    correct: bool
    given: str = ""


def wrong_given(answer: Given) -> list[str]:
    return [] if answer.correct else [answer.given]


def table(rows: dict[str, str], *, key_answers: dict[str, str] | None = None) -> dict:
    """learner -> question -> Given, from "1011"-style rows (question q0, q1, ...); the wrong
    first answers to q0 are ``key_answers[learner]``."""
    out: dict[str, dict[str, Given]] = {}
    for learner, marks in rows.items():
        out[learner] = {
            f"q{n}": Given(m == "1", (key_answers or {}).get(learner, "x") if n == 0 else "x")
            for n, m in enumerate(marks)
        }
    return out


def test_pearson_by_hand() -> None:
    # x = 1 1 0 0 0 (mean 0.4), y = 4 3 2 1 0 (mean 2)
    # x - mean: .6 .6 -.4 -.4 -.4     y - mean: 2 1 0 -1 -2
    # sum of products: 1.2 + .6 + 0 + .4 + .8 = 3.0
    # sum of squares: x 2(.36) + 3(.16) = 1.2;  y 4 + 1 + 0 + 1 + 4 = 10
    # r = 3 / sqrt(1.2 * 10) = 3 / sqrt(12) = sqrt(3) / 2 = 0.8660...
    assert pearson([1, 1, 0, 0, 0], [4, 3, 2, 1, 0]) == pytest.approx(math.sqrt(3) / 2)


def test_pearson_is_undefined_without_spread() -> None:
    assert pearson([1, 1, 1], [0.2, 0.5, 0.9]) is None  # everyone right
    assert pearson([1, 0, 1], [0.5, 0.5, 0.5]) is None  # equal other scores
    assert pearson([1], [0.5]) is None


def test_corrected_item_total_by_hand() -> None:
    #        q0 q1 q2    rest score for q0 = share right on q1, q2
    # a       1  1  1    2/2 = 1.0
    # b       1  1  0    1/2 = 0.5
    # c       1  0  0    0/2 = 0.0
    # d       0  1  0    1/2 = 0.5
    # e       0  0  0    0/2 = 0.0
    scores = {"a": "111", "b": "110", "c": "100", "d": "010", "e": "000"}
    rows = {k: {f"q{n}": int(m) for n, m in enumerate(v)} for k, v in scores.items()}
    assert rest_scores(rows, "q0") == {"a": 1.0, "b": 0.5, "c": 0.0, "d": 0.5, "e": 0.0}
    # x = 1 1 1 0 0 (mean .6), y = 1 .5 0 .5 0 (mean .4)
    # x - mean: .4 .4 .4 -.6 -.6        y - mean: .6 .1 -.4 .1 -.4
    # products: .24 + .04 - .16 - .06 + .24 = .30
    # squares: x 3(.16) + 2(.36) = 1.2;  y .36 + .01 + .16 + .01 + .16 = .70
    # r = .30 / sqrt(.84) = 0.3273 -> 0.33: fair, not flagged
    d = discriminate("q0", table(scores), wrong_given)
    assert d.point_biserial == 0.33
    assert pearson([1, 1, 1, 0, 0], [1, 0.5, 0, 0.5, 0]) == pytest.approx(0.3 / math.sqrt(0.84))
    # upper/lower 27%: ceil(.27 * 5) = 2 each. By rest score (ties by id): a 1.0, b .5, d .5,
    # c 0, e 0 -> upper a, b (both right: 1.0); lower c, e (one right: .5); index .5
    assert upper_lower(
        {"a": 1, "b": 1, "c": 1, "d": 0, "e": 0},
        rest_scores(
            {k: {f"q{n}": int(m) for n, m in enumerate(v)} for k, v in scores.items()}, "q0"
        ),
    ) == (["a", "b"], ["c", "e"], 0.5)
    assert d.upper_lower == 0.5
    assert (d.status, d.flagged, d.reason, d.learners) == ("ok", False, "", 5)


def test_negative_names_the_upper_groups_choice() -> None:
    # q0 is rigged: the three strongest answer "July", the two weakest get it right.
    #        q0 q1-q4   rest
    # a       0  1111   1.00
    # b       0  1110    .75
    # c       0  1100    .50
    # d       1  1000    .25
    # e       1  0000    .00
    # x = 0 0 0 1 1 (mean .4), y = 1 .75 .5 .25 0 (mean .5)
    # x - mean: -.4 -.4 -.4 .6 .6       y - mean: .5 .25 0 -.25 -.5
    # products: -.2 - .1 + 0 - .15 - .3 = -.75
    # squares: x 1.2;  y .25 + .0625 + 0 + .0625 + .25 = .625
    # r = -.75 / sqrt(.75) = -sqrt(.75) = -0.866 -> -0.87
    # upper a, b (0 right), lower d, e (2 right): (0 - 2) / 2 = -1.00
    scores = {"a": "01111", "b": "01110", "c": "01100", "d": "11000", "e": "10000"}
    july = {"a": "July", "b": "July", "c": "May"}
    d = discriminate("q0", table(scores, key_answers=july), wrong_given)
    assert d == Discrimination("negative", 5, -0.87, -1.0, "July")
    assert d.flagged
    assert d.reason == (
        "the key may be wrong, or a distractor attracts strong students; "
        "the upper group chose “July” most"
    )


def test_negative_without_a_named_choice() -> None:
    # the same table, but the upper group left the question blank: nothing to name
    scores = {"a": "01111", "b": "01110", "c": "01100", "d": "11000", "e": "10000"}
    d = discriminate("q0", table(scores), lambda answer: [])
    assert d.upper_pick == ""
    assert d.reason == "the key may be wrong, or a distractor attracts strong students"


def test_near_zero_is_low() -> None:
    # x = 1 0 1 0 1 against the same rest scores 1 .75 .5 .25 0:
    # x - mean(.6): .4 -.6 .4 -.6 .4; y - mean(.5): .5 .25 0 -.25 -.5
    # products: .2 - .15 + 0 + .15 - .2 = 0 -> r = 0.00: low, not negative
    scores = {"a": "11111", "b": "01110", "c": "11100", "d": "01000", "e": "10000"}
    d = discriminate("q0", table(scores), wrong_given)
    assert (d.status, d.point_biserial) == ("low", 0.0)
    assert d.reason == "does not separate strong from weak learners"


def test_too_few_learners_gives_no_figure() -> None:
    scores = {"a": "01111", "b": "01110", "c": "01100", "d": "11000"}
    assert MIN_LEARNERS == 5
    d = discriminate("q0", table(scores), wrong_given)
    assert d == Discrimination("too_few_learners", 4)
    assert d.point_biserial is None and not d.flagged
    assert d.reason == "too few learners (4; it needs 5)"


def test_a_learner_with_only_this_question_is_not_counted() -> None:
    # f answered q0 alone: no score on other questions, so not one of the five
    scores = {"a": "01111", "b": "01110", "c": "01100", "d": "11000", "f": "1"}
    assert discriminate("q0", table(scores), wrong_given).status == "too_few_learners"


def test_everyone_right_or_wrong_has_no_figure() -> None:
    right = {k: "1" + v for k, v in {"a": "11", "b": "10", "c": "01", "d": "00", "e": "10"}.items()}
    d = discriminate("q0", table(right), wrong_given)
    assert (d.status, d.point_biserial, d.flagged) == ("all_right", None, False)
    wrong = {k: "0" + v[1:] for k, v in right.items()}
    d = discriminate("q0", table(wrong), wrong_given)
    assert d.status == "all_wrong"
    assert d.reason == "no learner's first answer was right: check the key and the wording"


def test_equal_scores_elsewhere_have_no_figure() -> None:
    scores = {"a": "11", "b": "01", "c": "11", "d": "01", "e": "11"}
    assert discriminate("q0", table(scores), wrong_given).status == "no_spread"


def test_not_asked() -> None:
    assert discriminate("q9", table({"a": "11"}), wrong_given).status == "not_asked"
