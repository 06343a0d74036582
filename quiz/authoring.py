"""The authoring draft: a bank under review, question by question. No UI, no spaCy.

A :class:`Draft` holds the questions of a generated (or loaded) bank, each with a review state:
``pending`` (not looked at yet), ``accepted``, ``rejected`` or ``edited`` (kept, with changes).
Saving keeps the accepted and edited questions and writes a bank that passes ``quiz check``.

Edits come in as the text of a form (:func:`form_fields`, :func:`form_values`) and are checked
by the bank validator itself (:func:`question_from_form`), so an edited question can never make
a bank that does not load. Ids never change: a learner's progress is keyed on them.

"Other wrong options" for a multiple-choice question come from a distractor source: the
generator's own (:func:`generator_alternatives`, when the draft was generated in this session)
and the article's facts of the same kind plus perturbed numbers and dates
(:func:`fact_alternatives`). Never the answer, never one contained in the stem.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from msgspec.structs import replace

from quiz.atomic import write_atomic
from quiz.bank.dump import dump_bank, fact_to_dict, question_to_dict
from quiz.bank.errors import BankError
from quiz.bank.model import (
    FORMAT,
    QUESTION_TYPES,
    Bank,
    Cloze,
    Fact,
    Matching,
    MultipleChoice,
    Numeric,
    Ordering,
    Question,
    ShortAnswer,
    TrueFalse,
    format_number,
)
from quiz.bank.text import CONTROL_CHARS, normalise_for_match
from quiz.errors import QuizError

if TYPE_CHECKING:
    from quiz.generate.pipeline import Generated

__all__ = [
    "STATES",
    "Draft",
    "DraftError",
    "DraftItem",
    "FormField",
    "ItemState",
    "SaveResult",
    "fact_alternatives",
    "form_fields",
    "form_values",
    "generator_alternatives",
    "question_from_form",
    "save_draft",
    "swap_in",
]


class ItemState(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    EDITED = "edited"

    @property
    def kept(self) -> bool:
        """Saved with the bank."""
        return self in (ItemState.ACCEPTED, ItemState.EDITED)


STATES: tuple[ItemState, ...] = tuple(ItemState)


class DraftError(QuizError):
    """The draft cannot do what was asked (nothing to save, an invalid edit, a file problem).
    ``problems`` are messages for people, without file or line."""

    def __init__(self, message: str, problems: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.problems = tuple(problems) or (message,)


#: Ranked wrong options for a multiple-choice question (best first); may include ones already
#: shown: the draft filters those.
AlternativeSource = Callable[[MultipleChoice], list[str]]


@dataclass(slots=True)
class DraftItem:
    question: Question
    original: Question
    state: ItemState = ItemState.PENDING
    #: Wrong options shown so far (folded), so "other wrong options" never offers one twice.
    offered: set[str] = field(default_factory=set)

    @property
    def changed(self) -> bool:
        return question_to_dict(self.question) != question_to_dict(self.original)


class Draft:
    """A bank under review. Methods take the index of an item in :attr:`items`."""

    def __init__(
        self,
        bank: Bank,
        *,
        state: ItemState = ItemState.PENDING,
        extra_facts: Iterable[Fact] = (),
        alternatives: AlternativeSource | None = None,
        keep_all_facts: bool = False,
    ) -> None:
        self.bank = bank
        self.items = [DraftItem(q, q, state) for q in bank.questions]
        # the bank's held-back questions: to review, like a fresh draft (accepting promotes one)
        self.items += [DraftItem(q, q, ItemState.PENDING) for q in bank.drafts]
        for item in self.items:
            if isinstance(item.question, MultipleChoice):
                item.offered.update(_fold(c) for c in item.question.choices)
        facts: dict[str, Fact] = {f.id: f for f in bank.facts}
        for fact in extra_facts:
            facts.setdefault(fact.id, fact)
        self.facts = facts
        self._alternatives = alternatives
        self.keep_all_facts = keep_all_facts
        #: More questions the generator drafted but did not choose, offered on request.
        self.reserve: list[Question] = []
        self.dirty = False
        self.saved_to: Path | None = None
        self._advice: tuple[tuple[int, ...], dict[str, list[str]]] | None = None

    # -- making one ---------------------------------------------------------------------------

    @classmethod
    def from_bank(cls, bank: Bank) -> Draft:
        """An existing bank: every question starts accepted (it is in the bank already), and
        every fact is kept on saving."""
        return cls(
            bank,
            state=ItemState.ACCEPTED,
            alternatives=lambda q: fact_alternatives(q, bank.facts),
            keep_all_facts=True,
        )

    @classmethod
    def from_generated(cls, generated: Generated) -> Draft:
        """A bank just drafted by the generator: every question starts pending. Other wrong
        options come from the generator first, then from the facts of every candidate."""
        pool = tuple(generated.facts.values())
        from_generator = generator_alternatives(generated)

        def alternatives(question: MultipleChoice) -> list[str]:
            return _merge(from_generator(question), fact_alternatives(question, pool))

        draft = cls(generated.bank, extra_facts=pool, alternatives=alternatives)
        chosen = {q.id for q in (*generated.bank.questions, *generated.bank.drafts)}
        draft.reserve = [q for q in generated.candidates.values() if q.id not in chosen]
        return draft

    # -- reading ------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.items)

    def counts(self) -> Counter[ItemState]:
        return Counter(item.state for item in self.items)

    def types(self) -> list[str]:
        """The question types in the draft, in the bank format's order."""
        present = {item.question.TYPE for item in self.items}
        return [t for t in QUESTION_TYPES if t in present]

    def visible(self, qtype: str | None = None, state: ItemState | None = None) -> list[int]:
        """Indices of the items that pass the filters (None: any)."""
        return [
            i
            for i, item in enumerate(self.items)
            if (qtype is None or item.question.type == qtype)
            and (state is None or item.state is state)
        ]

    def fact_of(self, question: Question) -> Fact | None:
        return self.facts.get(question.fact) if question.fact else None

    @property
    def article(self) -> str:
        return self.bank.source.text

    # -- reviewing ----------------------------------------------------------------------------

    def accept(self, index: int) -> None:
        item = self.items[index]
        self._set(item, ItemState.EDITED if item.changed else ItemState.ACCEPTED)

    def reject(self, index: int) -> None:
        self._set(self.items[index], ItemState.REJECTED)

    def restore(self, index: int) -> None:
        """Back to the question as it was generated or loaded, not yet reviewed."""
        item = self.items[index]
        if item.question is not item.original or item.state is not ItemState.PENDING:
            item.question = item.original
            item.state = ItemState.PENDING
            self.dirty = True

    def more(self, count: int = 5) -> list[int]:
        """Add up to ``count`` more drafted questions (to review) at the end; their indices."""
        added = []
        for question in self.reserve[:count]:
            item = DraftItem(question, question)
            if isinstance(question, MultipleChoice):
                item.offered.update(_fold(c) for c in question.choices)
            self.items.append(item)
            added.append(len(self.items) - 1)
        del self.reserve[:count]
        return added

    def _set(self, item: DraftItem, state: ItemState) -> None:
        if item.state is not state:
            item.state = state
            self.dirty = True

    def edit(self, index: int, values: Mapping[str, str]) -> Question:
        """Apply the edit form's values. Raises :class:`DraftError` (with every problem) when
        the edited question would not pass the validator; the item is then unchanged."""
        item = self.items[index]
        question, problems = question_from_form(self, item.question, values)
        if question is None:
            raise DraftError(problems[0], problems)
        self.replace_question(index, question)
        return question

    def replace_question(self, index: int, question: Question) -> None:
        item = self.items[index]
        if question.id != item.original.id:
            raise ValueError("a question keeps its id")
        if question_to_dict(question) == question_to_dict(item.question) and item.state.kept:
            return
        item.question = question
        if isinstance(question, MultipleChoice):
            item.offered.update(_fold(c) for c in question.choices)
        self._set(item, ItemState.EDITED if item.changed else ItemState.ACCEPTED)
        self.dirty = True

    def other_wrong_options(self, index: int) -> MultipleChoice:
        """The question with its wrong options replaced by ones not offered yet (as many as
        can be found; the rest stay). Raises :class:`DraftError` when there are none."""
        item = self.items[index]
        question = item.question
        if not isinstance(question, MultipleChoice):
            raise DraftError("other wrong options are for multiple-choice questions")
        fresh = self.fresh_alternatives(item, question)
        if not fresh:
            raise DraftError(
                "no other wrong options found in the article; press e to write your own"
            )
        changed = with_wrong_options(question, swap_in(wrong_options(question), fresh))
        self.replace_question(index, changed)
        return changed

    def fresh_alternatives(
        self, item: DraftItem, question: MultipleChoice, limit: int | None = None
    ) -> list[str]:
        """Wrong options for ``question`` not offered for this item yet, best first."""
        if self._alternatives is None:
            return []
        wanted = limit if limit is not None else len(wrong_options(question))
        out: list[str] = []
        for text in _usable(question, self._alternatives(question)):
            if _fold(text) in item.offered:
                continue
            out.append(text)
            if len(out) >= wanted:
                break
        return out

    def alternatives_for(self, question: MultipleChoice, offered: Iterable[str]) -> list[str]:
        """For the edit form: wrong options for a question being edited, skipping ``offered``."""
        if self._alternatives is None:
            return []
        seen = {_fold(t) for t in offered}
        wanted = max(1, len(wrong_options(question)))
        out = [t for t in _usable(question, self._alternatives(question)) if _fold(t) not in seen]
        return out[:wanted]

    def set_details(self, title: str, description: str = "", tags: str = "") -> list[str]:
        """Change the bank's title, description and tags (comma separated). Returns the
        problems (and changes nothing) when there are any."""
        title = " ".join(title.split())
        description = " ".join(description.split())
        tag_list = tuple(dict.fromkeys(t.strip() for t in tags.split(",") if t.strip()))
        problems = []
        if not title:
            problems.append("the bank needs a title")
        for name, text in (
            ("title", title),
            ("description", description),
            *(("tag", t) for t in tag_list),
        ):
            if CONTROL_CHARS.search(text):
                problems.append(f"the {name} contains control characters; remove them")
        if problems:
            return problems
        source = self.bank.source
        if source.title == self.bank.title:  # the drafted title was the article's too
            source = replace(source, title=title)
        new = replace(self.bank, title=title, description=description, tags=tag_list, source=source)
        if new != self.bank:
            self.bank = new
            self.dirty = True
        return []

    # -- saving -------------------------------------------------------------------------------

    def advice(self) -> dict[str, list[str]]:
        """What ``quiz check``'s item review says of each question not rejected (question id ->
        "code: finding — fix" lines), reviewed again only after a change: the same advice as on
        the command line, beside the question it concerns. A kept question is reviewed with the
        other kept ones, as the saved bank will hold them (a draft it leaks to is no concern of
        the quiz's); a question still to review, with them, as it would be once promoted."""
        from quiz.bank.review.registry import review

        kept = [item.question for item in self.items if item.state.kept]
        pending = [item.question for item in self.items if item.state is ItemState.PENDING]
        key = tuple(id(q) for q in (*kept, None, *pending))
        if self._advice is None or self._advice[0] != key:
            found: dict[str, list[str]] = {}
            for questions, about in ((kept, kept), ([*kept, *pending], pending)):
                wanted = {q.id for q in about}
                bank = replace(self.bank, questions=tuple(questions), drafts=(), path="")
                for a in review(bank).shown if questions and wanted else ():
                    if a.question in wanted:
                        found.setdefault(a.question, []).append(f"{a.code}: {a.finding} — {a.fix}")
            self._advice = (key, found)
        return self._advice[1]

    def kept(self) -> list[Question]:
        """The questions of the quiz: accepted or edited (a promoted draft loses its
        ``held_back`` note)."""
        return [
            replace(item.question, held_back="") if item.question.held_back else item.question
            for item in self.items
            if item.state.kept
        ]

    def held_back(self) -> list[Question]:
        """The questions still to review: saved in the bank's ``drafts`` list, so that nothing
        drafted is lost by saving early."""
        return [item.question for item in self.items if item.state is ItemState.PENDING]

    def to_bank(self) -> Bank:
        """The bank to save: the accepted and edited questions, in draft order, the questions
        still to review as its drafts, with the facts they rest on (every fact of a loaded
        bank is kept)."""
        questions = self.kept()
        if not questions:
            raise DraftError("nothing to save yet: accept at least one question (a)")
        drafts = self.held_back()
        used = {q.fact for q in (*questions, *drafts) if q.fact}
        facts = [f for f in self.bank.facts if self.keep_all_facts or f.id in used]
        have = {f.id for f in facts}
        facts += [self.facts[f] for f in sorted(used - have) if f in self.facts]
        return replace(
            self.bank,
            questions=tuple(questions),
            drafts=tuple(drafts),
            facts=tuple(facts),
            path="",
        )


# -- wrong options ----------------------------------------------------------------------------


def wrong_options(question: MultipleChoice) -> list[str]:
    return [c for c in question.choices if c not in question.answers]


def with_wrong_options(question: MultipleChoice, wrong: Sequence[str]) -> MultipleChoice:
    """The question with these wrong options, each right answer kept at its place."""
    return replace(question, choices=tuple(_place_answers(question, list(question.answers), wrong)))


def _place_answers(question: MultipleChoice, answers: list[str], wrong: Sequence[str]) -> list[str]:
    """Choices: ``wrong`` with the answers inserted where the question has its right answers
    now (so that editing a wrong option never moves the answer)."""
    positions = sorted(question.correct_indices()) or [0]
    choices = list(wrong)
    for n, answer in enumerate(answers):
        at = positions[n] if n < len(positions) else len(choices)
        choices.insert(min(at, len(choices)), answer)
    return choices


def swap_in(current: list[str], fresh: list[str]) -> list[str]:
    """Replace the last wrong options with fresh ones (all of them when there are enough)."""
    keep = max(0, len(current) - len(fresh))
    return current[:keep] + fresh[: len(current) - keep] if current else fresh[:3]


def _fold(text: str) -> str:
    return normalise_for_match(text).casefold()


def _words(text: str) -> str:
    return " " + re.sub(r"[^\w%$€£]+", " ", _fold(text)).strip() + " "


def _usable(question: MultipleChoice, candidates: Iterable[str]) -> Iterable[str]:
    """The hard rules: never the answer, never one containing or contained in an answer,
    never a text that occurs in the stem, never twice."""
    answers = [_words(a) for a in question.answers]
    stem = _words(question.prompt)
    seen: set[str] = set()
    for text in candidates:
        text = text.strip()
        w = _words(text)
        if not text or w.strip() == "" or w in seen:
            continue
        if any(w in a or a in w for a in answers):
            continue
        if w in stem:
            continue
        seen.add(w)
        yield text


def _merge(*lists: Iterable[str]) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()
    for items in lists:
        for text in items:
            if _fold(text) not in seen:
                seen.add(_fold(text))
                out.append(text)
    return out


def _number_class(text: str) -> str:
    lowered = text.lower()
    if "%" in text or "percent" in lowered or "per cent" in lowered:
        return "percent"
    for sign in "$€£¥":
        if sign in text:
            return "money" + sign
    return "count"


#: Fact kinds whose key spans are interchangeable names or values (an event or a quote is a
#: phrase of its own sentence: swapped into another question it reads as nonsense).
_SWAPPABLE = ("person", "place", "organisation", "number", "date")


def fact_alternatives(question: MultipleChoice, facts: Iterable[Fact]) -> list[str]:
    """Wrong options from the article's facts: the key spans of other facts of the same kind
    as the answer (people for a person, percentages for a percentage, years for a year...), in
    article order, then for numbers and dates the answer perturbed in its own format. Only
    when the answer is a fact's key, a number or a date: otherwise nothing (a teacher writes
    better wrong options for a phrase than a swap would)."""
    from quiz.generate.values import parse_when

    facts = list(facts)
    answer = question.answers[0] if question.answers else ""
    kind = _answer_kind(answer, facts)
    if kind is None:
        return []
    shape = parse_when(answer).shape if kind == "date" else ""  # type: ignore[union-attr]
    out: list[str] = []
    for fact in facts:
        key = fact.key
        if fact.kind != kind or not key or len(key) > 60:
            continue
        if kind == "person" and (fact.statement.endswith(f": {key}.") or not key[:1].isupper()):
            continue  # a role ("President"), not a person
        if kind == "number" and (
            _split_amount(key) is None or _number_class(key) != _number_class(answer)
        ):
            continue
        if kind == "date" and getattr(parse_when(key), "shape", "") != shape:
            continue
        out.append(key)
    out.extend(_perturbed(kind, answer))
    return list(_usable(question, _merge(out)))


def _answer_kind(answer: str, facts: list[Fact]) -> str | None:
    from quiz.generate.values import parse_when

    folded = _fold(answer)
    same_key = next((f for f in facts if _fold(f.key) == folded), None)
    if same_key is not None:
        return same_key.kind if same_key.kind in _SWAPPABLE else None
    when = parse_when(answer)
    if when is not None and when.shape != "other":
        return "date"
    if _split_amount(answer) is not None:
        return "number"
    return None


_AMOUNT = re.compile(
    r"^(?P<pre>[^\d$€£¥]*?)(?P<num>[$€£¥]?\d[\d,.]*%?(?:\s+(?:thousand|million|billion|trillion))?)"
    r"(?P<post>\D*)$"
)


def _split_amount(text: str) -> tuple[str, Any, str] | None:
    """'approximately 12 million euros' -> ('approximately ', 12 million, ' euros')."""
    from quiz.generate.values import parse_amount

    match = _AMOUNT.match(text.strip())
    if match is None:
        return None
    amount = parse_amount(match["num"])
    if amount is None:
        return None
    return match["pre"], amount, match["post"]


def _perturbed(kind: str, answer: str) -> list[str]:
    from quiz.generate.values import parse_when, perturb_amount, perturb_when

    if kind == "number":
        split = _split_amount(answer)
        if split is None:
            return []
        pre, amount, post = split
        percent = _number_class(answer) == "percent"
        return [pre + t + post for t in perturb_amount(amount, percent=percent)]
    if kind == "date":
        when = parse_when(answer)
        return perturb_when(when) if when is not None else []
    return []


def generator_alternatives(generated: Generated) -> AlternativeSource:
    """The generator's own distractor choice (same kind of entity from the article, then
    numbers and dates perturbed in their format), with a longer list than it used."""
    from quiz.generate.distractors import distractors_for
    from quiz.generate.pipeline import _fact_ids

    article = generated.article
    ids = _fact_ids(article)
    by_id = {ids[id(fact)]: fact for fact in article.facts if id(fact) in ids}
    by_key: dict[str, Any] = {}
    for fact in article.facts:
        by_key.setdefault(_fold(fact.key), fact)

    def alternatives(question: MultipleChoice) -> list[str]:
        fact = by_id.get(question.fact)
        answer = _fold(question.answers[0]) if question.answers else ""
        if fact is None or _fold(fact.key) != answer:
            fact = by_key.get(answer, fact)
        if fact is None:
            return []
        try:
            return list(distractors_for(fact, article, question.prompt, limit=20))
        except Exception:  # the generator's helpers expect its own questions; never fail here
            return []

    return alternatives


# -- the edit form ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FormField:
    """One field of the edit form. ``lines``: a text area, one entry per line. ``wrap``: one
    paragraph of text, wrapped as it is typed (line breaks become spaces). ``options``: one of
    these values (shown as a choice, not typed)."""

    name: str
    label: str
    hint: str = ""
    lines: bool = False
    wrap: bool = False
    options: tuple[str, ...] = ()


_PROMPT = FormField("prompt", "Question", wrap=True)
_EXPLANATION = FormField(
    "explanation", "Explanation", "shown after the answer (optional)", wrap=True
)


def form_fields(question: Question) -> list[FormField]:
    """The fields a teacher edits for this question, in order."""
    if isinstance(question, MultipleChoice):
        if question.multiple:
            middle = [
                FormField("answer", "Right answers", "one per line", lines=True),
                FormField("wrong", "Wrong options", "one per line", lines=True),
            ]
        else:
            middle = [
                FormField("answer", "Right answer"),
                FormField("wrong", "Wrong options", "one per line; 1 to 5 of them", lines=True),
            ]
        return [_PROMPT, *middle, _EXPLANATION]
    if isinstance(question, TrueFalse):
        return [
            FormField("prompt", "Statement", wrap=True),
            FormField("answer", "The statement is", options=("true", "false")),
            _EXPLANATION,
        ]
    if isinstance(question, Cloze):
        return [
            FormField("prompt", "Text", "write ___ for each blank", wrap=True),
            FormField(
                "blanks",
                "Blanks",
                "one line per blank, in order; other accepted answers after |",
                lines=True,
            ),
            _EXPLANATION,
        ]
    if isinstance(question, ShortAnswer):
        return [
            _PROMPT,
            FormField("answer", "Answer"),
            FormField("accept", "Also accept", "one per line (optional)", lines=True),
            _EXPLANATION,
        ]
    if isinstance(question, Numeric):
        return [
            _PROMPT,
            FormField("answer", "Answer", "a number like 80000 or 2.5"),
            FormField("tolerance", "Tolerance", "how far off still counts (optional)"),
            FormField("unit", "Unit", "shown after the answer box (optional)"),
            _EXPLANATION,
        ]
    if isinstance(question, Matching):
        return [
            _PROMPT,
            FormField("pairs", "Pairs", "one per line: left -> right; 3 to 8 pairs", lines=True),
            _EXPLANATION,
        ]
    if isinstance(question, Ordering):
        return [
            _PROMPT,
            FormField("items", "Items", "one per line, in the right order", lines=True),
            _EXPLANATION,
        ]
    raise TypeError(type(question).__name__)  # pragma: no cover


def form_values(question: Question) -> dict[str, str]:
    """The question's current values as the form shows them."""
    values = {"prompt": question.prompt, "explanation": question.explanation}
    if isinstance(question, MultipleChoice):
        values["answer"] = "\n".join(question.answers)
        values["wrong"] = "\n".join(wrong_options(question))
    elif isinstance(question, TrueFalse):
        values["answer"] = "true" if question.answer else "false"
    elif isinstance(question, Cloze):
        values["blanks"] = "\n".join(" | ".join(b) for b in question.blanks)
    elif isinstance(question, ShortAnswer):
        values["answer"] = question.answers[0]
        values["accept"] = "\n".join(question.answers[1:])
    elif isinstance(question, Numeric):
        values["answer"] = format_number(question.answer).replace(",", "")
        values["tolerance"] = (
            format_number(question.tolerance).replace(",", "") if (question.tolerance) else ""
        )
        values["unit"] = question.unit
    elif isinstance(question, Matching):
        values["pairs"] = "\n".join(f"{p.left} -> {p.right}" for p in question.pairs)
    elif isinstance(question, Ordering):
        values["items"] = "\n".join(question.items)
    return values


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


_ARROW = re.compile(r"\s*(?:->|→|=>)\s*")


def _form_dict(base: Question, values: Mapping[str, str]) -> tuple[dict[str, Any], list[str]]:
    """The question mapping (as in a bank file) the form describes, plus problems the form
    itself can see (a pair without an arrow)."""
    out = question_to_dict(base)
    for key in ("choices", "answer", "accept", "blanks", "pairs", "items", "tolerance", "unit"):
        out.pop(key, None)
    problems: list[str] = []

    def get(name: str) -> str:
        return " ".join(values.get(name, "").split())

    out["prompt"] = get("prompt")
    explanation = get("explanation")
    if explanation:
        out["explanation"] = explanation
    else:
        out.pop("explanation", None)
    if isinstance(base, MultipleChoice):
        answers = _lines(values.get("answer", ""))
        wrong = _lines(values.get("wrong", ""))
        if not answers:
            problems.append("write the right answer")
        if not wrong:
            problems.append("give at least one wrong option")
        out["choices"] = _place_answers(base, answers, wrong)
        if base.multiple:
            out["answer"] = answers
        else:
            if len(answers) > 1:
                problems.append("one right answer only (this is not a pick-all-that-apply)")
            out["answer"] = answers[0] if answers else ""
    elif isinstance(base, TrueFalse):
        answer = get("answer").lower()
        if answer not in ("true", "false"):
            problems.append("the statement is true or false")
        out["answer"] = answer == "true"
    elif isinstance(base, Cloze):
        out["blanks"] = [
            [v.strip() for v in line.split("|") if v.strip()] for line in _lines(values["blanks"])
        ]
    elif isinstance(base, ShortAnswer):
        out["answer"] = get("answer")
        accept = _lines(values.get("accept", ""))
        if accept:
            out["accept"] = accept
    elif isinstance(base, Numeric):
        out["answer"] = get("answer")
        if get("tolerance"):
            out["tolerance"] = get("tolerance")
        if get("unit"):
            out["unit"] = get("unit")
    elif isinstance(base, Matching):
        pairs = []
        for n, line in enumerate(_lines(values.get("pairs", "")), start=1):
            parts = _ARROW.split(line, maxsplit=1)
            if len(parts) != 2:
                problems.append(f"pair {n}: write it as left -> right")
                continue
            pairs.append({"left": parts[0], "right": parts[1]})
        out["pairs"] = pairs
    elif isinstance(base, Ordering):
        out["items"] = _lines(values.get("items", ""))
    order = [
        "id",
        "type",
        "multiple",
        "prompt",
        "choices",
        "answer",
        "accept",
        "blanks",
        "pairs",
        "tolerance",
        "unit",
        "items",
        "fact",
        "source",
        "explanation",
        "tags",
        "difficulty",
    ]
    return {k: out[k] for k in order if k in out}, problems


_AT_LINE = re.compile(r" \((?:also|first) at line \d+\)")
_WHERE = re.compile(r"^question (?:'[^']*'|#\d+)(?: \([a-z_]+\))?: ")


def question_from_form(
    draft: Draft, base: Question, values: Mapping[str, str]
) -> tuple[Question | None, list[str]]:
    """The edited question and no problems, or None and every problem (for people: no file,
    no line, no question id). The check is the bank validator's, on a bank holding only this
    question, its fact and the article."""
    data, problems = _form_dict(base, values)
    if problems:
        return None, problems
    return validate_question(draft, data)


def validate_question(draft: Draft, data: Mapping[str, Any]) -> tuple[Question | None, list[str]]:
    from quiz.bank.loader import parse_bank_text

    fact = draft.facts.get(str(data.get("fact", "")))
    document = {
        "format": FORMAT,
        "id": draft.bank.id,
        "title": draft.bank.title,
        "source": {"title": draft.bank.source.title, "text": draft.article},
        "facts": [fact_to_dict(fact)] if fact is not None else [],
        "questions": [dict(data)],
    }
    text = yaml.safe_dump(_plain(document), allow_unicode=True, sort_keys=False, width=10_000)
    try:
        bank = parse_bank_text(text, path=Path("draft.yaml"))
    except BankError as error:
        messages = list(
            dict.fromkeys(_AT_LINE.sub("", _WHERE.sub("", p.message)) for p in error.problems)
        )
        return None, [m[:1].upper() + m[1:] for m in messages]
    return bank.questions[0], []


def _plain(value: Any) -> Any:
    """Plain dicts and lists (the dumper's flow-style subclasses are not safe_dump's)."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


# -- saving -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SaveResult:
    path: Path
    article: Path | None  # the article file beside the bank, None when the text is inline
    questions: int
    left_out: int  # pending questions not saved
    rejected: int


def save_draft(draft: Draft, target: Path) -> SaveResult:
    """Write the draft's bank to ``target`` (and its article beside it), atomically, and
    check that it loads. Raises :class:`DraftError` with a message for people."""
    from quiz.bank.loader import load_bank, parse_bank_text

    target = Path(target).expanduser()
    if target.suffix not in (".yaml", ".yml"):
        raise DraftError(f"the bank file must end in .yaml or .yml, not {target.name!r}")
    if target.is_dir():
        raise DraftError(f"cannot write {target}: it is a folder")
    bank = draft.to_bank()
    # the whole bank, validated in memory before anything is written
    inline = replace(bank, source=replace(bank.source, file=""))
    try:
        parse_bank_text(dump_bank(inline), path=target)
    except BankError as error:  # pragma: no cover - every edit was validated
        raise DraftError("the bank would not be valid", error.lines()) from None
    article_path: Path | None = None
    if bank.source.file:
        name = _place_article(bank.source.file, bank.source.text, target)
        bank = replace(bank, source=replace(bank.source, file=name))
        article_path = target.parent / name
    unchanged = _unchanged_file(draft, bank)
    if unchanged is None:
        _write_atomically(target, dump_bank(bank))
    elif not _same_file(unchanged, target):
        _write_atomically(target, unchanged.read_bytes())
    try:
        load_bank(target)
    except BankError as error:  # pragma: no cover - checked above
        raise DraftError("the saved bank does not load", error.lines()) from None
    draft.dirty = False
    draft.saved_to = target
    counts = draft.counts()
    return SaveResult(
        target,
        article_path,
        len(bank.questions),
        counts[ItemState.PENDING],
        counts[ItemState.REJECTED],
    )


def _unchanged_file(draft: Draft, bank: Bank) -> Path | None:
    """The file the draft was opened from, when the bank to save is the bank it holds (nothing
    was edited): that file's bytes are saved as they are, comments and layout included, so
    reopening and saving a bank never rewrites it."""
    from quiz.bank.loader import load_bank

    if not draft.bank.path or draft.dirty:
        return None
    original = Path(draft.bank.path)
    try:
        on_disk = load_bank(original)  # as it is now, not as it was opened
    except BankError:
        return None
    return original if replace(on_disk, path="") == replace(bank, path="") else None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _same_text(path: Path, text: str) -> bool:
    try:
        return path.read_text(encoding="utf-8").replace("\r\n", "\n").removeprefix(
            "\ufeff"
        ) == text.replace("\r\n", "\n")
    except (OSError, UnicodeDecodeError):
        return False


def _place_article(name: str, text: str, target: Path) -> str:
    """The article's file name beside the bank, writing it there when it is not (a bank names
    its article by a path inside its own folder). Another file of that name is never
    overwritten: the article is then written as ``BANK-NAME.txt``."""
    folder = target.parent
    for candidate in dict.fromkeys([name, f"{target.stem}.txt"]):
        path = folder / candidate
        if path.exists():
            if _same_text(path, text):
                return candidate
            continue
        _write_atomically(path, text)
        return candidate
    raise DraftError(f"{folder / name} exists and is another text; save the bank in another folder")


def _write_atomically(target: Path, content: str | bytes) -> None:
    try:
        write_atomic(target, content)
    except OSError as error:
        raise DraftError(f"cannot write {target}: {error.strerror or error}") from None
