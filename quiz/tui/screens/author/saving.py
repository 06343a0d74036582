"""What saving from the authoring screen needs besides the draft: when to ask before replacing a
file, and a bank saved outside the library joining it (so home and review show it).
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from quiz.authoring import Draft


def needs_replace_confirmation(draft: Draft, target: Path) -> bool:
    """Whether saving would replace a file that is neither the bank opened nor one this draft
    saved already."""
    if not target.exists():
        return False
    if draft.saved_to is not None and _same_file(draft.saved_to, target):
        return False
    return not (draft.bank.path and _same_file(Path(draft.bank.path), target))


def join_library(path: Path, data_dir: Path) -> str:
    """Put a bank saved outside the library's folders into it (so home and review show
    it); what to add to the "Saved" message."""
    from quiz.errors import QuizError
    from quiz.shelf import add_bank

    try:
        added = add_bank(path, data_dir)
    except QuizError as error:
        return f"\n(not added to your library: {error})"
    if added.status == "added":
        return "; added to your library"
    if added.status == "renamed":
        return f"\n{added.message()}"
    return ""


def _same_file(a: Path, b: Path) -> bool:
    with contextlib.suppress(OSError):
        return a.resolve() == b.resolve()
    return False
