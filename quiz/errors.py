"""Errors meant for people. The CLI prints them as one line and exits with ``exit_code``."""

from __future__ import annotations


class QuizError(Exception):
    """A failure caused by input (a path, a bank, an option), not by a bug."""

    exit_code: int = 1
