"""Item review measured against people: precision and recall of each advice on the labelled set
(tests/data/item-review/, method in docs/item-review.md).

The labels are tags on the items: ``flaw:CODE`` where a person finds the flaw, and every item
without it is sound for CODE. An advice is right when it names a labelled flaw, wrong when it
names a sound item, and a labelled flaw no advice names is missed. The table printed by
``python -m tests.bank.test_item_review_measure`` is the one in docs/item-review.md, and the
tests fail if the two disagree or if an advice is on by default with precision below 0.8.
"""

from __future__ import annotations

import math
from collections import Counter

import pytest

from quiz.bank import load_bank
from quiz.bank.review.registry import CHECKS, run
from tests.conftest import ROOT

LABELLED = ROOT / "tests" / "data" / "item-review"
DEVELOPMENT = ("keys", "recall", "fit", "cross")
HELD_OUT = ("heldout",)
DOC = ROOT / "docs" / "item-review.md"
#: An advice right less often than this is off by default.
PRECISION_FLOOR = 0.8
#: The bank-wide advice is a count over the bank, not a judgement of an item: not in the table.
MEASURED = [c for c in CHECKS if c.code != "answer-position"]


class Tally:
    def __init__(self) -> None:
        self.right: Counter[str] = Counter()
        self.wrong: Counter[str] = Counter()
        self.missed: Counter[str] = Counter()
        self.flawed: Counter[str] = Counter()
        self.near: Counter[str] = Counter()
        self.items = 0

    def precision(self, code: str) -> float:
        shown = self.right[code] + self.wrong[code]
        return self.right[code] / shown if shown else math.nan

    def recall(self, code: str) -> float:
        return self.right[code] / self.flawed[code] if self.flawed[code] else math.nan


def measure(names: tuple[str, ...]) -> Tally:
    tally = Tally()
    for name in names:
        bank = load_bank(LABELLED / f"{name}.yaml")
        found = {(a.question, a.code) for a in run(bank, MEASURED)}
        for q in bank.questions:
            tally.items += 1
            labels = {t.removeprefix("flaw:") for t in q.tags if t.startswith("flaw:")}
            tally.near.update(t.removeprefix("near:") for t in q.tags if t.startswith("near:"))
            for check in MEASURED:
                said, flawed = (q.id, check.code) in found, check.code in labels
                tally.flawed[check.code] += flawed
                if said and flawed:
                    tally.right[check.code] += 1
                elif said:
                    tally.wrong[check.code] += 1
                elif flawed:
                    tally.missed[check.code] += 1
    return tally


def _figure(value: float) -> str:
    return "–" if math.isnan(value) else f"{value:.2f}"


def table() -> list[str]:
    """The markdown table of docs/item-review.md, one row per advice."""
    dev, held, both = measure(DEVELOPMENT), measure(HELD_OUT), measure(DEVELOPMENT + HELD_OUT)
    rows = [
        "| advice | flawed / sound look-alikes | right | wrong | missed | precision | recall "
        "| held-out precision | held-out recall | by default |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for check in MEASURED:
        code = check.code
        rows.append(
            f"| `{code}` | {both.flawed[code]} / {both.near[code]} | {both.right[code]} "
            f"| {both.wrong[code]} | {both.missed[code]} | {_figure(both.precision(code))} "
            f"| {_figure(both.recall(code))} | {_figure(held.precision(code))} "
            f"| {_figure(held.recall(code))} | {'on' if check.on else 'off'} |"
        )
    rows.append(f"\n{both.items} items: {dev.items} development, {held.items} held out.")
    return rows


@pytest.fixture(scope="module")
def everything() -> Tally:
    return measure(DEVELOPMENT + HELD_OUT)


def test_every_advice_has_enough_flawed_items_and_sound_look_alikes(everything: Tally) -> None:
    for check in MEASURED:
        assert everything.flawed[check.code] >= 6, check.code
        assert everything.near[check.code] >= 1, check.code


def test_an_advice_right_less_than_80_percent_of_the_time_is_off_by_default(
    everything: Tally,
) -> None:
    for check in MEASURED:
        precision = everything.precision(check.code)
        assert check.on == (precision >= PRECISION_FLOOR), (check.code, precision)


def test_the_documented_table_is_the_measured_one() -> None:
    doc = DOC.read_text(encoding="utf-8")
    for row in table():
        assert row.strip() in doc, f"docs/item-review.md is out of date; expected:\n{row}"


if __name__ == "__main__":
    print("\n".join(table()))
