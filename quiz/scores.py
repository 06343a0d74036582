"""Moved to :mod:`quiz.recording.scores` (issue 18: one package from the session to the store).
Kept so that imports elsewhere work until they are updated; new code imports from there."""

from quiz.recording.scores import (
    MEMORY,
    RECOVER_HINT,
    Scores,
    memory_store,
    open_scores,
    store_notice,
)

__all__ = ["MEMORY", "RECOVER_HINT", "Scores", "memory_store", "open_scores", "store_notice"]
