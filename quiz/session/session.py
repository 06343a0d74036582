"""A quiz session: questions asked one at a time, graded answers recorded as they are given,
undo, the summary and a retry of the missed questions."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from msgspec import Struct, field
from msgspec.structs import replace

from quiz.bank.model import Bank, Question, Source
from quiz.session.choosing import NoQuestions, Options, filtered_positions, select_questions
from quiz.session.presenting import Item, present
from quiz.session.siblings import arrange, spacing_window

if TYPE_CHECKING:
    from quiz.record import Recorder
    from quiz.session.results import Result, Summary

__all__ = ["LAZY_OVER", "Clock", "Session", "mixed_bank", "utc_now"]

Clock = Callable[[], datetime]

#: Above this many questions, a shuffled session without ``count`` is ordered and presented
#: as the quiz goes (:class:`~quiz.session.as_it_goes.AsItGoes`) rather than all before the
#: first question. That module is imported only then: a quiz of the shipped bank never uses
#: it (importing it took about 0.2 ms of every start).
LAZY_OVER = 2_000


def utc_now() -> datetime:
    return datetime.now(UTC)


def _memory_recorder() -> Recorder:
    """A recorder keeping the answers in memory: a session's default. :mod:`quiz.record`
    (and :mod:`quiz.session.results`) are imported with the first answer, not before the
    first question: the app starts its session with its own recorder (0.5 ms of modules,
    the answer and its outcome, that ``quiz play`` loaded before its first paint)."""
    from quiz.record import MemoryRecorder

    return MemoryRecorder()


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
    recorder: Recorder = field(default_factory=_memory_recorder)
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
            pool = filtered_positions(bank, options)
            if len(pool) > LAZY_OVER:
                from quiz.session.as_it_goes import AsItGoes

                return cls(
                    bank=bank,
                    items=AsItGoes(bank.questions, pool, rng, spacing_window(len(pool))),
                    recorder=recorder if recorder is not None else _memory_recorder(),
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
            items=[present(q, rng, choices=options.shuffle) for q in chosen],
            recorder=recorder if recorder is not None else _memory_recorder(),
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
        items = [present(q, rng, own) for own, q in questions]
        if not items:
            raise NoQuestions(f"nothing to ask in {bank.title}")
        return cls(
            bank=bank,
            items=items,
            recorder=recorder if recorder is not None else _memory_recorder(),
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
        from quiz.record import Answer
        from quiz.session.results import Result

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
        from quiz.record import Outcome
        from quiz.session.results import Miss, Summary, breakdown

        results = self.first_answers()
        retakes = [r for r in self.results if r.answer.retake]
        return Summary(
            correct=sum(r.outcome.correct for r in results),
            near_misses=sum(r.outcome is Outcome.NEAR_MISS for r in results),
            answered=len(results),
            total=self.total,
            seconds=sum(r.answer.seconds for r in [*results, *retakes]),
            by_type=breakdown(results, lambda r: (r.question.TYPE,)),
            by_tag=breakdown(results, lambda r: r.question.tags),
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
