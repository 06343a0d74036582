"""Issue 20, item 6: a 1.9 MB article ran ``quiz generate`` for 3 minutes at 846 MB with no sign
of progress. An article past ``MAX_WORDS`` (a report or a book, not a news article) is now
refused at once, in one line that gives the limit and how to split, before spaCy is loaded;
one at the limit is read as before."""

from __future__ import annotations

import html
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quiz.errors import QuizError
from quiz.generate.source_input import MAX_WORDS, read_article
from tests.cli_run import ROOT
from tests.conftest import DATA

ARTICLES = sorted((DATA / "articles").rglob("*.txt"))
MEMORY_LIMIT = 1024 * 1024 * 1024  # the refusal must not come near the 846 MB of the report


def _real_text(size: int) -> str:
    """Real news paragraphs, repeated to ``size`` bytes."""
    paragraphs = "\n".join(p.read_text(encoding="utf-8").strip() for p in ARTICLES) + "\n"
    return (paragraphs * (size // len(paragraphs.encode()) + 1))[:size].rsplit("\n", 1)[0] + "\n"


def _words(count: int) -> str:
    words = [w for w in _real_text(count * 12).split() if any(c.isalpha() for c in w)][:count]
    return "\n".join(" ".join(words[i : i + 40]) for i in range(0, count, 40)) + "\n"


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def _generate(tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], float]:
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "quiz", "generate", *args, "--data-dir", str(tmp_path / "data")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        preexec_fn=_limit_memory,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result, time.monotonic() - started


def test_a_1_9_mb_article_is_refused_at_once_in_one_line(tmp_path: Path) -> None:
    article = tmp_path / "report.txt"
    article.write_text(_real_text(1_900_000), encoding="utf-8")
    words = len(article.read_text(encoding="utf-8").split())
    assert words > 250_000
    result, seconds = _generate(tmp_path, str(article), "-o", str(tmp_path / "out.yaml"))
    assert result.returncode == 1
    assert seconds < 15, seconds  # python start, read, count: no model, no minutes
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith(f"quiz: article '{article}' has ")
    assert f"at most {MAX_WORDS:,} words" in result.stderr and "split it" in result.stderr
    assert not (tmp_path / "out.yaml").exists()


def test_among_several_articles_the_long_one_fails_alone(tmp_path: Path) -> None:
    """With several articles the model is loaded first; the long one is still one line, and
    counted as failed."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a-long.txt").write_text(_words(MAX_WORDS + 500), encoding="utf-8")
    (folder / "b-short.txt").write_text("Too short.\n", encoding="utf-8")
    result, _ = _generate(tmp_path, str(folder), "-o", str(tmp_path / "out"))
    if "model" in result.stderr and "install" in result.stderr:
        pytest.skip("the English model is not installed")
    assert result.returncode == 1
    assert f"a-long.txt' has {MAX_WORDS + 500:,} words" in result.stderr
    assert result.stdout.strip().endswith("0 banks written, 2 failed")


def test_the_limit_is_exact(tmp_path: Path) -> None:
    at = tmp_path / "at.txt"
    at.write_text(_words(MAX_WORDS), encoding="utf-8")
    assert len(read_article(str(at)).text.split()) == MAX_WORDS
    over = tmp_path / "over.txt"
    over.write_text(_words(MAX_WORDS + 1), encoding="utf-8")
    with pytest.raises(QuizError, match=f"has {MAX_WORDS + 1:,} words"):
        read_article(str(over))


def test_a_long_saved_page_is_refused_too(tmp_path: Path) -> None:
    body = "".join(
        f"<p>{html.escape(line)}</p>\n" for line in _words(MAX_WORDS + 2_000).splitlines()
    )
    page = tmp_path / "long.html"
    page.write_text(
        f"<html><head><title>Long</title></head><body><article><h1>Long</h1>{body}"
        "</article></body></html>",
        encoding="utf-8",
    )
    with pytest.raises(QuizError, match=f"at most {MAX_WORDS:,} words"):
        read_article(str(page))
