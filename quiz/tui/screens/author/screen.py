"""The authoring screen (``quiz author``): review a drafted bank question by question, then save.

Each question is shown beside its source sentence, the key span highlighted. A teacher accepts
(a), rejects (x), edits (e) a question, or asks for other wrong options (o); filters by type (t)
and review state (s); saves (ctrl+s) a bank that passes ``quiz check``. The state lives in
:class:`quiz.authoring.Draft`; this module only shows it (``content.py`` builds what is shown)
and turns keys into calls; the forms and dialogs it opens are in ``forms.py`` and ``dialogs.py``.
What the command has to say when the bank opens (its comments will not be kept, it joined the
library) is a line under the filters, never a box over the questions, until the first key.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import LoadingIndicator, OptionList, Static
from textual.widgets.option_list import Option

from quiz.authoring import STATES, Draft, DraftError, ItemState, save_draft
from quiz.bank.model import MultipleChoice
from quiz.tui.screens.author.content import (
    failed_content,
    filters_content,
    list_prompt,
    status_content,
)
from quiz.tui.screens.author.dialogs import AuthorHelp, Confirm, UnsavedChanges
from quiz.tui.screens.author.forms import BankDetails, EditQuestion
from quiz.tui.screens.author.panes import QuestionDetail, QuestionList
from quiz.tui.screens.author.saving import (
    join_library,
    needs_replace_confirmation,
    saved_message,
)
from quiz.tui.screens.author.styles import AUTHOR_CSS
from quiz.tui.widgets.footer import KeyBar
from quiz.tui.widgets.topbar import TopBar, brand

if TYPE_CHECKING:
    from quiz.tui.app import QuizApp
    from quiz.tui.config import StartAuthor

#: The order ``s`` steps through the state filter (None: every state).
STATE_FILTERS: tuple[ItemState | None, ...] = (None, *STATES)


class AuthorScreen(Screen[None]):
    """Review a draft: the question list on one side, the question and its sentence on the
    other (stacked on narrow terminals)."""

    CSS_PATH = AUTHOR_CSS
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012
    #: Narrow and shorter than this: the list or the question, not both (stacked, the
    #: question would get a line or two).
    SINGLE_PANE_BELOW = 20
    BINDINGS: ClassVar[list[BindingType]] = [
        # on a small terminal one pane at a time: Tab shows the other (the key bar says which)
        Binding("tab", "pane('question')", "Question", tooltip="show the question"),
        Binding("tab", "pane('list')", "List", tooltip="show the list of questions"),
        Binding("a", "accept", "Accept"),
        Binding("x", "reject", "Reject"),
        Binding("e", "edit", "Edit"),
        Binding("o", "other_options", "Options"),
        Binding("r", "restore", "Restore", show=False),
        Binding("m", "more", "More questions", show=False),
        Binding("t", "type_filter", "Type", show=False),  # both shown in the filter bar
        Binding("s", "state_filter", "State", show=False),
        Binding("ctrl+s", "save", "Save"),
        Binding("b", "details", "Title"),
        Binding("question_mark,f1", "help", "Help"),
        Binding("q,ctrl+q", "quit", "Quit"),
        Binding("j", "move(1)", "Down", show=False),
        Binding("k", "move(-1)", "Up", show=False),
    ]

    app: QuizApp

    def __init__(self, start: StartAuthor) -> None:
        super().__init__()
        self.start = start
        self.draft: Draft | None = None
        self.type_filter: str | None = None
        self.state_filter: ItemState | None = None
        self.shown: list[int] = []
        self.failed = ""

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield TopBar(brand("author"))
        with Vertical(id="author-loading"):
            yield LoadingIndicator()
            yield Static(Content(self.start.making or "Opening the bank…"), id="loading-what")
        with Vertical(id="author-main"):
            yield Static(id="author-filters")
            yield Static(id="author-notice")
            with Horizontal(id="author-body"):
                yield QuestionList(id="author-list")
                yield QuestionDetail(id="author-detail")
        yield KeyBar(show_command_palette=False)

    def on_mount(self) -> None:
        self.add_class("-loading")
        self.make_draft()

    @work(thread=True, exit_on_error=False, group="author-draft")
    def make_draft(self) -> None:
        """Build the draft off the UI thread (generation takes seconds)."""
        from quiz.generate.nlp import ModelMissing

        try:
            draft = self.start.make()
        except ModelMissing as missing:
            self.app.call_from_thread(self.app.exit, None, 1, str(missing))
            return
        except Exception as error:  # shown, not raised: the teacher can still quit calmly
            message = str(error) or type(error).__name__
            self.app.call_from_thread(self._failed, message)
            return
        self.app.call_from_thread(self.show_draft, draft)

    def _failed(self, message: str) -> None:
        self.failed = message
        self.query_one(LoadingIndicator).display = False
        self.query_one("#loading-what", Static).update(failed_content(message))
        self.refresh_bindings()

    def show_draft(self, draft: Draft) -> None:
        self.draft = draft
        self.remove_class("-loading")
        self.query_one(TopBar).set_where(brand("author", draft.bank.title))
        self.refresh_list(0)
        self.query_one(QuestionList).focus()
        self.refresh_bindings()
        if self.start.notice:
            self.show_notice(self.start.notice)

    def show_notice(self, text: str) -> None:
        """The command's notice in the screen's flow (a toast of its length covered the list
        at 40x12): shown whole, above the questions, until a key is pressed."""
        notice = self.query_one("#author-notice", Static)
        notice.update(
            Content.assemble(
                (text, "$text-warning"), ("  any key hides this", "italic $text-muted")
            )
        )
        notice.display = True

    def on_key(self, event: events.Key) -> None:
        """The first key hides the notice, and does what it does as well."""
        notice = self.query_one("#author-notice", Static)
        if notice.display:
            notice.display = False

    # ------------------------------------------------------------------ showing

    @property
    def current(self) -> int | None:
        """The index (in the draft) of the highlighted question."""
        highlighted = self.query_one(QuestionList).highlighted
        if highlighted is None or not 0 <= highlighted < len(self.shown):
            return None
        return self.shown[highlighted]

    def refresh_list(self, position: int | None = None, keep: int | None = None) -> None:
        """Rebuild the list for the filters; highlight ``keep`` (a draft index) if shown,
        else the row at ``position``."""
        draft = self.draft
        if draft is None:
            return
        questions = self.query_one(QuestionList)
        old = questions.highlighted or 0
        self.shown = draft.visible(self.type_filter, self.state_filter)
        questions.set_options(Option(list_prompt(draft.items[i]), id=f"q{i}") for i in self.shown)
        if self.shown:
            if keep is not None and keep in self.shown:
                row = self.shown.index(keep)
            else:
                row = old if position is None else position
            questions.highlighted = max(0, min(row, len(self.shown) - 1))
        self.show_detail()
        self.update_status()

    def show_detail(self) -> None:
        draft, index = self.draft, self.current
        item = draft.items[index] if draft is not None and index is not None else None
        self.query_one(QuestionDetail).show(draft, item)
        if item is not None:
            self.set_class(item.state is ItemState.REJECTED, "-rejected")

    def update_status(self) -> None:
        draft = self.draft
        if draft is None:
            return
        self.query_one(TopBar).set_status(status_content(draft))
        self.query_one("#author-filters", Static).update(
            filters_content(
                draft, len(self.shown), self.type_filter, self.state_filter, self.start.save_to
            )
        )

    @on(OptionList.OptionHighlighted, "#author-list")
    def _highlighted(self) -> None:
        self.show_detail()

    # ------------------------------------------------------------------ actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("help", "quit"):
            return True
        if action == "pane":
            # the one not shown; on a screen with room for both, Tab moves focus as anywhere
            showing = "question" if self.has_class("-question") else "list"
            return self.draft is not None and self.single_pane and parameters[0] != showing
        if self.draft is None:
            return False
        if action == "more":
            return True  # with nothing in reserve it says why (see action_more)
        if action in ("accept", "reject", "edit", "restore", "other_options"):
            index = self.current
            if index is None:
                return None
            if action == "other_options":
                return isinstance(self.draft.items[index].question, MultipleChoice) or None
        return True

    @property
    def single_pane(self) -> bool:
        return self.has_class("-single")

    def on_resize(self) -> None:
        single = self.size.width < 100 and self.size.height < self.SINGLE_PANE_BELOW
        if single != self.single_pane:
            self.set_class(single, "-single")
            self.refresh_bindings()

    def action_pane(self, pane: str) -> None:
        """Shows the list or the question (on a small terminal, where only one fits)."""
        self.set_class(pane == "question", "-question")
        if pane == "question":
            self.query_one(QuestionDetail).focus()
        else:
            self.query_one(QuestionList).focus()
        self.refresh_bindings()

    def action_move(self, step: int) -> None:
        questions = self.query_one(QuestionList)
        if step > 0:
            questions.action_cursor_down()
        else:
            questions.action_cursor_up()

    def _review(self, index: int, change: str) -> None:
        draft = self.draft
        assert draft is not None
        row = self.query_one(QuestionList).highlighted or 0
        getattr(draft, change)(index)
        visible = draft.visible(self.type_filter, self.state_filter)
        # move on to the next question; when the filter hides this one, the next one moves up
        self.refresh_list(row + 1 if index in visible else row)
        self.refresh_bindings()

    def action_accept(self) -> None:
        if (index := self.current) is None or self.draft is None:
            return
        item = self.draft.items[index]
        held = item.question.held_back if not item.state.kept else ""
        self._review(index, "accept")
        if held:  # said at once: a leak or a duplicate shows nowhere else until quiz check
            self.notify(
                f"Accepted, though the generator held it back: {held}. To undo, go back to it "
                "(k) and press r.",
                title="A held-back draft",
                severity="warning",
                markup=False,
            )

    def action_reject(self) -> None:
        if (index := self.current) is not None:
            self._review(index, "reject")

    def action_restore(self) -> None:
        if (index := self.current) is not None and self.draft is not None:
            self.draft.restore(index)
            self.refresh_list(keep=index)

    def action_other_options(self) -> None:
        draft, index = self.draft, self.current
        if draft is None or index is None:
            return
        try:
            question = draft.other_wrong_options(index)
        except DraftError as error:
            self.notify(str(error), title="Other wrong options", severity="warning", markup=False)
            return
        self.refresh_list(keep=index)
        wrong = [c for c in question.choices if c not in question.answers]
        self.notify(
            "Now: " + ", ".join(wrong) + ". o again for others, r for the drafted ones.",
            title="Other wrong options",
            markup=False,
        )

    def action_edit(self) -> None:
        draft, index = self.draft, self.current
        if draft is None or index is None:
            return

        def done(values: dict[str, str] | None) -> None:
            if values is None or self.draft is None:
                return
            try:
                self.draft.edit(index, values)
            except DraftError as error:  # pragma: no cover - the form validated it
                self.notify("\n".join(error.problems), severity="error", markup=False)
                return
            self.refresh_list(keep=index)
            self.refresh_bindings()

        self.app.push_screen(EditQuestion(draft, index), done)

    def action_more(self) -> None:
        draft = self.draft
        if draft is None:
            return
        if not draft.reserve:  # a key that does nothing in silence reads as broken
            self.notify(
                "No more questions to add: more come only when authoring from an article "
                "(quiz author ARTICLE), and its held-back drafts are already in the list.",
                title="More questions",
                markup=False,
            )
            return
        added = draft.more()
        # show them: they are to review, of any type
        self.type_filter = None
        if self.state_filter not in (None, ItemState.PENDING):
            self.state_filter = None
        self.refresh_list(keep=added[0])
        self.refresh_bindings()
        left = f"; {len(draft.reserve)} more left" if draft.reserve else ""
        self.notify(
            f"{len(added)} more questions to review, at the end of the list{left}.",
            title="More questions",
            markup=False,
        )

    def action_type_filter(self) -> None:
        if self.draft is None:
            return
        cycle: list[str | None] = [None, *self.draft.types()]
        at = cycle.index(self.type_filter) if self.type_filter in cycle else 0
        self.type_filter = cycle[(at + 1) % len(cycle)]
        self.refresh_list(0, keep=self.current)

    def action_state_filter(self) -> None:
        at = STATE_FILTERS.index(self.state_filter)
        self.state_filter = STATE_FILTERS[(at + 1) % len(STATE_FILTERS)]
        self.refresh_list(0, keep=self.current)

    def action_help(self) -> None:
        self.app.push_screen(AuthorHelp())

    def action_details(self) -> None:
        if self.draft is None:
            return

        def done(changed: bool | None) -> None:
            if changed and self.draft is not None:
                self.query_one(TopBar).set_where(brand("author", self.draft.bank.title))
                self.update_status()

        self.app.push_screen(BankDetails(self.draft), done)

    # ------------------------------------------------------------------ saving and quitting

    def action_save(self) -> None:
        self.save()

    def save(self, then_quit: bool = False) -> None:
        draft = self.draft
        if draft is None:
            return
        target = self.start.save_to
        if needs_replace_confirmation(draft, target):

            def confirmed(replace: bool | None) -> None:
                if replace:
                    self._save_now(target, then_quit)

            self.app.push_screen(
                Confirm(
                    "Replace the existing file?",
                    f"{target} exists. Saving replaces it with this bank.",
                    yes="Replace",
                ),
                confirmed,
            )
            return
        self._save_now(target, then_quit)

    def _save_now(self, target: Path, then_quit: bool) -> None:
        draft = self.draft
        assert draft is not None
        try:
            result = save_draft(draft, target)
        except DraftError as error:
            self.notify(
                "\n".join(error.problems[:4]), title="Not saved", severity="error", markup=False
            )
            return
        self.notify(
            saved_message(result, join_library(result.path, self.app.config.data_dir)),
            title="Saved",
            markup=False,
        )
        self.update_status()
        if then_quit:
            self._quit()

    def action_quit(self) -> None:
        draft = self.draft
        if draft is None or not draft.dirty:
            self._quit()
            return

        def chosen(choice: str | None) -> None:
            if choice == "save":
                self.save(then_quit=True)
            elif choice == "discard":
                self._quit()

        counts = draft.counts()
        self.app.push_screen(UnsavedChanges(counts[ItemState.PENDING]), chosen)

    def _quit(self) -> None:
        """Out through the app's quit path, which waits for answers still being saved and asks
        before losing any (a quiz played in this app may hold some). A draft that could not be
        made exits with 1 for scripts; with no quiz played in this app there is nothing to
        lose, so it exits at once."""
        if self.failed and not self.app.recorders:
            self.app.exit(return_code=1)
            return
        self.app.quit_safely()
