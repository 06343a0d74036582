"""The banks you can study, with progress; Enter starts a quiz.

A library the app has not seen before (a first start, a folder of new banks) is listed as it is
read (:func:`quiz.bank.reading.read_library`): the banks the folder index knows at once, then a
glance at each new one (its title and question count), then each is loaded and checked while
a progress bar says how many remain. 500 new banks take 20-50 s to check; their list shows in
well under a second.
"""

from __future__ import annotations

import contextlib
import shlex
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import LoadingIndicator, OptionList, ProgressBar, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from quiz.bank.reading import Listed, read_library
from quiz.library import user_banks_dir
from quiz.tui.screens.home.entries import (
    BankEntry,
    Progress,
    entry_of,
    entry_prompt,
    read_progress,
    shown,
)
from quiz.tui.widgets.footer import KeyBar
from quiz.tui.widgets.topbar import TopBar, brand

if TYPE_CHECKING:
    from quiz.tui.app import QuizApp


class BankList(OptionList):
    """The banks; Enter starts a quiz on the highlighted one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "select",
            "Start",
            tooltip="start the highlighted bank: how many questions, which types and "
            "tags, only the ones missed last time or not answered yet (remembered per bank)",
        ),
    ]


class HomeScreen(Screen[None]):
    CSS_PATH = "home.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "play",
            "Start",
            show=False,
            tooltip="start the highlighted bank: how many questions, which types and "
            "tags, only the ones missed last time or not answered yet (remembered per bank)",
        ),
        Binding(
            "r",
            "app.review",
            "Review",
            tooltip="review what is due today across your banks (spaced repetition)",
        ),
        Binding(
            "c",
            "cram",
            "Cram",
            tooltip="cram the highlighted bank: every question, its schedule untouched",
        ),
        Binding(
            "s", "app.show_stats", "Stats", tooltip="your streak, calendar, forecast and mastery"
        ),
        Binding("q", "app.request_quit", "Quit", tooltip="quit (after confirming)"),
        Binding("question_mark", "app.help", "Help", tooltip="this help"),
        Binding(
            "ctrl+t",
            "app.toggle_theme",
            "Light/dark",
            tooltip="switch between the light and dark theme",
        ),
    ]

    app: QuizApp

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[BankEntry] = []
        self._found: dict[int, BankEntry] = {}  # by place in the library's file list
        self._progress: Progress | None = None
        self._scores_asked = False
        self._reading_done = False
        self._glanced = False  # some banks were listed from a glance, before their check
        self._progress_asked = 0  # readings of the progress asked for

    def compose(self) -> ComposeResult:
        yield TopBar(brand("your banks"))
        with Vertical(id="home"):
            yield Static(Content("Choose a bank and press Enter to start."), id="lead")
            yield LoadingIndicator(id="loading")
            with Vertical(id="reading"):
                yield Static(id="reading-what")
                yield ProgressBar(id="reading-bar", show_eta=False)
            yield BankList(id="banks")
            yield Static(id="detail")
            yield Static(id="empty")
        yield KeyBar()

    def on_mount(self) -> None:
        self.app.visited_home = True  # a quiz started from here ends back here
        for hidden in ("#banks", "#empty", "#lead", "#detail", "#reading"):
            self.query_one(hidden).display = False
        self.load()

    @work(thread=True, exclusive=True, group="banks")
    def load(self) -> None:
        """Read the library on this worker thread, handing each part to the screen as it is
        read (:func:`~quiz.bank.reading.read_library`)."""
        worker = get_current_worker()
        reading = read_library(self.app.bank_cache, self.app.bank_files())
        with contextlib.closing(reading):  # stopped early, it saves what it checked
            for listed in reading:
                if worker.is_cancelled:
                    return
                try:
                    self.app.call_from_thread(self.show_listed, listed)
                except RuntimeError:  # the app is gone
                    return

    def show_listed(self, listed: Listed) -> None:
        """Add or update the banks just read; the list shows at the first part."""
        if not self.is_attached:
            return
        grew = False
        for found in listed.found:
            grew = grew or found.index not in self._found
            self._glanced = self._glanced or not found.checked
            self._found[found.index] = entry_of(found)
        self._reading_done = listed.complete
        self._show_reading(listed)
        if grew or listed.complete or not self.entries:
            self.show_entries(sorted(self._found.values(), key=lambda e: e.order))
        else:
            self._update_in_place()
        if self.entries and not self._scores_asked:
            self._scores_asked = True
            # the scores once the list is painted: opening them meanwhile would slow the paint
            self.call_after_refresh(self._list_painted)
        elif listed.complete and self._glanced:
            self.load_progress(self.entries)  # with the due counts of the banks checked since

    def _show_reading(self, listed: Listed) -> None:
        """The progress bar while banks remain to be read or checked (none when the folder
        index knew them all): first the glances, which list them, then the checks."""
        reading = self.query_one("#reading")
        reading.display = not listed.complete and bool(self._found)
        if not reading.display:
            return
        what = self.query_one("#reading-what", Static)
        bar = self.query_one("#reading-bar", ProgressBar)
        if len(self._found) < listed.total:
            read = f"{len(self._found)} of {listed.total}"
            what.update(Content.assemble(("Reading banks: ", "$text-muted"), (read, "bold")))
            bar.update(total=listed.total, progress=len(self._found))
            return
        what.update(
            Content.assemble(
                ("Checking new banks: ", "$text-muted"),
                (f"{listed.total - listed.checked} of {listed.total} to go", "bold"),
                ("  (you can start one meanwhile)", "$text-muted"),
            )
        )
        bar.update(total=listed.total, progress=listed.checked)

    def _list_painted(self) -> None:
        self.app.open_scores()
        if self.entries:
            self.load_progress(self.entries)

    def load_progress(self, entries: list[BankEntry]) -> None:
        """Read the learner's progress on a worker thread; only the latest reading is shown
        (a second one follows the check of new banks, with their due counts)."""
        self._progress_asked += 1
        self._read_progress(list(entries), self._progress_asked)

    @work(thread=True, group="progress")
    def _read_progress(self, entries: list[BankEntry], asked: int) -> None:
        progress = read_progress(self.app, entries)
        if progress is not None:
            with contextlib.suppress(RuntimeError):  # the app is gone
                self.app.call_from_thread(self.show_progress, progress, asked)

    def show_entries(self, entries: list[BankEntry]) -> None:
        """List ``entries`` (in this order), keeping the highlighted bank highlighted."""
        if self._progress is not None:
            entries = [self._progress.on(e) for e in entries]
        banks = self.query_one("#banks", OptionList)
        was = self._highlighted_path()
        self.entries = entries
        # the command palette plays them by title: a glance serves, unless it found no count
        self.app.known_banks = [e.summary for e in entries if e.ok and (e.checked or e.counted)]
        if not entries:
            if self._reading_done:
                self._show_empty()
            return
        self.query_one("#loading").display = False
        banks.clear_options()
        options: list[Option | None] = []
        for i, entry in enumerate(entries):
            if i:
                options.append(None)  # a thin rule between banks
            options.append(Option(entry_prompt(entry), id=str(i)))
        banks.add_options(options)
        first = not banks.display
        banks.display = True
        self.query_one("#lead").display = True
        self.query_one("#detail").display = True
        paths = [e.path for e in entries]
        highlighted = paths.index(was) if was in paths else 0
        banks.highlighted = highlighted
        if first:
            banks.focus()
        self._describe(highlighted)
        self.refresh_bindings()

    def _highlighted_path(self) -> Path | None:
        banks = self.query_one("#banks", OptionList)
        if banks.highlighted is None or not self.entries:
            return None
        return self.entries[int(banks.get_option_at_index(banks.highlighted).id or 0)].path

    def _update_in_place(self) -> None:
        """Banks checked since the last part replace their glance where they are listed (the
        order is put right once every bank is read: a list reordering under the cursor every
        tenth of a second would be hard to use)."""
        banks = self.query_one("#banks", OptionList)
        latest = {e.path: e for e in self._found.values()}
        for index, entry in enumerate(self.entries):
            now = latest.get(entry.path, entry)
            if now is not entry:
                if self._progress is not None:
                    now = self._progress.on(now)
                self.entries[index] = now
                if shown(now) != shown(entry):  # a glance that was right costs no layout
                    banks.replace_option_prompt_at_index(index, entry_prompt(now))
        highlighted = banks.highlighted
        if highlighted is not None:
            self._describe(int(banks.get_option_at_index(highlighted).id or 0))

    def _show_empty(self) -> None:
        self.query_one("#loading").display = False
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
        self.query_one("#banks", OptionList).disabled = True
        self.set_focus(None)
        self.refresh_bindings()

    def show_progress(self, progress: Progress, asked: int = 0) -> None:
        """Add the learner's progress to the banks already listed."""
        if not self.is_attached or asked < self._progress_asked:
            return  # the screen is gone, or a later reading is on its way
        self._progress = progress
        banks = self.query_one("#banks", OptionList)
        for index, entry in enumerate(self.entries):
            scored = progress.on(entry)
            self.entries[index] = scored
            banks.replace_option_prompt_at_index(index, entry_prompt(scored))

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
            # by its name in the library, which works from any folder (the file name alone
            # worked only from inside the banks folder)
            lines.append(
                Content.styled(
                    f"Run  quiz check {shlex.quote(entry.path.stem)}  to see them all.",
                    "$text-muted",
                )
            )
            detail.update(Content("\n").join(lines))
            return
        bank = entry.summary
        counts = dict(bank.by_type)
        from quiz.bank.model import TYPE_NAMES

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
