"""Issue 20, item 7, the commands ``quiz check`` did not cover: every path and bank-derived
string a command prints ("wrote … to PATH", the ``quiz:`` notes of ``play``, ``review`` and
``author``, ``generate``'s "wrote", the output of ``report`` and ``results``) is shown escaped
(``\\x1b``, ``\\u202e``), never sent to the terminal raw. Each test uses a real file whose name
holds an ESC, a U+202E and a C1 control."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.commands.author import model_installed
from quiz.record import Answer, Outcome
from quiz.store import Store
from tests.cli_run import run_quiz
from tests.conftest import ALL_TYPES_BANK, DATA
from tests.reliability.test_file_names import EVIL, RAW, SHOWN

NOW = datetime(2025, 9, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def evil_bank(tmp_path: Path) -> Path:
    """A good bank in a folder whose name holds escape codes."""
    folder = tmp_path / f"in{EVIL}"
    folder.mkdir()
    bank = folder / f"good{EVIL}.yaml"
    shutil.copy(ALL_TYPES_BANK, bank)
    shutil.copy(DATA / "valid" / "article.txt", folder / "article.txt")
    return bank


def _quiz(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    result = run_quiz(tmp_path / "data", *args, timeout=120)
    out = result.stdout + result.stderr
    assert "Traceback" not in out, out
    assert not RAW.search(out), f"raw {RAW.findall(out)} in: {out!r}"
    return result


def _shown(path: Path) -> str:
    return str(path).replace(EVIL, SHOWN)


def test_export_says_where_it_wrote_escaped(tmp_path: Path, evil_bank: Path) -> None:
    out = tmp_path / f"out{EVIL}.gift"
    result = _quiz(tmp_path, "export", str(evil_bank), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.exists()
    assert f"to {_shown(out)} (gift)" in result.stderr


@pytest.mark.parametrize("command", ["play", "review", "author"])
def test_the_library_note_before_the_app_is_escaped(
    tmp_path: Path,
    evil_bank: Path,
    command: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``quiz: added PATH to your library`` is printed before the app starts (stubbed here)."""
    monkeypatch.setattr("quiz.commands.home.launch", lambda *args, **kwargs: 0)
    args = {
        "play": ["play", str(evil_bank)],
        "review": ["review", "--bank", str(evil_bank)],
        "author": ["author", str(evil_bank)],
    }[command]
    assert main(["--data-dir", str(tmp_path / "data"), *args]) == 0
    err = capsys.readouterr().err
    assert not RAW.search(err), f"raw {RAW.findall(err)} in: {err!r}"
    assert f"quiz: added {_shown(evil_bank)} to your library" in err


@pytest.mark.skipif(not model_installed(), reason="spaCy's English model is missing")
def test_generate_says_where_it_wrote_escaped(tmp_path: Path) -> None:
    out = tmp_path / f"gen{EVIL}.yaml"
    result = _quiz(tmp_path, "generate", str(DATA / "valid" / "article.txt"), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.exists()
    assert f"wrote {_shown(out)}: " in result.stdout


def _answer_with_evil_text(data_dir: Path) -> None:
    """One answer recorded on this computer whose typed text holds the escape codes."""
    with Store.open(data_dir, clock=lambda: NOW) as store:
        session = store.start_session("riverton-bridge", "play")
        store.record(
            Answer(
                "riverton-bridge",
                "q-cost-tf",
                "true_false",
                f"True{EVIL}",
                Outcome.WRONG,
                3.0,
                NOW,
                "False",
            ),
            session_id=session,
        )
        store.end_session(session)


def test_results_export_escapes_the_file_name_and_the_answers(tmp_path: Path) -> None:
    _answer_with_evil_text(tmp_path / "data")
    out = tmp_path / f"alice{EVIL}.jsonl"
    result = _quiz(tmp_path, "results", "export", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith(f"wrote 1 answer to {_shown(out)}")
    kept = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert kept[0]["given"] == f"True{EVIL}"  # the file keeps the exact text

    printed = _quiz(tmp_path, "results", "export", "-o", "-")
    assert printed.returncode == 0, printed.stderr
    # the same values for a script
    assert [json.loads(line) for line in printed.stdout.splitlines()] == kept


def test_report_escapes_file_names_in_every_line(tmp_path: Path, evil_bank: Path) -> None:
    _answer_with_evil_text(tmp_path / "data")
    results = tmp_path / f"alice{EVIL}.jsonl"
    _quiz(tmp_path, "results", "export", "-o", str(results))

    text = _quiz(tmp_path, "report", str(evil_bank), "--results", str(results))
    assert text.returncode == 0, text.stderr
    assert f"from {_shown(results)} (1)" in text.stdout

    as_json = _quiz(tmp_path, "report", str(evil_bank), "--results", str(results), "--json")
    assert as_json.returncode == 0, as_json.stderr
    assert json.loads(as_json.stdout)["sources"][0]["name"] == str(results)  # the same value

    for fmt in ("csv", "html"):
        shown = _quiz(
            tmp_path,
            "report",
            str(evil_bank),
            "--local",
            "--results",
            str(results),
            "--format",
            fmt,
        )
        assert shown.returncode == 0, shown.stderr

    out = tmp_path / f"report{EVIL}.txt"
    written = _quiz(tmp_path, "report", str(evil_bank), "--results", str(results), "-o", str(out))
    assert written.returncode == 0, written.stderr
    assert written.stderr == f"wrote the report (text) to {_shown(out)}\n"
    assert f"from {results} (1)" in out.read_text(encoding="utf-8")  # the file keeps it exact
