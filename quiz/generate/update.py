"""``quiz generate --update``: regenerate a bank after the article changed, keeping edits.

A question counts as edited by a person when it differs from what the generator produces for
its id from the bank's own (old) article; such questions are kept as they are while their
sentence is still in the article. Untouched generated questions are regenerated from the new
article (reported as changed when they differ), dropped when their fact is gone, and new
questions fill the bank up to ``max_questions``. The drafts are the new article's, with the ones
a teacher edited kept (see :func:`_drafts`). A question the teacher rejected in ``quiz author``
(its id in the bank's ``rejected`` list) is never brought back, as a question or a draft.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from msgspec.structs import replace

from quiz.bank.dump import question_to_dict
from quiz.bank.held_back import noting_gone
from quiz.bank.model import Bank, Fact, Question
from quiz.bank.text import normalise_for_match
from quiz.generate.pipeline import DEFAULT_MAX, generate
from quiz.plural import plural


@dataclass(slots=True)
class UpdateResult:
    bank: Bank
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    kept_edited: list[str] = field(default_factory=list)
    dropped_edited: list[str] = field(default_factory=list)
    not_back: list[str] = field(default_factory=list)  # rejected by the teacher: left out

    def report(self) -> list[str]:
        drafts = len(self.bank.drafts)
        held = f", {plural(drafts, 'draft')} held back for quiz author" if drafts else ""
        lines = [
            f"updated {self.bank.id}: {plural(len(self.bank.questions), 'question')}{held}; "
            f"{len(self.added)} added, {len(self.removed)} removed, {len(self.changed)} changed, "
            f"{len(self.kept_edited)} edited by you and kept"
        ]
        for label, items in (
            ("added", self.added),
            ("removed", self.removed),
            ("changed", self.changed),
            ("kept (edited)", self.kept_edited),
        ):
            for qid in items:
                lines.append(f"  {label}: {qid}")
        for qid in self.not_back:
            lines.append(f"  not brought back (you rejected it in quiz author): {qid}")
        for qid in self.dropped_edited:
            lines.append(
                f"  removed (you had edited it, but its sentence is no longer in the "
                f"article): {qid}"
            )
        return lines


def _same(a: Question, b: Question) -> bool:
    return question_to_dict(a) == question_to_dict(b)


def update_bank(
    old: Bank,
    text: str,
    *,
    bank_id: str,
    title: str,
    date: str = "",
    source_file: str = "",
    max_questions: int = DEFAULT_MAX,
    nlp: Any = None,
    keep_title: bool = True,
    at_least: int = 0,
) -> UpdateResult:
    before = generate(
        old.source.text,
        bank_id=bank_id,
        title=title,
        date=old.as_of,
        source_file=source_file,
        max_questions=max_questions,
        nlp=nlp,
        keep_title=keep_title,
        at_least=at_least,
    )
    after = generate(
        text,
        bank_id=bank_id,
        title=title,
        date=date,
        source_file=source_file,
        max_questions=max_questions,
        nlp=nlp,
        keep_title=keep_title,
        at_least=at_least,
    )
    article = normalise_for_match(text)
    result = UpdateResult(after.bank)
    kept: list[Question] = []
    facts: dict[str, Fact] = {}
    old_facts = {f.id: f for f in old.facts}
    for q in old.questions:
        generated = before.candidates.get(q.id)
        if generated is not None and _same(generated, q):
            new = after.candidates.get(q.id)
            if new is None:
                result.removed.append(q.id)
                continue
            if not _same(new, q):
                result.changed.append(q.id)
            kept.append(new)
            if new.fact in after.facts:
                facts[new.fact] = after.facts[new.fact]
            continue
        if normalise_for_match(q.source) not in article:
            result.dropped_edited.append(q.id)
            continue
        result.kept_edited.append(q.id)
        kept.append(q)
        if q.fact and q.fact in old_facts:
            fact = old_facts[q.fact]
            if normalise_for_match(fact.source) in article:
                facts[q.fact] = fact
            else:
                kept[-1] = _without_fact(q)
    have = {q.id for q in kept}
    rejected = set(old.rejected)
    result.not_back = sorted(
        rejected & {q.id for q in (*after.bank.questions, *after.bank.drafts)} - have
    )
    for q in after.bank.questions:
        if len(kept) >= max(max_questions, len(have)):
            break
        if q.id not in have and q.id not in rejected:
            kept.append(q)
            have.add(q.id)
            result.added.append(q.id)
            if q.fact in after.facts:
                facts[q.fact] = after.facts[q.fact]
    drafts = _drafts(old, before.bank, after.bank, have | rejected, article)
    present = have | {d.id for d in drafts}
    drafts = [replace(d, held_back=noting_gone(d.held_back, present)) for d in drafts]
    for q in drafts:
        if q.fact in after.facts:
            facts.setdefault(q.fact, after.facts[q.fact])
        elif q.fact in old_facts and normalise_for_match(old_facts[q.fact].source) in article:
            facts.setdefault(q.fact, old_facts[q.fact])
    for fact in after.bank.facts:
        if any(q.fact == fact.id for q in (*kept, *drafts)):
            facts.setdefault(fact.id, fact)
    order = {f.id: i for i, f in enumerate(after.bank.facts)}
    bank = Bank(
        id=old.id,
        title=title or old.title,
        source=after.bank.source,
        questions=tuple(kept),
        drafts=tuple(drafts),
        facts=tuple(sorted(facts.values(), key=lambda f: (order.get(f.id, len(order)), f.id))),
        description=old.description,
        language=old.language,
        tags=old.tags,
        as_of=date or old.as_of,
        rejected=tuple(qid for qid in old.rejected if qid not in {q.id for q in kept}),
    )
    result.bank = bank
    return result


def _drafts(old: Bank, before: Bank, after: Bank, asked: set[str], article: str) -> list[Question]:
    """The updated bank's drafts, for ``quiz author`` to offer: what the new article's gate
    held back (less what the bank now asks), with each draft of the old bank a teacher edited
    without promoting it in place of the generator's, or after them, while its sentence is
    still in the article. Until session 13 an update wrote no drafts at all, and every
    held-back question of the bank was lost."""
    generated = {d.id: d for d in before.drafts}
    edited = {
        d.id: d
        for d in old.drafts
        if d.id not in asked
        and (d.id not in generated or not _same(generated[d.id], d))
        and normalise_for_match(d.source) in article
    }
    out = [edited.pop(d.id, d) for d in after.drafts if d.id not in asked]
    return out + list(edited.values())


def _without_fact(q: Question) -> Question:
    return replace(q, fact="")
