"""One question at a time: the prompt, the input for its type, then feedback."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, ProgressBar, Static

from quiz.bank.model import MultipleChoice
from quiz.session import Result, Session
from quiz.tui.text import prompt_content
from quiz.tui.widgets.answers import AnswerWidget, answer_widget
from quiz.tui.widgets.feedback import Feedback
from quiz.tui.widgets.topbar import TopBar, brand

if TYPE_CHECKING:
    from quiz.tui.app import QuizApp

TYPE_NAMES = {
    "multiple_choice": "Multiple choice",
    "true_false": "True or false",
    "cloze": "Fill in the blank",
    "short_answer": "Short answer",
    "numeric": "Number",
    "matching": "Matching",
    "ordering": "Put in order",
}


class QuizScreen(Screen[None]):
    """Asks the session's questions. Enter or space moves on after the feedback."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,space", "next", "Continue"),
        Binding("q", "app.request_quit", "Quit"),
        Binding("question_mark", "app.help", "Help"),
    ]

    app: QuizApp

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.answered: Result | None = None
        self._shown_at = None

    def compose(self) -> ComposeResult:
        yield TopBar(brand(self.session.bank.title))
        yield ProgressBar(
            total=self.session.total, show_eta=False, show_percentage=False, id="progress"
        )
        with VerticalScroll(id="scroll"), Vertical(id="card"):
            yield Static(id="kind")
            yield Static(id="prompt")
            yield Vertical(id="slot")
            yield Static(id="hint")
            yield Feedback(self.session.bank, id="feedback")
        yield Footer()

    async def on_mount(self) -> None:
        await self.show_question()

    # ------------------------------------------------------------------ states

    async def show_question(self) -> None:
        with self.app.batch_update():
            await self._show_question()

    async def _show_question(self) -> None:
        session = self.session
        item = session.current
        question = item.question
        self.answered = None
        self.remove_class("-answered")
        kind = TYPE_NAMES.get(question.TYPE, question.TYPE)
        if isinstance(question, MultipleChoice) and question.multiple:
            kind += " · pick all that apply"
        self.query_one("#kind", Static).update(
            Content.assemble((f"Question {session.number}", "bold"), ("  ·  ", "$text-muted"),
                             (kind, "$text-muted"))
        )
        self.query_one("#prompt", Static).update(prompt_content(question))
        slot = self.query_one("#slot", Vertical)
        await slot.remove_children()
        widget = answer_widget(item)
        await slot.mount(widget)
        self._set_hint(widget.hint)
        feedback = self.query_one("#feedback", Feedback)
        await feedback.remove_children()
        feedback.display = False
        self._update_status()
        self.query_one("#scroll", VerticalScroll).scroll_home(animate=False)
        widget.start()
        self._shown_at = self.app.config.clock()
        self.refresh_bindings()

    def _update_status(self) -> None:
        s = self.session
        answered = len(s.results)
        status = Content.assemble(
            (f"{min(s.number, s.total)} of {s.total}", "bold"),
            ("  ·  ", "$text-muted"),
            ("score ", "$text-muted"),
            (f"{s.score}/{answered}", "bold"),
            " ",
        )
        self.query_one(TopBar).set_status(status)
        self.query_one("#progress", ProgressBar).update(progress=answered)

    def _set_hint(self, text: str) -> None:
        self.query_one("#hint", Static).update(Content(text))

    @property
    def answer_input(self) -> AnswerWidget:
        return self.query_one("#slot > .answer", AnswerWidget)

    # ------------------------------------------------------------------ events

    @on(AnswerWidget.Hint)
    def _hint(self, event: AnswerWidget.Hint) -> None:
        self._set_hint(event.text or self.answer_input.hint)

    @on(AnswerWidget.Submitted)
    async def _submitted(self, event: AnswerWidget.Submitted) -> None:
        event.stop()
        if self.answered is not None:
            return
        now = self.app.config.clock()
        seconds = (now - self._shown_at).total_seconds() if self._shown_at else 0.0
        result = self.session.answer(event.response, seconds)
        self.answered = result
        with self.app.batch_update():
            await self._show_feedback(result)

    async def _show_feedback(self, result: Result) -> None:
        self.add_class("-answered")
        self.answer_input.reveal(result)
        hint = "Enter ⏎ next" if self.session.number < self.session.total else (
            "Enter ⏎ see how you did"
        )
        self._set_hint("")
        feedback = self.query_one("#feedback", Feedback)
        await feedback.show(result, hint)
        feedback.display = True
        self._update_status()
        scroll = self.query_one("#scroll", VerticalScroll)
        if scroll.allow_focus():
            scroll.focus()
        self.call_after_refresh(feedback.scroll_visible, animate=False)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next":
            return self.answered is not None
        return True

    async def action_next(self) -> None:
        if self.answered is None:
            return
        if self.session.advance():
            await self.show_question()
        else:
            self.app.finish_session(self.session)
