"""The precision gate: a question is in the bank only when nothing a teacher would object to was
found in it; the rest are held back as drafts, each with its reason, never used to fill a count.

Generation v1 filled a quota: it took the best-scoring candidates until the bank had 25, so a
weak candidate got in whenever the article ran short of good ones. Here every candidate is
judged on its own, by two kinds of evidence:

* what the generator knows of how a question was made (:mod:`quiz.generate.flaws`): it asks
  who said something rather than what was said, or about a weekday, a news agency or a unit
  conversion; it points back to something not shown; it quotes a true sentence word for word;
* what a reviewer of the finished item would say (:func:`review_flaws`): the item-review
  advice of ``quiz check`` (docs/item-review.md), the same checks a teacher runs, over the
  provisional bank as a whole (a question that gives another's answer away, two questions
  testing one fact the same way).

The bank then gets the whole-bank balance a teacher expects (:mod:`quiz.generate.balance`).
"""

from __future__ import annotations

from quiz.bank.model import Bank
from quiz.generate.flaws import own_flaws

__all__ = ["cross_conflicts", "own_flaws", "question_target", "review_flaws"]


def question_target(words: int, limit: int) -> int:
    """How many questions an article of ``words`` words can carry: one for every ~35 words of
    body text (a reader retains a handful of points per paragraph), at least 10 from 400 words
    on, never more than ``limit``. A target, not a quota: the gate may leave fewer."""
    least = 10 if words >= 400 else 5
    return max(1, min(limit, max(least, round(words / 35))))


#: Advice about how questions of one bank relate, settled by :func:`cross_conflicts`; and about
#: the whole bank (answer positions), settled by :mod:`quiz.generate.balance`.
_CROSS = {"answer-leak", "duplicate-test", "matching-gives-away"}
_WHOLE_BANK = {"answer-position"}


def review_flaws(bank: Bank) -> dict[str, str]:
    """The item-review advice of ``quiz check`` on each question of a provisional bank (the
    advice on by default): question id -> the first finding."""
    from quiz.bank.review.registry import enabled, run

    checks = [c for c in enabled() if c.code not in _CROSS | _WHOLE_BANK]
    flaws: dict[str, str] = {}
    for advice in run(bank, checks):
        if advice.question and advice.question not in flaws:
            flaws[advice.question] = f"{advice.code}: {advice.finding}"
    return flaws


def cross_conflicts(bank: Bank, rank: list[str]) -> dict[str, str]:
    """Questions to hold back so that no kept question gives another's answer away or tests
    the same fact the same way: in ``rank`` order (best first), a question is kept unless it
    leaks the answer of, is given away by, or duplicates one kept before it. Holding back both
    sides of a leak would empty a bank whose questions share the article's names."""
    from quiz.bank.review.base import Context
    from quiz.bank.review.cross import _analysis

    listed, duplicates, leaks = _analysis(Context(bank))
    index = {q.id: i for i, q in enumerate(listed.questions)}
    twins: dict[int, set[int]] = {}
    for i, j in duplicates:
        twins.setdefault(i, set()).add(j)
        twins.setdefault(j, set()).add(i)
    kept: set[int] = set()
    held: dict[str, str] = {}
    for qid in rank:
        a = index[qid]
        gives = [o for o in leaks.get(a, {}) if o in kept]
        given = [o for o in kept if a in leaks.get(o, {})]
        same = [o for o in twins.get(a, set()) if o in kept]
        if gives:
            held[qid] = f"answer-leak: it gives away the answer of {listed.questions[gives[0]].id}"
        elif given:
            held[qid] = f"answer-leak: {listed.questions[given[0]].id} gives its answer away"
        elif same:
            held[qid] = f"duplicate-test: it tests the same as {listed.questions[same[0]].id}"
        else:
            kept.add(a)
    return held
