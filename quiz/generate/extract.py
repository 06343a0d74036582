"""A saved or fetched web page in, the article's plain text and metadata out (trafilatura).

A news page is mostly not the article: navigation, share buttons, related stories, comments,
footers. trafilatura is a maintained extractor made for exactly this (it scores the page's
blocks and keeps the main text), so no home-grown HTML rules live here. What it returns is the
text the bank stores beside itself as its article, so questions quote it verbatim: one paragraph
per line, the headline first (as a plain-text article comes), nothing rewritten afterwards.
What furniture trafilatura leaves in (a caption inside the body, a "Related:" line, a dateline)
is found later by :mod:`quiz.generate.clean`, as for any text.

Nothing is fetched here: the page is given as bytes. trafilatura and its date finder are told
not to search the text for a date (a date in a caption is not the publication date), and their
log lines are silenced, so a failure is one line from the caller.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass
from typing import Any

from quiz.generate.page_title import headline, wrapped

#: Web pages are larger than their articles (scripts, styles, inline images): at most this much
#: of a page is read.
MAX_PAGE_BYTES = 10 * 1024 * 1024

HTML_SUFFIXES = (".html", ".htm")

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class NoArticle(ValueError):
    """The page has no article text that could be found."""


@dataclass(frozen=True, slots=True)
class Page:
    """What a page gives a bank: its article text and, when the page says, title and date."""

    text: str  # paragraphs one per line, the headline first, ending in a newline
    title: str  # "" when the page has none
    date: str  # YYYY-MM-DD, or "" when the page does not say


def _quiet() -> None:
    """trafilatura, htmldate and courlan log warnings ("discarding data", "empty HTML"); with no
    handler Python would print them on stderr, around our own one-line message."""
    for name in ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer"):
        logger = logging.getLogger(name)
        if not logger.handlers:
            logger.addHandler(logging.NullHandler())
        logger.propagate = False


def extract_page(html: bytes | str, url: str | None = None) -> Page:
    """The article of an HTML page. Raises :class:`NoArticle` when none is found."""
    try:
        import trafilatura
    except ImportError:  # pragma: no cover - the generate extra installs it
        raise NoArticle(
            "reading web pages needs trafilatura: pip install -e '.[generate]'"
        ) from None
    _quiet()
    if isinstance(html, bytes) and len(html) > MAX_PAGE_BYTES:
        raise NoArticle(f"the page is larger than {MAX_PAGE_BYTES // 1_048_576} MB")
    try:
        document = _bare_extraction(trafilatura, html, url)
        if document is None:
            document = _bare_extraction(trafilatura, wrapped(html), url)
    except Exception as error:  # an untrusted page must end in one line, never a traceback
        raise NoArticle(f"the page could not be read ({type(error).__name__})") from None
    if document is None:
        raise NoArticle("no article text found in the page")
    lines = [" ".join(line.split()) for line in str(document.text or "").splitlines()]
    lines = [line for line in lines if line]
    if not lines:
        raise NoArticle("no article text found in the page")
    site_title = _without_site(" ".join(str(document.title or "").split()), document.sitename)
    title = headline(site_title, html, opening=" ".join(lines[:3])[:500])
    if title and lines[0] != title:
        lines.insert(0, title)
    date = str(document.date or "")
    return Page("\n".join(lines) + "\n", title, date if _DATE.match(date) else "")


def _without_site(title: str, site: object) -> str:
    """The page's title without the site's name that pages append to it ("… | CNN",
    "… - UT News"): the bank's title is the story's, and a teacher saw pairs of banks that
    differed only in it. Kept whole when the rest would be a single word."""
    name = " ".join(str(site or "").split())
    if not name:
        return title
    found = re.match(rf"^(.*\S)\s+[|\-–—:·]\s+{re.escape(name)}$", title, re.I)
    if found is None or len(found.group(1).split()) < 2:
        return title
    return found.group(1)


def _bare_extraction(trafilatura: Any, html: bytes | str, url: str | None) -> Any:
    """trafilatura's extraction with what a quiz needs: the main text with its metadata, no
    comments, tables, images or links, and only the page's own dates."""
    return trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        include_formatting=False,
        deduplicate=False,
        date_extraction_params={
            "original_date": True,
            "extensive_search": False,  # the page's own metadata, never a date in the text
            "max_date": dt.date.today().isoformat(),
        },
    )
