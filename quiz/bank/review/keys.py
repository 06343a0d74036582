"""The key stands out: checks on a multiple-choice question's options.

A test-wise learner picks the option that looks different: the longest, the one in the
article's own words, the only one in quotation marks, the only one repeating a name from the
question. Each check compares the right answer with the wrong ones of the same question.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from quiz.bank.model import MultipleChoice
from quiz.bank.review import text
from quiz.bank.review.base import Context, Hit, distractors
from quiz.bank.review.words import COUNTRIES, NOT_NAMES

#: "By far the longest": at least this much longer than the longest wrong option...
LONGEST_RATIO = 1.3
#: ...and at least this many characters longer.
LONGEST_MARGIN = 10
#: A key counts as copied when this share of its words lies in runs copied from the article...
COPIED = 0.75
#: ...and a wrong option as not copied below this share.
NOT_COPIED = 0.5
#: Fewer content words than this and a key is a term, not a wording a reader recognises.
MIN_COPIED_WORDS = 3
#: A question about wording ("What did she call ...?") must quote the article.
_ASKS_FOR_WORDS = re.compile(
    r"\b(call|called|calls|describe|described|describes|words?|phrase|expression|term)\b", re.I
)


_PLACE_WORDS = frozenset(
    word
    for country, (capital, other, _, _) in COUNTRIES.items()
    for name in (country, capital, *other)
    for word in name.split()
)


def _single(ctx: Context) -> Iterator[MultipleChoice]:
    for q in ctx.bank.questions:
        if isinstance(q, MultipleChoice) and not q.multiple and len(q.choices) >= 3:
            yield q


def key_longest(ctx: Context) -> Iterator[Hit]:
    for q in _single(ctx):
        key = q.answers[0]
        longest = max(len(d) for d in distractors(q))
        if len(key) >= LONGEST_RATIO * longest and len(key) - longest >= LONGEST_MARGIN:
            yield Hit(
                q.id,
                f"the right answer has {len(key)} characters, the longest wrong one {longest}",
                "shorten the right answer or give the wrong ones the same length and detail",
            )


def _copied(words: list[str], ctx: Context, share: float) -> bool:
    """A wording taken from the article: enough content words, enough of them in copied runs.
    Shorter texts are terms ("plastic bottles"), which every option may share with the article."""
    return text.content_count(words) >= MIN_COPIED_WORDS and ctx.covered(words) >= share


def key_verbatim(ctx: Context) -> Iterator[Hit]:
    for q in _single(ctx):
        key = q.answers[0]
        if text.is_quoted(key) or _ASKS_FOR_WORDS.search(q.prompt):
            continue  # a question about wording has to use the article's words
        words = text.tokens(key)
        if not _copied(words, ctx, COPIED) or set(words) <= ctx.capitalised | text.STOPWORDS:
            continue  # not copied, or a name: a name is the fact, not the article's wording
        if any(_copied(text.tokens(d), ctx, NOT_COPIED) for d in distractors(q)):
            continue
        yield Hit(
            q.id,
            "the right answer is the only option copied word for word from the article",
            "reword the right answer in your own words, or take the wrong ones from the "
            "article's wording too",
        )


def key_only_quoted(ctx: Context) -> Iterator[Hit]:
    for q in ctx.bank.questions:
        if not isinstance(q, MultipleChoice) or len(q.choices) < 3:
            continue
        quoted = [c for c in q.choices if text.is_quoted(c)]
        unquoted_wrong = [d for d in distractors(q) if not text.is_quoted(d)]
        if quoted and all(c in q.answers for c in quoted) and len(unquoted_wrong) >= 2:
            yield Hit(
                q.id,
                "only the right answer"
                + ("s are" if len(quoted) > 1 else " is")
                + " in quotation marks",
                "drop the quotation marks, or quote the wrong options as well",
            )


def _names(prompt: str, ctx: Context) -> set[str]:
    """The people the prompt names: capitalised words the article also capitalises, that are
    not places, months, titles or the names of bodies."""
    out: set[str] = set()
    for run in re.findall(r"(?:[A-Z][\w’'-]+\s?)+", prompt):
        words = text.tokens(run)
        if any(w in NOT_NAMES or w in _PLACE_WORDS for w in words):
            continue  # "the African Development Bank", "Chile's", "President"
        out.update(w for w in words if w in ctx.capitalised and w not in text.STOPWORDS)
    return out


def key_names_stem_person(ctx: Context) -> Iterator[Hit]:
    for q in _single(ctx):
        names = _names(q.prompt, ctx)
        if not names:
            continue
        key = set(text.tokens(q.answers[0]))
        shared = names & key
        if shared and not any(shared & set(text.tokens(d)) for d in distractors(q)):
            name = sorted(shared)[0].title()
            yield Hit(
                q.id,
                f"only the right answer repeats {name!s}, named in the question",
                f"name {name} in every option or in none",
            )
