"""Draft a question bank from a news article (``quiz generate``).

Importing this package never imports spaCy: the model is loaded by
:func:`quiz.generate.nlp.load_model` the first time an article is analysed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quiz.generate.pipeline import Generated

__all__ = ["DEFAULT_MAX", "generate"]

DEFAULT_MAX = 25


def generate(text: str, **options: Any) -> Generated:
    """See :func:`quiz.generate.pipeline.generate`."""
    from quiz.generate.pipeline import generate as run

    return run(text, **options)
