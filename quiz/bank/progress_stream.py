"""A question stream that says how far through the file the parse is, for a progress bar.

The first load of a big bank parses YAML for many seconds (about 17 s for 100,000 questions
here); questions are built as the file streams in (:class:`QuestionStream`), so the line each
one starts on, over the file's line count, is how far the parse has come. Imported on a cache
miss only, with the YAML parser.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from quiz.bank.model import Question
from quiz.bank.validate import QuestionStream

#: Progress is reported once per this many questions (a few times a second on a big bank).
EVERY = 256

#: The share of a first load that parsing takes; building the cache entry after it is the rest
#: (about 5 % for a 100,000-question bank).
PARSE_SHARE = 0.95

#: Called with how much of the load is done, from 0.0 to 1.0.
Progress = Callable[[float], None]


class ProgressStream(QuestionStream):
    """A :class:`QuestionStream` that calls ``report(done)`` every :data:`EVERY` questions,
    ``done`` being the parsed share of a text of ``lines`` lines (``total_lines``), scaled to
    :data:`PARSE_SHARE`."""

    def __init__(self, report: Progress, lines: int, *, keep_lines: bool = False) -> None:
        super().__init__(lines=keep_lines)  # ``keep_lines``: each question's line, for advice
        self.report = report
        self.total_lines = max(lines, 1)

    def __call__(self, raw: Any, line: int) -> Question | None:
        question = super().__call__(raw, line)
        if self.count % EVERY == 0:
            self.report(PARSE_SHARE * min(line / self.total_lines, 1.0))
        return question
