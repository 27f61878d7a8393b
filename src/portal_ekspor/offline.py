"""What the service worker keeps for offline reading, decided at build time.

Participants read between coaching sessions where the signal drops, so the
whole curriculum (every module, the module index, the glossary, the program
pages and the home page, with the styles and scripts they load) is cached by
docs/sw.js after the first page is idle. The list is taken from the built HTML,
so it always names the hashed Material assets of this very build.

Each release gets its own version: a hash of every file the release serves.
The service worker names its cache after it and deletes older caches when it
takes over, so a new release replaces the offline copy whole, and a page a
release no longer contains (a profile taken down, a renamed module) is gone
from visitors' phones on their next visit online.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from .published import PreviousSite, file_entry

SERVICE_WORKER = "sw.js"
OFFLINE_PAGE = "offline/"
MARKER = re.compile(r"^var OFFLINE = .*?; // portal:offline$", re.M)

_REFERENCE = re.compile(
    r"""<(?:link\b[^>]*\brel="(?:stylesheet|icon|modulepreload)"[^>]*\bhref|script\b[^>]*\bsrc|img\b[^>]*\bsrc)="([^"#?]+)""")
_DOWNLOAD = re.compile(r'<a\b[^>]*\bhref="([^"#?]+\.xlsx)"')


@dataclass(frozen=True)
class OfflinePlan:
    version: str
    core: list[str]  # the offline page and what it loads: cached when the worker installs
    precache: list[str]  # the whole curriculum: cached after the first page is idle, unless Save-Data

    def manifest(self) -> dict:
        return {"version": self.version, "fallback": OFFLINE_PAGE, "core": self.core, "precache": self.precache}


def curriculum_urls(module_urls: list[str], other_urls: list[str]) -> list[str]:
    """Home, module index, every module, then the glossary and program pages."""
    urls = ["", "modul/", *sorted(module_urls), *other_urls, OFFLINE_PAGE]
    return list(dict.fromkeys(urls))


def _page_file(site_dir: Path, url: str) -> Path:
    return site_dir / url / "index.html" if url == "" or url.endswith("/") else site_dir / url


def assets_of(site_dir: Path, url: str) -> list[str]:
    """Same-site files a built page loads (styles, scripts, icons, images) and the templates it offers."""
    html = _page_file(site_dir, url).read_text(encoding="utf-8")
    page = "https://site.invalid/" + url
    found = []
    for ref in _REFERENCE.findall(html) + _DOWNLOAD.findall(html):
        absolute = urljoin(page, ref)
        parts = urlsplit(absolute)
        if parts.netloc != "site.invalid":
            continue  # another host: never cached (and never used, see test_site_browser)
        path = parts.path.lstrip("/")
        if (site_dir / path).is_file():
            found.append(path)
    return found


def plan(site_dir: Path, page_urls: list[str], previous: PreviousSite | None = None,
         hashes: dict[str, list] | None = None) -> OfflinePlan:
    """``previous`` and ``hashes`` as for :func:`release_version`."""
    pages = [u for u in page_urls if _page_file(site_dir, u).is_file()]
    core = [OFFLINE_PAGE, *assets_of(site_dir, OFFLINE_PAGE)]
    precache = list(pages)
    for url in pages:
        precache.extend(assets_of(site_dir, url))
    return OfflinePlan(release_version(site_dir, previous, hashes), list(dict.fromkeys(core)),
                       list(dict.fromkeys(precache)))


_UNSTABLE = re.compile(r"^cari/(bagian-\d+/)?(filter/.*|pagefind-entry\.json|pagefind\.[^/]*\.pf_meta)$")
"""In cari/ and in every shard of the index (cari/bagian-N/, search/shards.py)."""


def unstable_search_file(rel: str) -> bool:
    """Pagefind writes its filter and metadata indexes from hash maps, so their
    bytes differ between builds of the same content (Pagefind issue 638); what
    they describe is also in its fragments, which are stable."""
    return _UNSTABLE.match(rel) is not None


def release_version(site_dir: Path, previous: PreviousSite | None = None,
                    hashes: dict[str, list] | None = None) -> str:
    """A hash of every path and its bytes in the release, except the worker
    itself and Pagefind's unstable files: the same content gets the same
    version, so rebuilding does not make every phone download again.

    A file hard-linked from the ``previous`` published site is not read again:
    its hash is the one recorded then (published.py). ``hashes``, when given,
    receives every file's manifest entry for the next build."""
    digest = hashlib.sha256()
    for root, dirs, files in os.walk(site_dir):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(root, name)
            rel = os.path.relpath(path, site_dir).replace(os.sep, "/")
            if rel == SERVICE_WORKER or unstable_search_file(rel):
                continue
            try:
                st = os.stat(path)
            except FileNotFoundError:  # a dangling link: the preview's search index is still being built
                continue
            if not stat.S_ISREG(st.st_mode):
                continue
            sha = previous.known_hash(rel, st) if previous is not None else None
            if sha is None:
                with open(path, "rb") as f:
                    sha = hashlib.sha256(f.read()).hexdigest()
            if hashes is not None:
                hashes[rel] = file_entry(st, sha)
            digest.update(rel.encode() + b"\0" + bytes.fromhex(sha))
    return digest.hexdigest()[:16]


def write_service_worker(site_dir: Path, offline: OfflinePlan) -> None:
    """Put this release's manifest into the worker copied from docs/sw.js."""
    target = site_dir / SERVICE_WORKER
    source = target.read_text(encoding="utf-8")
    line = f"var OFFLINE = {json.dumps(offline.manifest(), separators=(',', ':'))}; // portal:offline"
    if not MARKER.search(source):
        raise ValueError(f"{SERVICE_WORKER}: baris `var OFFLINE = ...; // portal:offline` tidak ditemukan")
    target.write_text(MARKER.sub(lambda _: line, source, count=1), encoding="utf-8")


def gzip_bytes(site_dir: Path, urls: list[str]) -> tuple[int, int]:
    """(raw, gzip level 6) bytes of the given files, as bench/serving.py and nginx serve them."""
    raw = packed = 0
    for url in urls:
        data = _page_file(site_dir, url).read_bytes()
        raw += len(data)
        packed += len(gzip.compress(data, compresslevel=6, mtime=0)) if not url.endswith(".xlsx") else len(data)
    return raw, packed
