"""The home screen: the banks you can study, with progress; Enter starts a quiz.

``screen.py`` is the screen (the list read as the library is, its keys); ``entries.py`` what it
lists (a bank's entry, the learner's progress on it, the two lines each shows); ``home.tcss``
is its look, read when it is first shown.
"""

from __future__ import annotations

from quiz.tui.screens.home.entries import BankEntry, Progress, entry_prompt, read_progress
from quiz.tui.screens.home.screen import BankList, HomeScreen

__all__ = ["BankEntry", "BankList", "HomeScreen", "Progress", "entry_prompt", "read_progress"]
