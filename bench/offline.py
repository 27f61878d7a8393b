"""What offline reading costs a participant (issue 11).

Builds a synthetic portal with M modules (default 25, bench/generate.py),
then prints:
- the precache: every file docs/sw.js keeps after the first page is idle,
  raw and gzip-compressed (as nginx and bench/serving.py serve them);
- what a first visit to the home page downloads in Chromium, counted by the
  compressing loopback server (bytes of response bodies on the wire), with
  and without Save-Data, until the service worker says it is done;
- the release-version hash's cost at this size (it reads every file).

    .venv/bin/python -m bench.offline [--modul 25] [--alumni 200]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import re
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from bench.generate import generate
from bench.serving import _Handler
from bench.weight import CHROMIUM, CHROMIUM_ARGS, MOBILE
from portal_ekspor.offline import gzip_bytes, release_version
from tests.test_offline import manifest  # the one parser of sw.js's manifest line
from tests.conftest import build


IMMUTABLE = re.compile(r"^/(assets/(stylesheets|javascripts)/.+\.[0-9a-f]{8}\.min\.(css|js)|cari/(bagian-\d+/)?(fragment|index|filter)/.+|cari/(bagian-\d+/)?[^/]+\.pf_meta)$")


class _Counting(_Handler):
    """Counts body bytes sent; caching headers as deploy/nginx/portal-ekspor.conf sets them."""

    served: list[tuple[str, int]]

    def end_headers(self):
        immutable = IMMUTABLE.match(self.path.split("?")[0])
        self.send_header("Cache-Control", "public, max-age=31536000, immutable" if immutable else "public, max-age=300")
        super().end_headers()

    def send_header(self, keyword, value):
        if keyword.lower() == "content-length":
            self.served.append((self.path, int(value)))
        super().send_header(keyword, value)


@contextmanager
def counting_server(folder: Path):
    served: list[tuple[str, int]] = []
    handler = functools.partial(type("H", (_Counting,), {"served": served}), directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", served
    finally:
        server.shutdown()
        server.server_close()


def first_visit(site: Path, save_data: bool, worker: bool = True) -> tuple[int, int]:
    """(bytes, requests) the server sent for one cold visit to the home page;
    ``worker=False`` is the baseline: the same visit with service workers blocked."""
    from playwright.sync_api import sync_playwright

    with counting_server(site) as (url, served), sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(**MOBILE, locale="id-ID", service_workers="allow" if worker else "block")
        if save_data:
            context.add_init_script("Object.defineProperty(navigator, 'connection', {value: {saveData: true}, configurable: true});")
        page = context.new_page()
        if worker:
            page.goto(url)
            state = "hemat" if save_data else "siap"
            page.wait_for_function(f"document.documentElement.dataset.peLuring === '{state}'", timeout=120_000)
        else:
            page.goto(url, wait_until="networkidle")
        total, count = sum(n for _, n in served), len(served)
        browser.close()
    return total, count


def _kb(n: int) -> str:
    return f"{n / 1024:,.1f} KB"


def main() -> None:
    parser = argparse.ArgumentParser(description="Biaya membaca offline: ukuran precache dan unduhan kunjungan pertama.")
    parser.add_argument("--modul", type=int, default=25)
    parser.add_argument("--alumni", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-offline-") as tmp:
        portal = generate(Path(tmp) / "portal", args.alumni, args.modul)
        site = build(portal, Path(tmp) / "site")
        m = manifest(site)
        raw, packed = gzip_bytes(site, m["precache"])
        pages = [u for u in m["precache"] if u == "" or u.endswith("/")]
        core_raw, core_packed = gzip_bytes(site, m["core"])
        start = time.perf_counter()
        release_version(site)
        hash_seconds = time.perf_counter() - start
        files = sum(1 for p in site.rglob("*") if p.is_file())
        plain = first_visit(site, save_data=False)
        saving = first_visit(site, save_data=True)
        baseline = first_visit(site, save_data=False, worker=False)
    print(f"Portal: {args.modul} modul, {args.alumni} alumni, {files} file")
    print(f"Precache: {len(m['precache'])} file ({len(pages)} halaman): {_kb(raw)} mentah, {_kb(packed)} gzip")
    print(f"Inti (halaman offline dan asetnya, disimpan saat service worker dipasang): {_kb(core_raw)} mentah, {_kb(core_packed)} gzip")
    print(f"Dasar pembanding: beranda tanpa service worker: {_kb(baseline[0])} dalam {baseline[1]} permintaan")
    print(f"Kunjungan pertama ke beranda, tanpa Save-Data: {_kb(plain[0])} dalam {plain[1]} permintaan (halaman + seluruh kurikulum)")
    print(f"Kunjungan pertama ke beranda, dengan Save-Data: {_kb(saving[0])} dalam {saving[1]} permintaan (halaman + halaman offline)")
    print(f"Hash versi rilis: {hash_seconds:.2f} s untuk {files} file")


if __name__ == "__main__":
    main()
