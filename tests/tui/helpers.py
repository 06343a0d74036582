"""Answering each question type with the keys a learner would press."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from textual.pilot import Pilot

from quiz.bank.model import (
    Cloze,
    Matching,
    MultipleChoice,
    Numeric,
    Ordering,
    ShortAnswer,
    TrueFalse,
)
from quiz.tui.screens.quiz import QuizScreen
from tests.store.helpers import FakeClock
from tests.tui.conftest import type_text


def current(pilot: Pilot) -> QuizScreen:
    screen = pilot.app.screen
    assert isinstance(screen, QuizScreen), screen
    return screen


async def answer_right(pilot: Pilot) -> None:
    screen = current(pilot)
    item = screen.session.current
    q = item.question
    if isinstance(q, MultipleChoice):
        keys = [str(i + 1) for i in sorted(q.correct_indices())]
        await pilot.press(*keys, *(["enter"] if q.multiple else []))
    elif isinstance(q, TrueFalse):
        await pilot.press("t" if q.answer else "f")
    elif isinstance(q, Cloze):
        for blank in q.blanks:
            await type_text(pilot, blank[0])
            await pilot.press("enter")
    elif isinstance(q, ShortAnswer):
        await type_text(pilot, q.answers[0])
        await pilot.press("enter")
    elif isinstance(q, Numeric):
        await type_text(pilot, f"{q.answer:g}")
        await pilot.press("enter")
    elif isinstance(q, Matching):
        for pair in q.pairs:  # the cursor moves to the next open item by itself
            await pilot.press(str(item.options.index(pair.right) + 1))
        await pilot.press("enter")
    elif isinstance(q, Ordering):
        order = list(item.order)
        cursor = 0
        for target, wanted in enumerate(q.items):
            at = order.index(wanted)
            moves = ["down"] * (at - cursor) if at > cursor else ["up"] * (cursor - at)
            await pilot.press(*moves)
            await pilot.press(*(["left_square_bracket"] * (at - target)))
            order.insert(target, order.pop(at))
            cursor = target
        await pilot.press("enter")
    await acknowledged(pilot)


async def acknowledged(pilot: Pilot, timeout: float = 10.0) -> None:
    """Wait until the answer just given is saved and its feedback shown."""
    screen = current(pilot)
    for _ in range(int(timeout / 0.01)):
        await pilot.pause()
        if screen.acknowledged or screen.answered is None:
            return
        await pilot.pause(0.01)
    raise AssertionError("the answer was never acknowledged")


async def answer_wrong(pilot: Pilot) -> None:
    screen = current(pilot)
    item = screen.session.current
    q = item.question
    if isinstance(q, MultipleChoice):
        wrong = next(i for i in range(len(q.choices)) if i not in q.correct_indices())
        await pilot.press(str(wrong + 1), *(["enter"] if q.multiple else []))
    elif isinstance(q, TrueFalse):
        await pilot.press("f" if q.answer else "t")
    elif isinstance(q, Cloze):
        for _ in q.blanks:
            await type_text(pilot, "zzz")
            await pilot.press("enter")
    elif isinstance(q, ShortAnswer | Numeric):
        await type_text(pilot, "999999")
        await pilot.press("enter")
    elif isinstance(q, Matching):
        # everything shifted by one: no pair right
        for n, _pair in enumerate(q.pairs):
            right = q.pairs[(n + 1) % len(q.pairs)].right
            await pilot.press(str(item.options.index(right) + 1))
        await pilot.press("enter")
    elif isinstance(q, Ordering):
        # the shown order is never the right one: Enter asks first, a second one submits it
        await pilot.press("enter", "enter")
    await acknowledged(pilot)


def bank_folder(tmp_path: Path, *, founding: bool = True) -> Path:
    """A banks folder as the review, stats and home tests read it: the all-types bank as
    ``riverton-bridge.yaml`` with its article, and (unless ``founding`` is false) the founding
    bank with its article."""
    import shutil

    from tests.conftest import ALL_TYPES_BANK, DATA, FOUNDING_BANK

    banks = tmp_path / "banks"
    banks.mkdir()
    shutil.copy(ALL_TYPES_BANK, banks / "riverton-bridge.yaml")
    shutil.copy(DATA / "valid" / "article.txt", banks / "article.txt")
    if founding:
        for path in (FOUNDING_BANK, FOUNDING_BANK.with_suffix(".txt")):
            shutil.copy(path, banks / path.name)
    return banks


#: The first day of the review and home tests' clock.
DAY1 = datetime(2025, 9, 1, 9, 0, tzinfo=UTC)


@dataclass
class Clock(FakeClock):
    """The store tests' clock (one for the app and the store, moved by hand), from DAY1."""

    now: datetime = DAY1
