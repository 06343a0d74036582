"""lemminflect's tables kept in quiz's cache (:mod:`quiz.generate.lemma_tables`): the lookups
are lemminflect's own, the second run reads the cache instead of the wheel's CSV, and a
damaged or foreign cache file is built again, never trusted. Each case runs in a fresh
interpreter: the test process has long since loaded the tables."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from quiz.generate.lemma_tables import CACHE_NAME
from tests.cli_run import run_quiz
from tests.generate.conftest import ARTICLES

pytest.importorskip("lemminflect")

ROOT = Path(__file__).resolve().parent.parent.parent

#: Verbs (regular, irregular, unknown) and the tags the question grammar asks for.
_WORDS = ["broke", "pledged", "met", "said", "held", "flew", "agreed", "zorbled", "was", "led"]
_LEMMAS = ["break", "pledge", "meet", "say", "hold", "fly", "agree", "zorble", "be", "do"]
_TAGS = ["VBZ", "VBD", "VBN", "VBG", "VBP"]

#: Prints what lemminflect answers, after ``load_tables(CACHE_DIR)`` (argv[1], or None), and
#: whether lemminflect read its own CSV tables in this process (argv[2] == "forbid": any read
#: of them fails the run).
_PROBE = """
import json, sys
import lemminflect
from lemminflect.codecs.InflectionLUCodec import InflectionLUCodec
from lemminflect.codecs.LemmaLUCodec import LemmaLUCodec
from pathlib import Path
from quiz.generate.why_text import load_tables

read = []
for codec in (LemmaLUCodec, InflectionLUCodec):
    original = codec.load.__func__
    def load(cls, fn, original=original):
        read.append(Path(fn).name)
        if sys.argv[2] == "forbid":
            raise SystemExit("lemminflect's CSV was read: " + fn)
        return original(cls, fn)
    codec.load = classmethod(load)

load_tables(None if sys.argv[1] == "-" else Path(sys.argv[1]))
words, lemmas, tags = json.loads(sys.argv[3])
print(json.dumps({
    "lemmas": [lemminflect.getLemma(w, upos="VERB", lemmatize_oov=False) for w in words],
    "all": [lemminflect.getAllLemmas(w) for w in words],
    "inflections": [[lemminflect.getInflection(l, tag=t) for t in tags] for l in lemmas],
    "read": read,
}))
"""


def _probe(cache: Path | None, forbid: bool = False) -> dict[str, object]:
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            _PROBE,
            str(cache) if cache else "-",
            "forbid" if forbid else "allow",
            json.dumps([_WORDS, _LEMMAS, _TAGS]),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    found: dict[str, object] = json.loads(result.stdout)
    return found


def _answers(found: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in found.items() if k != "read"}


def test_the_cached_tables_answer_as_lemminflect_does(tmp_path: Path) -> None:
    alone = _probe(None)
    first = _probe(tmp_path)  # builds the entry from the wheel
    assert (tmp_path / CACHE_NAME).is_file()
    again = _probe(tmp_path, forbid=True)  # reads it: lemminflect's CSV is never opened
    assert alone["read"] and first["read"] and again["read"] == []
    assert _answers(first) == _answers(alone) == _answers(again)
    assert _answers(alone)["lemmas"][0] == ["break"]  # the probe asks real questions


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # cut short (a full disk)
        lambda data: data[:-10] + b"0123456789",  # bytes changed
        lambda data: data.replace(b"QUIZ-LEMMINFLECT/1", b"QUIZ-LEMMINFLECT/0", 1),  # foreign
        lambda data: b"",
    ],
)
def test_a_damaged_entry_is_built_again(tmp_path: Path, damage: object) -> None:
    _probe(tmp_path)
    entry = tmp_path / CACHE_NAME
    entry.write_bytes(damage(entry.read_bytes()))  # type: ignore[operator]
    rebuilt = _probe(tmp_path)
    assert rebuilt["read"]  # from the wheel again, and right
    assert _answers(rebuilt) == _answers(_probe(None))
    assert _probe(tmp_path, forbid=True)["read"] == []  # and the entry written anew


def test_an_entry_of_other_tables_is_not_used(tmp_path: Path) -> None:
    """The entry names the tables it was built from (version, size and time of each file):
    one built from others, as after an upgrade, is built again."""
    _probe(tmp_path)
    entry = tmp_path / CACHE_NAME
    head, _, rest = entry.read_bytes().partition(b"\n")
    _, _, rest = rest.partition(b"\n")  # the stamp's digest line
    entry.write_bytes(head + b"\n" + b"0" * 64 + b"\n" + rest)
    assert _probe(tmp_path)["read"]


def test_a_second_quiz_generate_reads_the_cache(tmp_path: Path) -> None:
    """Through the command: the first run in a data dir builds the entry, the next one reads
    it, and both write the same bank."""
    article = shutil.copy(ARTICLES / "voa-who-booster.txt", tmp_path / "booster.txt")
    data = tmp_path / "data"
    first = run_quiz(data, "generate", str(article), "-o", str(tmp_path / "one.yaml"))
    assert first.returncode == 0, first.stderr
    entry = data / "cache" / CACHE_NAME
    assert entry.is_file()
    built = entry.stat().st_mtime_ns
    second = run_quiz(data, "generate", str(article), "-o", str(tmp_path / "two.yaml"))
    assert second.returncode == 0, second.stderr
    assert entry.stat().st_mtime_ns == built  # read, not written again
    one = (tmp_path / "one.yaml").read_text(encoding="utf-8")
    two = (tmp_path / "two.yaml").read_text(encoding="utf-8")
    assert one.replace("one.yaml", "") == two.replace("two.yaml", "")
