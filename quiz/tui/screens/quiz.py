"""One question at a time: the prompt, the input for its type, then feedback."""

from __future__ import annotations

import asyncio
from concurrent.futures import Future
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from quiz.bank.model import TYPE_NAMES, MultipleChoice
from quiz.recording.background import BackgroundRecorder, Saved
from quiz.session import Item, Session
from quiz.tui.text import brand, prompt_content
from quiz.tui.widgets.answers.picking import answer_widget, lone_field
from quiz.tui.widgets.answers.sketch import FirstCard
from quiz.tui.widgets.footer import KeyBar

if TYPE_CHECKING:
    from datetime import datetime

    from quiz.session import Result
    from quiz.tui.app import QuizApp
    from quiz.tui.widgets.answers.base import AnswerWidget, CursorAnswer
    from quiz.tui.widgets.feedback import Feedback
    from quiz.tui.widgets.question_head import QuestionHead


class QuizScreen(Screen[None]):
    """Asks the session's questions. Enter or space moves on after the feedback."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,space", "next", "Continue", tooltip="after the feedback: go on"),
        Binding(
            "u",
            "undo",
            "Undo",
            tooltip=(
                "after the feedback, for a slip of the key: answer again. Your first answer "
                "still counts (score, stats, reports and schedule); the new one is kept as a "
                "retake"
            ),
        ),
        Binding(
            "exclamation_mark",
            "flag",
            "Flag",
            tooltip="after the feedback: flag the question as wrong or unclear",
        ),
        Binding(
            "q",
            "end",
            "End",
            tooltip=(
                "end the quiz here: a summary of what you answered and where your answers "
                "are kept, then home"
            ),
        ),
        Binding("question_mark", "app.help", "Help", tooltip="this help"),
    ]

    DEFAULT_CSS = """
    QuizScreen #notice { height: auto; margin-top: 1; color: $text-warning; display: none; }
    QuizScreen #notice.-error { color: $text-error; }
    """

    #: How long a save may take before the screen says "Saving…" (a commit takes ~1 ms; it
    #: waits when another quiz process holds the database).
    SAVING_AFTER = 0.3

    app: QuizApp

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.answered: Result | None = None
        self.saved: Saved | None = None  # set once the answered one is saved (or failed)
        self._shown_at: datetime | None = None
        self._first_resume = True
        #: the first question while a sketch of its card is on screen (:meth:`_unsketch`)
        self._sketched: Item | None = None

    @property
    def acknowledged(self) -> bool:
        """The feedback of the current answer is on screen (so the answer is saved)."""
        return self.answered is not None and self.saved is not None

    def compose(self) -> ComposeResult:
        """The first question is composed with the screen (not mounted after it): it is what
        the learner waits for. One answered in a field alone is painted by :class:`FirstCard`
        (not under an ANSI theme), and its input built and mounted right after the first
        paint (:meth:`_unsketch`): neither its widget nor its module before it."""
        item = self.session.current
        bank = self.session.bank_of(item)
        field = None if self.app.ansi_color else lone_field(item, bank)
        if field is None:
            yield from self._body(answer_widget(item, bank))
        else:  # bars and card as one widget; the real ones right after the first paint
            self._sketched = item
            self.app.hold_keys()  # until the real input has the focus (_unsketch)
            kind, prompt = self._kind(), prompt_content(item.question)
            bar = (self._where(), self._status())
            yield FirstCard(bar, kind, prompt, field.placeholder, field.hint)
        yield KeyBar()

    def _where(self) -> Content:
        mode = ["cram"] if self.session.mode == "cram" else []
        return brand(self.session.title, *mode)

    def _body(self, answer: AnswerWidget) -> list[Widget]:
        """The top bar, the progress line, and the scroll with the question's card: its head,
        its input and the hint of its keys. What undo did goes under the hint (#notice),
        mounted by the first undo; the feedback panel is mounted with the first answer, not
        before the first question."""
        # imported here: a first card painted by FirstCard needs none before the paint
        from quiz.tui.widgets.progress_line import ProgressLine
        from quiz.tui.widgets.question_head import QuestionHead
        from quiz.tui.widgets.topbar import TopBar

        question = self.session.current.question
        head = QuestionHead(self._kind(), prompt_content(question), id="prompt")
        hint = Static(Content(answer.hint), id="hint")
        return [
            TopBar(self._where(), self._status()),
            ProgressLine(self.session.total, id="progress"),
            VerticalScroll(Vertical(head, answer, hint, id="card"), id="scroll"),
        ]

    def on_mount(self) -> None:
        if self._sketched is None:
            self._asking(self.answer_input)
            return
        # the sketch took the focus when mounted; the real input follows the first paint
        self._shown_at = self.app.config.clock()
        self.refresh_bindings()
        self.call_after_refresh(self._unsketch)

    @property
    def sketching(self) -> bool:
        """The first question's card is still a sketch (see
        :mod:`quiz.tui.widgets.answers.sketch`)."""
        return self._sketched is not None

    async def _unsketch(self) -> None:
        """Right after the first paint: the real bars, scroll and card in place of their sketch
        (:class:`FirstCard`). The input takes the focus when it is mounted, then the keys the
        app held meanwhile are handed on; no frame is painted until the sketch is gone, so the
        screen does not change. They are built once the first frame is on its way to the
        terminal (:meth:`QuizApp.frames_written`)."""
        item = self._sketched
        try:
            await self.app.frames_written()
            if item is None or not self.is_attached:
                return
            answer = answer_widget(item, self.session.bank_of(item))
            sketch = self.query_one(FirstCard)
            self._sketched = None  # the real bars are in the DOM from the mount call on
            with self.app.batch_update():
                await self.mount(*self._body(answer), before=sketch)
                await sketch.remove()
        finally:
            self._sketched = None
            self.app.release_keys()

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """The first resume comes straight after the screen and its first question were
        mounted, each node styled as it was mounted (and again as the input took the focus):
        Textual's handler, which runs after this one, would style every node once more, with
        the same result. Later resumes (back from the help, a dialog) restyle as usual."""
        if self._first_resume:
            self._first_resume = False
            event.refresh_styles = False

    # ------------------------------------------------------------------ states

    async def show_question(self) -> None:
        """The session's current question, in place of the one answered."""
        with self.app.batch_update():
            await self._show_question()

    async def _show_question(self) -> None:
        self.answered = None
        self.saved = None
        self.remove_class("-answered", "-saving")
        head = self.query_one("#prompt", _question_head())
        head.show(self._kind(), prompt_content(self.session.current.question))
        await self.answer_input.remove()
        widget = answer_widget(self.session.current, self.session.bank_of(self.session.current))
        await self.query_one("#card", Vertical).mount(widget, after=head)
        self._set_hint(widget.hint)
        self._notice(None)
        for feedback in self._feedbacks():
            await feedback.remove_children()
            feedback.display = False
        self._update_status()
        self.query_one("#scroll", VerticalScroll).scroll_home(animate=False)
        self._asking(widget)

    def _asking(self, widget: AnswerWidget) -> None:
        """The question is on screen: the clock starts and the input takes the keys."""
        widget.start()
        self._shown_at = self.app.config.clock()
        self.refresh_bindings()

    def _kind(self) -> Content:
        """``Question 3 · Multiple choice``."""
        question = self.session.current.question
        kind = TYPE_NAMES.get(question.TYPE, question.TYPE)
        if isinstance(question, MultipleChoice) and question.multiple:
            kind += " · pick all that apply"
        return Content.assemble(
            (f"Question {self.session.number}", "bold"),
            ("  ·  ", "$text-muted"),
            (kind, "$text-muted"),
        )

    def _status(self) -> Content:
        """``3 of 70 · score 2/2`` (and "not saved" while answers are not reaching the disk).
        The score is of first answers: undo never raises it."""
        s = self.session
        return Content.assemble(
            ("not saved  ·  ", "bold $error") if self.app.progress_not_saved else "",
            (f"{min(s.number, s.total)} of {s.total}", "bold"),
            ("  ·  ", "$text-muted"),
            ("score ", "$text-muted"),
            (f"{s.score}/{s.answered}", "bold"),
            " ",
        )

    def refresh_status(self) -> None:
        """Redraw the status line (the app calls it when the scores turn out to be unsaved).
        While the first card is a sketch there is no top bar yet: the real one is built with
        the status of then."""
        if self.sketching:
            return
        from quiz.tui.widgets.topbar import TopBar

        self.query_one(TopBar).set_status(self._status())

    def _update_status(self) -> None:
        self.refresh_status()
        from quiz.tui.widgets.progress_line import ProgressLine

        self.query_one(ProgressLine).update(len(self.session.results))

    def _set_hint(self, text: str) -> None:
        self.query_one("#hint", Static).update(Content(text))

    def _notice(self, text: str | None, *, error: bool = False) -> None:
        """A line in the card under the input (None: none): what an undo did, in the card
        rather than a toast (a toast covered the feedback). Mounted the first time there is
        one to show, not with the first question."""
        found = list(self.query("#notice").results(Static))
        if not found:
            if text is None:
                return
            notice = Static(id="notice")
            self.query_one("#card", Vertical).mount(notice, after="#hint")
        else:
            notice = found[0]
        notice.update(Content(text or ""))
        notice.set_class(error, "-error")
        notice.display = text is not None

    @property
    def answer_input(self) -> AnswerWidget:
        from quiz.tui.widgets.answers.base import AnswerWidget

        return self.query_one("#card > .answer", AnswerWidget)

    # ------------------------------------------------------------------ events

    # The inputs' messages are handled by name (``on_answer_widget_hint`` for
    # ``AnswerWidget.Hint``), not with ``@on``: that needed their module, with its two widget
    # classes, imported with this screen, before the first paint (a first question painted by
    # FirstCard builds its input, and imports the module, right after it).

    def on_answer_widget_hint(self, event: AnswerWidget.Hint) -> None:
        self._set_hint(event.text or self.answer_input.hint)

    def on_cursor_answer_cursor_moved(self, event: CursorAnswer.CursorMoved) -> None:
        """Keep the row under the cursor in view, scrolling as little as it takes; on the
        first row, what is above it too (the question), and on the last, what is below it (the
        rest of the input and the hint of its keys), as much of either as fits. On a small
        terminal (40x12) the rows and the hint are under the fold: the cursor brings them up."""
        answer = event.answer
        if answer is not self.answer_input or answer.locked:
            return
        row = answer.cursor_region()
        scroll = self.query_one("#scroll", VerticalScroll)
        view = scroll.scrollable_content_region.height
        if row is None or view <= 0:
            return
        origin = scroll.scrollable_content_region.y - int(scroll.scroll_y)  # line 0, on screen
        top, bottom = row.y - origin, row.bottom - origin
        if answer.cursor == 0:
            top = max(0, bottom - view)
        if answer.cursor == answer.cursor_rows - 1:
            below = [answer.region.bottom]
            hint = self.query_one("#hint", Static)
            if hint.display:
                below.append(hint.region.bottom)
            bottom = min(max(bottom, max(below) - origin), top + view)
        y = int(scroll.scroll_y)
        if top < y:
            y = top
        elif bottom > y + view:
            y = bottom - view
        if y != int(scroll.scroll_y):
            scroll.scroll_to(y=y, animate=False, immediate=True)

    async def on_answer_widget_submitted(self, event: AnswerWidget.Submitted) -> None:
        event.stop()
        if self.answered is not None:
            return
        now = self.app.config.clock()
        seconds = (now - self._shown_at).total_seconds() if self._shown_at else 0.0
        result = self.session.grade(event.response, seconds)
        self.answered = result
        self.answer_input.locked = True  # no second answer while this one is saved
        self.run_worker(self._save(result), group="save", exit_on_error=True)

    async def _save(self, result: Result) -> None:
        """Save the answer off the UI thread; only then show its feedback: what the learner
        sees acknowledged is committed. A slow save shows a quiet "Saving…" meanwhile."""
        recorder = self.session.recorder
        if isinstance(recorder, BackgroundRecorder):
            pending: Future[Saved] = recorder.submit(result.answer)
            waiting = asyncio.wrap_future(pending)
            timer = self.set_timer(self.SAVING_AFTER, self._show_saving)
            try:
                saved = await waiting
            finally:
                timer.stop()
        else:  # a plain recorder (tests): it returns once the answer is kept
            try:
                recorder.record(result.answer)
                saved = Saved(result.answer)
            except Exception as error:
                saved = Saved(result.answer, error=error)
        if self.answered is not result:
            return  # the screen moved on meanwhile
        self.saved = saved
        self.app.saving_outcome(saved)
        with self.app.batch_update():
            await self._show_feedback(result, saved)

    def _show_saving(self) -> None:
        if self.answered is not None and self.saved is None:
            self.add_class("-saving")
            self._set_hint("Saving your answer…")

    async def _show_feedback(self, result: Result, saved: Saved | None = None) -> None:
        self.remove_class("-saving")
        self.add_class("-answered")
        self.answer_input.reveal(result)
        hint = (
            "Enter ⏎ next"
            if self.session.number < self.session.total
            else ("Enter ⏎ see how you did")
        )
        self._set_hint("")
        self._notice(None)  # after an undo the feedback says which answer counts
        feedback = await self._feedback_panel()
        await feedback.show(
            result,
            hint,
            bank=self.session.bank_of(result.item),
            notes=_retake_notes(self.session, result) + _save_notes(saved),
        )
        feedback.display = True
        self._update_status()
        scroll = self.query_one("#scroll", VerticalScroll)
        if scroll.allow_focus():
            scroll.focus()
        self.call_after_refresh(self._show_feedback_under_question)
        self.refresh_bindings()

    def _show_feedback_under_question(self) -> None:
        """Scroll to show as much of the feedback as fits, but never past the question's
        first line: the feedback answers a question the learner must still see (↑↓ and
        Page Down read the rest). Where question and feedback do not fit together (a small
        terminal: 40x12), the verdict and the right answer come first: scrolled into view
        even past the question, since they are what the learner answered to see; the
        verdict is never scrolled past."""
        scroll = self.query_one("#scroll", VerticalScroll)
        found = self._feedbacks()
        if not found:
            return
        feedback = found[0]
        top = scroll.region.y - int(scroll.scroll_y)  # where the content starts, on screen
        view = scroll.scrollable_content_region.height
        head = self.query_one("#prompt", _question_head())
        prompt = head.region.y + head.prompt_offset - top
        bottom = feedback.region.bottom - top
        y = min(prompt, max(0, bottom - view))
        verdicts = list(feedback.query(".verdict-row"))
        answers = list(feedback.query(".answer-line"))
        if verdicts and answers and view > 0:
            verdict = verdicts[0].region.y - top
            answer = answers[0].region.bottom - top
            y = min(max(y, answer - view), verdict)
        scroll.scroll_to(y=max(0, y), animate=False)

    def _feedbacks(self) -> list[Feedback]:
        """The feedback panel, once the first answer has mounted it."""
        from quiz.tui.widgets.feedback import Feedback  # with the first answer, not at start

        return list(self.query("#feedback").results(Feedback))

    async def _feedback_panel(self) -> Feedback:
        """The panel under the question, mounted the first time an answer is shown."""
        from quiz.tui.widgets.feedback import Feedback

        found = self._feedbacks()
        panel = found[0] if found else None
        if panel is None:
            panel = Feedback(self.session.bank, id="feedback")
            await self.query_one("#card").mount(panel)
        return panel

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "undo":
            return self.acknowledged and self.session.can_undo
        if action in ("next", "flag"):
            return self.acknowledged
        return True

    def action_end(self) -> None:
        """End the quiz here (after confirming): the summary of what was answered."""
        self.app.end_quiz()

    async def action_next(self) -> None:
        if not self.acknowledged:
            return
        if self.session.advance():
            await self.show_question()
        else:
            self.app.finish_session(self.session)

    def action_undo(self) -> None:
        """Take the answer back (for a slip of the key) and ask the question again; the
        saved answer is marked undone and keeps counting."""
        if self.acknowledged and self.session.can_undo:
            self.run_worker(self._undo(), group="save", exclusive=True, exit_on_error=True)

    async def _undo(self) -> None:
        recorder = self.session.recorder
        result = self.answered
        if result is None:
            return
        self.saved = None  # nothing more until the undo is done
        self.refresh_bindings()
        error: BaseException | None = None
        if isinstance(recorder, BackgroundRecorder):
            undone = await asyncio.wrap_future(recorder.undo())
            error = undone.error
        if error is not None:
            self.saved = Saved(result.answer)
            self.refresh_bindings()
            self._notice(f"Not undone: that answer could not be taken back: {error}", error=True)
            return
        self.session.undo()
        await self.show_question()
        self._notice(
            "Answer again. Your first answer still counts: undo is for a slip of the "
            "key, and the schedule keeps what you answered first."
        )

    def action_flag(self) -> None:
        """Report the question as wrong or unclear, for the bank's author."""
        if self.acknowledged and self.answered is not None:
            item = self.answered.item
            self.app.flag_question(self.session.bank_of(item), item.question)


def _question_head() -> type[QuestionHead]:
    from quiz.tui.widgets.question_head import QuestionHead

    return QuestionHead


def _retake_notes(session: Session, result: Result) -> list[tuple[str, str]]:
    """For an answer given after an undo: which answer counts."""
    first = session.taken_back.get(session.index)
    if not result.answer.retake or first is None:
        return []
    verdict = "right" if first.outcome.correct else "wrong"
    return [
        (
            f"Answered again after an undo: your first answer ({verdict}) is the one that counts.",
            "retake",
        )
    ]


def _not_saved_note(saved: Saved) -> str:
    """Where an answer the database refused really is: on disk in the pending-answers journal
    (safe if quiz stops now; the next start saves it), or only in memory (lost if quiz stops
    before saving works again). Saying "in memory" of a journaled answer would scare a learner
    into waiting for nothing; saying "kept" of one in memory alone would hide a real risk."""
    if saved.journaled:
        journal = getattr(getattr(saved.error, "journal", None), "path", None)
        where = journal.name if journal is not None else "the pending-answers journal"
        return (
            f"Not saved to your scores yet: kept on disk in {where}, and saved when saving "
            "works again or at the next start."
        )
    return "Not saved: kept in memory only, and saved if saving works again before you quit."


def _save_notes(saved: Saved | None) -> list[tuple[str, str]]:
    """Lines for the feedback about how saving went: (text, class)."""
    if saved is None:
        return []
    notes: list[tuple[str, str]] = []
    result = saved.result
    if saved.error is not None:
        notes.append((_not_saved_note(saved), "not-saved"))
    elif getattr(result, "schedule_reset", False):
        notes.append(
            (
                "This question's answer changed since you last saw it; its schedule starts afresh.",
                "reset",
            )
        )
    return notes
