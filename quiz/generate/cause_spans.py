"""The sides of a cause link as text: which tokens of a sentence make a clause, and how a set
of tokens reads as a slice of the sentence.

:mod:`quiz.generate.causes` finds the connectives; a side it finds is a set of token indices
(a subtree of the parse), which becomes the clause a question asks about only after the edges
are trimmed (punctuation, conjunctions, a quotation mark whose pair is left outside), the
", which …" asides dropped and the characters counted from the sentence's own start. Every
question quotes its sentence verbatim, so every side is a slice of it, never rewritten.
"""

from __future__ import annotations

from typing import Any

from quiz.generate.article import Sentence

#: Tokens that never start or end a side: punctuation, a conjunction, a subordinator, a case
#: marker.
_EDGE_DEPS = {"punct", "cc", "mark", "case"}


class SentenceSpans:
    """One sentence's tokens, and turning sets of them into trimmed clauses and text."""

    def __init__(self, sentence: Sentence, previous: Sentence | None) -> None:
        self.sentence = sentence
        self.previous = previous
        span = sentence.span
        self.doc = span.doc
        self.first = span.start
        self.last = span.end  # exclusive
        self.base = span.start_char + (len(span.text) - len(span.text.lstrip()))

    def _attachment(self, conn: list[Any], phrase: set[int]) -> Any | None:
        """The word a connective phrase modifies (the effect's head)."""
        ids = {t.i for t in conn}
        for t in conn:
            head = t.head
            while head.i in ids | phrase and head.head.i != head.i:
                head = head.head
            if head.i not in ids | phrase:
                return head
        return None

    def _clause(self, head: Any, exclude: set[int]) -> set[int]:
        """A clause's tokens (the subtree of its head) without ``exclude`` and without the
        clauses coordinated with it or the non-restrictive relatives inside it."""
        node = head
        while node.head.i != node.i and (
            node.dep_ in ("aux", "auxpass", "xcomp")
            or (node.dep_ == "advcl" and any(c.tag_ == "TO" for c in node.children))
        ):
            node = node.head  # "has started sending … to be …": the clause is "has started"
        out = self._subtree(node) - exclude
        for c in node.children:
            if c.dep_ == "conj" and c.i > node.i:
                out -= self._subtree(c)
        return self._drop_aside(out)

    def _drop_aside(self, ids: set[int]) -> set[int]:
        """Without ", which …" asides: a clause that opens with a relative word after a comma
        (however the parser attached it: "a shrine to Japan's war dead, which many Koreans
        view as …" is read as an adverbial clause)."""
        if not ids:
            return ids
        low = min(ids)
        for i in sorted(ids):
            t = self.doc[i]
            if t.dep_ != "relcl" and t.pos_ not in ("VERB", "AUX"):
                continue
            edge = t.left_edge
            if (
                edge.i > low
                and edge.tag_ in ("WDT", "WP", "WP$", "WRB")
                and self.doc[edge.i - 1].lower_ == ","
            ):
                ids = ids - self._subtree(t)
        return ids

    def _subtree(self, tok: Any) -> set[int]:
        return {t.i for t in tok.subtree if self.first <= t.i < self.last}

    def _trim(self, ids: set[int]) -> set[int]:
        """Without punctuation and conjunctions at either edge."""
        ordered = sorted(ids)
        while ordered and (
            self.doc[ordered[0]].dep_ in _EDGE_DEPS
            or self.doc[ordered[0]].is_punct
            or self.doc[ordered[0]].lower_ == "however"
        ):
            ordered.pop(0)
        while ordered and (
            self.doc[ordered[-1]].dep_ in _EDGE_DEPS or self.doc[ordered[-1]].is_punct
        ):
            ordered.pop()
        if ordered:  # a quotation the span opens (or closes) keeps its other mark
            marks = "".join(self.doc[i].text for i in ordered if self.doc[i].text in _QUOTES)
            after, before = ordered[-1] + 1, ordered[0] - 1
            if after + 1 < self.last and self.doc[after].text in (".", ",", "!", "?"):
                after += 1  # "… to grow.”": the mark comes after the full stop
            if _opened(marks) and after < self.last and self.doc[after].text in ("”", '"'):
                ordered.extend(range(ordered[-1] + 1, after + 1))
            elif _closed(marks) and before >= self.first and self.doc[before].text in ("“", '"'):
                ordered.insert(0, before)
        return set(ordered)

    def _chars(self, ids: set[int]) -> tuple[int, int]:
        ordered = sorted(ids)
        first, last = self.doc[ordered[0]], self.doc[ordered[-1]]
        return first.idx - self.base, last.idx + len(last.text) - self.base

    def _text(self, ids: set[int]) -> str:
        ordered = sorted(ids)
        # a comma left beside a gap ("The flight, [because of the storm,] was cancelled") goes
        ordered = [
            i
            for i in ordered
            if not (
                self.doc[i].is_punct
                and (
                    (i - 1 not in ids and i > ordered[0]) or (i + 1 not in ids and i < ordered[-1])
                )
            )
        ]
        out: list[str] = []
        for n, i in enumerate(ordered):
            t = self.doc[i]
            gap = n + 1 < len(ordered) and ordered[n + 1] != i + 1
            out.append(t.text + (" " if gap and not t.whitespace_ else t.whitespace_))
        return "".join(out).strip()


_QUOTES = {"“", "”", '"'}


def _opened(marks: str) -> bool:
    """A quotation opened and not closed: more “ than ”, or an odd number of straight marks
    that starts with one."""
    if "“" in marks or "”" in marks:
        return marks.count("“") > marks.count("”")
    return marks.count('"') % 2 == 1 and marks.startswith('"')


def _closed(marks: str) -> bool:
    if "“" in marks or "”" in marks:
        return marks.count("”") > marks.count("“")
    return marks.count('"') % 2 == 1 and marks.endswith('"')
