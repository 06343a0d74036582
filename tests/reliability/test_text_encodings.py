"""Issue 20, item 7: a bank file that is not UTF-8 text (binary data, a bad byte, UTF-16 or
UTF-32 from an editor) is one ``FILE:LINE: what is wrong`` line in ``quiz check``, ``check
--json`` (its line field), ``play`` and ``export``; before, the line was inside the message and
the prefix had none. UTF-16 is refused with the fix ("save it as UTF-8"), not read: the bank
format is UTF-8 (see :func:`quiz.bank.files.decode_text` for why)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from quiz.bank import BankError, load_bank
from quiz.bank.files import decode_text
from tests.cli_run import run_quiz

BANK = "format: quiz-bank/1\nid: enc\ntitle: Café\nsource: {title: a, text: b}\nquestions: []\n"

#: name -> (bytes of the file, its line, the message after ``FILE:LINE: ``)
CASES: dict[str, tuple[bytes, int, str]] = {
    "utf16-le-bom": (
        BANK.encode("utf-16"),  # Python writes the little-endian mark on this machine
        1,
        "the bank file is UTF-16; save it as UTF-8",
    ),
    "utf16-be-bom": (
        b"\xfe\xff" + BANK.encode("utf-16-be"),
        1,
        "the bank file is UTF-16; save it as UTF-8",
    ),
    "utf16-le-no-bom": (BANK.encode("utf-16-le"), 1, "the bank file is UTF-16; save it as UTF-8"),
    "utf32-bom": (BANK.encode("utf-32"), 1, "the bank file is UTF-32; save it as UTF-8"),
    "invalid-utf8": (
        BANK.replace("Café", "Caf\udce9").encode("utf-8", "surrogateescape"),
        3,
        "the bank file is not valid UTF-8 (byte 0xe9); save it as UTF-8",
    ),
    "invalid-utf8-crlf": (
        b"format: quiz-bank/1\r\nid: enc\r\n\r\ntitle: \xff\n",
        4,
        "the bank file is not valid UTF-8 (byte 0xff); save it as UTF-8",
    ),
    "binary": (
        b"format: quiz-bank/1\nid: enc\ntitle: x\n\x00\x01\x02" + bytes(range(256)) * 8,
        4,
        "the bank file is not a text file (it holds binary data)",
    ),
    "png": (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200),
        3,
        "the bank file is not a text file (it holds binary data)",
    ),
}


def _write(folder: Path, name: str) -> Path:
    path = folder / f"{name}.yaml"
    path.write_bytes(CASES[name][0])
    return path


def _expected(path: Path) -> str:
    _, line, message = CASES[path.stem]
    return f"{path}:{line}: {message}"


def _quiz(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    result = run_quiz(tmp_path / "data", *args, timeout=60)
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    return result


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_loader_names_the_line_as_a_prefix(tmp_path: Path, name: str) -> None:
    path = _write(tmp_path, name)
    with pytest.raises(BankError) as caught:
        load_bank(path)
    assert caught.value.lines() == [_expected(path)]


def test_quiz_check_and_check_json(tmp_path: Path) -> None:
    paths = [_write(tmp_path, name) for name in sorted(CASES)]
    plain = _quiz(tmp_path, "check", *map(str, paths))
    assert plain.returncode == 1
    assert plain.stdout.splitlines() == [_expected(p) for p in paths]
    as_json = _quiz(tmp_path, "check", "--json", *map(str, paths))
    assert as_json.returncode == 1
    files = json.loads(as_json.stdout)["files"]
    for path, entry in zip(paths, files, strict=True):
        _, line, message = CASES[path.stem]
        assert entry["file"] == str(path) and not entry["ok"]
        assert entry["errors"] == [{"line": line, "message": message}]


@pytest.mark.parametrize("name", ["utf16-le-bom", "invalid-utf8", "binary"])
@pytest.mark.parametrize("command", ["play", "export"])
def test_play_and_export_say_the_same_line(tmp_path: Path, name: str, command: str) -> None:
    path = _write(tmp_path, name)
    extra = ["--format", "gift", "-o", str(tmp_path / "x.gift")] if command == "export" else []
    result = _quiz(tmp_path, command, str(path), *extra)
    assert result.returncode == 1
    assert _expected(path) in result.stderr, result.stderr
    assert result.stderr.count("\n") == 1


def test_an_article_keeps_the_line_in_its_sentence() -> None:
    """An article given to ``quiz generate`` has no bank line to hang it on: the sentence says
    the line (its ``str()``), as before."""
    wanted = r"^article 'a.txt' is not valid UTF-8 \(byte 0xe9 on line 2\)"
    with pytest.raises(ValueError, match=wanted):
        decode_text(b"one\ncaf\xe9\n", "article 'a.txt'")


@pytest.mark.parametrize(
    "data",
    [bytes(64), b"a\x00", b"\x00\x00\x00\x00format", "é€".encode("utf-16-le") * 8],
    ids=["zeros", "short", "nul-first", "non-ascii-utf16"],
)
def test_zeros_are_binary_and_never_crash(data: bytes) -> None:
    """Only ASCII-looking UTF-16 is guessed as such; a block of zeros is binary data."""
    with pytest.raises(ValueError, match=r"binary data|UTF-16"):
        decode_text(data, "the bank file")
    if data == bytes(64):
        with pytest.raises(ValueError, match="binary data"):
            decode_text(data, "the bank file")
