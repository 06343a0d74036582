"""Fixtures for store tests: a real SQLite file in a tmp dir, a fake UTC clock, no fuzz."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from quiz.store import Store
from tests.store.helpers import FakeClock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path, clock: FakeClock) -> Iterator[Store]:
    with Store.open(data_dir, clock=clock, fuzz=False) as opened:
        yield opened
