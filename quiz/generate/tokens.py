"""The article's tokens as a table of hashed attributes, and the word lists compared with them.

Every signal of :mod:`quiz.generate.rank` and every role of :mod:`quiz.generate.roles` looks at
every token several times; one ``Doc.to_array`` per paragraph and hash comparisons keep both at a
few milliseconds for 1,000 words (see :class:`Words`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from quiz.generate.article import Article

# -- the token table ---------------------------------------------------------------------------

#: Columns of :class:`Words` rows, in ``Doc.to_array`` order.
ATTRS = (
    *("LOWER", "LEMMA", "POS", "TAG", "DEP", "HEAD", "ENT_TYPE", "IS_ALPHA", "IS_STOP"),
    *("LIKE_NUM", "LENGTH", "IDX"),
)
LOWER, LEMMA, POS, TAG, DEP, HEAD, ENT, ALPHA, STOP, NUM, LENGTH, IDX = range(len(ATTRS))


@dataclass(frozen=True, slots=True)
class Words:
    """A sentence's tokens as rows of spaCy's hashed attributes (``HEAD`` made absolute).

    Every signal and role looks at every token several times; a ``Token`` object per look
    costs more than all the arithmetic. One ``Doc.to_array`` per paragraph, and comparing
    hashes with the hashes of the word lists (:func:`word_ids`), keeps the whole module at a few
    milliseconds for 1,000 words. The spaCy ``Token`` is still used where a parse tree is
    walked (children), only at the few words that need it.
    """

    first: int  # doc index of the sentence's first token
    rows: list[list[int]]


def token_rows(article: Article) -> list[Words]:
    found = article.cache.get("rank.words")
    if found is None:
        tables: dict[int, list[list[int]]] = {}
        found = []
        for s in article.sentences:
            doc = s.span.doc
            table = tables.get(id(doc))
            if table is None:
                table = doc.to_array(list(ATTRS)).tolist()
                for i, row in enumerate(table):
                    row[HEAD] = i + signed(row[HEAD])
                tables[id(doc)] = table
            found.append(Words(s.span.start, table[s.span.start : s.span.end]))
        article.cache["rank.words"] = found
    return found  # private: callers only read it


def signed(value: int) -> int:
    """``to_array`` gives relative heads as unsigned 64-bit integers."""
    return value - (1 << 64) if value >= 1 << 63 else value


def word_ids(article: Article) -> dict[str, Any]:
    """The hashes of every word and label this module compares with, from the article's own
    string store (hashes are stable; labels such as ``nsubj`` are fixed symbol ids)."""
    found = article.cache.get("rank.ids")
    if found is None:
        strings = article.sentences[0].span.doc.vocab.strings if article.sentences else None
        found = {}
        if strings is not None:
            for name, words in WORD_LISTS.items():
                found[name] = frozenset(strings[w] for w in words)
            for label in LABELS:
                found[label] = strings[label]
        article.cache["rank.ids"] = found
    return found


SPEECH = {
    "say", "tell", "warn", "criticize", "criticise", "welcome", "condemn", "praise", "denounce",
    "accuse", "urge", "respond", "react", "insist", "argue", "claim", "deny", "add", "state",
    "express", "complain", "reply", "hail", "slam", "blame", "applaud", "reject", "dismiss",
    "vow", "acknowledge", "admit", "stress", "note", "explain", "describe", "call",
}  # fmt: skip
#: Verbs of change: a comparison with the earlier figure when a percentage or sum goes with them.
CHANGE = {
    "rise", "fall", "increase", "decrease", "drop", "jump", "grow", "decline", "surge",
    "plunge", "slump", "shrink", "soar", "cut", "raise",
}  # fmt: skip
MULTIPLY = {"double", "triple", "halve", "quadruple"}
#: Superlatives that rank nothing: "at least", "the latest launch", "the last flight".
NOT_SUPERLATIVE = {"most", "least", "latest", "last", "best-known"}
#: The word lists compared as hashes (see :func:`word_ids`).
WORD_LISTS: dict[str, set[str]] = {
    "speech": SPEECH,
    "change": CHANGE,
    "multiply": MULTIPLY,
    "not_superlative": NOT_SUPERLATIVE,
    "be": {"be"},
    "the": {"the"},
    "than": {"than"},
    "indefinite": {"a", "an"},
    "he_she": {"he", "she"},
    "pronoun": {"he", "she", "they", "it", "we"},
    "approximately": {"about", "nearly", "almost", "some", "around", "roughly"},
    "subject": {"nsubj", "nsubjpass"},
    "verb": {"VERB", "AUX"},
    "comparative": {"JJR", "RBR"},
    "superlative": {"JJS", "RBS"},
    "figure": {"PERCENT", "MONEY"},
    "possessive": {"POS", "PRP$"},
}
#: Words without which a role's regular expression cannot match: it is searched only when the
#: sentence has one (a set intersection instead of a search per sentence).
KEYS = {
    "comparison_keys": {"compared", "comparison", "than", "from", "twice", "times", "record"}
    | {"since", "up", "down"},
    "background_keys": {"long", "past", "previously", "formerly", "historically", "ago", "last"}
    | {"recent", "years", "decades", "founded", "first", "earlier", "history"},
    "cause_keys": {"because", "owing", "result", "so", "order"},
    "consequence_keys": {"result", "therefore", "consequently", "means", "meant", "prompting"}
    | {"led", "leading", "resulted", "resulting"},
}
WORD_LISTS.update(KEYS)
LABELS = ("nsubj", "ROOT", "det", "amod", "NOUN", "VERB", "DATE", "VBN")
