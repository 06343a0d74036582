"""Statements on the scale of the article's key figures: true or false by a round threshold
well below or above the figure, never a figure a reader must know to the digit."""

from __future__ import annotations

from typing import Any

import pytest

from quiz.generate.balance import TURNED, turn
from quiz.generate.magnitude import HIGH, LOW, magnitude_candidates, nice_above, nice_below

ARTICLE = """\
Port Elms strike ends with 240 new jobs

Dock workers in Port Elms ended a three-day strike after the harbour authority agreed to \
hire 240 more crane operators.

The strike halted the movement of 9,000 containers a day and cost exporters $12 million, \
the chamber of commerce said.

Freight rates on the route rose 18 percent during the stoppage, the highest jump this year.

The union's leader, Maria Vance, said the deal was "the best in 20 years" for her members.

Only 21 of 131 ports in the region have signed a similar agreement since 2015.

The harbour authority said the new operators would start work in March after a course.
"""


@pytest.mark.parametrize(
    ("value", "below", "above"),
    [(240, 100, 500), (18, 10, 50), (12e6, 5e6, 20e6), (9000, 5000, 20000), (1.7, 1, 5)],
)
def test_thresholds_are_round_and_far_from_the_figure(
    value: float, below: float, above: float
) -> None:
    assert nice_below(value * LOW) == below and nice_above(value * HIGH) == above
    assert below <= value * LOW and above >= value * HIGH


def _is_right(c: Any) -> bool:
    """The statement's key agrees with the figure and the threshold its prompt gives."""
    value = c.facts[0].amount.value
    said = c.prompt.split(" than ", 1)[1].split()[0].strip("$%,")
    threshold = float(said.replace(",", ""))
    if "million" in c.prompt.split(" than ", 1)[1].split(",")[0][:20]:
        threshold *= 1e6
    more = "more than" in c.prompt
    return bool(c.fields["answer"] == ((value > threshold) if more else (value < threshold)))


def test_statements_say_more_or_fewer_than_a_round_figure_and_are_right(analyse: Any) -> None:
    article = analyse(ARTICLE)
    found = {c.facts[0].key: c for c in magnitude_candidates(article)}
    assert found, "the main sentences' figures give statements"
    for key, c in found.items():
        assert c.type == "true_false" and c.form == "magnitude"
        assert key not in c.prompt  # the figure itself is not shown
        assert "more than" in c.prompt or "fewer than" in c.prompt or "less than" in c.prompt
        assert _is_right(c), c.prompt
    # never inside a quotation, a part of a whole ("21 of 131"), a year or a small count
    assert not {"20", "21", "131", "2015", "three"} & set(found)


def test_each_statement_can_be_said_the_other_way_and_stays_right(analyse: Any) -> None:
    """The bank deals a scale statement true or false once its questions are chosen (a draw per
    statement left the fresh sets' banks 1 true in 9): the other wording keeps the figure's
    comparison and swaps the threshold, and turning twice gives the statement back."""
    found = magnitude_candidates(analyse(ARTICLE))
    assert all(TURNED in c.fields for c in found)
    for c in found:
        before = (c.prompt, c.fields["answer"], c.explanation)
        turn(c)
        assert c.fields["answer"] is not before[1] and _is_right(c), c.prompt
        assert c.prompt != before[0] and c.explanation.startswith(("True:", "False:"))
        assert ("more than" in c.prompt) == ("more than" in before[0])
        turn(c)
        assert (c.prompt, c.fields["answer"], c.explanation) == before


def test_a_bank_may_hold_a_lone_scale_statement_but_never_a_lone_swap(make: Any) -> None:
    result = make(ARTICLE, date="2025-03-03")
    statements = [q for q in result.bank.questions if q.id.startswith("tf-")]
    swaps = [q for q in statements if "gives the figure" not in q.explanation]
    assert len(statements) != 1 or not swaps


def test_no_statement_from_a_sentence_with_a_quotation(analyse: Any) -> None:
    """The statement would repeat someone's words around an aside's figure ("… says Bruce
    McCain of Key Private Bank, which manages less than $50 billion": fresh set L)."""
    text = (
        "Stocks seen rising\n\n"
        '"Both can be right," says Bruce McCain, strategist at Key Private Bank, which manages '
        "$25 billion.\n\nThe index rose 240 points on Monday, its best day this year.\n"
    )
    keys = {c.facts[0].key for c in magnitude_candidates(analyse(text))}
    assert not any("25" in k for k in keys)


def test_true_and_false_statements_are_chosen_alike(analyse: Any) -> None:
    """A true scale statement does not repeat its sentence word for word, so it is not held
    back beside other questions of its sentence any more than a false one is (before, all 46
    true/false questions in 311 banks from the fresh sets were false)."""
    from quiz.generate.select import mode_of

    for c in magnitude_candidates(analyse(ARTICLE)):
        assert mode_of(c) == "judge"


@pytest.mark.parametrize(
    "sentence",
    [
        "Embiid scored 20 points on four baskets and two free throws in the first quarter.",
        "Poland reported 25.9 cases per 100,000 people in the week, up from 15.6 the week before.",
    ],
)
def test_no_statement_when_the_sentence_has_other_figures(analyse: Any, sentence: str) -> None:
    """Its other figures tell a bound's truth without the article: "more than 20 points on four
    baskets and two free throws" cannot be true (set K), "fewer than 10, up from 15.6" cannot
    be either (set M)."""
    text = f"Match report\n\n{sentence}\n\nThe crowd of 18,000 stayed to the end, the club said.\n"
    found = [c for c in magnitude_candidates(analyse(text)) if c.facts[0].sentence.text == sentence]
    assert found == []


def test_a_rough_figure_is_asked_with_its_hedge_replaced(analyse: Any) -> None:
    """ "Nearly 9,000" is well above 5,000 and well below 20,000: the threshold replaces the
    hedge and the figure ("about $25 million" -> "more than $10 million"); a bound ("more than
    2,000") says one side only and gives no statement."""
    text = (
        "Flood report\n\nNearly 9,000 people left their homes in the valley on Monday.\n\n"
        "The agency spent about $25 million on the clean-up of the river.\n\n"
        "More than 2,000 volunteers helped the crews at the dam.\n"
    )
    found = {c.facts[0].key: c for c in magnitude_candidates(analyse(text))}
    assert "2,000" not in found
    for key in ("9,000", "$25 million"):
        c = found[key]
        assert "nearly" not in c.prompt.lower() and "about" not in c.prompt
        assert _is_right(c)
        turn(c)
        assert _is_right(c) and "nearly" not in c.prompt.lower() and "about" not in c.prompt
    assert found["$25 million"].prompt.startswith("The agency spent more than $")


def test_a_sum_after_of_is_asked_but_a_part_of_a_whole_is_not(analyse: Any) -> None:
    text = (
        "Dam ruling\n\nThe state approved a fine of $5 million for the company that built it.\n\n"
        "Only 21 of 131 ports in the region signed the agreement that the minister wanted.\n"
    )
    keys = {c.facts[0].key for c in magnitude_candidates(analyse(text))}
    assert "$5 million" in keys and not {"21", "131"} & keys


def test_a_figure_of_another_kind_in_the_sentence_does_not_stop_a_statement(
    analyse: Any,
) -> None:
    """A share beside a count tells nothing about the count's scale; a count beside a count
    does ("20 points on four baskets")."""
    text = "Storm\n\nThe storm destroyed 450 homes and 18 percent of the farms in the district.\n"
    keys = {c.facts[0].key for c in magnitude_candidates(analyse(text))}
    assert {"450", "18"} <= keys


def test_an_address_is_not_a_count(analyse: Any) -> None:
    """ "300 Slater is assigned to the Department of National Defence" gave "more than 100
    Slater" (fresh set O): a figure before a name counts nothing."""
    text = (
        "Offices\n\nThe spokeswoman said 300 Slater is now assigned to the Department of "
        "National Defence, which faces a shortage of desks.\n"
    )
    assert not [c for c in magnitude_candidates(analyse(text)) if c.facts[0].key == "300"]


def test_no_statement_when_another_sentence_counts_the_same_thing(analyse: Any) -> None:
    """ "nearly 150 suspected militants" in the lead gave away "fewer than 500 suspected Islamist
    militants" for the 145 of a later sentence (fresh set Q)."""
    text = (
        "Crackdown\n\nAuthorities arrested nearly 150 suspected militants in a crackdown on "
        "extremism, officials said.\n\nPolice said they detained 145 suspected Islamist militants "
        "over four days of raids in the capital.\n\nThe raids followed the killing of 240 "
        "workers at a textile factory in the north.\n"
    )
    keys = {c.facts[0].key for c in magnitude_candidates(analyse(text))}
    assert "145" not in keys and "150" not in keys


def test_a_bound_is_never_swapped_into_a_false_statement(analyse: Any) -> None:
    """ "more than 11,000 others" swapped to "more than 2,100 others" is still true; it was keyed
    False (fresh set Q)."""
    from quiz.generate.questions import build_candidates

    text = (
        "Crackdown\n\nAuthorities in the country have arrested more than 11,000 people as part "
        "of a crackdown after a wave of killings.\n\nThe police chief said the raids on 240 "
        "homes would go on until June.\n"
    )
    article = analyse(text)
    swaps = [
        c
        for c in build_candidates(article)
        if c.type == "true_false" and c.fields.get("answer") is False and "11,000" in c.fact.key
    ]
    assert swaps == []


def test_no_statement_for_a_figure_below_one(analyse: Any) -> None:
    """ "The economy grew 0.1% in the quarter" as "more than 0.05%" reads as a contrived
    threshold (both raters of set P)."""
    text = "Economy\n\nThe economy grew by 0.1% in the first quarter, the statistics office said.\n"
    assert not magnitude_candidates(analyse(text))


def test_no_statement_for_a_whole_hundred_percent(analyse: Any) -> None:
    """ "Nowhere can be 100% prepared" made "less than 50% prepared": a figure of speech read as
    a share (both raters of set U); another share in the same sentence still gives one."""
    text = (
        "Volcanoes\n\nNowhere can be {} prepared, but having plans for evacuations and hazard "
        "plans to know where the most impact will be can go a long way to reducing danger.\n"
    )
    assert not magnitude_candidates(analyse(text.format("100%")))
    assert magnitude_candidates(analyse(text.format("64%")))
