"""Recall@5 of the portal search on an Indonesian evaluation set, per engine.

Builds the bundled sample portal twice in the same run: as shipped (Pagefind,
with and without the corpus root forms) and with Material's own lunr search
(`plugins: [search]`, which has no Indonesian and falls back to English), then
runs every query of bench/search/kueri.yml in headless Chromium and prints
recall@5 overall and per kind of query. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from bench.serving import serve_compressed
from bench.settings import set_portal_settings

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
PARTS = ("mkdocs.yml", "docs", "data", "hooks", "overrides")

PAGEFIND_PLAIN = """async (q) => {
  const pf = await import(new URL('cari/pagefind.js', location.href).href);
  await pf.options({baseUrl: '/'});
  const r = await pf.search(q);
  const data = await Promise.all(r.results.slice(0, 5).map(x => x.data()));
  return data.map(d => d.url);
}"""

PAGEFIND_ROOTS = """async (q) => {
  const r = await window.PortalCari.search(q, {});
  const data = await Promise.all(r.results.slice(0, 5).map(x => x.data()));
  return data.map(d => d.url);
}"""

LUNR = """async ([q, worker]) => {
  if (!window.__lunr) {
    const index = await (await fetch('search/search_index.json')).json();
    const w = new Worker(worker);
    window.__lunr = {w, ready: new Promise(res => w.addEventListener('message', e => { if (e.data.type === 1) res(); }))};
    w.postMessage({type: 0, data: {...index, options: {suggest: false}}});
    await window.__lunr.ready;
  }
  const w = window.__lunr.w;
  return await new Promise(res => {
    const on = (e) => { if (e.data.type === 3) { w.removeEventListener('message', on); res(e.data.data.items.slice(0, 5).map(i => i[0].location)); } };
    w.addEventListener('message', on);
    w.postMessage({type: 2, data: q});
  });
}"""


def build(target: Path, *, material_search: bool, roots: bool = True) -> Path:
    target.mkdir(parents=True)
    for part in PARTS:
        src = ROOT / part
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, target / part)
    if material_search:
        config = target / "mkdocs.yml"
        config.write_text(config.read_text().replace("plugins: []", "plugins:\n  - search"))
    set_portal_settings(target / "mkdocs.yml", halaman_ringkas=not material_search, akar_pencarian=roots)
    site = target / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=target, env=env, check=True)
    return site


def normalise(url: str) -> str:
    url = re.sub(r"^https?://[^/]+/", "", url).lstrip("/")
    url = url.split("#")[0]
    return url.replace("index.html", "")


def recall(found: list[str], expected: list[str]) -> float:
    got = {normalise(u) for u in found[:5]}
    return len(got & set(expected)) / min(len(expected), 5)


def run(queries: list[dict]) -> dict[str, dict[str, float]]:
    from playwright.sync_api import sync_playwright

    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        portal_site = build(Path(tmp) / "portal", material_search=False)
        snowball_site = build(Path(tmp) / "snowball", material_search=False, roots=False)
        lunr_site = build(Path(tmp) / "lunr", material_search=True)
        worker = next((lunr_site / "assets" / "javascripts" / "workers").glob("search.*.min.js")).relative_to(lunr_site)
        with (sync_playwright() as pw, serve_compressed(portal_site) as portal_url,
              serve_compressed(snowball_site) as snowball_url, serve_compressed(lunr_site) as lunr_url):
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            engines = {
                "material-lunr": (lunr_url, LUNR, True),
                "pagefind (snowball)": (snowball_url, PAGEFIND_PLAIN, False),
                "pagefind + akar kata": (portal_url, PAGEFIND_ROOTS, False),
            }
            for name, (url, script, needs_worker) in engines.items():
                page = browser.new_page()
                page.goto(url, wait_until="networkidle")
                scores = []
                for item in queries:
                    arg = [item["q"], str(worker)] if needs_worker else item["q"]
                    found = page.evaluate(script, arg)
                    scores.append((item, recall(found, item["harap"]), found))
                results[name] = scores
                page.close()
            browser.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description="Recall@5 pencarian pada set kueri bahasa Indonesia.")
    parser.add_argument("--kueri", type=Path, default=ROOT / "bench" / "search" / "kueri.yml")
    parser.add_argument("--rinci", action="store_true", help="cetak kueri yang gagal")
    args = parser.parse_args()
    queries = yaml.safe_load(args.kueri.read_text(encoding="utf-8"))
    results = run(queries)
    kinds = sorted({q["jenis"] for q in queries})
    header = f"{'mesin':<24}{'semua':>8}" + "".join(f"{k:>10}" for k in kinds)
    print(f"{len(queries)} kueri; recall@5 (rata-rata)")
    print(header)
    for name, scores in results.items():
        overall = statistics.mean(s for _, s, _ in scores)
        per = [statistics.mean(s for q, s, _ in scores if q["jenis"] == k) for k in kinds]
        print(f"{name:<24}{overall:>8.2f}" + "".join(f"{p:>10.2f}" for p in per))
    if args.rinci:
        for name, scores in results.items():
            for q, s, found in scores:
                if s < 1:
                    print(f"[{name}] {q['q']!r}: {s:.2f} -> {[normalise(u) for u in found]}")
    print(json.dumps({n: round(statistics.mean(s for _, s, _ in sc), 3) for n, sc in results.items()}))


if __name__ == "__main__":
    main()
