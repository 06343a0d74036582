"""The bank cache finds an unchanged bank without reading it (issue 21): its digest is kept
against the file's size, modification time, inode and change time; any write is seen."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from quiz.bank import cache, file_stamps
from quiz.bank.cache import BankCache
from tests.conftest import ALL_TYPES_BANK

HOUR_AGO = time.time() - 3600


@pytest.fixture(autouse=True)
def stamp_small_banks(monkeypatch: pytest.MonkeyPatch) -> None:
    """The test bank is small; the stamps are kept for files of a megabyte and more."""
    monkeypatch.setattr(file_stamps, "STAMP_FROM", 0)


@pytest.fixture
def bank_file(tmp_path: Path) -> Path:
    folder = tmp_path / "banks"
    folder.mkdir()
    shutil.copy(ALL_TYPES_BANK, folder / "bank.yaml")
    shutil.copy(ALL_TYPES_BANK.parent / "article.txt", folder / "article.txt")
    return folder / "bank.yaml"


def age(path: Path, when: float = HOUR_AGO) -> None:
    """As a bank saved a while ago (a file changed within the last seconds is always hashed).
    The change time cannot be set back: the racy rule is made to look at a later clock."""
    os.utime(path, (when, when))


def reads_of_the_bank(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Each read of a bank file by the cache, from now on (the process's last bank is
    forgotten, as in a new process)."""
    reads: list[Path] = []
    real = cache.read_bytes_bounded

    def counting(path: Path, **kwargs: object) -> bytes:
        reads.append(Path(path))
        return real(path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(cache, "read_bytes_bounded", counting)
    monkeypatch.setattr(file_stamps, "read_bytes_bounded", counting)  # hashing a bank reads it
    monkeypatch.setattr(cache, "_RECENT", None)
    return reads


def later_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    future = time.time_ns() + 10 * file_stamps.RACY_NS
    monkeypatch.setattr(time, "time_ns", lambda: future)


def test_an_unchanged_bank_is_found_without_reading_it(
    bank_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    age(bank_file)
    later_clock(monkeypatch)
    first = BankCache(tmp_path / "cache").load(bank_file)
    assert (tmp_path / "cache" / "bank-stamps.json").exists()
    reads = reads_of_the_bank(monkeypatch)
    again = BankCache(tmp_path / "cache").load(bank_file)
    assert reads == []
    assert again == first


def test_an_edit_is_seen(bank_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    age(bank_file)
    later_clock(monkeypatch)
    BankCache(tmp_path / "cache").load(bank_file)
    text = bank_file.read_text(encoding="utf-8")
    bank_file.write_text(text.replace("title:", "title: Edited", 1), encoding="utf-8")
    age(bank_file)  # even with the old modification time back: the change time moved
    reads = reads_of_the_bank(monkeypatch)
    edited = BankCache(tmp_path / "cache").load(bank_file)
    assert reads  # hashed again
    assert edited.title.startswith("Edited")


def test_a_file_changed_just_now_is_hashed_every_time(
    bank_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second write within one tick of the clock, same size, would keep the stamp: a file
    this fresh is never stamped."""
    BankCache(tmp_path / "cache").load(bank_file)
    reads = reads_of_the_bank(monkeypatch)
    BankCache(tmp_path / "cache").load(bank_file)
    assert reads == [bank_file]


def test_a_small_bank_is_hashed_every_time_and_leaves_no_stamp(
    bank_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(file_stamps, "STAMP_FROM", bank_file.stat().st_size + 1)
    age(bank_file)
    later_clock(monkeypatch)
    BankCache(tmp_path / "cache").load(bank_file)
    assert not (tmp_path / "cache" / "bank-stamps.json").exists()
    reads = reads_of_the_bank(monkeypatch)
    BankCache(tmp_path / "cache").load(bank_file)
    assert reads == [bank_file]


def test_a_damaged_stamps_file_only_costs_a_hash(
    bank_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    age(bank_file)
    later_clock(monkeypatch)
    first = BankCache(tmp_path / "cache").load(bank_file)
    (tmp_path / "cache" / "bank-stamps.json").write_text("{not json", encoding="utf-8")
    reads = reads_of_the_bank(monkeypatch)
    assert BankCache(tmp_path / "cache").load(bank_file) == first
    assert reads == [bank_file]
