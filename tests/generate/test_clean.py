"""Page furniture found in an article's text: each rule on realistic lines, and the body
sentences that look like furniture but must be kept."""

from __future__ import annotations

import pytest

from quiz.generate import clean
from quiz.generate.clean import body_paragraphs, body_spans, parts

#: The headline every table case is put under, so the line tested is never the headline itself.
HEAD = "Dockworkers strike halts container traffic at Rotterdam\n"


def kinds(line: str) -> list[tuple[str, str]]:
    """(kind, text) of each part of ``line`` when it follows a headline."""
    text = HEAD + line + "\n"
    return [(p.kind, text[p.start : p.end]) for p in parts(text) if p.start >= len(HEAD)]


FURNITURE = [
    # photo captions and image / logo credits
    (
        "Idle cranes stand over containers at the Maasvlakte terminal in Rotterdam, Netherlands, "
        "March 2, 2025. REUTERS/Lena Brandt",
        clean.CAPTION,
    ),
    (
        "Lashing workers hold a banner outside a gate. (Photo by Pieter Smit/Getty Images)",
        clean.CAPTION,
    ),
    (
        "FILE - Floodwater covers a street in Millbrook, Iowa, on June 18, 2024. "
        "(AP Photo/Ruth Okafor, File)",
        clean.CAPTION,
    ),
    ("FILE PHOTO: A logo of the port authority is seen at its headquarters.", clean.CAPTION),
    ("Credit: Harbour Authority of Rotterdam", clean.CAPTION),
    ("Image: NASA/JPL-Caltech", clean.CAPTION),
    ("Photo: Marit de Graaf", clean.CAPTION),
    ("Logo: the union's banner at a rally in 2023", clean.CAPTION),
    ("Image source, Getty Images", clean.CAPTION),
    ("Members of the crew pose with the new rover in Houston (Reuters)", clean.CAPTION),
    (
        "Honeybees on a frame of comb at a rooftop hive in Paris. (AP Photo/Claire Martin)",
        clean.CAPTION,
    ),
    (
        "The prime minister waves on arrival in Seoul. Ludovic Marin/AFP via Getty Images",
        clean.CAPTION,
    ),
    ("AFP via Getty Images", clean.CAPTION),
    ("A view of the flooded plant. (Image courtesy of the county sheriff's office)", clean.CAPTION),
    # bylines and reporters' credits
    ("By Anneke Visser and Tom Hale", clean.BYLINE),
    ("By JANE DOE, Associated Press", clean.BYLINE),
    ("By The Associated Press", clean.BYLINE),
    ("By Jane Doe | March 3, 2025", clean.BYLINE),
    ("(Reporting by Anneke Visser in Rotterdam; Editing by Mark Potter)", clean.BYLINE),
    ("Reporting by Tom Hale; Writing by Anneke Visser; Editing by Mark Potter", clean.BYLINE),
    ("Additional reporting by Tom Hale in London", clean.BYLINE),
    ("Dana Pike wrote this story for VOA Learning English.", clean.BYLINE),
    ("Hai Do adapted it for Learning English.", clean.BYLINE),
    ("Sam Ortiz was the editor.", clean.BYLINE),
    ("Ruth Okafor contributed to this report.", clean.BYLINE),
    (
        "Associated Press writers Ruth Okafor in Des Moines and Luis Vega in Chicago contributed "
        "to this report.",
        clean.BYLINE,
    ),
    ("Staff writer Jane Doe contributed reporting.", clean.BYLINE),
    ("I’m Dana Pike.", clean.SIGN_OFF),
    ("And I'm Anna Matteo.", clean.SIGN_OFF),
    # related links
    ("Related: Shipping rates climb as Red Sea detours continue", clean.RELATED),
    ("READ MORE: Iowa farmers count the cost of a wet spring", clean.RELATED),
    ("Read more", clean.RELATED),
    ("See also: How lashing crews keep containers on deck", clean.RELATED),
    ("More from Northsea Wire", clean.RELATED),
    ("Related Stories", clean.RELATED),
    ("Click here to read our full coverage of the floods.", clean.RELATED),
    # social-media sign-offs
    ("Follow Northsea Wire on Twitter @northseawire", clean.SOCIAL),
    ("Follow us on Facebook and Instagram", clean.SOCIAL),
    ("Follow Jane Doe on X", clean.SOCIAL),
    ("Sign up for our newsletter", clean.SOCIAL),
    ("Subscribe to our free daily briefing on shipping and trade.", clean.SOCIAL),
    ("Share on Facebook", clean.SOCIAL),
    ("Download the Northsea Wire app", clean.SOCIAL),
    ("@northseawire", clean.SOCIAL),
    ("tips@northseawire.example", clean.SOCIAL),
    # a competition's promo run into the page (set Z, tuned: asked in two banks)
    ("WIN a 10 day campervan adventure in Queensland", clean.SOCIAL),
    ("Win a weekend getaway for two in the Lake District", clean.SOCIAL),
    (  # a newsletter box's promise, which extraction keeps (set K's rater: "not in the article")
        "You'll receive daily updates on breaking news as well as the top headlines across "
        "Scotland.",
        clean.SOCIAL,
    ),
    # an advert's call to action inside the article (set M: "win ___ lakhs")
    (
        "Time to show-off your poker skills and win Rs.25 lakhs with no investment. Register Now!",
        clean.SOCIAL,
    ),
    # a rail of other stories' teasers under a label, cut off (set N)
    (
        "FIVE-YEAR WINDOW? A defense institute CEO said a timeline was based on expected tough "
        "measures Most Taiwanese are willing to defend the nation, a poll showed. The poll was "
        "commissioned by the",
        clean.RELATED,
    ),
    # a rail of other stories' teasers, each cut short mid-sentence
    (
        "Vietnam will enjoy the fastest economic growth in Southeast Asia in 2020, according to a "
        "new forecast from British multinational ...",
        clean.RELATED,
    ),
    ("Serena Williams picked up her first title in three years -- and her first …", clean.RELATED),
    # subheads
    ("WHAT THE UNION WANTS", clean.SUBHEAD),
    ("WHAT HAPPENS NEXT?", clean.SUBHEAD),
    ("Gardens on rooftops", clean.SUBHEAD),
    ("What comes next?", clean.SUBHEAD),
    ("Words in This Story", clean.SUBHEAD),
    # copyright and standards notes
    ("© 2025 Northsea Wire. All rights reserved.", clean.COPYRIGHT),
    # a market-data page's terms, asked as the story (set BB, tuned)
    (
        "NYSE and AMEX quotes delayed by at least 20 minutes. NASDAQ delayed by at least 15 "
        "minutes.",
        clean.COPYRIGHT,
    ),
    (
        "Copyright 2025 The Associated Press. All rights reserved. This material may not be "
        "published, broadcast, rewritten or redistributed without permission.",
        clean.COPYRIGHT,
    ),
    ("Our Standards: The Northsea Wire Trust Principles.", clean.COPYRIGHT),
    # a learners' glossary
    ("lash – v. to tie something firmly to something else with a rope", clean.GLOSSARY),
    # captions that name who is pictured, and a call to the comments (fresh set O)
    (
        "Pictured at the back, from left, are romance authors Jo Watson and Lindsay Norman.",
        clean.CAPTION,
    ),
    ("Pictured right, is reader Nicole Bresler, speaking to a novelist.", clean.CAPTION),
    ("Pictured: the minister at the launch in Durban.", clean.CAPTION),
    (
        "What about you? Share your thoughts on the new search box in the comments below.",
        clean.SOCIAL,
    ),
    ("Let us know what you think in the comments.", clean.SOCIAL),
]


@pytest.mark.parametrize(("line", "kind"), FURNITURE, ids=[line[:40] for line, _ in FURNITURE])
def test_furniture_is_found(line: str, kind: str) -> None:
    assert kinds(line) == [(kind, line)]


BODY = [
    "Win a majority in the Senate and the bill passes, the leader said on Monday.",
    "By 2030, the port plans to run all of its cranes on electricity.",
    "By Monday, officials had counted more than 40 ships at anchor.",
    "By Wednesday, employers and the union are due to meet again under a mediator.",
    "By Jane's count, the union has called nine strikes since 2019.",
    "The photo, taken by a tourist in 2019, shows the bridge before it collapsed.",
    "Photographs of the flooded streets spread quickly on social media, the mayor said.",
    "Getty Images sued the company in London, claiming millions of its photos were copied.",
    "The report, which Reuters saw on Tuesday, says the plant will close in June.",
    "About 60 percent of voters backed the plan, according to a Reuters/Ipsos poll.",
    "The strike was first reported by the Associated Press (AP).",
    "Follow-up tests showed no sign of the virus, the ministry said.",
    "Like many farmers in the county, he sells eggs through Facebook groups.",
    "Copyright law has not kept pace with artificial intelligence, the judge wrote.",
    "Related costs rose by 12 percent in March, the company said.",
    "More than 60 ships were waiting off the coast on Monday.",
    "See the chart below for the port's monthly volumes since 2020.",
    "She wrote this story for the school newspaper in 1998, she said.",
    "Smith wrote the report for the United Nations in 2021.",
    "Written by hand, the letters were found in an attic in 2022.",
    "Produced by Smith, the film won three awards in Berlin.",
    "Subscribers to the service pay 12 euros a month.",
    "The union said 900 workers joined the action, which began at 6 a.m.",
    "NASA said the rover would land in 2027.",
    "COVID-19 cases rose by 12 percent in the week to Sunday.",
    "NATO — the alliance of 32 countries — met in Brussels on Tuesday.",
    "“We expect delays to ripple through northern Europe,” she said.",
    "Will the strike spread to Antwerp? Union leaders there say it might.",
    "You'll receive a refund within 30 days if the strike cancels your sailing, the port said.",
    "“We kept waiting, and waiting...” she said of the night on the quay.",
    "Fans can register now for the final, the club said on its website.",
    "RISKS: the port said strikes, storms and fuel prices could all delay the new cranes.",
    "“Join us!” the strikers shouted at the gates.",
    "Pictured as a hero by his supporters, the senator denied the charges.",
    "The photos pictured a crowded street in the old town.",
    "Readers shared their thoughts on the plan in letters to the paper.",
]


@pytest.mark.parametrize("line", BODY, ids=[line[:40] for line in BODY])
def test_body_sentences_are_kept(line: str) -> None:
    assert kinds(line) == [(clean.BODY, line)]


DATELINES = [
    ("ROTTERDAM, March 3 (Reuters) - ", "A 48-hour strike brought traffic to a standstill."),
    ("TOKYO (Reuters) - ", "Japan's economy grew 0.6 percent in the last quarter."),
    ("WASHINGTON — ", "The Senate passed the bill on Thursday by 61 votes to 38."),
    ("MILLBROOK, Iowa (AP) — ", "Floodwater reached the roofs of some homes on Tuesday."),
    ("KYIV, Ukraine (AP) — ", "Air raid sirens sounded across the capital overnight."),
    ("NEW YORK (Reuters) -- ", "Stocks closed higher on Friday."),
    ("Rotterdam, March 3 (Reuters) - ", "Lashing crews walked out at dawn."),
    ("(Reuters) - ", "The company said it would cut 2,000 jobs."),
    ("BEIJING —", "China’s exports rose 7 percent in May."),
    ("WHY IT MATTERS: ", "The vote decides who runs the port authority until 2029."),
    ("Kaieteur News – ", "Police investigators in Region Two are trying to unravel it."),
    ("Coast Courier — ", "Dock workers in Port Elms ended a three-day strike."),
    # fresh set X (tuned): two cities, and a date with the agency but no city
    ("DUBAI/CAIRO, Dec 20 (Reuters) - ", "Sudan's Rapid Support Forces said they would back it."),
    ("Oct. 4 (Bloomberg) -- ", "German Chancellor Angela Merkel's government plans new curbs."),
]


@pytest.mark.parametrize(
    "line",
    [
        "Lee – who took office in June – said the talks were paramount.",
        "Covid-19 - The figures rose again in May.",
        "Prime Minister Ishiba – Japan's leader since 2024 – met Lee.",
        "Oct. 4 was the day - Nothing changed after it.",
    ],
)
def test_a_dash_after_a_subject_is_not_a_dateline(line: str) -> None:
    assert kinds(line) == [(clean.BODY, line)]


@pytest.mark.parametrize(("prefix", "rest"), DATELINES, ids=[p.strip() for p, _ in DATELINES])
def test_a_dateline_is_cut_off_and_the_sentence_kept(prefix: str, rest: str) -> None:
    found = kinds(prefix + rest)
    assert found[1] == (clean.BODY, rest)
    assert found[0][1] == prefix and found[0][0] in (clean.DATELINE, clean.SUBHEAD)


def test_credits_at_the_end_of_a_paragraph_are_cut_off() -> None:
    body = "The mediator will meet both sides on Wednesday, the ministry said."
    credit = "Ruth Okafor contributed to this report."
    assert kinds(f"{body} {credit}") == [(clean.BODY, body), (clean.BYLINE, credit)]
    voa = "Dana Pike wrote this story for VOA Learning English. Sam Ortiz was the editor."
    assert [k for k, _ in kinds(voa)] == [clean.BYLINE, clean.BYLINE]
    signed = "Scientists hope to test the idea in 12 cities next year. I’m Dana Pike."
    assert kinds(signed)[-1] == (clean.SIGN_OFF, "I’m Dana Pike.")


def test_link_titles_under_a_related_header_go_with_it() -> None:
    text = (
        HEAD + "Read more\n"
        "Why are shipping rates climbing again?\n"
        "Antwerp port posts record first quarter as Rotterdam's rival gains share of trade\n"
        "The union said talks would resume on Wednesday.\n"
    )
    found = [(p.kind, text[p.start : p.end]) for p in parts(text)]
    assert [k for k, _ in found] == [
        clean.BODY,
        clean.RELATED,
        clean.RELATED,
        clean.RELATED,
        clean.BODY,
    ]


def test_the_headline_is_kept_and_a_kicker_is_not() -> None:
    text = "WORLD\nDockworkers strike halts traffic\nThe union called the walkout.\nGardens\n"
    found = [(p.kind, text[p.start : p.end]) for p in parts(text)]
    assert found == [
        (clean.SUBHEAD, "WORLD"),
        (clean.BODY, "Dockworkers strike halts traffic"),
        (clean.BODY, "The union called the walkout."),
        (clean.SUBHEAD, "Gardens"),
    ]
    shouting = "PORT STRIKE HALTS ROTTERDAM TRAFFIC\nThe union called the walkout.\n"
    assert [p.kind for p in parts(shouting)] == [clean.BODY, clean.BODY]


def test_spans_are_verbatim_offsets_into_the_text() -> None:
    text = (
        "Strike at the port\r\n".replace("\r\n", "\n")
        + "ROTTERDAM (Reuters) - The strike began at dawn.\n\n"
        + "  - Workers want a 7 percent raise.\n"
        + "(Reporting by Anneke Visser; Editing by Mark Potter)\n"
    )
    spans = body_spans(text)
    assert [text[a:b] for a, b in spans] == [
        "Strike at the port",
        "The strike began at dawn.",
        "Workers want a 7 percent raise.",
    ]
    assert body_paragraphs(text) == [(a, text[a:b]) for a, b in spans]


def test_text_without_furniture_is_one_body_span_per_paragraph() -> None:
    from quiz.generate.article import split_paragraphs
    from tests.generate.conftest import FOUNDING_ARTICLE

    text = FOUNDING_ARTICLE.read_text(encoding="utf-8")
    assert body_paragraphs(text) == split_paragraphs(text)


def test_cleaning_is_linear_and_cheap() -> None:
    import time

    paragraph = (
        "The union is asking for a pay rise of 7 percent and a ban on lashing work during "
        "storms with winds above force 7, Niels Jansen said on Monday. "
    ) * 6
    text = "\n".join([paragraph.strip()] * 2000)  # ~2 MB, the largest article read
    started = time.perf_counter()
    assert len(body_spans(text)) == 2000
    assert time.perf_counter() - started < 2.0


def test_a_photo_essays_listed_captions_are_captions() -> None:
    """Extraction lists a photo essay's captions after its pictures; a long list item that ends
    no sentence is one of them (a new-user walk-through got "Kaiarahi (___ months)" asked)."""
    caption = (
        "Buck Cullen with his daughter Kaiarahi (10 months) in his backyard, where he is "
        "storing a pair of massive sperm whale jawbones. Cullen is an integral member of the team"
    )
    item = "The port will hire 240 crane operators, who will start work in March after a course."
    text = f"Whale strandings\n\n- {caption}\n- {item}\n"
    found = [(p.kind, text[p.start : p.end]) for p in clean.parts(text)]
    assert (clean.CAPTION, caption) in found
    assert (clean.BODY, item) in found
