"""Snapshots of the review, undo, flag and saving states, at 80x24 (the review and the flag
dialog at 40x12, 80x24 and 120x40).

The store is a real SQLite file in a temporary dir, filled through the Store API with a fixed
clock, so each picture is the same on every run. Review the SVGs in ``__snapshots__`` before
accepting an update (``--snapshot-update``)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot

from quiz.bank import load_bank
from quiz.record import Answer, Outcome
from quiz.session import Options
from quiz.store import Store
from quiz.tui.config import StartPlay, StartReview
from tests.conftest import ALL_TYPES_BANK, DATA, FOUNDING_BANK
from tests.tui.conftest import settle
from tests.tui.helpers import answer_right, answer_wrong, bank_folder
from tests.tui.test_review import DAY1, Apps, Clock, _swap_mayor_answer

TINY = (40, 12)
SMALL = (80, 24)
LARGE = (120, 40)
SIZES = pytest.mark.parametrize("size", [TINY, SMALL, LARGE], ids=["40x12", "80x24", "120x40"])


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return bank_folder(tmp_path, founding=False)


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> Iterator[Store]:
    with Store.open(tmp_path / "data", clock=clock, fuzz=False) as opened:
        yield opened


@pytest.fixture
def apps(store: Store, clock: Clock, folder: Path) -> Apps:
    return Apps(store, clock, folder)


def answered(store: Store, bank_path: Path, ids: list[str], outcome: Outcome) -> None:
    bank = load_bank(bank_path)
    session = store.start_session(bank.id, "play")
    for qid in ids:
        question = bank.question(qid)
        assert question is not None
        store.record(
            Answer(
                bank.id, qid, question.TYPE, "x", outcome, 5.0, store.now(), question.answer_key()
            ),
            session_id=session,
        )
    store.end_session(session)


async def review_loaded(pilot: Pilot) -> None:
    await settle(pilot)
    for _ in range(100):
        plan = getattr(pilot.app.screen, "plan", None)
        if plan is not None:
            break
        await pilot.pause(0.01)
    await pilot.pause()


class TestReview:
    @SIZES
    def test_due_today_and_tomorrow(
        self, snap_compare, apps: Apps, store: Store, clock: Clock, folder: Path, size
    ) -> None:
        shutil.copy(FOUNDING_BANK, folder / FOUNDING_BANK.name)
        shutil.copy(
            FOUNDING_BANK.with_suffix(".txt"), folder / FOUNDING_BANK.with_suffix(".txt").name
        )
        answered(store, ALL_TYPES_BANK, ["q-mayor-mc", "q-cost-tf", "q-cost-cloze"], Outcome.WRONG)
        summit = load_bank(FOUNDING_BANK)
        answered(store, FOUNDING_BANK, [q.id for q in summit.questions[:2]], Outcome.WRONG)
        clock.at(DAY1 + timedelta(days=1))
        assert snap_compare(
            apps.make(StartReview(new_limit=5)), terminal_size=size, run_before=review_loaded
        )

    def test_nothing_due(self, snap_compare, apps: Apps, store: Store) -> None:
        bank = load_bank(ALL_TYPES_BANK)
        answered(store, ALL_TYPES_BANK, [q.id for q in bank.questions], Outcome.RIGHT)
        assert snap_compare(apps.make(StartReview()), terminal_size=SMALL, run_before=review_loaded)


class TestAfterAnswering:
    def test_undo(self, snap_compare, apps: Apps) -> None:
        async def before(pilot: Pilot) -> None:
            await answer_right(pilot)
            await settle(pilot)  # Enter moves on once the answer is saved
            await pilot.press("enter")
            await answer_wrong(pilot)
            await settle(pilot)
            await pilot.press("u")
            await settle(pilot)

        assert snap_compare(apps.play(), terminal_size=SMALL, run_before=before)

    @SIZES
    def test_flag_dialog(self, snap_compare, apps: Apps, size) -> None:
        async def before(pilot: Pilot) -> None:
            await answer_wrong(pilot)
            await pilot.press("exclamation_mark", "down", "enter")
            for key in "two mayors":
                await pilot.press("space" if key == " " else key)
            await pilot.pause()

        assert snap_compare(apps.play(), terminal_size=size, run_before=before)

    def test_schedule_reset(
        self, snap_compare, apps: Apps, store: Store, clock: Clock, tmp_path: Path
    ) -> None:
        answered(store, ALL_TYPES_BANK, ["q-mayor-mc"], Outcome.RIGHT)
        changed = tmp_path / "changed"
        changed.mkdir()
        shutil.copy(DATA / "valid" / "article.txt", changed / "article.txt")
        bank_file = changed / "riverton-bridge.yaml"
        bank_file.write_text(
            _swap_mayor_answer(ALL_TYPES_BANK.read_text(encoding="utf-8")), encoding="utf-8"
        )
        clock.at(DAY1 + timedelta(days=1))

        async def before(pilot: Pilot) -> None:
            await answer_right(pilot)
            await settle(pilot)

        assert snap_compare(apps.play(bank_file), terminal_size=SMALL, run_before=before)

    def test_saving_failed(self, snap_compare, apps: Apps) -> None:
        class DiskFull:
            def record(self, answer: Answer) -> None:
                raise OSError(28, "No space left on device")

        app = apps.make(
            StartPlay(load_bank(ALL_TYPES_BANK), Options(shuffle=False, seed=0)),
            recorder_factory=lambda bank, mode: DiskFull(),
        )

        async def before(pilot: Pilot) -> None:
            await answer_right(pilot)
            await settle(pilot)

        assert snap_compare(app, terminal_size=SMALL, run_before=before)
