"""Shared fixtures. Every test runs with its own empty data dir, never the developer's."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
FOUNDING_BANK = ROOT / "question_banks" / "japan-korea-summit-2025.yaml"
ALL_TYPES_BANK = DATA / "valid" / "all-types.yaml"
#: The founding bank as it was before its revision in issue 16 (70 questions, kept with its
#: article): a rich, stable bank for tests that depend on particular questions, so that the
#: shipped bank can keep improving without rewriting them.
RICH_BANK = DATA / "item-review" / "shipped-before-revision.yaml"


@pytest.fixture(autouse=True)
def isolated_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Keep the developer's own scores and banks out of every test."""
    data_dir = tmp_path_factory.mktemp("quiz-data")
    monkeypatch.setenv("QUIZ_DATA_DIR", str(data_dir))
    return data_dir
