"""The precision gate: a question is in the bank only when nothing a teacher would object to was
found in it; the rest are held back as drafts, each with its reason, never used to fill a count.

Generation v1 filled a quota: it took the best-scoring candidates until the bank had 25, so a
weak candidate got in whenever the article ran short of good ones. Here every candidate is
judged on its own, by two kinds of evidence:

* what the generator knows of how a question was made (:func:`own_flaws`): it asks who said
  something rather than what was said, or about a weekday, a news agency or a unit
  conversion; it quotes a true sentence word for word;
* what a reviewer of the finished item would say (:func:`review_flaws`): the item-review
  advice of ``quiz check`` (docs/item-review.md), the same checks a teacher runs, over the
  provisional bank as a whole (a question that gives another's answer away, two questions
  testing one fact the same way).

The bank then gets the whole-bank balance a teacher expects (:mod:`quiz.generate.balance`).
"""

from __future__ import annotations

import re

from quiz.bank.model import Bank
from quiz.generate.facts import Article
from quiz.generate.questions import Candidate
from quiz.generate.select import trivial

__all__ = ["cross_conflicts", "own_flaws", "question_target", "review_flaws"]

#: News agencies, wires and publications: who reported or printed a remark is rarely what an
#: article teaches.
_PUBLISHERS = re.compile(
    r"\b(?:Reuters|Bloomberg|Associated Press|AP|AFP|Agence France[- ]Presse|Xinhua|Yonhap|"
    r"Kyodo|Tass|TASS|Interfax|Anadolu|PTI|ANI|BBC|CNN|CNBC|NPR|Al Jazeera|Fox News|"
    r"[A-Z][\w.&']*(?:\s+[A-Z][\w.&']*)*\s+(?:Times|Post|Journal|Herald|Tribune|Gazette|"
    r"Magazine|Weekly|Daily|News|Newspaper|Broadcasting|Radio|Television|TV))\b"
)
_WEEKDAY = re.compile(
    r"^(?:on\s+|last\s+|this\s+|next\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday)s?$",
    re.I,
)
#: "50 kilometres (31 miles)", "$5 (£4)": the figure in brackets restates the one before it.
_CONVERSION = re.compile(r"\d[\d,.]*\s*[^\W\d]*\s*\(\s*(?:about\s+|around\s+|some\s+)?$")
_SPEECH = r"(?:said|says|told|tells|added|stated|noted|wrote|asked|warned|insisted|argued)"
_ASKS_WHO_SAID = re.compile(
    r"^(?:Who|Which (?:\w+ ){0,2}?(?:organi[sz]ation|agency|group|official|person|company|"
    r"body|institution))\s+(?:\w+\s+)?" + _SPEECH[:-1] + r"|explained|announced|reported|"
    r"described|suggested|confirmed|estimated|predicted|called|urged)\b",
    re.I,
)
#: "said in a statement in April", "announced on Tuesday": the date of a remark, not of an event.
_ANNOUNCED_WHEN = re.compile(
    r"\b(?:said|says|announced|reported|stated|told \w+|confirmed|revealed|statement|"
    r"press release|news conference)\b[^.;]{0,25}\b(?:in|on|at|last|this)?\s*$",
    re.I,
)
_ASKS_WHEN_SAID = re.compile(
    r"^When did (?:\w+\s+){1,4}(?:say|said|announce|report|state|confirm|reveal|tell)\b", re.I
)
_SPEAKS_AFTER = re.compile(r"[\W]*(?:\w+\s+){0,2}" + _SPEECH + r"\b", re.I)
_SPOKEN_BEFORE = re.compile(r"\b(?:according to|" + _SPEECH + r")\s*$", re.I)


def question_target(words: int, limit: int) -> int:
    """How many questions an article of ``words`` words can carry: one for every ~35 words of
    body text (a reader retains a handful of points per paragraph), at least 10 from 400 words
    on, never more than ``limit``. A target, not a quota: the gate may leave fewer."""
    least = 10 if words >= 400 else 5
    return max(1, min(limit, max(least, round(words / 35))))


def own_flaws(c: Candidate, article: Article) -> list[str]:
    """What the generator knows is wrong with how ``c`` asks, in words for the teacher."""
    flaws: list[str] = []
    fact = c.fact
    if c.form == "quote" or _ASKS_WHO_SAID.match(c.prompt):
        flaws.append("asks who said it (attribution), not what was said")
    elif c.form in ("blank", "who") and fact.kind in ("person", "organisation") and _speaker_of(c):
        flaws.append("blanks the speaker of a remark (attribution), not what was said")
    if trivial(c, article):
        flaws.append(
            "its answer is what the whole article is about (in the headline or named throughout): "
            "guessable without reading"
        )
    if fact.kind == "date" and _WEEKDAY.match(fact.key.strip()):
        flaws.append("asks for the weekday of an event: trivia, not content")
    elif fact.kind == "date" and (
        _ANNOUNCED_WHEN.search(fact.sentence.text[max(0, fact.start - 45) : fact.start])
        or _ASKS_WHEN_SAID.match(c.prompt)
    ):
        flaws.append("asks when something was said or announced: trivia, not what happened")
    if fact.kind in ("organisation", "person", "term") and _PUBLISHERS.fullmatch(
        fact.key.strip()
    ):
        flaws.append("asks which news outlet reported or printed it: trivia")
    if fact.kind == "number" and _CONVERSION.search(fact.sentence.text[: fact.start]):
        flaws.append("asks for a unit conversion the article gives in brackets")
    if c.type == "true_false" and c.fields.get("answer") is True:
        flaws.append("the true statement is the article's sentence word for word (recognition)")
    return flaws


def _speaker_of(c: Candidate) -> bool:
    """The asked-for person is the one speaking in the sentence: "X said …", "X told …",
    "…, X said", "according to X"."""
    sentence = c.fact.sentence.text
    start, end = c.fact.start, c.fact.start + len(c.fact.key)
    return bool(_SPEAKS_AFTER.match(sentence[end : end + 40])) or bool(
        _SPOKEN_BEFORE.search(sentence[max(0, start - 30) : start])
    )


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
