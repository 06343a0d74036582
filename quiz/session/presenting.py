"""A question as a session presents it: ordering items, matching options and multiple-choice
choices shuffled.

Choices are shuffled anew in every session, as Moodle and Anki do, because a learner reviewing
the same question again and again otherwise learns where its answer is rather than what it is
(a new user's trial: the same right answer at position 3 in three sessions, and every "pick
all that apply" key at the top, where authors and ``quiz generate`` tend to put it). The order
is kept where it means something: choices that refer to each other ("All of the above",
"Both", "None of these") and choices that are all figures, which authors list in order.
"""

from __future__ import annotations

import random

from msgspec import Struct
from msgspec.structs import replace

from quiz.bank.model import Bank, Matching, MultipleChoice, Ordering, Question

__all__ = ["Item", "present"]


class Item(Struct, frozen=True):
    """One question as this session presents it.

    ``order`` is the ordering items as shown (shuffled, never already right); ``options`` the
    matching right-hand sides as shown (shuffled). A multiple-choice ``question`` has its
    choices in the order shown, so what is picked by number, graded and revealed is the shown
    order's (its answers, the recorded key, stay in the bank's order)."""

    question: Question
    order: tuple[str, ...] = ()
    options: tuple[str, ...] = ()
    bank: Bank | None = None  # the question's own bank when a session spans several


def present(
    question: Question, rng: random.Random, bank: Bank | None = None, *, choices: bool = True
) -> Item:
    """``question`` as shown, its parts shuffled by ``rng``; ``choices=False`` keeps a
    multiple-choice question's choices in the bank's order (a session asked to keep the bank's
    order, :attr:`quiz.session.choosing.Options.shuffle`)."""
    if bank is not None:
        return replace(present(question, rng, choices=choices), bank=bank)
    if isinstance(question, Ordering):
        items = list(question.items)
        if len(set(items)) > 1:
            for _ in range(20):
                rng.shuffle(items)
                if tuple(items) != question.items:
                    break
        return Item(question, order=tuple(items))
    if isinstance(question, Matching):
        rights = [p.right for p in question.pairs]
        rng.shuffle(rights)
        return Item(question, options=tuple(rights))
    if choices and isinstance(question, MultipleChoice) and not keeps_its_order(question.choices):
        return Item(_shuffled(question, rng))
    return Item(question)


def keeps_its_order(choices: tuple[str, ...]) -> bool:
    """Choices an author ordered on purpose: one that refers to the others ("All of the
    above", "Both", "None of these"), or figures (1990, 2000, 2010; "15%", "25%"), which read
    best in their order."""
    if any(_refers_to_others(choice) for choice in choices):
        return True
    return all(_is_figure(choice) for choice in choices)


def _is_figure(choice: str) -> bool:
    """ "1990", "15%", "$9.9 million", "3 days": a number, with a sign or currency before it
    and a unit word after it at most (read without a regular expression: this runs for every
    multiple-choice question as a session starts, before the first paint)."""
    text = choice.strip().strip(".,;:!?'\"()").lstrip("+-$€£¥")
    digits = len(text) - len(text.lstrip("0123456789,."))
    if not digits or not text[0].isdigit():
        return False
    rest = text[digits:].strip().casefold()
    return rest in ("", "%", "percent", "per cent") or (rest.isalpha() and len(rest) <= 12)


_QUANTIFIERS = frozenset({"all", "none", "both", "neither", "either"})
_POINTERS = frozenset(
    {"above", "below", "these", "those", "option", "options", "answer", "answers"}
)


def _refers_to_others(choice: str) -> bool:
    """ "All of the above", "None of these", "Both", "Neither of them", "… above": by its
    words (a session presents every question as it starts, before the first paint)."""
    words = [w.strip(".,;:!?'\"()") for w in choice.casefold().split()]
    words = [w for w in words if w]
    if not words:
        return False
    if words[0] in _QUANTIFIERS and (len(words) == 1 or words[1:] == ["of", "them"]):
        return True
    if words[-1] in ("above", "below"):
        return True
    first = next((i for i, w in enumerate(words) if w in _QUANTIFIERS), None)
    return first is not None and any(w in _POINTERS for w in words[first + 1 :])


def _shuffled(question: MultipleChoice, rng: random.Random) -> MultipleChoice:
    """The question with its choices in a new order, drawn from the session's generator
    without advancing it (the shuffles of ordering and matching questions stay those of the
    same seed as before), and distinct per question."""
    # a few words of the generator's state as text (not ``hash()`` of the state, which holds
    # None, whose hash changes from one process to the next on Python 3.11; not all 625 words,
    # whose text cost 80 µs a question, 1.7 ms of the founding bank's start): its first words
    # differ from seed to seed, its last is how far it has drawn
    words = rng.getstate()[1]
    own = random.Random(f"{words[:6]}:{words[-1]}:{question.id}")
    choices = list(question.choices)
    own.shuffle(choices)
    # the answers keep the bank's order: they are the recorded answer key, and a key that
    # changed with the order shown would read as a changed answer and reset the schedule
    return replace(question, choices=tuple(choices))
