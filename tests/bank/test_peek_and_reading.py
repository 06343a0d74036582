"""A glance at a bank file (quiz.bank.peek) and the library read a part at a time
(quiz.bank.reading): what the home screen lists before every bank is loaded."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quiz.bank import BankError, load_bank
from quiz.bank.cache import BankCache
from quiz.bank.peek import Peek, peek_bank, peek_text
from quiz.bank.reading import Listed, read_library
from tests.conftest import ALL_TYPES_BANK, DATA, FOUNDING_BANK, ROOT


def _valid_banks() -> list[Path]:
    paths = [*ROOT.glob("question_banks/*.yaml"), *DATA.rglob("*.yaml")]
    valid = []
    for path in sorted(paths):
        try:
            load_bank(path)
        except (BankError, OSError):
            continue
        valid.append(path)
    return valid


@pytest.mark.parametrize("path", _valid_banks(), ids=lambda p: p.name)
def test_a_glance_finds_what_the_load_finds(path: Path) -> None:
    bank = load_bank(path)
    peek = peek_bank(path)
    assert (peek.id, peek.title, peek.as_of, peek.questions) == (
        bank.id,
        bank.title,
        bank.as_of,
        len(bank.questions),
    )
    assert (peek.source_title, peek.source_outlet) == (bank.source.title, bank.source.outlet)


def test_a_glance_reads_quoted_values_and_counts_items_at_the_lists_indent() -> None:
    text = (
        "format: quiz-bank/1\n"
        'id: "quoted-id"  # a comment\n'
        "title: 'It''s a title'\n"
        "questions:\n"
        "- id: a\n"
        "  choices:\n"
        "  - one\n"  # a nested list, indented deeper than the items' dashes: not counted
        "-\n"
        "  id: b\n"
        "facts: []\n"
        "- not: a question\n"
    )
    peek = peek_text(text)
    assert (peek.id, peek.title, peek.questions) == ("quoted-id", "It's a title", 2)


def test_a_glance_leaves_unknown_what_needs_the_parser() -> None:
    peek = peek_text("title: >-\n  folded\nquestions: [{id: a}]\n")
    assert peek.title == "" and peek.questions is None
    assert peek_text("questions: []\n").questions == 0
    assert peek_text("format: quiz-bank/9\nid: x\n") == Peek()


def test_a_glance_at_a_file_that_is_not_text_finds_nothing(tmp_path: Path) -> None:
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(b"id: x\n\xff\xfe\x00")
    assert peek_bank(binary) == Peek()
    assert peek_bank(tmp_path / "missing.yaml") == Peek()


def _library(folder: Path, count: int) -> list[Path]:
    """``count`` copies of the all-types bank with their own ids and titles, and a broken one."""
    folder.mkdir()
    shutil.copy(DATA / "valid" / "article.txt", folder / "article.txt")
    text = ALL_TYPES_BANK.read_text(encoding="utf-8")
    paths = []
    for n in range(count):
        path = folder / f"bank-{n:02d}.yaml"
        path.write_text(
            text.replace("id: riverton-bridge", f"id: bank-{n:02d}").replace(
                "title: Riverton opens its bridge", f"title: Bank number {n:02d}"
            ),
            encoding="utf-8",
        )
        paths.append(path)
    broken = folder / "broken.yaml"
    shutil.copy(DATA / "invalid" / "bad-difficulty.yaml", broken)
    return [*paths, broken]


def _parts(cache: BankCache, paths: list[Path]) -> list[Listed]:
    # intervals of 0: each glance and each check is its own part, whatever the machine's speed
    return list(read_library(cache, paths, every=0.0, check_every=0.0))


def test_new_banks_are_glanced_at_then_checked_and_the_index_remembers_them(
    tmp_path: Path,
) -> None:
    paths = _library(tmp_path / "banks", 4)
    cache = BankCache(tmp_path / "cache")
    parts = _parts(cache, paths)
    assert parts[0].found == () and parts[0].checked == 0  # nothing known yet
    glances = [f for part in parts for f in part.found if not f.checked]
    checks = [f for part in parts for f in part.found if f.checked]
    assert sorted(f.index for f in glances) == sorted(f.index for f in checks) == list(range(5))
    first_check = next(i for i, part in enumerate(parts) if any(f.checked for f in part.found))
    assert all(not f.checked for part in parts[:first_check] for f in part.found)  # glances first
    by_index = {f.index: f.summary for f in glances}
    assert by_index[0].title == "Bank number 00" and by_index[0].questions == 9
    final = {f.index: f.summary for f in checks}
    assert final[0] == BankCache(tmp_path / "elsewhere").summaries([paths[0]])[0]
    assert not final[4].ok and final[4].errors
    assert parts[-1].complete and not any(p.complete for p in parts[:-1])

    again = _parts(cache, paths)  # the index knows them all now: one part, complete
    assert len(again) == 1 and again[0].complete
    assert {f.index: f.summary for f in again[0].found} == final


def test_a_changed_bank_is_read_again_and_the_others_come_at_once(tmp_path: Path) -> None:
    paths = _library(tmp_path / "banks", 3)
    cache = BankCache(tmp_path / "cache")
    _parts(cache, paths)
    paths[1].write_text(
        paths[1].read_text(encoding="utf-8").replace("Bank number 01", "Renamed"),
        encoding="utf-8",
    )
    parts = _parts(cache, paths)
    assert sorted(f.index for f in parts[0].found) == [0, 2, 3]
    later = [f for part in parts[1:] for f in part.found]
    assert [f.index for f in later] == [1, 1] and later[-1].summary.title == "Renamed"


def test_the_founding_bank_glanced_at_lists_like_its_summary(tmp_path: Path) -> None:
    cache = BankCache(tmp_path / "cache")
    glance = next(f for part in _parts(cache, [FOUNDING_BANK]) for f in part.found if not f.checked)
    summary = cache.summaries([FOUNDING_BANK])[0]
    assert (glance.summary.id, glance.summary.title, glance.summary.questions) == (
        summary.id,
        summary.title,
        summary.questions,
    )


def test_a_reading_stopped_early_keeps_what_it_checked(tmp_path: Path) -> None:
    paths = _library(tmp_path / "banks", 4)
    cache = BankCache(tmp_path / "cache")
    reading = read_library(cache, paths, every=0.0, check_every=0.0, save_every=3600.0)
    for part in reading:
        if part.checked == 2:
            break
    reading.close()  # as when the home screen goes away mid-reading
    parts = _parts(cache, paths)
    assert sorted(f.index for f in parts[0].found) == [0, 1]  # known now: listed at once
