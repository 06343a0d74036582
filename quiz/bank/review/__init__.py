"""Item review: advice on questions that are valid but flawed in the ways item-writing guides
teach test writers to avoid (the key stands out, recognition instead of recall, answers
guessable without the article, questions that answer each other...). See docs/item-review.md.

This package file imports nothing: the bank validator imports :mod:`quiz.bank.review.codes`
on every YAML load, and must not pay for the checks. Use :func:`quiz.bank.review.registry.review`.
"""
