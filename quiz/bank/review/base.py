"""What every item-review check shares: the advice it gives and the bank as the checks read it.

A check is a function from a :class:`Context` to :class:`Hit` objects (question, what was found,
how to fix it); the registry turns hits into :class:`Advice` with the code, the line and the
one-sentence reason of the check, so each check states only what is particular to one item.
The context tokenises the article and each question once, because thirteen checks read them.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property, lru_cache
from typing import Any

from msgspec import Struct

from quiz.bank.model import (
    Bank,
    Cloze,
    MultipleChoice,
    Numeric,
    Question,
    ShortAnswer,
    format_number,
)
from quiz.bank.review import text
from quiz.bank.review.words import NUMBER_NAMES


class Hit(Struct, frozen=True):
    """One flaw found by a check: in which question, what exactly, and how to fix it."""

    question: str  # question id; "" for advice about the whole bank
    finding: str
    fix: str


class Advice(Struct, frozen=True):
    """A hit as ``quiz check`` reports it."""

    code: str
    question: str
    line: int
    finding: str
    why: str
    fix: str

    def text(self, path: str) -> str:
        where = f"{path}:{self.line}" if self.line else path
        return (
            f"{where}: advice {self.code} [{self.question or 'bank'}]: "
            f"{self.finding}; {self.why} — {self.fix}"
        )


class ArticleReading:
    """The article as every check reads it: its words, word runs, sentences, names and topic.

    It depends on the article alone, so one reading serves every bank on the same article: the
    generator's gate reviews a provisional bank of the same article round after round, and
    tokenising the article each round cost more than the review itself. See :func:`reading_of`.
    """

    def __init__(self, article: str) -> None:
        self.text = article
        self.words = text.tokens(article)
        self.grams3 = text.ngrams(self.words, 3)
        self.bigrams = text.ngrams(self.words, 2)

    @cached_property
    def sentences(self) -> list[list[str]]:
        """The article's sentences as token lists."""
        return [text.tokens(s) for s in text.sentences(self.text)]

    @cached_property
    def capitalised(self) -> frozenset[str]:
        """Words the article writes with a capital inside a sentence: its names (lowercased)."""
        names: set[str] = set()
        for sentence in text.sentences(self.text):
            for word in sentence.split()[1:]:
                bare = word.strip("“”\"'‘’(),.:;!?")
                if bare[:1].isupper():
                    names.update(text.tokens(bare))
        return frozenset(names)

    @cached_property
    def topic(self) -> frozenset[str]:
        """Stems in a quarter or more of the article's sentences (at least three): what the
        whole article is about ("kenya", "plastic"), which says little about one question."""
        counts: dict[str, int] = {}
        for sentence in self.sentences:
            for word in text.content(sentence):
                counts[word] = counts.get(word, 0) + 1
        least = max(3, len(self.sentences) / 4)
        return frozenset(w for w, n in counts.items() if n >= least)


@lru_cache(maxsize=4)
def reading_of(article: str) -> ArticleReading:
    """One reading per article text, kept for the few articles in use (a generation reviews
    its article tens of times; ``quiz check`` of a folder moves from one article to the next)."""
    return ArticleReading(article)


class Context:
    """The bank as the checks read it, with its article tokenised once."""

    def __init__(self, bank: Bank, lines: Mapping[str, int] | None = None) -> None:
        self.bank = bank
        self.lines: Mapping[str, int] = lines or {}
        reading = reading_of(bank.source.text)
        self.reading = reading
        self.article = reading.words
        self.grams3 = reading.grams3
        self.bigrams = reading.bigrams
        self.year = _year(bank.as_of or bank.source.published)
        #: What several checks compute alike (the cross-question analysis), computed once.
        self.memo: dict[str, Any] = {}

    @property
    def sentences(self) -> list[list[str]]:
        """The article's sentences as token lists."""
        return self.reading.sentences

    @property
    def capitalised(self) -> frozenset[str]:
        """Words the article writes with a capital inside a sentence: its names (lowercased)."""
        return self.reading.capitalised

    @property
    def topic(self) -> frozenset[str]:
        """Stems in a quarter or more of the article's sentences: what it is about."""
        return self.reading.topic

    def covered(self, words: list[str]) -> float:
        """How much of ``words`` is copied from the article (see :func:`text.coverage`)."""
        return text.coverage(words, self.grams3 if len(words) >= 3 else self.bigrams)


def _year(date: str) -> int | None:
    return int(date[:4]) if date[:4].isdigit() else None


def keys(question: Question) -> list[str]:
    """The answers a question asks for, as text (none for true/false, matching, ordering and
    pick-several questions, whose answer is not one phrase)."""
    if isinstance(question, MultipleChoice):
        return [] if question.multiple else list(question.answers[:1])
    if isinstance(question, ShortAnswer):
        return list(question.answers)
    if isinstance(question, Cloze):
        return [answer for blank in question.blanks for answer in blank]
    if isinstance(question, Numeric):
        shown = format_number(question.answer)
        out = [shown, shown.replace(",", "")]
        if question.answer in NUMBER_NAMES:
            out.append(NUMBER_NAMES[int(question.answer)])
        return out
    return []


def distractors(question: MultipleChoice) -> list[str]:
    return [c for c in question.choices if c not in question.answers]
