"""Each finder of :mod:`quiz.generate.bounded` answers what the regular expression it replaced
answered, on any text: the drafts of every article depend on it."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.generate.bounded import bounded, in_list, is_word, stands_alone

#: Texts made of the pieces the patterns look at: letters, digits, marks, apostrophes,
#: spaces, "and"/"or", non-Latin letters and digits, and the underscore.
_pieces = st.sampled_from(
    [*"aAb1 ,.'’_-é٣", ", ", " and ", " or ", ", and ", ", or ", "ab", "1.5", "日本"]
)
_text = st.lists(_pieces, max_size=14).map("".join)
_phrase = st.lists(_pieces, min_size=1, max_size=3).map("".join)


@settings(max_examples=400)
@given(text=_text, phrase=_phrase)
def test_stands_alone_is_the_word_bounded_pattern(text: str, phrase: str) -> None:
    pattern = re.compile(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)")
    assert stands_alone(text, phrase) == bool(pattern.search(text))


@settings(max_examples=400)
@given(text=_text, phrase=_phrase)
def test_bounded_finds_what_finditer_finds(text: str, phrase: str) -> None:
    """The starts of the name finder in facts.py (apostrophes before it count as its word)."""
    pattern = re.compile(r"(?<![\w’'])" + re.escape(phrase) + r"(?![\w])")
    found = list(bounded(text, phrase, before=lambda c: is_word(c) or c in "’'"))
    assert found == [m.start() for m in pattern.finditer(text)]


@settings(max_examples=400)
@given(text=_text, phrase=_phrase)
def test_bounded_with_figure_edges_is_the_figure_pattern(text: str, phrase: str) -> None:
    """The distractor check: a number shown in the stem, not inside a longer figure."""
    pattern = re.compile(r"(?<![\d,.])" + re.escape(phrase) + r"(?![\d,])")
    found = bounded(
        text,
        phrase,
        before=lambda c: c.isdecimal() or c in ",.",
        after=lambda c: c.isdecimal() or c == ",",
    )
    assert (next(found, None) is not None) == bool(pattern.search(text))


@settings(max_examples=600)
@given(text=_text, answer=_phrase)
def test_in_list_is_the_list_item_pattern(text: str, answer: str) -> None:
    a = re.escape(answer)
    pattern = re.compile(rf"(?:, |^){a}(?:,| and | or )|, (?:and |or )?{a}\b")
    assert in_list(answer, text) == bool(pattern.search(text))


def test_the_cases_that_matter() -> None:
    assert stands_alone("ana costa said", "costa")
    assert not stands_alone("costa rica's", "cost")
    assert not stands_alone("acosta said", "costa")
    assert in_list("Peru", "Chile, Peru and Bolivia")
    assert in_list("Bolivia", "Chile, Peru, and Bolivia")
    assert not in_list("Peru", "Peru's president")
    assert not in_list("", "a, b")
    assert list(
        bounded("O'Neill and Neill", "Neill", before=lambda c: is_word(c) or c in "’'")
    ) == [12]
