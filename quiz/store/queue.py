"""What is due: the review queue, due counts, and the home screen's last scores.

Scheduled cards come from ``cards`` through the ``cards_due`` index (``due <= now`` is a range
scan in due order, so the most overdue come first at no sorting cost). Questions that no longer
exist in their bank keep their history but leave every queue and count: the caller, who loaded
the banks, says which question ids exist (``known``); the store cannot know.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from datetime import date, datetime

from quiz.srs import State
from quiz.store.models import ALL_BANKS, DueCounts, DueItem, LastScore
from quiz.store.timefmt import from_db, to_db
from quiz.timings import timed

__all__ = [
    "KnownQuestions",
    "answered_since",
    "card_ids_by_bank",
    "due_among",
    "due_count_by_bank",
    "due_counts",
    "due_queue",
    "last_scores",
    "missed_last_time",
    "next_due",
]

#: bank id → the ids of the questions the bank has now. A bank missing from the mapping is
#: treated as gone: none of its cards are due.
KnownQuestions = Mapping[str, Collection[str]]


@timed("due_queue")  # read by benchmarks/review_queue.py through the real `quiz review`
def due_queue(
    conn: sqlite3.Connection,
    now: datetime,
    today: date,
    *,
    bank_ids: Sequence[str] | None,
    limit: int,
    new_limit: int,
    known: KnownQuestions | None,
) -> list[DueItem]:
    """Due cards, most overdue first, then new questions, ``limit`` items at most.

    New questions (never scheduled) are appended only when ``known`` lists what exists, bank
    by bank in the order given, in each bank's question order (sets are sorted, for a stable
    queue). At most ``new_limit`` per day are introduced, counting cards already introduced
    today in any bank: it is the learner's daily budget of new material.
    """
    if limit <= 0:
        return []
    items: list[DueItem] = []
    for bank_id, question_id, due, state in _known_due_rows(
        conn, to_db(now), bank_ids, known, limit
    ):
        items.append(DueItem(bank_id, question_id, from_db(due), State(state)))
        if len(items) >= limit:
            return items
    if known is None or new_limit <= 0:
        return items
    introduced = conn.execute(
        "SELECT count(*) FROM cards WHERE introduced_day = ?", (today.isoformat(),)
    ).fetchone()[0]
    room = min(new_limit - int(introduced), limit - len(items))
    banks = list(known) if bank_ids is None else [b for b in bank_ids if b in known]
    for bank_id in banks:
        if room <= 0:
            break
        seen = set(_question_ids(conn, bank_id))
        for question_id in _ordered(known[bank_id]):
            if question_id in seen:
                continue
            items.append(DueItem(bank_id, question_id, None, None))
            seen.add(question_id)
            room -= 1
            if room <= 0:
                break
    return items


def _known_due_rows(
    conn: sqlite3.Connection,
    now_text: str,
    bank_ids: Sequence[str] | None,
    known: KnownQuestions | None,
    limit: int,
) -> Iterator[tuple[str, str, str, int]]:
    """The due rows whose question still exists, most overdue first.

    Rows come in batches of ``limit``; each batch is checked against the known ids of the
    banks it touches only (``set(batch ids) & known ids``, one pass over each such bank's
    list), not against sets of every known id built first: the caller's lists of 100,000 ids
    made a set per bank in 16 ms, more than the whole queue may take, while a review's 200
    due cards are checked in one batch."""
    rows = _due_rows(conn, now_text, bank_ids)
    if known is None:
        yield from rows
        return
    batch_size = max(limit, 64)
    while batch := rows.fetchmany(batch_size):
        wanted: dict[str, set[str]] = {}
        for bank_id, question_id, _due, _state in batch:
            wanted.setdefault(bank_id, set()).add(question_id)
        existing = {
            bank_id: _present(ids, known.get(bank_id, ())) for bank_id, ids in wanted.items()
        }
        for row in batch:
            if row[1] in existing[row[0]]:
                yield row


def _present(wanted: set[str], ids: Collection[str]) -> set[str]:
    """Which of ``wanted`` are among ``ids`` (a set is asked; a list is walked once)."""
    if isinstance(ids, set | frozenset):
        return {question_id for question_id in wanted if question_id in ids}
    return wanted.intersection(ids)


def _question_ids(conn: sqlite3.Connection, bank_id: str) -> list[str]:
    """The question ids of ``bank_id``'s cards: one string from SQLite (``group_concat`` over
    the ``(bank_id, question_id)`` index) split here, which is several times quicker than a
    row per card for a bank of thousands; ids holding the separator are read row by row."""
    count, joined = conn.execute(
        "SELECT count(*), group_concat(question_id, ?) FROM cards WHERE bank_id = ?",
        (_SEPARATOR, bank_id),
    ).fetchone()
    if not count:
        return []
    ids: list[str] = str(joined).split(_SEPARATOR)
    if len(ids) != count:
        ids = [
            str(row[0])
            for row in conn.execute("SELECT question_id FROM cards WHERE bank_id = ?", (bank_id,))
        ]
    return ids


#: Between the question ids in :func:`_question_ids`: a control character, which a bank
#: file cannot hold (an id that does is still read, only more slowly).
_SEPARATOR = "\x1f"


def due_counts(
    conn: sqlite3.Connection,
    now: datetime,
    end_of_tomorrow: datetime,
    known: KnownQuestions | None,
) -> DueCounts:
    """Cards due by ``now`` and by ``end_of_tomorrow`` among the ``known`` questions.

    With ``known``, each bank is counted from the ``cards_due`` index alone (bank and due
    are in it) unless it has a card for a question no longer known, which only the ids show:
    they come as one string per bank (:func:`card_ids_by_bank`), and such a bank's due cards
    are then read and checked one by one. A row per due card, checked in Python, took
    0.1-0.15 s over the 30,000 cards due of 100,000; this takes about a third of that."""
    now_text, horizon = to_db(now), to_db(end_of_tomorrow)
    if known is None:
        row = conn.execute(
            "SELECT count(*), coalesce(sum(due <= ?), 0) FROM cards WHERE due < ?",
            (now_text, horizon),
        ).fetchone()
        return DueCounts(due_now=int(row[1]), due_tomorrow=int(row[0]))
    lookup = _lookup(known) or {}
    whole = {
        bank_id
        for bank_id, ids in card_ids_by_bank(conn).items()
        if bank_id in lookup and _all_in(ids, lookup[bank_id])
    }
    due_now = due_tomorrow = 0
    rows = conn.execute(
        # "+bank_id": a range scan on the covering cards_due, then a small sort by bank
        """SELECT bank_id, count(*), sum(due <= ?) FROM cards WHERE due < ?
           GROUP BY +bank_id""",
        (now_text, horizon),
    ).fetchall()
    for bank_id, count, now_count in rows:
        if bank_id in whole:
            due_tomorrow += int(count)
            due_now += int(now_count)
        elif bank_id in lookup:
            ids_known = lookup[bank_id]
            for question_id, due in conn.execute(
                "SELECT question_id, due FROM cards WHERE bank_id = ? AND due < ?",
                (bank_id, horizon),
            ):
                if question_id in ids_known:
                    due_tomorrow += 1
                    due_now += due <= now_text
    return DueCounts(due_now=due_now, due_tomorrow=due_tomorrow)


def _all_in(ids: list[str], known: Collection[str]) -> bool:
    """Whether every one of ``ids`` is in ``known`` (a set, as :func:`_lookup` makes it)."""
    if isinstance(known, set | frozenset):
        return known.issuperset(ids)
    return set(known).issuperset(ids)


def card_ids_by_bank(conn: sqlite3.Connection) -> dict[str, list[str]]:
    """Every bank's card question ids: one string per bank from SQLite (``group_concat``
    over the ``(bank_id, question_id)`` index) split here, several times quicker than a row
    per card; a bank with an id holding the separator is read row by row."""
    ids_by_bank: dict[str, list[str]] = {}
    rows = conn.execute(
        "SELECT bank_id, count(*), group_concat(question_id, ?) FROM cards GROUP BY bank_id",
        (_SEPARATOR,),
    ).fetchall()
    for bank_id, count, joined in rows:
        ids = joined.split(_SEPARATOR)
        if len(ids) != count:
            ids = [
                row[0]
                for row in conn.execute(
                    "SELECT question_id FROM cards WHERE bank_id = ?", (bank_id,)
                )
            ]
        ids_by_bank[bank_id] = ids
    return ids_by_bank


def due_count_by_bank(
    conn: sqlite3.Connection, now: datetime, known: KnownQuestions | None
) -> dict[str, int]:
    """Cards due at ``now`` per bank; banks with nothing due are absent."""
    now_text = to_db(now)
    if known is None:
        # "+bank_id": a range scan on cards_due then a small sort, not a walk of every card
        rows = conn.execute(
            """SELECT bank_id, count(*) FROM cards WHERE due <= ?
               GROUP BY +bank_id ORDER BY +bank_id""",
            (now_text,),
        )
        return {bank_id: int(count) for bank_id, count in rows}
    lookup = _lookup(known) or {}
    counts: dict[str, int] = {}
    for bank_id, question_id in conn.execute(
        "SELECT bank_id, question_id FROM cards WHERE due <= ?", (now_text,)
    ):
        if question_id in lookup.get(bank_id, ()):
            counts[bank_id] = counts.get(bank_id, 0) + 1
    return dict(sorted(counts.items()))


def last_scores(conn: sqlite3.Connection) -> dict[str, LastScore]:
    """Per bank, the score of its most recently finished session with at least one answer.
    Sessions spanning all banks (:data:`ALL_BANKS`) belong to no bank and are skipped."""
    # Per bank, walk the (bank_id, ended_at) index backwards to its latest finished session.
    rows = conn.execute(
        """SELECT s.bank_id, s.correct, s.attempts, s.ended_at
           FROM (SELECT DISTINCT bank_id FROM sessions WHERE bank_id <> ?) AS b
           JOIN sessions s ON s.id = (
               SELECT x.id FROM sessions x
               WHERE x.bank_id = b.bank_id AND x.ended_at IS NOT NULL AND x.attempts > 0
               ORDER BY x.ended_at DESC, x.id DESC LIMIT 1)
           ORDER BY s.bank_id""",
        (ALL_BANKS,),
    )
    return {
        bank_id: LastScore(correct=int(correct), total=int(total), when=from_db(ended_at))
        for bank_id, correct, total, ended_at in rows
    }


def missed_last_time(conn: sqlite3.Connection, bank_id: str) -> list[str]:
    """The questions whose first answer was wrong in the bank's latest session with an
    answer (finished or left midway), in the order they were asked. A retake never counts,
    and an answer taken back does: it is the first answer."""
    rows = conn.execute(
        """SELECT a.question_id FROM attempts a
           WHERE a.session_id = (SELECT s.id FROM sessions s
                                 WHERE s.bank_id = ? AND s.attempts > 0
                                 ORDER BY s.id DESC LIMIT 1)
             AND a.retake_of IS NULL AND a.correct = 0
           ORDER BY a.id""",
        (bank_id,),
    )
    return list(dict.fromkeys(row[0] for row in rows))


def answered_since(
    conn: sqlite3.Connection, since: datetime, until: datetime
) -> set[tuple[str, str]]:
    """(bank id, question id) of every question answered at or after ``since`` and before
    ``until``, in any mode: a range scan on ``attempts_answered_at``.

    No ``DISTINCT`` in the SQL, on purpose: with it SQLite chose to walk the whole of
    ``attempts_question`` (already in (bank, question) order, so no sorting) and look up every
    answer ever given to test its time, 2.1 s over a million answers for the few hundred of
    today; without it the only index that helps is the time range. The set removes the
    repeats, of which a day holds a few hundred at most. Bounded on both sides so that the
    plan of the range stays a narrow search whatever the statistics say."""
    rows = conn.execute(
        "SELECT bank_id, question_id FROM attempts WHERE answered_at >= ? AND answered_at < ?",
        (to_db(since), to_db(until)),
    )
    return {(bank_id, question_id) for bank_id, question_id in rows}


#: Above this many keys, :func:`due_among` reads every due card once rather than looking each
#: key up (a lookup costs about 1/20 of what reading a due card does, when most cards are due).
_LOOKUPS_UP_TO = 2_000


def due_among(
    conn: sqlite3.Connection, now: datetime, keys: AbstractSet[tuple[str, str]]
) -> set[tuple[str, str]]:
    """Which of ``keys`` (bank id, question id) are cards due at ``now`` (a review names the
    buried ones among them). A few are looked up one by one on the cards' (bank, question)
    index: reading every due card instead took 0.1-0.2 s when 30,000 were due, whether one key
    was asked about or a thousand."""
    if not keys:
        return set()
    now_text = to_db(now)
    if len(keys) > _LOOKUPS_UP_TO:
        rows = conn.execute("SELECT bank_id, question_id FROM cards WHERE due <= ?", (now_text,))
        return {(bank_id, qid) for bank_id, qid in rows if (bank_id, qid) in keys}
    due: set[tuple[str, str]] = set()
    for key in keys:
        row = conn.execute(
            "SELECT due FROM cards WHERE bank_id = ? AND question_id = ?", key
        ).fetchone()
        if row is not None and row[0] <= now_text:
            due.add(key)
    return due


def next_due(conn: sqlite3.Connection, now: datetime, known: KnownQuestions) -> datetime | None:
    """When the first card of the ``known`` questions falls due after ``now`` (``None``: no
    such card is scheduled): the cards due after ``now`` in due order, up to the first known."""
    lookup = {bank_id: frozenset(ids) for bank_id, ids in known.items()}
    rows = conn.execute(
        "SELECT bank_id, question_id, due FROM cards WHERE due > ? ORDER BY due",
        (to_db(now),),
    )
    for bank_id, question_id, due in rows:
        if question_id in lookup.get(bank_id, ()):
            return from_db(due)
    return None


def _due_rows(
    conn: sqlite3.Connection, now_text: str, bank_ids: Sequence[str] | None
) -> sqlite3.Cursor:
    """(bank id, question id, due, state) of the cards due at ``now_text``, most overdue
    first: a range scan on ``cards_due``."""
    sql = "SELECT bank_id, question_id, due, state FROM cards WHERE due <= ?"
    params: list[str] = [now_text]
    if bank_ids is not None:
        sql += f" AND bank_id IN ({', '.join('?' * len(bank_ids))})"
        params.extend(bank_ids)
    return conn.execute(sql + " ORDER BY due, id", params)


def _lookup(known: KnownQuestions | None) -> dict[str, Collection[str]] | None:
    """Known ids by bank, as sets: the caller's own sets are used as they are (a copy of
    100,000 ids costs milliseconds), lists are made into sets."""
    if known is None:
        return None
    return {
        bank_id: ids if isinstance(ids, set | frozenset) else frozenset(ids)
        for bank_id, ids in known.items()
    }


def _ordered(ids: Iterable[str]) -> list[str]:
    """Question ids in the caller's order; a set has none, so it is sorted."""
    if isinstance(ids, set | frozenset):
        return sorted(ids)
    return list(ids)
