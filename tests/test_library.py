"""The library of banks: ids that never collide, a registry that survives damage, adding and
removing banks without losing a file or a score."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from quiz.bank import load_bank
from quiz.errors import QuizError
from quiz.library import (
    bank_dirs,
    free_id,
    library_files,
    new_bank_id,
    read_registry,
    registry_file,
    resolve_bank,
    user_banks_dir,
    write_registry,
)
from quiz.shelf import add_bank, list_library, open_in_library, place_new_bank, remove_bank
from tests.cli_run import run_quiz
from tests.conftest import ALL_TYPES_BANK, DATA, FOUNDING_BANK


def _copy_bank(folder: Path, name: str = "bank.yaml", source: Path = ALL_TYPES_BANK) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    bank = load_bank(source)
    shutil.copy(source.parent / bank.source.file, folder / bank.source.file)
    return Path(shutil.copy(source, folder / name))


def test_new_ids_come_from_title_and_text_not_the_file_name() -> None:
    a = new_bank_id("Summit in Tokyo", "Japan and Korea met.")
    assert a == new_bank_id("Summit in Tokyo", "Japan  and Korea\nmet.")  # same text, spaced
    assert a != new_bank_id("Summit in Tokyo", "Japan and Korea met again.")
    assert a.startswith("summit-in-tokyo-") and len(a) == len("summit-in-tokyo-") + 6
    assert new_bank_id("Café crème : été", "x").startswith("cafe-creme-ete-")
    long = new_bank_id("word " * 40, "x")
    assert len(long) <= 48 + 7 and not long.startswith("-")


def test_free_id() -> None:
    assert free_id("a", {"b"}) == "a"
    assert free_id("a", {"a", "a-2"}) == "a-3"


def test_registry_round_trip_and_damage(tmp_path: Path) -> None:
    assert read_registry(tmp_path) == []
    write_registry(tmp_path, [tmp_path / "x.yaml", tmp_path / "x.yaml", tmp_path / "y.yaml"])
    assert read_registry(tmp_path) == [tmp_path / "x.yaml", tmp_path / "y.yaml"]
    registry_file(tmp_path).write_text("{not json", encoding="utf-8")
    assert read_registry(tmp_path) == []
    write_registry(tmp_path, [tmp_path / "z.yaml"])  # the damaged file is kept aside
    assert (tmp_path / "library.json.damaged").read_text(encoding="utf-8") == "{not json"
    assert read_registry(tmp_path) == [tmp_path / "z.yaml"]
    registry_file(tmp_path).write_text(
        json.dumps({"format": "quiz-library/1", "banks": ["relative.yaml", 3, "/abs.yaml"]}),
        encoding="utf-8",
    )
    assert read_registry(tmp_path) == [Path("/abs.yaml")]


def test_an_added_bank_is_listed_resolved_by_id_and_removed(tmp_path: Path) -> None:
    data = tmp_path / "data"
    path = _copy_bank(tmp_path / "elsewhere")
    bank_id = load_bank(path).id
    added = add_bank(path, data)
    assert added.status == "added" and "added" in added.message()
    assert path in library_files(data)
    assert resolve_bank(bank_id, bank_dirs(data), data) == path
    assert add_bank(path, data).status == "already"
    places = {e.summary.id: e.place for e in list_library(data)}
    assert places[bank_id] == "added" and places["japan-korea-summit-2025"] == "shipped"
    message = remove_bank(bank_id, data)
    assert "file stays" in message and path.exists()
    assert path not in library_files(data)


def test_a_taken_id_is_replaced_in_the_file_and_only_that_line(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = _copy_bank(tmp_path / "one")
    second = _copy_bank(tmp_path / "two")
    text = second.read_text(encoding="utf-8").replace(
        "\ntitle:", "\n# a teacher's comment\ntitle:", 1
    )
    second.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))  # CRLF kept too
    add_bank(first, data)
    before = second.read_bytes()
    added = add_bank(second, data)
    old = load_bank(first).id
    assert added.status == "renamed" and added.bank_id == f"{old}-2"
    assert f"already used by another bank ({first})" in added.message()
    after = second.read_bytes()
    assert after == before.replace(f"id: {old}\r\n".encode(), f"id: {old}-2\r\n".encode())
    assert load_bank(second).id == f"{old}-2"
    ids = sorted(e.summary.id for e in list_library(data) if e.place == "added")
    assert ids == sorted([old, f"{old}-2"])


def test_a_byte_identical_copy_is_not_listed_twice(tmp_path: Path) -> None:
    copy = _copy_bank(tmp_path / "copy", source=FOUNDING_BANK)
    added = add_bank(copy, tmp_path / "data")
    assert added.status == "copy" and str(FOUNDING_BANK) in added.message()
    assert copy not in library_files(tmp_path / "data")


def test_shipped_banks_are_never_rewritten_or_removed(tmp_path: Path) -> None:
    before = FOUNDING_BANK.read_bytes()
    assert add_bank(FOUNDING_BANK, tmp_path).status == "already"
    with pytest.raises(QuizError, match="ships with quiz"):
        remove_bank("japan-korea-summit-2025", tmp_path)
    assert FOUNDING_BANK.read_bytes() == before


def test_removing_a_bank_of_the_banks_folder_moves_it_aside(tmp_path: Path) -> None:
    path = _copy_bank(user_banks_dir(tmp_path))
    bank_id = load_bank(path).id
    message = remove_bank(bank_id, tmp_path)
    assert "moved" in message and not path.exists()
    assert (tmp_path / "removed" / path.name).exists()


def test_an_invalid_bank_is_refused_with_file_line(tmp_path: Path) -> None:
    bad = DATA / "invalid" / "bad-difficulty.yaml"
    with pytest.raises(QuizError, match=f"^{bad}:12: "):
        add_bank(bad, tmp_path)
    assert read_registry(tmp_path) == []


def test_opening_by_path_joins_the_library_by_id_does_not(tmp_path: Path) -> None:
    path = _copy_bank(tmp_path / "mine")
    found, note = open_in_library(str(path), tmp_path / "data")
    assert found == path and note.startswith("added")
    found, note = open_in_library(load_bank(path).id, tmp_path / "data")
    assert found == path and note == ""
    found, note = open_in_library(str(path), tmp_path / "data")
    assert note == ""


def test_a_moved_registered_file_is_skipped_not_an_error(tmp_path: Path) -> None:
    path = _copy_bank(tmp_path / "mine")
    add_bank(path, tmp_path / "data")
    path.unlink()
    assert path not in library_files(tmp_path / "data")
    assert [e.place for e in list_library(tmp_path / "data")] == ["shipped"]


def test_a_new_bank_of_another_article_never_takes_a_used_id(tmp_path: Path) -> None:
    data = tmp_path / "data"
    path = _copy_bank(tmp_path / "mine")
    bank = load_bank(path)
    add_bank(path, data)
    # the same article again (to another file): the same bank, the same id
    bank_id, target, notes = place_new_bank(bank.id, bank.source.text, None, data)
    assert (bank_id, notes) == (bank.id, [])
    assert target == user_banks_dir(data) / f"{bank.id}.yaml"
    # another article whose id happens to be taken: a free id, and a note that says so
    bank_id, target, notes = place_new_bank(bank.id, "Another article.", None, data)
    assert bank_id == f"{bank.id}-2" and target == user_banks_dir(data) / f"{bank.id}-2.yaml"
    assert notes == [
        f"note: the id {bank.id!r} is used by another bank ({path}); this one's is {bank_id!r}"
    ]
    assert place_new_bank(bank.id, "x", "-", data) == (bank.id, None, [])


def _library_copy_of_the_founding_bank(data: Path, bank_name: str) -> tuple[Path, Path]:
    """The founding bank and its article in the banks folder, as ``quiz generate`` leaves a
    bank there: ``ID.yaml`` beside ``ID.txt``, which its ``source: file:`` names."""
    folder = user_banks_dir(data)
    folder.mkdir(parents=True, exist_ok=True)
    article = folder / f"{Path(bank_name).stem}.txt"
    shutil.copy(FOUNDING_BANK.with_suffix(".txt"), article)
    text = FOUNDING_BANK.read_text(encoding="utf-8")
    old_file = f"file: {FOUNDING_BANK.with_suffix('.txt').name}"
    assert old_file in text
    bank = folder / bank_name
    bank.write_text(text.replace(old_file, f"file: {article.name}"), encoding="utf-8")
    return bank, article


def test_removing_a_bank_takes_its_article_along_and_it_still_loads(tmp_path: Path) -> None:
    """``quiz banks remove`` moved the bank and left its article in the banks folder: the
    removed bank no longer loaded ("article file … was not found") and the article lay
    orphaned in the library (a new user's trial, session 13)."""
    data = tmp_path / "data"
    bank, article = _library_copy_of_the_founding_bank(data, "summit.yaml")
    result = run_quiz(data, "banks", "remove", str(bank))
    assert result.returncode == 0, result.stderr
    assert "summit.yaml and summit.txt" in result.stdout
    assert not bank.exists() and not article.exists()
    moved = data / "removed" / "summit.yaml"
    assert load_bank(moved).source.file == "summit.txt"
    checked = run_quiz(data, "check", str(moved))
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_removing_a_second_bank_of_the_same_name_overwrites_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first, _ = _library_copy_of_the_founding_bank(data, "summit.yaml")
    remove_bank(str(first), data)
    second, _ = _library_copy_of_the_founding_bank(data, "summit.yaml")
    message = remove_bank(str(second), data)
    assert (data / "removed" / "summit.yaml").exists()
    assert (data / "removed" / "2" / "summit.yaml").exists()
    assert (data / "removed" / "2" / "summit.txt").exists() and "removed/2" in message


def test_an_article_another_bank_quotes_stays(tmp_path: Path) -> None:
    data = tmp_path / "data"
    bank, article = _library_copy_of_the_founding_bank(data, "summit.yaml")
    twin = bank.parent / "twin.yaml"
    twin.write_text(bank.read_text(encoding="utf-8").replace("id: ", "id: twin-", 1), "utf-8")
    remove_bank(str(bank), data)
    assert article.exists() and load_bank(twin).source.file == article.name
