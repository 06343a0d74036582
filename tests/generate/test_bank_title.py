"""A headline's figure is asked, and the bank's title is shown without it; a title the teacher
gave stays as given, and names in the headline stay unasked."""

from __future__ import annotations

from typing import Any

import pytest

from quiz.bank.model import Cloze, Numeric, TrueFalse
from quiz.generate.bank_title import without_figures


@pytest.mark.parametrize(
    ("title", "figures", "shown"),
    [
        (
            "SNP minister racks up £11k roaming charges on iPad in Morocco",
            ["11k"],
            "SNP minister racks up roaming charges on iPad in Morocco",
        ),
        (
            "Italy seeks to boost tourism by opening borders June 3",
            ["June 3"],
            "Italy seeks to boost tourism by opening borders",
        ),
        (
            "Man jailed over 6 years for supplying cocaine",
            ["6 years"],
            "Man jailed for supplying cocaine",
        ),
        ("Prices up by 5% in March, officials say", ["5%"], "Prices up in March, officials say"),
        ("Port strike ends after three days", ["240"], "Port strike ends after three days"),
        (  # a new-user trial saw "slumps more than % in first four months"
            "Tiger Global slumps more than 40% in first four months of 2022",
            ["40"],
            "Tiger Global slumps in first four months of 2022",
        ),
        ("Prices rose 3 percent in May", ["3"], "Prices rose in May"),
        ("749", ["749"], "749"),  # nothing would be left
    ],
)
def test_the_figures_leave_the_title(title: str, figures: list[str], shown: str) -> None:
    assert without_figures(title, figures) == shown


ARTICLE = """\
Harbour authority hires 240 crane operators to end strike

Dock workers in Port Elms ended a three-day strike after the harbour authority agreed to hire \
240 more crane operators.

Maria Vance, the union's leader, said the deal also limits night shifts to four a week.

Exporters had warned that the strike was costing the region 12 million euros a day.

The new operators will start work in March after a six-week course, the authority said.
"""


def _asks_240(bank: Any) -> bool:
    for q in bank.questions:
        if isinstance(q, Numeric) and q.answer == 240:
            return True
        if isinstance(q, Cloze) and "240" in q.blanks[0]:
            return True
        if isinstance(q, TrueFalse) and "gives the figure as 240" in q.explanation:
            return True  # its scale: "… agreed to hire more than 100 more crane operators"
    return False


def test_the_headline_figure_is_asked_and_the_title_does_not_show_it(make: Any) -> None:
    title = "Harbour authority hires 240 crane operators to end strike"
    bank = make(ARTICLE, title=title).bank
    assert _asks_240(bank)
    assert bank.title == "Harbour authority hires crane operators to end strike"
    assert bank.source.title == title  # the article's own headline is kept as its source's


def test_a_title_the_teacher_gave_is_kept(make: Any) -> None:
    title = "240 new crane operators"
    bank = make(ARTICLE, title=title, keep_title=True).bank
    assert bank.title == title
