"""What the home screen lists: a bank file as an entry (its summary, then the learner's
progress on it), the progress read from the scores, and the two lines each entry shows."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from textual.content import Content

from quiz.bank.cache import BankSummary
from quiz.bank.reading import Found
from quiz.plural import plural
from quiz.tui.progress import LastScore

if TYPE_CHECKING:
    from quiz.tui.app import QuizApp


@dataclass(frozen=True)
class BankEntry:
    """A bank file as the home screen lists it: its summary (from the folder index, so that a
    library of hundreds of banks lists at once, or from a glance at a new file until it is
    ``checked``) and, once the scores are read, the learner's progress on it (``scored``)."""

    path: Path
    summary: BankSummary
    last: LastScore | None = None
    due: int = 0
    studied: int = 0  # questions answered at least once, in a quiz or a review (cram aside)
    scored: bool = False
    checked: bool = True  # loaded and validated; else a glance, and the count may be unknown
    counted: bool = True

    @property
    def ok(self) -> bool:
        return self.summary.ok

    @property
    def errors(self) -> tuple[str, ...]:
        return self.summary.errors

    @property
    def order(self) -> tuple[bool, str]:
        """The ones you can play first (by title), the broken ones after (by file name)."""
        return (not self.ok, self.summary.title.casefold() if self.ok else self.path.name)


def entry_of(found: Found) -> BankEntry:
    return BankEntry(
        Path(found.summary.path), found.summary, checked=found.checked, counted=found.counted
    )


@dataclass(frozen=True)
class Progress:
    """The learner's last score, due count and questions studied per bank id, as read from
    the scores."""

    last: Mapping[str, LastScore]
    due: Mapping[str, int]
    studied: Mapping[str, int] = field(default_factory=dict)

    def on(self, entry: BankEntry) -> BankEntry:
        bank_id = entry.summary.id
        return replace(
            entry,
            last=self.last.get(bank_id),
            due=self.due.get(bank_id, 0),
            studied=self.studied.get(bank_id, 0),
            scored=True,
        )


def read_progress(app: QuizApp, entries: list[BankEntry]) -> Progress | None:
    """Runs on a worker thread, after the list is shown (opening the scores database can take
    a while): the learner's last scores and due counts, or None when the scores cannot be read
    (progress is a nicety: the banks list without it).

    Due counts leave out questions removed from a bank since they were answered: they keep
    their history but leave every queue. A bank not checked yet has no question ids to go by:
    its due count comes with the next reading, once it is checked.

    The last score is a finished quiz's (``quiz play``, or a bank started from home): a review
    spans banks and scores none of them, so a bank studied only in reviews has no last score,
    and is shown with how many of its questions were studied instead (its cards, read from
    the scores database; none when the app runs without one)."""
    config = app.config
    known = {e.summary.id: frozenset(e.summary.question_ids) for e in entries if e.ok and e.checked}
    try:
        last = dict(config.progress.last_scores())
        due = dict(config.progress.due_count_by_bank(config.clock(), known_questions=known))
        store = app.scores_store()
        cards = store.card_ids_by_bank() if store is not None else {}
    except Exception:
        return None
    return Progress(last, due, _studied(cards, known))


def _studied(
    cards: Mapping[str, Collection[str]], known: Mapping[str, Collection[str]]
) -> dict[str, int]:
    """Per bank id, how many of its questions have a card (were answered outside cram); of a
    checked bank, only the questions it still has count (as its due count does)."""
    counts: dict[str, int] = {}
    for bank_id, ids in cards.items():
        has = known.get(bank_id)
        counts[bank_id] = len(ids) if has is None else sum(1 for q in ids if q in has)
    return counts


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
    count = plural(bank.questions, "question") if entry.counted else "questions not counted yet"
    meta: list[str | tuple[str, str]] = [(count, "$text-muted")]
    if entry.scored:
        meta += _progress(entry)  # before the date: a narrow terminal cuts the line's end
    if bank.as_of:
        meta.append((f"  ·  as of {bank.as_of}", "$text-muted"))
    return Content.assemble((bank.title, "bold"), "\n", *meta)


def shown(entry: BankEntry) -> tuple[object, ...]:
    """What :func:`entry_prompt` shows of an entry: equal for two entries listed alike."""
    bank = entry.summary
    return (
        bank.errors,
        entry.path.name,
        bank.title,
        bank.questions,
        bank.as_of,
        entry.counted,
        entry.scored,
        entry.last,
        entry.due,
        entry.studied,
    )


def _progress(entry: BankEntry) -> list[str | tuple[str, str]]:
    meta: list[str | tuple[str, str]] = []
    if entry.last is not None and entry.last.total:
        pct = round(100 * entry.last.correct / entry.last.total)
        meta.append(("  ·  last ", "$text-muted"))
        meta.append((f"{entry.last.correct}/{entry.last.total} ({pct}%)", "bold"))
    elif entry.studied:  # in reviews only: they score no bank
        meta.append(("  ·  ", "$text-muted"))
        meta.append((str(entry.studied), "bold"))
        meta.append((" studied", "$text-muted"))
    else:
        meta.append(("  ·  not played yet", "$text-muted"))
    if entry.due:
        meta.append(("  ·  ", "$text-muted"))
        meta.append((f"{entry.due} due", "bold $warning"))
    return meta
