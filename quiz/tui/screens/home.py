"""The banks you can study, with progress; Enter starts a quiz."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import LoadingIndicator, OptionList, Static
from textual.widgets.option_list import Option

from quiz.bank.cache import BankSummary
from quiz.library import user_banks_dir
from quiz.tui.progress import LastScore
from quiz.tui.widgets.footer import KeyBar
from quiz.tui.widgets.topbar import TopBar, brand

if TYPE_CHECKING:
    from quiz.tui.app import QuizApp


@dataclass(frozen=True)
class BankEntry:
    """A bank file as the home screen lists it: its summary (from the folder index, so that a
    library of hundreds of banks lists at once) and, once the scores are read, the learner's
    progress on it (``scored``)."""

    path: Path
    summary: BankSummary
    last: LastScore | None = None
    due: int = 0
    scored: bool = False

    @property
    def ok(self) -> bool:
        return self.summary.ok

    @property
    def errors(self) -> tuple[str, ...]:
        return self.summary.errors


def list_banks(app: QuizApp) -> list[BankEntry]:
    """Runs on a worker thread: every bank file, summarised or with its errors; the ones you
    can play first (by title), the broken ones after."""
    entries = [
        BankEntry(Path(summary.path), summary)
        for summary in app.bank_cache.summaries(app.bank_files())
    ]
    return sorted(
        entries,
        key=lambda e: (not e.ok, e.summary.title.casefold() if e.ok else e.path.name),
    )


def with_progress(app: QuizApp, entries: list[BankEntry]) -> list[BankEntry] | None:
    """Runs on a worker thread, after the list is shown (opening the scores database can take
    a while): the entries with the learner's last score and due count, or None when the scores
    cannot be read (progress is a nicety: the banks list without it).

    Due counts leave out questions removed from a bank since they were answered: they keep
    their history but leave every queue."""
    config = app.config
    known = {e.summary.id: frozenset(e.summary.question_ids) for e in entries if e.ok}
    try:
        scores = dict(config.progress.last_scores())
        due = dict(config.progress.due_count_by_bank(config.clock(), known_questions=known))
    except Exception:
        return None
    return [
        replace(e, last=scores.get(e.summary.id), due=due.get(e.summary.id, 0), scored=True)
        for e in entries
    ]


def entry_prompt(entry: BankEntry) -> Content:
    """Two lines: the title, then what is in it and how you did (all literal)."""
    if not entry.ok:
        first = entry.errors[0] if entry.errors else "cannot be read"
        more = f"  (+{len(entry.errors) - 1} more)" if len(entry.errors) > 1 else ""
        return Content.assemble(
            ("⚠ ", "$warning"),
            (entry.path.name, "bold"),
            ("  can't be used", "$text-muted"),
            "\n",
            (first + more, "$text-muted"),
        )
    bank = entry.summary
    meta: list[str | tuple[str, str]] = [
        (f"{bank.questions} questions", "$text-muted"),
    ]
    if entry.scored:
        meta += _progress(entry)  # before the date: a narrow terminal cuts the line's end
    if bank.as_of:
        meta.append((f"  ·  as of {bank.as_of}", "$text-muted"))
    return Content.assemble((bank.title, "bold"), "\n", *meta)


def _progress(entry: BankEntry) -> list[str | tuple[str, str]]:
    meta: list[str | tuple[str, str]] = []
    if entry.last is not None and entry.last.total:
        pct = round(100 * entry.last.correct / entry.last.total)
        meta.append(("  ·  last ", "$text-muted"))
        meta.append((f"{entry.last.correct}/{entry.last.total} ({pct}%)", "bold"))
    else:
        meta.append(("  ·  not played yet", "$text-muted"))
    if entry.due:
        meta.append(("  ·  ", "$text-muted"))
        meta.append((f"{entry.due} due", "bold $warning"))
    return meta


class BankList(OptionList):
    """The banks; Enter starts a quiz on the highlighted one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Start",
                tooltip="start the highlighted bank: how many questions, which types and "
                        "tags, only the ones missed last time (remembered per bank)"),
    ]


class HomeScreen(Screen[None]):
    CSS_PATH = "home.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "play", "Start", show=False,
                tooltip="start the highlighted bank: how many questions, which types and "
                        "tags, only the ones missed last time (remembered per bank)"),
        Binding("r", "app.review", "Review",
                tooltip="review what is due today across your banks (spaced repetition)"),
        Binding("c", "cram", "Cram",
                tooltip="cram the highlighted bank: every question, its schedule untouched"),
        Binding("s", "app.show_stats", "Stats",
                tooltip="your streak, calendar, forecast and mastery"),
        Binding("q", "app.request_quit", "Quit", tooltip="quit (after confirming)"),
        Binding("question_mark", "app.help", "Help", tooltip="this help"),
        Binding("ctrl+t", "app.toggle_theme", "Light/dark",
                tooltip="switch between the light and dark theme"),
    ]

    app: QuizApp

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[BankEntry] = []

    def compose(self) -> ComposeResult:
        yield TopBar(brand("your banks"))
        with Vertical(id="home"):
            yield Static(Content("Choose a bank and press Enter to start."), id="lead")
            yield LoadingIndicator(id="loading")
            yield BankList(id="banks")
            yield Static(id="detail")
            yield Static(id="empty")
        yield KeyBar()

    def on_mount(self) -> None:
        self.app.visited_home = True  # a quiz started from here ends back here
        self.query_one("#banks").display = False
        self.query_one("#empty").display = False
        self.query_one("#lead").display = False
        self.query_one("#detail").display = False
        self.load()

    @work(thread=True, exclusive=True, group="banks")
    def load(self) -> None:
        entries = list_banks(self.app)
        self.app.call_from_thread(self.show_entries, entries)
        # the scores once the list is painted: opening them meanwhile would slow the paint
        self.app.call_from_thread(self.call_after_refresh, self._list_painted, entries)

    def _list_painted(self, entries: list[BankEntry]) -> None:
        self.app.open_scores()
        if entries:
            self.load_progress(entries)

    @work(thread=True, exclusive=True, group="progress")
    def load_progress(self, entries: list[BankEntry]) -> None:
        scored = with_progress(self.app, entries)
        if scored is not None:
            self.app.call_from_thread(self.show_progress, scored)

    def show_entries(self, entries: list[BankEntry]) -> None:
        self.entries = entries
        self.app.known_banks = [e.summary for e in entries if e.ok]
        self.query_one("#loading").display = False
        banks = self.query_one("#banks", OptionList)
        if not entries:
            folder = user_banks_dir(self.app.config.data_dir)
            self.query_one("#empty", Static).update(
                Content.assemble(
                    ("No banks yet.", "bold"),
                    "\n\nMake one from an article:  ",
                    ("quiz generate article.txt", "bold $accent"),
                    "\nor put a bank ",
                    (".yaml", "bold"),
                    " file in  ",
                    (_display_path(folder), "bold"),
                    "\n\nSee ",
                    ("docs/bank-format.md", "bold"),
                    " for the format.",
                )
            )
            self.query_one("#empty").display = True
            banks.disabled = True
            self.set_focus(None)
            self.refresh_bindings()
            return
        banks.clear_options()
        options: list[Option | None] = []
        for i, entry in enumerate(entries):
            if i:
                options.append(None)  # a thin rule between banks
            options.append(Option(entry_prompt(entry), id=str(i)))
        banks.add_options(options)
        banks.display = True
        self.query_one("#lead").display = True
        self.query_one("#detail").display = True
        banks.highlighted = 0
        banks.focus()
        self._describe(0)
        self.refresh_bindings()

    def show_progress(self, entries: list[BankEntry]) -> None:
        """Add the learner's progress to the banks already listed."""
        if not self.is_attached or [e.path for e in entries] != [e.path for e in self.entries]:
            return  # the screen is gone, or its list was loaded again (its progress follows)
        banks = self.query_one("#banks", OptionList)
        for index, entry in enumerate(entries):
            banks.replace_option_prompt_at_index(index, entry_prompt(entry))
        self.entries = entries

    @on(OptionList.OptionHighlighted, "#banks")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._describe(int(event.option.id or 0))

    def _describe(self, index: int | None) -> None:
        detail = self.query_one("#detail", Static)
        if index is None or not 0 <= index < len(self.entries):
            detail.update("")
            return
        entry = self.entries[index]
        if not entry.ok:
            lines = [Content.styled(f"{entry.path.name} can't be used:", "bold $warning")]
            lines += [Content(line) for line in entry.errors[:6]]
            if len(entry.errors) > 6:
                lines.append(Content(f"… and {len(entry.errors) - 6} more"))
            lines.append(
                Content.styled(
                    f"Run  quiz check {entry.path.name}  to see them all.", "$text-muted"
                )
            )
            detail.update(Content("\n").join(lines))
            return
        bank = entry.summary
        counts = dict(bank.by_type)
        from quiz.tui.screens.quiz import TYPE_NAMES

        kinds = ", ".join(
            f"{n} {TYPE_NAMES.get(t, t).lower()}"
            for t, n in sorted(counts.items(), key=lambda kv: -kv[1])
        )
        parts: list[Content] = []
        if bank.description:
            parts.append(Content(" ".join(bank.description.split())))
        source = bank.source_title
        if bank.source_outlet:
            source += f" — {bank.source_outlet}"
        parts.append(Content.assemble(("Article  ", "$text-muted"), source))
        parts.append(Content.assemble(("Types    ", "$text-muted"), kinds))
        detail.update(Content("\n").join(parts))

    @on(OptionList.OptionSelected, "#banks")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.play(int(event.option.id or 0))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("play", "cram"):
            return bool(self.entries)
        return True

    def action_cram(self) -> None:
        """Practise the highlighted bank without touching its schedule."""
        banks = self.query_one("#banks", OptionList)
        if banks.highlighted is None or not self.entries:
            return
        entry = self.entries[int(banks.get_option_at_index(banks.highlighted).id or 0)]
        if entry.ok:
            self.app.cram_bank_file(entry.path)
        else:
            self.play(self.entries.index(entry))  # says what is wrong with it

    def action_play(self) -> None:
        banks = self.query_one("#banks", OptionList)
        if banks.highlighted is not None:
            self.play(int(banks.get_option_at_index(banks.highlighted).id or 0))

    def play(self, index: int) -> None:
        entry = self.entries[index]
        if not entry.ok:
            self.notify(
                f"{entry.path.name} has problems; fix them first (quiz check shows them all).",
                title="This bank can't be used",
                severity="warning",
                markup=False,
            )
            return
        self.app.choose_and_start(entry.path)


def _display_path(path: Path) -> str:
    """The folder as a person would type it (``~/...`` under the home directory)."""
    try:
        return "~/" + str(path.relative_to(Path.home()))
    except ValueError:
        return str(path)
