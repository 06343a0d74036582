"""Issue 20's fuzzing run that anyone can repeat: mutated bank files (bytes) thrown at the
loader and at ``quiz check --json``. Never a traceback, always ``FILE:LINE: message`` or valid
JSON with a line for every error, each file in bounded time. A failing example is saved in
``tests/data/fuzz-corpus/`` (by :func:`keep`), which ``test_the_corpus`` replays on every run,
with the hostile files of issue 20, through the real command line.

``QUIZ_FUZZ_EXAMPLES=5000 .venv/bin/pytest tests/reliability/test_fuzz_banks.py`` hunts longer.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from quiz.bank import BankError, load_bank
from tests.cli_run import run_quiz
from tests.reliability.fuzz_banks import (
    CORPUS,
    bank_files,
    check_json,
    check_loader,
    keep,
    write_case,
)

EXAMPLES = int(os.environ.get("QUIZ_FUZZ_EXAMPLES", 150))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,  # the time bound is asserted per file, not per hypothesis example
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _kept_on_failure(data: bytes, check: Callable[[], None]) -> None:
    """Run ``check``; when it fails on hypothesis's final (shrunk) example, keep that example
    in the corpus, so it is replayed by every later run whatever hypothesis's database holds."""
    try:
        check()
    except Exception as failure:
        if _is_final():
            raise AssertionError(f"kept as {keep(data)}: {failure}") from failure
        raise


def _is_final() -> bool:
    """Whether hypothesis is running the example it will report (not one it is shrinking)."""
    from hypothesis.control import current_build_context

    try:
        return current_build_context().is_final
    except Exception:  # not under hypothesis: a direct call always keeps
        return True


@FUZZ
@given(bank_files())
def test_mutated_banks_through_the_loader(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = write_case(Path(folder), data)
        _kept_on_failure(data, lambda: check_loader(path))


@FUZZ
@given(bank_files())
def test_mutated_banks_through_check_json(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = write_case(Path(folder), data)
        _kept_on_failure(data, lambda: check_json(path, Path(folder) / "data"))


CASES = sorted(p for p in CORPUS.glob("*.yaml"))
LINE = re.compile(r"^(?P<file>.+?\.yaml):(?P<line>\d+): \S")


def test_the_corpus_is_there() -> None:
    assert len(CASES) >= 20, CASES


@pytest.mark.parametrize("case", CASES, ids=[p.stem for p in CASES])
def test_the_corpus_through_the_loader_and_check_json(case: Path, tmp_path: Path) -> None:
    path = write_case(tmp_path, case.read_bytes(), case.name)
    check_loader(path)
    check_json(path, tmp_path / "data")


def test_the_corpus_through_the_command_line(tmp_path: Path) -> None:
    """All of it at once through the real ``quiz check`` and ``check --json`` (one process
    each): a refusal is ``FILE:LINE: message`` lines only, the JSON parses, no traceback."""
    folder = tmp_path / "corpus"
    paths = [write_case(folder, case.read_bytes(), case.name) for case in CASES]
    plain = run_quiz(tmp_path / "data", "check", *map(str, paths), timeout=120)
    assert "Traceback" not in plain.stdout + plain.stderr, plain.stderr
    for line in plain.stdout.splitlines():
        if line.startswith("OK "):
            continue
        match = LINE.match(line)
        assert match and int(match["line"]) >= 1, line
    as_json = run_quiz(tmp_path / "data", "check", "--json", *map(str, paths), timeout=120)
    assert "Traceback" not in as_json.stderr, as_json.stderr
    files = json.loads(as_json.stdout)["files"]
    assert [f["file"] for f in files] == [str(p) for p in paths]
    assert all(e["line"] >= 1 for f in files for e in f.get("errors", []))


def test_a_failing_example_is_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tests.reliability.fuzz_banks as fuzz

    monkeypatch.setattr(fuzz, "CORPUS", tmp_path)

    def boom() -> None:
        raise ValueError("boom")

    with pytest.raises(AssertionError, match="kept as"):
        _kept_on_failure(b"x", boom)
    assert [p.read_bytes() for p in tmp_path.iterdir()] == [b"x"]


def test_a_stray_tab_is_not_said_to_be_left_open(tmp_path: Path) -> None:
    """Found by the corpus: a file of blanks with a tab was "a YAML syntax error … which
    starts on this line and is never closed"; nothing was opened, the tab is the error."""
    path = write_case(tmp_path, b"  \n\t\n   \n")
    with pytest.raises(BankError) as caught:
        load_bank(path)
    (line,) = caught.value.lines()
    assert line.startswith(f"{path}:2: YAML syntax error: found character that cannot start")
    assert "never closed" not in line
