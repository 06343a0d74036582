"""Stable, readable ids: a short prefix for the type, a slug of the key span, a short hash.

An id depends only on the question type, the way it asks, and the fact's kind and key span
(normalised), so editing another part of the article, or rewording the sentence around the key,
keeps it. Only when two questions would get the same id is the sentence mixed into the hash.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

TYPE_PREFIX = {
    "multiple_choice": "mc",
    "true_false": "tf",
    "cloze": "cz",
    "short_answer": "sa",
    "matching": "mt",
    "numeric": "nu",
    "ordering": "or",
}


def digest(text: str, length: int = 6) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:length]


def stable_int(text: str) -> int:
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest()[:8], 16)


def slug(text: str, words: int = 3, limit: int = 24) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    parts = [
        p for p in re.split(r"[^a-z0-9]+", ascii_text.lower()) if p and p not in ("the", "a", "an")
    ]
    out = "-".join(parts[:words])[:limit].strip("-")
    return out or "x"


def question_id(qtype: str, form: str, key: str, shown_key: str, extra: str = "") -> str:
    base = f"{qtype}|{form}|{key}"
    if extra:
        base += "|" + extra
    return f"{TYPE_PREFIX[qtype]}-{slug(shown_key)}-{digest(base, 5 if not extra else 7)}"


def fact_id(kind: str, key: str, shown_key: str, extra: str = "") -> str:
    base = f"{kind}|{key}" + (f"|{extra}" if extra else "")
    return f"f-{slug(shown_key)}-{digest(base, 5 if not extra else 7)}"
