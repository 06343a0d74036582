"""A literal phrase found where it stands alone in a text, without a regular expression.

Drafting asks hundreds of times an article whether a name, an answer or a figure occurs as a
word of its own ("Costa" in "Ana Costa said", not in "Costa Rica's" nor in "Acosta"). A pattern
compiled per phrase cost about 50 compilations an article, each a tenth of a millisecond or
more, and crowded ``re``'s own cache; ``str.find`` with a look at the characters on either side
answers the same question. Each function here is held to the pattern it replaces by a property
test (``tests/generate/test_bounded.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

__all__ = ["bounded", "in_list", "is_word", "stands_alone"]


def is_word(char: str) -> bool:
    """What ``\\w`` matches in a pattern on text: a letter, a digit or "_" (``str.isalnum``)."""
    return char.isalnum() or char == "_"


def bounded(
    text: str,
    phrase: str,
    *,
    before: Callable[[str], bool] = is_word,
    after: Callable[[str], bool] = is_word,
) -> Iterator[int]:
    """Where ``phrase`` starts in ``text`` each time the character before it is not one of
    ``before`` and the one after it not one of ``after`` (the start and the end of the text
    qualify), left to right and never overlapping, as ``re.finditer`` would find
    ``(?<!B)phrase(?!A)``. An empty phrase is found nowhere."""
    if not phrase:
        return
    size = len(phrase)
    i = text.find(phrase)
    while i >= 0:
        end = i + size
        if (i == 0 or not before(text[i - 1])) and (end == len(text) or not after(text[end])):
            yield i
            i = text.find(phrase, end)
        else:
            i = text.find(phrase, i + 1)


def stands_alone(text: str, phrase: str) -> bool:
    """``phrase`` occurs in ``text`` with no letter or digit run into it on either side."""
    return next(bounded(text, phrase), None) is not None


_LIST_AFTER = (",", " and ", " or ")
_LIST_BEFORE = (", ", ", and ", ", or ")


def in_list(answer: str, text: str) -> bool:
    """``answer`` is one item of a list in ``text`` ("X, Y and Z"): it follows ", " (or ", and",
    ", or") and ends on a word's edge, or it opens the text or follows ", " and a comma, "and"
    or "or" comes next."""
    if not answer:
        return False
    size = len(answer)
    last_is_word = is_word(answer[-1])
    i = text.find(answer)
    while i >= 0:
        end = i + size
        head, tail = text[max(0, i - 6) : i], text[end:]
        if (i == 0 or head.endswith(", ")) and tail.startswith(_LIST_AFTER):
            return True
        edge = is_word(tail[0]) != last_is_word if tail else last_is_word
        if head.endswith(_LIST_BEFORE) and edge:
            return True
        i = text.find(answer, i + 1)
    return False
