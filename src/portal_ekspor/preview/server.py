"""The preview's web server: files of the newest complete build, never a half-built one.

MkDocs' own server holds every request while a rebuild runs, which at 20,000
alumni means a saved profile waits for the whole site. Here each full build
goes into a fresh folder and is switched in when complete, so requests are
answered at once from the last complete build — whose profile folders are
shared with the quick path and so already show a saved profile.
"""

from __future__ import annotations

import mimetypes
import posixpath
import urllib.parse
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable

from .status import STATUS_PATH, PreviewStatus, decorate

WAITING_PAGE = """<!doctype html><html lang="id"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>Pratinjau sedang dibangun</title></head>
<body><main style="font:1rem/1.5 sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem">
<h1>Pratinjau sedang dibangun…</h1><p>Halaman ini memuat ulang sendiri begitu situs pratinjau siap.</p></main></body></html>"""

_TYPES = {".js": "text/javascript", ".mjs": "text/javascript", ".css": "text/css", ".json": "application/json",
          ".svg": "image/svg+xml", ".webmanifest": "application/manifest+json", ".woff2": "font/woff2",
          ".xml": "application/xml", ".gz": "application/gzip", ".wasm": "application/wasm"}


def content_type(path: Path) -> str:
    if path.suffix == ".html":
        return "text/html; charset=utf-8"
    return _TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], site: Callable[[], Path | None], status: PreviewStatus):
        super().__init__(address, _Handler)
        self.site = site
        """The folder of the newest complete build (None before the first one)."""
        self.status = status


class _Handler(BaseHTTPRequestHandler):
    server: PreviewServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # noqa: A002 - quiet: the terminal is for staff messages
        pass

    def do_HEAD(self):  # noqa: N802
        self._answer(head=True)

    def do_GET(self):  # noqa: N802
        self._answer(head=False)

    def _answer(self, head: bool) -> None:
        path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        snapshot = self.server.status.snapshot()
        if path == STATUS_PATH:
            return self._send(HTTPStatus.OK, "application/json", snapshot.json(), head)
        site = self.server.site()
        if site is None:
            return self._send(HTTPStatus.SERVICE_UNAVAILABLE, "text/html; charset=utf-8",
                              decorate(WAITING_PAGE.encode(), snapshot), head)
        rel = posixpath.normpath("/" + path).lstrip("/")
        target = site / rel if rel not in ("", ".") else site
        if target.is_dir():
            if not path.endswith("/"):
                return self._redirect(path + "/")
            target = target / "index.html"
        status = HTTPStatus.OK
        if not target.is_file():
            status, target = HTTPStatus.NOT_FOUND, site / "404.html"
        try:
            data = target.read_bytes()
        except OSError:
            return self._send(HTTPStatus.NOT_FOUND, "text/plain; charset=utf-8", b"404 Tidak ditemukan", head)
        kind = content_type(target)
        if kind.startswith("text/html"):
            data = decorate(data, snapshot)
        self._send(status, kind, data, head)

    def _redirect(self, location: str) -> None:
        self.send_response(HTTPStatus.FOUND)
        self.send_header("Location", urllib.parse.quote(location))
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send(self, status: HTTPStatus, kind: str, data: bytes, head: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")  # a preview tab never shows an old copy
        self.end_headers()
        if not head:
            self.wfile.write(data)
