"""quiz.atomic: the one way quiz replaces a file — whole or not at all, synced unless it can be
made again, readable as a normal file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from quiz import atomic
from quiz.atomic import replacing, write_atomic


def test_a_file_is_replaced_whole_and_readable(tmp_path: Path) -> None:
    target = tmp_path / "new" / "bank.yaml"
    write_atomic(target, "title: one\n")
    write_atomic(target, "title: two\n")
    assert target.read_text(encoding="utf-8") == "title: two\n"
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644 & ~mask
    assert [p.name for p in target.parent.iterdir()] == ["bank.yaml"]  # no temporary left


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "scores.csv"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(RuntimeError), replacing(target) as handle:
        handle.write(b"half of the new")
        raise RuntimeError("the disk filled")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["scores.csv"]


def test_only_a_durable_file_is_synced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[int] = []
    monkeypatch.setattr(atomic.os, "fsync", lambda fd: synced.append(fd))
    write_atomic(tmp_path / "bank.yaml", b"x")
    assert len(synced) == 1
    write_atomic(tmp_path / "cache.bin", b"x", durable=False)  # can be made again
    assert len(synced) == 1
