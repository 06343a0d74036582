"""Numbers and dates as written in news text: parse, compare, and perturb in the same format.

Pure functions over strings; no spaCy. Perturbations keep the way a number is written (digits
with thousands separators, words, a "million" suffix, a currency sign) so that a wrong option
never stands out by its format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

HEDGES = (
    "approximately",
    "about",
    "around",
    "some",
    "nearly",
    "almost",
    "roughly",
    "more than",
    "over",
    "at least",
    "up to",
    "fewer than",
    "less than",
    "under",
    "an estimated",
    "close to",
    "as many as",
    "at most",
)
#: Hedges that mean "about" (the rest are bounds); "about" is how a question asks it.
APPROXIMATE = {"approximately", "about", "around", "some", "roughly", "an estimated", "close to"}

_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
}
_WORD_OF = {v: k for k, v in _WORDS.items()}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
#: Vague amounts: not a fact a learner can be asked to recall as a number.
VAGUE = {
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "tens",
    "several",
    "many",
    "scores",
    "dozen",
    "few",
    "a few",
    "some",
}

_NUMBER = re.compile(
    r"^(?P<cur>[$€£¥])?(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?P<pct>%)?"
    r"(?:\s+(?P<scale>thousand|million|billion|trillion)|(?P<suffix>k|bn|tn|m))?$"
)
#: Headline shorthand for a scale: "£11k", "$5bn"; "m" only after a currency sign ("£3.2m"),
#: since "100m" without one is as often metres.
_SUFFIXES = {"k": 1e3, "m": 1e6, "bn": 1e9, "tn": 1e12}


@dataclass(frozen=True, slots=True)
class Amount:
    """A number as written: ``value`` and enough of the format to write another like it."""

    value: float
    text: str
    style: str  # "digits", "commas", "decimal", "words"
    currency: str = ""
    scale: str = ""  # "million" etc.
    percent_sign: bool = False

    def format(self, value: float) -> str:
        """``value`` written the way this amount is written."""
        base = value / scale_factor(self.scale)
        if self.style == "words" and float(base).is_integer() and int(base) in _WORD_OF:
            body = _WORD_OF[int(base)]
        elif self.style == "commas" or (self.style == "digits" and abs(base) >= 10_000):
            body = f"{round(base):,}"
        elif self.style == "decimal":
            decimals = (
                len(self.text.split(".")[-1].split()[0].rstrip("%")) if "." in self.text else 1
            )
            body = f"{base:.{max(1, decimals)}f}"
        else:
            body = str(round(base)) if float(base).is_integer() else f"{base:g}"
        out = f"{self.currency}{body}{'%' if self.percent_sign else ''}"
        if self.scale in _SUFFIXES:
            return f"{out}{self.scale}"
        return f"{out} {self.scale}" if self.scale else out


#: The scale words an amount may carry, smallest first.
SCALES = tuple(_SCALES)


def scale_factor(scale: str) -> float:
    """What a scale word multiplies by: "million" -> 1e6 ("" -> 1)."""
    return float(_SCALES.get(scale) or _SUFFIXES[scale]) if scale else 1.0


def parse_amount(text: str) -> Amount | None:
    """'80,000' -> 80000; '$5.5 million' -> 5.5e6; 'two' -> 2; None for vague or odd text."""
    cleaned = text.strip()
    lowered = cleaned.lower()
    if lowered in _WORDS:
        return Amount(float(_WORDS[lowered]), cleaned, "words")
    match = _NUMBER.match(cleaned)
    if not match:
        return None
    num = match["num"]
    value = float(num.replace(",", ""))
    scale = match["scale"] or match["suffix"] or ""
    if scale == "m" and not match["cur"]:
        return None
    value *= scale_factor(scale)
    style = "commas" if "," in num else "decimal" if "." in num else "digits"
    return Amount(value, cleaned, style, match["cur"] or "", scale, bool(match["pct"]))


def perturb_amount(amount: Amount, percent: bool = False) -> list[str]:
    """Plausible wrong values in the same format, nearest first, none equal to the original."""
    v = amount.value
    percent = percent or amount.percent_sign
    if amount.style == "words" and v <= 20:
        candidates = [v + 1, v - 1, v + 2, v * 2, v + 3, v - 2]
    elif v < 10:
        candidates = [v + 1, v - 1, v + 2, v * 2, v + 3]
    elif v <= 100 and (percent or v < 100):
        step = 5 if v % 5 == 0 else 1
        candidates = [v + 2 * step, v - 2 * step, v * 2, v + 4 * step, round(v / 2)]
        candidates = [c for c in candidates if c > 0 and (not percent or c <= 100)]
    else:
        candidates = [v * 2, v / 2, v * 10, v / 10, v * 1.5, v * 3]
    out: list[str] = []
    seen = {amount.format(v)}
    for c in candidates:
        if c <= 0 or (amount.style == "words" and not float(c).is_integer()):
            continue
        if amount.style in ("digits", "commas", "words") and not amount.scale:
            c = round(c)
        if c == v:
            continue
        text = amount.format(c)
        if text not in seen and parse_amount(text) is not None:
            seen.add(text)
            out.append(text)
    return out


# -- dates -----------------------------------------------------------------------------------

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_RELATIVE = {
    "last year": -365,
    "earlier this year": -60,
    "last month": -30,
    "earlier this month": -12,
    "this month": -10,
    "last week": -7,
    "earlier this week": -3,
    "this week": -2,
    "yesterday": -1,
    "today": 0,
    "tonight": 0,
    "tomorrow": 1,
    "next week": 7,
    "later this month": 10,
    "next month": 30,
    "later this year": 60,
    "next year": 365,
}
#: Relative dates too loose to swap or to offer as options
#: ("last week" may be "earlier this month").
VAGUE_WHEN = {
    "earlier this month",
    "this month",
    "earlier this year",
    "this year",
    "this week",
    "earlier this week",
    "recently",
    "recent months",
    "recent weeks",
    "later this year",
    "later this month",
}
_RELATIVE_SWAPS = ("last week", "last month", "last year", "yesterday")
_DURATION = re.compile(
    r"^(?:(?:the\s+)?(?:past|last|next|previous)\s+)?(?:\d+|a|an|several|few|a few|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty)\s+"
    r"(?:days?|weeks?|months?|years?|decades?|hours?|minutes?)$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class When:
    """A date as written, with a sort key where one can be had.

    ``shape`` says what kind of date it is (weekday, month, month-day, year, relative, ...):
    wrong options are drawn from the same shape. ``order`` is comparable only between dates
    whose ``scale`` is equal ("absolute" with a year, "month" without one, "relative").
    """

    text: str
    shape: str
    order: float | None = None
    scale: str = ""


def parse_when(text: str) -> When | None:
    t = text.strip()
    low = t.lower()
    for prefix in ("on ", "in ", "since ", "by ", "until "):
        if low.startswith(prefix):
            t, low = t[len(prefix) :], low[len(prefix) :]
    if _DURATION.match(low) and not low.startswith(("last ", "next ", "the past", "past")):
        return When(t, "duration")
    if low in _RELATIVE:
        return When(t, "relative", _RELATIVE[low], "relative")
    if t in WEEKDAYS:
        return When(t, "weekday", -3, "relative")
    m = re.fullmatch(
        r"(?:(early|mid|late)[- ])?(" + "|".join(MONTHS) + r")(?:\s+(\d{1,2}))?(?:,?\s+(\d{4}))?", t
    )
    if m:
        part, month, day, year = m.groups()
        mi = MONTHS.index(month) + 1
        d = int(day) if day else {"early": 5, "mid": 15, "late": 25}.get(part or "", 15)
        if year:
            return When(
                t,
                "month-day-year" if day else "month-year",
                int(year) * 400 + mi * 32 + d,
                "absolute",
            )
        return When(
            t, "month-day" if day else ("part-month" if part else "month"), mi * 32 + d, "month"
        )
    m = re.fullmatch(r"(\d{4})", t)
    if m and 1800 <= int(t) <= 2100:
        return When(t, "year", int(t) * 400 + 200, "absolute")
    m = re.fullmatch(r"(\d{1,2})\s+(" + "|".join(MONTHS) + r")(?:\s+(\d{4}))?", t)
    if m:
        day, month, year = m.groups()
        mi = MONTHS.index(month) + 1
        if year:
            return When(t, "day-month-year", int(year) * 400 + mi * 32 + int(day), "absolute")
        return When(t, "day-month", mi * 32 + int(day), "month")
    return When(t, "other")


def perturb_when(when: When) -> list[str]:
    """Wrong dates of the same shape, nearest first."""
    t = when.text
    if when.shape == "weekday":
        i = WEEKDAYS.index(t)
        return [WEEKDAYS[(i + k) % 7] for k in (1, -1, 2, -2, 3) if k % 7]
    if when.shape == "relative":
        return [r.capitalize() if t[0].isupper() else r for r in _RELATIVE_SWAPS if r != t.lower()]
    if when.shape in ("month", "part-month", "month-year", "month-day", "month-day-year"):
        for month in MONTHS:
            if month in t:
                i = MONTHS.index(month)
                return [t.replace(month, MONTHS[(i + k) % 12]) for k in (1, -1, 2, -2, 3)]
    if when.shape in ("day-month", "day-month-year"):
        for month in MONTHS:
            if month in t:
                i = MONTHS.index(month)
                return [t.replace(month, MONTHS[(i + k) % 12]) for k in (1, -1, 2, -2)]
    if when.shape == "year":
        y = int(t)
        return [str(y + k) for k in (1, -1, 2, -2, 3)]
    return []
