"""A draft question as the authoring screen shows it: list lines, detail parts, status lines.

All bank and article text is shown literally (``Content``), never as markup. These are pure
functions of the draft, so the screen only places them.
"""

from __future__ import annotations

from pathlib import Path

from textual.content import Content

from quiz.authoring import Draft, DraftItem, ItemState
from quiz.bank.model import (
    TYPE_NAMES,
    Cloze,
    Matching,
    MultipleChoice,
    Numeric,
    Ordering,
    Question,
    ShortAnswer,
    TrueFalse,
)
from quiz.tui.text import TYPE_TAGS, find_span

STATE_NAMES = {
    ItemState.PENDING: "to review",
    ItemState.ACCEPTED: "accepted",
    ItemState.REJECTED: "rejected",
    ItemState.EDITED: "edited",
}
STATE_MARKS = {
    ItemState.PENDING: ("○", "$text-muted"),
    ItemState.ACCEPTED: ("✓", "$success"),
    ItemState.REJECTED: ("✗", "$error"),
    ItemState.EDITED: ("✎", "$accent"),
}


def _flat(text: str) -> str:
    return " ".join(text.split())


def list_prompt(item: DraftItem) -> Content:
    """One line of the question list: state mark, type, prompt (literal)."""
    mark, style = STATE_MARKS[item.state]
    question = item.question
    text_style = "$text-muted" if item.state is ItemState.REJECTED else ""
    return Content.assemble(
        (mark, f"bold {style}"),
        " ",
        (f"{TYPE_TAGS.get(question.type, question.type):<11}", "$text-muted"),
        (_flat(question.prompt), text_style),
    )


def kind_line(item: DraftItem) -> Content:
    question = item.question
    kind = TYPE_NAMES.get(question.type, question.type)
    if isinstance(question, MultipleChoice) and question.multiple:
        kind += " · pick all that apply"
    mark, style = STATE_MARKS[item.state]
    line = Content.assemble(
        (kind, "bold"),
        ("  ·  ", "$text-muted"),
        (f"{mark} {STATE_NAMES[item.state]}", f"bold {style}"),
        ("  ·  ", "$text-muted"),
        (question.id, "$text-muted"),
    )
    if question.held_back and not item.state.kept:
        # why the generator (or the teacher) kept it out of the quiz: what to check first
        line = Content.assemble(line, "\n", ("held back: ", "bold $warning"), question.held_back)
    return line


def answer_content(question: Question) -> Content:
    """The answer part of a question, as a teacher checks it."""
    label = "$text-muted"
    if isinstance(question, MultipleChoice):
        lines: list[Content] = []
        for choice in question.choices:
            if choice in question.answers:
                lines.append(Content.assemble(("✓ ", "bold $success"), (choice, "bold")))
            else:
                lines.append(Content.assemble(("· ", "$text-muted"), choice))
        return Content("\n").join(lines)
    if isinstance(question, TrueFalse):
        return Content.assemble(("Answer  ", label), (question.answer_text(), "bold"))
    if isinstance(question, Cloze):
        lines = []
        many = len(question.blanks) > 1
        for n, blank in enumerate(question.blanks, start=1):
            parts: list[str | tuple[str, str]] = [
                (f"Blank {n}  " if many else "Answer  ", label),
                (blank[0], "bold"),
            ]
            if len(blank) > 1:
                parts.append((f"   also accepted: {', '.join(blank[1:])}", label))
            lines.append(Content.assemble(*parts))
        return Content("\n").join(lines)
    if isinstance(question, ShortAnswer):
        parts = [("Answer  ", label), (question.answers[0], "bold")]
        if len(question.answers) > 1:
            parts.append((f"   also accepted: {', '.join(question.answers[1:])}", label))
        return Content.assemble(*parts)
    if isinstance(question, Numeric):
        return Content.assemble(("Answer  ", label), (question.answer_text(), "bold"))
    if isinstance(question, Matching):
        return Content("\n").join(
            Content.assemble((p.left, "bold"), ("  →  ", label), p.right) for p in question.pairs
        )
    if isinstance(question, Ordering):
        return Content("\n").join(
            Content.assemble((f"{n}. ", label), item)
            for n, item in enumerate(question.items, start=1)
        )
    return Content(question.answer_text())  # pragma: no cover


def source_content(draft: Draft, question: Question) -> Content:
    """The source sentence with the fact's key span (else the answer) highlighted."""
    sentence = _flat(question.source)
    fact = draft.fact_of(question)
    terms = [fact.key] if fact is not None and fact.key else []
    if not terms or find_span(sentence, terms[0]) is None:
        answer = question.answer_text()
        terms = answer.split("; ") if "→" not in answer else []
    content = Content(sentence)
    for term in terms:
        span = find_span(sentence, term)
        if span is not None:
            content = content.stylize("bold $accent underline", *span)
    return content


#: The detail side when the filters hide every question.
NO_MATCH = Content.assemble(
    ("No question matches these filters. ", "bold"), ("t and s change them.", "$text-muted")
)


def advice_content(notes: list[str]) -> Content:
    """``quiz check``'s item review of the question, one "code: finding — fix" line each."""
    return Content("\n").join(Content.assemble(("▲ ", "bold $warning"), note) for note in notes)


def explanation_content(explanation: str) -> Content | str:
    return Content.assemble(("Explanation  ", "$text-muted"), explanation) if explanation else ""


def failed_content(message: str) -> Content:
    """In place of the draft, when none could be made (the teacher can still quit calmly)."""
    return Content.assemble(
        ("No draft could be made: ", "bold $error"), message, ("\n\nq quits", "$text-muted")
    )


def status_content(draft: Draft) -> Content:
    """The top bar's status: how many questions are in each state, and whether it is saved."""
    counts = draft.counts()
    bits: list[str | tuple[str, str]] = []
    for state in (ItemState.ACCEPTED, ItemState.EDITED, ItemState.REJECTED):
        mark, style = STATE_MARKS[state]
        bits += [(f"{mark} {counts[state]}", style), "  "]
    bits.append((f"{counts[ItemState.PENDING]} to review", "bold"))
    if draft.dirty:
        bits += [("  ·  ", "$text-muted"), ("unsaved", "bold $warning")]
    elif draft.saved_to is not None:
        bits += [("  ·  ", "$text-muted"), ("saved", "$success")]
    return Content.assemble("   ", *bits, " ")  # the spaces keep a long title off the counts


def filters_content(
    draft: Draft,
    shown: int,
    type_filter: str | None,
    state_filter: ItemState | None,
    save_to: Path,
) -> Content:
    """The line above the list: how many questions are shown, the filters and their keys, how
    many more drafted ones there are, and where the bank is saved."""
    type_name = TYPE_NAMES.get(type_filter, "") if type_filter else "all"
    state_name = STATE_NAMES[state_filter] if state_filter else "all"
    muted = "$text-muted"
    return Content.assemble(
        (f"{shown} of {len(draft)} shown", "bold"),
        ("   type ", muted),
        (type_name, "bold" if type_filter else ""),
        (" (t)", muted),
        ("   state ", muted),
        (state_name, "bold" if state_filter else ""),
        (" (s)", muted),
        (f"   {len(draft.reserve)} more (m)" if draft.reserve else "", muted),
        ("   → ", muted),
        (_short_path(draft.saved_to or save_to), muted),
    )


def _short_path(path: Path) -> str:
    """The path as typed when it is relative, else with the home folder as ~."""
    text = str(path)
    home = str(Path.home())
    if text.startswith(home + "/"):
        return "~" + text[len(home) :]
    return text
