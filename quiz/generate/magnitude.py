"""How big was it? True/false statements on the scale of the article's key figures.

Blind raters kept the figures that put a story in scale (the 1.7 °C of a record year, the share
of forest on Indigenous land) more often than any other blank, and no true/false at all: every
true statement the generator could write was the article's sentence word for word, which a
reader recognises without understanding, so the gate held them all back and with them the
false ones (a bank of false statements teaches "answer False"). A statement about the size of a
figure is neither: "The harbour authority agreed to hire more than 100 crane operators" is
true when the article says 240, "… more than 500 …" is false, and a reader who took in the
figure's scale answers both without having memorised its digits. So this builder writes, for
each figure of the article's main sentences, one statement with a round threshold well below
or well above it (below 0.6 times the figure, above 1.6 times: no reader is asked to tell 240
from 250), worded "more than" or "fewer than" ("less than" for sums and shares), true or false
by a seeded draw over the four. Each statement also carries its other wording (the other
threshold), so that the bank, once its questions are chosen, can turn some to keep its
statements half true (:func:`quiz.generate.balance.deal_truths`): a draw per statement left
banks 1 true in 9 when selection happened to favour the false ones.

Only figures a reader can hold in scale qualify: a count of ten or more, a sum of money, a
percentage or a measured quantity, given exactly or roughly ("nearly 9,000", whose hedge the
threshold replaces): a year, a count of two, a bound ("up to 500") or a figure that is part
of a name does not, nor one beside another figure of its kind, which would tell the answer.
"""

from __future__ import annotations

import hashlib
import math
import re
from dataclasses import replace

from quiz.generate.article import Article, XFact, normalise_key
from quiz.generate.balance import TURNED
from quiz.generate.candidate import Candidate, as_statement
from quiz.generate.rank import sentence_importance
from quiz.generate.values import APPROXIMATE, SCALES, Amount, scale_factor
from quiz.grading import NUMBER_WORDS

#: How far from the figure the thresholds lie: a true "more than" at most LOW times it, a false
#: one at least HIGH times it (and the other way round for "fewer than").
LOW = 0.6
HIGH = 1.6
#: Sums counted in words ("33 million euros"): less than, not fewer than.
CURRENCY_WORDS = ("euros", "dollars", "pounds", "yen", "yuan", "rupees", "francs", "pesos")
#: Round thresholds: 1, 2 or 5 times a power of ten.
_STEPS = (1.0, 2.0, 5.0)
#: The share of the article's sentences (by importance) whose figures are asked.
MAIN_SHARE = 0.3
#: Hedges a statement may replace with its threshold: the figure is near the one given ("nearly
#: 9,000" is well above 5,000 and well below 20,000). A bound ("more than 2,000", "up to 500")
#: says one side only, so half of its statements could not be keyed.
ROUGHLY = frozenset({*APPROXIMATE, "nearly", "almost"})
#: Labels of the figures asked: counts, sums, shares and measures (not dates, ordinals, times).
LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT"})
#: Words before a figure that make a "more than" statement on it nonsense or false by its
#: wording: a target or limit ("to 1.5°C"), a part of a whole ("of 131"), a rank ("first 15"),
#: a comparison or hedge already there ("than", "only", "just"), a rate ("seven out of every
#: 100"), a figure used as an adjective ("the £5,000 job").
NOT_BEFORE = frozenset(
    (
        *("to", "of", "than", "under", "over", "about", "around", "up", "first", "last"),
        *("next", "past", "top", "only", "just", "nearly", "almost", "some", "roughly"),
        *("approximately", "least", "most", "within", "below", "above", "from", "between"),
        *("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
        *("every", "each", "per", "out", "the", "a", "an", "its", "his", "her", "their"),
    )
)


def magnitude_candidates(article: Article) -> list[Candidate]:
    """One true/false statement per qualifying figure of the article's main sentences."""
    figures = [fact for fact in article.facts if _qualifies(fact)]
    if not figures:
        return []  # most articles: no need to rank their sentences (a few ms)
    importance = sentence_importance(article)
    ranked = sorted(importance, reverse=True)
    cut = ranked[max(0, min(len(ranked) - 1, int(len(ranked) * MAIN_SHARE)))] if ranked else 1.0
    out: list[Candidate] = []
    for fact in figures:
        index = fact.sentence.index
        if index >= len(importance) or importance[index] < cut:
            continue
        if _counted_elsewhere(fact, article):
            continue
        built = _statement(fact, article)
        if built is not None:
            out.append(built)
    return out


def _counted_elsewhere(fact: XFact, article: Article) -> bool:
    """Another sentence gives a figure near this one for the same thing ("nearly 150 suspected
    militants" in the lead, "145 suspected Islamist militants" later): any question that shows
    it tells the statement's truth (fresh set Q), and the two may not even agree."""
    words = fact.counted.lower().split()
    if not words or fact.amount is None:
        return False
    value = fact.amount.value
    return any(
        other.kind == "number"
        and other.amount is not None
        and other.sentence.index != fact.sentence.index
        and words[-1] in other.counted.lower().split()
        and LOW * value <= other.amount.value <= HIGH * value  # near it: the same thing told
        for other in article.facts
    )


def _qualifies(fact: XFact) -> bool:
    amount = fact.amount
    if fact.kind != "number" or amount is None or fact.label not in LABELS:
        return False
    if fact.hedge and fact.hedge.lower() not in ROUGHLY:
        return False  # a bound ("more than 2,000", "up to 500") says one side only
    if amount.value < 10 and not amount.currency and not amount.percent_sign:
        return False  # "nine games", "4 gunshot wounds": a reader counts these, not scales them
    if amount.value < 1:
        return False  # "0.1% growth" as "more than 0.05%": a contrived threshold (set P)
    if amount.percent_sign and amount.value >= 100:
        return False  # "100% prepared" is a figure of speech: "less than 50%" is nonsense (set U)
    if fact.label == "CARDINAL" and (not fact.counted or 1900 <= amount.value <= 2100):
        return False  # a bare number ("Brodin (25)") or a year read as a count
    if fact.counted[:1].isupper():
        return False  # "300 Slater": an address or a name, not a count ("more than 100 Slater")
    text = fact.sentence.text
    start = phrase_start(fact)
    before, after = text[:start], text[fact.end :]
    words = before.lower().split()
    last = words[-1].strip('(“"$€£¥') if words else ""
    if last == "of" and fact.label in ("MONEY", "PERCENT") and not _after_a_figure(words[:-1]):
        last = ""  # "a fine of $5 million", "a rise of 18 percent": a sum or share, not a part
    if last in NOT_BEFORE or last[:1].isdigit():
        return False  # "to 1.5°C", "21 of 131", "his first 15 games", "only 21"
    if after.lstrip().startswith(("of ", "to ", "-", "–", "—")) or before.endswith(("(", "-")):
        return False  # "21 of 131 countries", "10-12 weeks", "(25)"
    if re.match(r"^(?:\s+\w+){0,2}\s*\((?:about |some |around )?[$€£¥]?\d", after):
        return False  # "33 million euros ($26 million)": the conversion would contradict it
    if any(mark in text for mark in '“”"'):
        return False  # the statement would repeat someone's words around an aside's figure
    if _other_figures(fact):
        return False  # "… 20 points on four baskets and two free throws", "… 25.9, up from
        # 15.6": the sentence's other figures tell a bound's truth without the article
    return not _quoted(before) and _stands_alone(fact, start)


def phrase_start(fact: XFact) -> int:
    """Where the figure's phrase starts in its sentence: at its hedge ("nearly 9,000", which the
    statement's "more than 5,000" replaces whole), else at the figure."""
    if not fact.hedge:
        return fact.start
    before = fact.sentence.text[: fact.start]
    hedged = before.rstrip().rstrip("$€£¥").rstrip()  # "about $250,000" read after its sign
    if hedged.lower().endswith(fact.hedge.lower()):
        return len(hedged) - len(fact.hedge)
    return fact.start


def _after_a_figure(words: list[str]) -> bool:
    """ "21 of …", "seven of …": the figure after "of" is a whole, the one before it a part."""
    last = words[-1].strip('(“"') if words else ""
    return last[:1].isdigit() or last in NUMBER_WORDS


def _other_figures(fact: XFact) -> bool:
    """Another figure of the same kind in the sentence (a count beside a count, a sum beside a
    sum): it tells a bound's truth without the article. A figure of another kind ("a 149
    horsepower engine that is 20% more powerful") does not; dates and times do not count."""
    span = fact.sentence.span
    at = span.start_char + fact.start
    end = at + len(fact.key)
    return any(
        ent.label_ == fact.label
        and not (ent.start_char <= at < ent.end_char or at <= ent.start_char < end)
        for ent in span.ents
    )


def _stands_alone(fact: XFact, start: int) -> bool:
    """The figure opens its phrase ("received $805 million", "with 25 points"): after a
    determiner, adjective or possessive ("all 12 teams", "his season-high 30 points", "the
    company's 12 branches", "the requested $848 million") a "more than" reads wrong."""
    span = fact.sentence.span
    at = span.start_char + start
    first = next((t for t in span if t.idx >= at), None)
    if first is None or first.i == span.start:
        return first is not None
    previous = span.doc[first.i - 1]
    if previous.text in ("$", "€", "£", "¥") and previous.i > span.start:
        previous = span.doc[previous.i - 1]
    if previous.pos_ in ("DET", "ADJ", "PART", "NUM", "PRON", "PROPN", "NOUN"):
        return False
    return previous.dep_ not in ("amod", "det", "poss", "nummod", "compound", "case")


def _quoted(before: str) -> bool:
    """Inside a quotation: a speaker's words are not changed."""
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def nice_below(value: float) -> float:
    """The largest round number (1, 2 or 5 times a power of ten) at most ``value``."""
    power = 10 ** math.floor(math.log10(value))
    return max(step * power for step in _STEPS if step * power <= value)


def nice_above(value: float) -> float:
    """The smallest round number (1, 2 or 5 times a power of ten) at least ``value``."""
    power = 10 ** math.floor(math.log10(value))
    return min(step * p for p in (power, power * 10) for step in _STEPS if step * p >= value)


def _draw(fact: XFact) -> int:
    """One of the four wordings, the same on every run for the same figure and sentence."""
    seed = f"{normalise_key(fact.sentence.text)}|{fact.start}".encode()
    return hashlib.sha256(seed).digest()[0] % 4


def _statement(fact: XFact, article: Article) -> Candidate | None:
    amount = fact.amount
    assert amount is not None
    low, high = nice_below(amount.value * LOW), nice_above(amount.value * HIGH)
    if _percent(fact) and high >= 100:
        high = 0.0  # "more than 100 percent of …" is false by its wording alone
    draw = _draw(fact)
    more = draw < 2  # "more than" or "fewer than"
    truth = draw % 2 == 0
    start = phrase_start(fact)
    symbol = fact.sentence.text[fact.start - 1 : fact.start] if fact.start else ""
    if symbol in ("$", "€", "£", "¥") and not amount.currency:
        start = min(start, fact.start - 1)  # "$250,000" read as 250,000 after the sign: the
        amount = replace(amount, currency=symbol)  # threshold carries the sign
    counted = fact.counted.lower()
    counts = fact.label == "CARDINAL" and not counted.startswith(("percent", "per cent"))
    counts = counts and not counted.endswith(CURRENCY_WORDS)
    comparator = "more than" if more else ("fewer than" if counts else "less than")
    said = fact.sentence.text
    figure = said[start : fact.end]  # with its currency sign and hedge: "about $28.50"

    def worded(true: bool) -> tuple[str, str] | None:
        """The statement keyed ``true``, and its explanation (None when it cannot be said)."""
        threshold = (low if true else high) if more else (high if true else low)
        written = _written(amount, threshold)
        if written is None:
            return None
        statement = as_statement(
            fact.sentence, article, [(start, fact.end, f"{comparator} {written}")]
        )
        if statement is None or statement.endswith(("”", '"')):
            return None
        verdict = "True" if true else "False"
        return statement, f"{verdict}: the article gives the figure as {figure}: “{said}”"

    drawn, other = worded(truth), worded(not truth)
    if drawn is None:
        return None
    fields: dict[str, object] = {"answer": truth, "statement": drawn[0]}
    if other is not None:  # the bank may turn it to keep its statements half true (balance.py)
        fields[TURNED] = {"answer": not truth, "statement": other[0], "explanation": other[1]}
    return Candidate(
        "true_false",
        "magnitude",
        [fact],
        [fact.sentence],
        drawn[0],
        fields,
        key="magnitude|" + fact.fingerprint,
        explanation=drawn[1],
    )


def _percent(fact: XFact) -> bool:
    """A percentage, which a threshold of 100 makes trivial either way ("less than 100 percent
    owned"): most are shares of a whole."""
    amount = fact.amount
    return bool(amount and amount.percent_sign) or fact.counted.startswith(("percent", "per cent"))


def _written(amount: Amount, threshold: float) -> str | None:
    """The threshold written the way the article writes the figure ("$2 million", "500",
    "10%"); whole numbers without decimals."""
    if threshold <= 0 or threshold == amount.value:
        return None
    style = amount.style
    if style in ("decimal", "words"):
        style = "commas" if threshold >= 10_000 else "digits"
    scale = amount.scale
    if scale:  # "$500,000", not "$0.5 million"; "$2 billion", not "$2000 million"
        fitting = [
            s
            for s in SCALES
            if scale_factor(s) <= threshold and (s != "thousand" or scale == "thousand")
        ]
        scale = max(fitting, key=scale_factor) if fitting else ""
        style = style if scale else "commas"
    if style == "digits" and threshold >= 1000:
        style = "commas"  # "1,000", as news prints it
    written = replace(amount, style=style, scale=scale).format(threshold)
    return written if written.strip("$€£¥%") else None
