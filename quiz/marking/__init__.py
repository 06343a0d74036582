"""Marking a response: the outcome and grade, typed text and typed numbers compared.

The pure helpers every question type grades with, in a layer of their own below the bank
(``pyproject.toml``'s layers contract): a type's module (``quiz/bank/types/``) owns its grading,
so what it grades with must sit under it. :mod:`quiz.grading` (above the bank) dispatches a
response to its type through the registry and re-exports these names.

Only :mod:`quiz.marking.outcome` is imported at start-up (by :mod:`quiz.record`); the rest,
with its compiled patterns and ``rapidfuzz``, at the first answer graded.
"""
