"""The scores and the recorders of the app: the scores opened after the first paint, one
background recorder per session, the notices when saving stops and starts again, and a
flagged question kept in the store. :class:`ScoresApp` is the first layer of
:class:`~quiz.tui.app.QuizApp`."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from textual import work

from quiz.bank.model import Bank, Question
from quiz.recording.background import BackgroundRecorder, RecordingFailed, Saved
from quiz.session import Session
from quiz.tui.config import AppConfig
from quiz.tui.screens.quiz import QuizScreen

# Screens other than the quiz are imported where they are first shown: `quiz play` paints its
# first question without loading the home, review, stats, flag, summary or dialog screens.
if TYPE_CHECKING:
    from quiz.recording.deferred import DeferredScores
    from quiz.recording.scores import Scores
    from quiz.store import Store
    from quiz.tui.screens.flag import FlagReport

if TYPE_CHECKING:
    from textual.app import App

    AppLayer = App[None]
else:
    #: The base of the app's layers (this one, :class:`~quiz.tui.app_navigation.NavigationApp`
    #: and :class:`~quiz.tui.app_quitting.QuittingApp`): Textual's ``App`` for the type
    #: checker, a plain class when quiz runs. Only :class:`~quiz.tui.app.QuizApp` derives from
    #: ``App`` itself: Textual processes each subclass when it is defined (its bindings,
    #: reactives, CSS type names and a ``dir()`` of some 400 names: 0.15-0.3 ms each), and
    #: four of them were defined before every first question for one app. No layer declares
    #: what only a Textual class would collect (``BINDINGS``, ``CSS``, reactives, ``@on``
    #: handlers); an ``on_*`` method is found by name, as before.
    AppLayer = object


class ScoresApp(AppLayer):
    """The scores database and the answers on their way to it (state set by
    :class:`~quiz.tui.app.QuizApp`)."""

    config: AppConfig
    recorders: list[BackgroundRecorder]
    saving_failed: bool  # the last answer could not be saved
    _saving_warned: bool  # the one-time "not being saved" notice was shown
    _scores_opening: bool  # open_scores() was called

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

    def _with_recorder(self, session: Session) -> Session:
        """Give ``session`` its own background recorder (a store session of its mode)."""
        session.recorder = self._recorder(session.bank, session.mode)
        return session

    def _recorder(self, bank: Bank, mode: str) -> BackgroundRecorder:
        """A background recorder for a session of ``mode`` on ``bank``, kept with the app's
        (the store's recorder is made with its first answer)."""
        recorder = BackgroundRecorder(
            lambda: self.config.recorder_factory(bank, mode), on_error=self._recording_failed
        )
        self.recorders.append(recorder)
        return recorder

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
