"""Web pages as articles: extraction (trafilatura), fetching (from a server on the loopback
only), the shared ARTICLE reader, and `quiz generate` / `quiz author` on a saved page and a URL,
run as a user runs them."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from quiz.bank import load_bank
from quiz.cli import main
from quiz.commands.author import model_installed
from quiz.generate.extract import extract_page
from quiz.generate.fetch import USER_AGENT, FetchError, fetch_page, is_url
from quiz.generate.source_input import read_article
from tests.cli_run import run_quiz
from tests.generate.page_server import (
    EMPTY_PAGE,
    LOOPBACK_ONLY,
    PAGE_NAMES,
    PAGES,
    _Handler,
    serving,
)

ROOT = Path(__file__).resolve().parent.parent.parent
needs_model = pytest.mark.skipif(not model_installed(), reason="spaCy's English model is missing")

#: Per page: (title, date, a body sentence, furniture the page shows that no question may use).
EXPECTED = {
    "port-strike": (
        "Dockworkers strike halts container traffic at Rotterdam",
        "2025-03-03",
        "About 900 workers who secure containers on deck joined the action, the union said.",
        [
            "ROTTERDAM, March 3",
            "(Reuters)",
            "Shipping rates climb",
            "WHAT THE UNION WANTS",
            "Anneke Visser",
            "Tom Hale",
            "Mark Potter",
            "Our Standards",
            "Lena Brandt",
            "Pieter Smit",
            "Northsea Wire",
            "Sign in",
        ],
    ),
    "rooftop-bees": (
        "City Rooftops Become Home to Millions of Bees",
        "2024-06-14",
        "Honeybees and wild bees eat the same food, so they compete for the same flowers.",
        [
            "Claire Martin",
            "Dana Pike",
            "Sam Ortiz",
            "Not enough flowers",
            "Gardens on rooftops",
            "Why honeybees are dying",
            "Words in This Story",
            "a box or other place where bees live",
            "Comments section",
            "Most Popular",
            "Instagram",
            "newsletter",
            "Learning English Daily",
        ],
    ),
    "river-flood": (
        "Iowa river town cleans up after record flood",
        "2024-06-21",
        "Most will not be able to plant again this season.",
        [
            "MILLBROOK, Iowa",
            "(AP)",
            "Congress weighs",
            "WHAT HAPPENS NEXT",
            "Volunteers fill sandbags",
            "Ruth Okafor",
            "Associated Press",
            "Copyright",
            "LUIS VEGA",
            "Prairie Press",
            "Storm warnings",
        ],
    ),
}


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """The loopback server is reached directly, whatever proxy the machine sets."""
    for name in ("http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serving() as base:
        yield base


def _page(name: str) -> bytes:
    return (PAGES / f"{name}.html").read_bytes()


# -- extraction --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_a_page_gives_its_article_title_and_date(name: str) -> None:
    title, date, sentence, _ = EXPECTED[name]
    page = extract_page(_page(name))
    assert (page.title, page.date) == (title, date)
    lines = page.text.splitlines()
    assert lines[0] == title and page.text.endswith("\n") and "" not in lines
    assert sentence in page.text
    for chrome in ("Skip to content", "Privacy", "Terms of use", "E-Edition", "Level One"):
        assert chrome not in page.text  # navigation and footers are not the article


def test_extraction_is_deterministic_and_the_date_is_never_guessed_from_text() -> None:
    html = (
        _page("port-strike")
        .replace(b'<meta property="article:published_time" content="2025-03-03T09:14:00Z">', b"")
        .replace(b'<time datetime="2025-03-03T09:14:00Z">March 3, 2025 9:14 AM UTC</time>', b"")
    )
    first, second = extract_page(html), extract_page(html)
    assert first == second
    assert first.date == ""  # "March 2, 2025" in a caption is not the publication date


def test_nothing_is_downloaded_while_reading_pages(tmp_path: Path) -> None:
    (tmp_path / "sitecustomize.py").write_text(LOOPBACK_ONLY, encoding="utf-8")
    probe = (
        "import urllib.request\n"
        "from quiz.generate.extract import extract_page\n"
        f"for name in {PAGE_NAMES!r}:\n"
        f"    page = extract_page(open({str(PAGES)!r} + '/' + name + '.html', 'rb').read())\n"
        "    assert page.text and page.title\n"
        "try:\n"
        "    urllib.request.urlopen('http://example.org/', timeout=5)\n"
        "except OSError as error:\n"
        "    print('blocked' if 'test guard' in str(error) else error)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": f"{tmp_path}{os.pathsep}{ROOT}"},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "blocked"  # the guard works, and extraction never needed it
    assert result.stderr == ""  # nor logged anything


# -- fetching ----------------------------------------------------------------------------------


def test_fetch_a_page_with_our_user_agent(server: str) -> None:
    _Handler.seen.clear()
    fetched = fetch_page(f"{server}/news/port-strike.html")
    assert fetched.content == _page("port-strike")
    assert (fetched.content_type, fetched.charset) == ("text/html", "utf-8")
    assert _Handler.seen[-1]["User-Agent"] == USER_AGENT and USER_AGENT.startswith("quiz/")


def test_fetch_follows_redirects_and_unpacks_gzip(server: str) -> None:
    moved = fetch_page(f"{server}/moved")
    assert moved.url.endswith("/news/river-flood.html")
    assert moved.content == _page("river-flood")
    assert fetch_page(f"{server}/gzip/rooftop-bees.html").content == _page("rooftop-bees")


@pytest.mark.parametrize(
    ("path", "options", "reason"),
    [
        ("/missing", {}, "HTTP 404"),
        ("/report.pdf", {}, "not a web page: its type is application/pdf"),
        ("/to-ftp", {}, "redirected to a ftp address"),
        ("/big", {"limit": 1_000_000}, "larger than"),
        ("/slow", {"timeout": 1.0}, "took too long"),
    ],
)
def test_fetch_failures_say_why(server: str, path: str, options: Any, reason: str) -> None:
    with pytest.raises(FetchError, match=reason):
        fetch_page(server + path, **options)


def test_fetch_refuses_other_schemes_and_a_closed_port() -> None:
    import socket

    with pytest.raises(FetchError, match="only http"):
        fetch_page("file:///etc/passwd")
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchError):
        fetch_page(f"http://127.0.0.1:{port}/", timeout=5)


def test_is_url() -> None:
    assert is_url("https://example.org/a") and is_url("HTTP://example.org")
    assert not is_url("article.txt") and not is_url("news/http-story.txt")


# -- the ARTICLE argument ---------------------------------------------------------------------


def test_read_article_from_a_file_a_page_and_a_url(server: str, tmp_path: Path) -> None:
    text_file = tmp_path / "summit.txt"
    text_file.write_text("word " * 30, encoding="utf-8")
    plain = read_article(str(text_file))
    assert (plain.name, plain.path, plain.title, plain.date) == ("summit.txt", text_file, "", "")

    page = read_article(str(PAGES / "river-flood.html"))
    assert (page.name, page.path) == ("river-flood.txt", None)
    assert page.text == extract_page(_page("river-flood")).text
    assert (page.title, page.date) == EXPECTED["river-flood"][:2]

    fetched = read_article(f"{server}/news/port-strike.html?ref=home")
    assert (
        fetched.name == "port-strike.txt"
        and fetched.text == extract_page(_page("port-strike")).text
    )
    assert read_article(f"{server}/plain.txt").title == ""


def _one_line_error(argv: list[str], capsys: Any) -> str:
    assert main(argv) == 1
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and "Traceback" not in captured.err, captured.err
    return str(captured.err)


def test_a_page_without_an_article_is_one_line(tmp_path: Path, capsys: Any) -> None:
    empty = tmp_path / "page.html"
    empty.write_bytes(EMPTY_PAGE)
    err = _one_line_error(["generate", str(empty)], capsys)
    assert err == f"quiz: {empty}: no article text found in the page\n"
    err = _one_line_error(["author", str(empty)], capsys)
    assert err == f"quiz: {empty}: no article text found in the page\n"
    missing = tmp_path / "gone.html"
    assert "not found" in _one_line_error(["generate", str(missing)], capsys)


def test_a_url_that_fails_is_one_line(server: str, capsys: Any) -> None:
    url = f"{server}/missing"
    err = _one_line_error(["generate", url], capsys)
    assert err == f"quiz: {url}: could not fetch the page (HTTP 404 Not Found)\n"
    err = _one_line_error(["author", f"{server}/report.pdf"], capsys)
    assert err.startswith(f"quiz: {server}/report.pdf: could not fetch the page (not a web page")
    err = _one_line_error(["generate", f"{server}/empty.html"], capsys)
    assert err == f"quiz: {server}/empty.html: no article text found in the page\n"
    err = _one_line_error(["generate", "ftp://127.0.0.1/story.html"], capsys)
    assert "only http:// and https://" in err


# -- the commands, as a user runs them ------------------------------------------------------------


def _quiz(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``python -m quiz ARGS`` with its own data dir and no network but the loopback."""
    guard = tmp_path / "guard"
    guard.mkdir(exist_ok=True)
    (guard / "sitecustomize.py").write_text(LOOPBACK_ONLY, encoding="utf-8")
    return run_quiz(tmp_path / "data", *args, pythonpath=str(guard))


def _check_bank(bank_path: Path, article_text: str, name: str) -> None:
    title, date, _, furniture = EXPECTED[name]
    bank = load_bank(bank_path)
    assert (bank.title, bank.as_of, bank.source.published) == (title, date, date)
    assert bank.source.text == article_text
    assert bank.questions and len(bank.questions) + len(bank.drafts) >= 5  # v2: gated
    from quiz.bank.dump import question_to_dict

    for question in bank.questions:
        assert question.source in article_text, question.source
        shown = repr(question_to_dict(question))
        for piece in furniture:
            assert piece not in shown, (piece, question.id)


@needs_model
@pytest.mark.parametrize("name", PAGE_NAMES)
def test_generate_from_a_url(server: str, tmp_path: Path, name: str) -> None:
    result = _quiz(tmp_path, "generate", f"{server}/news/{name}.html")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    (bank_path,) = (tmp_path / "data" / "banks").glob("*.yaml")
    article = bank_path.with_suffix(".txt")
    text = extract_page(_page(name)).text
    assert article.read_text(encoding="utf-8") == text  # the extracted text, stored as it is
    assert load_bank(bank_path).source.file == article.name
    _check_bank(bank_path, text, name)
    assert _quiz(tmp_path, "check", str(bank_path)).returncode == 0


@needs_model
def test_generate_from_a_saved_page_elsewhere(tmp_path: Path) -> None:
    out = tmp_path / "class" / "strike.yaml"
    result = _quiz(tmp_path, "generate", str(PAGES / "port-strike.html"), "-o", str(out))
    assert result.returncode == 0, result.stderr
    text = extract_page(_page("port-strike")).text
    assert (out.parent / "port-strike.txt").read_text(encoding="utf-8") == text
    assert load_bank(out).source.file == "port-strike.txt"
    _check_bank(out, text, "port-strike")
    # the user's own title and date win over the page's
    again = _quiz(
        tmp_path,
        "generate",
        str(PAGES / "port-strike.html"),
        "-o",
        "-",
        "--title",
        "Strike",
        "--date",
        "2025-03-04",
    )
    assert again.returncode == 0, again.stderr
    assert "\ntitle: Strike\n" in again.stdout and "as_of: 2025-03-04" in again.stdout


@needs_model
@pytest.mark.parametrize(
    ("where", "name"), [("url", "rooftop-bees"), ("file", "river-flood")], ids=["url", "file"]
)
def test_author_from_a_url_or_a_saved_page(
    server: str, tmp_path: Path, where: str, name: str
) -> None:
    from tests.reliability.pty_app import AppInPty

    source = f"{server}/news/{name}.html" if where == "url" else str(PAGES / f"{name}.html")
    app = AppInPty(["author", source], tmp_path / "data", size=(100, 30))
    try:
        app.wait_for("to review", timeout=120)
        app.send("a")
        app.send("\x13")  # ctrl+s
        app.wait_for("Saved")
        app.send("q")
        app.process.wait(timeout=30)
        while app.pump(0.1):
            pass
    finally:
        app.close()
    assert app.process.returncode == 0, app.text[-800:]
    assert "Traceback" not in app.text
    (bank_path,) = (tmp_path / "data" / "banks").glob("*.yaml")
    text = extract_page(_page(name)).text
    assert bank_path.with_suffix(".txt").read_text(encoding="utf-8") == text
    bank = load_bank(bank_path)
    assert bank.title == EXPECTED[name][0] and bank.as_of == EXPECTED[name][1]
    assert len(bank.questions) == 1 and bank.questions[0].source in text


def test_the_site_name_leaves_the_title() -> None:
    """ "… | Xconomy", "… - UT News": the story's title, not the site's (a new-user trial saw
    pairs of banks named alike but for it); a dash inside the story's own title (its heading
    reads the same) stays."""
    story = b"Dockworkers strike halts container traffic at Rotterdam"
    for shown, wanted, everywhere in (
        (story + b" | Northsea Wire", story.decode(), False),
        (story + b" - Northsea Wire", story.decode(), False),
        (story + b" - Day 2", story.decode() + " - Day 2", True),
    ):
        html = _page("port-strike")
        if everywhere:  # the story's own title: in its heading and <title> too
            html = html.replace(story, shown)
        else:
            html = html.replace(b'content="' + story + b'"', b'content="' + shown + b'"')
        page = extract_page(html)
        assert page.title == wanted
        assert page.text.splitlines()[0] == wanted
