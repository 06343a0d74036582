"""Where the answers given are, in words: "every answer is saved" only when it is true.

The quit and end dialogs and the summary all say it, so it lives apart from each of them (the
summary is pushed by a dialog, and a dialog's module importing the summary's would close a
circle)."""

from __future__ import annotations


def answers_kept(held: int, at_risk: int, journal: str) -> str:
    """Where the answers given are, in words, for the quit and end dialogs: never "saved"
    when some are not. ``held``: answers not in the database; ``at_risk``: of those, the ones
    not in the journal either (only in memory)."""
    if not held:
        return "every answer is saved"
    if not at_risk:
        return (
            f"{answers(held)} could not be saved to the database yet and "
            f"{'are' if held > 1 else 'is'} kept in {journal}, to be saved the next time "
            "quiz starts"
        )
    return (
        f"{answers(at_risk)} could not be saved anywhere yet and would be lost if quiz stopped now"
    )


def answers(count: int) -> str:
    """ "1 answer", "2 answers"."""
    return f"{count} answer{'s' if count != 1 else ''}"
