"""The quiz app: one factory, ``QuizApp(config)``, used by the command line and the tests."""

from __future__ import annotations

import contextlib
import traceback
from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from quiz.bank import BankError
from quiz.bank.cache import BankCache, BankSummary
from quiz.bank.model import Bank
from quiz.library import find_bank_files
from quiz.session import Options, Session
from quiz.tui.config import AppConfig, StartAuthor, StartPlay, StartStats
from quiz.tui.recording import BackgroundRecorder, RecordingFailed
from quiz.tui.screens.dialogs import ConfirmQuit, HelpScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.quiz import QuizScreen
from quiz.tui.screens.stats import StatsScreen
from quiz.tui.screens.summary import SummaryScreen

LIGHT, DARK = "textual-light", "textual-dark"


class QuizApp(App[None]):
    """A terminal study trainer. See :class:`~quiz.tui.config.AppConfig` for the wiring."""

    CSS_PATH = "app.tcss"
    TITLE = "quiz"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "request_quit", "Quit", show=False),
        Binding("ctrl+t", "toggle_theme", "Light/dark", show=False),
        Binding("question_mark,f1", "help", "Help", show=False),
    ]

    def __init__(self, config: AppConfig, *, cursor_blink: bool = True) -> None:
        super().__init__()
        self.config = config
        self.cursor_blink = cursor_blink
        self.known_banks: list[BankSummary] = []
        self.bank_cache = BankCache(config.data_dir / "cache")
        self.recorders: list[BackgroundRecorder] = []
        self.theme = config.theme

    # ------------------------------------------------------------------ start and stop

    def on_mount(self) -> None:
        start = self.config.start
        if isinstance(start, StartPlay):
            self.push_screen(QuizScreen(self.new_session(start.bank, start.options)))
        elif isinstance(start, StartStats):
            self.push_screen(StatsScreen(direct=True))
        elif isinstance(start, StartAuthor):
            from quiz.tui.screens.author import AuthorScreen

            self.push_screen(AuthorScreen(start))
        else:
            self.push_screen(HomeScreen())
        if self.config.notice:
            self.notify(self.config.notice, severity="warning", timeout=10, markup=False)

    def on_unmount(self) -> None:
        self.close_recorders()

    def close_recorders(self, timeout: float = 5.0) -> bool:
        """Wait for every answer to be handed over; False if some could not be in time."""
        ok = True
        for recorder in self.recorders:
            ok = recorder.close(timeout) and ok
        self.recorders.clear()
        return ok

    def bank_files(self) -> list[Path]:
        return find_bank_files(self.config.folders())

    # ------------------------------------------------------------------ sessions

    def new_session(self, bank: Bank, options: Options | None = None) -> Session:
        recorder = BackgroundRecorder(
            lambda: self.config.recorder_factory(bank, "play"),
            on_error=self._recording_failed,
        )
        self.recorders.append(recorder)
        return Session.start(bank, options, recorder=recorder, clock=self.config.clock)

    def _recording_failed(self, failure: RecordingFailed) -> None:
        message = f"Your answer could not be saved: {failure.error}"
        with contextlib.suppress(RuntimeError):  # RuntimeError: the app is gone
            self.call_from_thread(
                self.notify, message, title="Not saved", severity="error", markup=False
            )

    def start_quiz(self, bank: Bank, options: Options | None = None) -> None:
        self.switch_screen(QuizScreen(self.new_session(bank, options)))

    @work(thread=True, exclusive=True, group="open-bank")
    def play_bank_file(self, path: Path) -> None:
        """Load a bank (from the cache when it is unchanged) off the UI thread, then play it."""
        try:
            bank = self.bank_cache.load(path)
        except BankError as error:
            self.call_from_thread(
                self.notify, "\n".join(error.lines()[:3]), title="This bank can't be used",
                severity="warning", markup=False,
            )
            return
        self.call_from_thread(self.start_quiz, bank)

    def finish_session(self, session: Session) -> None:
        finish = getattr(session.recorder, "finish", None)
        if callable(finish):
            finish()
        self.switch_screen(SummaryScreen(session))

    def retry_missed(self, session: Session) -> None:
        again = session.retry_missed()
        self.start_quiz_session(again)

    def start_quiz_session(self, session: Session) -> None:
        recorder = BackgroundRecorder(
            lambda: self.config.recorder_factory(session.bank, "play"),
            on_error=self._recording_failed,
        )
        self.recorders.append(recorder)
        session.recorder = recorder
        self.switch_screen(QuizScreen(session))

    def go_home(self) -> None:
        self.switch_screen(HomeScreen())

    # ------------------------------------------------------------------ actions

    def action_request_quit(self) -> None:
        if isinstance(self.screen, ConfirmQuit):
            return
        in_quiz = isinstance(self.screen, QuizScreen)
        message = (
            "Your answers so far are kept; this quiz ends here."
            if in_quiz
            else "See you next time."
        )

        def done(quit_: bool | None) -> None:
            if quit_:
                self.exit()

        self.push_screen(ConfirmQuit(message), done)

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen | ConfirmQuit):
            self.push_screen(HelpScreen())

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT if self.current_theme.dark else DARK

    def action_show_stats(self) -> None:
        """The stats screen over the current one (Escape comes back)."""
        if not isinstance(self.screen, StatsScreen):
            self.push_screen(StatsScreen())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield SystemCommand("Help", "The keys, screen by screen", self.action_help)
        yield SystemCommand(
            "Light or dark", "Switch between the light and dark theme", self.action_toggle_theme
        )
        if not isinstance(screen, HomeScreen):
            yield SystemCommand("Home", "Back to your banks", self.go_home)
        if not isinstance(screen, StatsScreen):
            yield SystemCommand(
                "Stats", "Your streak, calendar, forecast and mastery", self.action_show_stats
            )
        if isinstance(screen, SummaryScreen) and screen.summary.missed:
            yield SystemCommand(
                "Retry the missed ones", "A new quiz of the questions you missed",
                screen.action_retry,
            )
        for summary in self.known_banks:
            yield SystemCommand(
                f"Play: {summary.title}",
                f"{summary.questions} questions",
                lambda path=Path(summary.path): self.play_bank_file(path),
            )
        yield from super().get_system_commands(screen)

    # ------------------------------------------------------------------ errors

    def _fatal_error(self) -> None:
        """With ``calm_errors``: a short message (and the details in a log file) instead of a
        traceback. Tests keep the default, so that a bug fails loudly."""
        if not self.config.calm_errors:
            super()._fatal_error()
            return
        details = traceback.format_exc()
        where = ""
        try:
            log = self.config.data_dir / "crash.log"
            log.parent.mkdir(parents=True, exist_ok=True)
            log.write_text(details, encoding="utf-8")
            where = f" The details are in {log}."
        except OSError:
            pass
        self.bell()
        self._exit_renderables.append(
            Text(
                "quiz ran into a problem it did not expect and stopped. "
                "The answers you gave were kept." + where,
            )
        )
        self._close_messages_no_wait()
