"""Fetching a web page for ``quiz generate URL``: the standard library's urllib, bounded.

One request, made only because the user named the URL: http and https only (a redirect to any
other scheme is refused), a User-Agent that says what asks, a timeout on the whole download and
a size limit, since a page is untrusted input. The bytes are handed to
:mod:`quiz.generate.extract`; nothing else here touches the network. urllib is imported when a
page is fetched, not with this module (``quiz author BANK`` imports it to tell a URL apart).
"""

from __future__ import annotations

import time
import zlib
from dataclasses import dataclass
from functools import lru_cache
from typing import IO, TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:
    import urllib.request

from quiz import __version__
from quiz.generate.extract import MAX_PAGE_BYTES

#: Seconds allowed for the whole fetch: connecting, each read, and the download altogether.
TIMEOUT = 20.0

USER_AGENT = f"quiz/{__version__} (study-quiz generator; fetches one page a user asked for)"

_CHUNK = 64 * 1024


class FetchError(Exception):
    """The page could not be fetched; the message says why, for people."""


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched page: its bytes, its content type and the charset its headers declare ("" if
    none), and the URL it came from after redirects."""

    content: bytes
    content_type: str
    charset: str
    url: str


def is_url(argument: str) -> bool:
    """Whether an ARTICLE argument names a web page rather than a file."""
    return argument[:8].lower().startswith(("http://", "https://"))


@lru_cache(maxsize=1)
def _opener() -> urllib.request.OpenerDirector:
    """urllib's opener, with redirects followed to http and https only (its own handler also
    follows ftp)."""
    import urllib.request

    class HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
        def redirect_request(
            self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str
        ) -> urllib.request.Request | None:
            scheme = urlsplit(newurl).scheme.lower()
            if scheme not in ("http", "https"):
                raise FetchError(f"redirected to a {scheme or 'relative'} address")
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    return urllib.request.build_opener(HttpOnlyRedirects())


def fetch_page(url: str, *, timeout: float = TIMEOUT, limit: int = MAX_PAGE_BYTES) -> Fetched:
    """The page at ``url``. Raises :class:`FetchError` with the reason."""
    import urllib.error
    import urllib.request

    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise FetchError("only http:// and https:// addresses can be fetched")
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5,*/*;q=0.1",
            "Accept-Encoding": "gzip, deflate",
        },
    )
    opener = _opener()
    deadline = time.monotonic() + timeout
    try:
        with opener.open(request, timeout=timeout) as response:
            headers = response.headers
            kind = headers.get_content_type()
            if kind not in ("text/html", "application/xhtml+xml", "text/plain", "text/xml"):
                raise FetchError(f"not a web page: its type is {kind}")
            raw = _read(response, limit, deadline)
            content = _decode(raw, headers.get("Content-Encoding", ""), limit)
            charset = headers.get_content_charset() or ""
            return Fetched(content, kind, charset, response.geturl())
    except FetchError:
        raise
    except urllib.error.HTTPError as error:
        raise FetchError(f"HTTP {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, TimeoutError):
            raise FetchError(f"no answer within {timeout:g} s") from None
        raise FetchError(str(getattr(reason, "strerror", None) or reason)) from None
    except TimeoutError:
        raise FetchError(f"no answer within {timeout:g} s") from None
    except (OSError, ValueError) as error:  # a reset connection, a malformed answer
        raise FetchError(str(error) or type(error).__name__) from None


def _read(response: IO[bytes], limit: int, deadline: float) -> bytes:
    """The body, in chunks, refusing more than ``limit`` bytes or a download past the deadline
    (a server that trickles bytes would otherwise keep each read under the timeout forever)."""
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise FetchError("the download took too long")
        chunk = response.read(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > limit:
            raise FetchError(f"the page is larger than {limit // 1_048_576} MB")
        chunks.append(chunk)


def _decode(raw: bytes, encoding: str, limit: int) -> bytes:
    """The body without its gzip or deflate transfer coding, within the same size limit."""
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return raw
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise FetchError(f"the page is sent in an unknown encoding ({encoding})")
    inflater = zlib.decompressobj(47 if encoding != "deflate" else zlib.MAX_WBITS)
    try:
        body = inflater.decompress(raw, limit + 1)
    except zlib.error as error:
        raise FetchError(f"the page's {encoding} data is damaged ({error})") from None
    if len(body) > limit or inflater.unconsumed_tail:
        raise FetchError(f"the page is larger than {limit // 1_048_576} MB")
    return body
