"""A quiz session over a bank: which questions, in what order, graded answers, the summary.

No I/O. Time comes from an injected clock and every graded answer is handed, as it is given,
to a :class:`~quiz.record.Recorder`.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

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
    "mixed_bank",
    "select_questions",
    "utc_now",
]

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


class NoQuestions(QuizError):
    """The filters left nothing to ask."""


class Options(Struct, frozen=True):
    """How to pick the questions of a session.

    ``types`` and ``tags`` filter (a question passes with any of the tags); ``count`` caps how
    many; ``seed`` makes the order (and the shuffles of ordering and matching items)
    reproducible. With ``shuffle`` off the bank's order is kept."""

    count: int | None = None
    types: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    seed: int | None = None
    shuffle: bool = True

    def describe(self) -> str:
        """The filters in words, for messages ("type cloze, tag security")."""
        bits = []
        if self.types:
            bits.append("type " + " or ".join(self.types))
        if self.tags:
            bits.append("tag " + " or ".join(self.tags))
        return ", ".join(bits)


def select_questions(bank: Bank, options: Options, rng: random.Random) -> list[Question]:
    chosen = [
        q
        for q in bank.questions
        if (not options.types or q.TYPE in options.types)
        and (not options.tags or set(q.tags) & set(options.tags))
    ]
    if options.shuffle:
        rng.shuffle(chosen)
    if options.count is not None:
        chosen = chosen[: max(0, options.count)]
    return chosen


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
    """The end of a session in figures: what the summary screen shows."""

    correct: int
    near_misses: int
    answered: int
    total: int
    seconds: float
    by_type: tuple[Breakdown, ...]
    by_tag: tuple[Breakdown, ...]
    missed: tuple[Miss, ...]

    @property
    def percent(self) -> int:
        return round(100 * self.correct / self.answered) if self.answered else 0


class Session(Struct):
    """Questions asked one at a time. ``answer()`` grades the current one, records it, and
    the caller moves on with ``advance()`` once the learner has read the feedback.

    ``mode`` is how answers are kept: "play" and "review" schedule them, "cram" never touches
    a schedule. A session over several banks (a review) has one :class:`Item` per question
    with its own ``bank``; ``bank`` is then a stand-in naming the session (its id is
    ``"*"``, see :func:`mixed_bank`)."""

    bank: Bank
    items: list[Item]
    recorder: Recorder = field(default_factory=MemoryRecorder)
    clock: Clock = utc_now
    options: Options = field(default_factory=Options)
    index: int = 0
    results: list[Result] = field(default_factory=list)
    mode: str = "play"

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
        chosen = (
            list(questions) if questions is not None else select_questions(bank, options, rng)
        )
        if not chosen:
            what = options.describe()
            raise NoQuestions(
                f"no questions in {bank.id}" + (f" match {what}" if what else "")
            )
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
        """Answers counted correct so far (near misses count)."""
        return sum(r.outcome.correct for r in self.results)

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
        )
        result = Result(item, verdict, answer)
        self.results.append(result)
        return result

    def undo(self) -> Result | None:
        """Take back the last answer: the score and the position go back to its question,
        which is asked again. Returns the result removed (``None`` if nothing was answered).
        The recorder is not told; the caller undoes the saved answer itself."""
        if not self.results:
            return None
        removed = self.results.pop()
        self.index = len(self.results)
        return removed

    def advance(self) -> bool:
        """Move past the answered question; False once the session is over."""
        if self.awaiting_answer:
            raise RuntimeError("answer the current question first")
        if not self.finished:
            self.index += 1
        return not self.finished

    # ------------------------------------------------------------------ the end

    def summary(self) -> Summary:
        results = self.results
        return Summary(
            correct=self.score,
            near_misses=sum(r.outcome is Outcome.NEAR_MISS for r in results),
            answered=len(results),
            total=self.total,
            seconds=sum(r.answer.seconds for r in results),
            by_type=_breakdown(results, lambda r: (r.question.TYPE,)),
            by_tag=_breakdown(results, lambda r: r.question.tags),
            missed=tuple(
                Miss(r.question, r.grade.given, r.question.answer_text())
                for r in results
                if not r.outcome.correct
            ),
        )

    def missed_questions(self) -> list[Question]:
        return [r.question for r in self.results if not r.outcome.correct]

    def retry_missed(self) -> Session:
        """A new session of the questions missed here, in the order they came (same mode)."""
        seed = None if self.options.seed is None else self.options.seed + 1
        if any(r.item.bank is not None for r in self.results):
            return Session.over(
                self.bank,
                [(self.bank_of(r.item), r.question) for r in self.results
                 if not r.outcome.correct],
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
