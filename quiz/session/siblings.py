"""Siblings (questions giving away each other's answer) and the order that keeps them apart."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Sequence

from quiz.bank.model import Question

__all__ = [
    "MAX_WINDOW",
    "arrange",
    "keys_of",
    "sibling_keys",
    "spacing_window",
    "spread",
    "too_close",
]


#: A sentence ends at one of these, then any of :data:`_CLOSERS` (dropped), then a space.
_ENDS = frozenset(".!?…")
_CLOSERS = "\"”’')]"
_LAST_CHARS = _ENDS | frozenset(_CLOSERS)
#: The largest spacing window, whatever the length of the quiz.
MAX_WINDOW = 10


def sibling_keys(question: Question, bank_id: str = "") -> frozenset[str]:
    """What makes two questions siblings: the same fact, or a sentence of the article in
    common (a feedback quotes the source sentence and explains the fact, so it gives away
    the answer of every question resting on either). Questions of one bank are siblings when
    their keys meet; ``bank_id`` keeps the keys of different banks apart."""
    return keys_of(question.fact, question.source, bank_id)


def keys_of(fact: str, source: str, bank_id: str = "") -> frozenset[str]:
    """:func:`sibling_keys` of a question with this ``fact`` and ``source``."""
    keys = set()
    if fact:
        keys.add(f"{bank_id}\x00fact\x00{fact}")
    for sentence in _sentences(source):
        folded = sentence.casefold()
        if folded:
            keys.add(f"{bank_id}\x00sentence\x00{folded}")
    return frozenset(keys)


def _sentences(source: str) -> Iterator[str]:
    r"""The sentences of ``source``, its whitespace runs made single spaces: a sentence ends
    with a word ending in ``.``, ``!``, ``?`` or ``…`` and then maybe closing quotes or
    brackets (left out), before another word. The split of the regular expression
    ``(?<=[.!?…])["”’')\]]*\s+`` over the words joined by single spaces, done without one:
    compiling it took about 0.4 ms of every quiz start, more than splitting every source."""
    words = source.split()
    start = 0
    for at in range(len(words) - 1):  # the last word ends the last sentence, as it is
        word = words[at]
        if word[-1] in _LAST_CHARS:
            bare = word.rstrip(_CLOSERS)
            if bare and bare[-1] in _ENDS:
                yield " ".join([*words[start:at], bare])
                start = at + 1
    if start < len(words):
        yield " ".join(words[start:])


def spacing_window(length: int) -> int:
    """N, the spacing of siblings in a quiz of ``length`` questions: a tenth of its length,
    at least 2 and at most :data:`MAX_WINDOW` (7 for the founding bank's 70). Between two
    siblings come at least N other questions; :func:`arrange` lowers N only when the
    questions leave no way to keep it."""
    return max(2, min(MAX_WINDOW, length // 10))


def arrange(
    questions: Sequence[Question],
    *,
    window: int | None = None,
    keys: Sequence[frozenset[str]] | None = None,
) -> list[Question]:
    """``questions`` in an order where no two siblings come within ``window`` (default
    :func:`spacing_window`) of each other, kept as close to the order given as that allows
    (the order given is the preference: shuffled for a quiz, most overdue first for a
    review). When the siblings are too many for the window (five questions from one sentence
    in a quiz of eight), the window shrinks one step at a time until they fit; at 1 (never
    back to back) whatever is left is unavoidable."""
    if len(questions) < 2:
        return list(questions)
    every = list(keys) if keys is not None else [sibling_keys(q) for q in questions]
    sizes: dict[str, int] = {}
    for item_keys in every:
        for key in item_keys:
            sizes[key] = sizes.get(key, 0) + 1
    largest = max(sizes.values(), default=1)
    length = len(questions)
    wanted = spacing_window(length) if window is None else window
    if largest > 1:  # k siblings need (k - 1)(N + 1) + 1 places
        wanted = min(wanted, max(1, (length - 1) // (largest - 1) - 1))
    order: list[int] = list(range(length))
    for n in range(max(1, wanted), 0, -1):
        order = spread(every, n)
        if n == 1 or not too_close(every, order, n):
            break
    return [questions[i] for i in order]


def spread(keys: Sequence[frozenset[str]], window: int) -> list[int]:
    """One greedy pass: at each place, the first question (in the order given) with no
    sibling among the last ``window`` placed, unless a large group of siblings has no room
    left to wait: then the one whose group needs the most room. Over 300 questions only a
    look-ahead of 64 is searched, so a bank of 100,000 questions is arranged in a moment."""
    length = len(keys)
    remaining: dict[str, int] = {}
    for item_keys in keys:
        for key in item_keys:
            remaining[key] = remaining.get(key, 0) + 1
    step = window + 1  # a key's need: (remaining - 1) * step + 1 places

    most = max(((n - 1) * step + 1 for n in remaining.values()), default=1)
    ahead = length if length <= 300 else 64
    stream = deque(range(length))
    buffer: list[int] = []
    last: dict[str, int] = {}  # each key's latest place
    placed: list[int] = []
    for place in range(length):
        while len(buffer) < ahead and stream:
            buffer.append(stream.popleft())
        left = length - place
        urgent_possible = left - window <= most
        pick = fallback = -1
        best = closest = -1
        for at, item in enumerate(buffer):
            latest = -1  # the latest place of a sibling (-1: none placed)
            for key in keys[item]:
                seen = last.get(key, -1)
                if seen > latest:
                    latest = seen
            gap = place - latest if latest >= 0 else length + 1
            if gap > window:
                if not urgent_possible:
                    pick = at
                    break
                score = 1
                if keys[item]:
                    score = max(remaining[key] for key in keys[item]) * step - window
                score = score if score >= left - window else 0
                if score > best:
                    pick, best = at, score
            elif gap > closest:
                fallback, closest = at, gap
        chosen = buffer.pop(pick if pick >= 0 else fallback)
        placed.append(chosen)
        for key in keys[chosen]:
            last[key] = place
            remaining[key] -= 1
    return placed


def too_close(keys: Sequence[frozenset[str]], order: Sequence[int], window: int) -> bool:
    """Whether two siblings in ``order`` come within ``window`` of each other."""
    last: dict[str, int] = {}
    for place, item in enumerate(order):
        for key in keys[item]:
            if key in last and place - last[key] <= window:
                return True
            last[key] = place
    return False
