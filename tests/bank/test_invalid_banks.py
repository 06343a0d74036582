"""One real invalid file per kind of error, each with the messages it must give.

``tests/data/invalid/NAME.yaml`` is the bank; ``NAME.expect`` lists, one per line, text that must
appear in the ``file:line: message`` output (a leading ``LINE:`` pins the line).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.bank import BankError, load_bank
from tests.conftest import DATA

INVALID = DATA / "invalid"
CASES = sorted(INVALID.glob("*.yaml"))


@pytest.mark.parametrize("bank_file", CASES, ids=[p.stem for p in CASES])
def test_invalid_bank_gives_file_line_messages(bank_file: Path) -> None:
    expected = [
        line
        for line in bank_file.with_suffix(".expect").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    with pytest.raises(BankError) as caught:
        load_bank(bank_file)
    output = caught.value.lines()
    for expectation in expected:
        head, _, rest = expectation.partition(": ")
        if head.isdigit():
            wanted = f"{bank_file}:{head}: {rest}"
            assert any(line.startswith(wanted) or wanted in line for line in output), (
                f"expected {wanted!r} in:\n" + "\n".join(output)
            )
        else:
            assert any(expectation in line for line in output), (
                f"expected {expectation!r} in:\n" + "\n".join(output)
            )
    assert all(line.startswith(str(bank_file)) for line in output)


def test_every_invalid_case_has_expectations() -> None:
    for bank_file in CASES:
        assert bank_file.with_suffix(".expect").exists(), bank_file


def test_missing_path_and_directory(tmp_path: Path) -> None:
    with pytest.raises(BankError, match="not found"):
        load_bank(tmp_path / "nope.yaml")
    with pytest.raises(BankError, match="is a directory"):
        load_bank(tmp_path)


def test_oversized_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:
        handle.truncate(60 * 1024 * 1024)  # sparse: 60 MB on paper, nothing on disk
    with pytest.raises(BankError, match=r"60\.0 MB; at most 32 MB"):
        load_bank(big)


def test_python_tag_is_never_constructed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    bank = tmp_path / "evil.yaml"
    bank.write_text(
        f"format: !!python/object/apply:os.system ['touch {marker}']\n", encoding="utf-8"
    )
    with pytest.raises(BankError, match="is not allowed"):
        load_bank(bank)
    assert not marker.exists()
