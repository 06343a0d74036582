"""Recognition instead of recall, and blanks a reader fills without the article.

A true statement copied from the article is answered by recognising its wording, not by
understanding it; a cloze blank inside a stock phrase ("a drop in the ___") or whose answer is
printed elsewhere in the same prompt is answered by anyone who knows English.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from quiz.bank.model import BLANK_PATTERN, Cloze, TrueFalse
from quiz.bank.review import text
from quiz.bank.review.base import Context, Hit
from quiz.bank.review.phrases import PHRASES, parse

#: A true statement counts as copied when this share of its words lies in copied runs.
COPIED = 0.8
#: Shorter statements are too short to tell copying from chance.
MIN_WORDS = 4
_QUALIFIER = re.compile(
    r"^\s*(according to the article|the article (says|states|reports)( that)?|"
    r"in the article)\s*,?\s*",
    re.I,
)
_BLANK = re.compile(BLANK_PATTERN)
#: "more than 100", "fewer than 2,000", "less than $5 million": a bound on a figure.
_BOUND = re.compile(r"\b(?:more|fewer|less) than [$€£¥]?(\d[\d,.]*)")
_PARSED = [parse(entry) for entry in PHRASES]


def tf_true_verbatim(ctx: Context) -> Iterator[Hit]:
    for q in ctx.bank.questions:
        if not isinstance(q, TrueFalse) or not q.answer:
            continue
        if _states_a_bound(q.prompt, q.source):
            continue
        words = text.tokens(_QUALIFIER.sub("", q.prompt))
        if len(words) >= MIN_WORDS and ctx.covered(words) >= COPIED:
            yield Hit(
                q.id,
                "the true statement is copied from the article word for word",
                "say the same thing in other words (change the order, use synonyms), so the "
                "learner has to understand it rather than recognise it",
            )


def _states_a_bound(prompt: str, source: str) -> bool:
    """ "Ankara hosts more than 2 million refugees" where the article says 3.6 million: the
    wording is the article's, but the bound is not, so the learner judges the figure's scale
    rather than recognising a sentence (a false statement of this kind is never flagged)."""
    return any(found.group(1) not in source for found in _BOUND.finditer(prompt))


def _stock_phrase(before: list[str], answers: set[str], after: list[str]) -> str | None:
    """The stock phrase the blank completes, if its visible words predict the answer."""
    for left, predicted, right in _PARSED:
        if not answers & set(predicted):
            continue
        if left and before[-len(left) :] != left:
            continue
        if right and after[: len(right)] != right:
            continue
        return " ".join([*left, predicted[0], *right])
    return None


def guessable_blank(ctx: Context) -> Iterator[Hit]:
    for q in ctx.bank.questions:
        if not isinstance(q, Cloze):
            continue
        parts = _BLANK.split(q.prompt)
        prompt_words = text.tokens(" ".join(parts))
        for index, blank in enumerate(q.blanks):
            if index + 1 >= len(parts):
                break
            answers = {" ".join(text.tokens(a)) for a in blank}
            before, after = text.tokens(parts[index]), text.tokens(parts[index + 1])
            phrase = _stock_phrase(before, answers, after)
            shown = blank[0]
            if phrase:
                yield Hit(
                    q.id,
                    f"blank {index + 1} ({shown!r}) completes the stock phrase {phrase!r}",
                    "blank a word the article alone supplies (a name, a number, a fact), "
                    "not part of a fixed expression",
                )
                break
            first = text.tokens(shown)
            if (
                text.content_count(first) == len(first) >= 1
                and len(shown) >= 4
                and text.contains(prompt_words, first)
            ):
                yield Hit(
                    q.id,
                    f"the answer of blank {index + 1} ({shown!r}) is printed elsewhere in the "
                    "prompt",
                    "blank a different word, or reword the prompt so it does not show the answer",
                )
                break
