"""Sentences end where the article's do: a short title before a name ("Atty. Gen. John
Cornyn") is not a full stop. spaCy's parser ended a sentence at "Atty.", and the half sentence
became a question a blind teacher rejected ("The dispute dates back to ___, when then-Texas
Atty.": fresh set X)."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.parametrize(
    "sentence",
    [
        "The dispute dates back to 2000, when then-Texas Atty. Gen. John Cornyn said race was a "
        "factor in six death penalty cases.",
        "Sen. Ted Cruz and Rep. Jim Jordan agreed with Lt. Gov. Dan Patrick on Tuesday.",
        "The order was signed by Sgt. Maj. Paul Lee and Col. Anna Kim of the guard.",
    ],
)
def test_a_title_before_a_name_does_not_end_the_sentence(analyse: Any, sentence: str) -> None:
    text = f"{sentence} Gov. Rick Perry refused to intervene in the case that week."
    article = analyse(text)
    assert [s.text for s in article.sentences] == [
        sentence,
        "Gov. Rick Perry refused to intervene in the case that week.",
    ]


def test_a_sentence_that_ends_with_a_country_still_ends(analyse: Any) -> None:
    """Only titles are held to the next word: "the U.S." still closes its sentence."""
    article = analyse("It was the biggest recall in the U.S. The next day the company apologised.")
    assert len(article.sentences) == 2
