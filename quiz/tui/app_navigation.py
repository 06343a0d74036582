"""Where the app goes: a bank loaded off the UI thread and started (asking how, from home),
a quiz's session ended and its summary shown, home and the review. :class:`NavigationApp` is
the second layer of :class:`~quiz.tui.app.QuizApp`."""

from __future__ import annotations

import contextlib
from pathlib import Path

from textual import work

from quiz.bank import BankError
from quiz.bank.cache import BankCache
from quiz.bank.cache_rows import question_ids
from quiz.bank.model import Bank
from quiz.library import library_files
from quiz.recording.background import BackgroundRecorder
from quiz.session import Options, Session
from quiz.tui.app_scores import ScoresApp
from quiz.tui.config import StartReview
from quiz.tui.screens.quiz import QuizScreen


class NavigationApp(ScoresApp):
    """Banks opened, sessions started and ended, screens switched (state set by
    :class:`~quiz.tui.app.QuizApp`)."""

    bank_cache: BankCache
    visited_home: bool  # the home screen was shown: a quiz ends back there

    def bank_files(self) -> list[Path]:
        return library_files(self.config.data_dir, self.config.folders())

    # ------------------------------------------------------------------ sessions

    def new_session(self, bank: Bank, options: Options | None = None) -> Session:
        """A quiz on ``bank``, started with its background recorder: started with none, it got
        a recorder in memory first (replaced at once), whose module and the results' were
        loaded before ``quiz play``'s first question for nothing."""
        recorder = self._recorder(bank, "play")
        try:
            return Session.start(bank, options, clock=self.config.clock, recorder=recorder)
        except BaseException:
            self.recorders.remove(recorder)  # no session: nothing will be recorded
            raise

    def cram_session(self, bank: Bank, seed: int | None = None) -> Session:
        from quiz.review import cram_session

        return self._with_recorder(cram_session(bank, clock=self.config.clock, seed=seed))

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
        unanswered: list[str] = []
        with contextlib.suppress(Exception):  # no scores: nothing was missed, as far as we know
            store = self.scores_store()
            if store is not None:
                ids = question_ids(bank.questions)  # builds no question
                known = set(ids)
                missed = [qid for qid in store.missed_last_time(bank.id) if qid in known]
                answered = set(store.card_ids_by_bank().get(bank.id, ()))
                unanswered = [qid for qid in ids if qid not in answered]
        self.call_from_thread(self._ask_how_to_start, bank, choice, missed, unanswered)

    def _ask_how_to_start(
        self, bank: Bank, choice: object, missed: list[str], unanswered: list[str]
    ) -> None:
        from quiz.tui.choices import StartChoice
        from quiz.tui.screens.start import StartDialog, StartRequest

        def chosen(request: StartRequest | None) -> None:
            if request is None:
                return
            self._remember(bank.id, request.choice)
            options = request.choice.options(missed, unanswered=unanswered)
            if request.cram:
                session = Session.start(bank, options, clock=self.config.clock, mode="cram")
                self.switch_screen(QuizScreen(self._with_recorder(session)))
            else:
                self.start_quiz(bank, options)

        remembered = choice if isinstance(choice, StartChoice) else None
        self.push_screen(StartDialog(bank, remembered, missed, unanswered), chosen)

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
