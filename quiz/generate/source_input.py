"""The ARTICLE argument of ``quiz generate`` and ``quiz author``: a text file, a saved web page
(``.html``, ``.htm``) or an http(s) URL, turned into the article text a bank stores.

One function for both commands, so that they accept the same inputs and say the same things
about bad ones. Every failure is a :class:`~quiz.errors.QuizError` with one line for people.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from quiz.errors import QuizError
from quiz.generate.extract import HTML_SUFFIXES, MAX_PAGE_BYTES, NoArticle, Page, extract_page
from quiz.generate.fetch import FetchError, fetch_page, is_url

#: An article must have at least this many words to be worth a quiz.
MIN_WORDS = 20
#: And at most this many. A news article has a few hundred to a few thousand words, a long read
#: up to about 15,000. Generation takes about 1 s per 1,000 words and its memory grows with them
#: (14,000 words: 15 s, 400 MB; 42,000: 35 s, 610 MB), so a 1.9 MB file (300,000 words) ran
#: minutes at 846 MB with nothing shown (issue 20). Past this it is a book or a report: refused
#: at once, saying how to split it, before spaCy is loaded.
MAX_WORDS = 20_000


@dataclass(frozen=True, slots=True)
class ArticleInput:
    """An article as read from its argument."""

    text: str  # the article, as the bank stores it beside itself (questions quote it verbatim)
    title: str  # the page's title ("" for a text file, or a page without one)
    date: str  # the page's publication date, YYYY-MM-DD ("" when unknown)
    name: str  # a file name for the article beside a bank: "summit.txt", "river-flood.txt"
    path: Path | None  # the plain-text file it was read from; None for a page or a URL

    @property
    def stem(self) -> str:
        """The name without its suffix, for a default title."""
        return Path(self.name).stem


def read_article(argument: str) -> ArticleInput:
    """Read ARTICLE: fetch a URL, extract a page's article, or read a UTF-8 text file."""
    if is_url(argument):
        return _from_url(argument)
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", argument):
        raise QuizError(f"{argument}: only http:// and https:// addresses can be fetched")
    path = Path(argument).expanduser()
    if path.suffix.lower() in HTML_SUFFIXES:
        return _from_html_file(argument, path)
    return _from_text_file(argument, path)


def _from_text_file(argument: str, path: Path) -> ArticleInput:
    from quiz.bank.loader import MAX_ARTICLE_BYTES, read_text_file

    try:
        text = read_text_file(path, limit=MAX_ARTICLE_BYTES, what=f"article {argument!r}")
    except ValueError as error:
        raise QuizError(str(error)) from None
    _check_words(text, f"article {argument!r}")
    return ArticleInput(text, "", "", path.name, path)


def _from_html_file(argument: str, path: Path) -> ArticleInput:
    from quiz.bank.files import read_bytes_bounded

    try:
        html = read_bytes_bounded(path, limit=MAX_PAGE_BYTES, what=f"page {argument!r}")
    except ValueError as error:
        raise QuizError(str(error)) from None
    page = _extract(argument, html)
    return ArticleInput(page.text, page.title, page.date, f"{path.stem}.txt", None)


def _from_url(url: str) -> ArticleInput:
    try:
        fetched = fetch_page(url)
    except FetchError as error:
        raise QuizError(f"{url}: could not fetch the page ({error})") from None
    name = f"{_slug(fetched.url) or _slug(url) or 'article'}.txt"
    if fetched.content_type == "text/plain":
        from quiz.bank.files import decode_text

        try:
            text = decode_text(fetched.content, f"article {url!r}")
        except ValueError as error:
            raise QuizError(str(error)) from None
        _check_words(text, f"article {url!r}")
        return ArticleInput(text, "", "", name, None)
    html: bytes | str = fetched.content
    if fetched.charset:  # a wrong header is ignored: the extractor finds the page's own encoding
        with contextlib.suppress(LookupError, UnicodeDecodeError):
            html = fetched.content.decode(fetched.charset)
    page = _extract(url, html, fetched.url)
    return ArticleInput(page.text, page.title, page.date, name, None)


def _extract(label: str, html: bytes | str, url: str | None = None) -> Page:
    """The page's article; a page whose text is a menu or a headline alone has none."""
    try:
        page = extract_page(html, url)
    except NoArticle as error:
        raise QuizError(f"{label}: {error}") from None
    if _words(page.text) < MIN_WORDS:
        raise QuizError(f"{label}: no article text found in the page")
    _check_not_too_long(page.text, label)
    return page


def _check_words(text: str, what: str) -> None:
    if not text.strip():
        raise QuizError(f"{what} is empty")
    control = CONTROL.search(text)
    if control is not None:
        line = text.count("\n", 0, control.start()) + 1
        raise QuizError(
            f"{what}: line {line} holds control characters or terminal escape codes; "
            "save the article as plain text"
        )
    script = not_english(text)
    if script:
        raise QuizError(
            f"{what} is not in English (most of its letters are {script}); quiz generate "
            "reads English articles only"
        )
    if _words(text) < MIN_WORDS:
        raise QuizError(f"{what} is too short to quiz on (fewer than {MIN_WORDS} words)")
    _check_not_too_long(text, what)


def _check_not_too_long(text: str, what: str) -> None:
    words = _words(text)
    if words > MAX_WORDS:
        raise QuizError(
            f"{what} has {words:,} words; quiz generate reads articles of at most "
            f"{MAX_WORDS:,} words (a news article has a few thousand): split it at paragraph "
            f"breaks into files of at most {MAX_WORDS:,} words and give them all, or a folder "
            "of them"
        )


#: Characters no article text holds: C0/C1 controls other than tab and newline, ESC included
#: (an article with terminal escape codes made banks that quiz check then refused).
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def not_english(text: str) -> str:
    """The writing system most of the article's letters are in, when it is not the Latin
    alphabet (a Japanese or Arabic article was refused as "fewer than 20 words", which sent
    the user looking in the wrong place); "" for Latin-script text."""
    letters = [c for c in text[:20_000] if c.isalpha()]
    if not letters or sum(1 for c in letters if c < "\u0250") * 2 >= len(letters):
        return ""
    scripts = Counter(unicodedata.name(c, "?").split(" ")[0] for c in letters if c >= "\u0250")
    script = scripts.most_common(1)[0][0]
    return _SCRIPT_NAMES.get(script, script.title())


_SCRIPT_NAMES = {"CJK": "Chinese or Japanese", "HIRAGANA": "Japanese", "KATAKANA": "Japanese"}


def _words(text: str) -> int:
    return sum(1 for w in text.split() if any(c.isalpha() for c in w))


def _slug(url: str) -> str:
    """A file name from a URL's last path segment ("river-flood" from .../river-flood.html),
    else its host; only letters, digits, dots, dashes and underscores."""
    parts = urlsplit(url)
    segments = [s for s in unquote(parts.path).split("/") if s]
    base = Path(segments[-1]).stem if segments else (parts.hostname or "")
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", base).strip("-._")
    return slug[:60]
