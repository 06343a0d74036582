"""Clutter a blind rater named in prompts: an outlet's name used as a dateline and a source
cited in brackets. The question's quoted source keeps them (it is the article verbatim); the
prompt a learner reads does not."""

from __future__ import annotations

from typing import Any

import pytest

from quiz.generate.candidate import tidy

ARTICLE = """\
Harbour strike ends after three days

Coast Courier – Dock workers in Port Elms ended a three-day strike on Friday after the harbour \
authority agreed to hire 240 more crane operators.

The strike had halted about 9,000 containers a day, the busiest stretch of the year for the port.

Freight rates on the route rose by 18 percent during the stoppage (Baltic Freight Index, 2024).

The union said the agreement also limits night shifts to four a week for every crane operator.

Port Elms handles a fifth of the country's container trade, and exporters had warned of losses.

The harbour authority said the new operators would start work in March after a six-week course.
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rates rose (Baltic Freight Index, 2024).", "Rates rose."),
        ("Rates rose (Smith et al., 2019a) last year.", "Rates rose last year."),
        # a dash after a subject that goes on in lower case is the sentence's own
        ("Lee – who took office in June – said so.", "Lee – who took office in June – said so."),
        # brackets without a year are content
        ("Rates rose (by far the most in a decade).", "Rates rose (by far the most in a decade)."),
    ],
)
def test_tidy_drops_a_citation(text: str, expected: str) -> None:
    assert tidy(text) == expected


def test_generated_prompts_leave_the_clutter_out_and_sources_keep_it(make: Any) -> None:
    result = make(ARTICLE, date="2025-03-03")
    asked = [q for q in result.candidates.values() if "Dock workers" in q.source]
    cited = [q for q in result.candidates.values() if "Baltic Freight Index" in q.source]
    assert asked and cited
    for question in asked + cited:
        assert question.source in ARTICLE
        assert "Coast Courier" not in question.prompt, question.prompt
        assert "Baltic Freight Index, 2024" not in question.prompt, question.prompt
