"""A question whose sentence points back ("The closure …", "these costs") shows the sentence
before it first, in the article's words, and quotes both as its source; never when that
sentence holds the answer, sits across a caption, or points back itself."""

from __future__ import annotations

from typing import Any

import pytest

from quiz.generate.context import definite_opening, points_back

ARTICLE = """\
Carmaker to reopen Elmsford plant

The carmaker Stellantis said it would reopen its assembly plant in Elmsford, which it closed \
in 2023.

The closure of the plant in March sidelined 1,350 workers, the union said.

Production of electric vans will start there in the autumn, the company said.
"""

BEHIND_A_CAPTION = """\
Carmaker to reopen Elmsford plant

The carmaker Stellantis said it would reopen its assembly plant in Elmsford, which it closed \
in 2023.

Workers leave the Elmsford plant in 2023. (Photo: Jane Doe/Reuters)

The closure of the plant in March sidelined 1,350 workers, the union said.
"""


def _asking(result: Any, figure: float) -> list[Any]:
    """Every question the generator wrote (bank, drafts and the rest) whose answer is the
    figure."""
    out = []
    for q in result.candidates.values():
        numeric = q.type == "numeric" and q.answer == figure
        blank = q.type == "cloze" and str(int(figure)) in {a.replace(",", "") for a in q.blanks[0]}
        if numeric or blank:
            out.append(q)
    return out


def test_a_sentence_that_points_back_shows_the_one_before_it(make: Any) -> None:
    questions = _asking(make(ARTICLE), 1350)
    assert questions
    for q in questions:
        assert "Stellantis said it would reopen its assembly plant in Elmsford" in q.prompt
        assert q.prompt.index("Stellantis") < q.prompt.index("___")
        assert q.source in ARTICLE  # both sentences, verbatim
        assert q.source.startswith("The carmaker Stellantis")
        assert q.source.endswith("the union said.")


def test_no_context_across_a_caption(make: Any) -> None:
    questions = _asking(make(BEHIND_A_CAPTION), 1350)
    assert questions
    for q in questions:
        assert "Stellantis" not in q.prompt
        assert "Photo" not in q.source


def test_a_context_that_holds_the_answer_is_not_shown(make: Any) -> None:
    text = ARTICLE.replace("plant in Elmsford", "plant and its 1,350 jobs")
    questions = [q for q in _asking(make(text), 1350) if "sidelined ___" in q.prompt]
    assert questions
    for q in questions:
        assert "Stellantis" not in q.prompt  # it would show the answer


@pytest.mark.parametrize(
    ("sentence", "opening"),
    [
        ("The closure of the plant in March sidelined 1,350 workers.", "The closure"),
        ("The details only came to light after a claim of £3,000 appeared.", "The details"),
        ("However, the district also counts 12 deaths so far.", "the district"),
        ("Another patient is being tested in Truro.", "Another patient"),
        ("The MSP for Falkirk West took his iPad with him.", ""),
        ("The Bihar government ordered a lockdown.", ""),
        ("Stellantis will reopen the plant.", ""),
    ],
)
def test_an_opening_that_names_nothing(analyse: Any, sentence: str, opening: str) -> None:
    article = analyse(f"Headline of the story\n\nA first sentence sets the scene.\n\n{sentence}")
    found = [definite_opening(s) for s in article.sentences if s.text == sentence]
    assert found == [opening]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Mr Matheson agreed these costs were incurred on ___ business.", "these c"),
        ("Officials said it was the first time in ___ years.", "it"),
        ("A minister racked up £11k in charges in ___, it has emerged.", ""),
        ("A minister ran up charges in ___, and it is understood he will repay them.", "he"),
        ("Oubre told Kelly Reed he had scored ___ points.", ""),
        ("Officials at the company said ___ workers would return.", "the company"),
        ("The company of actors toured ___ cities.", ""),
        ("Those who had watched the film held the pose ___% longer.", ""),  # set T
        ("Items such as ___ were given away.", ""),
        ("Those with diabetes were ___ times as likely to fall ill.", ""),
        ("In the end those patients were ___ times as likely to fall ill.", "those p"),
        # set V: what the sentence before named
        ("By midday, nearly ___ percent of its flights had been canceled.", "its"),
        ("SAS said ___ percent of its flights were canceled.", ""),
        ("That same year, ___ companies joined.", "That same year"),
        ("During this period, ___ per cent of firms grew.", "this period"),
        ("In the US the figure is ___ per cent.", "the figure"),
        ("Even so, ___ per cent leaves room for improvement.", "Even so"),
        ("By midday on Tuesday, nearly ___ percent of its flights were gone.", "its"),
        # sets AA and BB, tuned: a time the sentence before gives
        (
            "At the time there were just ___ left in the wild, making it the rarest bird.",
            "At the time",
        ),
        ("Since then, ___ people have left the island.", "Since then"),
    ],
)
def test_words_that_point_back(text: str, word: str) -> None:
    assert points_back(text).casefold() == word.casefold()


FIRE = """\
Brazil nightclub fire kills 231

A fire swept through a nightclub in Santa Maria early on Sunday, killing 231 people.

Police arrested three people. A fourth person was being sought, the paper said.

The fire is the deadliest in Brazil in five decades, officials said.
"""

PHOTOS = """\
Students shaken at Westfield High

Girls at Westfield High School said boys had shared fake images of them in group chats.

A person familiar with the police investigation said the police have not seen the photos.

On Oct. 20, the principal confirmed the incident to the parents of the school's 1,900 students.
"""


def test_the_headline_names_the_story_so_no_context_is_shown(make: Any) -> None:
    """ "The fire" in a story headlined "… nightclub fire …": the title above the question names
    it; the sentence before ("A fourth person was being sought") would only confuse (set L)."""
    questions = _asking(make(FIRE), 5)
    assert questions
    for q in questions:
        assert "fourth person" not in q.prompt


def test_a_sentence_about_something_else_is_not_context(make: Any) -> None:
    """ "the incident" is not named by "the police have not seen the photos" (set L)."""
    questions = _asking(make(PHOTOS), 1900)
    assert questions
    for q in questions:
        assert "police" not in q.prompt
