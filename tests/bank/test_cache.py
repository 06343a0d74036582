"""The bank cache: same bank as a fresh load, and any edit of bank or article is noticed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quiz.bank import BankError, load_bank
from quiz.bank.cache import BankCache, decode_bank, encode_bank
from tests.conftest import ALL_TYPES_BANK, FOUNDING_BANK


@pytest.fixture
def bank_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "banks"
    folder.mkdir()
    shutil.copy(ALL_TYPES_BANK, folder / "bank.yaml")
    shutil.copy(ALL_TYPES_BANK.parent / "article.txt", folder / "article.txt")
    return folder


def test_encode_decode_round_trip_for_every_type() -> None:
    for source in (ALL_TYPES_BANK, FOUNDING_BANK):
        bank = load_bank(source)
        again, digest = decode_bank(encode_bank(bank, "abc"), path=bank.path)
        assert again == bank and digest == "abc"
        assert [type(q) for q in again.questions] == [type(q) for q in bank.questions]


def test_second_load_comes_from_the_cache(bank_folder: Path, tmp_path: Path) -> None:
    cache = BankCache(tmp_path / "cache")
    first = cache.load(bank_folder / "bank.yaml")
    entries = list((tmp_path / "cache" / "banks").iterdir())
    assert len(entries) == 1
    second = cache.load(bank_folder / "bank.yaml")
    assert second == first == load_bank(bank_folder / "bank.yaml")


def test_edited_bank_is_reloaded(bank_folder: Path, tmp_path: Path) -> None:
    cache = BankCache(tmp_path / "cache")
    cache.load(bank_folder / "bank.yaml")
    path = bank_folder / "bank.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("Riverton opens its bridge", "New title"),
        encoding="utf-8",
    )
    assert cache.load(path).title == "New title"


def test_edited_article_is_revalidated(bank_folder: Path, tmp_path: Path) -> None:
    cache = BankCache(tmp_path / "cache")
    cache.load(bank_folder / "bank.yaml")
    (bank_folder / "article.txt").write_text("A different article.", encoding="utf-8")
    with pytest.raises(BankError, match="does not occur in the article"):
        cache.load(bank_folder / "bank.yaml")


def test_damaged_cache_entry_is_ignored_and_rewritten(bank_folder: Path, tmp_path: Path) -> None:
    cache = BankCache(tmp_path / "cache")
    good = cache.load(bank_folder / "bank.yaml")
    (entry,) = (tmp_path / "cache" / "banks").iterdir()
    entry.write_bytes(entry.read_bytes()[:-20] + b"garbage-garbage-garb")
    assert cache.load(bank_folder / "bank.yaml") == good
    entry.write_bytes(b"\x00random")
    assert cache.load(bank_folder / "bank.yaml") == good


def test_unwritable_cache_dir_still_loads(bank_folder: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("x", encoding="utf-8")
    assert BankCache(blocker / "cache").load(bank_folder / "bank.yaml").id == "riverton-bridge"


def test_summaries_list_good_and_broken_banks(bank_folder: Path, tmp_path: Path) -> None:
    (bank_folder / "broken.yaml").write_text("format: quiz-bank/1\nid: [\n", encoding="utf-8")
    cache = BankCache(tmp_path / "cache")
    paths = sorted(bank_folder.glob("*.yaml"))
    first = cache.summaries(paths)
    assert [(s.id, s.questions) for s in first] == [("riverton-bridge", 9), ("broken", 0)]
    assert first[1].errors[0].startswith("line 3: YAML syntax error")
    assert first[0].ok and not first[1].ok
    assert dict(first[0].by_type)["cloze"] == 1 and first[0].source_outlet == "Riverton Gazette"
    assert first[0].title == "Riverton opens its bridge" and first[0].as_of == "2025-05-12"
    assert cache.summaries(paths) == first  # served from the index
