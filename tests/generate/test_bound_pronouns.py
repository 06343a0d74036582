"""A pronoun whose referent its own sentence shows before it does not hold its question back as
"pointing back": "Since ___, husbands, fathers and brothers have been receiving automated texts
directly to their phones" reads alone (the fact raters of fresh set Z listed as missing was held
back for "their"). One whose referent is in another sentence still does."""

from __future__ import annotations

from typing import Any

import pytest

from quiz.generate.candidate import Candidate
from quiz.generate.flaws import RULES

MISSING_CONTEXT = dict(RULES)["missing-context"]


def _cloze(article: Any, index: int, answer: str) -> Candidate:
    fact = next(f for f in article.facts if f.sentence.index == index and f.key == answer)
    text = fact.sentence.text
    prompt = text[: fact.start] + "___" + text[fact.end :]
    return Candidate("cloze", "blank", [fact], [fact.sentence], prompt, {"blanks": [[answer]]})


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        (  # "their" after the nouns it means
            "Saudi Arabia has suspended a text alert service for guardians.\n"
            "Since November 2012, husbands, fathers and brothers have been receiving automated "
            "text messages directly to their phones when women travel abroad.\n",
            "November 2012",
        ),
        (  # "her" after the person the blank stands in for
            "Scientists studied the brains of early birds.\n"
            "Amy Balanoff and her colleagues found that the ratios of the earliest birds were "
            "high.\n",
            "Amy Balanoff",
        ),
    ],
)
def test_a_pronoun_bound_in_its_own_sentence_reads_alone(
    analyse: Any, text: str, answer: str
) -> None:
    article = analyse(text)
    c = _cloze(article, article.sentences[1].index, answer)
    assert MISSING_CONTEXT(c, article) == ""


def test_a_pronoun_whose_person_is_in_another_sentence_still_points_back(analyse: Any) -> None:
    article = analyse(
        "Boris Johnson has apologised to Tory members for not leaving the EU on 31 October.\n"
        "After parliament voted down the timetable for his withdrawal bill, he was forced to "
        "request an extension until 31 January.\n"
    )
    c = _cloze(article, article.sentences[1].index, "31 January")
    assert "points back" in MISSING_CONTEXT(c, article)
