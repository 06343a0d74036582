"""Questions that answer each other: checks over the whole bank.

A quiz draws questions in any order, so one question's prompt, right answer, pairs or feedback
must not state another's answer (``answer-leak``; ``matching-gives-away`` when a matching
question's pairs answer two or more others), and two questions should not test the same fact the
same way (``duplicate-test``). A leak is the other question's answer *together with* the words
its prompt asks about: "Nairobi" alone in "the Nairobi River" gives nothing away, "the pact was
signed in Nairobi" answers "Which city hosted the signing?".

Keys are indexed by their first word and duplicates are looked for only among questions on the
same source sentence or fact, so a big bank is reviewed in time proportional to its size.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import defaultdict
from collections.abc import Iterator

from quiz.bank.model import (
    Matching,
    MultipleChoice,
    Ordering,
    Question,
    ShortAnswer,
    TrueFalse,
)
from quiz.bank.review import text
from quiz.bank.review.base import Context, Hit, keys

#: A year as an answer ("1993"), the one figure that names the same thing wherever it stands.
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
#: A leak needs this many of the other prompt's words beside its answer (fewer if it has fewer).
CUE = 2
#: Duplicates: how alike two prompts must be, beyond their answers.
SAME_PROMPT = 0.2
SAME_STATEMENT = 0.5
SAME_ITEMS = 0.6
#: Leaks collected per question: enough to say "and many more" without a bank of repeated
#: questions costing time in the square of its size.
MAX_LEAKS = 25
#: A matching question whose pairs answer this many others gives the game away.
MATCHING_LEAKS = 2


def _family(q: Question) -> str:
    if isinstance(q, MultipleChoice):
        return "multi" if q.multiple else "choice"
    return {"short_answer": "typed", "cloze": "typed", "numeric": "typed"}.get(q.TYPE, q.TYPE)


def _key_words(q: Question) -> list[list[str]]:
    out = []
    for key in keys(q):
        words = text.strip_leading(text.tokens(key))
        if text.content_count(words) and words not in out:
            out.append(words)
    return out


def _prompt_words(q: Question) -> set[str]:
    prompt = text.content(text.tokens(q.prompt.replace("___", " ")))
    return prompt - text.QUESTION_WORDS


class _Bank:
    """Per-question word sets, computed once."""

    def __init__(self, ctx: Context) -> None:
        self.questions = list(ctx.bank.questions)
        self.keys = [_key_words(q) for q in self.questions]
        #: each answer's content words, as :func:`_keys_match` compares them pair by pair
        self.key_contents = [[text.content(k) for k in ks] for ks in self.keys]
        key_stems = [set().union(*(text.content(k) for k in ks)) for ks in self.keys]
        self.key_stems = key_stems
        self.asked = [_prompt_words(q) - s for q, s in zip(self.questions, key_stems, strict=True)]
        self.prompts = [text.tokens(q.prompt) for q in self.questions]
        self.statements = [text.content(words) for words in self.prompts]
        self.items = [_items(q) for q in self.questions]
        self.beside = [_beside_blank(q.prompt) for q in self.questions]


def _beside_blank(prompt: str) -> set[str]:
    """The words that carry meaning right before and right after each blank of a prompt ("gave
    up ___ floors" -> {"floor"}): a figure found next to one of them elsewhere is the answer in
    the same place ("releasing the 12 floors", fresh set O), whatever else the two prompts
    share. Only figures: a word beside a word is often a set phrase ("plastic bags")."""
    parts = prompt.split("___")
    out: set[str] = set()
    for before, after in itertools.pairwise(parts):
        left, right = text.tokens(before)[-1:], text.tokens(after)[:1]
        out |= text.content(left + right)
    return out


def _keys_match(a: list[set[str]], b: list[set[str]]) -> bool:
    """Whether two questions' answers are alike: ``a`` and ``b`` are each answer's content
    words (:attr:`_Bank.key_contents`)."""
    for ca in a:
        for cb in b:
            small = min(len(ca), len(cb))
            if small and (len(ca & cb) / small >= 0.8 or text.jaccard(ca, cb) >= 0.5):
                return True
    return False


def _items(q: Question) -> set[str]:
    if isinstance(q, Matching):
        return {" ".join(text.tokens(f"{p.left} {p.right}")) for p in q.pairs}
    if isinstance(q, Ordering):
        return {" ".join(text.tokens(i)) for i in q.items}
    return set()


def _duplicate(b: _Bank, i: int, j: int) -> bool:
    qi, qj = b.questions[i], b.questions[j]
    if _family(qi) != _family(qj):
        return False
    if isinstance(qi, TrueFalse):
        return text.jaccard(b.statements[i], b.statements[j]) >= SAME_STATEMENT
    if isinstance(qi, (Matching, Ordering)):
        return text.jaccard(b.items[i], b.items[j]) >= SAME_ITEMS
    if _answers_other(b, i, j) or _answers_other(b, j, i):
        return False  # "Who said X?" and "What did W say?": the same fact asked both ways
    asked = b.asked[i] - b.key_stems[j], b.asked[j] - b.key_stems[i]
    return _keys_match(b.key_contents[i], b.key_contents[j]) and text.jaccard(*asked) >= SAME_PROMPT


def _answers_other(b: _Bank, i: int, j: int) -> bool:
    """Whether question i's prompt holds question j's answer."""
    return any(text.contains(b.prompts[i], key) for key in b.keys[j])


def _duplicates(b: _Bank) -> list[tuple[int, int]]:
    """Pairs (earlier, later) testing the same thing, among questions on one sentence or fact."""
    groups: dict[str, list[int]] = defaultdict(list)
    for index, q in enumerate(b.questions):
        groups["s:" + " ".join(text.tokens(q.source))].append(index)
        if q.fact:
            groups["f:" + q.fact].append(index)
    pairs: set[tuple[int, int]] = set()
    twins: dict[int, int] = defaultdict(int)
    for members in groups.values():
        for i, j in _candidate_pairs(b, members):
            pair = (min(i, j), max(i, j))
            if twins[pair[1]] >= MAX_LEAKS or pair in pairs:
                continue  # enough to report it; a bank of repeats must not cost its square
            if _duplicate(b, i, j):
                pairs.add(pair)
                twins[pair[1]] += 1
    return sorted(pairs)


#: A group of questions on one sentence or fact up to this size is compared pair by pair;
#: a bigger one (a generated bank of 100,000 questions on one article) only where two
#: questions share what a duplicate must share (:func:`_candidate_pairs`).
SMALL_GROUP = 64


def _candidate_pairs(b: _Bank, members: list[int]) -> Iterator[tuple[int, int]]:
    """The pairs of ``members`` that :func:`_duplicate` can find alike, each once: every pair
    of a small group; in a big one, the pairs of one family that share a word a duplicate
    must share — a word of the answer (``_keys_match`` needs one), or, for statements, pairs
    and items (alike by Jaccard similarity), a word of each set's prefix in rare-first order,
    which two sets at least that similar always share (prefix filtering)."""
    if len(members) <= SMALL_GROUP:
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                yield i, j
        return
    by_family: dict[str, list[int]] = defaultdict(list)
    for i in members:
        by_family[_family(b.questions[i])].append(i)
    for family, ids in by_family.items():
        if family == "multi":
            continue  # several answers: never a duplicate test (no one key to compare)
        if family == "true_false":
            sets = {i: b.statements[i] for i in ids}
            least: float | None = SAME_STATEMENT
        elif family in ("matching", "ordering"):
            sets = {i: b.items[i] for i in ids}
            least = SAME_ITEMS
        else:
            sets = {i: set().union(*b.key_contents[i]) for i in ids}
            least = None  # any shared word of the answer
        yield from _sharing(sets, least)


def _sharing(sets: dict[int, set[str]], least: float | None) -> Iterator[tuple[int, int]]:
    """Pairs (in index order) whose sets share a word of their prefixes: with ``least``, the
    first ``len - ceil(least * len) + 1`` words, rarest first, so that every pair with a
    Jaccard similarity of ``least`` or more is among them; without, any word."""
    counts: dict[str, int] = defaultdict(int)
    for words in sets.values():
        for word in words:
            counts[word] += 1
    holders: dict[str, list[int]] = defaultdict(list)
    for i in sorted(sets):
        ordered = sorted(sets[i], key=lambda w: (counts[w], w))
        keep = len(ordered) if least is None else len(ordered) - math.ceil(least * len(ordered)) + 1
        for word in ordered[: max(0, keep)]:
            holders[word].append(i)
    seen: set[tuple[int, int]] = set()
    for ids in holders.values():
        for x, i in enumerate(ids):
            for j in ids[x + 1 :]:
                if (i, j) not in seen:
                    seen.add((i, j))
                    yield i, j


def _analysis(ctx: Context) -> tuple[_Bank, list[tuple[int, int]], dict[int, dict[int, str]]]:
    """The bank's word sets, duplicate pairs and leaks, shared by the three checks."""
    if "cross" not in ctx.memo:
        b = _Bank(ctx)
        duplicates = _duplicates(b)
        ctx.memo["cross"] = (b, duplicates, _leaks(b, set(duplicates), ctx.topic))
    result: tuple[_Bank, list[tuple[int, int]], dict[int, dict[int, str]]] = ctx.memo["cross"]
    return result


def duplicate_test(ctx: Context) -> Iterator[Hit]:
    b, duplicates, _ = _analysis(ctx)
    reported: set[int] = set()
    for i, j in duplicates:
        if j in reported:
            continue
        reported.add(j)
        first = b.questions[i]
        yield Hit(
            b.questions[j].id,
            f"it tests the same as {_where(ctx, first.id)}, the same way",
            "keep one of the two, or make this one ask about another part of the fact",
        )


def _segments(q: Question) -> Iterator[tuple[str, str]]:
    """What a learner reads of a question, by where it is: (where, text)."""
    if not (isinstance(q, TrueFalse) and not q.answer):  # a false statement tells nothing
        yield "prompt", q.prompt.replace("___", " ")
    if isinstance(q, MultipleChoice):
        for answer in q.answers:
            yield "answer", f"{q.prompt} {answer}"
    if isinstance(q, ShortAnswer):
        yield "answer", f"{q.prompt} {q.answers[0]}"
    if isinstance(q, Matching):
        for pair in q.pairs:
            yield "pairs", f"{pair.left} {pair.right}"
    if isinstance(q, Ordering):
        for item in q.items:
            yield "items", item
    if q.explanation:
        yield "explanation", q.explanation


def _leaks(
    b: _Bank, duplicates: set[tuple[int, int]], topic: frozenset[str]
) -> dict[int, dict[int, str]]:
    """For each question, the questions whose answer it gives away, and where. The words shared
    with the other prompt must include one the article does not use throughout (``topic``).

    Answers are indexed by their exact words, and each text is looked up by its runs of words
    of the answers' lengths, so only answers that occur in it are weighed."""
    # answer words -> the words its question asks about -> the questions asking it so
    by_key: dict[tuple[str, ...], dict[frozenset[str], list[int]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for index, ks in enumerate(b.keys):
        for k in ks:  # a figure however written: "22" and "twenty-two" are one answer
            by_key[tuple(text.as_figures(k))][frozenset(b.asked[index])].append(index)
    lengths = sorted({len(k) for k in by_key})
    found: dict[int, dict[int, str]] = defaultdict(dict)
    for a, q in enumerate(b.questions):
        for where, shown in _segments(q):
            words = text.as_figures(text.tokens(shown))
            stems = text.content(words)
            runs = {tuple(words[i : i + n]) for n in lengths for i in range(len(words) - n + 1)}
            # in a fixed order: a set of strings iterates in an order that changes with each
            # process's hash seed, and which leak is named (or kept, past MAX_LEAKS) changed
            # with it: the same article gave two banks
            for run in sorted(runs & by_key.keys()):
                near = _around(words, run) if any(w[:1].isdigit() for w in run) else set()
                for asked, others in by_key[run].items():
                    shared = asked & stems
                    cued = len(shared) >= min(CUE, len(asked)) and asked and shared - topic
                    # a year is read as the answer next to any word its own question asks
                    # about ("the 1993 outbreak" gives away "... in ___, when the virus was
                    # identified during an outbreak"; fresh set AA, tuned)
                    dated = near & asked if _YEAR.fullmatch(" ".join(run)) else set()
                    for other in others:
                        if not cued and not dated and not near & b.beside[other]:
                            continue
                        pair = (min(a, other), max(a, other))
                        if other != a and other not in found[a] and pair not in duplicates:
                            found[a][other] = where
                    if len(found[a]) >= MAX_LEAKS:
                        break
    return found


def _around(words: list[str], run: tuple[str, ...]) -> set[str]:
    """The content stems right before and after each place ``run`` occurs in ``words``."""
    n = len(run)
    found: list[str] = []
    for i in range(len(words) - n + 1):
        if tuple(words[i : i + n]) == run:
            found += words[max(0, i - 1) : i] + words[i + n : i + n + 1]
    return text.content(found)


def _where(ctx: Context, qid: str) -> str:
    """ "q-a (line 3)", or just "q-a" where lines are not known (a bank built in memory)."""
    line = ctx.lines.get(qid, 0)
    return f"{qid} (line {line})" if line else qid


def _names(b: _Bank, ctx: Context, others: list[int]) -> str:
    """ "q-a (line 3), q-b (line 9) and 2 more": the first three by name and line."""
    named = [b.questions[o].id for o in others[:3]]
    shown = ", ".join(_where(ctx, qid) for qid in named)
    more = len(others) - len(named)
    if len(others) >= MAX_LEAKS:
        return f"{shown} and {more} or more others"
    return shown + (f" and {more} more" if more else "")


def answer_leak(ctx: Context) -> Iterator[Hit]:
    yield from _leak_hits(ctx, matching=False)


def matching_gives_away(ctx: Context) -> Iterator[Hit]:
    yield from _leak_hits(ctx, matching=True)


def _leak_hits(ctx: Context, *, matching: bool) -> Iterator[Hit]:
    b, _, leaks = _analysis(ctx)
    for a, q in enumerate(b.questions):
        given = leaks.get(a, {})
        by_pairs = sorted(o for o, where in given.items() if where == "pairs")
        if len(by_pairs) < MATCHING_LEAKS:
            by_pairs = []
        if matching and by_pairs:
            yield Hit(
                q.id,
                f"its pairs answer {len(by_pairs)} other questions: {_names(b, ctx, by_pairs)}",
                "match things no other question asks about, or drop the questions it answers",
            )
        rest = sorted(o for o in given if o not in by_pairs)
        if not matching and rest:
            where = given[rest[0]]
            verb = "give" if where in ("pairs", "items") else "gives"
            yield Hit(
                q.id,
                f"its {where} {verb} away the answer of {_names(b, ctx, rest)}",
                "reword it so it does not state the other question's answer, or drop one",
            )
