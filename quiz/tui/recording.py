"""Moved to :mod:`quiz.recording.background` (issue 18: one package from the session to the
store; it never used Textual). Kept so that imports elsewhere work until they are updated; new
code imports from there."""

from quiz.recording.background import (
    BackgroundRecorder,
    RecordingFailed,
    Saved,
    Undone,
)

__all__ = ["BackgroundRecorder", "RecordingFailed", "Saved", "Undone"]
