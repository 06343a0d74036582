"""A bank's ``drafts:``: held-back questions that are validated, written and cached like the
others, and never reach a quiz or an export; ``quiz author`` promotes them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from msgspec.structs import replace

from quiz.authoring import Draft, ItemState, save_draft
from quiz.bank import BankError, load_bank
from quiz.bank.cache import BankCache, decode_bank, encode_bank
from quiz.bank.dump import dump_bank
from quiz.bank.loader import parse_bank_text
from quiz.bank.model import Bank
from quiz.export import export_bank
from quiz.session import Options, Session
from tests.conftest import ALL_TYPES_BANK, DATA


def _with_drafts(tmp_path: Path) -> tuple[Bank, Path]:
    """All-types with its first two questions moved to drafts, written beside its article."""
    bank = load_bank(ALL_TYPES_BANK)
    held = tuple(replace(q, held_back="the key is the longest option") for q in bank.questions[:2])
    bank = replace(bank, questions=bank.questions[2:], drafts=held, path="")
    shutil.copy(DATA / "valid" / "article.txt", tmp_path / "article.txt")
    path = tmp_path / "b.yaml"
    path.write_text(dump_bank(bank), encoding="utf-8")
    return bank, path


def test_drafts_round_trip_through_the_file_and_the_cache(tmp_path: Path) -> None:
    bank, path = _with_drafts(tmp_path)
    text = path.read_text(encoding="utf-8")
    assert "\ndrafts:\n" in text and "held_back: the key is the longest option" in text
    loaded = load_bank(path)
    assert replace(loaded, path="") == bank
    assert [q.held_back for q in loaded.drafts] == ["the key is the longest option"] * 2
    decoded, _ = decode_bank(encode_bank(loaded, ""), path=str(path))
    assert decoded == loaded
    cache = BankCache(tmp_path / "cache")
    assert cache.load(path) == cache.load(path) == loaded


def test_drafts_are_checked_like_questions(tmp_path: Path) -> None:
    _, path = _with_drafts(tmp_path)
    text = path.read_text(encoding="utf-8")
    first = load_bank(path).questions[0].id
    held = load_bank(ALL_TYPES_BANK).questions[0].id
    broken = text.replace("    held_back:", "    x: 1\n    held_back:", 1)
    broken = broken.replace(f"drafts:\n  - id: {held}", f"drafts:\n  - id: {first}")
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(BankError) as caught:
        load_bank(path)
    messages = "\n".join(caught.value.lines())
    assert f"duplicate question id {first!r}" in messages
    assert "draft " in messages and "unknown field 'x'" in messages


def test_a_quiz_and_an_export_never_show_a_draft(tmp_path: Path) -> None:
    bank, _ = _with_drafts(tmp_path)
    session = Session.start(bank, Options(seed=1))
    asked = {item.question.id for item in session.items}
    assert asked == {q.id for q in bank.questions}
    for fmt in ("gift", "csv", "markdown"):
        result = export_bank(bank, fmt)
        out = result.data.decode("utf-8")
        assert result.exported <= len(bank.questions)
        assert not any(q.prompt in out for q in bank.drafts), fmt


def test_author_promotes_a_draft_and_keeps_the_rest_as_drafts(tmp_path: Path) -> None:
    _, path = _with_drafts(tmp_path)
    draft = Draft.from_bank(load_bank(path))
    states = [item.state for item in draft.items]
    assert states[-2:] == [ItemState.PENDING, ItemState.PENDING]
    assert all(s is ItemState.ACCEPTED for s in states[:-2])
    draft.accept(len(draft.items) - 1)  # promote the last draft
    save_draft(draft, path)
    saved = load_bank(path)
    promoted = draft.items[-1].question.id
    assert saved.question(promoted) is not None
    assert saved.question(promoted).held_back == ""  # type: ignore[union-attr]
    assert [q.id for q in saved.drafts] == [draft.items[-2].question.id]


def test_an_unedited_bank_with_drafts_saves_byte_for_byte(tmp_path: Path) -> None:
    _, path = _with_drafts(tmp_path)
    before = path.read_bytes()
    save_draft(Draft.from_bank(load_bank(path)), path)
    assert path.read_bytes() == before
    assert parse_bank_text(before.decode(), path=path).drafts


def test_quiz_check_counts_the_drafts(tmp_path: Path) -> None:
    import json
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    _, path = _with_drafts(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = [sys.executable, "-m", "quiz", "--data-dir", str(tmp_path / "d"), "check", str(path)]
    text = subprocess.run(run, capture_output=True, text=True, env=env, check=False)
    assert (
        text.stdout.startswith(f"OK {path}: 7 questions") and "; 2 drafts held back" in text.stdout
    )
    data = json.loads(
        subprocess.run([*run, "--json"], capture_output=True, text=True, env=env).stdout
    )
    assert data["files"][0]["drafts"] == 2
