"""A bank drafted from an article full of page furniture asks about the report only: no
caption, credit, byline, dateline, link, sign-off or subhead in any question or fact, and every
source still a verbatim sentence of the article the bank stores."""

from __future__ import annotations

import json
from typing import Any

from quiz.bank.dump import question_to_dict

#: The article, one paragraph a line, as pasted from a news page.
LINES = [
    "Port strike halts container traffic at Rotterdam",
    "By Anneke Visser and Tom Hale",
    (
        "Idle cranes stand over stacked containers at the Maasvlakte terminal in "
        "Rotterdam, Netherlands, March 2, 2025. REUTERS/Lena Brandt"
    ),
    (
        "ROTTERDAM, March 3 (Reuters) - A 48-hour strike by lashing crews brought "
        "container traffic at Rotterdam, Europe's largest port, to a near standstill on "
        "Monday, leaving more than 60 ships waiting at anchor off the Dutch coast."
    ),
    (
        "The FNV Havens union called the walkout after talks with employers over pay and "
        "safety rules broke down on Friday. About 900 workers who secure containers on "
        "deck joined the action, the union said."
    ),
    (
        "Port authority spokesperson Marit de Graaf said three of the five deep-sea "
        'terminals had stopped handling ships by noon. "We expect delays to ripple '
        'through northern Europe for at least a week," she said.'
    ),
    "Related: Shipping rates climb as Red Sea detours continue",
    "WHAT THE UNION WANTS",
    (
        "The union is asking for a pay rise of 7 percent and a ban on lashing work during"
        " storms with winds above force 7. Employers have offered 4.5 percent over two "
        "years."
    ),
    (
        "Niels Jansen, who leads the union's port section, said crews had worked through "
        "record volumes in 2024 without extra pay. The port handled 13.8 million "
        "containers last year, up from 13.4 million in 2023."
    ),
    (
        "Lashing workers hold a banner outside a terminal gate in Rotterdam, March 3, "
        "2025. (Photo by Pieter Smit/Getty Images)"
    ),
    (
        "Shipping line Maersk said it would divert two vessels to Antwerp and Hamburg. "
        "Freight forwarders warned that supermarkets in Germany and Belgium could see "
        "gaps on shelves if the strike is extended."
    ),
    "Talks with a mediator",
    (
        "By Wednesday, employers and the union are due to meet again under a mediator "
        "appointed by the Ministry of Infrastructure, Minister Robert Tieman said."
    ),
    (
        "FILE - A container ship is unloaded at the port of Antwerp, Belgium, January 9, "
        "2024. (AP Photo/Elise Jansens, File)"
    ),
    (
        "The port of Antwerp, 100 kilometers to the south, said it expected at least 12 "
        "extra ships this week. Its chief executive, Jacques Vermeulen, said the Belgian "
        "port had room for them until Sunday."
    ),
    "Image: Port of Rotterdam Authority",
    "Read more: Europe's ports brace for a summer of strikes",
    (
        "The last national port strike in the Netherlands, in 2019, lasted six days and "
        "cost shippers an estimated 150 million euros, according to the employers' "
        "federation VNO."
    ),
    "Follow Anneke Visser on Twitter @annekevisser",
    "Sign up for our Trade Winds newsletter",
    (
        "(Reporting by Anneke Visser in Rotterdam; Additional reporting by Tom Hale in "
        "London; Editing by Mark Potter)"
    ),
    "Carla Brooks contributed to this report.",
    "Dana Pike wrote this story for Learning English Daily. Sam Ortiz was the editor.",
    "I'm Dana Pike.",
    "© 2025 Northsea Wire. All rights reserved.",
]
ARTICLE = "\n".join(LINES) + "\n"

#: Text that only the furniture of ARTICLE holds.
FURNITURE = [
    "By Anneke",
    "Anneke Visser",
    "Tom Hale",
    "Lena Brandt",
    "REUTERS/",
    "Maasvlakte",
    "ROTTERDAM,",
    "(Reuters)",
    "Reuters",
    "Shipping rates climb",
    "Red Sea",
    "WHAT THE UNION WANTS",
    "Pieter Smit",
    "Getty",
    "banner",
    "Talks with a mediator",
    "Elise Jansens",
    "AP Photo",
    "FILE",
    "January 9, 2024",
    "Port of Rotterdam Authority",
    "summer of strikes",
    "Twitter",
    "@annekevisser",
    "newsletter",
    "Trade Winds",
    "Mark Potter",
    "Carla Brooks",
    "Dana Pike",
    "Sam Ortiz",
    "Learning English Daily",
    "Northsea Wire",
    "rights reserved",
]


def _texts(question: Any) -> str:
    return json.dumps(question_to_dict(question), ensure_ascii=False)


def test_no_question_or_fact_rests_on_furniture(make: Any) -> None:
    result = make(ARTICLE, date="2025-03-03", source_file="strike.txt")
    assert len(result.bank.questions) + len(result.bank.drafts) >= 10
    # every drafted candidate, chosen or not, and every fact
    for question in result.candidates.values():
        shown = _texts(question)
        for furniture in FURNITURE:
            assert furniture not in shown, (furniture, question.id, shown)
        assert question.source in ARTICLE, question.source
    for fact in result.facts.values():
        shown = f"{fact.statement} | {fact.key} | {fact.source}"
        for furniture in FURNITURE:
            assert furniture not in shown, (furniture, fact.id)
        assert fact.source in ARTICLE
    assert result.bank.source.text == ARTICLE  # the article is stored as it is


def test_the_sentence_after_a_dateline_is_asked_about_without_it(make: Any) -> None:
    result = make(ARTICLE, date="2025-03-03")
    sentence = "A 48-hour strike by lashing crews brought container traffic at Rotterdam"
    sources = [q.source for q in result.candidates.values()]
    assert any(s.startswith(sentence) for s in sources)
    first = next(s for s in result.article.sentences if s.text.startswith(sentence))
    assert ARTICLE[first.start : first.start + len(first.text)] == first.text


def test_body_sentences_that_look_like_furniture_still_give_questions(make: Any) -> None:
    result = make(ARTICLE, date="2025-03-03")
    texts = {s.text for s in result.article.sentences}
    assert any(t.startswith("By Wednesday, employers and the union") for t in texts)
    assert any(t.startswith("The last national port strike") for t in texts)
    assert not any("Northsea" in t or "Getty" in t for t in texts)
