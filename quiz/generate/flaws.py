"""What the generator knows is wrong with a candidate, from how it was made: the flaws blind
teachers reject most (docs/generation-quality.md, round 8), each a named rule with the words a
teacher reads in the draft's ``held_back`` note.

The item review of ``quiz check`` judges a finished question from its text; these rules use what
only the generator knows: which entity the answer is, how often the article names it, whether
its sentence is someone speaking, how the question was built. A candidate with any flaw is held
back as a draft (:mod:`quiz.generate.gate`), never deleted: a teacher may disagree and promote it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from quiz.generate.article import Article, Entity
from quiz.generate.candidate import Candidate
from quiz.generate.context import points_back
from quiz.generate.hard_rules import famous_institution, trivial

__all__ = ["RULES", "own_flaws"]

_SPEECH = (
    r"(?:said|says|told|tells|added|stated|noted|wrote|writes|asked|warned|insisted|argued|"
    r"reported|reports|explained|announced|posted|urged|testified|recalled|according to|per)"
)
_ASKS_WHO_SAID = re.compile(
    r"^(?:Who|Which (?:\w+ ){0,2}?(?:organi[sz]ation|agency|group|official|person|company|"
    r"body|institution|outlet|newspaper|reporter))\s+(?:\w+\s+)?"
    r"(?:" + _SPEECH[3:-1] + r"|described|suggested|confirmed|estimated|predicted|called)\b",
    re.I,
)
_SPEECH_ANYWHERE = re.compile(r"\b" + _SPEECH + r"\b", re.I)
#: News agencies, wires and publications: who reported or printed a remark is rarely what an
#: article teaches.
_PUBLISHERS = re.compile(
    r"\b(?:Reuters|Bloomberg|Associated Press|AP|AFP|Agence France[- ]Presse|Xinhua|Yonhap|"
    r"Kyodo|Tass|TASS|Interfax|Anadolu|PTI|ANI|BBC|CNN|CNBC|NPR|Politico|Axios|Al Jazeera|"
    r"Fox News|[A-Z][\w.&']*(?:\s+[A-Z][\w.&']*)*\s+(?:Times|Post|Journal|Herald|Tribune|"
    r"Gazette|Magazine|Weekly|Daily|News|Newspaper|Broadcasting|Radio|Television|TV))\b"
)
_WEEKDAY = re.compile(
    r"^(?:on\s+|last\s+|this\s+|next\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday)s?$",
    re.I,
)
#: "said in a statement in April", "announced on Tuesday": the date of a remark, not of an event.
_ANNOUNCED_WHEN = re.compile(
    r"\b(?:said|says|announced|reported|stated|told \w+|confirmed|revealed|statement|"
    r"press release|news conference)\b[^.;]{0,25}\b(?:in|on|at|last|this)?\s*$",
    re.I,
)
_ASKS_WHEN_SAID = re.compile(
    r"^When did (?:\w+\s+){1,4}(?:say|said|announce|report|state|confirm|reveal|tell)\b", re.I
)
#: "50 kilometres (31 miles)", "$5 (£4)": the figure in brackets restates the one before it.
_CONVERSION = re.compile(r"\d[\d,.]*\s*[^\W\d]*\s*\(\s*(?:about\s+|around\s+|some\s+)?$")
#: Answers any reader supplies from the words around the blank or from general knowledge.
_COMMON_ANSWERS = frozenset(
    {
        *("us", "u.s.", "usa", "united states", "america", "uk", "u.k.", "britain"),
        *("united kingdom", "eu", "european union", "un", "united nations", "nasa"),
        *("china", "russia", "washington", "london"),
    }
)


def _answer_entity(c: Candidate, article: Article) -> Entity | None:
    name = c.fact.person or c.fact.entity
    return article.entities.get(name) if name else None


def _attribution(c: Candidate, article: Article) -> str:
    if c.form == "quote" or _ASKS_WHO_SAID.match(c.prompt):
        return "asks who said or reported it (attribution), not what was said"
    entity = _answer_entity(c, article)
    if (
        c.form in ("blank", "who", "role")
        and entity is not None
        and entity.label in ("PERSON", "ORG")
        and _SPEECH_ANYWHERE.search(c.fact.sentence.text)
    ):
        return "asks for the person or body speaking in its sentence (attribution)"
    return ""


def _peripheral_name(c: Candidate, article: Article) -> str:
    entity = _answer_entity(c, article)
    if entity is not None and entity.label == "PERSON" and entity.count <= 1:
        return "asks for the name of someone the article mentions once: a side detail"
    return ""


def _famous(c: Candidate, article: Article) -> str:
    if famous_institution(c):
        return "asks for an institution everyone knows, which the rest of the stem gives away"
    return ""


def _main_subject(c: Candidate, article: Article) -> str:
    if trivial(c, article):
        return (
            "its answer is what the whole article is about (in the headline or named "
            "throughout): guessable without reading"
        )
    return ""


def _common_answer(c: Candidate, article: Article) -> str:
    if c.type in ("cloze", "short_answer", "multiple_choice") and (
        c.fact.key.strip().casefold().removeprefix("the ") in _COMMON_ANSWERS
    ):
        return "its answer (a country or body every reader names) is guessable from the stem"
    return ""


#: How much of a name a word of the stem must start with to be made from it ("Iranian" from
#: "Iran", "Olympics" from "Olympic", "Chinese" from "China").
_STEM_PREFIX = 4


def _derived_in_stem(c: Candidate, article: Article) -> str:
    """The stem carries a word made from the answer: "a route for Iranian military aid" for
    Iran, "London Olympics - the ___ movement" for Olympic (a rater rejected both)."""
    if c.type not in ("cloze", "short_answer") or c.fact.kind not in ("place", "term"):
        return ""
    key = c.fact.key.strip().removeprefix("the ")
    if " " in key or len(key) < _STEM_PREFIX:
        return ""
    stem = key[: max(_STEM_PREFIX, len(key) - 1)].casefold()
    for word in re.findall(r"[A-Z][\w’'-]+", c.prompt):
        folded = word.casefold()
        if folded != key.casefold() and folded.startswith(stem):
            return f"the stem's “{word}” gives away its answer"
    return ""


def _date_trivia(c: Candidate, article: Article) -> str:
    fact = c.fact
    if fact.kind != "date" or c.form in ("why", "followed"):
        return ""
    if _WEEKDAY.match(fact.key.strip()):
        return "asks for the weekday of an event: trivia, not content"
    before = fact.sentence.text[max(0, fact.start - 45) : fact.start]
    if _ANNOUNCED_WHEN.search(before) or _ASKS_WHEN_SAID.match(c.prompt):
        return "asks when something was said or announced: trivia, not what happened"
    return ""


def _publisher(c: Candidate, article: Article) -> str:
    if c.fact.kind in ("organisation", "person", "term") and _PUBLISHERS.fullmatch(
        c.fact.key.strip()
    ):
        return "asks which news outlet reported or printed it: trivia"
    return ""


def _conversion(c: Candidate, article: Article) -> str:
    fact = c.fact
    if fact.kind == "number" and _CONVERSION.search(fact.sentence.text[: fact.start]):
        return "asks for a unit conversion the article gives in brackets"
    return ""


def _missing_context(c: Candidate, article: Article) -> str:
    if c.type not in ("cloze", "multiple_choice", "short_answer", "numeric") or c.context:
        return ""  # a prompt with its context shows what it points back to
    found = points_back(c.prompt)
    if not found:
        return ""
    return f"“{found}” points back to something the question does not show"


def _recognition(c: Candidate, article: Article) -> str:
    if c.type == "true_false" and c.fields.get("answer") is True and c.form != "magnitude":
        return "the true statement is the article's sentence word for word (recognition)"
    return ""


def _weak_type(c: Candidate, article: Article) -> str:
    if c.type in ("matching", "ordering"):
        return (
            "a generated matching or ordering question pairs or orders side details (blind "
            "teachers kept none of them): check it before promoting it"
        )
    if c.type == "multiple_choice" and c.form in ("why", "followed"):
        return (
            "its wrong options are other sentences of the article, which a reader may find "
            "absurd or also true: check them before promoting it"
        )
    return ""


Rule = Callable[[Candidate, Article], str]

#: The rules, most telling first: the first that applies is the reason a teacher reads.
RULES: tuple[tuple[str, Rule], ...] = (
    ("attribution", _attribution),
    ("publisher", _publisher),
    ("famous-institution", _famous),
    ("main-subject", _main_subject),
    ("common-answer", _common_answer),
    ("derived-in-stem", _derived_in_stem),
    ("peripheral-name", _peripheral_name),
    ("date-trivia", _date_trivia),
    ("conversion", _conversion),
    ("missing-context", _missing_context),
    ("recognition", _recognition),
    ("weak-type", _weak_type),
)


def own_flaws(c: Candidate, article: Article) -> list[str]:
    """Every rule's reason that applies to ``c``, most telling first."""
    return [reason for _, rule in RULES if (reason := rule(c, article))]
