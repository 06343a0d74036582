"""A spaced-repetition review: what is due across banks, as a :class:`~quiz.session.Session`.

No Textual here. The store says which cards are due (most overdue first) and which new
questions fit in today's budget; the banks found on disk say which questions still exist
(a question removed from its bank leaves the queue) and supply the questions themselves, each
from its own bank, so the feedback quotes the right article and its "as of" date.

Siblings (questions sharing a fact or a sentence of the article, see
:func:`quiz.session.sibling_keys`) are buried as Anki buries them: once a question is
answered, its siblings wait until the next day, and a review asks at most one question of a
group of siblings.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING

from quiz.bank.cache import no_collections
from quiz.bank.model import Bank, Question
from quiz.record import Recorder
from quiz.session import Clock, Options, Session, mixed_bank, sibling_keys, utc_now
from quiz.timings import timed

if TYPE_CHECKING:
    from quiz.store import KnownQuestions, ScoreStore

__all__ = [
    "DEFAULT_NEW_LIMIT",
    "REVIEW_LIMIT",
    "ReviewPlan",
    "cram_session",
    "describe_when",
    "known_questions",
    "next_due",
    "plan_review",
    "review_session",
    "unique_banks",
]

#: New questions introduced per day, across all banks (``quiz review --new N`` changes it).
DEFAULT_NEW_LIMIT = 20
#: At most this many questions in one review (Anki's default daily review cap).
REVIEW_LIMIT = 200
#: The title of a review over several banks.
REVIEW_TITLE = "Review"


@dataclass(frozen=True, slots=True)
class ReviewPlan:
    """Today's review. ``items`` in the order to ask them: due cards, most overdue first,
    then new questions. ``due_now`` / ``due_tomorrow`` count scheduled cards (due by now / by
    the end of tomorrow, which includes ``due_now``); ``new`` the new questions included.
    ``next_due`` is when the next card falls due after ``now`` (``None``: no card scheduled)."""

    items: tuple[tuple[Bank, Question], ...]
    due_now: int
    due_tomorrow: int
    new: int
    next_due: datetime | None
    banks: tuple[Bank, ...]
    now: datetime
    scope: Bank | None = None  # the one bank reviewed, or None for all of them
    unseen: int = 0  # questions never answered in these banks (new ones left for later days)
    buried: int = 0  # siblings of questions answered today (or in this review): tomorrow

    @property
    def empty(self) -> bool:
        return not self.items

    @property
    def due(self) -> int:
        """Scheduled cards in this review (the rest are new)."""
        return len(self.items) - self.new

    def ids(self) -> list[tuple[str, str]]:
        """(bank id, question id) of each question, in order."""
        return [(bank.id, question.id) for bank, question in self.items]


def unique_banks(banks: Iterable[Bank]) -> list[Bank]:
    """One bank per id (the first found wins, as with a bank id on the command line)."""
    seen: set[str] = set()
    kept: list[Bank] = []
    for bank in banks:
        if bank.id not in seen:
            seen.add(bank.id)
            kept.append(bank)
    return kept


def known_questions(banks: Iterable[Bank]) -> dict[str, list[str]]:
    """Bank id -> its question ids in bank order: what exists now (read from a big cached
    bank's id column, without building its questions)."""
    from quiz.bank.cache_rows import question_ids

    return {bank.id: list(question_ids(bank.questions)) for bank in banks}


@timed("plan_review")  # read by benchmarks/review_command.py through the real `quiz review`
def plan_review(
    store: ScoreStore,
    banks: Sequence[Bank],
    now: datetime,
    *,
    scope: Bank | None = None,
    new_limit: int = DEFAULT_NEW_LIMIT,
    limit: int = REVIEW_LIMIT,
) -> ReviewPlan:
    """What to review at ``now``: across ``banks``, or only ``scope``.

    Siblings are buried: a question whose sibling was answered today waits until tomorrow
    (the feedback of that answer showed its fact or its sentence), and of the siblings due
    together only the first (most overdue, or first new) is asked today. A question answered
    today itself is never buried (it is back for a learning step: its answer was shown
    anyway). Buried new questions give their place in today's budget to others."""
    with no_collections():
        return _plan(store, banks, now, scope=scope, new_limit=new_limit, limit=limit)


def _plan(
    store: ScoreStore,
    banks: Sequence[Bank],
    now: datetime,
    *,
    scope: Bank | None,
    new_limit: int,
    limit: int,
) -> ReviewPlan:
    """:func:`plan_review` with the cyclic collector paused (the sets below are many
    containers, none of them garbage, whose allocation sets off collections that walk the
    banks: one fell inside a queue call, 10-12 ms of a call that takes 2-3 ms without it).

    Sibling keys are computed only for the questions whose keys can matter, not for every
    question of every bank (100,000 of them took 0.2 s): keys carry their bank's id, so a
    question answered today can bury only questions of its own bank; due cards are at most
    ``limit``; and new questions are looked at in bank order only until the day's budget is
    filled, since the queue takes no more (the ones after it are neither asked nor counted)."""
    chosen = [scope] if scope is not None else unique_banks(banks)
    by_id = {bank.id: bank for bank in chosen}
    known = known_questions(chosen)
    keys = _SiblingIndex(by_id)
    answered = {key for key in store.answered_today(now) if keys.exists(key)}
    shown: set[str] = set().union(*(keys[key] for key in answered))
    buried: set[tuple[str, str]] = set()
    if shown:
        for bank_id in {bank_id for bank_id, _ in answered}:
            for qid in known[bank_id]:
                key = (bank_id, qid)
                if key not in answered and keys[key] & shown:
                    buried.add(key)

    # Due cards, most overdue first: the first of each group of siblings is asked. No new
    # question is asked for, so every bank's ids go as a set (see _visible).
    taken: set[str] = set()
    due_cards = store.due_queue(
        now,
        bank_ids=list(by_id),
        limit=limit,
        new_limit=0,
        known_questions=_visible(known, buried),
    )
    for due in due_cards:
        key = (due.bank_id, due.question_id)
        its = keys[key]
        if key not in answered and its & taken:
            buried.add(key)
        taken |= its
    # New questions come in bank order: a sibling of an earlier one (or of a due card) waits;
    # an earlier one left out by the day's budget leaves its later siblings out too. Once the
    # budget is filled the queue takes no more new ones, so the rest are not looked at.
    seen = _seen(store, known)
    asked = 0
    for bank_id, ids in known.items():
        if asked >= new_limit:
            break
        its_seen = seen.get(bank_id, ())
        for qid in ids:
            key = (bank_id, qid)
            if qid in its_seen or key in buried:
                continue
            its = keys[key]
            if its & taken:
                buried.add(key)
            else:
                asked += 1
            taken |= its
            if asked >= new_limit:
                break
    bank_ids, fresh = _new_first(known, seen)
    queue = store.due_queue(
        now,
        bank_ids=bank_ids,
        limit=limit,
        new_limit=new_limit,
        known_questions=_visible(known, buried, in_order=fresh),
    )
    items: list[tuple[Bank, Question]] = []
    new = 0
    for due in queue:
        bank = by_id.get(due.bank_id)
        question = bank.question(due.question_id) if bank is not None else None
        if bank is None or question is None:
            continue
        items.append((bank, question))
        new += due.is_new
    counts = store.due_counts(now, known_questions=known)
    return ReviewPlan(
        unseen=sum(len(set(ids) - seen.get(bank_id, set())) for bank_id, ids in known.items()),
        items=tuple(items),
        due_now=counts.due_now,
        due_tomorrow=counts.due_tomorrow,
        new=new,
        next_due=next_due(store, now, known),
        banks=tuple(chosen),
        now=now,
        scope=scope,
        # the buried due cards are worth a word; new questions are a budget others fill
        buried=len(store.due_among(buried, now)),
    )


class _SiblingIndex:
    """The sibling keys of the chosen banks' questions, computed when first asked for and
    kept (a question's keys are asked for again as due card, then as new question)."""

    def __init__(self, banks: dict[str, Bank]) -> None:
        self._banks = banks
        self._keys: dict[tuple[str, str], frozenset[str]] = {}

    def exists(self, key: tuple[str, str]) -> bool:
        """Whether the question is in its bank now (a removed one has no siblings)."""
        bank = self._banks.get(key[0])
        return bank is not None and bank.question(key[1]) is not None

    def __getitem__(self, key: tuple[str, str]) -> frozenset[str]:
        """The question's sibling keys; none for a question no longer in its bank."""
        its = self._keys.get(key)
        if its is None:
            bank = self._banks.get(key[0])
            question = bank.question(key[1]) if bank is not None else None
            its = sibling_keys(question, key[0]) if question is not None else frozenset()
            self._keys[key] = its
        return its


def _visible(
    known: dict[str, list[str]],
    buried: set[tuple[str, str]],
    in_order: Collection[str] = (),
) -> dict[str, Collection[str]]:
    """The known questions less the buried ones, bank by bank: a list (bank order, which the
    queue's new questions follow) for the banks ``in_order``, a set for the others. The queue
    checks each due card against its bank's ids: a set makes that a lookup, where a list is
    walked once per bank a batch touches (100 banks of 1,000 ids: 2 ms of a 4 ms call). A
    bank with nothing buried is handed over whole (its list as it is, or a set made in one
    call): testing each of 100,000 ids against ``buried`` took 30-60 ms a call."""
    buried_by_bank: dict[str, set[str]] = {}
    for bank_id, qid in buried:
        buried_by_bank.setdefault(bank_id, set()).add(qid)
    visible: dict[str, Collection[str]] = {}
    for bank_id, ids in known.items():
        gone = buried_by_bank.get(bank_id)
        if bank_id in in_order:
            visible[bank_id] = [qid for qid in ids if qid not in gone] if gone else ids
        else:
            visible[bank_id] = frozenset(ids).difference(gone) if gone else frozenset(ids)
    return visible


def _new_first(
    known: dict[str, list[str]], seen: dict[str, set[str]]
) -> tuple[list[str], set[str]]:
    """The bank ids in bank order, those with a question not yet seen first, and the set of
    those. The queue takes new questions bank by bank in this order, reading each bank's cards
    to learn what is new: a bank whose questions all have cards adds nothing, so putting it
    last gives the same queue without reading the 1,000 cards of each of 100 banks before the
    first new question (8 ms of an 11 ms call); such a bank's ids can go as a set (its order
    is never used). Due cards come in due order whatever this order is."""
    nothing: set[str] = set()
    fresh = [b for b, ids in known.items() if not seen.get(b, nothing).issuperset(ids)]
    fresh_set = set(fresh)
    return fresh + [bank_id for bank_id in known if bank_id not in fresh_set], fresh_set


def _seen(store: ScoreStore, known: KnownQuestions) -> dict[str, set[str]]:
    """Per known bank, the questions that have a card (were answered, cram aside): each
    bank's ids come from the store as one string (:meth:`ScoreStore.card_ids_by_bank`),
    several times quicker than a row per card over 100,000 cards."""
    return {
        bank_id: set(ids) for bank_id, ids in store.card_ids_by_bank().items() if bank_id in known
    }


def next_due(store: ScoreStore, now: datetime, known: KnownQuestions) -> datetime | None:
    """When the first card of the known questions falls due after ``now``."""
    return store.next_due(now, known_questions=known)


def review_session(
    plan: ReviewPlan,
    *,
    recorder: Recorder | None = None,
    clock: Clock = utc_now,
    seed: int | None = None,
) -> Session:
    """The plan as a session with mode "review" (raises NoQuestions when it is empty). A
    review of one bank records under that bank; a review of several under ``"*"``."""
    bank = plan.scope or mixed_bank(REVIEW_TITLE)
    return Session.over(bank, plan.items, mode="review", recorder=recorder, clock=clock, seed=seed)


def cram_session(
    bank: Bank,
    *,
    recorder: Recorder | None = None,
    clock: Clock = utc_now,
    seed: int | None = None,
) -> Session:
    """Every question of ``bank``, shuffled, recorded without touching any schedule."""
    return Session.start(bank, Options(seed=seed), recorder=recorder, clock=clock, mode="cram")


def describe_when(when: datetime, now: datetime, tz: tzinfo | None = None) -> str:
    """``when`` for a person, relative to ``now``, in ``tz``: "in 8 minutes", "today at
    18:30", "tomorrow at 09:00", "on Friday 5 December"."""
    tz = tz or now.tzinfo
    local, here = when.astimezone(tz), now.astimezone(tz)
    seconds = (when - now).total_seconds()
    if seconds < 60:
        return "in a minute"
    if seconds < 3600:
        minutes = round(seconds / 60)
        return f"in {minutes} minute{'s' if minutes != 1 else ''}"
    days = (local.date() - here.date()).days
    clock = local.strftime("%H:%M")
    if days == 0:
        return f"today at {clock}"
    if days == 1:
        return f"tomorrow at {clock}"
    if days < 7:
        return f"on {local.strftime('%A')} at {clock}"
    return f"on {_day(local.date(), here.date())}"


def _day(day: date, today: date) -> str:
    text = f"{day.strftime('%A')} {day.day} {day.strftime('%B')}"
    if day.year != today.year:
        text += f" {day.year}"
    return text
