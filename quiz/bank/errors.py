"""The loader's own error: every problem of one file, each with its line."""

from __future__ import annotations

from msgspec import Struct

from quiz.errors import QuizError


class Problem(Struct, frozen=True, order=True):
    """One thing wrong with a bank file; ordered by line so errors read top to bottom."""

    line: int  # 1-based; 0 when the problem concerns the whole file
    message: str


class BankError(QuizError):
    """A bank could not be loaded. ``str()`` gives one ``file:line: message`` per problem."""

    def __init__(self, path: str, problems: list[Problem]) -> None:
        self.path = path
        self.problems = sorted(problems)
        super().__init__(self.format())

    def lines(self) -> list[str]:
        return [
            f"{self.path}:{p.line}: {p.message}" if p.line else f"{self.path}: {p.message}"
            for p in self.problems
        ]

    def format(self) -> str:
        return "\n".join(self.lines())
