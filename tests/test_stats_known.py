"""The stats leave out removed questions whatever form the known ids come in, and whatever the
ids hold; ``current_banks`` reads them from the folder index, loading no unchanged bank."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quiz.bank.cache import BankCache
from quiz.library import current_banks
from quiz.stats import compute_stats
from quiz.store import Store
from tests.conftest import ALL_TYPES_BANK, DATA
from tests.store.helpers import FakeClock, answer

ODD = "odd\x1fone"  # holds the separator the stats split a bank's card ids on


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    clock = FakeClock(datetime(2026, 11, 20, 10, 0, tzinfo=UTC))
    with Store.open(tmp_path / "data", clock=clock, fuzz=False) as opened:
        session = opened.start_session("bank", "play")
        for question_id in ("kept", ODD, "odd", "gone"):
            opened.record(answer(question_id, at=clock.now), session_id=session)
        other = opened.start_session("other", "play")
        opened.record(answer("x", bank_id="other", at=clock.now), session_id=other)
        yield opened


@pytest.mark.parametrize("kind", [list, set, frozenset, tuple])
def test_removed_cards_are_found_whatever_the_known_ids_are(store: Store, kind: type) -> None:
    known = {"bank": kind(["kept", ODD, "new"])}  # "odd" and "gone" removed, "other" gone

    stats = compute_stats(store, known_questions=known)

    bank = stats.bank("bank")
    assert bank is not None
    assert (bank.cards, bank.questions, bank.new) == (2, 3, 1)
    other = stats.bank("other")
    assert other is not None and other.cards == 0
    assert (
        stats.to_json_dict()
        == compute_stats(
            store, known_questions={"bank": frozenset(["kept", ODD, "new"])}
        ).to_json_dict()
    )


def test_current_banks_come_from_the_index_without_loading_a_bank(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "banks"
    folder.mkdir()
    shutil.copy(ALL_TYPES_BANK, folder / "one.yaml")
    shutil.copy(ALL_TYPES_BANK, folder / "copy.yaml")  # the same bank id: ids pooled
    shutil.copy(DATA / "valid" / "article.txt", folder / "article.txt")
    shutil.copy(DATA / "invalid" / "bad-difficulty.yaml", folder / "broken.yaml")
    paths = sorted(folder.glob("*.yaml"))
    bank = BankCache(tmp_path / "other-cache").load(ALL_TYPES_BANK)
    first = current_banks(paths, tmp_path / "cache")

    def no_loading(*args: object) -> None:
        raise AssertionError("an unchanged bank was loaded")

    monkeypatch.setattr(BankCache, "load", no_loading)
    again = current_banks(paths, tmp_path / "cache")

    assert again == first
    assert first.questions == {bank.id: frozenset(q.id for q in bank.questions)}
    assert first.titles == {bank.id: bank.title}


def test_stats_are_read_without_opening_the_store_when_nothing_waits(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No pending answers to replay and the schema current: the file is read as it is (no
    damage check at open, nothing written), with the same figures as through the store."""
    from quiz.commands import stats as command
    from quiz.store.journal import JOURNAL_NAME

    data_dir = store.path.parent
    known = {"bank": frozenset(["kept", ODD, "new"])}
    clock = store.now
    expected = compute_stats(store, known_questions=known).to_json_dict()
    opened: list[Path] = []
    real_open = Store.open

    def counting_open(data_dir: Path, **kwargs: object) -> Store:
        opened.append(data_dir)
        return real_open(data_dir, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "open", counting_open)
    assert command.read_stats(data_dir, known, clock=clock).to_json_dict() == expected
    assert opened == []
    (data_dir / JOURNAL_NAME).write_text("", encoding="utf-8")  # answers may wait there
    assert command.read_stats(data_dir, known, clock=clock).to_json_dict() == expected
    assert opened == [data_dir]
