"""The quiz app: one factory, ``QuizApp(config)``, used by the command line and the tests."""

from __future__ import annotations

import contextlib
import traceback
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from quiz.bank import BankError
from quiz.bank.cache import BankCache, BankSummary
from quiz.bank.model import Bank, Question
from quiz.library import library_files
from quiz.recording.background import BackgroundRecorder, RecordingFailed, Saved
from quiz.session import Options, Session
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
if TYPE_CHECKING:
    from quiz.recording.deferred import DeferredScores
    from quiz.recording.scores import Scores
    from quiz.store import Store
    from quiz.tui.screens.flag import FlagReport

LIGHT, DARK = "textual-light", "textual-dark"


def _reason(error: BaseException | None) -> str:
    """A failure in a few plain words (an OSError's strerror, not its errno tuple)."""
    if error is None:
        return "saving failed"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error)


class QuizApp(App[None]):
    """A terminal study trainer. See :class:`~quiz.tui.config.AppConfig` for the wiring."""

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
        if not isinstance(self.screen, QuizScreen):  # else the first screen (get_default_screen)
            self._push_first_screen()
        if not isinstance(self.config.start, StartHome):
            self.call_after_refresh(self.open_scores)
        # else the home screen opens them once its list of banks is painted

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

    def open_scores(self) -> None:
        """Open the scores on a worker thread, once the first screen's content is painted (see
        :class:`~quiz.recording.deferred.DeferredScores`), then say what is wrong with them.
        Only the first call does anything."""
        scores = self.config.scores
        if scores is None or self._scores_opening:
            return
        self._scores_opening = True
        if scores.opened is not None:
            self._scores_opened(scores.opened)
        else:
            self._open_scores(scores)

    @work(thread=True, group="scores")
    def _open_scores(self, deferred: DeferredScores) -> None:
        scores = deferred.get()
        with contextlib.suppress(RuntimeError):  # RuntimeError: the app is gone
            self.call_from_thread(self._scores_opened, scores)

    def _scores_opened(self, scores: Scores) -> None:
        if scores.notice:
            self.notify(scores.notice, severity="warning", timeout=30, markup=False)
        if not scores.saved and isinstance(self.screen, QuizScreen):
            self.screen.refresh_status()  # "not saved" when the scores are only in memory

    def scores_store(self) -> Store | None:
        """The scores database (opening it if no one has yet: call from a worker thread);
        None when the app runs without one."""
        scores = self.config.scores
        return scores.get().store if scores is not None else None

    @property
    def scores_notice(self) -> str:
        """What is wrong with the scores, once known ("" while they are being opened)."""
        scores = self.config.scores
        opened = scores.opened if scores is not None else None
        return opened.notice if opened is not None else ""

    def on_unmount(self) -> None:
        self.close_recorders()

    def close_recorders(self, timeout: float = 5.0) -> bool:
        """End every session (a quiz quit midway too, so its score counts) and wait for every
        answer to be handed over; False if some could not be in time."""
        ok = True
        for recorder in self.recorders:
            recorder.finish()
            ok = recorder.close(timeout) and ok
        self.recorders.clear()
        return ok

    def bank_files(self) -> list[Path]:
        return library_files(self.config.data_dir, self.config.folders())

    # ------------------------------------------------------------------ sessions

    def new_session(self, bank: Bank, options: Options | None = None) -> Session:
        return self._with_recorder(Session.start(bank, options, clock=self.config.clock))

    def cram_session(self, bank: Bank, seed: int | None = None) -> Session:
        from quiz.review import cram_session

        return self._with_recorder(cram_session(bank, clock=self.config.clock, seed=seed))

    def _with_recorder(self, session: Session) -> Session:
        """Give ``session`` its own background recorder (a store session of its mode)."""
        recorder = BackgroundRecorder(
            lambda: self.config.recorder_factory(session.bank, session.mode),
            on_error=self._recording_failed,
        )
        self.recorders.append(recorder)
        session.recorder = recorder
        return session

    def _recording_failed(self, failure: RecordingFailed) -> None:
        """Failed answers are reported by the quiz screen (once); this reports the rest."""
        if failure.answer is not None:
            return
        message = f"Your scores could not be updated: {failure.error}"
        with contextlib.suppress(RuntimeError):  # RuntimeError: the app is gone
            self.call_from_thread(
                self.notify, message, title="Not saved", severity="error", markup=False
            )

    @property
    def progress_not_saved(self) -> bool:
        """Answers are not reaching the disk: the last save failed, or the scores are only in
        memory this time (the file or the data dir can't be used)."""
        scores = self.config.scores
        opened = scores.opened if scores is not None else None  # never wait on the UI thread
        return self.saving_failed or (opened is not None and not opened.saved)

    def saving_outcome(self, saved: Saved) -> None:
        """After each answer: one clear notice when progress stops being saved, one when it
        works again; nothing while all is well."""
        if saved.error is not None:
            self.saving_failed = True
            if not self._saving_warned:
                self._saving_warned = True
                kept = (
                    "kept on disk beside the database, and saved as soon as saving works "
                    "again or the next time quiz starts"
                    if saved.journaled
                    else "kept in memory and saved if saving works again"
                )
                self.notify(
                    f"Progress is not being saved: {saved.error}\n\nThe quiz goes on; your "
                    f"answers are {kept}.",
                    title="Not saved",
                    severity="error",
                    timeout=15,
                    markup=False,
                )
        elif self.saving_failed:
            self.saving_failed = False
            self._saving_warned = False
            held = f" (and the {saved.recovered} held back)" if saved.recovered else ""
            self.notify(
                f"Saving works again: this answer{held} is saved.",
                title="Saved",
                timeout=6,
                markup=False,
            )

    def flag_question(self, bank: Bank, question: Question) -> None:
        """Ask why ``question`` is wrong or unclear, and keep the report for its author."""
        from quiz.tui.screens.flag import FlagDialog

        def done(report: FlagReport | None) -> None:
            if report is not None:
                self._save_flag(bank.id, question.id, report)

        self.push_screen(FlagDialog(question), done)

    @work(thread=True, group="flag")
    def _save_flag(self, bank_id: str, question_id: str, report: FlagReport) -> None:
        try:
            store = self.scores_store()
            if store is None:
                raise RuntimeError("there is no scores database this time")
            store.flag(bank_id, question_id, report.reason, report.note)
        except Exception as error:
            self.call_from_thread(
                self.notify,
                f"The flag could not be saved: {error}",
                title="Not saved",
                severity="error",
                markup=False,
            )
            return
        self.call_from_thread(
            self.notify,
            "Thanks: the question is flagged for the bank's author.",
            title="Flagged",
            timeout=4,
        )

    def start_quiz(self, bank: Bank, options: Options | None = None) -> None:
        self.switch_screen(QuizScreen(self.new_session(bank, options)))

    @work(thread=True, exclusive=True, group="open-bank")
    def choose_and_start(self, path: Path) -> None:
        """Home's Enter: load the bank (and what was chosen for it last time, and what was
        missed in its last session) off the UI thread, then ask how to start it."""
        from quiz.tui.choices import load_choice

        bank = self._load_in_worker(path)
        if bank is None:
            return
        choice = load_choice(self.config.data_dir, bank.id)
        missed: list[str] = []
        with contextlib.suppress(Exception):  # no scores: nothing was missed, as far as we know
            store = self.scores_store()
            if store is not None:
                known = {q.id for q in bank.questions}
                missed = [qid for qid in store.missed_last_time(bank.id) if qid in known]
        self.call_from_thread(self._ask_how_to_start, bank, choice, missed)

    def _ask_how_to_start(self, bank: Bank, choice: object, missed: list[str]) -> None:
        from quiz.tui.choices import StartChoice
        from quiz.tui.screens.start import StartDialog, StartRequest

        def chosen(request: StartRequest | None) -> None:
            if request is None:
                return
            self._remember(bank.id, request.choice)
            options = request.choice.options(missed)
            if request.cram:
                session = Session.start(bank, options, clock=self.config.clock, mode="cram")
                self.switch_screen(QuizScreen(self._with_recorder(session)))
            else:
                self.start_quiz(bank, options)

        remembered = choice if isinstance(choice, StartChoice) else None
        self.push_screen(StartDialog(bank, remembered, missed), chosen)

    @work(thread=True, group="choices")
    def _remember(self, bank_id: str, choice: object) -> None:
        """Keep the choice for the next start of this bank (a failure only costs that)."""
        from quiz.tui.choices import StartChoice, save_choice

        if isinstance(choice, StartChoice):
            with contextlib.suppress(OSError):
                save_choice(self.config.data_dir, bank_id, choice)

    def _load_in_worker(self, path: Path) -> Bank | None:
        """The bank at ``path`` (from the cache when it is unchanged), for a worker thread; None,
        with a notice saying why, when it cannot be used."""
        try:
            return self.bank_cache.load(path)
        except BankError as error:
            self.call_from_thread(
                self.notify,
                "\n".join(error.lines()[:3]),
                title="This bank can't be used",
                severity="warning",
                markup=False,
            )
            return None

    @work(thread=True, exclusive=True, group="open-bank")
    def play_bank_file(self, path: Path) -> None:
        """Load a bank (from the cache when it is unchanged) off the UI thread, then play it."""
        bank = self._load_in_worker(path)
        if bank is None:
            return
        self.call_from_thread(self.start_quiz, bank)

    def finish_session(self, session: Session) -> None:
        from quiz.tui.screens.summary import SummaryScreen

        self.end_session(session)
        self.switch_screen(SummaryScreen(session))

    def end_session(self, session: Session) -> None:
        """Mark the session ended in the store (after its last answer); only once."""
        from quiz.recording import SessionRecording

        recorder = session.recorder
        if isinstance(recorder, BackgroundRecorder | SessionRecording):
            recorder.finish()

    def retry_missed(self, session: Session) -> None:
        again = session.retry_missed()
        self.start_quiz_session(again)

    def start_quiz_session(self, session: Session) -> None:
        self.switch_screen(QuizScreen(self._with_recorder(session)))

    @work(thread=True, exclusive=True, group="open-bank")
    def cram_bank_file(self, path: Path) -> None:
        """Load a bank off the UI thread, then practise it without touching its schedule."""
        bank = self._load_in_worker(path)
        if bank is None:
            return
        self.call_from_thread(lambda: self.switch_screen(QuizScreen(self.cram_session(bank))))

    def go_home(self) -> None:
        from quiz.tui.screens.home import HomeScreen

        if isinstance(self.screen, QuizScreen):  # left midway: the session ends here
            self.end_session(self.screen.session)
        self.switch_screen(HomeScreen())

    def action_review(self) -> None:
        """Today's review across every bank."""
        from quiz.tui.screens.review import ReviewScreen

        if isinstance(self.screen, QuizScreen):
            self.end_session(self.screen.session)
        if not isinstance(self.screen, ReviewScreen):
            self.switch_screen(ReviewScreen(StartReview()))

    # ------------------------------------------------------------------ actions

    def action_request_quit(self) -> None:
        """Quit after confirming; in a quiz, end the quiz first (its summary, then home)."""
        from quiz.tui.screens.dialogs import ConfirmQuit

        if isinstance(self.screen, ConfirmQuit):
            return
        if isinstance(self.screen, QuizScreen):
            self.end_quiz()
            return

        def done(quit_: bool | None) -> None:
            if quit_:
                self.quit_safely()

        held, at_risk = self.unsaved_answers()
        message = "See you next time."
        if held:
            message = f"Of the answers you gave, {self._kept(held, at_risk)}."
        self.push_screen(ConfirmQuit(message), done)

    def end_quiz(self) -> None:
        """``q`` in a quiz: after confirming, the quiz ends and its summary shows what was
        answered so far (every answer is saved already); with nothing answered, straight
        back home (or out, for a quiz started from the command line)."""
        from quiz.tui.screens.dialogs import ConfirmEnd

        screen = self.screen
        if not isinstance(screen, QuizScreen):
            return
        session = screen.session

        def done(end: bool | None) -> None:
            if not end or self.screen is not screen:
                return
            if session.answered:
                self.finish_session(session)
            elif self.visited_home:
                self.go_home()
            else:
                self.end_session(session)
                self.quit_safely()

        held, at_risk = self.unsaved_answers()
        self.push_screen(
            ConfirmEnd(session.answered, session.total, self._kept(held, at_risk)), done
        )

    # ------------------------------------------------------------------ answers not saved

    def unsaved_answers(self) -> tuple[int, int]:
        """(answers not in the database, of those the ones not in the journal either)."""
        held = sum(r.unsaved for r in self.recorders)
        return held, sum(r.at_risk for r in self.recorders)

    def _kept(self, held: int, at_risk: int) -> str:
        from quiz.store.journal import JOURNAL_NAME
        from quiz.tui.screens.dialogs import answers_kept

        return answers_kept(held, at_risk, JOURNAL_NAME)

    def quit_safely(self) -> None:
        """Quit, unless that would lose answers: first wait for the answers still being
        saved and try the held-back ones once more; if some are still in neither the
        database nor the journal, ask (:class:`~quiz.tui.screens.dialogs.UnsavedAnswers`)."""
        self._settle_answers()

    @work(thread=True, exclusive=True, group="quit")
    def _settle_answers(self) -> None:
        at_risk = 0
        for recorder in list(self.recorders):
            recorder.flush(5.0)
            if recorder.at_risk:
                with contextlib.suppress(Exception):
                    recorder.retry().result(15.0)
            at_risk += recorder.at_risk
        with contextlib.suppress(RuntimeError):  # RuntimeError: the app is gone
            self.call_from_thread(self._quit_or_ask, at_risk)

    def _quit_or_ask(self, at_risk: int) -> None:
        from quiz.tui.screens.dialogs import UnsavedAnswers

        if not at_risk:
            self.exit()
            return
        error = next((r.last_error for r in self.recorders if r.at_risk and r.last_error), None)
        reason = _reason(error)
        suggested = str(Path.home() / "quiz-unsaved-answers.jsonl")

        def chosen(choice: str | None) -> None:
            if choice == "retry":
                self.quit_safely()
            elif choice == "lose":
                self.exit(
                    message=Text(
                        f"quiz: {at_risk} answer{'s' if at_risk != 1 else ''} "
                        "could not be saved and "
                        f"{'were' if at_risk != 1 else 'was'} lost."
                    )
                )
            elif choice and choice.startswith("file:"):
                self._write_unsaved(Path(choice.removeprefix("file:")).expanduser())

        self.push_screen(UnsavedAnswers(at_risk, reason, suggested), chosen)

    def _write_unsaved(self, path: Path) -> None:
        from quiz.store.journal import JOURNAL_NAME

        written = 0
        try:
            for recorder in self.recorders:
                written += recorder.write_unsaved(path)
        except OSError as error:
            self.notify(
                f"Could not write {path}: {_reason(error)}",
                title="Not saved",
                severity="error",
                markup=False,
            )
            self.quit_safely()  # asks again
            return
        self.exit(
            message=Text(
                f"quiz: {written} answer{'s' if written != 1 else ''} that could not be saved "
                f"{'are' if written != 1 else 'is'} in {path}. To save them, add that file's lines "
                f"to {self.config.data_dir / JOURNAL_NAME} once there is room: quiz saves them "
                "the next time it starts."
            )
        )

    def action_interrupt(self) -> None:
        """Ctrl+C: quit at once, from any screen, with every answer saved (a quiz's session
        is ended and the answers still being saved are waited for as the app closes). An
        unsaved bank being authored is the one thing worth a question first."""
        for screen in reversed(self.screen_stack):
            draft = getattr(screen, "draft", None)
            if getattr(draft, "dirty", False) and callable(getattr(screen, "action_quit", None)):
                if screen is not self.screen:
                    return  # a dialog over it is already asking
                screen.action_quit()  # type: ignore[attr-defined]
                return
        answered = 0
        for screen in self.screen_stack:
            if isinstance(screen, QuizScreen):
                self.end_session(screen.session)
                answered += screen.session.answered
        held, at_risk = self.unsaved_answers()
        from quiz.tui.screens.dialogs import UnsavedAnswers

        if at_risk and isinstance(self.screen, UnsavedAnswers):  # asked, and ctrl+c again
            self.exit(
                message=Text(
                    f"quiz: stopped (ctrl+c); {at_risk} answer"
                    f"{'s' if at_risk != 1 else ''} could not be saved and "
                    f"{'were' if at_risk != 1 else 'was'} lost."
                )
            )
            return
        if at_risk:  # quitting at once would lose them: ask first
            self.quit_safely()
            return
        message = "quiz: stopped (ctrl+c)"
        if answered and held:
            message += f"; {self._kept(held, at_risk)}"
        elif answered:
            message += (
                f"; your {answered} answers are saved" if answered > 1 else "; your answer is saved"
            )
        self.exit(message=Text(message + "."))

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
        kept = "The answers you gave were kept."
        with contextlib.suppress(Exception):
            held, at_risk = self.unsaved_answers()
            if held:
                kept = f"Of the answers you gave, {self._kept(held, at_risk)}."
        self._exit_renderables.append(
            Text("quiz ran into a problem it did not expect and stopped. " + kept + where)
        )
        self._close_messages_no_wait()
