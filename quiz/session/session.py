"""A quiz session over a bank: which questions, in what order, graded answers, the summary.

No I/O. Time comes from an injected clock and every graded answer is handed, as it is given,
to a :class:`~quiz.record.Recorder`.
"""

from __future__ import annotations

import random
import re
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, overload

from msgspec import Struct, field
from msgspec.structs import replace

from quiz.bank.model import Bank, Matching, Ordering, Question, Source
from quiz.errors import QuizError
from quiz.record import Answer, MemoryRecorder, Outcome, Recorder

if TYPE_CHECKING:
    from quiz.grading import Grade

__all__ = [
    "Breakdown",
    "Item",
    "Miss",
    "NoQuestions",
    "Options",
    "Result",
    "Session",
    "Summary",
    "arrange",
    "mixed_bank",
    "select_questions",
    "sibling_keys",
    "spacing_window",
    "utc_now",
]

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


class NoQuestions(QuizError):
    """The filters left nothing to ask."""


class Options(Struct, frozen=True):
    """How to pick the questions of a session.

    ``types`` and ``tags`` filter (a question passes with any of the tags); ``only`` keeps
    just these question ids (the ones missed last time); ``count`` caps how many; ``seed``
    makes the order (and the shuffles of ordering and matching items) reproducible. With
    ``shuffle`` on, the order is random but siblings are spaced out (:func:`arrange`); with it
    off the bank's order is kept exactly."""

    count: int | None = None
    types: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    seed: int | None = None
    shuffle: bool = True
    only: tuple[str, ...] = ()

    def describe(self) -> str:
        """The filters in words, for messages ("type cloze, tag security")."""
        bits = []
        if self.types:
            bits.append("type " + " or ".join(self.types))
        if self.tags:
            bits.append("tag " + " or ".join(self.tags))
        if self.only:
            bits.append("missed last time")
        return ", ".join(bits)


def select_questions(bank: Bank, options: Options, rng: random.Random) -> list[Question]:
    """The questions of a session: filtered, then (with ``shuffle``) in a random order with
    siblings spaced out; a ``count`` below what passes the filters takes as few siblings as
    it can, so that a short quiz covers as many facts as it can."""
    chosen = _filtered(bank, options)
    if options.shuffle:
        rng.shuffle(chosen)
    if options.count is not None:
        chosen = _fewest_siblings(chosen, max(0, options.count))
    if options.shuffle:
        chosen = arrange(chosen)
    return chosen


def _filtered(bank: Bank, options: Options) -> list[Question]:
    """The questions of ``bank`` that pass the filters of ``options``, in bank order."""
    if not (options.types or options.tags or options.only):
        return list(bank.questions)
    only = frozenset(options.only)
    return [
        q
        for q in bank.questions
        if (not options.types or q.TYPE in options.types)
        and (not options.tags or set(q.tags) & set(options.tags))
        and (not only or q.id in only)
    ]


# ---------------------------------------------------------------------- siblings

#: Where one sentence of a question's source ends and the next begins.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’')\]]*\s+")
#: The largest spacing window, whatever the length of the quiz.
MAX_WINDOW = 10


def sibling_keys(question: Question, bank_id: str = "") -> frozenset[str]:
    """What makes two questions siblings: the same fact, or a sentence of the article in
    common (a feedback quotes the source sentence and explains the fact, so it gives away
    the answer of every question resting on either). Questions of one bank are siblings when
    their keys meet; ``bank_id`` keeps the keys of different banks apart."""
    keys = set()
    if question.fact:
        keys.add(f"{bank_id}\x00fact\x00{question.fact}")
    for sentence in _SENTENCE_END.split(" ".join(question.source.split())):
        folded = sentence.strip().casefold()
        if folded:
            keys.add(f"{bank_id}\x00sentence\x00{folded}")
    return frozenset(keys)


def spacing_window(length: int) -> int:
    """N, the spacing of siblings in a quiz of ``length`` questions: a tenth of its length,
    at least 2 and at most :data:`MAX_WINDOW` (7 for the founding bank's 70). Between two
    siblings come at least N other questions; :func:`arrange` lowers N only when the
    questions leave no way to keep it."""
    return max(2, min(MAX_WINDOW, length // 10))


def arrange(
    questions: Sequence[Question],
    *,
    window: int | None = None,
    keys: Sequence[frozenset[str]] | None = None,
) -> list[Question]:
    """``questions`` in an order where no two siblings come within ``window`` (default
    :func:`spacing_window`) of each other, kept as close to the order given as that allows
    (the order given is the preference: shuffled for a quiz, most overdue first for a
    review). When the siblings are too many for the window (five questions from one sentence
    in a quiz of eight), the window shrinks one step at a time until they fit; at 1 (never
    back to back) whatever is left is unavoidable."""
    if len(questions) < 2:
        return list(questions)
    every = list(keys) if keys is not None else [sibling_keys(q) for q in questions]
    sizes: dict[str, int] = {}
    for item_keys in every:
        for key in item_keys:
            sizes[key] = sizes.get(key, 0) + 1
    largest = max(sizes.values(), default=1)
    length = len(questions)
    wanted = spacing_window(length) if window is None else window
    if largest > 1:  # k siblings need (k - 1)(N + 1) + 1 places
        wanted = min(wanted, max(1, (length - 1) // (largest - 1) - 1))
    order: list[int] = list(range(length))
    for n in range(max(1, wanted), 0, -1):
        order = _spread(every, n)
        if n == 1 or not _too_close(every, order, n):
            break
    return [questions[i] for i in order]


def _spread(keys: Sequence[frozenset[str]], window: int) -> list[int]:
    """One greedy pass: at each place, the first question (in the order given) with no
    sibling among the last ``window`` placed, unless a large group of siblings has no room
    left to wait: then the one whose group needs the most room. Over 300 questions only a
    look-ahead of 64 is searched, so a bank of 100,000 questions is arranged in a moment."""
    length = len(keys)
    remaining: dict[str, int] = {}
    for item_keys in keys:
        for key in item_keys:
            remaining[key] = remaining.get(key, 0) + 1

    def need(key: str) -> int:
        return (remaining[key] - 1) * (window + 1) + 1

    most = max((need(k) for k in remaining), default=1)
    ahead = length if length <= 300 else 64
    stream = deque(range(length))
    buffer: list[int] = []
    last: dict[str, int] = {}
    placed: list[int] = []
    for place in range(length):
        while len(buffer) < ahead and stream:
            buffer.append(stream.popleft())
        left = length - place
        urgent_possible = left - window <= most
        pick = fallback = -1
        best = closest = -1
        for at, item in enumerate(buffer):
            gap = min((place - last[k] for k in keys[item] if k in last), default=length + 1)
            if gap > window:
                if not urgent_possible:
                    pick = at
                    break
                score = max((need(k) for k in keys[item]), default=1)
                score = score if score >= left - window else 0
                if score > best:
                    pick, best = at, score
            elif gap > closest:
                fallback, closest = at, gap
        chosen = buffer.pop(pick if pick >= 0 else fallback)
        placed.append(chosen)
        for key in keys[chosen]:
            last[key] = place
            remaining[key] -= 1
    return placed


def _too_close(keys: Sequence[frozenset[str]], order: Sequence[int], window: int) -> bool:
    """Whether two siblings in ``order`` come within ``window`` of each other."""
    last: dict[str, int] = {}
    for place, item in enumerate(order):
        for key in keys[item]:
            if key in last and place - last[key] <= window:
                return True
            last[key] = place
    return False


def _fewest_siblings(questions: Sequence[Question], count: int) -> list[Question]:
    """The first ``count`` of ``questions``, passing over a sibling of one already taken
    while others are left (taken last, in order, when there are not enough)."""
    if count >= len(questions):
        return list(questions)
    taken: list[Question] = []
    passed: list[Question] = []
    seen: set[str] = set()
    for question in questions:
        keys = sibling_keys(question)
        if keys & seen:
            passed.append(question)
            continue
        taken.append(question)
        seen |= keys
        if len(taken) == count:
            return taken
    return taken + passed[: count - len(taken)]


class Item(Struct, frozen=True):
    """One question as this session presents it.

    ``order`` is the ordering items as shown (shuffled, never already right); ``options`` the
    matching right-hand sides as shown (shuffled). Multiple-choice choices keep the order the
    author wrote: teachers order them on purpose."""

    question: Question
    order: tuple[str, ...] = ()
    options: tuple[str, ...] = ()
    bank: Bank | None = None  # the question's own bank when a session spans several


def _present(question: Question, rng: random.Random, bank: Bank | None = None) -> Item:
    if bank is not None:
        return replace(_present(question, rng), bank=bank)
    if isinstance(question, Ordering):
        items = list(question.items)
        if len(set(items)) > 1:
            for _ in range(20):
                rng.shuffle(items)
                if tuple(items) != question.items:
                    break
        return Item(question, order=tuple(items))
    if isinstance(question, Matching):
        rights = [p.right for p in question.pairs]
        rng.shuffle(rights)
        return Item(question, options=tuple(rights))
    return Item(question)


#: Above this many questions, a shuffled session without ``count`` is ordered and presented
#: as the quiz goes (:class:`_AsItGoes`) rather than all before the first question.
LAZY_OVER = 2_000
#: How many questions ahead :class:`_AsItGoes` looks for one with no sibling close by (as
#: :func:`_spread` does over 300 questions).
LOOK_AHEAD = 64
#: The last this many questions of such a session are drawn and keyed all at once, so that
#: the end of the quiz is placed as :func:`_spread` places it, knowing every group left.
TAIL = 300


class _AsItGoes(Sequence[Item]):
    """The items of a big shuffled session, each ordered and presented when first asked for.

    Before, a 100,000-question session computed the sibling keys of every question (a
    regular expression each), spaced them all (:func:`arrange`) and presented them all before
    the first one was shown: 0.9 s, where the first question needs only the first 64. Here
    the questions are drawn at random one at a time (a Fisher-Yates shuffle from the front,
    so a draw costs the same whether 10 or 100,000 remain), keyed as they are drawn, and
    placed by the same greedy rule as :func:`_spread`: the first of the next
    :data:`LOOK_AHEAD` with no sibling among the last ``window`` placed, or failing that the
    one whose nearest sibling is farthest. The last :data:`TAIL` questions are drawn at once
    and placed as :func:`_spread` places them, making room in time for the groups of
    siblings still left (the end, where the look-ahead ran dry and siblings met). What it
    cannot do without every key is shrink the window for a group of siblings too large for
    it: a bank of that shape gets the farthest sibling it can instead. Items are made in
    order, whatever index is asked for first, so one seed gives one quiz."""

    def __init__(self, pool: list[Question], rng: random.Random, window: int) -> None:
        self._pool = pool  # shuffled in place as it is drawn: [:_drawn] is drawn
        self._drawn = 0
        self._rng = rng
        self._window = window
        self._buffer: list[tuple[Question, frozenset[str]]] = []
        self._last: dict[str, int] = {}  # sibling key -> the place it was last seen at
        self._items: list[Item] = []
        self._left: dict[str, int] | None = None  # in the tail: sibling key -> questions left
        self._most = 1  # in the tail: the room the largest group left needs

    def __len__(self) -> int:
        return len(self._pool)

    @overload
    def __getitem__(self, index: int) -> Item: ...

    @overload
    def __getitem__(self, index: slice) -> list[Item]: ...

    def __getitem__(self, index: int | slice) -> Item | list[Item]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        while len(self._items) <= index:
            self._place_next()
        return self._items[index]

    def _draw(self) -> Question:
        pool, at = self._pool, self._drawn
        other = self._rng.randrange(at, len(pool))
        pool[at], pool[other] = pool[other], pool[at]
        self._drawn += 1
        return pool[at]

    def _need(self, key: str) -> int:
        assert self._left is not None
        return (self._left[key] - 1) * (self._window + 1) + 1

    def _place_next(self) -> None:
        buffer, last, place, window = self._buffer, self._last, len(self._items), self._window
        left = len(self) - place
        if self._left is None and left <= TAIL:
            while self._drawn < len(self._pool):
                question = self._draw()
                buffer.append((question, sibling_keys(question)))
            self._left = {}
            for _question, keys in buffer:
                for key in keys:
                    self._left[key] = self._left.get(key, 0) + 1
            self._most = max((self._need(k) for k in self._left), default=1)
        while len(buffer) < LOOK_AHEAD and self._drawn < len(self._pool):
            question = self._draw()
            buffer.append((question, sibling_keys(question)))
        urgent_possible = self._left is not None and left - window <= self._most
        pick = fallback = -1
        best = closest = -1
        for at, (_question, keys) in enumerate(buffer):
            gap = min((place - last[k] for k in keys if k in last), default=len(self) + 1)
            if gap > window:
                if not urgent_possible:
                    pick = at
                    break
                score = max((self._need(k) for k in keys), default=1)
                score = score if score >= left - window else 0
                if score > best:
                    pick, best = at, score
            elif gap > closest:
                fallback, closest = at, gap
        question, keys = buffer.pop(pick if pick >= 0 else fallback)
        for key in keys:
            last[key] = place
            if self._left is not None:
                self._left[key] -= 1
        self._items.append(_present(question, self._rng))


class Result(Struct, frozen=True):
    """A graded answer within the session."""

    item: Item
    grade: Grade
    answer: Answer

    @property
    def question(self) -> Question:
        return self.item.question

    @property
    def outcome(self) -> Outcome:
        return self.grade.outcome


class Breakdown(Struct, frozen=True):
    """How one group (a type, a tag) went."""

    name: str
    correct: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.correct / self.total) if self.total else 0


class Miss(Struct, frozen=True):
    """A question got wrong, for the summary: what was given and what was right."""

    question: Question
    given: str
    answer: str


class Summary(Struct, frozen=True):
    """The end of a session in figures: what the summary screen shows. Every figure is of
    first answers (an answer taken back with undo included); ``taken_back`` counts those.
    ``answered < total`` when the quiz ended early."""

    correct: int
    near_misses: int
    answered: int
    total: int
    seconds: float
    by_type: tuple[Breakdown, ...]
    by_tag: tuple[Breakdown, ...]
    missed: tuple[Miss, ...]
    taken_back: int = 0

    @property
    def ended_early(self) -> bool:
        return self.answered < self.total

    @property
    def percent(self) -> int:
        return round(100 * self.correct / self.answered) if self.answered else 0


class Session(Struct):
    """Questions asked one at a time. ``answer()`` grades the current one, records it, and
    the caller moves on with ``advance()`` once the learner has read the feedback.

    ``mode`` is how answers are kept: "play" and "review" schedule them, "cram" never touches
    a schedule. A session over several banks (a review) has one :class:`Item` per question
    with its own ``bank``; ``bank`` is then a stand-in naming the session (its id is
    ``"*"``, see :func:`mixed_bank`).

    ``results`` holds the latest answer to each question asked; ``taken_back`` the first
    answer to each question whose answer was undone (by question index). Undo keeps the
    truth: the score, the summary and the schedule use first answers, and the answer given
    when the question is asked again is a retake (see :class:`~quiz.record.Answer`)."""

    bank: Bank
    items: Sequence[Item]  # a list, or for a big shuffled bank made as the quiz goes
    recorder: Recorder = field(default_factory=MemoryRecorder)
    clock: Clock = utc_now
    options: Options = field(default_factory=Options)
    index: int = 0
    results: list[Result] = field(default_factory=list)
    mode: str = "play"
    taken_back: dict[int, Result] = field(default_factory=dict)

    @classmethod
    def start(
        cls,
        bank: Bank,
        options: Options | None = None,
        *,
        recorder: Recorder | None = None,
        clock: Clock = utc_now,
        questions: Iterable[Question] | None = None,
        mode: str = "play",
    ) -> Session:
        """A new session over ``bank``. Raises :class:`NoQuestions` if nothing is left to ask."""
        options = options or Options()
        rng = random.Random(options.seed)
        if questions is None and options.shuffle and options.count is None:
            pool = _filtered(bank, options)
            if len(pool) > LAZY_OVER:
                return cls(
                    bank=bank,
                    items=_AsItGoes(pool, rng, spacing_window(len(pool))),
                    recorder=recorder if recorder is not None else MemoryRecorder(),
                    clock=clock,
                    options=options,
                    mode=mode,
                )
        if questions is None:
            chosen = select_questions(bank, options, rng)
        else:  # in the order given, siblings spaced when the order is not the bank's
            chosen = arrange(list(questions)) if options.shuffle else list(questions)
        if not chosen:
            what = options.describe()
            raise NoQuestions(f"no questions in {bank.id}" + (f" match {what}" if what else ""))
        return cls(
            bank=bank,
            items=[_present(q, rng) for q in chosen],
            recorder=recorder if recorder is not None else MemoryRecorder(),
            clock=clock,
            options=options,
            mode=mode,
        )

    @classmethod
    def over(
        cls,
        bank: Bank,
        questions: Iterable[tuple[Bank, Question]],
        *,
        mode: str,
        recorder: Recorder | None = None,
        clock: Clock = utc_now,
        seed: int | None = None,
    ) -> Session:
        """A session asking ``questions`` in the order given, each from its own bank (a
        review); ``bank`` names the session. Raises :class:`NoQuestions` when empty."""
        rng = random.Random(seed)
        items = [_present(q, rng, own) for own, q in questions]
        if not items:
            raise NoQuestions(f"nothing to ask in {bank.title}")
        return cls(
            bank=bank,
            items=items,
            recorder=recorder if recorder is not None else MemoryRecorder(),
            clock=clock,
            options=Options(seed=seed, shuffle=False),
            mode=mode,
        )

    # ------------------------------------------------------------------ where we are

    @property
    def total(self) -> int:
        return len(self.items)

    @property
    def current(self) -> Item:
        return self.items[self.index]

    @property
    def number(self) -> int:
        """1-based number of the current question."""
        return self.index + 1

    @property
    def finished(self) -> bool:
        return self.index >= len(self.items)

    @property
    def awaiting_answer(self) -> bool:
        """True until the current question is answered."""
        return not self.finished and len(self.results) == self.index

    @property
    def score(self) -> int:
        """First answers counted correct so far (near misses count)."""
        return sum(r.outcome.correct for r in self.first_answers())

    @property
    def answered(self) -> int:
        """Questions answered so far (one taken back and not answered again included)."""
        return len(self.first_answers())

    def first_answers(self) -> list[Result]:
        """The first answer to each question answered, in order: what counts."""
        asked = range(max(len(self.results), max(self.taken_back, default=-1) + 1))
        return [self.taken_back[i] if i in self.taken_back else self.results[i] for i in asked]

    @property
    def can_undo(self) -> bool:
        """The current question is answered, and that answer is a first one (an answer is
        taken back once: the retake stands)."""
        return (
            not self.finished
            and len(self.results) == self.index + 1
            and self.index not in self.taken_back
        )

    @property
    def last(self) -> Result | None:
        return self.results[-1] if self.results else None

    @property
    def title(self) -> str:
        return self.bank.title

    def bank_of(self, item: Item) -> Bank:
        """The bank ``item`` comes from (its own in a session over several banks)."""
        return item.bank or self.bank

    # ------------------------------------------------------------------ answering

    def answer(self, response: Any, seconds: float) -> Result:
        """Grade ``response`` to the current question, hand it to the recorder, return it."""
        result = self.grade(response, seconds)
        self.recorder.record(result.answer)
        return result

    def grade(self, response: Any, seconds: float) -> Result:
        """Grade ``response`` to the current question and keep the result, without recording
        it: for a caller that saves the answer itself (and waits for it) before going on."""
        if not self.awaiting_answer:
            raise RuntimeError("the current question is already answered")
        item = self.current
        question = item.question
        from quiz.grading import grade  # on the first answer: not needed to show a question

        verdict = grade(question, response)
        answer = Answer(
            bank_id=self.bank_of(item).id,
            question_id=question.id,
            question_type=question.TYPE,
            given=verdict.given,
            outcome=verdict.outcome,
            seconds=max(0.0, float(seconds)),
            answered_at=self.clock(),
            answer_key=question.answer_key(),
            tags=question.tags,
            retake=self.index in self.taken_back,
        )
        result = Result(item, verdict, answer)
        self.results.append(result)
        return result

    def undo(self) -> Result | None:
        """Take back the answer just given (for a slip of the key): its question is asked
        again. The answer is kept in :attr:`taken_back`, marked undone, and keeps counting;
        the next answer to the question is a retake. Returns the answer taken back, or
        ``None`` when there is none to take back (see :attr:`can_undo`). The recorder is
        not told; the caller marks the saved answer itself."""
        if not self.can_undo:
            return None
        removed = self.results.pop()
        marked = replace(removed, answer=replace(removed.answer, undone=True))
        self.taken_back[self.index] = marked
        return marked

    def advance(self) -> bool:
        """Move past the answered question; False once the session is over."""
        if self.awaiting_answer:
            raise RuntimeError("answer the current question first")
        if not self.finished:
            self.index += 1
        return not self.finished

    # ------------------------------------------------------------------ the end

    def summary(self) -> Summary:
        results = self.first_answers()
        retakes = [r for r in self.results if r.answer.retake]
        return Summary(
            correct=sum(r.outcome.correct for r in results),
            near_misses=sum(r.outcome is Outcome.NEAR_MISS for r in results),
            answered=len(results),
            total=self.total,
            seconds=sum(r.answer.seconds for r in [*results, *retakes]),
            by_type=_breakdown(results, lambda r: (r.question.TYPE,)),
            by_tag=_breakdown(results, lambda r: r.question.tags),
            missed=tuple(
                Miss(r.question, r.grade.given, r.question.answer_text())
                for r in results
                if not r.outcome.correct
            ),
            taken_back=len(self.taken_back),
        )

    def missed_questions(self) -> list[Question]:
        """The questions whose first answer was wrong."""
        return [r.question for r in self.first_answers() if not r.outcome.correct]

    def retry_missed(self) -> Session:
        """A new session of the questions missed here, in the order they came (same mode)."""
        seed = None if self.options.seed is None else self.options.seed + 1
        firsts = self.first_answers()
        if any(r.item.bank is not None for r in firsts):
            return Session.over(
                self.bank,
                [(self.bank_of(r.item), r.question) for r in firsts if not r.outcome.correct],
                mode=self.mode,
                recorder=self.recorder,
                clock=self.clock,
                seed=seed,
            )
        return Session.start(
            self.bank,
            replace(self.options, seed=seed, count=None),
            recorder=self.recorder,
            clock=self.clock,
            questions=self.missed_questions(),
            mode=self.mode,
        )


def mixed_bank(title: str, bank_id: str = "*") -> Bank:
    """The stand-in :attr:`Session.bank` of a session over several banks: it names the
    session (``title``) and has no questions of its own. ``"*"`` is the store's id for a
    session spanning all banks."""
    return Bank(id=bank_id, title=title, source=Source(title="", text=""), questions=())


def _breakdown(
    results: Sequence[Result], keys: Callable[[Result], Iterable[str]]
) -> tuple[Breakdown, ...]:
    counts: dict[str, list[int]] = {}
    for r in results:
        for key in keys(r):
            entry = counts.setdefault(key, [0, 0])
            entry[0] += r.outcome.correct
            entry[1] += 1
    return tuple(Breakdown(k, c, t) for k, (c, t) in counts.items())
