"""What saving from the authoring screen needs besides the draft: when to ask before replacing a
file, and a bank saved outside the library joining it (so home and review show it).
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from quiz.authoring import Draft
from quiz.authoring.save import SaveResult
from quiz.plural import plural


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
    it); what to add to the "Saved" message (a line of its own, or "")."""
    from quiz.errors import QuizError
    from quiz.shelf import add_bank

    try:
        added = add_bank(path, data_dir)
    except QuizError as error:
        return f"not added to your library: {error}"
    if added.status == "added":
        return "added to your library"
    if added.status == "renamed":
        return added.message()
    return ""


def saved_message(result: SaveResult, library: str = "") -> str:
    """The "Saved" message, in short lines a narrow notification never cuts: the file's
    name on its own line, its folder, how many questions (and how many still to review are
    kept as drafts), then what the library did."""
    count = plural(result.questions, "question")
    if result.left_out:
        count += f"; {result.left_out} still to review kept as its drafts"
    lines = [result.path.name, f"in {short_folder(result.path.parent)}", count]
    if library:
        lines.append(library)
    return "\n".join(lines)


def short_folder(path: Path) -> str:
    """A folder as typed when relative, else with the home folder as ~."""
    text = str(path)
    home = str(Path.home())
    if text == home or text.startswith(home + "/"):
        return "~" + text[len(home) :]
    return text


def _same_file(a: Path, b: Path) -> bool:
    with contextlib.suppress(OSError):
        return a.resolve() == b.resolve()
    return False
