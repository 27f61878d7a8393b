"""What a phone downloads to search, at 5,000 and 20,000 generated profiles.

For each size: generate a portal, build it, serve it gzip-compressed on
loopback, open a module page cold in Chromium and check that nothing search-
related was fetched; then type a typical query into the header box and sum
the compressed bytes of every request made until the first results show, and
the time that took, split by kind of file (Pagefind's entry and wasm, index
chunks, fragments, the portal's query files). The last query has a typo, so it
also pays for the correction list. Baseline in the same run: the size of the
single index Material's own search would fetch on that cold visit
(search_index.json, gzipped, built by Material's plugin over the same pages).
With ``--kueri`` the evaluation set (bench/search/kueri.yml) runs on the same
build: recall@5 per kind of query, and how often a topic query (one answered
by modules) has a module first. Prints figures.
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

from bench.search_eval import ROOT, copy_portal
from bench.serving import serve_compressed
from bench.settings import set_portal_settings

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
# The last six need a correction: two letters wrong (sertfikai, fumigsai), a long
# word (korespodensy), the first letter left out or wrong (egosiasi, bembayaran).
QUERIES = ("kopi robusta", "rendang", "pengemasan", "pengemasn", "sertfikai halal", "korespodensy",
           "egosiasi", "bembayaran", "fumigsai kayu")
KINDS = (("entri", ("pagefind.js", "pagefind-entry.json", "pagefind-worker", "bagian.json")), ("wasm", (".pagefind",)),
         ("indeks", (".pf_index",)), ("meta", (".pf_meta",)), ("filter", (".pf_filter",)),
         ("fragmen", (".pf_fragment",)), ("akar+sinonim", ("akar.json", "sinonim.json")))


def kind_of(url: str) -> str:
    if "/cari/kata/" in url:
        return "kata"  # the typo word list's files (portal_ekspor.search.vocabulary)
    name = url.split("?")[0].rsplit("/", 1)[-1]
    return next((kind for kind, marks in KINDS if any(m in name for m in marks)), "lain")


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

    served: list[tuple[str, int]] = []
    with serve_compressed(site, served) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        requests = []
        page.on("requestfinished", lambda r: requests.append(r))
        module = next(site.glob("modul/*/*/index.html"), site / "index.html")
        page.goto(url + module.parent.relative_to(site).as_posix() + "/", wait_until="networkidle")
        cold = [r.url for r in requests]
        cold_search = [u for u in cold if "/cari/" in u or "search_index" in u]
        before = len(requests)
        served_before = len(served)
        page.locator("#pe-search-input").focus()
        started = time.perf_counter()
        page.fill("#pe-search-input", query)  # one input event: one search, not one per letter typed
        page.wait_for_selector("#pe-search-results li", timeout=60000)
        elapsed = time.perf_counter() - started
        page.wait_for_load_state("networkidle")
        # Counted where the server sends them: Pagefind fetches index chunks and
        # fragments from a web worker, whose requests the page's events miss.
        by_kind: dict[str, int] = {}
        for path, size in served[served_before:]:
            by_kind[kind_of(path)] = by_kind.get(kind_of(path), 0) + size
        foreign = [r.url for r in requests if not r.url.startswith(url)]
        browser.close()
    return {"cold_search_requests": cold_search, "bytes": sum(by_kind.values()), "requests": len(served) - served_before,
            "seconds": elapsed, "foreign": foreign, "by_kind": by_kind}


def topic_queries(site: Path, portal: Path) -> None:
    """The evaluation set on this build; topic queries: those answered by modules only."""
    import yaml
    from playwright.sync_api import sync_playwright

    from bench.search_eval import Judge, evaluate, launch, normalise, report

    queries = yaml.safe_load((ROOT / "bench" / "search" / "kueri.yml").read_text(encoding="utf-8"))
    with sync_playwright() as pw:
        browser = launch(pw)
        scores = evaluate(browser, site, queries, judge=Judge(portal))
        browser.close()
    report({"pagefind + akar kata": scores}, queries, f"{portal.name}", detail=True)
    topic = [(q, found) for q, _, found in scores if all(u.startswith("modul/") for u in q["harap"])]
    first = sum(1 for q, found in topic if found and normalise(found[0]).startswith("modul/"))
    expected_first = sum(1 for q, found in topic if found and normalise(found[0]) in q["harap"])
    print(f"  kueri topik (jawabannya modul): {len(topic)}; hasil pertama sebuah modul: {first}; "
          f"hasil pertama modul yang diharapkan: {expected_first}")


def search_bytes(m: dict) -> int:
    return sum(v for k, v in m["by_kind"].items() if k != "lain")


def report_site(site: Path, portal: Path | None) -> None:
    for q in QUERIES:
        m = measure(site, q)
        print(f"  kueri {q!r}: {m['bytes'] / 1024:.1f} KB terkompresi dalam {m['requests']} permintaan, "
              f"hasil pertama {m['seconds'] * 1000:.0f} ms; indeks dimuat saat kunjungan dingin: "
              f"{len(m['cold_search_requests'])}; host lain: {len(m['foreign'])}; untuk pencarian (tanpa 'lain': "
              f"halaman dan aset yang disimpan pekerja luring di latar) {search_bytes(m) / 1024:.1f} KB")
        print("    " + ", ".join(f"{k} {v / 1024:.1f} KB" for k, v in sorted(m["by_kind"].items(), key=lambda kv: -kv[1])))
    if portal is not None:
        topic_queries(site, portal)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--alumni", type=int, nargs="+", default=[5000, 20000])
    parser.add_argument("--tanpa-material", action="store_true", help="lewati pembanding indeks Material")
    parser.add_argument("--kueri", action="store_true",
                        help="jalankan juga set kueri bench/search/kueri.yml pada build yang sama")
    parser.add_argument("--situs", type=Path, help="ukur situs yang sudah dibangun ini (lewati pembuatan dan build)")
    parser.add_argument("--portal", type=Path, help="dengan --situs dan --kueri: folder proyeknya (data/alumni)")
    args = parser.parse_args()
    if args.situs:
        report_site(args.situs, args.portal if args.kueri else None)
        return
    for n in args.alumni:
        with tempfile.TemporaryDirectory() as tmp:
            # The sample portal plus n generated profiles, as bench/search_eval.py builds it.
            folder = copy_portal(Path(tmp) / "portal", n)
            site = Path(tmp) / "site"
            seconds = build(folder, site)
            print(f"\n{n} alumni buatan + portal contoh: build {seconds:.1f} s")
            report_site(site, folder if args.kueri else None)
            if not args.tanpa_material:
                lunr_site = Path(tmp) / "lunr"
                build(folder, lunr_site, material_search=True)
                raw = (lunr_site / "search" / "search_index.json").read_bytes()
                print(f"  pembanding Material (lunr): search_index.json {len(raw) / 1024 / 1024:.1f} MB, "
                      f"{len(gzip.compress(raw, 6)) / 1024:.0f} KB gzip, dimuat pada setiap kunjungan dingin")


if __name__ == "__main__":
    main()
