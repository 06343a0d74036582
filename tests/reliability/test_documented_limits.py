"""Issue 20, item 7: ``docs/bank-format.md`` gave limits (20 MB, 1,000,000 alias nodes) that
differed from the code and ``SECURITY.md`` (32 MB, 100,000). Each page must state the limits
the code has, so a change to one without the others fails here."""

from __future__ import annotations

import re

import pytest

from quiz.bank.files import MAX_ARTICLE_BYTES, MAX_BANK_BYTES
from quiz.bank.validate import MAX_QUESTIONS
from quiz.bank.yamlsafe import MAX_ALIAS_NODES, MAX_DEPTH
from tests.conftest import ROOT

MB = 1024 * 1024
LIMITS = {
    "bank size": f"{MAX_BANK_BYTES // MB} MB",
    "article size": f"{MAX_ARTICLE_BYTES // MB} MB",
    "nesting": f"{MAX_DEPTH}",
    "questions": f"{MAX_QUESTIONS:,} questions",
    "aliases": f"{MAX_ALIAS_NODES:,} values",
}


@pytest.mark.parametrize("page", ["docs/bank-format.md", "SECURITY.md"])
def test_the_pages_give_the_code_s_limits(page: str) -> None:
    text = " ".join((ROOT / page).read_text(encoding="utf-8").split())
    for what, wanted in LIMITS.items():
        assert wanted in text, f"{page}: the {what} limit {wanted!r} is not stated"
    stated_mb = {int(n) for n in re.findall(r"(\d+) MB", text)}
    assert stated_mb <= {MAX_BANK_BYTES // MB, MAX_ARTICLE_BYTES // MB}, stated_mb
