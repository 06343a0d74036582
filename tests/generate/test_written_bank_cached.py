"""`quiz generate A B -o FOLDER` caches and indexes each bank it writes as it wrote it, without
parsing it back (:meth:`quiz.bank.cache.BankCache.remember_written`): what it cached must be
what parsing the file gives, or a later `quiz play` would run another bank than the file's."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from quiz.bank.cache import BankCache
from quiz.bank.dump import dump_bank
from quiz.bank.loader import parse_bank_text
from quiz.library import library_files
from tests.cli_run import run_quiz
from tests.generate.conftest import ARTICLES, FOUNDING_ARTICLE


def test_a_generated_bank_parsed_back_is_the_bank_dumped(make: Any, tmp_path: Path) -> None:
    """The ground the cache stands on: dump, parse, and nothing differs but the file's path."""
    for article in (FOUNDING_ARTICLE, ARTICLES / "heldout2" / "voa-le-exoplanet-ocean.txt"):
        shutil.copy(article, tmp_path / "article.txt")
        bank = make(article.read_text(encoding="utf-8"), source_file="article.txt").bank
        path = tmp_path / "bank.yaml"
        path.write_text(dump_bank(bank), encoding="utf-8")
        parsed = parse_bank_text(path.read_text(encoding="utf-8"), path=path)
        assert parsed.questions and parsed.drafts
        assert parsed == bank.__class__(**{**_fields(bank), "path": parsed.path})


def _fields(bank: Any) -> dict[str, Any]:
    return {name: getattr(bank, name) for name in bank.__struct_fields__}


def test_the_cached_banks_are_the_files_banks(tmp_path: Path) -> None:
    articles = [
        shutil.copy(FOUNDING_ARTICLE, tmp_path / "summit.txt"),
        shutil.copy(ARTICLES / "heldout2" / "voa-le-titan-methane-ice.txt", tmp_path / "titan.txt"),
    ]
    data = tmp_path / "data"
    result = run_quiz(data, "generate", *map(str, articles), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    written = sorted((tmp_path / "out").glob("*.yaml"))
    assert len(written) == 2

    # what the command left in the cache: the index's summaries and each bank as cached
    cache = BankCache(data / "cache")
    summaries = {Path(s.path): s for s in cache.summaries(library_files(data))}
    cached = {path: cache.load(path) for path in written}
    for path in written:
        entries = sorted((data / "cache" / "banks").glob("*.bin"))
        assert entries, "nothing was cached"
        # the same file parsed from scratch, through an empty cache
        fresh = BankCache(tmp_path / f"fresh-{path.stem}")
        assert cached[path] == parse_bank_text(path.read_text(encoding="utf-8"), path=path)
        assert summaries[path] == fresh.summaries([path])[0]
        assert summaries[path].ok and summaries[path].questions == len(cached[path].questions)


#: Put on PYTHONPATH as sitecustomize.py: at exit, every bank file the process parsed, and
#: every one whose summary the folder index had to make (by loading it) rather than knew.
COUNT_PARSES = """\
import atexit
import sys

parsed = []
summarised = []


def _report():
    print("parsed: " + repr(parsed), file=sys.stderr)
    print("summarised: " + repr(summarised), file=sys.stderr)


def _watch():
    import quiz.bank.loader as loader

    original = loader.parse_bank_text

    def parse_bank_text(text, path=None, **options):
        parsed.append(str(path))
        return original(text, path=path, **options)

    loader.parse_bank_text = parse_bank_text

    from quiz.bank.cache import BankCache

    summarise = BankCache._summarise

    def _summarise(self, path):
        summarised.append(str(path))
        return summarise(self, path)

    BankCache._summarise = _summarise


_watch()
atexit.register(_report)
"""


def test_the_command_parses_none_of_the_banks_it_wrote(tmp_path: Path) -> None:
    """Neither to add a bank to the library nor, an article later, to look up its id: the
    folder index knows it from the moment it was written."""
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(COUNT_PARSES, encoding="utf-8")
    articles = [
        shutil.copy(FOUNDING_ARTICLE, tmp_path / "summit.txt"),
        shutil.copy(ARTICLES / "heldout2" / "voa-le-titan-methane-ice.txt", tmp_path / "titan.txt"),
        shutil.copy(ARTICLES / "voa-who-booster.txt", tmp_path / "booster.txt"),
    ]
    out = tmp_path / "out"
    result = run_quiz(
        tmp_path / "data", "generate", *map(str, articles), "-o", str(out), pythonpath=str(hooks)
    )
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    parsed = next(line for line in lines if line.startswith("parsed: "))
    summarised = next(line for line in lines if line.startswith("summarised: "))
    assert len(list(out.glob("*.yaml"))) == 3
    assert str(out) not in parsed  # (the shipped bank is parsed once, for its id)
    assert str(out) not in summarised
    # and the library lists all three, from the index alone
    listed = run_quiz(tmp_path / "data", "banks", pythonpath=str(hooks))
    assert listed.returncode == 0, listed.stderr
    assert all(p.stem in listed.stdout for p in out.glob("*.yaml"))
    assert "parsed: []" in listed.stderr
    assert "summarised: []" in listed.stderr


def test_a_bank_edited_after_it_was_written_is_parsed_again(tmp_path: Path) -> None:
    article = shutil.copy(FOUNDING_ARTICLE, tmp_path / "summit.txt")
    other = shutil.copy(ARTICLES / "heldout2" / "voa-le-titan-methane-ice.txt", tmp_path / "t.txt")
    data = tmp_path / "data"
    out = tmp_path / "out"
    assert run_quiz(data, "generate", str(article), str(other), "-o", str(out)).returncode == 0
    path = sorted(out.glob("summit*.yaml"))[0]
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title: ", "title: Edited ", 1), encoding="utf-8")
    cache = BankCache(data / "cache")
    assert cache.load(path).title.startswith("Edited ")
    summary = next(s for s in cache.summaries(library_files(data)) if Path(s.path) == path)
    assert summary.title.startswith("Edited ")
