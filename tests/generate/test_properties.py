"""The hard rules, checked on every generated question, for many generated articles.

Articles are built from news-like sentence templates filled with random people, places,
numbers and dates; the founding article and the evaluation articles are checked too.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.bank import Cloze, MultipleChoice, Numeric, ShortAnswer, TrueFalse, parse_bank_text
from quiz.bank.dump import dump_bank
from quiz.bank.text import normalise_for_match
from quiz.generate.direction import every_option
from tests.generate.conftest import ARTICLES, FOUNDING_ARTICLE

FIRST = ["Ana", "Rui", "Marta", "David", "Laura", "Omar", "Grace", "Kenji", "Elena", "Samuel"]
LAST = ["Costa", "Lopes", "Silva", "Okafor", "Moreau", "Tanaka", "Novak", "Haddad", "Berg", "Reyes"]
PLACES = ["Riverton", "Lisbon", "Nairobi", "Osaka", "Lyon", "Tampere", "Quito", "Dakar"]
ORGS = ["the Riverton Water Board", "the National Rail Company", "the Harbour Authority"]
THINGS = ["homes", "workers", "students", "buses", "trees", "patients", "flights"]
TITLES = ["mayor", "minister", "director", "spokesperson", "governor"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTHS = ["January", "March", "May", "July", "September", "November"]
HEDGES = ["about", "around", "more than", "nearly", ""]

TEMPLATES = [
    "{p1}, the {title} of {place}, said on {day} that {hedge} {n1} {thing} had been affected.",
    "{p2} told reporters in {place2} that the plan would cost {n2} million dollars.",
    "“We will finish the work before {month},” {p1s} said.",
    "In {month}, {org} agreed to build {n3} new {thing2} across {place}.",
    "{p2s}, a {title2} at {org}, has worked on the project for {n4} years.",
    "Last week, {p3} visited {place2} to meet local officials.",
    "{hedge2} {n5} {thing} were moved to {place} on {day2}, officials said.",
]


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@st.composite
def articles(draw: st.DrawFn) -> str:
    people = draw(
        st.lists(
            st.tuples(st.sampled_from(FIRST), st.sampled_from(LAST)),
            min_size=3,
            max_size=3,
            unique_by=lambda p: p[1],
        )
    )
    names = [f"{a} {b}" for a, b in people]
    places = draw(st.lists(st.sampled_from(PLACES), min_size=2, max_size=2, unique=True))
    nums = draw(st.lists(st.integers(2, 95_000), min_size=5, max_size=5, unique=True))
    fields = {
        "p1": names[0],
        "p1s": people[0][1],
        "p2": names[1],
        "p2s": names[1],
        "p3": names[2],
        "title": draw(st.sampled_from(TITLES)),
        "title2": draw(st.sampled_from(TITLES)),
        "place": places[0],
        "place2": places[1],
        "org": draw(st.sampled_from(ORGS)),
        "day": draw(st.sampled_from(DAYS)),
        "day2": draw(st.sampled_from(DAYS)),
        "month": draw(st.sampled_from(MONTHS)),
        "hedge": draw(st.sampled_from(HEDGES)),
        "hedge2": draw(st.sampled_from(HEDGES)).capitalize(),
        "n1": f"{nums[0]:,}",
        "n2": str(nums[1] % 90 + 2),
        "n3": str(nums[2] % 40 + 3),
        "n4": str(nums[3] % 30 + 3),
        "n5": f"{nums[4]:,}",
        "thing": draw(st.sampled_from(THINGS)),
        "thing2": draw(st.sampled_from(THINGS)),
    }
    order = draw(st.permutations(range(len(TEMPLATES))))
    lines = [_clean(TEMPLATES[i].format(**fields)) for i in order]
    return "\n".join(line[:1].upper() + line[1:] for line in lines) + "\n"


DIRECTION_OPTIONS = every_option()


def check_hard_rules(bank: Any, text: str) -> None:
    article = normalise_for_match(text)
    sentences = {normalise_for_match(s) for s in re.split(r"(?<=[.!?”])\s+", text) if s.strip()}
    assert len({q.id for q in bank.questions}) == len(bank.questions)
    for q in bank.questions:
        source = normalise_for_match(q.source)
        assert source in article, q.id
        if isinstance(q, MultipleChoice):
            answer = q.answers[0]
            assert len(q.answers) == 1 and q.choices.count(answer) == 1
            stem = normalise_for_match(q.prompt.replace("___", " ")).casefold()
            for choice in q.choices:
                assert not re.search(r"(?<!\w)" + re.escape(choice.casefold()) + r"(?!\w)", stem), (
                    q.id,
                    choice,
                )
                if choice != answer:
                    a, b = choice.casefold(), answer.casefold()
                    assert a not in b and b not in a, (q.id, choice, answer)
            if answer in DIRECTION_OPTIONS:  # which way it went, in plain words: the verb is
                said = {f.id: f.key for f in bank.facts}[q.fact]  # the sentence's
                assert said.casefold() in source.casefold(), q.id
            else:
                assert normalise_for_match(answer.split()[-1]).casefold() in source.casefold(), q.id
        elif isinstance(q, Cloze):
            # answers are compared as the source is: curly and straight quotes alike
            assert normalise_for_match(q.blanks[0][0]).casefold() in source.casefold(), q.id
            shown = q.prompt.replace("___", " ").casefold()
            assert not re.search(
                r"(?<!\w)" + re.escape(q.blanks[0][0].casefold()) + r"(?!\w)", shown
            ), q.id
        elif isinstance(q, ShortAnswer):
            assert any(normalise_for_match(a).casefold() in source.casefold() for a in q.answers), (
                q.id
            )
        elif isinstance(q, Numeric):
            assert any(ch.isdigit() or ch.isalpha() for ch in q.source)
        elif isinstance(q, TrueFalse) and q.answer is False:
            assert normalise_for_match(q.prompt) not in sentences, q.id
        assert not re.match(r"^(?:He|She|They|It|His|Her|Their|Its)\b", q.prompt), q.id


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(text=articles())
def test_hard_rules_hold_on_generated_articles(make: Any, text: str) -> None:
    bank = make(text, at_least=3).bank  # every question a bank can hold, doubtful or not
    check_hard_rules(bank, text)
    if bank.questions:  # a bank with none is never written (quiz generate says why)
        reloaded = parse_bank_text(dump_bank(bank), path=Path("/nonexistent/t.yaml"))
        assert len(reloaded.questions) == len(bank.questions)


@pytest.mark.parametrize(
    "path", [FOUNDING_ARTICLE, *sorted(ARTICLES.rglob("*.txt"))], ids=lambda p: p.stem
)
def test_hard_rules_hold_on_real_articles(make: Any, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    check_hard_rules(make(text, max_questions=40).bank, text)
