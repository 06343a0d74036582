"""What matters in an article (quiz.generate.rank) and the cause-effect links of its
connectives (quiz.generate.causes), checked on real articles and on hand-written sentences,
with assertions a reader would agree with: the lead is important, a caption is not, "because"
gives a cause and "since 2019" does not."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from quiz.generate.causes import CAUSE, PURPOSE, SEQUENCE, CauseLink
from quiz.generate.rank import (
    body_mask,
    cause_links,
    coverage_bins,
    sentence_importance,
    signals,
)
from quiz.generate.roles import role_cues, sentence_roles

from .conftest import ARTICLES, FOUNDING_ARTICLE

HELDOUT = ARTICLES / "heldout2"
ALL_ARTICLES = [
    *sorted(ARTICLES.glob("*.txt")),
    *sorted(HELDOUT.glob("*.txt")),
    FOUNDING_ARTICLE,
]


@pytest.fixture(scope="module")
def read(analyse: Any) -> Any:
    """Analyse an article file once per module."""
    done: dict[Path, Any] = {}

    def run(path: Path) -> Any:
        if path not in done:
            done[path] = analyse(path.read_text(encoding="utf-8"))
        return done[path]

    return run


def index_of(article: Any, start: str) -> int:
    """The index of the sentence that starts with ``start``."""
    found = [s.index for s in article.sentences if s.text.startswith(start)]
    assert found, f"no sentence starts with {start!r}"
    return found[0]


def place(scores: list[float], index: int) -> int:
    """0 for the best-scored sentence (ties keep text order)."""
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    return order.index(index)


# -- importance --------------------------------------------------------------------------------


def test_importance_is_one_normalised_score_per_sentence(read: Any) -> None:
    for path in ALL_ARTICLES:
        article = read(path)
        scores = sentence_importance(article)
        assert len(scores) == len(article.sentences), path.name
        assert all(0.0 <= x <= 1.0 for x in scores), path.name
        assert max(scores) == 1.0, path.name
        for name, values in signals(article).items():
            assert len(values) == len(scores) and all(0.0 <= v <= 1.0 for v in values), name


def test_the_founding_article_lead_ranks_in_the_top_three(read: Any) -> None:
    article = read(FOUNDING_ARTICLE)
    scores = sentence_importance(article)
    lead = index_of(article, "Japan’s leader, Ishiba, stated")
    assert place(scores, lead) < 3
    # the 15 percent tariffs are the article's key figure: Japan and South Korea, a percentage
    tariffs = index_of(article, "Japan and South Korea also share common ground")
    assert signals(article)["numbers"][tariffs] == 1.0


def test_the_lead_ranks_near_the_top_of_every_report(read: Any) -> None:
    """News puts the main event first; a year-in-review roundup has no single main event."""
    for path in ALL_ARTICLES:
        article = read(path)
        scores = sentence_importance(article)
        first = body_mask(article).index(True)
        limit = 5 if "top-tech-stories" in path.name else 3
        assert place(scores, first) < limit, path.name


def test_a_headline_is_not_the_lead_and_scores_nothing(read: Any) -> None:
    article = read(HELDOUT / "voa-le-mars-helicopter-crash.txt")
    headline = index_of(article, "NASA Identifies Cause of Mars Helicopter")
    lead = index_of(article, "The American space agency NASA says it has found")
    scores = sentence_importance(article)
    assert scores[headline] == 0.0
    assert scores[lead] == 1.0
    assert sentence_roles(article)[headline] == set()
    assert "event" in sentence_roles(article)[lead]


def test_captions_bylines_and_sign_offs_rank_last(analyse: Any) -> None:
    """Page furniture around a real article: whether or not the pipeline parses it, it never
    outranks a sentence of the report, and the lead is still the first report sentence."""
    body = (ARTICLES / "voa-serbia-rally.txt").read_text(encoding="utf-8")
    furniture = [
        "By Jovana Gec",
        "FILE - Supporters of Serbian President Aleksandar Vucic wave flags in Belgrade, Serbia,"
        " May 26, 2023. (AP Photo/Darko Vojinovic)",
        "Follow VOA on Twitter.",
    ]
    text = (
        "Serbia's President Rallies Supporters Amid Protests\n"
        + "\n".join(furniture[:2])
        + "\n"
        + body
        + "\n"
        + furniture[2]
        + "\nI’m Jo Roe.\n"
    )
    article = analyse(text)
    scores = sentence_importance(article)
    report = [s for s in article.sentences if s.text in body]
    lowest_report = min(scores[s.index] for s in report if s.words >= 6)
    linked = {link.sentence for link in cause_links(article)}
    for s in article.sentences:
        if any(s.text in line or line in s.text for line in [*furniture, "I’m Jo Roe."]):
            assert scores[s.index] == 0.0, s.text
            assert scores[s.index] < lowest_report
            assert not sentence_roles(article)[s.index] and s.index not in linked
    lead = index_of(article, "Tens of thousands of people converged")
    assert place(scores, lead) == 0
    assert "event" in sentence_roles(article)[lead]
    headline = index_of(article, "Serbia's President Rallies")
    assert "event" not in sentence_roles(article)[headline]


def test_trivia_lines_rank_in_the_bottom_half(read: Any) -> None:
    article = read(HELDOUT / "voa-le-exoplanet-ocean.txt")
    scores = sentence_importance(article)
    half = len(scores) // 2
    for start in (
        "A light year is the distance light travels",  # a unit explained
        "A study explaining the findings recently appeared in",  # the journal it appeared in
    ):
        assert place(scores, index_of(article, start)) >= half, start


def test_importance_is_deterministic_and_not_shared(read: Any, analyse: Any) -> None:
    first = sentence_importance(read(FOUNDING_ARTICLE))
    first[0] = -1.0  # a caller's list is its own
    again = sentence_importance(read(FOUNDING_ARTICLE))
    fresh = sentence_importance(analyse(FOUNDING_ARTICLE.read_text(encoding="utf-8")))
    assert again == fresh and again[0] != -1.0


# -- roles -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "start", "present", "absent"),
    [
        (FOUNDING_ARTICLE, "Japan’s leader, Ishiba, stated", {"event", "reaction"}, set()),
        (FOUNDING_ARTICLE, "The two leaders agreed to resume", {"event"}, {"reaction"}),
        (
            FOUNDING_ARTICLE,
            "Last week, the South Korean government expressed",
            {"reaction", "cause"},
            {"event"},
        ),
        (FOUNDING_ARTICLE, "Lee has previously criticized", {"background", "reaction"}, set()),
        (FOUNDING_ARTICLE, "Lee’s visit comes two days before", set(), {"event", "cause"}),
        (
            ARTICLES / "voa-serbia-rally.txt",
            "Tens of thousands of people converged",
            {"event"},
            {"reaction"},
        ),
        (
            HELDOUT / "voa-le-mars-helicopter-crash.txt",
            "Tzanetos said Chopper is about 20 times heavier than Ingenuity",
            {"comparison", "reaction"},
            {"event"},
        ),
        (
            HELDOUT / "voa-le-mars-helicopter-crash.txt",
            "The hard landing on a sand hill is believed to have caused",
            {"cause", "consequence"},
            {"reaction"},
        ),
        (
            HELDOUT / "voa-le-top-tech-stories-2024.txt",
            "U.S. officials have long warned that TikTok",
            {"background", "reaction"},
            set(),
        ),
        (
            HELDOUT / "voa-le-top-tech-stories-2024.txt",
            "Deepfakes were used in several world election campaigns in 2024",
            set(),
            {"background"},  # the report's own year
        ),
        (
            ARTICLES / "wikinews-shorts-2007-04-01.txt",
            "Five former Maoist rebels were sworn in",
            {"event"},
            {"comparison"},  # "more than 13,000 people" is a count, not a comparison
        ),
        (
            ARTICLES / "voa-sierra-leone-waste.txt",
            "Kargbo said President Koroma was not told about the agreement because",
            {"cause", "reaction"},
            set(),
        ),
    ],
)
def test_roles_of_real_sentences(
    read: Any, path: Path, start: str, present: set[str], absent: set[str]
) -> None:
    article = read(path)
    roles = sentence_roles(article)[index_of(article, start)]
    assert present <= roles, roles
    assert not absent & roles, roles


@pytest.mark.parametrize(
    ("text", "role", "cue"),
    [
        ("Unemployment fell to its lowest level since 1969.", "comparison", "lowest"),
        ("Sales of electric cars rose 35 percent from a year earlier.", "comparison", "rose"),
        ("The ministry welcomed the decision on Tuesday.", "reaction", "welcomed"),
        ("The engine failed over the sea. As a result, the launch ended.", "consequence", ""),
        ("The minister resigned after weeks of criticism.", "cause", "after"),
        ("The two leaders spoke to reporters after the meeting.", "sequence", "after"),
        ("The two countries have long disputed the islands.", "background", "have long"),
    ],
)
def test_roles_of_hand_written_sentences(analyse: Any, text: str, role: str, cue: str) -> None:
    article = analyse(text)
    cues = [c for cues in role_cues(article) for c in cues if c.role == role]
    assert cues, f"{role} not found in {text!r}"
    sentence = article.sentences[-1] if role == "consequence" else article.sentences[0]
    for c in cues:
        assert sentence.text[c.start : c.end] == c.text
    if cue:
        assert any(c.text == cue for c in cues), cues


def test_more_than_a_number_is_no_comparison(analyse: Any) -> None:
    article = analyse("The war has killed more than 13,000 people in the region.")
    assert "comparison" not in sentence_roles(article)[0]


# -- coverage ----------------------------------------------------------------------------------


def test_coverage_bins_follow_the_body_in_order(read: Any) -> None:
    for path in ALL_ARTICLES:
        article = read(path)
        bins = coverage_bins(article)
        assert len(bins) == len(article.sentences)
        assert bins == sorted(bins), path.name  # the parts follow the text
        body = [b for b, is_body in zip(bins, body_mask(article), strict=True) if is_body]
        assert body[0] == 0 and body[-1] == 2, path.name
        if len(body) >= 9:
            assert set(body) == {0, 1, 2}, path.name


def test_coverage_bins_split_a_long_article_into_even_parts(read: Any) -> None:
    article = read(HELDOUT / "voa-le-virtual-fences-cows.txt")
    bins = coverage_bins(article, n=4)
    body = body_mask(article)
    chars = [0, 0, 0, 0]
    for s, b in zip(article.sentences, bins, strict=True):
        if body[s.index]:
            chars[b] += len(s.text)
    assert max(chars) < 1.5 * min(chars)
    assert coverage_bins(article, n=1) == [0] * len(article.sentences)
    with pytest.raises(ValueError):
        coverage_bins(article, n=0)


# -- cause links -------------------------------------------------------------------------------


def only_link(analyse: Any, text: str) -> tuple[Any, CauseLink]:
    article = analyse(text)
    links = cause_links(article)
    assert len(links) == 1, (text, links)
    return article, links[0]


@pytest.mark.parametrize(
    ("text", "connective", "cause", "effect", "kind", "introduces"),
    [
        (
            "The flight was cancelled because the pilot fell ill.",
            "because",
            "the pilot fell ill",
            "The flight was cancelled",
            CAUSE,
            "cause",
        ),
        (
            "The school closed because of the storm.",
            "because of",
            "the storm",
            "The school closed",
            CAUSE,
            "cause",
        ),
        (
            "The match was postponed due to heavy rain.",
            "due to",
            "heavy rain",
            "The match was postponed",
            CAUSE,
            "cause",
        ),
        ("The delay was due to bad weather.", "due to", "bad weather", "The delay", CAUSE, "cause"),
        (
            "Prices rose owing to a shortage of steel.",
            "owing to",
            "a shortage of steel",
            "Prices rose",
            CAUSE,
            "cause",
        ),
        (
            "More people voted thanks to the new rules.",
            "thanks to",
            "the new rules",
            "More people voted",
            CAUSE,
            "cause",
        ),
        (
            "The company cut 500 jobs as a result of falling sales.",
            "as a result of",
            "falling sales",
            "The company cut 500 jobs",
            CAUSE,
            "cause",
        ),
        (
            "Since the vaccines lose strength over time, doctors recommend a booster.",
            "Since",
            "the vaccines lose strength over time",
            "doctors recommend a booster",
            CAUSE,
            "cause",
        ),
        (
            "The shootings prompted protests across the country.",
            "prompted",
            "The shootings",
            "protests across the country",
            CAUSE,
            "effect",
        ),
        (
            "The storm hit the coast on Friday, prompting evacuations.",
            "prompting",
            "The storm hit the coast on Friday",
            "evacuations",
            CAUSE,
            "effect",
        ),
        (
            "The crisis triggered by two mass shootings deepened.",
            "triggered by",
            "two mass shootings",
            "The crisis",
            CAUSE,
            "cause",
        ),
        (
            "The hard landing is believed to have caused the helicopter to turn over.",
            "caused",
            "The hard landing",
            "the helicopter to turn over",
            CAUSE,
            "effect",
        ),
        (
            "The engine exploded, so the launch failed.",
            "so",
            "The engine exploded",
            "the launch failed",
            CAUSE,
            "effect",
        ),
        (
            "Prices rose sharply, which means families pay more.",
            "which means",
            "Prices rose sharply",
            "families pay more",
            CAUSE,
            "effect",
        ),
        (
            "Airlines want quick tests so that passengers can fly again.",
            "so that",
            "passengers can fly again",
            "Airlines want quick tests",
            PURPOSE,
            "cause",
        ),
        (
            "They sold the farm in order to pay their debts.",
            "in order to",
            "pay their debts",
            "They sold the farm",
            PURPOSE,
            "cause",
        ),
        (
            "Following the attack, the minister resigned.",
            "Following",
            "the attack",
            "the minister resigned",
            CAUSE,
            "cause",
        ),
        (
            "The government expressed regret after Japanese officials visited a shrine.",
            "after",
            "Japanese officials visited a shrine",
            "The government expressed regret",
            CAUSE,
            "cause",
        ),
        (
            "The two leaders spoke to reporters after the meeting.",
            "after",
            "the meeting",
            "The two leaders spoke to reporters",
            SEQUENCE,  # order only: a "What followed …?", never a "Why …?"
            "cause",
        ),
        (
            "The flight, because of the storm, was cancelled.",
            "because of",
            "the storm",
            "The flight was cancelled",
            CAUSE,
            "cause",
        ),
    ],
)
def test_cause_links_of_hand_written_sentences(
    analyse: Any,
    text: str,
    connective: str,
    cause: str,
    effect: str,
    kind: str,
    introduces: str,
) -> None:
    article, link = only_link(analyse, text)
    sentence = article.sentences[link.sentence]
    assert (link.connective, link.cause_text, link.effect_text) == (connective, cause, effect)
    assert (link.kind, link.introduces) == (kind, introduces)
    assert sentence.text[slice(*link.connective_span)] == connective
    assert sentence.text[slice(*link.cause)] == cause  # verbatim: every side is a sentence slice
    start, end = link.effect
    assert sentence.text[start:end].startswith(effect.split()[0])
    assert sentence.text[start:end].endswith(effect.split()[-1])
    assert link.cause_first == (link.cause[0] < link.effect[0])


def test_one_sentence_can_chain_two_links(analyse: Any) -> None:
    article = analyse(
        "Events related to the crash led to increased power demand, which resulted in the loss "
        "of communications."
    )
    links = cause_links(article)
    assert [(x.connective, x.cause_text, x.effect_text) for x in links] == [
        ("led to", "Events related to the crash", "increased power demand"),
        ("resulted in", "increased power demand", "the loss of communications"),
    ]


@pytest.mark.parametrize(
    ("text", "connective"),
    [
        ("The engine exploded. As a result, the launch failed.", "As a result"),
        ("The engine failed. This meant the rocket could not reach orbit.", "This meant"),
        ("The engine failed. The launch therefore ended early.", "therefore"),
    ],
)
def test_a_sentence_adverbial_takes_its_cause_from_the_previous_sentence(
    analyse: Any, text: str, connective: str
) -> None:
    article, link = only_link(analyse, text)
    assert (link.sentence, link.cause_sentence, link.connective) == (1, 0, connective)
    assert link.cause_text == article.sentences[0].text
    assert link.introduces == "effect" and link.cause_first


@pytest.mark.parametrize(
    "text",
    [
        "The company has grown since 2019.",  # time, not cause
        "She has lived in Paris since she retired.",  # time: "since" on a perfect verb
        "Nobody has been hurt since then.",
        "The new assembly is due to write a new constitution.",  # a schedule
        "So far, nobody has been hurt.",
        "The research was led by astronomers at the University of Montreal.",  # leadership
        "The team met again the following day.",
        "Ingenuity began its planned descent after about 19 seconds.",  # a length of time
        "The minister led the delegation to Tokyo.",
    ],
)
def test_no_cause_link_where_there_is_none(analyse: Any, text: str) -> None:
    assert cause_links(analyse(text)) == []


@pytest.mark.parametrize(
    ("path", "start", "connective", "cause", "kind"),
    [
        (
            FOUNDING_ARTICLE,
            "Japan’s leader, Ishiba, stated",
            "after",
            "their meeting",
            SEQUENCE,
        ),
        (
            FOUNDING_ARTICLE,
            "Last week, the South Korean government expressed",
            "after",
            "Japanese officials visited a shrine to Japan’s war dead",  # not the aside after it
            CAUSE,
        ),
        (
            ARTICLES / "voa-serbia-rally.txt",
            "Tens of thousands of people converged",
            "triggered by",
            "two mass shootings that stunned the nation",
            CAUSE,
        ),
        (
            ARTICLES / "voa-sierra-leone-waste.txt",
            "But he says the investigators released him",
            "because",
            "there was nothing illegal about the agreement",
            CAUSE,
        ),
        (
            HELDOUT / "voa-le-mars-helicopter-crash.txt",
            "The hard landing on a sand hill",
            "caused",
            "The hard landing on a sand hill",
            CAUSE,
        ),
        (
            HELDOUT / "voa-le-titan-methane-ice.txt",
            "Because of this extreme cold",
            "Because of",
            "this extreme cold",
            CAUSE,
        ),
    ],
)
def test_cause_links_in_real_articles(
    read: Any, path: Path, start: str, connective: str, cause: str, kind: str
) -> None:
    article = read(path)
    index = index_of(article, start)
    found = [x for x in cause_links(article) if x.sentence == index]
    assert [(x.connective, x.cause_text, x.kind) for x in found] == [(connective, cause, kind)]


def test_every_link_in_every_article_points_into_its_sentences(read: Any) -> None:
    for path in ALL_ARTICLES:
        article = read(path)
        for link in cause_links(article):
            sentence = article.sentences[link.sentence]
            assert sentence.text[slice(*link.connective_span)] == link.connective
            assert 0 <= link.effect[0] < link.effect[1] <= len(sentence.text)
            cause_sentence = article.sentences[link.cause_sentence]
            assert 0 <= link.cause[0] < link.cause[1] <= len(cause_sentence.text)
            for side in (link.cause_text, link.effect_text):
                assert side, link
                assert side.count("“") == side.count("”") and side.count('"') % 2 == 0, side
            assert link.kind in (CAUSE, PURPOSE, SEQUENCE)


# -- speed -------------------------------------------------------------------------------------


def test_ranking_costs_little_beside_the_parse(read: Any, nlp: Any) -> None:
    """Everything here on a 1,000-word article, from its parse, in a small fraction of the
    parse's own time (a few ms against ~200 ms; the bound is loose for shared machines)."""
    from quiz.generate.pipeline import analyse

    text = (HELDOUT / "voa-le-virtual-fences-cows.txt").read_text(encoding="utf-8")
    best = float("inf")
    for _ in range(3):
        article = analyse(text, nlp)
        start = time.perf_counter()
        sentence_importance(article)
        role_cues(article)
        coverage_bins(article)
        best = min(best, time.perf_counter() - start)
    assert best < 0.1
