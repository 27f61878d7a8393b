"""What a phone downloads to search, at 5,000 and 20,000 generated profiles.

For each size: generate a portal, build it, serve it gzip-compressed on
loopback, open a module page cold in Chromium and check that nothing search-
related was fetched; then type a typical query into the header box and sum
the compressed bytes of every request made until the first results show, and
the time that took. Baseline in the same run: the size of the single index
Material's own search would fetch on that cold visit (search_index.json,
gzipped, built by Material's plugin over the same pages). Prints figures.
"""

from __future__ import annotations

import argparse
import gzip
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.generate import generate
from bench.serving import serve_compressed
from bench.settings import set_portal_settings

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
QUERIES = ("kopi robusta", "rendang", "pengemasan")


def build(folder: Path, site: Path, *, material_search: bool = False) -> float:
    if material_search:
        config = folder / "mkdocs.yml"
        config.write_text(config.read_text().replace("plugins: []", "plugins:\n  - search"))
    set_portal_settings(folder / "mkdocs.yml", halaman_ringkas=not material_search)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=folder, env=env, check=True)
    return time.perf_counter() - started


def measure(site: Path, query: str) -> dict:
    from playwright.sync_api import sync_playwright

    with serve_compressed(site) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        requests = []
        page.on("requestfinished", lambda r: requests.append(r))
        module = next(site.glob("modul/*/*/index.html"), site / "index.html")
        page.goto(url + module.parent.relative_to(site).as_posix() + "/", wait_until="networkidle")
        cold = [r.url for r in requests]
        cold_search = [u for u in cold if "/cari/" in u or "search_index" in u]
        before = len(requests)
        page.locator("#pe-search-input").focus()
        started = time.perf_counter()
        page.keyboard.type(query)
        page.wait_for_selector("#pe-search-results li", timeout=60000)
        elapsed = time.perf_counter() - started
        page.wait_for_load_state("networkidle")
        after = requests[before:]
        transferred = sum(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"] for r in after)
        foreign = [r.url for r in requests if not r.url.startswith(url)]
        browser.close()
    return {"cold_search_requests": cold_search, "bytes": transferred, "requests": len(after), "seconds": elapsed,
            "foreign": foreign}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--alumni", type=int, nargs="+", default=[5000, 20000])
    parser.add_argument("--tanpa-material", action="store_true", help="lewati pembanding indeks Material")
    args = parser.parse_args()
    for n in args.alumni:
        with tempfile.TemporaryDirectory() as tmp:
            folder = generate(Path(tmp) / "portal", n)
            site = Path(tmp) / "site"
            seconds = build(folder, site)
            print(f"\n{n} alumni: build {seconds:.1f} s")
            for q in QUERIES:
                m = measure(site, q)
                print(f"  kueri {q!r}: {m['bytes'] / 1024:.1f} KB terkompresi dalam {m['requests']} permintaan, "
                      f"hasil pertama {m['seconds'] * 1000:.0f} ms; indeks dimuat saat kunjungan dingin: "
                      f"{len(m['cold_search_requests'])}; host lain: {len(m['foreign'])}")
            if not args.tanpa_material:
                lunr_site = Path(tmp) / "lunr"
                build(folder, lunr_site, material_search=True)
                raw = (lunr_site / "search" / "search_index.json").read_bytes()
                print(f"  pembanding Material (lunr): search_index.json {len(raw) / 1024 / 1024:.1f} MB, "
                      f"{len(gzip.compress(raw, 6)) / 1024:.0f} KB gzip, dimuat pada setiap kunjungan dingin")


if __name__ == "__main__":
    main()
