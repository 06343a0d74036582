"""A cached bank is rebuilt with the cyclic GC paused, and the GC is left as it was found."""

from __future__ import annotations

import gc
from pathlib import Path

from quiz.bank import cache
from quiz.bank.cache import BankCache
from tests.conftest import ALL_TYPES_BANK


def test_the_collector_is_left_as_it_was(tmp_path: Path) -> None:
    BankCache(tmp_path).load(ALL_TYPES_BANK)  # builds the entry
    cache._RECENT = None  # so that the next loads rebuild from the entry
    assert gc.isenabled()
    BankCache(tmp_path).load(ALL_TYPES_BANK)
    assert gc.isenabled()
    gc.disable()
    try:
        cache._RECENT = None
        BankCache(tmp_path).load(ALL_TYPES_BANK)
        assert not gc.isenabled()  # someone else turned it off: not turned on behind them
    finally:
        gc.enable()


def test_nested_pauses_turn_it_back_on_once_the_last_ends() -> None:
    with cache._no_collections():
        with cache._no_collections():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
