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
