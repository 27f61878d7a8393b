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


def build(target: Path, *, material_search: bool, roots: bool = True, prebuilt: bool = False) -> Path:
    if not prebuilt:
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


class Judge:
    """With generated profiles beside the sample ones, a generated profile is as
    good an answer as an expected sample profile when it sells the same product
    (a product word within two letters of a query word) and, when the query
    names a place, lies in the same province; for a query naming only a
    regency ("Kabupaten Agam"), any profile in that regency is as good."""

    def __init__(self, portal: Path):
        import yaml

        self.records = {}
        for path in (portal / "data" / "alumni").glob("*.yml"):
            rec = yaml.safe_load(path.read_text(encoding="utf-8"))
            if rec["persetujuan"]["profil_publik"]:
                self.records[path.stem] = rec

    @staticmethod
    def _words(text: str) -> set[str]:
        return {w for w in re.findall(r"[a-z]+", text.lower()) if len(w) >= 4}

    def _products(self, slug: str) -> set[str]:
        rec = self.records.get(slug)
        return self._words(" ".join(p["nama"] for p in rec["produk"])) if rec else set()

    def equivalent(self, slug: str, expected: list[str], item: dict) -> bool:
        if not slug.startswith("alumni-"):
            return False
        query = self._words(item["q"])
        gen = self.records.get(slug)
        if gen is None:
            return False
        for url in expected:
            other = url.split("/")[1] if url.startswith("alumni/") else None
            if other not in self.records:
                continue
            regency = self._words(self.records[other]["kabupaten_kota"]) - {"kabupaten", "kota"}
            if (item["jenis"] == "tempat" and regency and regency <= query
                    and gen["kabupaten_kota"] == self.records[other]["kabupaten_kota"]):
                return True
            shared = self._products(slug) & self._products(other)
            if not any(_close(w, q) for w in shared for q in query):
                continue
            if item["jenis"] in PLACE_KINDS and gen["provinsi"] != self.records[other]["provinsi"]:
                continue
            return True
        return False


PLACE_KINDS = {"produkprov", "julukan", "tempat", "frasa"}


def _close(a: str, b: str) -> bool:
    """Edit distance (with transpositions) of at most two."""
    if abs(len(a) - len(b)) > 2:
        return False
    prev2, prev = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if prev2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1] <= 2


def recall(found: list[str], expected: list[str], judge: Judge | None = None, item: dict | None = None) -> float:
    got = [normalise(u) for u in found[:5]]
    hits = len(set(got) & set(expected))
    if judge is not None:
        hits += sum(1 for u in dict.fromkeys(got) if u not in expected and u.startswith("alumni/")
                    and judge.equivalent(u.split("/")[1], expected, item))
    return min(hits, min(len(expected), 5)) / min(len(expected), 5)


ENGINES = ("material-lunr", "pagefind (snowball)", "pagefind + akar kata")


def add_generated(target: Path, alumni: int) -> None:
    """Put ``alumni`` generated profiles (bench/generate.py) beside the sample ones."""
    from bench.generate import generate

    with tempfile.TemporaryDirectory() as tmp:
        made = generate(Path(tmp) / "gen", alumni)
        for path in sorted((made / "data" / "alumni").glob("*.yml")):
            shutil.copy2(path, target / "data" / "alumni" / path.name)


def copy_portal(target: Path, alumni: int = 0) -> Path:
    """The sample portal copied to ``target``, with ``alumni`` generated profiles beside it."""
    target.mkdir(parents=True)
    for part in PARTS:
        src = ROOT / part
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, target / part)
    if alumni:
        add_generated(target, alumni)
    return target


def evaluate(browser, site_dir: Path, queries: list[dict], script: str = PAGEFIND_ROOTS, judge: Judge | None = None,
             worker: str | None = None) -> list[tuple[dict, float, list[str]]]:
    """Every query on a built site served compressed: (query, recall@5, first five URLs)."""
    scores = []
    with serve_compressed(site_dir) as url:
        page = browser.new_page()
        page.goto(url, wait_until="networkidle")
        for item in queries:
            found = page.evaluate(script, [item["q"], worker] if worker else item["q"])
            scores.append((item, recall(found, item["harap"], judge, item), found))
        page.close()
    return scores


def launch(pw):
    return pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)


def run(queries: list[dict], engines: tuple[str, ...] = ENGINES, alumni: int = 0,
) -> dict[str, list]:
    from playwright.sync_api import sync_playwright

    results: dict[str, list] = {}
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)

        def site(name: str, **kw) -> Path:
            return build(copy_portal(base / name, alumni), prebuilt=True, **kw)

        plan = {
            "material-lunr": lambda: (site("lunr", material_search=True), LUNR, True),
            "pagefind (snowball)": lambda: (site("snowball", material_search=False, roots=False), PAGEFIND_PLAIN, False),
            "pagefind + akar kata": lambda: (site("portal", material_search=False), PAGEFIND_ROOTS, False),
        }
        built = {name: plan[name]() for name in engines}
        with sync_playwright() as pw:
            browser = launch(pw)
            for name, (site_dir, script, needs_worker) in built.items():
                worker = None
                if needs_worker:
                    worker = str(next((site_dir / "assets" / "javascripts" / "workers").glob("search.*.min.js")).relative_to(site_dir))
                judge = Judge(site_dir.parent) if alumni else None
                results[name] = evaluate(browser, site_dir, queries, script, judge, worker)
            browser.close()
    return results


def report(results: dict[str, list], queries: list[dict], title: str, detail: bool = False) -> None:
    kinds = sorted({q["jenis"] for q in queries})
    print(f"{len(queries)} kueri; recall@5 (rata-rata); {title}")
    print(f"{'mesin':<24}{'semua':>8}" + "".join(f"{k:>11}" for k in kinds))
    for name, scores in results.items():
        overall = statistics.mean(s for _, s, _ in scores)
        per = [statistics.mean(s for q, s, _ in scores if q["jenis"] == k) for k in kinds]
        print(f"{name:<24}{overall:>8.2f}" + "".join(f"{p:>11.2f}" for p in per))
    if detail:
        for name, scores in results.items():
            for q, s, found in scores:
                if s < 1:
                    print(f"[{name}] {q['q']!r}: {s:.2f} -> {[normalise(u) for u in found]}")
    print(json.dumps({n: round(statistics.mean(s for _, s, _ in sc), 3) for n, sc in results.items()}))


def main() -> None:
    parser = argparse.ArgumentParser(description="Recall@5 pencarian pada set kueri bahasa Indonesia.")
    parser.add_argument("--kueri", type=Path, default=ROOT / "bench" / "search" / "kueri.yml")
    parser.add_argument("--rinci", action="store_true", help="cetak kueri yang gagal")
    parser.add_argument("--mesin", action="append", choices=ENGINES, help="hanya mesin ini (boleh diulang)")
    parser.add_argument("--alumni", type=int, default=0,
                        help="tambahkan N profil buatan bench/generate.py di samping profil contoh")
    args = parser.parse_args()
    queries = yaml.safe_load(args.kueri.read_text(encoding="utf-8"))
    results = run(queries, tuple(args.mesin or ENGINES), args.alumni)
    extra = f" + {args.alumni} profil buatan" if args.alumni else ""
    report(results, queries, f"portal contoh{extra}", args.rinci)


if __name__ == "__main__":
    main()
