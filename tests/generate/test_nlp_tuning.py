"""quiz parses with a quicker copy of spaCy's pipeline (``quiz.generate.nlp.load_model``: the
attribute ruler's rules looked up per kind of token, the lemmatizer's word lists as sets).
It must annotate every token exactly as the pipeline as installed does, or the banks would
drift from what spaCy gives; these tests hold the two to the same annotations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.generate.conftest import ARTICLES, FOUNDING_ARTICLE

#: Text the model's multi-token and odd rules are written for: contractions, "gon na",
#: "let 's", "c'm on", "y' all", "nothin'", runs of whitespace, an expletive "there is".
TRICKY = [
    "I ain't gon na do it, let's go.  Gotta run, y'all.\n\n  He's  wanna   see 'em.",
    "C'mon, there's nothin' left; there are two ways. Ain't it? Do you? He did, and had.",
    "  \n\t",
    'Dr. Smith and Atty. Gen. Paxton said: "Yes!!" -- then left (quickly).',
]


def _annotations(doc: Any) -> list[tuple[Any, ...]]:
    return [
        (t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_)
        for t in doc
    ]


@pytest.fixture(scope="module")
def stock() -> Any:
    from quiz.generate.nlp import ModelMissing, load_pipeline

    try:
        return load_pipeline()
    except ModelMissing:
        pytest.skip("spaCy and an English model are not installed")


def _texts() -> list[str]:
    files = [*sorted(ARTICLES.rglob("*.txt")), FOUNDING_ARTICLE]
    texts = [f.read_text(encoding="utf-8") for f in files]
    docs = Path(__file__).resolve().parent.parent.parent / "docs"
    texts += [f.read_text(encoding="utf-8")[:20_000] for f in sorted(docs.glob("*.md"))]
    return texts + TRICKY


def test_the_quick_pipeline_annotates_every_token_as_spacy_does(nlp: Any, stock: Any) -> None:
    assert "quick_attributes" in nlp.pipe_names and "attribute_ruler" not in nlp.pipe_names
    texts = _texts()
    assert len(texts) > 40
    for text in texts:
        assert _annotations(nlp(text)) == _annotations(stock(text)), text[:80]


def test_the_lemmatizer_looks_words_up_in_sets(nlp: Any) -> None:
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert all(isinstance(words, frozenset) for words in index.values())


# A ruler of made-up rules on a blank pipeline: every kind of rule the module reads itself
# (one token, several, a negative index, IN, NOT_IN, REGEX, an extension attribute) and one it
# leaves to spaCy's Matcher (an operator), against spaCy's own ruler on random token runs.
_WORDS = ["a", "b", "c", "gon", "na", "Let", "'s", " ", "x1", "yo"]
_RULES: list[tuple[list[list[dict[str, Any]]], dict[str, Any], int]] = [
    ([[{"LOWER": "a"}]], {"LEMMA": "A1", "MORPH": "Number=Sing"}, 0),
    ([[{"ORTH": {"IN": ["a", "b"]}}]], {"LEMMA": "AB"}, 0),
    ([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "go"}, 0),
    ([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "to"}, -1),
    ([[{"LOWER": "let"}, {"LOWER": "'s"}]], {"LEMMA": "us", "_": {"mark": "let"}}, 1),
    ([[{"LOWER": {"REGEX": "^[a-c]$"}}, {"IS_SPACE": True}]], {"MORPH": "Case=Nom"}, 0),
    ([[{"LOWER": {"NOT_IN": ["a", "b", "c"]}}]], {"MORPH": "Foreign=Yes"}, 0),
    ([[{"LOWER": "b"}, {"LOWER": "c", "OP": "+"}]], {"LEMMA": "BC"}, 0),
    ([[{"IS_SPACE": True}]], {"LEMMA": "SPACE"}, 0),
    ([[{"TEXT": "x1"}], [{"LOWER": "yo"}]], {"LEMMA": "X"}, 0),
]


def _ruled(quick: bool) -> Any:
    import spacy
    from spacy.tokens import Token

    from quiz.generate.quick_attributes import with_quick_attributes

    if not Token.has_extension("mark"):
        Token.set_extension("mark", default="")
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    for patterns, attrs, index in _RULES:
        ruler.add(patterns, attrs, index)
    return with_quick_attributes(nlp) if quick else nlp


@pytest.fixture(scope="module")
def rulers() -> tuple[Any, Any]:
    pytest.importorskip("spacy")
    return _ruled(quick=False), _ruled(quick=True)


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.sampled_from(_WORDS), max_size=12))
def test_made_up_rules_set_what_spacy_sets(rulers: tuple[Any, Any], words: list[str]) -> None:
    from spacy.tokens import Doc

    stock, quick = rulers
    annotations = []
    for nlp in (stock, quick):
        doc = nlp(Doc(nlp.vocab, words=words))
        annotations.append([(t.lemma_, str(t.morph), t._.mark) for t in doc])
    assert annotations[0] == annotations[1]
