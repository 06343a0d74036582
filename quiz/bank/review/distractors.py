"""Distractors that are also right: a wrong option the article itself makes true.

When a wrong option appears in a sentence of the article that is about what the question asks
(the sentence shares the question's words), a reader who knows the article, or the news, may
rightly think it is also an answer: "Which country did they invite?" with Uganda right and Peru
wrong, when the article says they invited "Uganda and Peru". A stem that says "according to the
article" is exempt: it tells the learner the article is the only reference.

This is the weakest of the checks (the article cannot say which facts of the wider news a
learner knows), and it is measured as such in docs/item-review.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from quiz.bank.model import MultipleChoice
from quiz.bank.review import text
from quiz.bank.review.base import Context, Hit, distractors

#: The question and the article's sentence must share this many meaning-carrying words.
SHARED = 2
_QUALIFIED = re.compile(r"\b(according to|the article|in the article)\b", re.I)


def _containing(ctx: Context, phrase: tuple[str, ...]) -> list[list[str]]:
    """The article's sentences holding ``phrase`` word for word (options repeat: cached)."""
    memo: dict[tuple[str, ...], list[list[str]]] = ctx.memo.setdefault("containing", {})
    if phrase not in memo:
        holding = ctx.memo.get("sentences-with")
        if holding is None:  # word -> the sentences holding it
            holding = ctx.memo["sentences-with"] = {}
            for sentence in ctx.sentences:
                for word in set(sentence):
                    holding.setdefault(word, []).append(sentence)
        candidates = holding.get(phrase[0], [])
        memo[phrase] = [s for s in candidates if text.contains(s, phrase)]
    return memo[phrase]


def distractor_true_elsewhere(ctx: Context) -> Iterator[Hit]:
    for q in ctx.bank.questions:
        if not isinstance(q, MultipleChoice) or _QUALIFIED.search(q.prompt):
            continue
        asked = text.content(text.tokens(q.prompt)) - text.QUESTION_WORDS
        for answer in q.answers:
            asked -= text.content(text.tokens(answer))
        for option in distractors(q):
            phrase = text.strip_leading(text.tokens(option))
            if not text.content_count(phrase):
                continue
            about = asked - text.content(phrase)
            for sentence in _containing(ctx, tuple(phrase)):
                if len(about & text.content(sentence)) >= SHARED:
                    yield Hit(
                        q.id,
                        f"the wrong option {option!r} is true in the article, in a sentence "
                        "about what the question asks",
                        "choose a wrong option the article does not make true, or make the "
                        'question precise enough ("according to the article", a date, a name) '
                        "to rule it out",
                    )
                    break
            else:
                continue
            break
