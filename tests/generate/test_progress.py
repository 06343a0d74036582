"""Generation reports how far it is (the command draws the bar: tests/reliability)."""

from __future__ import annotations

from typing import Any

from tests.generate.conftest import ARTICLES


def test_generation_reports_its_progress_in_order(make: Any) -> None:
    heard: list[float] = []
    text = (ARTICLES / "heldout2").glob("*.txt").__next__().read_text(encoding="utf-8")
    make(text, progress=heard.append)
    assert heard and heard == sorted(heard) and heard[-1] == 1.0
    assert len(set(heard)) > 3  # paragraph by paragraph, not only the end
