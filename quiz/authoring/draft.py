"""A bank under review: each question with its review state, and the bank it will save as.

A :class:`Draft` holds the questions of a generated (or loaded) bank, each with a review state:
``pending`` (not looked at yet), ``accepted``, ``rejected`` or ``edited`` (kept, with changes).
Saving (``save.py``) keeps the accepted and edited questions; those still pending are kept as the
bank's drafts, so nothing drafted is lost by saving early. Ids never change: a learner's
progress is keyed on them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from msgspec.structs import replace

from quiz.authoring.alternatives import (
    AlternativeSource,
    fact_alternatives,
    fold,
    generator_alternatives,
    merge,
    usable,
)
from quiz.authoring.choices import swap_in, with_wrong_options, wrong_options
from quiz.authoring.form import question_from_form
from quiz.bank.dump import question_to_dict
from quiz.bank.held_back import noting_gone
from quiz.bank.model import QUESTION_TYPES, Bank, Fact, MultipleChoice, Question
from quiz.bank.text import CONTROL_CHARS
from quiz.errors import QuizError

if TYPE_CHECKING:
    from quiz.generate.pipeline import Generated


class ItemState(StrEnum):
    """Where a question is in the teacher's review."""

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


@dataclass(slots=True)
class DraftItem:
    """One question under review: as it is now, as it was generated or loaded, and its state."""

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
                item.offered.update(fold(c) for c in item.question.choices)
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
            return merge(from_generator(question), fact_alternatives(question, pool))

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
                item.offered.update(fold(c) for c in question.choices)
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
            item.offered.update(fold(c) for c in question.choices)
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
        for text in usable(question, self._alternatives(question)):
            if fold(text) in item.offered:
                continue
            out.append(text)
            if len(out) >= wanted:
                break
        return out

    def alternatives_for(self, question: MultipleChoice, offered: Iterable[str]) -> list[str]:
        """For the edit form: wrong options for a question being edited, skipping ``offered``."""
        if self._alternatives is None:
            return []
        seen = {fold(t) for t in offered}
        wanted = max(1, len(wrong_options(question)))
        out = [t for t in usable(question, self._alternatives(question)) if fold(t) not in seen]
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
        bank is kept), and the ids of the questions rejected, now and before."""
        questions = self.kept()
        if not questions:
            raise DraftError("nothing to save yet: accept at least one question (a)")
        drafts = self.held_back()
        used = {q.fact for q in (*questions, *drafts) if q.fact}
        facts = [f for f in self.bank.facts if self.keep_all_facts or f.id in used]
        have = {f.id for f in facts}
        facts += [self.facts[f] for f in sorted(used - have) if f in self.facts]
        kept = {q.id for q in (*questions, *drafts)}
        drafts = [
            replace(q, held_back=noting_gone(q.held_back, kept)) if q.held_back else q
            for q in drafts
        ]
        rejected = [
            *(qid for qid in self.bank.rejected if qid not in kept),
            *(item.question.id for item in self.items if item.state is ItemState.REJECTED),
        ]
        return replace(
            self.bank,
            questions=tuple(questions),
            drafts=tuple(drafts),
            rejected=tuple(dict.fromkeys(rejected)),  # remembered: --update never brings them back
            facts=tuple(facts),
            path="",
        )
