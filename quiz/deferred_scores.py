"""Moved to :mod:`quiz.recording.deferred` (issue 18: one package from the session to the
store). Kept so that imports elsewhere work until they are updated; new code imports from there.
"""

from quiz.recording.deferred import DeferredScores

__all__ = ["DeferredScores"]
