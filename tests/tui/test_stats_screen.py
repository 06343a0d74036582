"""The stats screen over a real store filled through ``Store.record`` with the clock injected:
figures asserted on the widgets, and snapshots at 80x24 and 120x40 (data) and of the empty
state. Review the SVGs in ``__snapshots__`` before accepting an update."""

from __future__ import annotations

import random
import shutil
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Digits, Static

from quiz.bank import load_bank
from quiz.commands.stats import store_stats
from quiz.library import current_banks
from quiz.record import Outcome
from quiz.recording.deferred import DeferredScores
from quiz.recording.scores import Scores
from quiz.store import ALL_BANKS, Store
from quiz.tui.app import QuizApp
from quiz.tui.config import StartHome, StartStats
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.stats import StatsScreen, longest_streak
from quiz.tui.widgets.charts import (
    BarList,
    BulletGauge,
    CalendarHeatmap,
    ColumnChart,
    Figure,
    heat_level,
)
from tests.conftest import ALL_TYPES_BANK, DATA, FOUNDING_BANK
from tests.store.helpers import FakeClock, answer
from tests.tui.conftest import Harness, settle
from tests.tui.helpers import bank_folder

SMALL = (80, 24)
LARGE = (120, 40)

#: "Now" for every test here: Wednesday 18 March 2026, 19:00 UTC (days are UTC days).
NOW = datetime(2026, 3, 18, 19, 0, tzinfo=UTC)
MARKUP_TITLE = "[b]Bold?[/b] [@click=app.quit]x[/]"


# --------------------------------------------------------------------------- fixtures


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Two real banks, a bank whose title is markup (to be shown literally), a broken one."""
    banks = bank_folder(tmp_path)
    text = ALL_TYPES_BANK.read_text(encoding="utf-8")
    text = text.replace("id: riverton-bridge", "id: markup-title", 1)
    text = text.replace("title: Riverton opens its bridge", f"title: '{MARKUP_TITLE}'", 1)
    (banks / "markup-title.yaml").write_text(text, encoding="utf-8")
    shutil.copy(DATA / "invalid" / "bad-difficulty.yaml", banks / "broken.yaml")
    return banks


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
def store(tmp_path: Path, clock: FakeClock) -> Iterator[Store]:
    with Store.open(tmp_path / "data", clock=clock, fuzz=False) as opened:
        yield opened


def seven_answers(store: Store, clock: FakeClock) -> None:
    """7 answers (5 right) in 3 sessions on Mon 16, Tue 17 and Wed 18 March: a 3-day streak."""
    plan = [
        (2, [("q-mayor-mc", True), ("q-cost-tf", False), ("q-cost-cloze", True)]),
        (1, [("q-mayor-mc", True), ("q-cost-cloze", True)]),
        (0, [("q-cost-tf", True), ("q-mayor-short", False)]),
    ]
    for days_ago, answers in plan:
        clock.now = NOW - timedelta(days=days_ago, hours=2)
        session = store.start_session("riverton-bridge", "play")
        for qid, right in answers:
            store.record(
                answer(
                    qid,
                    bank_id="riverton-bridge",
                    at=clock.advance(seconds=20),
                    outcome=Outcome.RIGHT if right else Outcome.WRONG,
                    tags=("local",),
                ),
                session_id=session,
            )
        store.end_session(session)
    clock.now = NOW


def study(store: Store, clock: FakeClock, folder: Path, *, weeks: int = 12, seed: int = 7) -> None:
    """A plausible learner: most evenings for ``weeks`` weeks, the day's due reviews plus a few
    new questions of the two real banks, getting better over time; the last 6 days unbroken."""
    rng = random.Random(seed)
    questions = {}
    for path in (folder / "riverton-bridge.yaml", folder / FOUNDING_BANK.name):
        bank = load_bank(path)
        for q in bank.questions:
            questions[bank.id, q.id] = q
    known = current_banks(sorted(folder.glob("*.yaml")), folder / "cache").questions
    known = {b: ids for b, ids in known.items() if b != "markup-title"}
    start = NOW - timedelta(weeks=weeks)
    total_days = weeks * 7
    for day in range(total_days + 1):
        if day < total_days - 5 and rng.random() < 0.3:
            continue  # a day off
        clock.now = (start + timedelta(days=day)).replace(hour=17, minute=0)
        skill = 0.68 + 0.25 * day / total_days
        session = store.start_session(ALL_BANKS, "review")
        for _round in range(2):  # the due ones, then what came back within the session
            due = store.due_queue(
                clock.now,
                known_questions=known,
                limit=rng.randint(6, 24),
                new_limit=rng.randint(2, 7),
            )
            for item in due:
                q = questions[item.bank_id, item.question_id]
                right = rng.random() < skill
                store.record(
                    answer(
                        q.id,
                        bank_id=item.bank_id,
                        at=clock.advance(seconds=rng.randint(5, 30)),
                        outcome=Outcome.RIGHT if right else Outcome.WRONG,
                        question_type=q.TYPE,
                        key=q.id,
                        tags=tuple(q.tags),
                    ),
                    session_id=session,
                )
            clock.advance(minutes=12)
        store.end_session(session)
    clock.now = NOW


def stats_app(harness: Harness, store: Store | None, folder: Path, *, start=None) -> QuizApp:
    config = harness.config(
        start or StartStats(),
        (folder,),
        clock=lambda: NOW,
        stats=store_stats(store) if store is not None else None,
    )
    return harness.app(config)


@asynccontextmanager
async def studied_stats(
    harness: Harness, tmp_path: Path, size: tuple[int, int]
) -> AsyncIterator[StatsScreen]:
    """The stats screen at ``size`` over 12 weeks of a plausible learner's study (the checks
    of what fits on a small terminal look at it)."""
    banks = folder.__wrapped__(tmp_path)  # type: ignore[attr-defined]
    clock = FakeClock(NOW)
    with Store.open(tmp_path / "data", clock=clock, fuzz=False) as store:
        study(store, clock, banks)
        app = stats_app(harness, store, banks)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            yield screen_of(app)


def screen_of(app: QuizApp) -> StatsScreen:
    screen = app.screen
    assert isinstance(screen, StatsScreen), screen
    return screen


def plain(widget: Static | BarList) -> str:
    return str(widget.render())


# --------------------------------------------------------------------------- figures


async def test_figures_of_seven_answers(
    harness: Harness, store: Store, clock: FakeClock, folder: Path
) -> None:
    seven_answers(store, clock)
    app = stats_app(harness, store, folder)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        screen = screen_of(app)
        assert screen.view is not None and screen.view.stats is not None
        assert screen.query_one("#streak-digits", Digits).value == "3"
        answers = screen.query_one("#figure-answers", Figure)
        assert (answers.value, answers.note) == ("7", "71% right")
        assert screen.query_one("#figure-sessions", Figure).value == "3"
        heatmap = screen.query_one("#heatmap", CalendarHeatmap)
        march = {d.day: n for d, n in heatmap.counts.items()}
        assert march == {16: 3, 17: 2, 18: 2}
        assert "7 answers on 3 days" in plain(heatmap)  # type: ignore[arg-type]
        first, today = heatmap.window(heatmap.content_size.width)
        weeks = (today - first).days // 7
        x = heatmap.LABEL_WIDTH + weeks * heatmap.CELL  # this week's column
        assert heatmap.day_at(x, 1) == today.replace(day=16)  # Monday, on the top row
        assert heatmap.describe(today.replace(day=16)) == "Mon 16 Mar 2026: 3 answers, 2 right"
        assert heatmap.day_at(x, 4) is None  # Thursday: not yet
        assert heatmap.day_at(x + 1, 1) is None  # the gap between columns
        await pilot.hover("#heatmap", offset=(x, 2))
        assert heatmap.tooltip == "Tue 17 Mar 2026: 2 answers, 2 right"
        banks = plain(screen.query_one("#banks-mastery", BarList))  # type: ignore[arg-type]
        assert "Riverton opens its bridge" in banks
        assert MARKUP_TITLE in banks  # user text, shown as written
        assert "0/9" in banks
        assert screen.query_one("#stats-body").display
        assert not screen.query_one("#stats-message").display


async def test_due_later_today_is_named_apart_from_due_now(
    harness: Harness, store: Store, clock: FakeClock, folder: Path
) -> None:
    """A question missed half a minute ago comes back in a minute: not due now, but today
    (the forecast's today column); the screen says both, as quiz stats --json does."""
    session = store.start_session("riverton-bridge", "play")
    store.record(
        answer(
            "q-mayor-mc",
            bank_id="riverton-bridge",
            outcome=Outcome.WRONG,
            at=NOW - timedelta(seconds=30),
        ),
        session_id=session,
    )
    app = stats_app(harness, store, folder)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        screen = screen_of(app)
        assert screen.view is not None and screen.view.stats is not None
        assert (screen.view.stats.due_now, screen.view.stats.due_later_today) == (0, 1)
        due = screen.query_one("#figure-due", Figure)
        assert (due.label, due.value, due.note) == ("Due now", "0", "+1 later today")
        caption = str(screen.query_one("#forecast-caption", Static).render())
        assert caption.startswith("0 now · 1 later today\n1 in 7 days")


async def test_forecast_and_accuracy_series(
    harness: Harness, store: Store, clock: FakeClock, folder: Path
) -> None:
    seven_answers(store, clock)
    stats = store_stats(store)(
        NOW, current_banks(sorted(folder.glob("*.yaml")), folder / "cache").questions
    )
    app = stats_app(harness, store, folder)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        screen = screen_of(app)
        forecast = screen.query_one("#forecast", ColumnChart)
        assert forecast.values == [f.due for f in stats.forecast]
        assert len(forecast.values) == 30
        accuracy = screen.query_one("#accuracy", ColumnChart)
        assert len(accuracy.values) == 8  # a new learner still gets eight weeks of axis
        assert accuracy.values[-1] == pytest.approx(5 / 7)
        assert accuracy.values[:-1] == [None] * 7


async def test_empty_state_says_what_to_do(harness: Harness, store: Store, folder: Path) -> None:
    app = stats_app(harness, store, folder)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        screen = screen_of(app)
        message = screen.query_one("#stats-message", Static)
        assert message.display and not screen.query_one("#stats-body").display
        text = plain(message)
        assert "No answers yet." in text and "quiz play BANK" in text
        assert "You have 3 banks ready." in text


async def test_unreadable_scores_are_said_not_crashed_on(harness: Harness, folder: Path) -> None:
    app = stats_app(harness, None, folder)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        text = plain(screen_of(app).query_one("#stats-message", Static))
        assert "can't be read" in text


async def test_home_s_opens_stats_and_escape_comes_back(
    harness: Harness, store: Store, clock: FakeClock, folder: Path
) -> None:
    seven_answers(store, clock)
    app = stats_app(harness, store, folder, start=StartHome())
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("s")
        await settle(pilot)
        assert screen_of(app).query_one("#streak-digits", Digits).value == "3"
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("q")  # over another screen, q goes back too
        assert isinstance(app.screen, HomeScreen)


async def test_direct_start_escape_goes_home_and_q_quits(
    harness: Harness, store: Store, clock: FakeClock, folder: Path
) -> None:
    seven_answers(store, clock)
    app = stats_app(harness, store, folder)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
    app = stats_app(harness, store, folder)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert app._exit  # quit at once: nothing to lose on this screen


async def test_command_palette_lists_stats(harness: Harness, store: Store, folder: Path) -> None:
    app = stats_app(harness, store, folder, start=StartHome())
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Stats" in titles
        next(c for c in app.get_system_commands(app.screen) if c.title == "Stats").callback()
        await settle(pilot)
        assert isinstance(app.screen, StatsScreen)
        assert "Stats" not in [c.title for c in app.get_system_commands(app.screen)]


async def test_refresh_picks_up_new_answers(
    harness: Harness, store: Store, clock: FakeClock, folder: Path
) -> None:
    seven_answers(store, clock)
    app = stats_app(harness, store, folder)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        session = store.start_session("riverton-bridge", "play")
        store.record(
            answer("q-cars-numeric", bank_id="riverton-bridge", at=NOW), session_id=session
        )
        await pilot.press("r")
        await settle(pilot)
        assert screen_of(app).query_one("#figure-answers", Figure).value == "8"


# --------------------------------------------------------------------------- chart units


def test_heat_levels() -> None:
    assert [heat_level(n, 8) for n in (0, 1, 2, 3, 4, 6, 8)] == [0, 1, 1, 2, 2, 3, 4]
    assert heat_level(5, 0) == 0


def test_longest_streak() -> None:
    from datetime import date

    days = [date(2026, 3, d) for d in (1, 2, 3, 5, 6, 7, 8, 10)]
    assert longest_streak(days) == 4
    assert longest_streak([]) == 0


async def test_gauge_marks_the_target(harness: Harness, store: Store, folder: Path) -> None:
    app = stats_app(harness, store, folder)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        gauge = screen_of(app).query_one("#retention", BulletGauge)
        lines = gauge.draw(58)
        bar, scale = lines[0].plain, lines[1].plain
        assert bar.index("┃") == scale.index("▲") == round(0.9 * 52)
        gauge.value = 0.5
        assert gauge.status_style() == "$error"


# --------------------------------------------------------------------------- snapshots


async def _loaded(pilot: Pilot) -> None:
    await settle(pilot)


class TestStatsSnapshots:
    @pytest.mark.parametrize("size", [(40, 12), SMALL, LARGE], ids=["40x12", "80x24", "120x40"])
    def test_with_history(
        self, snap_compare, harness: Harness, store: Store, clock: FakeClock, folder: Path, size
    ) -> None:
        study(store, clock, folder)
        assert snap_compare(
            stats_app(harness, store, folder), terminal_size=size, run_before=_loaded
        )

    def test_with_history_scrolled(
        self, snap_compare, harness: Harness, store: Store, clock: FakeClock, folder: Path
    ) -> None:
        study(store, clock, folder)

        async def before(pilot: Pilot) -> None:
            await settle(pilot)
            await pilot.press("end")
            await pilot.pause()

        assert snap_compare(
            stats_app(harness, store, folder), terminal_size=SMALL, run_before=before
        )

    def test_empty(self, snap_compare, harness: Harness, store: Store, folder: Path) -> None:
        assert snap_compare(
            stats_app(harness, store, folder), terminal_size=SMALL, run_before=_loaded
        )


async def test_empty_with_a_notice_does_not_claim_no_answers(
    harness: Harness, store: Store, folder: Path
) -> None:
    """Scores that could not be opened (the app runs on a blank store): the screen repeats
    why rather than saying the learner never answered."""
    config = harness.config(
        StartStats(),
        (folder,),
        clock=lambda: NOW,
        stats=store_stats(store),
        scores=DeferredScores(
            folder,
            opened=Scores(
                store,
                saved=False,
                notice="Progress is not being saved this time: the file is [b]damaged[/b].",
            ),
        ),
    )
    app = harness.app(config)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        text = plain(screen_of(app).query_one("#stats-message", Static))
        assert "No saved answers can be shown." in text
        assert "the file is [b]damaged[/b]." in text
        assert "No answers yet" not in text
