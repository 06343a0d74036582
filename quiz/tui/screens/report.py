"""The item analysis on screen (``quiz report BANK --results ... --tui``).

Two tables a teacher moves through with the keyboard: the questions, those to check first
(negative discrimination, then low, then the rest hardest first), and the learners, lowest
score first. The highlighted row's details (the prompt, what was answered wrong, why it is
flagged, or which questions a learner missed) show between them. Tab moves between the
tables, the arrows along them; Escape goes back from the learners to the questions (on the
questions it only says that q quits: nothing is left by accident), q quits. On a small
terminal (fewer than 34 lines) the tables get the room: the summary is left out and the
details wait for d, which shows them in place of the other table (under the table in use,
its heading first). d also goes into the
details, where the arrows, PgUp/PgDn and Home/End scroll them (a long list of wrong answers
or learners' notes runs past their height); d again, or Esc, comes back to the table.

The report is computed before the app starts (:mod:`quiz.report`, pure): this screen only
shows it. Prompts, answers and learner names come from other people's files; every cell is a
:class:`rich.text.Text` and every other line a :class:`~textual.content.Content`, so that
``[b]`` in them is shown as written and never read as markup.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Static

from quiz.plural import plural
from quiz.report import Report, attention_first
from quiz.report.model import QuestionReport, StudentReport
from quiz.report.words import (
    counts_text,
    discrimination_line,
    discrimination_note,
    figure,
    flag_headline,
    flag_note,
    flagged_summary,
    percent,
    seconds,
    type_name,
)
from quiz.tui.text import TYPE_TAGS
from quiz.tui.widgets.footer import KeyBar
from quiz.tui.widgets.topbar import TopBar, brand

__all__ = ["DetailPane", "ReportScreen", "question_rows"]

#: The question last: the one column of any length, its prompt cut with an ellipsis to the
#: width left by the others (the details below show it whole, with its id), so that at 80
#: columns nothing runs past the edge, and never the type or a figure.
QUESTION_COLUMNS = ("check", "discr", "right", "asked", "median", "flags", "type", "question")
STUDENT_COLUMNS = ("score", "answers", "learner", "missed")
CHECK_STYLE = {"negative": "bold red", "low": "bold yellow", "flagged": "bold yellow"}
#: The question column is never narrower than this: on a narrow terminal it runs past the edge
#: (the table scrolls sideways) rather than shrinking to a few letters.
MIN_QUESTION_WIDTH = 16


def question_rows(report: Report) -> list[QuestionReport]:
    """The questions as the table lists them: to check first, then hardest first."""
    return attention_first(report.questions)


def check_cell(q: QuestionReport) -> Text:
    """What to check about a question: its discrimination (``negative``, ``low``), else
    ``flagged`` when learners flagged it, as the text report says under its row (the column
    was empty for a flagged question: the flags column's count alone was easy to miss, and
    with fewer than five learners no discrimination is given at all). One word, so that the
    column stays narrow at 80 columns: a question with both shows its discrimination, and
    its flags in the flags column beside it."""
    d = q.discrimination
    mark = d.status if d.flagged else "flagged" if q.flags else ""
    return Text(mark, style=CHECK_STYLE.get(mark, ""))


def prompt_cell(q: QuestionReport) -> Text:
    """The question's prompt on one line, cut with an ellipsis where its column ends: a
    teacher reads the question, not its id (the details show the id, with ``d``)."""
    return Text(" ".join(q.prompt.split()) or q.id, no_wrap=True, overflow="ellipsis")


SCROLL_TIP = "in the details: scroll them a line or a page"
ENDS_TIP = "in the details: to their top or their end"
BACK_TIP = "back: from the details to their table, from the learners to the questions"


class DetailPane(VerticalScroll):
    """The highlighted row's details (the ``#report-detail`` text inside): reached with d
    (or a click), scrolled with the keys as any scrolling box of the app is (a long list of
    wrong answers or learners' notes could only be scrolled with the mouse)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "scroll_down", "Scroll", key_display="↑↓", tooltip=SCROLL_TIP),
        Binding("up", "scroll_up", "Scroll", show=False, key_display="↑↓", tooltip=SCROLL_TIP),
        Binding("pagedown", "page_down", show=False, key_display="PgUp PgDn", tooltip=SCROLL_TIP),
        Binding("pageup", "page_up", show=False, key_display="PgUp PgDn", tooltip=SCROLL_TIP),
        Binding("home", "scroll_home", show=False, key_display="Home", tooltip=ENDS_TIP),
        Binding("end", "scroll_end", show=False, key_display="End", tooltip=ENDS_TIP),
        # shown before the screen's keys: at 40 columns, what leaves the details is what fits
        Binding("escape", "screen.back", "Back", tooltip=BACK_TIP),
    ]

    def compose(self) -> ComposeResult:
        yield Static(id="report-detail")

    def show(self, content: Content) -> None:
        """New details, read from their top."""
        self.query_one("#report-detail", Static).update(content)
        self.scroll_home(animate=False)


class ReportScreen(Screen[None]):
    """The report of one bank: the question table, the details of the highlighted row, the
    learner table."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "other_table", "Questions/learners", tooltip="the other table"),
        Binding(
            "d",
            "details",
            "Details",
            tooltip=(
                "into the highlighted row's details, to scroll them, and back (on a small "
                "terminal d shows them in place of the other table, and hides them again)"
            ),
        ),
        Binding("escape", "back", "Back", tooltip=BACK_TIP),
        Binding("q", "quit", "Quit", tooltip="quit the report"),
        Binding("question_mark", "app.help", "Help", show=False, tooltip="this help"),
    ]

    DEFAULT_CSS = """
    ReportScreen { layout: vertical; }
    ReportScreen #report-summary { height: auto; padding: 0 1; color: $text-muted; }
    ReportScreen .report-title {
        height: 1; padding: 0 1; text-style: bold; margin-top: 1;
        text-wrap: nowrap; text-overflow: ellipsis;
    }
    ReportScreen #report-questions { height: 2fr; }
    ReportScreen #detail-pane {
        height: auto; max-height: 7; padding: 0 1; border-top: solid $primary 40%;
        scrollbar-size-vertical: 1;
    }
    ReportScreen #detail-pane:focus { border-top: solid $accent; background: $accent 8%; }
    ReportScreen #report-detail { height: auto; }
    ReportScreen #report-students { height: 1fr; }
    ReportScreen.-compact #report-summary { display: none; }
    ReportScreen.-compact .report-title { margin-top: 0; }
    ReportScreen.-compact #detail-pane { display: none; }
    ReportScreen.-compact.-details #detail-pane { display: block; max-height: 50%; }
    ReportScreen.-compact.-details .-learners-part { display: none; }
    ReportScreen.-compact.-details.-on-learners .-learners-part { display: block; }
    ReportScreen.-compact.-details.-on-learners .-questions-part { display: none; }
    """

    #: Below this many lines the tables get the room: the summary is left out and the
    #: details of the highlighted row wait for ``d`` (then the other table makes way).
    COMPACT_BELOW = 34

    def __init__(self, report: Report) -> None:
        super().__init__()
        self.report = report
        self.questions = {q.id: q for q in report.questions}
        self.students = {s.learner_id: s for s in report.students}
        self.showing = "report-questions"  # the table whose highlighted row the details show

    def compose(self) -> ComposeResult:
        report = self.report
        status = (  # the spaces keep a long title off the figures
            f"   {plural(report.learners, 'learner')} · {plural(report.attempts, 'attempt')}"
            f" · {percent(report.percent_right)} right"
        )
        yield TopBar(brand("Report", report.title), Content(status))
        yield Static(self._summary(), id="report-summary")
        yield Static(
            Content("Questions: to check first, then hardest first"),
            classes="report-title -questions-part",
        )
        yield DataTable(
            id="report-questions",
            cursor_type="row",
            zebra_stripes=True,
            classes="-questions-part",
        )
        yield DetailPane(id="detail-pane")
        yield Static(Content("Learners: lowest score first"), classes="report-title -learners-part")
        yield DataTable(
            id="report-students", cursor_type="row", zebra_stripes=True, classes="-learners-part"
        )
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one("#report-questions", DataTable)
        table.add_columns(*(Text(c) for c in QUESTION_COLUMNS[:-1]))
        table.add_column(Text(QUESTION_COLUMNS[-1]), width=MIN_QUESTION_WIDTH, key="question")
        for q in question_rows(self.report):
            d = q.discrimination
            table.add_row(
                check_cell(q),
                Text(figure(d.point_biserial), justify="right"),
                Text(percent(q.percent_right), justify="right"),
                Text(str(q.asked), justify="right"),
                Text(seconds(q.median_seconds), justify="right"),
                Text(str(len(q.flags)) if q.flags else "", justify="right"),
                Text(TYPE_TAGS.get(q.type, type_name(q.type))),
                prompt_cell(q),
                key=q.id,
            )
        students = self.query_one("#report-students", DataTable)
        students.add_columns(*(Text(c) for c in STUDENT_COLUMNS))
        for s in self.report.students:
            students.add_row(
                Text(percent(s.percent_right), justify="right"),
                Text(str(s.attempts), justify="right"),
                Text(s.name),
                Text(", ".join(s.missed) if s.missed else "none"),
                key=s.learner_id,
            )
        table.focus()
        if not table.row_count:
            self.query_one(DetailPane).show(Content("No answers to this bank yet."))
            self.add_class("-details")  # shown on a small terminal too: it is all there is

    def _summary(self) -> Content:
        """Who and what the report covers, which discrimination index it gives, what to
        check."""
        report = self.report
        lines = [Content(f"bank {report.bank_id}")]
        if report.sources:
            lines.append(Content("from " + ", ".join(name for name, _ in report.sources)))
        if report.attempts:
            lines.append(Content(discrimination_note(report)))
        if report.flagged:
            listed = ", ".join(
                f"{q.id} ({figure(q.discrimination.point_biserial)})" for q in report.flagged
            )
            lines.append(Content.assemble(("to check: ", "bold $warning"), listed))
        by_learners = flagged_summary(report.questions)
        if by_learners:
            lines.append(Content.assemble(("flagged by learners: ", "bold $warning"), by_learners))
        return Content("\n").join(lines)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """The details follow the cursor of the table in use (both tables report their first
        row when filled; only one is shown)."""
        if event.data_table.id == self.showing:
            self._show(event.data_table.id, event.row_key.value)

    def on_descendant_focus(self) -> None:
        """Moving to a table shows its highlighted row's details."""
        focused = self.focused
        if isinstance(focused, DataTable) and focused.row_count and focused.id:
            self.showing = focused.id
            self._on_learners(focused.id == "report-students")
            row = focused.coordinate_to_cell_key(focused.cursor_coordinate).row_key
            self._show(focused.id, row.value)

    def _show(self, table: str | None, key: str | None) -> None:
        if table == "report-questions" and key in self.questions:
            self._show_question(self.questions[key])
        elif table == "report-students" and key in self.students:
            self._show_student(self.students[key])

    def _show_question(self, q: QuestionReport) -> None:
        d = q.discrimination
        lines = [Content.assemble((q.id, "bold"), f" · {type_name(q.type)}  ", q.prompt)]
        picked = [c for c in q.wrong_options if c.count or c.in_bank]
        if picked:
            lines.append(Content("wrong options picked: " + counts_text(picked)))
        if q.wrong_answers:
            lines.append(Content("wrong answers: " + counts_text(q.wrong_answers, 120)))
        if d.flagged:
            lines.append(Content.styled(discrimination_line(d), "bold $warning"))
        elif d.reason:
            lines.append(Content(f"discrimination: {d.reason}"))
        if q.flags:
            lines.append(Content.styled(flag_headline(q.flags), "bold $warning"))
            lines.extend(Content("  " + flag_note(f)) for f in q.flags if f.note)
        self.query_one(DetailPane).show(Content("\n").join(lines))

    def _show_student(self, s: StudentReport) -> None:
        missed = ", ".join(s.missed) if s.missed else "nothing"
        lines = [
            Content.assemble(
                (s.name, "bold"),
                f"  {percent(s.percent_right)} right in {plural(s.attempts, 'attempt')}, "
                f"{plural(s.questions, 'question')}",
            ),
            Content(f"missed: {missed}"),
        ]
        self.query_one(DetailPane).show(Content("\n").join(lines))

    def on_resize(self) -> None:
        compact = self.size.height < self.COMPACT_BELOW
        if compact != self.has_class("-compact"):
            self.set_class(compact, "-compact")
            self._place_details()
            self.refresh_bindings()
        self.call_after_refresh(self._fit_prompts)

    def _fit_prompts(self) -> None:
        """Give the question column the width the other columns leave (its prompts are cut
        to it with an ellipsis), once the table is laid out at the new size. A column's width
        is fixed when it is added: the column is added again, its cells with it."""
        table = self.query_one("#report-questions", DataTable)
        columns = list(table.columns.values())
        others = sum(c.get_render_width(table) for c in columns[:-1])
        room = table.scrollable_content_region.width - others - 2 * table.cell_padding
        width = max(MIN_QUESTION_WIDTH, room)
        if columns[-1].width == width or table.scrollable_content_region.width <= 0:
            return
        cursor = table.cursor_coordinate
        table.remove_column("question")
        table.add_column(Text(QUESTION_COLUMNS[-1]), width=width, key="question")
        for q in question_rows(self.report):
            table.update_cell(q.id, "question", prompt_cell(q))
        table.cursor_coordinate = cursor

    def _on_learners(self, learners: bool) -> None:
        """The learners' table is the one in use (on a small terminal, the one shown)."""
        self.set_class(learners, "-on-learners")
        self._place_details()

    def _place_details(self) -> None:
        """The details under the table they are of, with its heading above both: between the
        tables on a tall terminal, as they were; on a small one the learners' table takes the
        questions' place, heading first, and the details come under it (between the tables,
        a learner's details opened above the "Learners" heading)."""
        pane = self.query_one(DetailPane)
        under = (
            "#report-students"
            if self.has_class("-compact") and self.has_class("-on-learners")
            else "#report-questions"
        )
        table = self.query_one(under, DataTable)
        children = list(self.children)
        if children.index(pane) != children.index(table) + 1:
            self.move_child(pane, after=table)

    def action_details(self) -> None:
        """Into the details, to scroll them, and out again. On a small terminal they wait
        for d: it shows them and goes into them, and hides them again (from the details or
        the table); on a tall one they always show, and d only moves in and out."""
        pane = self.query_one(DetailPane)
        compact = self.has_class("-compact")
        if compact and self.has_class("-details"):
            self.remove_class("-details")
            if pane.has_focus:
                self._use(self.showing)
        elif pane.has_focus:
            self._use(self.showing)
        else:
            if compact:
                self.add_class("-details")
            self.call_after_refresh(pane.focus)

    def action_other_table(self) -> None:
        self._use("report-questions" if self.showing == "report-students" else "report-students")

    def _use(self, table_id: str) -> None:
        """Moves to a table: shown first (when the details leave room for one table only),
        then focused."""
        self._on_learners(table_id == "report-students")
        table = self.query_one(f"#{table_id}", DataTable)
        self.call_after_refresh(table.focus)

    def action_back(self) -> None:
        """Back from the details to their table (they stay shown), from the learners to the
        questions. This screen is the first: there is nothing behind it to go back to, so
        Escape never quits (q does)."""
        if self.query_one(DetailPane).has_focus:
            self._use(self.showing)
            return
        questions = self.query_one("#report-questions", DataTable)
        if questions.has_focus:
            self.notify("Press q to quit the report.", timeout=4, markup=False)
        else:
            self._use("report-questions")

    def action_quit(self) -> None:
        """Nothing on this screen can be lost: q quits at once."""
        self.app.exit()
