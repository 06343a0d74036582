"""The loader's own error: every problem of one file, each with its line."""

from __future__ import annotations

from msgspec import Struct

from quiz.bank.files import NotText
from quiz.errors import QuizError
from quiz.safe_text import printable


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
        """One ``file:line: message`` line per problem, safe to print: a control character,
        escape code or bidi override in the file name or the quoted text is shown escaped, so
        every command that prints a bank's errors (check, play, review, export, the home
        screen) shows them as text and a file name cannot recolour or reverse the terminal."""
        return [
            printable(
                f"{self.path}:{p.line}: {p.message}" if p.line else f"{self.path}: {p.message}"
            )
            for p in self.problems
        ]

    def format(self) -> str:
        return "\n".join(self.lines())


def read_problem(error: ValueError) -> Problem:
    """The problem of a bank file that could not be read as text: on the line where that shows
    (a bad byte, binary data, UTF-16), else about the whole file (missing, too large, a FIFO)."""
    if isinstance(error, NotText):
        return Problem(error.line, error.reason)
    return Problem(0, str(error))
