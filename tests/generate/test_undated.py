"""Relative times leave the prompt ("said on Thursday that" -> "said that"); names, dated
times, possessives and blanks beside them stay; and the source quotes the article whole."""

from __future__ import annotations

from typing import Any

import pytest

from quiz.generate.undated import telling_days, undated

DROPPED = [
    ("On Monday, the relatives went into the jungle.", "The relatives went into the jungle."),
    ("The Senate voted on Thursday to pass the bill.", "The Senate voted to pass the bill."),
    ("Jones said Tuesday that the plan was dead.", "Jones said that the plan was dead."),
    ("The FDA said last week it would review ___.", "The FDA said it would review ___."),
    ("Last week, the FDA approved ___ for children.", "The FDA approved ___ for children."),
    ("The minister resigned late Monday night after ___.", "The minister resigned after ___."),
    ("As of Monday, gas cost $___ a gallon.", "Gas cost $___ a gallon."),
    ("She won on Wednesday, the day after ___ voted.", "She won, the day after ___ voted."),
    ("Prices fell yesterday to $___.", "Prices fell to $___."),
    # set L: "Late on Saturday" stayed, and "late on Saturday" lost only its "on Saturday"
    ("Late on Saturday, bombs fell on ___ refugee camp.", "Bombs fell on ___ refugee camp."),
    ("Bombs fell late on Saturday on ___ refugee camp.", "Bombs fell on ___ refugee camp."),
    (
        "What number goes in the blank? Last week, exporters lost ___ euros.",
        "What number goes in the blank? Exporters lost ___ euros.",
    ),
]
KEPT = [
    "Shoppers crowded stores on Black Friday to buy ___.",
    "Candidates won on Super Tuesday in ___.",
    "The research, published today (Oct. 28), found ___.",
    "Monday’s vote was close in ___.",
    "The vote on Monday’s bill failed in ___.",
    "On ___, the relatives went in.",
    "He writes for the Sunday Times and ___.",
    "Fans watch Monday Night Football on ___.",
    "The talks ended on ___ Monday.",
    # a time that is a preposition's object: dropping it leaves "from into", "since and"
    "Cases rose from nine to ___ from Friday into Saturday.",
    "More than ___ migrants have arrived since Sunday and more are on the way.",
]


@pytest.mark.parametrize(("prompt", "expected"), DROPPED)
def test_a_relative_time_leaves_the_prompt(prompt: str, expected: str) -> None:
    assert undated(prompt) == expected


@pytest.mark.parametrize("prompt", KEPT)
def test_names_dated_times_possessives_and_blanks_stay(prompt: str) -> None:
    assert undated(prompt) == prompt


ARTICLE = """\
Port Elms strike ends

Dock workers in Port Elms ended a three-day strike on Friday after the harbour authority \
agreed to hire 240 more crane operators.

The union's leader, Maria Vance, said on Saturday that the deal also limits night shifts \
to four a week.

Last week, exporters had warned that the strike was costing the region 12 million euros a day.

The harbour authority said the new operators would start work in March after a six-week course.

Port Elms handles a fifth of the country's container trade, the ministry said on Sunday.
"""


def test_generated_prompts_are_undated_and_sources_are_verbatim(make: Any) -> None:
    result = make(ARTICLE, date="2025-03-03")
    questions = [*result.bank.questions, *result.bank.drafts]
    assert questions
    for question in questions:
        assert question.source in ARTICLE
        for word in ("on Friday", "on Saturday", "on Sunday", "Last week"):
            assert word not in question.prompt, question.prompt


def test_the_weekdays_stay_when_the_article_names_several() -> None:
    """Monday's 51 percent and Tuesday's 80 percent: without the day the two figures clash
    (all four raters of set V); "last week" still goes."""
    prompt = "On Monday, SAS canceled ___ percent of its flights, it said last week."
    assert undated(prompt) == "SAS canceled ___ percent of its flights, it said."
    assert undated(prompt, keep_days=True) == (
        "On Monday, SAS canceled ___ percent of its flights, it said."
    )
    assert telling_days(["51 percent went on Monday.", "By Tuesday 80 percent had gone."])
    assert not telling_days(["51 percent went on Monday.", "On Monday 80 percent went."])
    assert not telling_days(["240 were hired on Friday.", "She said on Saturday it was over."])
