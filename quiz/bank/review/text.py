"""Words and phrases as the item-review checks compare them.

The checks ask questions such as "is this option copied from the article?" or "does this prompt
contain that question's answer?", so text is reduced to lowercase tokens: curly quotes
straightened, a possessive ``'s`` dropped, numbers written without thousands separators
(``3,000`` and ``3000`` are one token) and hyphenated words kept whole (``clean-up``). A crude
suffix stemmer lets ``agreed`` meet ``agree`` when word sets are compared; exact copying is always
judged on the unstemmed tokens. No spaCy: ``quiz check`` must stay fast and work without the
``generate`` extra.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from quiz.bank.text import normalise_for_match

_TOKEN = re.compile(r"\d[\d,.]*\d|\d|[^\W\d_]+(?:[-'][^\W\d_]+)*", re.UNICODE)
_QUOTED = re.compile(
    r"[“\"«„][^“”\"«»„]+[”\"»]"  # double quotes of any style
    r"|(?<![\w])[‘'][^‘’']+[’'](?![\w])"  # single quotes that open and close around words
)


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one string, the way word lists read best."""
    return frozenset(words.split())


_SENTENCE_END = re.compile(r"(?:(?<=[.?!])|(?<=[.?!][\"']))\s+(?=[\"'(]?[A-Z0-9])")

STOPWORDS = word_set(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing done during each few for
    from further had has have having he her here hers him his how i if in into is it its itself
    just me more most my no nor not of off on once only or other our out over own same she should
    so some such than that the their them then there these they this those through to too under
    until up upon very was we were what when where which while who whom whose why will with would
    you your yours one ones outside inside near across along around behind beside beyond
    within without toward towards among amid via per"""
)

#: Words of a question's wording that say nothing about its content ("According to the article,
#: which of these...?").
QUESTION_WORDS = word_set(
    """according article articles say says said following true false statement statements pick
    choose apply name named give given mention mentioned describe described report reported
    state stated word words phrase use used answer question"""
)


_UNITS = (  # noqa: SIM905 (a word list reads best as words)
    "zero _ two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()  # noqa: SIM905
#: Number words as a figure is written: "twenty-two" -> "22". Not "one", which is a pronoun
#: as often as a number ("one of the…").
NUMBER_WORDS: dict[str, str] = {
    **{word: str(n) for n, word in enumerate(_UNITS) if word != "_"},
    **{word: str(10 * n) for n, word in enumerate(_TENS) if word != "_"},
    **{
        f"{tens}-{unit}": str(10 * t + u)
        for t, tens in enumerate(_TENS)
        if tens != "_"
        for u, unit in enumerate(_UNITS[:10])
        if u and unit != "_"
    },
    **{f"{tens}-one": str(10 * t + 1) for t, tens in enumerate(_TENS) if tens != "_"},
}


def as_figures(words: Sequence[str]) -> list[str]:
    """Tokens with number words written as figures ("twenty-two" -> "22"), so that a text
    saying "Twenty-two policemen died" is seen to give away the answer 22 (set DD; tuned)."""
    return [NUMBER_WORDS.get(word, word) for word in words]


def tokens(text: str) -> list[str]:
    """Lowercase word tokens; ``Japan's`` -> ``japan``, ``3,000`` -> ``3000``."""
    return list(_tokens(text))


@lru_cache(maxsize=8192)
def _tokens(text: str) -> tuple[str, ...]:
    """The tokens of one text, kept: the generator's gate reviews the same article and
    questions again each round, and the article alone is thousands of tokens. (One pass of
    ``findall`` and a comprehension: a loop over match objects took twice as long, and the
    gate reads some 150 new texts an article.)"""
    flat = normalise_for_match(text).casefold()
    return tuple(
        token.replace(",", "").rstrip(".")
        if token[0].isdigit()
        else token[:-2]
        if token.endswith("'s")
        else token[:-1]
        if token.endswith("s'")
        else token
        for token in _TOKEN.findall(flat)
    )


#: Irregular past forms of common verbs of news English, so "began" meets "begin".
_IRREGULAR = {
    past: base
    for base, forms in {
        "begin": "began begun",
        "bring": "brought",
        "build": "built",
        "buy": "bought",
        "choose": "chose chosen",
        "come": "came",
        "fall": "fell fallen",
        "feel": "felt",
        "find": "found",
        "give": "gave given",
        "go": "went gone",
        "grow": "grew grown",
        "hold": "held",
        "keep": "kept",
        "know": "knew known",
        "lead": "led",
        "leave": "left",
        "lose": "lost",
        "make": "made",
        "meet": "met",
        "pay": "paid",
        "rise": "rose risen",
        "run": "ran",
        "say": "said",
        "see": "saw seen",
        "sell": "sold",
        "send": "sent",
        "speak": "spoke spoken",
        "spend": "spent",
        "stand": "stood",
        "take": "took taken",
        "tell": "told",
        "think": "thought",
        "win": "won",
        "write": "wrote written",
    }.items()
    for past in forms.split()
}


@lru_cache(maxsize=1 << 16)
def stem(token: str) -> str:
    """A crude English stem, good enough to match ``agreed``/``agree``, ``rivers``/``river``,
    ``began``/``begin``. Kept per word: a bank's words repeat, and a 100,000-question bank
    asked for some eight million stems of a few thousand words."""
    token = _IRREGULAR.get(token, token)
    if len(token) <= 3 or token[0].isdigit():
        return token
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if token.endswith(suffix) and len(token) - len(suffix) >= 3 and not token.endswith("ss"):
            token = token[: -len(suffix)] + keep
            break
    return token.rstrip("e")


def content(words: Iterable[str]) -> set[str]:
    """The stems of the words that carry meaning (no stopwords)."""
    return {stem(w) for w in words if w not in STOPWORDS}


def content_count(words: Sequence[str]) -> int:
    return sum(1 for w in words if w not in STOPWORDS)


def ngrams(words: Sequence[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def contains(words: Sequence[str], phrase: Sequence[str]) -> bool:
    """Whether ``phrase`` occurs in ``words`` as a contiguous run."""
    n = len(phrase)
    if not n:
        return False
    first = phrase[0]
    return any(
        words[i] == first and list(words[i : i + n]) == list(phrase)
        for i in range(len(words) - n + 1)
    )


def coverage(words: Sequence[str], grams: set[tuple[str, ...]], n: int = 3) -> float:
    """The share of ``words`` that lie in some run of ``n`` words also found in ``grams`` (the
    article's runs of ``n`` words): 1.0 for a text copied word for word, near 0 for a paraphrase.
    A text shorter than ``n`` words counts as copied only if it occurs whole."""
    if not words:
        return 0.0
    if len(words) < n:
        return 1.0 if any(g[: len(words)] == tuple(words) for g in grams) else 0.0
    covered = [False] * len(words)
    for i in range(len(words) - n + 1):
        if tuple(words[i : i + n]) in grams:
            for j in range(i, i + n):
                covered[j] = True
    return sum(covered) / len(words)


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def is_quoted(text: str) -> bool:
    """Whether the text holds a quotation in quotation marks (apostrophes do not count)."""
    return bool(_QUOTED.search(text))


_LEADING = word_set(
    "a an the that it its his her their they he she as because for in on at to by of"
)


def strip_leading(words: Sequence[str]) -> list[str]:
    """Drop the function words an option starts with ("That ...", "In a ...", "Its ...")."""
    start = 0
    while start < len(words) - 1 and words[start] in _LEADING:
        start += 1
    return list(words[start:])


def sentences(text: str) -> list[str]:
    """The article's sentences: split after a full stop, ? or ! (and a closing quote) that is
    followed by a capital or a digit."""
    flat = normalise_for_match(text)
    return [s for s in _SENTENCE_END.split(flat) if s]
