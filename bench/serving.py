"""A loopback static server that gzips text responses, like a real host would.

Benchmarks measure what a phone downloads, so responses are compressed the
way nginx serves the site (see deploy/), and every request is counted.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import threading
from contextlib import contextmanager
from pathlib import Path

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv", ".mjs")


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    log: list | None = None

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix in COMPRESSIBLE and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
            if self.log is not None:
                self.log.append((self.path, len(body)))
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return _Body(body)
        if self.log is not None and path.is_file():
            self.log.append((self.path, path.stat().st_size))
        return super().send_head()


class _Body:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, *_):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


@contextmanager
def serve_compressed(folder: Path, log: list | None = None):
    """Serve ``folder``; with ``log``, every response body sent is appended as (path, bytes),
    including what a web worker fetches, which the browser's page events do not show."""
    handler = functools.partial(type("_Logged", (_Handler,), {"log": log}), directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
