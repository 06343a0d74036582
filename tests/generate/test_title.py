"""The title a generated bank gets when none is given: the article's headline, found below the
section labels a saved page's copy starts with, else the file name made readable."""

from __future__ import annotations

from quiz.generate.pipeline import default_title

BODY = (
    "Anyone who falsely names another person as a close contact to force them to self-isolate "
    "faces a fine of up to £1,000 under rules announced by the government on Monday.\n"
)


def test_the_headline_below_the_section_labels() -> None:
    text = (
        "News\nUK\nUK Politics\nCoronavirus in numbers\n"
        "Coronavirus: £1,000 fine for falsely reporting a contact to force them to self-isolate\n"
        + BODY
    )
    assert default_title(text, "165-covid") == (
        "Coronavirus: £1,000 fine for falsely reporting a contact to force them to self-isolate"
    )


def test_a_plain_headline_first() -> None:
    text = "Harbour strike ends after three days\n" + BODY
    assert default_title(text, "strike") == "Harbour strike ends after three days"


def test_no_headline_gives_the_file_name() -> None:
    assert default_title(BODY, "covid-fines_2020") == "Covid fines 2020"


def test_a_file_name_keeps_the_article_s_capitals() -> None:
    """A name keeps its capitals, a common word its lower case, as the article writes them."""
    text = (
        "Japan and South Korea agreed on Saturday to resume shuttle diplomacy. The summit in "
        "Tokyo was the first since Korea's election. A UN report was cited at the summit.\n"
    )
    assert default_title(text, "japan-korea-summit-2025") == "Japan Korea summit 2025"
    assert default_title(text, "un_summit") == "UN summit"
    assert default_title(text, "tokyo") == "Tokyo"


def test_breadcrumbs_bylines_and_time_stamps_are_not_headlines() -> None:
    """Lines above a saved page's headline that the walk-through got as titles (set M)."""
    cases = {
        "CBS News\nFebruary 24, 2020, 7:57 AM\nBlack voters in South Carolina are crucial\n": (
            "Black voters in South Carolina are crucial"
        ),
        "Emma Grey Ellis\nScience\nSep 30, 2016 7:00 AM\nAn Ode to the Rosetta Spacecraft\n": (
            "An Ode to the Rosetta Spacecraft"
        ),
        "Home › News › ScienceNOW › Early Birds Smelled Good\nEarly Birds Smelled Good\n": (
            "Early Birds Smelled Good"
        ),
        "Posted: Friday October 15, 2010 1:28PM ; Updated: Friday October 15, 2010 1:28PM\n"
        "OSU closes Holmes investigation\n": "OSU closes Holmes investigation",
        "nature > news > article\nGigantic Chinese telescope opens to astronomers\n": (
            "Gigantic Chinese telescope opens to astronomers"
        ),
        "Erin McCann, Associate Editor\nKansas HIE to share data with CDC\n": (
            "Kansas HIE to share data with CDC"
        ),
    }
    for text, title in cases.items():
        assert default_title(text + BODY, "file") == title, text
