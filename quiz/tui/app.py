"""The quiz app: one factory, ``QuizApp(config)``, used by the command line and the tests.

This module holds its keys, its first screen and its command palette; the rest is in layers it
inherits, one job each: :mod:`quiz.tui.app_scores` (the scores, the recorders, flags),
:mod:`quiz.tui.app_navigation` (banks opened, sessions started and ended, screens switched) and
:mod:`quiz.tui.app_quitting` (quitting and ending without losing an answer)."""

from __future__ import annotations

import asyncio
import contextlib
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen

from quiz.bank.cache import BankCache, BankSummary
from quiz.recording.background import BackgroundRecorder
from quiz.tui.app_quitting import QuittingApp
from quiz.tui.config import (
    AppConfig,
    StartAuthor,
    StartHome,
    StartPlay,
    StartReport,
    StartReview,
    StartStats,
)
from quiz.tui.screens.quiz import QuizScreen

# Screens other than the quiz are imported where they are first shown: `quiz play` paints its
# first question without loading the home, review, stats, flag, summary or dialog screens.

LIGHT, DARK = "textual-light", "textual-dark"

#: The interpreter's switch interval (seconds) until the first screen has been painted.
#: Textual writes each frame to the terminal from its own thread. Once the first frame is
#: queued, the app's thread goes on (it lays the screen out again for the terminal's size,
#: about 6 ms for the first question) and keeps the GIL for a whole default interval (5 ms)
#: before the writer may run: the first question reached the terminal 3-5 ms after it was
#: ready, where the hello-world app's frame, with an idle app thread behind it, took 1-2 ms
#: (``benchmarks/run.py --only startup``, docs/performance.md). With this interval the writer
#: gets the GIL within half a millisecond. No other thread wants the GIL before the first
#: paint (the scores are opened after it), so nothing else is switched more often.
FIRST_FRAME_SWITCH_INTERVAL = 0.0005

#: How long :meth:`QuizApp.frames_written` waits at most, and how often it looks.
FRAMES_WRITTEN_LIMIT, FRAMES_WRITTEN_POLL = 0.02, 0.0005

#: How long a held key may take to be handled before the next one is handed on anyway (a key
#: whose handling removed the widget it was sent to never reports back).
HELD_KEY_TIMEOUT = 0.25

#: How long keys are still held, one after the other, once the held ones are handed on: the
#: start's own work after the first paint (the screen laid out again for the terminal's size,
#: the scores opened) comes then, and Textual, busy, would get a burst of keys out of order.
HOLD_AFTER = 0.05


class HeldKeyDone(Message):
    """Sent after a held key to the widget that got it (:meth:`QuizApp.release_keys`): it
    bubbles up the same way the key does, so its arrival at the app says the key has been
    handled, bindings and all."""

    def __init__(self, done: asyncio.Event) -> None:
        super().__init__()
        self.done = done


class QuizApp(QuittingApp, App[None]):
    """A terminal study trainer. See :class:`~quiz.tui.config.AppConfig` for the wiring.

    Its layers (:class:`QuittingApp` and the two below it) are plain classes at run time, so
    that Textual processes one ``App`` subclass, not four (see ``AppLayer`` in
    :mod:`quiz.tui.app_scores`)."""

    CSS_PATH = "app.tcss"
    TITLE = "quiz"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+q",
            "request_quit",
            "Quit",
            show=False,
            tooltip="quit, after confirming (in a quiz: end it, as q does)",
        ),
        Binding(
            "ctrl+c",
            "interrupt",
            "Quit now",
            show=False,
            priority=True,
            tooltip="quit at once, from any screen; every answer given is saved",
        ),
        Binding(
            "ctrl+t",
            "toggle_theme",
            "Light/dark",
            show=False,
            tooltip="switch between the light and dark theme",
        ),
        Binding(
            "question_mark,f1",
            "help",
            "Help",
            show=False,
            tooltip="this help (F1 while typing an answer)",
        ),
    ]

    def __init__(self, config: AppConfig, *, cursor_blink: bool = True) -> None:
        super().__init__()
        self.config = config
        self.cursor_blink = cursor_blink
        self.known_banks: list[BankSummary] = []
        self.bank_cache = BankCache(config.data_dir / "cache")
        self.recorders: list[BackgroundRecorder] = []
        self.theme = config.theme
        self.saving_failed = False  # the last answer could not be saved
        self._saving_warned = False  # the one-time "not being saved" notice was shown
        self._scores_opening = False  # open_scores() was called
        self.visited_home = False  # the home screen was shown: a quiz ends back there
        self._switch_interval: float | None = None  # the interval to restore (first paint)
        self._held: list[events.Event] | None = None  # keys held for a field not yet in
        self._replaying: asyncio.Task[None] | None = None

    # ------------------------------------------------------------------ start and stop

    def get_default_screen(self) -> Screen:
        """A quiz straight away (``quiz play``, cram) is the first screen itself, not pushed
        over an empty one: one screen to style and lay out before the first question shows."""
        start = self.config.start
        if isinstance(start, StartPlay):
            screen = QuizScreen(self.new_session(start.bank, start.options))
        elif isinstance(start, StartReview) and start.cram and start.bank is not None:
            screen = QuizScreen(self.cram_session(start.bank, start.seed))
        else:
            return super().get_default_screen()
        # A pushed screen gets a result callback and switch_screen pops it; the first screen
        # is never pushed, so it gets an empty one here (Textual 8.2.8, pinned), so that the
        # summary can replace it like any other quiz.
        screen._push_result_callback(self, None)
        return screen

    def on_mount(self) -> None:
        self._switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(min(self._switch_interval, FIRST_FRAME_SWITCH_INTERVAL))
        self.call_after_refresh(self._first_frame_out)
        if not isinstance(self.screen, QuizScreen):  # else the first screen (get_default_screen)
            self._push_first_screen()
        if self.config.resume_collections:
            self.call_after_refresh(self._resume_collections)
        if not isinstance(self.config.start, StartHome):
            self.call_after_refresh(self._open_scores_once_painted)
        # else the home screen opens them once its list of banks is painted

    async def _open_scores_once_painted(self) -> None:
        """The scores are opened on a thread of their own, once the first frame is on its
        way to the terminal (:meth:`frames_written`): opened at once, that thread took the
        second core from the writer thread and the terminal."""
        await self.frames_written()
        self.open_scores()

    def _first_frame_out(self) -> None:
        """The first screen is painted (and, with the short switch interval, written): the
        interpreter switches threads as often as it did before the app ran. A first question
        painted with a sketch of its input keeps the short interval until the real input is
        in (it is mounted as the first frame goes out: :meth:`QuizScreen._unsketch`)."""
        stack = self.screen_stack
        if stack and isinstance(stack[-1], QuizScreen) and stack[-1].sketching:
            self.call_after_refresh(self._first_frame_out)
            return
        self._restore_switch_interval()

    def _restore_switch_interval(self) -> None:
        if self._switch_interval is not None:
            sys.setswitchinterval(self._switch_interval)
            self._switch_interval = None

    def on_unmount(self) -> None:
        """An app that ends before its first paint leaves the switch interval as it found it
        (the layers' own ``on_unmount`` runs too: Textual calls each class's handler)."""
        self._restore_switch_interval()

    def _resume_collections(self) -> None:
        """Turn the cyclic garbage collector back on once the first screen is painted (the
        command line paused it for the start: :func:`quiz.cli.main`). What the start made and
        is still alive (Textual's modules and CSS, the app, its screen) lives as long as the
        app, so it is frozen first, as :func:`quiz.commands.play.run` freezes the bank: no
        collection walks it again, and none runs now over the 50,000-odd objects the start
        allocated (a full collection there took 15-21 ms). What the start left as garbage
        cycles (about 1,000 objects) is kept with them."""
        import gc

        gc.freeze()
        gc.enable()

    def _push_first_screen(self) -> None:
        start = self.config.start
        if isinstance(start, StartReview):
            from quiz.tui.screens.review import ReviewScreen

            self.push_screen(ReviewScreen(start))
        elif isinstance(start, StartStats):
            from quiz.tui.screens.stats import StatsScreen

            self.push_screen(StatsScreen(direct=True))
        elif isinstance(start, StartAuthor):
            from quiz.tui.screens.author import AuthorScreen

            self.push_screen(AuthorScreen(start))
        elif isinstance(start, StartReport):
            from quiz.tui.screens.report import ReportScreen

            self.push_screen(ReportScreen(start.report))
        else:
            from quiz.tui.screens.home import HomeScreen

            self.push_screen(HomeScreen())

    # ------------------------------------------------------------------ keys held at the start

    def hold_keys(self) -> None:
        """Hold the keys (and pastes) that come in, until :meth:`release_keys`: the first
        question is painted with a sketch of its field, and the real one takes the keys once
        it is mounted (:meth:`QuizScreen._unsketch`). Priority keys (ctrl+c) act at once."""
        if self._held is None:
            self._held = []

    @property
    def held_keys(self) -> list[str]:
        """The keys held now (for tests)."""
        return [event.key for event in self._held or () if isinstance(event, events.Key)]

    def release_keys(self) -> None:
        """Hand the held keys on, each as if it came now, one at a time: the next goes once
        the last has been handled all the way up (:class:`HeldKeyDone`), as a person's keys
        come (Textual handles a key sent to a field, a letter, at once, while one that bubbles
        up to a binding, Backspace, is handled later: sent together, "ab⌫c" would lose the
        "c"). Keys that come meanwhile wait their turn behind them, and so do those of the
        next :data:`HOLD_AFTER` seconds, while the start finishes its work."""
        if self._held is not None and self._replaying is None:
            self._replaying = asyncio.create_task(self._hand_on_held())

    async def _hand_on_held(self) -> None:
        held = self._held
        try:
            with self._context():  # sent by the app, so HeldKeyDone bubbles up to it
                while True:
                    while held:
                        event = held.pop(0)
                        target = self.focused or self.screen
                        await super().on_event(event)
                        done = asyncio.Event()
                        target.post_message(HeldKeyDone(done))
                        with contextlib.suppress(TimeoutError):
                            await asyncio.wait_for(done.wait(), HELD_KEY_TIMEOUT)
                    await asyncio.sleep(HOLD_AFTER)
                    if not held:
                        break
        finally:
            self._held = None  # no await since the list was found empty: none is left behind
            self._replaying = None

    async def frames_written(self, limit: float = FRAMES_WRITTEN_LIMIT) -> None:
        """Wait (at most ``limit`` seconds) until Textual's writer thread has taken every
        frame queued for the terminal (Textual 8.2.8, pinned: ``LinuxDriver._writer_thread``;
        nothing to wait for without one, as under tests). The first question's real widgets
        are built after this (:meth:`QuizScreen._unsketch`): built at once, they kept this
        thread and a core busy while the first frame waited to be written, and the terminal
        to read it."""
        writer = getattr(self._driver, "_writer_thread", None)
        queue = getattr(writer, "_queue", None)
        if queue is None:
            return
        waited = 0.0
        while not queue.empty() and waited < limit:
            await asyncio.sleep(FRAMES_WRITTEN_POLL)
            waited += FRAMES_WRITTEN_POLL

    def on_held_key_done(self, message: HeldKeyDone) -> None:
        message.done.set()

    async def on_event(self, event: events.Event) -> None:
        held = self._held
        if (
            held is not None
            and isinstance(event, events.Key | events.Paste)
            and not event.is_forwarded
        ):
            if isinstance(event, events.Key) and await self._check_bindings(
                event.key, priority=True
            ):
                return
            held.append(event)
            return
        await super().on_event(event)

    # ------------------------------------------------------------------ keys and the palette

    def action_help(self) -> None:
        from quiz.tui.screens.dialogs import ConfirmQuit, HelpScreen

        if not isinstance(self.screen, HelpScreen | ConfirmQuit):
            self.push_screen(HelpScreen())

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT if self.current_theme.dark else DARK

    def action_show_stats(self) -> None:
        """The stats screen over the current one (Escape comes back)."""
        from quiz.tui.screens.stats import StatsScreen

        if not isinstance(self.screen, StatsScreen):
            self.push_screen(StatsScreen())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        from quiz.tui.screens.home import HomeScreen
        from quiz.tui.screens.review import ReviewScreen
        from quiz.tui.screens.stats import StatsScreen
        from quiz.tui.screens.summary import SummaryScreen

        yield SystemCommand("Help", "The keys, screen by screen", self.action_help)
        yield SystemCommand(
            "Light or dark", "Switch between the light and dark theme", self.action_toggle_theme
        )
        if not isinstance(screen, HomeScreen):
            yield SystemCommand("Home", "Back to your banks", self.go_home)
        if not isinstance(screen, ReviewScreen):
            yield SystemCommand(
                "Review",
                "What is due today across your banks (spaced repetition)",
                self.action_review,
            )
        if not isinstance(screen, StatsScreen):
            yield SystemCommand(
                "Stats", "Your streak, calendar, forecast and mastery", self.action_show_stats
            )
        if isinstance(screen, SummaryScreen) and screen.summary.missed:
            yield SystemCommand(
                "Retry the missed ones",
                "A new quiz of the questions you missed",
                screen.action_retry,
            )
        from quiz.plural import plural

        for summary in self.known_banks:
            yield SystemCommand(
                f"Play: {summary.title}",
                plural(summary.questions, "question"),
                lambda path=Path(summary.path): self.play_bank_file(path),
            )
        yield from super().get_system_commands(screen)
