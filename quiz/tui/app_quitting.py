"""How the app stops without losing an answer: q ends a quiz (its summary), quitting is
confirmed and waits for the answers still being saved, answers that neither the database nor
the journal took are asked about (retry, a file, or lose them), ctrl+c quits at once, and an
unexpected error stops with a short message. :class:`QuittingApp` is the third layer of
:class:`~quiz.tui.app.QuizApp`."""

from __future__ import annotations

import contextlib
import traceback
from pathlib import Path

from rich.text import Text
from textual import work

from quiz.tui.app_navigation import NavigationApp
from quiz.tui.screens.quiz import QuizScreen


def _reason(error: BaseException | None) -> str:
    """A failure in a few plain words (an OSError's strerror, not its errno tuple)."""
    if error is None:
        return "saving failed"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error)


class QuittingApp(NavigationApp):
    """Quitting and ending, with every answer accounted for."""

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

    def quit_after_quiz(self) -> None:
        """``q`` on a quiz's summary: the quiz is over, so no confirmation; quitting still
        waits for the answers being saved and asks about any that neither the database nor
        the journal took (:meth:`quit_safely`). Answers held back but kept on disk are said
        once more in the confirmation, as from any other screen: the summary's line about
        them may have scrolled away."""
        held, _at_risk = self.unsaved_answers()
        if held:
            self.action_request_quit()
        else:
            self.quit_safely()

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
        from quiz.tui.kept import answers_kept

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
