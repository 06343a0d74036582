"""Which way did it go? Questions on the direction of the article's changes and decisions.

Raters of every blind round asked for the article's point ("the Fed now sees three hikes",
"the Senate defeated the motion") and kept almost none of the blanks that stand in for it: a
blank asks which word was printed, not what happened. Most news is a change or a decision with
a direction (raised or cut, rose or fell, approved or rejected, allowed or banned), and a reader
who followed the story knows which, while one who skimmed the names does not. So this builder
asks it plainly:

* "What did the Federal Reserve do to interest rates?": raised them / cut them / left them
  unchanged;
* "What happened to unemployment?": it rose / it fell / it stayed about the same;
* "What did the Senate do with the forex motion?": approved it / rejected it / put off a
  decision on it.

The options are the same three for every question of a family (the two directions and the
standstill between them), so none stands out by length, wording or source; they come from a
closed table, never from other sentences, so none is true elsewhere in the article, and a
question is not asked when the article also says the opposite or the standstill of the same
thing. Only a reported change qualifies: said in the past or the perfect, not negated, not
planned ("poised to ban"), with a named subject and a short object a stem can carry.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from quiz.generate.article import Article, Sentence, XFact, normalise_key, usable_sentence
from quiz.generate.candidate import Candidate, tidy
from quiz.generate.distractors import order_choices


@dataclass(frozen=True, slots=True)
class Family:
    """One kind of change: its verbs by direction, and how the options say each direction."""

    name: str
    up: frozenset[str]  # the verbs (lemmas) of one direction
    down: frozenset[str]  # of the other
    still: frozenset[str]  # words saying it did not move ("unchanged", "postponed")
    # the options, by direction, for an active verb with an object ("{it}" is the pronoun)
    active: tuple[str, str, str]
    # and for a change said of the subject itself (intransitive, or passive); "{It}" and
    # "{was}" agree with it
    passive: tuple[str, str, str]


AMOUNT = Family(
    "amount",
    up=frozenset({"raise", "increase", "hike", "lift", "boost", "double", "triple", "upgrade"}),
    down=frozenset(
        {"cut", "lower", "reduce", "slash", "decrease", "trim", "halve", "shrink", "downgrade"}
    ),
    still=frozenset({"unchanged", "steady", "hold", "held", "freeze", "froze", "frozen"}),
    active=("Raised {it}", "Cut {it}", "Left {it} unchanged"),
    passive=("{It} went up", "{It} went down", "{It} stayed about the same"),
)
DECISION = Family(
    "decision",
    up=frozenset({"approve", "pass", "adopt", "endorse", "ratify", "uphold", "accept"}),
    down=frozenset({"reject", "defeat", "veto", "block", "overturn", "dismiss", "deny"}),
    still=frozenset({"postpone", "postponed", "delay", "delayed", "defer", "deferred", "table"}),
    active=("Approved {it}", "Rejected {it}", "Put off a decision on {it}"),
    passive=("{It} {was} approved", "{It} {was} rejected", "A decision on {it} was put off"),
)
PERMISSION = Family(
    "permission",
    up=frozenset({"allow", "permit", "authorise", "authorize", "legalise", "legalize"}),
    down=frozenset({"ban", "prohibit", "forbid", "outlaw", "bar"}),
    still=frozenset({"postpone", "postponed", "undecided", "review"}),
    active=("Allowed {it}", "Banned {it}", "Put off a decision on {it}"),
    passive=("{It} {was} allowed", "{It} {was} banned", "A decision on {it} was put off"),
)
#: Intransitive changes of amount ("unemployment fell"): asked as "What happened to …?".
RISE = frozenset({"rise", "grow", "climb", "jump", "soar", "surge", "increase", "rebound", "gain"})
FALL = frozenset({"fall", "drop", "decline", "decrease", "shrink", "plunge", "slump", "sink"})
FAMILIES = (AMOUNT, DECISION, PERMISSION)
#: What goes up or down: an amount's change is asked only of one of these ("raised alarm",
#: "a spokesman declined to comment" and "an alliance rose against colonial rule" are not).
AMOUNT_NOUNS = frozenset(
    {
        "rate",
        "price",
        "cost",
        "tax",
        "tariff",
        "fee",
        "wage",
        "salary",
        "pay",
        "spending",
        "budget",
        "forecast",
        "outlook",
        "estimate",
        "output",
        "production",
        "sale",
        "emission",
        "export",
        "import",
        "share",
        "yield",
        "value",
        "revenue",
        "profit",
        "loss",
        "debt",
        "deficit",
        "unemployment",
        "inflation",
        "demand",
        "supply",
        "use",
        "population",
        "temperature",
        "level",
        "limit",
        "cap",
        "target",
        "benefit",
        "pension",
        "growth",
        "income",
        "earning",
        "premium",
        "rent",
        "fare",
        "dividend",
        "capacity",
        "workforce",
        "job",
        "funding",
        "investment",
        "number",
        "count",
        "figure",
        "total",
        "percentage",
        "proportion",
    }
)
#: What is put to a decision: approving or rejecting is asked only of one of these.
PROPOSAL_NOUNS = frozenset(
    {
        "motion",
        "bill",
        "proposal",
        "plan",
        "measure",
        "amendment",
        "resolution",
        "law",
        "deal",
        "request",
        "appeal",
        "application",
        "budget",
        "offer",
        "bid",
        "petition",
        "ordinance",
        "referendum",
        "nomination",
        "treaty",
        "agreement",
        "policy",
        "permit",
        "contract",
        "legislation",
        "rule",
        "regulation",
        "merger",
        "takeover",
        "settlement",
        "package",
    }
)
SINGULAR_WORDS = {"{it}": "it", "{It}": "It", "{was}": "was"}
PLURAL_WORDS = {"{it}": "them", "{It}": "They", "{was}": "were"}
#: Longest subject and object a stem carries, in words.
MOST_WORDS = 8
_PRONOUNS = {"it", "its", "they", "them", "their", "this", "that", "these", "those", "he", "she"}
_PRONOUNS |= {"him", "her", "we", "us", "i", "you", "which", "who", "what"}
_POINTING = frozenset({"this", "that", "these", "those", "such"})


@dataclass(frozen=True, slots=True)
class Change:
    """A change found in a sentence: its family, its direction (0 up, 1 down), who made it
    and what it changed (token index sets), and how it is said."""

    family: Family
    direction: int
    verb: Any
    subject: Any
    thing: Any | None  # the object of an active verb; None when said of the subject
    passive: bool


def direction_candidates(article: Article) -> list[Candidate]:
    """One question per reported change or decision of the article, where it can be asked
    without a choice that is also true (see the module's docstring)."""
    found: list[tuple[Sentence, Change]] = []
    for sentence in article.sentences:
        if not usable_sentence(sentence):
            continue
        change = _change(sentence)
        if change is not None:
            found.append((sentence, change))
    out: list[Candidate] = []
    for sentence, change in found:
        built = _question(article, sentence, change, found)
        if built is not None:
            out.append(built)
    return out


def _agreeing(option: str, plural: bool) -> str:
    """An option of a family's table with its pronoun and verb agreeing with what it is about."""
    words = PLURAL_WORDS if plural else SINGULAR_WORDS
    for placeholder, word in words.items():
        option = option.replace(placeholder, word)
    return option


def every_option() -> frozenset[str]:
    """Every option a direction question can offer: its answer is one of them, said in plain
    words rather than copied from the sentence (the tests tell these questions by it)."""
    tables = [f.active for f in FAMILIES] + [f.passive for f in FAMILIES]
    return frozenset(_agreeing(o, p) for table in tables for o in table for p in (False, True))


def _family(lemma: str) -> tuple[Family, int] | None:
    for family in FAMILIES:
        if lemma in family.up:
            return family, 0
        if lemma in family.down:
            return family, 1
    return None


def _reported(verb: Any) -> bool:
    """Said as done: past or perfect, not negated, not wished, planned or hedged."""
    children = list(verb.children)
    if any(c.dep_ == "neg" for c in children):
        return False
    auxes = [c for c in children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ in ("MD", "TO") for a in auxes):
        return False
    if verb.dep_ not in ("ROOT", "conj") or (verb.dep_ == "conj" and verb.head.dep_ != "ROOT"):
        return False  # "poised to ban", "said it would cut": not the sentence's own report
    if verb.tag_ == "VBD":
        return True
    if verb.tag_ == "VBN":
        return any(a.lemma_ in ("have", "be") for a in auxes)
    if verb.tag_ == "VBG":  # "the IMF is downgrading its outlook": news in the making
        return any(a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP") for a in auxes)
    return False


def _change(sentence: Sentence) -> Change | None:
    for verb in sentence.span:
        if verb.pos_ != "VERB" or not _reported(verb):
            continue
        lemma = verb.lemma_.lower()
        kids = {c.dep_: c for c in verb.children}
        subject = kids.get("nsubjpass") or kids.get("nsubj")
        if subject is None and verb.dep_ == "conj":
            head_kids = {c.dep_: c for c in verb.head.children}
            subject = head_kids.get("nsubj") or head_kids.get("nsubjpass")
        if subject is None:
            continue
        passive = "nsubjpass" in kids or any(c.dep_ == "auxpass" for c in verb.children)
        if kids.keys() & {"xcomp", "ccomp", "prt"}:
            continue  # "declined to comment", "dropped out", "raised concerns that …"
        family = _family(lemma)
        thing = None if passive else kids.get("dobj")
        if family is not None and (passive or thing is not None):
            changed = thing if thing is not None else subject
            if family[0] is AMOUNT and not _amount(changed):
                continue
            if family[0] is DECISION and not _proposal(changed):
                continue  # "Nadal defeated Khachanov" is a match, not a vote
            return Change(family[0], family[1], verb, subject, thing, passive)
        if lemma in RISE | FALL and thing is None and not passive and _amount(subject):
            return Change(AMOUNT, 0 if lemma in RISE else 1, verb, subject, None, True)
    return None


def _proposal(token: Any) -> bool:
    """Whether the noun names something put to a decision (see :data:`PROPOSAL_NOUNS`)."""
    return token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in PROPOSAL_NOUNS


def _amount(token: Any) -> bool:
    """Whether the noun names something that goes up and down (see :data:`AMOUNT_NOUNS`)."""
    return token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in AMOUNT_NOUNS


def _phrase(token: Any, owner: Any | None = None) -> str | None:
    """The noun phrase of ``token`` as a stem can carry it: short, named, no clause. A
    possessive pronoun is kept when ``owner`` (the subject the stem names) is what it means:
    "what did the IMF do to its outlook?"."""
    words = list(token.subtree)
    if not words or len(words) > MOST_WORDS or token.lower_ in _PRONOUNS:
        return None
    if any(w.dep_ in ("relcl", "acl", "ccomp", "advcl", "appos") for w in words):
        return None
    for w in words:
        if w.tag_ not in ("PRP", "PRP$", "WDT", "WP") or w.lower_ not in _PRONOUNS:
            continue
        if owner is None or w.tag_ != "PRP$" or w.lower_ != ("their" if _plural(owner) else "its"):
            return None  # "his rates": whose is in another sentence
    if any(w.lower_ in _POINTING for w in words):
        return None  # "those sections of the law", "that number": which is in another sentence
    if any(w.ent_type_ in ("DATE", "TIME") for w in words):
        return None
    text = "".join(w.text_with_ws for w in words).strip()
    if any(q in text for q in '“”"()'):
        return None
    first = words[0]
    named = first.pos_ == "PROPN" and (first.ent_type_ or not first.is_sent_start)
    if not named and not (first.text.isupper() and len(first.text) > 1):
        text = text[:1].lower() + text[1:]  # "Marijuana for recreational use has been …"
    return text


def _plural(token: Any) -> bool:
    if token.tag_ in ("NNS", "NNPS"):
        return True
    return any(c.dep_ == "cc" for c in token.children)


def _contradicted(
    article: Article,
    sentence: Sentence,
    change: Change,
    thing: str,
    found: list[tuple[Sentence, Change]],
) -> bool:
    """Whether the article also reports the same thing going the other way, or says it stood
    still: then two options would be true of the article. What happened once, in a clause
    about the past ("when the Fed cut rates to near zero"), is not a report of the news."""
    stems = {w for w in normalise_key(thing).split() if len(w) > 3}
    if not stems:
        return True
    for _, other in found:
        if other.family is not change.family or other.direction == change.direction:
            continue
        about = other.thing if other.thing is not None else other.subject
        if stems & set(normalise_key(" ".join(t.text for t in about.subtree)).split()):
            return True
    words = {t.lemma_.lower() for t in sentence.span} | {t.lower_ for t in sentence.span}
    return bool(words & change.family.still)


def _question(
    article: Article, sentence: Sentence, change: Change, found: list[tuple[Sentence, Change]]
) -> Candidate | None:
    subject = _phrase(change.subject)
    if subject is None:
        return None
    family = change.family
    if change.thing is not None:
        thing = _phrase(change.thing, change.subject)
        if thing is None:
            return None
        plural = _plural(change.thing)
        helper = "has" if change.verb.tag_ == "VBN" else "did"
        if helper == "has" and _plural(change.subject):
            helper = "have"
        doing = "done" if helper != "did" else "do"
        prep = "to" if family is AMOUNT else "with"
        prompt = f"According to the article, what {helper} {subject} {doing} {prep} {thing}?"
        options = family.active
        asked_of = thing
    else:
        plural = _plural(change.subject)
        prompt = f"According to the article, what happened to {subject}?"
        options = family.passive
        asked_of = subject
    if _contradicted(article, sentence, change, asked_of, found):
        return None
    said = [_agreeing(option, plural) for option in options]
    answer = said[change.direction]
    wrong = [s for i, s in enumerate(said) if i != change.direction]
    ident = f"direction|{normalise_key(prompt)[:80]}"
    choices = order_choices(answer, wrong, ident)
    start = change.verb.idx - sentence.span.start_char
    fact = XFact("event", change.verb.text, sentence, start, label="DIRECTION")
    return Candidate(
        "multiple_choice",
        "direction",
        [fact],
        [sentence],
        tidy(prompt),
        {"choices": tuple(choices), "answers": (answer,)},
        explanation=f"The article says: “{sentence.text}”",
        key=ident,
    )


__all__ = ["direction_candidates", "every_option"]
