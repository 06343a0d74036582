"""Direction questions (quiz/generate/direction.py): the stem and the key a teacher would write
for each kind of reported change, no question where the article is not plain about the
direction, and a place in the generated bank when the change is the article's news."""

from __future__ import annotations

from typing import Any

import pytest

from quiz.bank.model import MultipleChoice
from quiz.generate.direction import direction_candidates
from quiz.generate.hard_rules import violations

FILLER = (
    "The mayor opened a new public library in the town centre. "
    "Local farmers sold more apples at the market than last year."
)

ASKED = [
    # (the article's sentence, the question, the right option, the other two)
    (
        "The central bank of Norway raised interest rates on Thursday.",
        "According to the article, what did the central bank of Norway do to interest rates?",
        "Raised them",
        {"Cut them", "Left them unchanged"},
    ),
    (
        "The International Monetary Fund has cut its forecast for global growth.",
        "According to the article, what has the International Monetary Fund done to its "
        "forecast for global growth?",
        "Cut it",
        {"Raised it", "Left it unchanged"},
    ),
    (
        "New car sales in the region fell by 8 percent last month.",
        "According to the article, what happened to new car sales in the region?",
        "They went down",
        {"They went up", "They stayed about the same"},
    ),
    (
        "The Senate rejected the motion on foreign exchange after a long debate.",
        "According to the article, what did the Senate do with the motion on foreign exchange?",
        "Rejected it",
        {"Approved it", "Put off a decision on it"},
    ),
    (
        "The new budget was approved by the city council in a close vote.",
        "According to the article, what happened to the new budget?",
        "It was approved",
        {"It was rejected", "A decision on it was put off"},
    ),
    (
        "The state legislature banned plastic bags in supermarkets.",
        "According to the article, what did the state legislature do with plastic bags in "
        "supermarkets?",
        "Banned them",
        {"Allowed them", "Put off a decision on them"},
    ),
]


@pytest.mark.parametrize(("sentence", "prompt", "key", "others"), ASKED)
def test_a_reported_change_is_asked_which_way_it_went(
    analyse: Any, sentence: str, prompt: str, key: str, others: set[str]
) -> None:
    article = analyse(f"{sentence} {FILLER}")
    found = direction_candidates(article)
    assert [c.prompt for c in found] == [prompt]
    question = found[0]
    assert question.fields["answers"] == (key,)
    assert set(question.fields["choices"]) == others | {key}
    assert question.sentences[0].text == sentence
    assert violations(question, article) == []


NOT_ASKED = [
    # a plan, a refusal, an idiom, a pronoun, a thing that is not an amount, two directions
    "The central bank of Norway is expected to raise interest rates on Thursday.",
    "The central bank of Norway did not raise interest rates on Thursday.",
    "A spokeswoman for the company declined to comment on the report.",
    "The union raised concerns about the safety of the new trains.",
    "They raised interest rates on Thursday after a long meeting.",
    "The government expanded the vaccination programme to young children.",
    "The central bank of Norway raised interest rates in March. "
    "The central bank of Norway cut interest rates again in June.",
    "The central bank of Norway left interest rates unchanged, having raised interest rates "
    "twice last year.",
]


@pytest.mark.parametrize("text", NOT_ASKED)
def test_no_question_where_the_direction_is_not_plain(analyse: Any, text: str) -> None:
    assert direction_candidates(analyse(f"{text} {FILLER}")) == []


def test_the_options_are_the_same_for_every_question_of_a_family(analyse: Any) -> None:
    """No option stands out: the key's place varies, its length and wording do not."""
    keys = []
    for sentence, _, key, _ in ASKED[:2]:
        (question,) = direction_candidates(analyse(f"{sentence} {FILLER}"))
        choices = question.fields["choices"]
        keys.append(choices.index(key))
        assert {len(c.split()) for c in choices} <= {2, 3}
    assert all(0 <= k <= 2 for k in keys)


def test_the_news_of_the_lead_reaches_the_bank(make: Any) -> None:
    """A change in the lead is the article's news: the bank asks which way it went."""
    text = (
        "Interest rates rise in Norway\n\n"
        "The central bank of Norway raised interest rates on Thursday for the third time this "
        "year, citing rising prices for food and energy. "
        "Governor Ida Wolden Bache said the bank would watch the housing market closely. "
        "Economists at DNB had expected the decision, which lifts the policy rate to 4 percent. "
        "Inflation in Norway reached 6.4 percent in September, the highest level since 1988. "
        "The krone strengthened against the euro after the announcement in Oslo. "
        "Mortgage holders will pay more from December, when banks pass on the increase. "
        "The bank said it expected to keep the rate at this level through the next year. "
        "Sweden's Riksbank will announce its own decision on rates next week in Stockholm."
    )
    bank = make(text).bank
    asked = [q for q in bank.questions if isinstance(q, MultipleChoice)]
    assert any(q.prompt.endswith("do to interest rates?") for q in asked), [
        q.prompt for q in bank.questions
    ]
    (question,) = [q for q in asked if q.prompt.endswith("do to interest rates?")]
    assert question.answers == ("Raised them",)
    assert question.source.startswith("The central bank of Norway raised interest rates")


@pytest.mark.parametrize(
    "text",
    [
        "The top-ranked Nadal defeated Karen Khachanov in straight sets on Tuesday.",
        "A federal judge has blocked those sections of the immigration law.",
    ],
)
def test_a_match_or_a_pointing_phrase_is_not_a_decision_to_ask(analyse: Any, text: str) -> None:
    """Defeating a player is not rejecting a proposal; "those sections" names nothing alone."""
    assert direction_candidates(analyse(f"{text} {FILLER}")) == []
