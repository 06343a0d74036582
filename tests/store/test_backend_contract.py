"""The behaviour every score store must show: :class:`quiz.store.backend.ScoreStore`, the
methods the sessions, the review, the stats, the recorders and the commands call.

Each test runs once per backend in :data:`BACKENDS`, through the Protocol alone (no SQL, no
file), on a store kept in a fresh tmp dir: today the SQLite :class:`~quiz.store.Store` only. A
second backend (a class's shared PostgreSQL store) adds its opener there and passes these
tests unchanged; see docs/architecture.md, "A second store". The SQLite store's own matters
(damage, recovery, the journal, its indexes) are tested beside this file, not here.

Schedules are FSRS's (:mod:`quiz.srs`), with exact intervals (no fuzz): a store saves what
the scheduler decides, so the tests compare what one method says with what another returns
rather than FSRS's numbers, except where a number is the point (a right first answer is due in
ten minutes: the first learning step).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from msgspec.structs import replace

from quiz.record import Outcome
from quiz.srs import MASTERED_STABILITY_DAYS, State
from quiz.store import (
    ALL_BANKS,
    BankTotals,
    DayTotals,
    DueCounts,
    LastScore,
    RecordResult,
    ScoreStore,
    Store,
)
from tests.store.helpers import T0, FakeClock, answer

#: Opens the store kept at a place (a folder of its own in a tmp dir): a new, empty one the
#: first time, the same learner's store when opened again at the same place. Days follow the
#: time zone of ``clock``; FSRS intervals are exact (no fuzz).
Opener = Callable[[Path, FakeClock], ScoreStore]


def _sqlite(place: Path, clock: FakeClock) -> ScoreStore:
    return Store.open(place, clock=clock, fuzz=False)


BACKENDS: dict[str, Opener] = {"sqlite": _sqlite}


@pytest.fixture(params=sorted(BACKENDS))
def opener(request: pytest.FixtureRequest) -> Opener:
    opener: Opener = BACKENDS[request.param]
    return opener


@pytest.fixture
def place(tmp_path: Path) -> Path:
    return tmp_path / "scores"


@pytest.fixture
def backend(opener: Opener, place: Path, clock: FakeClock) -> Iterator[ScoreStore]:
    store = opener(place, clock)
    try:
        yield store
    finally:
        store.close()


def answered(
    store: ScoreStore,
    question_id: str,
    *,
    bank_id: str = "bank",
    wrong: bool = False,
    mode: str = "play",
    tags: tuple[str, ...] = (),
) -> RecordResult:
    """One answer at the store's now, in a session of its own, finished."""
    session = store.start_session(bank_id, mode)
    result = store.record(
        answer(
            question_id,
            bank_id=bank_id,
            at=store.now(),
            outcome=Outcome.WRONG if wrong else Outcome.RIGHT,
            tags=tags,
        ),
        session_id=session,
        cram=mode == "cram",
    )
    store.end_session(session)
    return result


def totals(store: ScoreStore) -> tuple[list[DayTotals], list[BankTotals], int]:
    with store.snapshot() as reads:
        return (
            list(reads.day_totals()),
            sorted(reads.bank_totals()),
            reads.session_count(),
        )


# -- the clock and the learner ------------------------------------------------------------


def test_days_are_the_learners_in_the_clocks_time_zone(opener: Opener, place: Path) -> None:
    tokyo = timezone(timedelta(hours=9))
    clock = FakeClock(T0.astimezone(tokyo))  # 17:00 UTC on the 25th is 02:00 on the 26th
    store = opener(place, clock)
    try:
        assert store.now() == T0
        assert store.tz is not None and store.tz.utcoffset(None) == timedelta(hours=9)
        assert store.today() == datetime(2026, 11, 26).date()
        assert store.today(T0 - timedelta(hours=3)) == datetime(2026, 11, 25).date()
        answered(store, "q1")
        with store.snapshot() as reads:
            assert [day.day for day in reads.day_totals()] == [datetime(2026, 11, 26).date()]
    finally:
        store.close()


def test_the_learner_id_is_made_once(opener: Opener, place: Path, clock: FakeClock) -> None:
    store = opener(place, clock)
    first = store.learner_id
    store.close()
    again = opener(place, clock)
    try:
        assert again.learner_id == first and first
    finally:
        again.close()


def test_the_desired_retention_is_a_probability(backend: ScoreStore) -> None:
    assert 0 < backend.desired_retention < 1


# -- sessions and answers -----------------------------------------------------------------


def test_an_answer_is_saved_and_its_card_scheduled(backend: ScoreStore) -> None:
    result = answered(backend, "q1")

    assert result.attempt_id > 0 and result.card is not None and not result.retake
    assert result.due == T0 + timedelta(minutes=10)  # the first learning step
    assert backend.card("bank", "q1") == result.card
    assert backend.card("bank", "never") is None
    assert backend.card_ids_by_bank() == {"bank": ["q1"]}


def test_answers_are_kept_across_reopening(opener: Opener, place: Path, clock: FakeClock) -> None:
    store = opener(place, clock)
    result = answered(store, "q1")
    store.close()
    again = opener(place, clock)
    try:
        assert again.card("bank", "q1") == result.card
        assert totals(again)[0] == [DayTotals(T0.date(), 1, 1, 0, 0)]
    finally:
        again.close()


def test_a_session_has_a_known_mode_and_an_answer_a_known_session(backend: ScoreStore) -> None:
    with pytest.raises(ValueError):
        backend.start_session("bank", "exam")
    with pytest.raises(ValueError):
        backend.record(answer(at=T0), session_id=999_999)


def test_cram_counts_the_answer_and_leaves_the_schedule_alone(backend: ScoreStore) -> None:
    result = answered(backend, "q1", mode="cram")

    assert result.card is None and result.rating is None
    assert backend.card("bank", "q1") is None
    assert backend.card_ids_by_bank() == {}
    assert totals(backend) == ([DayTotals(T0.date(), 1, 1, 0, 0)], [BankTotals("bank", 1, 1)], 1)


def test_an_answer_that_may_be_saved_already_is_saved_once(backend: ScoreStore) -> None:
    session = backend.start_session("bank", "play")
    given = answer(at=T0)
    first = backend.record(given, session_id=session)

    again = backend.record(given, session_id=session, if_absent=True)

    assert again.attempt_id == first.attempt_id
    assert totals(backend)[0] == [DayTotals(T0.date(), 1, 1, 0, 0)]


def test_undo_keeps_the_answer_its_schedule_and_its_counts(
    backend: ScoreStore, clock: FakeClock
) -> None:
    session = backend.start_session("bank", "play")
    backend.record(answer(at=T0), session_id=session)
    slip = answer(at=clock.advance(minutes=1), outcome=Outcome.WRONG)
    card = backend.record(slip, session_id=session).card
    before = totals(backend)

    undone = backend.undo_last(session)

    assert undone == replace(slip, undone=True)
    assert backend.card("bank", "q1") == card
    assert totals(backend) == before
    assert backend.undo_last(backend.start_session("bank", "play")) is None


def test_a_retake_is_kept_and_counts_nowhere(backend: ScoreStore, clock: FakeClock) -> None:
    session = backend.start_session("bank", "play")
    backend.record(answer(at=T0, outcome=Outcome.WRONG), session_id=session)
    card = backend.card("bank", "q1")
    slip = backend.undo_last(session)
    assert slip is not None
    before = totals(backend)

    retake = replace(
        slip, undone=False, retake=True, outcome=Outcome.RIGHT, answered_at=clock.advance(seconds=9)
    )
    result = backend.record(retake, session_id=session)

    assert result.retake and result.card is None
    assert backend.card("bank", "q1") == card
    assert totals(backend) == before
    assert backend.undo_last(session) is None  # an answer is taken back once


def test_threads_share_one_store(backend: ScoreStore) -> None:
    """The app records on a worker thread while other threads read."""
    sessions = [backend.start_session("bank", "play") for _ in range(4)]
    errors: list[BaseException] = []

    def work(session: int) -> None:
        try:
            for i in range(10):
                backend.record(answer(f"s{session}-q{i}", at=T0), session_id=session)
                backend.due_counts()
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(session,)) for session in sessions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert totals(backend)[0] == [DayTotals(T0.date(), 40, 40, 0, 0)]


# -- flags --------------------------------------------------------------------------------


def test_flags_are_listed_oldest_first(backend: ScoreStore, clock: FakeClock) -> None:
    first = backend.flag("bank", "q3", "wrong answer", "It was Busan")
    clock.advance(minutes=5)
    second = backend.flag("other", "q1", "unclear")

    (flag,) = backend.flags("bank")
    assert (flag.id, flag.question_id, flag.reason, flag.note, flag.created_at) == (
        first,
        "q3",
        "wrong answer",
        "It was Busan",
        T0,
    )
    assert [f.id for f in backend.flags()] == [first, second]
    assert backend.flags()[1].note == ""
    assert backend.flags("nothing") == []


# -- what is due --------------------------------------------------------------------------


def test_due_cards_come_most_overdue_first(backend: ScoreStore, clock: FakeClock) -> None:
    answered(backend, "late")  # due 17:10
    clock.advance(minutes=5)
    answered(backend, "later", bank_id="other")  # due 17:15
    wrong = answered(backend, "wrong", wrong=True)  # due sooner: Again
    clock.advance(minutes=10)
    answered(backend, "future")  # due 17:25
    at = T0 + timedelta(minutes=15)

    queue = backend.due_queue(at)

    assert [(item.bank_id, item.question_id) for item in queue] == [
        ("bank", "wrong"),
        ("bank", "late"),
        ("other", "later"),
    ]
    assert queue[0].due == wrong.due and queue[0].state is State.Learning and not queue[0].is_new
    assert [i.question_id for i in backend.due_queue(at, limit=1)] == ["wrong"]
    assert [i.question_id for i in backend.due_queue(at, bank_ids=["other"])] == ["later"]
    assert backend.due_queue(at, limit=0) == []
    assert backend.due_counts(at) == DueCounts(due_now=3, due_tomorrow=4)
    assert backend.due_count_by_bank(at) == {"bank": 2, "other": 1}


def test_removed_questions_leave_what_is_due_and_new_ones_are_rationed(
    backend: ScoreStore, clock: FakeClock
) -> None:
    answered(backend, "kept")
    answered(backend, "removed")
    answered(backend, "x", bank_id="gone")
    later = clock.advance(hours=1)
    known = {"bank": ["kept", "new-1", "new-2", "new-3"]}

    # five new a day, three introduced today already (in any bank): two more
    queue = backend.due_queue(later, known_questions=known, new_limit=5)

    assert [(item.question_id, item.is_new) for item in queue] == [
        ("kept", False),
        ("new-1", True),
        ("new-2", True),
    ]
    assert backend.due_counts(later, known_questions=known) == DueCounts(1, 1)
    assert backend.due_count_by_bank(later, known_questions=known) == {"bank": 1}
    # without the known questions nothing is left out, and nothing is new
    assert [i.question_id for i in backend.due_queue(later)] == ["kept", "removed", "x"]


def test_new_questions_are_a_daily_budget_across_banks(
    backend: ScoreStore, clock: FakeClock
) -> None:
    answered(backend, "a1", bank_id="a")  # introduced today: one of the day's three
    known = {"a": ["a1", "a2"], "b": ["b1", "b2"]}

    queue = backend.due_queue(T0, known_questions=known, new_limit=3)

    assert [(i.bank_id, i.question_id) for i in queue] == [("a", "a2"), ("b", "b1")]
    tomorrow = clock.advance(days=1)
    new = [i for i in backend.due_queue(tomorrow, known_questions=known, new_limit=3) if i.is_new]
    assert len(new) == 3


def test_which_keys_are_due_and_what_falls_due_next(backend: ScoreStore, clock: FakeClock) -> None:
    first = answered(backend, "q1")  # due 17:10
    clock.advance(minutes=20)
    second = answered(backend, "q2")  # due 17:30
    answered(backend, "q3", bank_id="other")  # due 17:30
    at = T0 + timedelta(minutes=20)

    assert backend.due_among({("bank", "q1"), ("bank", "q2"), ("bank", "nope")}, at) == {
        ("bank", "q1")
    }
    assert backend.due_among(set(), at) == set()
    assert backend.next_due(at, known_questions={"bank": ["q1", "q2"]}) == second.due
    assert backend.next_due(T0, known_questions={"bank": ["q1"]}) == first.due
    assert backend.next_due(at, known_questions={"bank": ["q1"]}) is None
    assert backend.next_due(at, known_questions={}) is None


def test_answered_today_follows_the_learners_midnight(
    backend: ScoreStore, clock: FakeClock
) -> None:
    answered(backend, "yesterday")
    clock.advance(hours=7)  # 00:00 UTC on the 26th
    answered(backend, "today", mode="cram")
    answered(backend, "also", bank_id="other")

    assert backend.answered_today() == {("bank", "today"), ("other", "also")}
    assert backend.answered_today(T0) == {("bank", "yesterday")}
    assert backend.card_ids_by_bank() == {"bank": ["yesterday"], "other": ["also"]}


def test_last_scores_and_what_was_missed_last_time(backend: ScoreStore, clock: FakeClock) -> None:
    old = backend.start_session("bank", "play")
    backend.record(answer("q1", at=T0, outcome=Outcome.WRONG), session_id=old)
    backend.end_session(old)
    new = backend.start_session("bank", "play")
    backend.record(answer("q1", at=clock.advance(hours=1)), session_id=new)
    backend.record(answer("q2", at=clock.now, outcome=Outcome.WRONG), session_id=new)
    backend.record(answer("q3", at=clock.now, outcome=Outcome.WRONG), session_id=new)
    backend.end_session(new)
    finished = clock.now
    backend.end_session(new)  # only the first end counts
    clock.advance(hours=1)
    backend.end_session(backend.start_session("other", "play"))  # no answer: no score
    everything = backend.start_session(ALL_BANKS, "review")
    backend.record(answer("q9", at=clock.now), session_id=everything)
    backend.end_session(everything)

    assert backend.last_scores() == {"bank": LastScore(correct=1, total=3, when=finished)}
    assert backend.missed_last_time("bank") == ["q2", "q3"]
    assert backend.missed_last_time("other") == []


# -- the stats' snapshot ------------------------------------------------------------------


def test_a_snapshot_counts_days_banks_and_sessions(backend: ScoreStore, clock: FakeClock) -> None:
    answered(backend, "q1")
    answered(backend, "q2", wrong=True)
    clock.advance(days=1)
    answered(backend, "q1", bank_id="other", mode="cram")
    backend.start_session("bank", "play")  # no answer: not counted

    day_totals, bank_totals, sessions = totals(backend)

    assert day_totals == [
        DayTotals(T0.date(), 2, 1, 0, 0),
        DayTotals(T0.date() + timedelta(days=1), 1, 1, 0, 0),
    ]
    assert bank_totals == [BankTotals("bank", 2, 1), BankTotals("other", 1, 1)]
    assert sessions == 3


def test_reviews_and_recalls_count_answers_to_cards_in_review(
    backend: ScoreStore, clock: FakeClock
) -> None:
    card = answered(backend, "q1").card
    for outcome in (True, True, False):  # the third answer of a card in Review forgets it
        assert card is not None
        clock.now = card.due
        card = answered(backend, "q1", wrong=not outcome).card
    with backend.snapshot() as reads:
        days = reads.day_totals()
    assert sum(d.attempts for d in days) == 4
    assert (sum(d.reviews for d in days), sum(d.recalled for d in days)) == (2, 1)


def test_a_snapshot_counts_cards_and_mastered_ones_per_bank_and_tags(
    backend: ScoreStore, clock: FakeClock
) -> None:
    answered(backend, "plain")
    answered(backend, "tagged", tags=("geo", "eco"))
    answered(backend, "also", tags=("geo", "eco"))
    card = answered(backend, "mastered", bank_id="other", tags=("geo",)).card
    while card is not None and not (
        card.state is State.Review and (card.stability or 0) >= MASTERED_STABILITY_DAYS
    ):
        clock.now = card.due
        card = answered(backend, "mastered", bank_id="other", tags=("geo",)).card

    with backend.snapshot() as reads:
        mastery = sorted(
            (row.bank_id, sorted(row.tags), row.cards, row.mastered) for row in reads.card_mastery()
        )

    assert mastery == [
        ("bank", [], 1, 0),
        ("bank", ["eco", "geo"], 2, 0),
        ("other", ["geo"], 1, 1),
    ]


def test_a_snapshot_counts_what_falls_due_when(backend: ScoreStore, clock: FakeClock) -> None:
    first = answered(backend, "q1")  # due 17:10
    answered(backend, "q2", bank_id="other")  # due 17:10
    clock.advance(minutes=30)
    answered(backend, "q3")  # due 17:40
    assert first.due is not None

    with backend.snapshot() as reads:
        assert reads.due_by_bank(first.due) == {"bank": 1, "other": 1}
        assert reads.due_by_bank(first.due - timedelta(seconds=1)) == {}
        assert reads.due_by_bank(T0 + timedelta(days=1)) == {"bank": 2, "other": 1}
        assert reads.count_due(None, first.due) == 0  # the end is left out
        assert reads.count_due(first.due, first.due + timedelta(seconds=1)) == 2  # the start in
        assert reads.count_due(None, T0 + timedelta(days=1)) == 3
        assert reads.count_due(T0 + timedelta(minutes=11), T0 + timedelta(days=1)) == 1


def test_a_snapshot_finds_the_cards_of_removed_questions(backend: ScoreStore) -> None:
    answered(backend, "kept")
    answered(backend, "removed", tags=("geo",))
    answered(backend, "x", bank_id="gone")
    odd = "odd\x1fid"  # a control character a bank file cannot hold: still found
    answered(backend, odd)

    with backend.snapshot() as reads:
        for known in ({"bank": ["kept", odd, "new"]}, {"bank": frozenset(["kept", odd])}):
            removed = reads.removed_cards(known)
            assert [(card.bank_id, list(card.tags), card.mastered) for card in removed] == [
                ("bank", ["geo"], False),
                ("gone", [], False),
            ]
            assert all(card.due == T0 + timedelta(minutes=10) for card in removed)
        assert reads.removed_cards({"bank": ["kept", "removed", odd], "gone": ["x"]}) == []
        assert len(reads.removed_cards({})) == 4


def test_a_snapshot_is_one_moment(backend: ScoreStore) -> None:
    """An answer saved from another thread while a snapshot is read is in none of its reads
    (it waits, or is not seen), and in the next snapshot."""
    session = backend.start_session("bank", "play")
    saved = threading.Event()

    def record() -> None:
        backend.record(answer("q2", at=T0), session_id=session)
        saved.set()

    writer = threading.Thread(target=record)
    with backend.snapshot() as reads:
        before = list(reads.day_totals())
        writer.start()
        saved.wait(timeout=0.3)
        assert list(reads.day_totals()) == before == []
        assert reads.session_count() == 0
    writer.join()
    assert totals(backend)[0] == [DayTotals(T0.date(), 1, 1, 0, 0)]


# -- reports ------------------------------------------------------------------------------


def test_results_are_exported_one_json_object_per_answer(
    backend: ScoreStore, tmp_path: Path
) -> None:
    answered(backend, "q1", tags=("politics",))
    answered(backend, "q2", bank_id="other", wrong=True)
    out = tmp_path / "out" / "results.jsonl"

    assert backend.export_results(out) == 2

    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(line["bank_id"], line["question_id"], line["outcome"]) for line in lines] == [
        ("bank", "q1", "right"),
        ("other", "q2", "wrong"),
    ]
    assert {line["learner_id"] for line in lines} == {backend.learner_id}
    assert lines[0]["format"] == "quiz-results/1" and lines[0]["tags"] == ["politics"]
    assert datetime.fromisoformat(lines[0]["answered_at"]) == T0.astimezone(UTC)
    assert backend.export_results(out, bank_ids=["other"]) == 1
