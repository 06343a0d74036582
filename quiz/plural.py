"""One way to write a count with its noun ("1 question", "4 questions"), for every command,
report, export and screen: the generator's banks often hold a single question now, and five
hand-written copies of this rule had drifted ("1 questions" in three places)."""

from __future__ import annotations

__all__ = ["plural"]


def plural(count: int, word: str, many: str | None = None) -> str:
    """``count`` and ``word``, the noun in the plural (``many``, else ``word`` + "s") unless
    the count is one."""
    return f"{count} {word if count == 1 else (many or word + 's')}"
