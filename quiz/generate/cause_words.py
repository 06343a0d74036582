"""The words that link a cause to its effect, for :mod:`quiz.generate.causes`: which
prepositions, verbs and adverbials are connectives, which reactions and blows make "after"
causal, and two small readings of the parse the connective readers share.

Kept apart from the readers so that the lexicon can be read (and extended) in one place: the
split between cause and sequence is lexical and meant to err towards "sequence" (see the
readers' module docstring).
"""

from __future__ import annotations

import re
from typing import Any

#: Two-word prepositions whose object is a cause: first word -> second word.
_PREP_PAIRS = {"because": "of", "due": "to", "owing": "to", "thanks": "to"}
#: Verbs whose subject causes their object (with the preposition some of them need).
CAUSE_VERBS = {
    "lead": "to",
    "result": "in",
    "contribute": "to",
    "cause": "",
    "prompt": "",
    "trigger": "",
    "spark": "",
    "fuel": "",
}
#: Sentence adverbials that introduce an effect (the cause is before them).
_EFFECT_ADVERBS = {"therefore", "consequently", "thus", "hence"}
#: After these, "after X" / "following X" reads as "because of X": reactions and sanctions.
_REACTIVE = {
    "resign", "quit", "step", "arrest", "charge", "detain", "express", "apologize", "apologise",
    "condemn", "criticize", "criticise", "protest", "respond", "react", "flee", "evacuate",
    "cancel", "suspend", "ban", "close", "halt", "withdraw", "fire", "sack", "dismiss",
    "impeach", "sanction", "warn", "vow", "demand", "call", "die", "collapse", "retaliate",
    "launch", "investigate", "postpone", "delay", "ground", "recall",
}  # fmt: skip
#: What came first, when it is one of these, caused what followed it.
_TRIGGERS = {
    "attack", "criticism", "shooting", "crash", "death", "defeat", "loss", "threat",
    "pressure", "protest", "scandal", "impeachment", "failure", "outbreak", "storm", "explosion",
    "accident", "allegation", "accusation", "complaint", "strike", "invasion", "bombing",
    "threaten", "kill", "criticize", "criticise", "accuse", "impose", "invade", "explode",
    "fail", "lose", "refuse", "reject", "violate",
}  # fmt: skip
#: Any word a connective can start with (on the lower-cased text): most sentences have none
#: and cost one regular-expression search.
_CANDIDATE = re.compile(
    r"\b(?:because|due|owing|thanks|as a (?:result|consequence)|since|so|in order|after"
    r"|following|therefore|consequently|thus|hence|means?|meant|lead(?:s|ing)?|led"
    r"|result(?:s|ed|ing)?|contribut|caus|prompt|trigger|spark|fuel)"
)
_NOT_SO = {"far", "much", "many", "long", "called", "that", "as", "too", "few", "little", "to"}


def _perfect(verb: Any) -> bool:
    """A perfect verb ("has grown", "had lived", "have been operating"): "since" on it is time."""
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _near_head(tok: Any) -> list[Any]:
    """A phrase's head, its object and the object of its "of" ("weeks of criticism" reaches
    "criticism"); not what a relative clause or a reported clause says ("an insurgency that
    has killed", "said it had carried out an accident investigation")."""
    out = [tok]
    for child in tok.children:
        if child.dep_ in ("dobj", "pobj", "compound", "amod"):
            out.append(child)
        elif child.dep_ == "prep" and child.lower_ == "of":
            out.extend(c for c in child.children if c.dep_ == "pobj")
    return out
