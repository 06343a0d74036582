"""Dates with a month name are graded as dates: "Aug 11" for "August 11", "Sept. 3" for
"September 3", "11 August" for "August 11" are right; a different date never is, not even as
a near miss. Played as a learner plays: typed into the quiz under Pilot, graded by the bank's
short-answer and cloze questions."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.bank import load_bank
from quiz.grading import grade
from quiz.marking.outcome import Outcome
from quiz.marking.text import match_text
from tests.tui.conftest import Harness, type_text
from tests.tui.helpers import acknowledged, current

BANK = """\
format: quiz-bank/1
id: summit-dates
title: The summit dates
as_of: 2025-08-20
source:
  title: Summit dates
  text: |
    The leaders met in Tokyo on August 11.
    The next meeting is set for September 3, 2026.
questions:
  - id: q-met-short
    type: short_answer
    prompt: On what day did the leaders meet in Tokyo?
    answer: August 11
    source: The leaders met in Tokyo on August 11.
  - id: q-next-cloze
    type: cloze
    prompt: The next meeting is set for ___.
    blanks:
      - ["September 3, 2026"]
    source: The next meeting is set for September 3, 2026.
"""


@pytest.mark.parametrize(
    ("given", "key"),
    [
        ("Aug 11", "August 11"),
        ("Aug. 11", "August 11"),
        ("aug 11th", "August 11"),
        ("11 August", "August 11"),
        ("11 Aug.", "August 11"),
        ("the 11th of August", "August 11"),
        ("Sept. 3", "September 3"),
        ("Sep 3", "September 3"),
        ("September 3", "Sept. 3"),
        ("Sept. 3, 2026", "September 3, 2026"),
        ("3 September 2026", "September 3, 2026"),
        ("Aug 2025", "August 2025"),
    ],
)
def test_the_same_date_written_another_way_is_right(given: str, key: str) -> None:
    assert match_text(given, [key]).outcome is Outcome.RIGHT


@pytest.mark.parametrize(
    ("given", "key"),
    [
        ("Aug 12", "August 11"),
        ("12 August", "August 11"),
        ("Jul 11", "June 11"),
        ("Jun 11", "Jan 11"),
        ("May 3", "March 3"),
        ("Sept. 3, 2025", "September 3, 2026"),
        ("Sept. 3", "September 3, 2026"),  # the year the key asks for is missing
        ("11", "August 11"),
        ("August", "August 11"),
        ("Aug 11", "August 1"),
        ("Feb 30", "February 30"),
    ],
)
def test_a_different_date_is_wrong(given: str, key: str) -> None:
    assert match_text(given, [key]).outcome is Outcome.WRONG


def test_a_typo_in_a_month_stays_a_near_miss() -> None:
    assert match_text("Agust 11", ["August 11"]).outcome is Outcome.NEAR_MISS
    assert match_text("Augst 11", ["Aug. 11"]).outcome is Outcome.NEAR_MISS


def test_graded_through_the_question_types(tmp_path: Path) -> None:
    (tmp_path / "dates.yaml").write_text(BANK, encoding="utf-8")
    bank = load_bank(tmp_path / "dates.yaml")
    short, cloze = bank.questions
    assert grade(short, "Aug 11").outcome is Outcome.RIGHT
    assert grade(short, "Aug 12").outcome is Outcome.WRONG
    assert grade(cloze, ["Sept. 3, 2026"]).outcome is Outcome.RIGHT


async def test_typed_in_a_quiz(harness: Harness, tmp_path: Path) -> None:
    (tmp_path / "dates.yaml").write_text(BANK, encoding="utf-8")
    async with harness.play(tmp_path / "dates.yaml").run_test(size=(80, 24)) as pilot:
        for typed in ("Aug 11", "Sept. 3 2026"):
            await type_text(pilot, typed)
            await pilot.press("enter")
            await acknowledged(pilot)
            assert current(pilot).answered.outcome is Outcome.RIGHT, typed
            await pilot.press("enter")
            await pilot.pause()
    assert [a.outcome for a in harness.recorder.answers] == [Outcome.RIGHT, Outcome.RIGHT]
