"""``quiz play`` starts its session once (in the app), and a long first load of a big bank
shows a progress bar on the terminal before the first question, which a cached start does not."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.commands import home
from quiz.commands.loading import TerminalProgress, load_for_app
from quiz.session import Session
from quiz.tui.app import QuizApp
from quiz.tui.config import AppConfig, StartPlay
from quiz.tui.screens.quiz import QuizScreen
from tests.conftest import ALL_TYPES_BANK
from tests.reliability.pty_app import AppInPty

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from benchmarks.synth import write_bank


def test_play_starts_the_session_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    starts: list[int] = []
    real_start = Session.start.__func__  # type: ignore[attr-defined]

    def counted(cls: type[Session], *args: object, **kwargs: object) -> Session:
        starts.append(1)
        return real_start(cls, *args, **kwargs)

    def first_screen_only(data_dir: Path, start: StartPlay, **kwargs: object) -> int:
        """The app as ``launch`` makes it, as far as its first screen (the quiz)."""
        screen = QuizApp(AppConfig(data_dir=data_dir, start=start)).get_default_screen()
        assert isinstance(screen, QuizScreen)
        return 0

    monkeypatch.setattr(Session, "start", classmethod(counted))
    monkeypatch.setattr(home, "launch", first_screen_only)
    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path))

    assert main(["play", str(ALL_TYPES_BANK), "--seed", "1"]) == 0
    assert starts == [1]


def test_filters_that_leave_nothing_still_stop_before_the_app(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path))
    assert main(["play", str(ALL_TYPES_BANK), "--type", "ordering", "--tag", "nope"]) == 1
    assert "no questions in riverton-bridge match type ordering, tag nope" in (
        capsys.readouterr().err
    )


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_the_bar_shows_only_once_the_load_takes_long_and_is_cleared() -> None:
    out, clock = io.StringIO(), Clock()
    progress = TerminalProgress("big.yaml", out, clock=clock, show_after=0.3)
    progress(0.1)
    assert out.getvalue() == ""  # a quick load draws nothing
    clock.now = 0.5
    progress(0.45)
    assert "Reading big.yaml for the first time" in out.getvalue()
    assert "45%" in out.getvalue()
    progress.close()
    assert out.getvalue().endswith("\r\x1b[K")


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_cache_hit_draws_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from quiz.commands import loading

    monkeypatch.setattr(loading, "SHOW_AFTER", 0.0)
    first, second = FakeTerminal(), FakeTerminal()
    bank = load_for_app(ALL_TYPES_BANK, tmp_path, first)
    again = load_for_app(ALL_TYPES_BANK, tmp_path, second)
    assert "Reading all-types.yaml" in first.getvalue() and "100%" in first.getvalue()
    assert second.getvalue() == ""
    assert again == bank


def test_a_big_banks_first_play_shows_a_progress_bar_then_the_question(tmp_path: Path) -> None:
    """20,000 questions: a few seconds of parsing, with the bar on screen meanwhile; the next
    start, from the cache, goes straight to the question."""
    bank = write_bank(tmp_path / "banks", "big", 20_000)
    app = AppInPty(["play", str(bank), "--seed", "1"], tmp_path / "data")
    try:
        app.wait_for(r"Reading big\.yaml for the first time", timeout=30)
        app.wait_for(r"\d+%")
        app.wait_for("Question 1", timeout=120)
    finally:
        app.close()
    again = AppInPty(["play", str(bank), "--seed", "1"], tmp_path / "data")
    try:
        again.wait_for("Question 1", timeout=60)
        assert "for the first time" not in again.text
    finally:
        again.close()


#: ``quiz play`` lines: the plain ones ``quick_args`` reads, and those it leaves to the parser.
PLAY_LINES = [
    ["play", "bank.yaml"],
    ["play", "bank.yaml", "--seed", "1"],
    ["play", "--seed", "1", "bank.yaml"],
    ["play", "play"],
    ["--data-dir", "/tmp/d", "play", "bank.yaml"],
    ["--data-dir", "play", "play", "bank.yaml"],
    ["play", "bank.yaml", "--data-dir", "/tmp/d", "--recover"],
    ["play", "bank", "--count", "3", "--type", "cloze", "--type", "numeric", "--tag", "a"],
    ["play", "bank", "--tag", "a", "--tag", "b", "--seed", "0", "--count", "+7"],
    ["play", "bank", "--count", " 2"],
    ["play", "bank", "--seed", "1_000"],
    # left to the parser: it reads them, or says what is wrong
    ["play", "bank", "--seed=1"],
    ["play", "bank", "--see", "1"],
    ["play", "bank", "--seed", "-1"],
    ["play", "bank", "--seed", "1", "--seed", "2"],
    ["play", "bank", "--recover", "--recover"],
    ["--data-dir", "/a", "play", "bank", "--data-dir", "/b"],
    ["play", "bank", "--tag", "-x"],
    ["play", "bank", "--", "other"],
]


@pytest.mark.parametrize("argv", PLAY_LINES, ids=" ".join)
def test_quick_args_read_a_line_as_the_parser_does(argv: list[str]) -> None:
    from quiz.cli import build_parser
    from quiz.commands.play import quick_args

    quick = quick_args(argv)
    if quick is not None:
        assert vars(quick) == vars(build_parser(argv).parse_args(argv))
    else:
        assert PLAY_LINES.index(argv) >= PLAY_LINES.index(["play", "bank", "--seed=1"])


@pytest.mark.parametrize(
    "argv",
    [
        ["play"],
        ["play", "a", "b"],
        ["play", "bank", "--count", "0"],
        ["play", "bank", "--count", "x"],
        ["play", "bank", "--seed", "x"],
        ["play", "bank", "--type", "essay"],
        ["play", "bank", "--count"],
        ["play", "bank", "-h"],
        ["play", "bank", "--help"],
        ["--seed", "1", "play", "bank"],
        ["play", ""],
    ],
    ids=" ".join,
)
def test_quick_args_leave_what_is_wrong_to_the_parser(argv: list[str]) -> None:
    from quiz.commands.play import quick_args

    assert quick_args(argv) is None


def test_play_pauses_the_collector_until_the_app_resumes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``quiz play`` runs its start without cyclic collections and hands the app the job of
    resuming them (after the first paint); whatever happens, ``main`` leaves them on."""
    import gc

    seen: list[tuple[bool, bool]] = []

    def note(data_dir: Path, start: StartPlay, **kwargs: object) -> int:
        config = AppConfig(data_dir=data_dir, start=start, resume_collections=not gc.isenabled())
        seen.append((gc.isenabled(), config.resume_collections))
        return 0

    monkeypatch.setattr(home, "launch", note)
    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path))
    assert gc.isenabled()
    assert main(["play", str(ALL_TYPES_BANK), "--seed", "1"]) == 0
    assert seen == [(False, True)]
    assert gc.isenabled()
    assert main(["play", "no-such-bank"]) == 1  # an error before the app: back on too
    assert gc.isenabled()


async def test_the_app_resumes_the_collector_after_the_first_paint(tmp_path: Path) -> None:
    import gc

    from quiz.bank.loader import load_bank
    from quiz.session import Options

    bank = load_bank(ALL_TYPES_BANK)
    config = AppConfig(
        data_dir=tmp_path, start=StartPlay(bank, Options(seed=1)), resume_collections=True
    )
    gc.disable()
    try:
        async with QuizApp(config).run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(pilot.app.screen, QuizScreen)
            assert gc.isenabled()
    finally:
        gc.unfreeze()  # what the app froze is this test process's, not an app's
        gc.enable()
