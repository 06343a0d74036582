"""A web server on the loopback serving the saved test pages (tests/data/pages), plus the ways a
fetch can go wrong. Nothing in the test suite fetches from anywhere else."""

from __future__ import annotations

import gzip
import http.server
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import ClassVar

PAGES = Path(__file__).resolve().parent.parent / "data" / "pages"
PAGE_NAMES = ("port-strike", "rooftop-bees", "river-flood")

EMPTY_PAGE = (
    b"<!doctype html><html><head><title>Northsea Wire</title></head><body><nav>"
    b"<a href='/'>Home</a> <a href='/world'>World</a></nav><footer>&copy; 2025</footer>"
    b"</body></html>"
)


class _Handler(http.server.BaseHTTPRequestHandler):
    """Routes: /news/NAME.html, /gzip/NAME.html, /moved, /to-ftp, /missing, /report.pdf,
    /empty.html, /big, /slow, /plain.txt. The request headers of each GET are recorded."""

    seen: ClassVar[list[dict[str, str]]] = []

    def log_message(self, format: str, *args: object) -> None:  # quiet
        return

    def _send(self, status: int, body: bytes, kind: str, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        self.seen.append(dict(self.headers.items()))
        path = self.path.split("?", 1)[0]
        html = "text/html; charset=utf-8"
        for prefix in ("/news/", "/gzip/"):
            if path.startswith(prefix) and path.endswith(".html"):
                name = path[len(prefix) : -len(".html")]
                if name not in PAGE_NAMES:
                    break
                body = (PAGES / f"{name}.html").read_bytes()
                if prefix == "/gzip/":
                    self._send(200, gzip.compress(body), html, Content_Encoding="gzip")
                else:
                    self._send(200, body, html)
                return
        if path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/news/river-flood.html")
            self.end_headers()
        elif path == "/to-ftp":
            self.send_response(302)
            self.send_header("Location", "ftp://127.0.0.1/river-flood.html")
            self.end_headers()
        elif path == "/report.pdf":
            self._send(200, b"%PDF-1.7\n", "application/pdf")
        elif path == "/empty.html":
            self._send(200, EMPTY_PAGE, html)
        elif path == "/big":
            self._send(200, b"<p>" + b"word " * 400_000 + b"</p>", html)
        elif path == "/plain.txt":
            text = PAGES.parent.parent.parent / "question_banks" / "japan-korea-summit-2025.txt"
            self._send(200, text.read_bytes(), "text/plain; charset=utf-8")
        elif path == "/slow":
            self.send_response(200)
            self.send_header("Content-Type", html)
            self.end_headers()
            try:
                for _ in range(50):
                    self.wfile.write(b"<p>slow</p>")
                    self.wfile.flush()
                    time.sleep(0.2)
            except OSError:
                pass
        else:
            self._send(404, b"not here", "text/plain")


@contextmanager
def serving() -> Iterator[str]:
    """The server's base URL (http://127.0.0.1:PORT) while the block runs."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


#: Put on PYTHONPATH as sitecustomize.py: every socket connection but to the loopback fails,
#: so a subprocess run proves the command reaches nothing else (trafilatura included).
LOOPBACK_ONLY = """\
import socket

_connect = socket.socket.connect
_getaddrinfo = socket.getaddrinfo
_LOCAL = ("127.0.0.1", "::1", "localhost")


def _guard(address):
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(host, (bytes, str)) and str(host) not in _LOCAL and not str(host).startswith("/"):
        raise OSError(f"test guard: no network outside the loopback ({host})")


def connect(self, address):
    _guard(address)
    return _connect(self, address)


def getaddrinfo(host, *args, **kwargs):
    if host is not None:
        _guard((host,))
    return _getaddrinfo(host, *args, **kwargs)


socket.socket.connect = connect
socket.getaddrinfo = getaddrinfo
"""
