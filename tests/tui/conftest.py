"""The app as the tests build it: the same factory as the CLI, with a fixed clock, a memory
recorder, animations and cursor blink off, and no data dir path on screen."""

from __future__ import annotations

import inspect
import os
import shutil
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from textual.pilot import Pilot

from quiz.bank import load_bank
from quiz.bank.model import Bank
from quiz.record import MemoryRecorder, Recorder
from quiz.session import Options
from quiz.tui.app import QuizApp
from quiz.tui.config import AppConfig, StartHome, StartPlay
from tests.conftest import ALL_TYPES_BANK, DATA, FOUNDING_BANK

if TYPE_CHECKING:
    from tests.tui.helpers import Clock

os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")

T0 = datetime(2025, 9, 1, 9, 0, tzinfo=UTC)
#: A data dir that never exists: never shown, never written (recording is in memory).
FIXED_DATA_DIR = Path("/nonexistent/quiz-data")


class SteppingClock:
    """Each reading is 7 seconds after the last: answers take a fixed, plausible time."""

    def __init__(self, start: datetime = T0, step: float = 7.0) -> None:
        self.now = start
        self.step = timedelta(seconds=step)

    def __call__(self) -> datetime:
        self.now += self.step
        return self.now


class Harness:
    """Builds apps; ``recorder`` receives every answer of every session."""

    def __init__(self) -> None:
        self.recorder = MemoryRecorder()

    def factory(self, bank: Bank, mode: str) -> Recorder:
        return self.recorder

    def config(
        self, start: StartHome | StartPlay, folders: tuple[Path, ...] = (), **kwargs: object
    ) -> AppConfig:
        settings: dict[str, object] = {
            "data_dir": FIXED_DATA_DIR,
            "bank_folders": folders,
            "recorder_factory": self.factory,
            "clock": SteppingClock(),
            "start": start,
            **kwargs,
        }
        return AppConfig(**settings)  # type: ignore[arg-type]

    def app(self, config: AppConfig) -> QuizApp:
        app = QuizApp(config, cursor_blink=False)
        app.animation_level = "none"
        return app

    def play(self, bank: Bank | Path = ALL_TYPES_BANK, **options: object) -> QuizApp:
        if isinstance(bank, Path):
            bank = load_bank(bank)
        opts = Options(**{"shuffle": False, "seed": 0, **options})  # type: ignore[arg-type]
        return self.app(self.config(StartPlay(bank, opts)))

    def home(self, folders: tuple[Path, ...]) -> QuizApp:
        return self.app(self.config(StartHome(), folders))


@pytest.fixture(autouse=True)
def private_files(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``FIXED_DATA_DIR`` is only a name to show: as root, ``/nonexistent`` can be made, and
    a bank registered or a start choice remembered there by one test (of any run, anyone's)
    would show in every later one. Both files go to this test's own folder instead."""
    import quiz.library
    import quiz.tui.choices

    own = tmp_path_factory.mktemp("fixed-data-dir")
    for module, name in ((quiz.library, "registry_file"), (quiz.tui.choices, "choices_file")):
        real = getattr(module, name)

        def redirected(data_dir: Path, real=real) -> Path:
            path = real(data_dir)
            return own / path.name if Path(data_dir) == FIXED_DATA_DIR else path

        monkeypatch.setattr(module, name, redirected)


@pytest.fixture
def harness() -> Harness:
    return Harness()


@pytest.fixture
def snap_compare(snap_compare: Callable[..., bool]) -> Callable[..., bool]:
    """pytest-textual-snapshot's ``snap_compare``, with keys pressed only once the first
    screen is on display, as a person would: its pilot starts before the app's first screen
    has mounted (which ``quiz play`` composes as that screen itself), and keys sent earlier
    reach no widget."""

    def compare(
        app: QuizApp, *args: object, run_before: Before | None = None, **kwargs: object
    ) -> bool:
        async def before(pilot: Pilot) -> None:
            while not pilot.app.screen.is_mounted:
                await pilot.pause()
            await pilot.pause()
            if run_before is not None:
                result = run_before(pilot)
                if inspect.isawaitable(result):
                    await result

        return snap_compare(app, *args, run_before=before, **kwargs)

    return compare


@pytest.fixture
def banks_folder(tmp_path: Path) -> Path:
    """Two good banks and one broken one."""
    folder = tmp_path / "banks"
    folder.mkdir()
    shutil.copy(ALL_TYPES_BANK, folder / "riverton-bridge.yaml")
    shutil.copy(DATA / "valid" / "article.txt", folder / "article.txt")
    shutil.copy(FOUNDING_BANK, folder / FOUNDING_BANK.name)
    shutil.copy(FOUNDING_BANK.with_suffix(".txt"), folder / FOUNDING_BANK.with_suffix(".txt").name)
    shutil.copy(DATA / "invalid" / "bad-difficulty.yaml", folder / "broken.yaml")
    return folder


async def type_text(pilot: Pilot, text: str) -> None:
    await pilot.press(*["space" if ch == " " else ch for ch in text])


async def settle(pilot: Pilot) -> None:
    """Let workers finish and answers reach the recorder."""
    app = pilot.app
    await app.workers.wait_for_complete()
    await pilot.pause()
    for recorder in getattr(app, "recorders", []):
        recorder.flush()
    await pilot.pause()


Before = Callable[[Pilot], object]


@pytest.fixture
def clock() -> Clock:
    """The hand-moved clock of the review and home tests (a file may define its own)."""
    from tests.tui.helpers import Clock  # helpers import this module: imported when used

    return Clock()
