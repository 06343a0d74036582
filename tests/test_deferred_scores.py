"""The scores opened when first needed (the CLI's wiring of the app), without a terminal."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quiz.bank import load_bank
from quiz.record import Answer, Outcome
from quiz.recording.deferred import DeferredScores
from quiz.store import StoreError
from tests.conftest import ALL_TYPES_BANK


def test_nothing_is_opened_until_the_first_answer_and_then_it_is_saved(tmp_path: Path) -> None:
    scores = DeferredScores(tmp_path)
    assert scores.opened is None and not (tmp_path / "quiz.db").exists()
    bank = load_bank(ALL_TYPES_BANK)
    recorder = scores.recorder(bank, "play")
    recorder.record(
        Answer(
            bank.id,
            "q-cost-tf",
            "true_false",
            "False",
            Outcome.RIGHT,
            3.0,
            datetime.now(UTC),
            "False",
        )
    )
    recorder.finish()
    last = scores.last_scores()[bank.id]
    assert (last.correct, last.total) == (1, 1)
    assert scores.due_count_by_bank(datetime.now(UTC)) == {}  # a right answer: not due yet
    opened = scores.opened
    assert opened is not None and opened.saved and opened.notice == ""
    scores.close()


def test_an_unusable_folder_falls_back_to_memory_and_says_so(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    scores = DeferredScores(blocker / "data")
    opened = scores.get()
    assert not opened.saved and str(opened.store.path) == ":memory:"  # the quiz still runs
    assert opened.notice.startswith("Progress is not being saved this time")
    scores.close()


def test_threads_asking_together_share_one_opening(tmp_path: Path) -> None:
    scores = DeferredScores(tmp_path)
    got: list[object] = []
    threads = [threading.Thread(target=lambda: got.append(scores.get())) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(got) == 8 and all(g is got[0] for g in got)
    scores.close()


def test_nothing_is_opened_once_closed(tmp_path: Path) -> None:
    """A recorder thread that asks while the app quits does not create a database."""
    scores = DeferredScores(tmp_path)
    scores.close()
    with pytest.raises(StoreError, match="closed"):
        scores.get()
    assert not (tmp_path / "quiz.db").exists()
