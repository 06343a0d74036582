"""``prepare`` loads, before the first article, what drafting would otherwise load inside it.

``quiz generate`` calls it with spaCy's model, under the one "Loading…" line, so that the first
article of a run costs what the others do (``benchmarks/generate_per_article.py``). Checked in a
fresh interpreter: the test process has long since loaded everything."""

from __future__ import annotations

import subprocess
import sys

import pytest

pytest.importorskip("lemminflect")

_PROBE = """
import sys
import lemminflect
from quiz.generate.pipeline import prepare

lemmas, inflections = lemminflect.Lemmatizer(), lemminflect.Inflections()
before = [hasattr(lemmas, "lemma_dict"), hasattr(inflections, "infl_dict"),
          "quiz.bank.review.registry" in sys.modules, "quiz.bank.dump" in sys.modules]
prepare()
after = [hasattr(lemmas, "lemma_dict"), hasattr(inflections, "infl_dict"),
         "quiz.bank.review.registry" in sys.modules, "quiz.bank.dump" in sys.modules]
print(before, after)
"""


def test_prepare_loads_the_tables_and_the_review_before_any_article() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _PROBE], capture_output=True, text=True, timeout=120, check=True
    )
    assert result.stdout.split() == [
        "[False,",
        "False,",
        "False,",
        "False]",
        "[True,",
        "True,",
        "True,",
        "True]",
    ]
