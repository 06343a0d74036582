"""The item-review advice: every check with its code, why it matters, and whether it runs by
default, and :func:`review`, which runs them over a bank.

An advice is on by default only when it was right at least 80% of the time on the labelled set
(precision >= 0.8, docs/item-review.md); the others run with ``quiz check --all-advice``. The
measurement test (tests/bank/test_item_review_measure.py) fails when a flag here disagrees with
the measured precision, so the flags cannot drift from the figures.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping

from msgspec import Struct

from quiz.bank.model import Bank
from quiz.bank.review import cross, distractors, fit, keys, knowledge, position, recall
from quiz.bank.review.base import Advice, Context, Hit
from quiz.bank.review.codes import ADVICE_CODES


class Check(Struct, frozen=True):
    code: str
    run: Callable[[Context], Iterable[Hit]]
    why: str  # one sentence: why the flaw matters
    on: bool  # on by default (precision >= 0.8 on the labelled set)


CHECKS: tuple[Check, ...] = (
    Check(
        "answer-position",
        position.answer_position,
        "learners can guess the answer by its place",
        True,
    ),
    Check(
        "key-longest",
        keys.key_longest,
        "test-wise learners pick the longest, most detailed option",
        True,
    ),
    Check(
        "key-verbatim",
        keys.key_verbatim,
        "a learner who recognises the article's wording answers without understanding",
        True,
    ),
    Check(
        "key-only-quoted",
        keys.key_only_quoted,
        "quotation marks single out the article's own words, and so the key",
        True,
    ),
    Check(
        "key-names-stem-person",
        keys.key_names_stem_person,
        "an option repeating the question's name is picked for the echo, not the fact",
        True,
    ),
    Check(
        "tf-true-verbatim",
        recall.tf_true_verbatim,
        "a copied sentence is recognised, not understood, and learners learn that copied "
        "means true",
        True,
    ),
    Check(
        "guessable-blank",
        recall.guessable_blank,
        "anyone who knows English fills the blank without having read the article",
        True,
    ),
    Check(
        "general-knowledge",
        knowledge.general_knowledge,
        "it tests what every reader knows already, not what the article taught",
        True,
    ),
    Check(
        "distractor-true-elsewhere",
        distractors.distractor_true_elsewhere,
        "a learner who knows the facts may rightly choose it, and be marked wrong",
        False,  # precision 0.50 on the labelled set: too often wrong to show by default
    ),
    Check(
        "stem-key-mismatch",
        fit.stem_key_mismatch,
        "the question and its answer do not fit, which confuses the learner or gives the "
        "answer away",
        True,
    ),
    Check(
        "answer-leak",
        cross.answer_leak,
        "a quiz asks questions in any order, so one question answers the other",
        True,
    ),
    Check(
        "duplicate-test",
        cross.duplicate_test,
        "the second question adds nothing and makes the fact count twice in a score",
        True,
    ),
    Check(
        "matching-gives-away",
        cross.matching_gives_away,
        "one matching question hands out the answers of several others",
        True,
    ),
)

BY_CODE: dict[str, Check] = {check.code: check for check in CHECKS}


class Silenced(Struct, frozen=True):
    """An advice the bank's author silenced for one question, with the reason they gave."""

    advice: Advice
    reason: str


class Review(Struct, frozen=True):
    """What :func:`review` found: advice to show, and advice silenced in the bank file."""

    shown: tuple[Advice, ...]
    silenced: tuple[Silenced, ...]
    off: tuple[str, ...]  # codes not run (off by default, no --all-advice)


def enabled(all_advice: bool = False) -> list[Check]:
    return [c for c in CHECKS if c.on or all_advice]


def run(
    bank: Bank,
    checks: Iterable[Check],
    lines: Mapping[str, int] | None = None,
    progress: Callable[[float], None] | None = None,
) -> Iterator[Advice]:
    """Every advice of ``checks`` on ``bank``, each with the line of its question;
    ``progress`` hears the share of the checks done (a 100,000-question bank takes seconds)."""
    ctx = Context(bank, lines)
    listed = list(checks)
    for done, check in enumerate(listed):
        if progress is not None:
            progress(done / len(listed))
        for hit in check.run(ctx):
            yield Advice(
                code=check.code,
                question=hit.question,
                line=ctx.lines.get(hit.question, 0),
                finding=hit.finding,
                why=check.why,
                fix=hit.fix,
            )


def review(
    bank: Bank,
    lines: Mapping[str, int] | None = None,
    *,
    all_advice: bool = False,
    progress: Callable[[float], None] | None = None,
) -> Review:
    """Review every question of ``bank``; ``lines`` maps question ids to their line in the
    file. Advice a question silences (``silence: {CODE: reason}``) is set apart with its
    reason."""
    checks = enabled(all_advice)
    shown: list[Advice] = []
    silenced: list[Silenced] = []
    for advice in run(bank, checks, lines, progress):
        question = bank.question(advice.question) if advice.question else None
        reasons = dict(question.silence) if question is not None else {}
        if advice.code in reasons:
            silenced.append(Silenced(advice, reasons[advice.code]))
        else:
            shown.append(advice)
    shown.sort(key=lambda a: (a.line, ADVICE_CODES.index(a.code)))
    off = tuple(c.code for c in CHECKS if c not in checks)
    return Review(tuple(shown), tuple(silenced), off)
