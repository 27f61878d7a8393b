"""Playwright driving Debian's Chromium against a built site on loopback."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.serving import serve_compressed  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]


serve = serve_compressed
"""Serves a built site on loopback, gzip-compressed like a real host (shared with bench/)."""


class PageWatch:
    """Records every request, console error and dialog a page produces."""

    def __init__(self, page, origin: str):
        self.page = page
        self.origin = origin.rstrip("/")
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)

        def on_dialog(d):
            self.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", on_dialog)

    @property
    def foreign(self) -> list[str]:
        return [u for u in self.requests if not (u.startswith(self.origin) or u.startswith("data:") or u.startswith("blob:"))]


SEARCH_SETTLED = """(() => {
  const status = document.getElementById('pe-search-status');
  return status.hasAttribute('data-pe-query')
    && status.dataset.peQuery === document.getElementById('pe-search-input').value.trim();
})()"""
"""The header search has finished the query its box holds (cari.js names it on the status)."""


def search_links(page, query: str) -> list[str]:
    """Enters `query` in the open header search as one input event and returns the
    result links once that very query has finished (never an earlier one's)."""
    page.fill("#pe-search-input", "")
    page.wait_for_function("!document.getElementById('pe-search-status').hasAttribute('data-pe-query')")
    page.fill("#pe-search-input", query)
    page.wait_for_function(SEARCH_SETTLED)
    return page.locator("#pe-search-results a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
