"""Page weight of a built portal: HTML bytes per page type, and what a cold
first visit transfers in Chromium.

- ``html_weights``: raw and gzip (level 6, as bench/serving.py compresses)
  bytes of every page's HTML, grouped by page type;
- ``cold_visits``: each representative page opened in a fresh Chromium
  context (empty cache) from a compressing loopback server; every request is
  counted with the bytes on the wire (Chrome's encodedDataLength: headers plus
  compressed body), foreign hosts and search-index requests are listed.
"""

from __future__ import annotations

import gzip
import statistics
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

from portal_ekspor.repository import RESERVED_SLUGS

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
MOBILE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75, "is_mobile": True, "has_touch": True}
PAGE_TYPES = ("home", "module", "directory", "profile", "listing", "statistics")
SEARCH_MARKERS = ("/cari/", "pagefind", "search_index", "/search/")


def page_type(rel: str) -> str | None:
    """The page type of a built file path relative to the site, e.g. alumni/x/index.html -> profile."""
    parts = rel.split("/")
    if parts[-1] != "index.html":
        return None
    parts = parts[:-1]
    if not parts:
        return "home"
    if parts[0] == "modul" and len(parts) == 3:
        return "module"
    if parts == ["statistik"]:
        return "statistics"
    if parts[0] == "alumni":
        if len(parts) == 1 or parts[1] == "daftar":
            return "directory"
        if parts[1] in RESERVED_SLUGS:
            return "listing"
        if len(parts) == 2:
            return "profile"
    return None


def representative_pages(site: Path) -> dict[str, str]:
    """One URL path per page type: the largest module (the worst case), else the first of its kind in sorted order."""
    def first(pattern: str, kind: str) -> str | None:
        for path in sorted(site.glob(pattern)):
            rel = path.relative_to(site).as_posix()
            if page_type(rel) == kind:
                return rel[: -len("index.html")]
        return None

    modules = sorted(site.glob("modul/*/*/index.html"), key=lambda p: (-p.stat().st_size, p.as_posix()))
    module = modules[0].relative_to(site).as_posix()[: -len("index.html")] if modules else None
    pages = {"home": "", "module": module, "directory": "alumni/",
             "profile": first("alumni/*/index.html", "profile"), "listing": first("alumni/provinsi/*/index.html", "listing"),
             "statistics": "statistik/"}
    return {k: v for k, v in pages.items() if v is not None}


GZIP_SAMPLE = 1000
"""Pages gzipped per type: every page's raw size is counted, but compressing all
45,000 pages of a 20,000-alumni site took many minutes of a shared machine."""


def html_weights(site: Path) -> dict[str, dict]:
    """Raw sizes of every page of each type; gzip sizes of an evenly spread sample
    (at most GZIP_SAMPLE a type, always including the largest page)."""
    paths: dict[str, list[tuple[int, Path]]] = {k: [] for k in PAGE_TYPES}
    for path in sorted(site.rglob("index.html")):
        kind = page_type(path.relative_to(site).as_posix())
        if kind is not None:
            paths[kind].append((path.stat().st_size, path))
    out = {}
    for kind, values in paths.items():
        if not values:
            continue
        raw = [r for r, _ in values]
        step = max(1, len(values) // GZIP_SAMPLE)
        sample = values[::step] + [max(values)]
        gz = [len(gzip.compress(p.read_bytes(), compresslevel=6, mtime=0)) for _, p in sample]
        out[kind] = {"count": len(values), "raw_median": statistics.median(raw), "raw_max": max(raw),
                     "gzip_median": statistics.median(gz), "gzip_max": max(gz), "gzip_sampled": len(sample)}
    return out


class _Text(HTMLParser):
    """Visible words inside the page's main article (hidden subtrees, scripts and styles skipped)."""

    VOID = {"br", "img", "input", "meta", "link", "hr", "wbr", "source", "area", "col", "embed", "track"}

    def __init__(self):
        super().__init__()
        self.depth = 0  # inside <article class="md-content__inner">
        self.skip = 0
        self.stack: list[bool] = []
        self.words = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        attrs = dict(attrs)
        if not self.depth and tag == "article" and "md-content__inner" in (attrs.get("class") or ""):
            self.depth = 1
            self.stack = [False]
            return
        if self.depth:
            hide = "hidden" in attrs or tag in ("script", "style", "svg")
            self.stack.append(hide)
            self.skip += hide

    def handle_endtag(self, tag):
        if self.depth and tag not in self.VOID and self.stack:
            self.skip -= self.stack.pop()
            if not self.stack:
                self.depth = 0

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.words += len(data.split())


def visible_words(html_file: Path) -> int:
    parser = _Text()
    parser.feed(html_file.read_text(encoding="utf-8"))
    return parser.words


def mean_words(files: list[Path]) -> float:
    return statistics.mean(visible_words(f) for f in files) if files else 0.0


def cold_visits(base_url: str, pages: dict[str, str]) -> dict[str, dict]:
    from playwright.sync_api import sync_playwright

    origin = urlparse(base_url)
    results = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            for kind, path in pages.items():
                context = browser.new_context(**MOBILE)
                page = context.new_page()
                cdp = context.new_cdp_session(page)
                cdp.send("Network.enable")
                cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
                requests: dict[str, dict] = {}

                def sent(e, requests=requests):
                    requests.setdefault(e["requestId"], {"url": e["request"]["url"], "bytes": 0, "type": e.get("type", "")})

                def finished(e, requests=requests):
                    if e["requestId"] in requests:
                        requests[e["requestId"]]["bytes"] = int(e["encodedDataLength"])

                def received(e, requests=requests):
                    r = requests.get(e["requestId"])
                    if r is not None:
                        r["status"] = e["response"]["status"]
                        r["encoding"] = e["response"]["headers"].get("Content-Encoding") or \
                            e["response"]["headers"].get("content-encoding") or ""

                cdp.on("Network.requestWillBeSent", sent)
                cdp.on("Network.loadingFinished", finished)
                cdp.on("Network.responseReceived", received)
                page.goto(base_url + path, wait_until="load")
                page.wait_for_load_state("networkidle")
                page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
                page.wait_for_timeout(1000)
                page.wait_for_load_state("networkidle")
                listed = [r for r in requests.values() if not r["url"].startswith(("data:", "blob:"))]
                foreign = [r["url"] for r in listed if urlparse(r["url"]).netloc != origin.netloc]
                search = [r["url"] for r in listed if any(m in urlparse(r["url"]).path for m in SEARCH_MARKERS)]
                results[kind] = {
                    "path": "/" + path, "requests": len(listed), "bytes": sum(r["bytes"] for r in listed),
                    "foreign": foreign, "search": search,
                    "uncompressed_text": [r["url"] for r in listed if not r.get("encoding") and
                                          r["url"].rsplit("?", 1)[0].endswith((".html", "/", ".css", ".js", ".json", ".svg"))],
                    "files": sorted(((r["url"].replace(base_url, "/"), r["bytes"]) for r in listed), key=lambda x: -x[1]),
                }
                context.close()
        finally:
            browser.close()
    return results
