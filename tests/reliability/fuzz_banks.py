"""What the bank fuzz tests share: the mutations of real bank files, the checks of what the
loader and ``quiz check --json`` make of one, and the corpus they keep.

Bytes, not text: a bank arrives as a file, and half of what issue 20 found (binary data,
invalid UTF-8, UTF-16, a 5,000-digit number) lives below the text a YAML fuzzer makes.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from quiz.bank import BankError, load_bank
from tests.conftest import ALL_TYPES_BANK, DATA

CORPUS = DATA / "fuzz-corpus"
ARTICLE = DATA / "valid" / "article.txt"
#: Seconds one file may take to load or check (a 3 KB bank takes milliseconds; the bound is for
#: a loaded CI machine, and a hang or an exponential blow-up passes it by far).
TIME_BOUND = 5.0

SEEDS: list[bytes] = [ALL_TYPES_BANK.read_bytes()] + [
    (DATA / "invalid" / name).read_bytes()
    for name in ("duplicate-key.yaml", "alias-bomb.yaml", "mc-answer-not-a-choice.yaml")
]

#: Byte strings a hostile or careless file holds: encodings, controls, YAML syntax, tags,
#: aliases, numbers Python will not convert, bidi overrides, broken UTF-8.
HOSTILE: list[bytes] = [
    b"\x00",
    b"\xff\xfe",
    b"\xfe\xff",
    b"\xef\xbb\xbf",
    b"\xff",
    b"\xc3",
    b"\xed\xa0\x80",
    b"\xf4\x90\x80\x80",
    b"\xc2\x85",
    b"\xe2\x80\xa8",
    b"\x1b[31m",
    b"\x1b]0;x\x07",
    "\u202e".encode(),
    "\u2066".encode(),
    b"\x7f",
    b"\x0c",
    b"\r",
    b"\r\n",
    b"\t",
    b"\n",
    b"1" * 5000,
    b"-" + b"9" * 4400,
    b"1e400",
    b".inf",
    b".nan",
    b"0x1F",
    b"0o17",
    b"1_000",
    b"._",
    b"~",
    b"null",
    b"yes",
    b"&a ",
    b"*a",
    b"<<: *a\n",
    b"!!python/object:os.system ",
    b"!!binary ",
    b"!!int ",
    b"!!float ",
    b"!!str ",
    b"!x ",
    b"{",
    b"}",
    b"[",
    b"]",
    b"'",
    b'"',
    b"- ",
    b": ",
    b"? ",
    b"#",
    b"|\n",
    b">-\n",
    b"---\n",
    b"...\n",
    b"%YAML 1.1\n",
    b"%TAG ! tag:x,2000:\n",
    b"questions:\n",
    b"type: cloze\n",
    b"___",
    b"answer: ",
    b"[" * 60,
    b"  " * 40,
    "é".encode(),
    "日本".encode(),
]

_atoms = st.sampled_from(HOSTILE) | st.binary(min_size=1, max_size=12)


@st.composite
def mutated_bank(draw: st.DrawFn) -> bytes:
    """A real bank file with one to six byte-level edits: inserts of hostile bytes, deletions,
    byte flips, a slice repeated, a truncation, and now and then the whole re-encoded."""
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["insert", "insert", "delete", "flip", "repeat", "cut"]))
        if kind == "insert":
            data[at:at] = draw(_atoms)
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 40))]
        elif kind == "flip" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        elif kind == "repeat":
            data[at:at] = data[at : at + draw(st.integers(1, 200))] * draw(st.integers(2, 5))
        elif kind == "cut":
            del data[at:]
    if draw(st.integers(0, 19)) == 0:
        text = bytes(data).decode("utf-8", "replace")
        data = bytearray(text.encode(draw(st.sampled_from(["utf-16", "utf-16-be", "utf-32"]))))
    return bytes(data)


def bank_files() -> st.SearchStrategy[bytes]:
    """Mostly mutated real banks; now and then bytes at random, or random text as UTF-8."""
    return st.one_of(
        mutated_bank(),
        mutated_bank(),
        mutated_bank(),
        st.binary(max_size=600),
        st.text(max_size=300).map(lambda text: text.encode("utf-8", "surrogatepass")),
    )


def write_case(folder: Path, data: bytes, name: str = "bank.yaml") -> Path:
    """The bytes as a bank file, with the seed bank's article beside it."""
    folder.mkdir(parents=True, exist_ok=True)
    article = folder / "article.txt"
    if not article.exists():
        article.write_bytes(ARTICLE.read_bytes())
    path = folder / name
    path.write_bytes(data)
    return path


def check_loader(path: Path) -> None:
    """Loads, or fails with :class:`BankError` whose every line is ``FILE:LINE: message`` with a
    line of the file; in bounded time. Anything else (a ValueError, a RecursionError) fails."""
    started = time.monotonic()
    try:
        load_bank(path)
    except BankError as error:
        assert error.problems, "a BankError with no problem"
        lines = error.lines()
        for problem, line in zip(error.problems, lines, strict=True):
            assert problem.line >= 1, f"no line: {line}"
            assert line.startswith(f"{path}:{problem.line}: "), line
            assert problem.message.strip() and "\n" not in problem.message, line
    assert time.monotonic() - started < TIME_BOUND


def check_json(path: Path, data_dir: Path) -> None:
    """``quiz check --json FILE``, in this process (a subprocess per example would allow a few
    dozen examples a minute): exit 0 or 1, one JSON object, every error with a line; in
    bounded time. An exception escaping ``main`` is the traceback a user would have seen."""
    from quiz.cli import main

    out = io.StringIO()
    started = time.monotonic()
    with _env("QUIZ_DATA_DIR", str(data_dir)), contextlib.redirect_stdout(out):
        code = main(["check", "--json", str(path)])
    assert time.monotonic() - started < TIME_BOUND
    assert code in (0, 1)
    document: Any = json.loads(out.getvalue())
    assert document["ok"] is (code == 0)
    (entry,) = document["files"]
    assert entry["file"] == str(path)
    if not entry["ok"]:
        assert entry["errors"]
        for error in entry["errors"]:
            assert isinstance(error["line"], int) and error["line"] >= 1, error
            assert isinstance(error["message"], str) and error["message"], error


@contextlib.contextmanager
def _env(name: str, value: str) -> Iterator[None]:
    old = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if old is None:
            del os.environ[name]
        else:
            os.environ[name] = old


def keep(data: bytes) -> Path:
    """Save a failing example in the corpus (named by its content, so saving twice is once);
    the corpus test replays it from then on, whatever hypothesis's own database holds."""
    CORPUS.mkdir(exist_ok=True)
    path = CORPUS / f"found-{hashlib.sha256(data).hexdigest()[:12]}.yaml"
    path.write_bytes(data)
    return path
