"""A saved page's headline (``quiz.generate.page_title``): what the teacher reads as the bank's
title and the generator reads as the article's first line. Each page below is built the way a
page of fresh set DD was (a stylesheet's name as trafilatura's title, a section label in the
first ``<h1>``, the site's rails glued to the headline), not copied from it."""

from __future__ import annotations

import pytest

from quiz.generate.page_title import headline


def page(title: str = "", *headings: str, body: str = "") -> str:
    head = f"<title>{title}</title>" if title else ""
    h1 = "".join(f"<h1>{h}</h1>" for h in headings)
    return f"<html><head>{head}</head><body>{h1}<p>{body}</p></body></html>"


@pytest.mark.parametrize(
    ("extracted", "html", "expected"),
    [
        # trafilatura took a stylesheet's name; the <h1> the <title> confirms is the headline
        (
            "Purporsaic-alt.css",
            page(
                "Ministers agree a new plan for rivers - NewsSite.com",
                "Ministers agree a new plan for rivers",
            ),
            "Ministers agree a new plan for rivers",
        ),
        # a section label in the first <h1>; the second is the story's
        (
            "Nation AP",
            page(
                "Herald.com : Governor declares flooded town a disaster",
                "Nation AP&nbsp;&nbsp;",
                "Governor declares flooded town a disaster",
            ),
            "Governor declares flooded town a disaster",
        ),
        # the site's name after underscores, rails after bars and dashes, a section before "--"
        (
            "Parliament passes the water bill at last _English_Wire",
            page("Parliament passes the water bill at last _English_Wire"),
            "Parliament passes the water bill at last",
        ),
        (
            "Opposition threatens mass rally over disputed vote | Latest News | News",
            page("Opposition threatens mass rally over disputed vote | Latest News | News"),
            "Opposition threatens mass rally over disputed vote",
        ),
        (
            "Eight miners rescued after two days: officials - Breaking News - World",
            page("Eight miners rescued after two days: officials - Breaking News - World"),
            "Eight miners rescued after two days: officials",
        ),
        (
            "World -- Judges allow video evidence in the trial",
            page("Site.com > News > World -- Judges allow video evidence in the trial"),
            "Judges allow video evidence in the trial",
        ),
        # a colon and a hyphenated word inside a headline are the headline's own
        (
            "Storm hits coast: thousands without power in Mid-State",
            page("Storm hits coast: thousands without power in Mid-State"),
            "Storm hits coast: thousands without power in Mid-State",
        ),
        # nothing of four words anywhere: no headline, the caller falls back on the file name
        ("", page("", body="Some text."), ""),
        ("World", page("World"), ""),
    ],
)
def test_the_headline_is_the_story_part_of_the_page(
    extracted: str, html: str, expected: str
) -> None:
    assert headline(extracted, html) == expected


def test_a_page_that_is_not_html_gives_no_headline_rather_than_an_error() -> None:
    assert headline("", b"") == ""
    assert headline("A fine headline of words", b"\x00\x01") == "A fine headline of words"


def test_the_command_titles_a_bank_by_its_headline() -> None:
    pytest.importorskip("trafilatura")
    from quiz.generate.extract import extract_page

    body = "".join(
        f"<p>The council voted on Tuesday to spend {n} million dollars on the river, "
        "officials said, after months of debate over the plan and its cost to the town.</p>"
        for n in range(3, 12)
    )
    html = (
        "<html><head><title>Council backs river clean-up plan - Town Times</title>"
        '<link rel="stylesheet" href="alt.css"></head><body><h1>Local</h1>'
        f"<h1>Council backs river clean-up plan</h1><article>{body}</article></body></html>"
    )
    extracted = extract_page(html)
    assert extracted.title == "Council backs river clean-up plan"
    assert extracted.text.splitlines()[0] == "Council backs river clean-up plan"


def test_a_site_name_as_title_gives_way_to_the_headline_the_publisher_marked() -> None:
    """Fresh set EE: the <title> was the site's name ("… Newspaper (English)") and the headline
    a <span class="headline">; a Reuters page had it only in a meta field."""
    opening = "Israeli tanks raided the Gaza Strip on Tuesday, killing 10 Palestinians."
    html = (
        "<html><head><title>The Daily Paper Online (English)</title></head><body>"
        '<span class="headline">Eleven Palestinians killed in Gaza raid</span>'
        f"<p>{opening}</p></body></html>"
    )
    assert headline("The Daily Paper Online (English)", html, opening) == (
        "Eleven Palestinians killed in Gaza raid"
    )
    meta = (
        '<html><head><meta name="articleHeadline" content="Sarkozy defends himself against '
        'critics"><title>News | Africa</title></head><body><p>x</p></body></html>'
    )
    said = "President Nicolas Sarkozy defended on Tuesday his decisions, critics said."
    assert headline("News | Africa", meta, said) == "Sarkozy defends himself against critics"
    # a title that shares the opening's news stays, whatever else the page marks
    rail = html.replace(
        "The Daily Paper Online (English)", "Tanks raid Gaza Strip, Palestinians die"
    )
    assert headline("Tanks raid Gaza Strip, Palestinians die", rail, opening) == (
        "Tanks raid Gaza Strip, Palestinians die"
    )


def test_a_page_cut_at_its_head_still_gives_its_article() -> None:
    """Fresh set EE: a radio station's page began "<!DOCTYPE htm" and then its body's divs;
    trafilatura refused it (one element at the top) and the command said "no article text
    found" of a page with 638 words of news."""
    pytest.importorskip("trafilatura")
    from quiz.generate.extract import extract_page

    paragraphs = "".join(
        f"<p>Paragraph {n}: the minister said on Thursday that the mission would end in 2011, "
        "and the opposition leader said the country should leave the combat role sooner.</p>"
        for n in range(1, 10)
    )
    html = (
        '<!DOCTYPE htm\n  <div id="header"><a href="/">Radio</a></div>'
        f'<div id="content"><h2 class="title">Leader says mission may end early</h2>'
        f"{paragraphs}</div>"
    )
    page = extract_page(html.encode())
    assert "the mission would end in 2011" in page.text
