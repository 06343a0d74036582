"""Cause and effect from an article's own connectives, read off spaCy's dependency parse.

A "Why …?" or "What followed …?" question needs two things the article states itself: a cause
and an effect joined by a connective ("because", "due to", "led to", "as a result"). Guessing
causes from world knowledge would put claims in the article's mouth; its own connectives do not.
So :func:`sentence_links` only reports a link where a connective is written, and gives both
sides as character spans of the sentence (verbatim, like every question's source). The
article-level entry point is :func:`quiz.generate.rank.cause_links` (body sentences only).

How each connective is read (the parse decides the sides, the words only find the connective):

* subordinators: ``because`` / causal ``since`` / ``so that`` as ``mark`` of an ``advcl``: that
  clause is the cause (for ``so that``: the purpose), the clause it hangs on is the effect.
* prepositions: ``because of``, ``due to``, ``owing to``, ``thanks to``, ``as a result of``,
  ``after``, ``following``, ``in order to``: the phrase they head is the cause, the clause (or,
  after a copula — "the delay was due to rain" — the subject) they attach to is the effect.
* verbs: ``led to``, ``resulted in``, ``contributed to``, ``caused``, ``prompted``, ``triggered``,
  ``sparked``, ``fuelled``: the subject is the cause (through ``xcomp`` — "is believed to have
  caused" — and relative pronouns — ", which led to" — to what they stand for; for a bare
  participle — ", prompting evacuations" — the clause it hangs on), the object the effect. In the
  passive ("was triggered by", "the crisis triggered by") the ``agent`` is the cause.
* adverbials: ``as a result``, ``therefore``, ``consequently``, ``thus``, ``hence``, a
  clause-linking ``so``, ``this meant`` / ``which means``: what follows is the effect; the cause
  is the clause before them in the sentence or, when they open the sentence, the whole previous
  sentence.

Not every connective is causal. ``since`` with a date ("since 2019") or on a perfect verb ("has
lived there since she retired") is time and gives no link; ``due to`` before a verb ("is due to
write") is a schedule. ``after`` and ``following`` are sequence (``kind="sequence"``) unless the
effect is a reaction or a sanction ("resigned", "was arrested", "expressed regret") or what came
first is a blow ("an attack", "criticism", "threatened"): then ``kind="cause"``. The split is
lexical and meant to err towards "sequence": a "What followed …?" question is still right when
the article only implies the cause, a "Why …?" question would not be.

Pure functions over the parse: one pass over the tokens of each sentence, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from quiz.generate.article import Sentence
from quiz.generate.cause_spans import SentenceSpans
from quiz.generate.cause_words import (
    _CANDIDATE,
    _EFFECT_ADVERBS,
    _NOT_SO,
    _PREP_PAIRS,
    _REACTIVE,
    _TRIGGERS,
    CAUSE_VERBS,
    _near_head,
    _perfect,
)

CAUSE = "cause"
PURPOSE = "purpose"
SEQUENCE = "sequence"


@dataclass(frozen=True, slots=True)
class CauseLink:
    """A cause and its effect, as the article links them.

    ``cause`` and ``effect`` are (start, end) character offsets: ``effect`` within sentence
    ``sentence``, ``cause`` within sentence ``cause_sentence`` (the same one, except after a
    sentence-opening "As a result," / "Therefore" / "This meant", where the cause is the whole
    previous sentence). When a connective phrase sits inside the other side ("The flight,
    because of the storm, was cancelled") that side's span encloses it; ``cause_text`` and
    ``effect_text`` always leave the other side out. ``introduces`` says which side the
    connective is written with ("because" introduces the cause, "led to" the effect), and
    ``cause_first`` whether the cause is read first.
    """

    sentence: int
    connective: str
    connective_span: tuple[int, int]
    cause: tuple[int, int]
    effect: tuple[int, int]
    cause_text: str
    effect_text: str
    kind: str  # CAUSE, PURPOSE (so that, in order to) or SEQUENCE (after, following)
    introduces: str  # "cause" or "effect"
    cause_sentence: int
    cause_first: bool


def sentence_links(sentence: Sentence, previous: Sentence | None = None) -> list[CauseLink]:
    """The links written in one sentence (``previous`` lends the cause to "As a result, …")."""
    if not _CANDIDATE.search(sentence.text.lower()):
        return []
    reader = _Reader(sentence, previous)
    tokens = list(sentence.span)
    taken: set[int] = set()
    for k, tok in enumerate(tokens):
        if tok.i in taken:
            continue
        used = reader.read(tokens, k)
        taken.update(used)
    return reader.links


class _Reader(SentenceSpans):
    """Reads the connectives of one sentence into :class:`CauseLink` objects."""

    def __init__(self, sentence: Sentence, previous: Sentence | None) -> None:
        super().__init__(sentence, previous)
        self.links: list[CauseLink] = []

    # -- dispatch ---------------------------------------------------------------------------

    def read(self, tokens: list[Any], k: int) -> set[int]:
        """Try every connective at token ``k``; the token indices it used (empty if none)."""
        tok = tokens[k]
        low = tok.lower_
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        nxt_low = nxt.lower_ if nxt is not None else ""
        if low == "as" and [t.lower_ for t in tokens[k + 1 : k + 3]] in (
            ["a", "result"],
            ["a", "consequence"],
        ):
            conn = tokens[k : k + 3]
            if k + 3 < len(tokens) and tokens[k + 3].lower_ == "of":
                return self._prep([*conn, tokens[k + 3]], CAUSE)
            return self._adverbial(conn, k)
        if low in _PREP_PAIRS and nxt_low == _PREP_PAIRS[low]:
            after = tokens[k + 2] if k + 2 < len(tokens) else None
            if low == "due" and after is not None and after.tag_ == "VB":
                return set()  # "is due to write": a schedule
            return self._prep([tok, nxt], CAUSE)
        if low == "because":
            return (
                self._subordinate([tok], CAUSE) if tok.dep_ == "mark" else self._prep([tok], CAUSE)
            )
        if low == "since":
            return self._since(tok)
        if low == "so" and nxt_low == "that":
            return self._subordinate([tok, nxt], PURPOSE)
        if low == "so":
            return self._so(tokens, k)
        if low == "in" and [t.lower_ for t in tokens[k + 1 : k + 3]] == ["order", "to"]:
            return self._prep(tokens[k : k + 3], PURPOSE)
        if low in ("after", "following"):
            return self._after(tok)
        if low in _EFFECT_ADVERBS:
            return self._adverbial([tok], k)
        if tok.lemma_ == "mean" and tok.pos_ == "VERB":
            return self._means(tok, tokens, k)
        if tok.pos_ == "VERB" and tok.lemma_ in CAUSE_VERBS:
            return self._verb(tok)
        return set()

    # -- kinds of connective ----------------------------------------------------------------

    def _prep(self, conn: list[Any], kind: str) -> set[int]:
        """ "due to X", "because of X", "as a result of X": X is the cause."""
        ids = {t.i for t in conn}
        phrase: set[int] = set()
        for t in conn:
            phrase |= self._subtree(t)
        phrase -= ids
        # the object hangs off a connective word, never off the clause: keep what follows
        phrase = self._drop_aside({i for i in phrase if i > max(ids)})
        if not phrase:
            return set()
        anchor = self._attachment(conn, phrase)
        if anchor is None:
            return set()
        effect = self._clause(anchor, exclude=phrase | ids)
        if anchor.lemma_ == "be" and anchor.pos_ == "AUX":
            subject = [c for c in anchor.children if c.dep_ in ("nsubj", "nsubjpass")]
            effect = self._subtree(subject[0]) if subject else effect
        self._add(conn, cause=phrase, effect=effect, kind=kind, introduces="cause")
        return ids

    def _subordinate(self, conn: list[Any], kind: str) -> set[int]:
        """ "because X", "so that X": the adverbial clause X is the cause (or purpose)."""
        ids = {t.i for t in conn}
        clause_head = conn[-1].head
        if clause_head.i in ids or clause_head.i < conn[-1].i:
            return self._prep(conn, kind)  # parsed as a preposition after all
        # "just hours after X": the measure before the connective belongs to neither side
        clause = self._subtree(clause_head)
        cause = self._drop_aside({i for i in clause if i > max(ids)})
        main = clause_head.head if clause_head.head.i != clause_head.i else None
        if main is None or clause_head.dep_ == "ROOT":
            return self._comma_split(conn, kind)  # the parse hung the main clause on it
        effect = self._clause(main, exclude=clause | ids)
        self._add(conn, cause=cause, effect=effect, kind=kind, introduces="cause")
        return ids

    def _comma_split(self, conn: list[Any], kind: str) -> set[int]:
        """ "Since X, Y" when the parse lost the clause: X runs to the first comma, Y is the rest
        (only for a connective that opens the sentence)."""
        ids = {t.i for t in conn}
        if self._trim(set(range(self.first, conn[0].i))):
            return set()
        comma = next(
            (i for i in range(max(ids) + 1, self.last) if self.doc[i].lower_ in (",", ";")), None
        )
        if comma is None:
            return set()
        cause = set(range(max(ids) + 1, comma))
        effect = set(range(comma + 1, self.last))
        self._add(conn, cause=cause, effect=effect, kind=kind, introduces="cause")
        return ids

    def _since(self, tok: Any) -> set[int]:
        """Causal "since" only: not with a date or time, not on a perfect verb, not "ever since"."""
        if tok.i > self.first and self.doc[tok.i - 1].lower_ == "ever":
            return set()
        phrase = self._subtree(tok if tok.dep_ != "mark" else tok.head) - {tok.i}
        nxt = self.doc[tok.i + 1] if tok.i + 1 < self.last else None
        if nxt is None or nxt.ent_type_ in ("DATE", "TIME") or nxt.lower_ in ("then", "when"):
            return set()  # "since 2019", "since last year", "since then"
        objects = [c for c in tok.children if c.dep_ == "pobj"]
        if objects and (objects[0].ent_type_ in ("DATE", "TIME") or objects[0].like_num):
            return set()
        main = tok.head.head if tok.dep_ == "mark" else tok.head
        if _perfect(main) or not phrase:
            return set()
        if tok.dep_ == "mark":
            return self._subordinate([tok], CAUSE)
        return self._prep([tok], CAUSE)

    def _after(self, tok: Any) -> set[int]:
        """ "after X" / "following X": sequence, or cause when the effect is a reaction."""
        if tok.lower_ == "following" and tok.dep_ not in ("prep", "advcl", "acl"):
            return set()  # "the following day"
        if tok.dep_ == "mark":
            first = tok.head
            main = first.head
        elif any(c.dep_ in ("pobj", "pcomp", "dobj") for c in tok.children):
            first = next(c for c in tok.children if c.dep_ in ("pobj", "pcomp", "dobj"))
            main = tok.head
        else:
            return set()  # "soon after", "the day after"
        if main.pos_ not in ("VERB", "AUX"):
            return set()  # "the day after the vote"; or a parse that hangs it on a name
        if all(t.ent_type_ in ("DATE", "TIME") or t.is_punct for t in first.subtree):
            return set()  # "after several months": a length of time, not an event
        reactive = main.lemma_ in _REACTIVE
        blow = any(t.lemma_ in _TRIGGERS for t in _near_head(first) if t.pos_ in ("NOUN", "VERB"))
        kind = CAUSE if reactive or blow else SEQUENCE
        if tok.dep_ == "mark":
            return self._subordinate([tok], kind)
        return self._prep([tok], kind)

    def _so(self, tokens: list[Any], k: int) -> set[int]:
        """A clause-linking "so" (", so the launch failed"; "So they have been …")."""
        tok = tokens[k]
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        if nxt is None or nxt.lower_ in _NOT_SO or nxt.pos_ in ("ADJ", "ADV", "NUM"):
            return set()
        before = [t for t in tokens[:k] if not t.is_space]
        if before and before[-1].lower_ not in (",", ";", "and", "—", "–"):
            return set()  # "do so", "so" as an intensifier
        return self._adverbial([tok], k)

    def _adverbial(self, conn: list[Any], k: int) -> set[int]:
        """ "As a result, Y" / "Therefore Y" / "X, so Y": Y is the effect; the cause is X, or the
        previous sentence when the adverbial opens the sentence or sits inside its clause ("The
        launch therefore failed")."""
        ids = {t.i for t in conn}
        head = conn[0].head
        before = self._trim(set(range(self.first, conn[0].i)))
        linked = conn[0].i > self.first and self.doc[conn[0].i - 1].lower_ in (",", ";", "and")
        effect = self._clause(head, exclude=ids)
        if before and linked:
            effect = {i for i in effect if i > max(ids)}
            cause: set[int] | None = before
        elif self.previous is None:
            return set()
        else:
            cause = None
        if not effect:
            return set()
        self._add(conn, cause=cause, effect=effect, kind=CAUSE, introduces="effect")
        return ids

    def _means(self, tok: Any, tokens: list[Any], k: int) -> set[int]:
        """ "This meant Y" (cause: the previous sentence), "X, which means Y"."""
        subject = [c for c in tok.children if c.dep_ == "nsubj"]
        if not subject or subject[0].lower_ not in ("this", "that", "which"):
            return set()
        effect = set()
        for c in tok.children:
            if c.dep_ in ("ccomp", "dobj", "xcomp") and c.i > tok.i:
                effect |= self._subtree(c)
        if not effect:
            return set()
        conn = [subject[0], tok]
        if subject[0].lower_ == "which":
            cause = self._trim(set(range(self.first, subject[0].i)))
            if not cause:
                return set()
            self._add(conn, cause=cause, effect=effect, kind=CAUSE, introduces="effect")
        elif self._trim(set(range(self.first, subject[0].i))) or self.previous is None:
            return set()
        else:
            self._add(conn, cause=None, effect=effect, kind=CAUSE, introduces="effect")
        return {tok.i}

    def _verb(self, tok: Any) -> set[int]:
        """ "X led to Y", "X caused Y", "Y was triggered by X", ", prompting Y"."""
        need = CAUSE_VERBS[tok.lemma_]
        agent = [c for c in tok.children if c.dep_ == "agent"]
        conn = [tok]
        if agent and need:
            return set()  # "led by astronomers": leadership, not cause
        if agent:  # the passive: the agent is the cause
            objects = [c for c in agent[0].children if c.dep_ == "pobj"]
            if not objects:
                return set()
            cause = self._subtree(objects[0])
            if tok.dep_ == "acl":  # "the crisis triggered by two mass shootings"
                effect = self._subtree(tok.head) - self._subtree(tok)
            else:
                subject = [c for c in tok.children if c.dep_ in ("nsubjpass", "nsubj")]
                if not subject:
                    return set()
                effect = self._subtree(subject[0])
            self._add([tok, agent[0]], cause=cause, effect=effect, kind=CAUSE, introduces="cause")
            return {tok.i, agent[0].i}
        effect = set()
        if need:
            preps = [c for c in tok.children if c.dep_ in ("prep", "dative") and c.lower_ == need]
            if not preps or any(c.dep_ == "dobj" for c in tok.children):
                return set()  # "led the team (to Tokyo)", "result" without "in"
            conn = [tok, preps[0]]
            effect = self._subtree(preps[0]) - {preps[0].i}
        else:
            for c in tok.children:
                if c.i > tok.i and c.dep_ in ("dobj", "ccomp", "xcomp", "oprd", "dative", "attr"):
                    effect |= self._subtree(c)
        effect = self._drop_aside(effect)
        if not effect:
            return set()
        cause = self._subject(tok)
        if not cause:
            return set()
        self._add(conn, cause=cause, effect=effect, kind=CAUSE, introduces="effect")
        return {t.i for t in conn}

    # -- spans ------------------------------------------------------------------------------

    def _subject(self, verb: Any) -> set[int]:
        """What a causing verb's subject stands for (see the module docstring)."""
        node = verb
        for _ in range(4):
            subject = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
            if subject:
                s = subject[0]
                if s.lower_ in ("which", "that", "who") and node.dep_ == "relcl":
                    return self._subtree(node.head) - self._subtree(node)
                return self._subtree(s)
            if node.dep_ == "conj" and any(
                self.doc[i].tag_ == "WDT" for i in range(node.head.i, node.i)
            ):
                break  # "an atmosphere that they say led to": the parse lost the antecedent
            if node.dep_ in ("xcomp", "conj") and node.head.i != node.i:
                node = node.head
                continue
            if node.dep_ in ("advcl", "acl") and node.head.i != node.i:
                return self._clause(node.head, exclude=self._subtree(node))
            break
        return set()

    def _add(
        self,
        conn: list[Any],
        *,
        cause: set[int] | None,
        effect: set[int],
        kind: str,
        introduces: str,
    ) -> None:
        effect = self._trim(effect - {t.i for t in conn})
        if not effect:
            return
        ordered = sorted(conn, key=lambda t: t.i)
        connective = self._chars({t.i for t in ordered})
        words = self.sentence.text[connective[0] : connective[1]]
        if cause is None:
            assert self.previous is not None
            cause_span = (0, len(self.previous.text))
            cause_text = self.previous.text
            cause_sentence = self.previous.index
            first = True
        else:
            cause = self._trim(cause - {t.i for t in conn})
            if not cause:
                return
            cause_span = self._chars(cause)
            cause_text = self._text(cause)
            cause_sentence = self.sentence.index
            first = min(cause) < min(effect)
        self.links.append(
            CauseLink(
                sentence=self.sentence.index,
                connective=words,
                connective_span=connective,
                cause=cause_span,
                effect=self._chars(effect),
                cause_text=cause_text,
                effect_text=self._text(effect),
                kind=kind,
                introduces=introduces,
                cause_sentence=cause_sentence,
                cause_first=first,
            )
        )
