"""Coverage and balance of the chosen questions, on full-length articles and on every evaluation
article: at least 15 questions of at least 4 types from a full article, byte-identical banks,
and no two questions that ask the same answer of the same sentence in the same way."""

from __future__ import annotations

from collections import Counter
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from quiz.bank.dump import dump_bank
from quiz.commands.generate import shortfall_note
from tests.generate.conftest import ARTICLES, FOUNDING_ARTICLE

HELD_OUT_FULL = sorted((ARTICLES / "heldout2").glob("*.txt"))


@pytest.mark.parametrize("path", HELD_OUT_FULL, ids=lambda p: p.stem)
def test_a_full_length_article_gives_a_full_bank(make: Any, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert len(text.split()) >= 400
    first = make(text, source_file=path.name)
    questions = first.bank.questions
    # generation v2: only what passes the gate (see test_gate.py), however few; the rest are
    # drafts, and --at-least 3 keeps the best three whatever the gate says
    assert len(questions) + len(first.bank.drafts) >= 10
    asked = make(text, source_file=path.name, at_least=3).bank.questions
    assert len(asked) >= 3 and {q.id for q in questions} <= {q.id for q in asked}
    for q in (*questions, *asked):
        assert q.source in text  # every source verbatim
    again = make(text, source_file=path.name)
    assert dump_bank(again.bank) == dump_bank(first.bank)  # byte-identical
    note = shortfall_note(len(questions), len(first.bank.drafts), text, 25)
    assert note == "" or f"{len(first.bank.drafts)} more are held back as drafts" in note


def _chosen(analyse: Any, text: str, limit: int = 25) -> tuple[Any, list[Any]]:
    from quiz.generate.hard_rules import violations
    from quiz.generate.pipeline import _assign_ids
    from quiz.generate.questions import build_candidates
    from quiz.generate.select import choose

    article = analyse(text)
    candidates = [c for _, c in _assign_ids(build_candidates(article))]
    return article, choose([c for c in candidates if not violations(c, article)], article, limit)


@pytest.mark.parametrize(
    "path", [FOUNDING_ARTICLE, *sorted(ARTICLES.rglob("*.txt"))], ids=lambda p: p.stem
)
def test_no_near_duplicates_and_balanced(analyse: Any, path: Path) -> None:
    from quiz.generate.select import PER_OCCURRENCE, answer_of, mode_of

    _, chosen = _chosen(analyse, path.read_text(encoding="utf-8"))
    single = [c for c in chosen if c.type not in ("matching", "ordering")]
    occurrences = Counter((answer_of(c), c.fact.sentence.index, mode_of(c)) for c in single)
    assert max(occurrences.values(), default=0) == 1  # one way of asking per answer and sentence
    per_answer = Counter((answer_of(c), c.fact.sentence.index) for c in single)
    assert max(per_answer.values(), default=0) <= PER_OCCURRENCE
    per_type = Counter((answer_of(c), c.type) for c in single)
    assert max(per_type.values(), default=0) <= 2  # no third cloze on the main subject
    true_sentences = {c.fact.sentence.index for c in single if mode_of(c) == "judge-true"}
    for s in true_sentences:  # a true statement shares its sentence with no other question
        assert sum(c.fact.sentence.index == s for c in single) == 1
    types = Counter(c.type for c in chosen)
    assert max(types.values(), default=0) <= 8  # no type takes more than 30% of 25


def test_several_types_rest_on_one_strong_fact(analyse: Any) -> None:
    text = FOUNDING_ARTICLE.read_text(encoding="utf-8")
    from quiz.generate.select import answer_of, mode_of

    _, chosen = _chosen(analyse, text)
    modes: dict[tuple[str, int], set[str]] = {}
    for c in chosen:
        if c.type not in ("matching", "ordering"):
            modes.setdefault((answer_of(c), c.fact.sentence.index), set()).add(mode_of(c))
    assert any(len(m) >= 2 for m in modes.values())


def test_questions_on_one_sentence_are_kept_apart(analyse: Any) -> None:
    text = (ARTICLES / "heldout2" / "voa-le-voyager-reconnects.txt").read_text(encoding="utf-8")
    _, chosen = _chosen(analyse, text)
    sentences = [
        -1 if c.type in ("matching", "ordering") else c.fact.sentence.index for c in chosen
    ]
    adjacent = sum(1 for a, b in pairwise(sentences) if a == b and a != -1)
    assert adjacent == 0


def test_the_shortfall_note_says_what_the_gate_held_back() -> None:
    short = "word " * 120
    assert shortfall_note(5, 0, short, 25) == ""  # a short article carries five
    assert "add your own" in shortfall_note(3, 0, short, 25)
    long = "word " * 600
    note = shortfall_note(9, 7, long, 25)
    assert note.startswith("note: 9 questions of this 600-word article passed the quality gate")
    assert "7 more are held back as drafts" in note and "quiz author" in note
    assert shortfall_note(17, 3, long, 25) == ""  # 600 words carry about 17
    assert shortfall_note(5, 2, long, 5) == ""  # --max 5 asked for five


def test_the_command_says_when_an_article_is_short(nlp: Any, tmp_path: Path, capsys: Any) -> None:
    from quiz.cli import main

    article = tmp_path / "mandela.txt"
    article.write_text(
        (ARTICLES / "wikinews-mandela-collapsed-lung.txt").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    assert main(["generate", "--at-least", "1", str(article)]) == 0
    captured = capsys.readouterr()
    err = captured.err
    assert "is in the bank with --at-least 1" in err and "held back as drafts" in err
    assert (
        ": 1 question (" in captured.out and "note: 1 question of" in err
    )  # one, not "1 questions"


def test_with_at_least_the_note_does_not_say_the_questions_passed() -> None:
    """With ``--at-least 10`` an article none of whose questions passes the gate gave "2
    questions … passed the quality gate" (a new user's trial, session 13): they are in the
    bank by the option, and the drafts left are held back by rules it does not lift."""
    short = "word " * 121
    note = shortfall_note(2, 5, short, 25, "w.yaml", at_least=10)
    assert "passed the quality gate" not in note
    assert note.startswith("note: 2 questions of this 121-word article are in the bank with")
    assert "the 5 drafts left are held back by rules --at-least does not lift" in note
    assert "`quiz author w.yaml`" in note
    assert shortfall_note(10, 5, short, 25, at_least=10) == ""
