"""Fixtures for generation tests: the English model, loaded once; tests skip without it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

ARTICLES = Path(__file__).resolve().parent.parent / "data" / "articles"
FOUNDING_ARTICLE = (
    Path(__file__).resolve().parent.parent.parent / "question_banks" / "japan-korea-summit-2025.txt"
)


@pytest.fixture(scope="session")
def nlp() -> Any:
    from quiz.generate.nlp import ModelMissing, load_model

    try:
        return load_model()
    except ModelMissing:
        pytest.skip("spaCy and an English model are not installed")


@pytest.fixture(scope="session")
def analyse(nlp: Any) -> Any:
    from quiz.generate.pipeline import analyse as run

    return lambda text: run(text, nlp)


@pytest.fixture(scope="session")
def make(nlp: Any) -> Any:
    """Generate a bank from text: make(text, max_questions=25, date="")."""
    from quiz.generate.pipeline import generate

    def run(text: str, **options: Any) -> Any:
        options.setdefault("bank_id", "t")
        options.setdefault("title", "T")
        return generate(text, nlp=nlp, **options)

    return run
