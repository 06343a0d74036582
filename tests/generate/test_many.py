"""`quiz generate A B FOLDER/`: several articles in one process, one bank each, by the rules of
one article; a bad article fails alone; usage errors for what names one bank."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from quiz.bank import load_bank
from quiz.cli import main
from tests.cli_run import run_quiz
from tests.generate.conftest import ARTICLES

#: Put on PYTHONPATH as sitecustomize.py: at exit, how many times the English model was loaded
#: (``load_model`` is cached: each miss is one load), so the test sees spaCy loaded once.
COUNT_MODEL_LOADS = """\
import atexit
import sys


def _report():
    nlp = sys.modules.get("quiz.generate.nlp")
    if nlp is not None:
        print(f"model loads: {nlp.load_model.cache_info().misses}", file=sys.stderr)


atexit.register(_report)
"""


def _copy(name: str, to: Path) -> Path:
    to.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(ARTICLES / name, to)
    return to


@pytest.fixture()
def inputs(tmp_path: Path) -> tuple[Path, Path, Path]:
    """a.txt, b.txt and folder/ (two articles and a file that is not one), short articles."""
    a = _copy("voa-who-booster.txt", tmp_path / "in" / "a.txt")
    b = _copy("wikinews-walthamstow-bus.txt", tmp_path / "in" / "b.txt")
    folder = tmp_path / "in" / "folder"
    _copy("wikinews-hurricane-florence.txt", folder / "florence.txt")
    _copy("wikinews-east-timor-pm-resigns.txt", folder / "timor.txt")
    (folder / "notes.md").write_text("not an article\n", encoding="utf-8")
    return a, b, folder


def _wrote(out: str) -> list[Path]:
    """The bank files named by the "wrote PATH: …" lines."""
    lines = [line for line in out.splitlines() if line.startswith("wrote ")]
    return [Path(line.removeprefix("wrote ").split(": ")[0]) for line in lines]


def test_several_articles_and_a_folder_in_one_process(
    nlp: Any, inputs: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    a, b, folder = inputs
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(COUNT_MODEL_LOADS, encoding="utf-8")
    data = tmp_path / "data"
    result = run_quiz(
        data, "generate", "--at-least", "3", str(a), str(b), str(folder), pythonpath=str(guard)
    )
    assert result.returncode == 0, result.stderr
    assert "model loads: 1" in result.stderr  # spaCy once for the four articles
    assert "skipped notes.md" in result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == "4 banks written, 0 failed"
    banks = _wrote(result.stdout)
    assert len(banks) == 4 and len(lines) == 5  # one line per bank, then the count
    assert sorted(banks) == sorted((data / "banks").glob("*.yaml"))
    texts = [load_bank(p).source.text for p in banks]  # in the order given, folder sorted
    order = [a, b, folder / "florence.txt", folder / "timor.txt"]
    assert texts == [path.read_text(encoding="utf-8") for path in order]
    for path in banks:  # the article beside each, named by its id, as for one article
        assert load_bank(path).source.file == f"{path.stem}.txt"
        assert (path.parent / f"{path.stem}.txt").exists()

    check = run_quiz(data, "check", *map(str, banks))
    assert check.returncode == 0, check.stdout + check.stderr
    listed = json.loads(run_quiz(data, "banks", "list", "--json").stdout)["banks"]
    assert {p.stem for p in banks} <= {bank["id"] for bank in listed}

    # the same bytes as `quiz generate a.txt` alone (same rules, same id)
    alone = tmp_path / "alone"
    assert main(["generate", "--at-least", "3", str(a), "--data-dir", str(alone)]) == 0
    (single,) = (alone / "banks").glob("*.yaml")
    assert single.read_bytes() == banks[0].read_bytes()


def test_a_bad_article_fails_alone(
    nlp: Any, inputs: tuple[Path, Path, Path], tmp_path: Path, capsys: Any, isolated_data_dir: Path
) -> None:
    a, _, folder = inputs
    (folder / "empty.txt").write_bytes(b"")
    (folder / "latin1.txt").write_bytes(b"caf\xe9 au lait\n")
    (folder / "short.txt").write_text("Too short.\n", encoding="utf-8")
    empty_folder = tmp_path / "nothing-here"
    empty_folder.mkdir()
    missing = tmp_path / "missing.txt"
    code = main(["generate", str(missing), str(folder), str(empty_folder), str(a)])
    assert code == 1
    captured = capsys.readouterr()
    errors = [line for line in captured.err.splitlines() if line.startswith("quiz: ")]
    assert len(errors) == 5
    for expected in ("not found", "is empty", "not valid UTF-8", "too short", "directory"):
        assert sum(expected in line for line in errors) == 1, (expected, errors)
    assert captured.out.splitlines()[-1] == "3 banks written, 5 failed"
    assert len(list((isolated_data_dir / "banks").glob("*.yaml"))) == 3


def test_output_folder(
    nlp: Any, inputs: tuple[Path, Path, Path], tmp_path: Path, capsys: Any, isolated_data_dir: Path
) -> None:
    a, b, folder = inputs
    other_a = _copy("wikinews-mandela-collapsed-lung.txt", tmp_path / "elsewhere" / "a.txt")
    out = tmp_path / "out" / "banks"  # made if missing
    assert main(["generate", "--at-least", "3", str(a), str(b), str(other_a), "-o", str(out)]) == 0
    banks = _wrote(capsys.readouterr().out)
    assert sorted(banks) == sorted(out.glob("*.yaml")) and len(banks) == 3
    assert all(p.name == f"{load_bank(p).id}.yaml" for p in banks)
    # each article beside its bank: its own name, or ID.txt when another text has that name
    sources = [load_bank(p).source.file for p in banks]
    assert sources == ["a.txt", "b.txt", f"{banks[2].stem}.txt"]
    assert (out / "a.txt").read_bytes() == a.read_bytes()
    assert (out / sources[2]).read_bytes() == other_a.read_bytes()
    assert not (isolated_data_dir / "banks").exists()  # not in the banks folder, but registered:
    assert main(["banks", "list", "--json"]) == 0
    listed = {bank["path"] for bank in json.loads(capsys.readouterr().out)["banks"]}
    assert {str(p.absolute()) for p in banks} <= listed

    # again: every bank exists, so each fails with today's advice; --force overwrites
    assert main(["generate", "--at-least", "3", str(a), str(b), "-o", str(out)]) == 1
    captured = capsys.readouterr()
    assert captured.err.count("--force") == 2 and "0 banks written, 2 failed" in captured.out
    assert main(["generate", "--at-least", "3", str(a), str(b), "-o", str(out), "--force"]) == 0

    # a folder drafted into itself: banks beside their articles, no copies
    before = {p.name for p in folder.iterdir()}
    assert main(["generate", "--at-least", "3", str(folder), "-o", str(folder)]) == 0
    added = {p.name for p in folder.iterdir()} - before
    assert len(added) == 2 and all(name.endswith(".yaml") for name in added)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--update", "bank.yaml"], "--update regenerates one bank"),
        (["-o", "-"], "-o - prints one bank"),
        (["--title", "T"], "--title names one bank"),
        (["-o", "NEW"], "-o names a folder, one ID.yaml each"),
        (["-o", "FILE"], "-o names a folder, not a file"),
    ],
)
def test_what_names_one_bank_is_a_usage_error(
    inputs: tuple[Path, Path, Path], tmp_path: Path, capsys: Any, extra: list[str], message: str
) -> None:
    a, b, _ = inputs
    named = {"FILE": str(a), "NEW": str(tmp_path / "new-bank.yaml")}
    extra = [named.get(word, word) for word in extra]
    with pytest.raises(SystemExit) as exit_:
        main(["generate", str(a), str(b), *extra])
    assert exit_.value.code == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "new-bank.yaml").exists()


def test_a_folder_alone_is_several(inputs: tuple[Path, Path, Path], capsys: Any) -> None:
    """One folder may hold many articles, so it follows the rules of several."""
    _, _, folder = inputs
    with pytest.raises(SystemExit) as exit_:
        main(["generate", str(folder), "--title", "T"])
    assert exit_.value.code == 2 and "--title" in capsys.readouterr().err


def test_missing_model_is_said_once(
    inputs: tuple[Path, Path, Path], capsys: Any, monkeypatch: Any
) -> None:
    import quiz.generate.nlp as nlp_module

    def missing() -> None:
        raise nlp_module.ModelMissing()

    monkeypatch.setattr(nlp_module, "load_model", missing)
    a, b, _ = inputs
    assert main(["generate", str(a), str(b)]) == 1
    assert capsys.readouterr().err == f"{nlp_module.INSTALL_HINT}\n"


def test_an_article_with_nothing_that_passed_is_counted_apart(
    nlp: Any, inputs: tuple[Path, Path, Path], capsys: Any, isolated_data_dir: Path
) -> None:
    """The Mandela article's questions are all held back by the gate: no bank, one line that
    points to its drafts, and a count of its own; nothing failed, so the exit status is 0."""
    a, _, folder = inputs
    b = _copy(
        "wikinews-mandela-collapsed-lung.txt", folder.parent / "wikinews-mandela-collapsed-lung.txt"
    )
    assert main(["generate", str(a), str(b)]) == 0
    captured = capsys.readouterr()
    assert f"quiz author {b}" in captured.err and "passed the quality gate" in captured.err
    assert captured.out.splitlines()[-1] == (
        "1 bank written, 1 with no question that passed the quality gate "
        "(drafts for quiz author), 0 failed"
    )
    assert len(list((isolated_data_dir / "banks").glob("*.yaml"))) == 1


def test_a_saved_page_and_its_text_copy_give_one_bank(nlp: Any, tmp_path: Path) -> None:
    """A folder with story.html and story.txt (a page and the reader copy saved beside it) is
    one article: one bank, from the page, and a note that names the copy left out. A .txt with
    no page of its name is still read, and the copy given by name is the user's choice."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(Path(__file__).parents[1] / "data" / "pages" / "river-flood.html", folder)
    (folder / "river-flood.txt").write_text("A copy of the page's text.\n", encoding="utf-8")
    _copy("wikinews-hurricane-florence.txt", folder / "florence.txt")
    data = tmp_path / "data"
    result = run_quiz(data, "generate", "--at-least", "1", str(folder))
    assert result.returncode == 0, result.stderr
    assert "skipped river-flood.txt (a text copy of a saved page of the same name" in (
        result.stderr
    )
    assert result.stdout.splitlines()[-1] == "2 banks written, 0 failed"
    sources = sorted(load_bank(p).source.text[:40] for p in _wrote(result.stdout))
    assert not any(text.startswith("A copy of the page") for text in sources)

    named = run_quiz(data, "generate", "--at-least", "1", str(folder / "river-flood.txt"))
    assert "skipped" not in named.stderr  # given by name: read as asked
