"""Synthetic data for the benchmarks: big banks of every type, and a big score store.

Deterministic (seeded) so every run measures the same bytes.
"""

from __future__ import annotations

import random
from pathlib import Path

ARTICLE_SENTENCES = 400


def article_sentences() -> list[str]:
    return [
        f"Town {i} approved {1000 + i * 7:,} euros for project {i}."
        for i in range(ARTICLE_SENTENCES)
    ]


def _question(i: int, sentence: str, rng: random.Random, sid: str) -> str:
    kind = i % 7
    head = (
        f"  - id: {sid}\n"
        f'    source: "{sentence}"\n'
        f"    tags: [tag{i % 13}, topic{i % 5}]\n"
        f"    difficulty: {1 + i % 3}\n"
    )
    if kind == 0:
        right = rng.randrange(4)
        choices = ", ".join(f'"Option {c} for {i}"' for c in range(4))
        return head + (
            "    type: multiple_choice\n"
            f"    prompt: Which option is right for question {i}?\n"
            f"    choices: [{choices}]\n"
            f'    answer: "Option {right} for {i}"\n'
        )
    if kind == 1:
        return head + (
            "    type: true_false\n"
            f"    prompt: Statement number {i} about the council is true.\n"
            f"    answer: {'true' if i % 2 else 'false'}\n"
        )
    if kind == 2:
        return head + (
            "    type: cloze\n"
            f"    prompt: The council of town ___ approved a budget for project {i}.\n"
            f'    blanks:\n      - ["{i}", number {i}]\n'
        )
    if kind == 3:
        return head + (
            "    type: short_answer\n"
            f"    prompt: Who spoke about project {i}?\n"
            "    answer: the mayor\n    accept: [mayor, town mayor]\n"
        )
    if kind == 4:
        pairs = "".join(
            f"      - {{left: Town {i}-{p}, right: Budget {i}-{p}}}\n" for p in range(4)
        )
        return head + (
            "    type: matching\n"
            f"    prompt: Match each town of set {i} to its budget.\n"
            f"    pairs:\n{pairs}"
        )
    if kind == 5:
        return head + (
            "    type: numeric\n"
            f"    prompt: How many euros did town {i} budget?\n"
            f"    answer: {1000 + i * 7}\n    tolerance: 5\n    unit: euros\n"
        )
    return head + (
        "    type: ordering\n"
        f"    prompt: Put the steps of project {i} in order.\n"
        f"    items: [Plan {i}, Approve {i}, Build {i}, Open {i}]\n"
    )


def write_bank(
    folder: Path, bank_id: str, count: int, *, seed: int = 7, question_id: str = "q-{:06d}"
) -> Path:
    """A valid ``quiz-bank/1`` file of ``count`` questions of all seven types, with its article.
    ``question_id`` formats the question number into its id (the synthetic score store names
    its questions ``q0000``..., so banks that match it use ``"q{:04d}"``)."""
    folder.mkdir(parents=True, exist_ok=True)
    sentences = article_sentences()
    article = folder / f"{bank_id}.txt"
    article.write_text(" ".join(sentences) + "\n", encoding="utf-8")
    rng = random.Random(seed)
    path = folder / f"{bank_id}.yaml"
    with path.open("w", encoding="utf-8") as out:
        out.write(
            "format: quiz-bank/1\n"
            f"id: {bank_id}\n"
            f"title: Synthetic bank {bank_id}\n"
            "as_of: 2025-01-01\n"
            f"source:\n  title: Synthetic article\n  file: {article.name}\n"
            "questions:\n"
        )
        for i in range(count):
            out.write(_question(i, sentences[i % len(sentences)], rng, question_id.format(i)))
    return path
