"""`make bench`: build speed, memory, size and preview at scale, written to bench/RESULTS.md.

    python -m bench.run [--alumni 1000 5000 20000] [--modul M] [--pratinjau 2] [--rilis 5]
                        [--tanpa-lighthouse] [--profil auto|selalu|tidak]

For every size N it generates a synthetic portal (bench/generate.py) with N
alumni and all real modules, and from it the bare Material baseline
(bench/bare.py) with the same N + M pages as plain Markdown. In the same run it
measures (bench/measure.py): a clean `portal build` (empty build cache, English
pages on as by default) and bare Material, wall and CPU time, peak RSS of the
whole process tree sampled every 50 ms; site size, files, the en/ share and
bytes per profile page; one-file rebuilds (an alumnus edited, `portal build`
again with the cache), whose outputs are kept as releases with unchanged files
hard-linked by the server's own `share_with`, for the disk of --rilis kept
releases; and save-to-page under `mkdocs serve` (bench/preview.py). On the
largest portal it weighs every page type, opens six pages cold in Chromium
(bench/serving.py) and runs Lighthouse mobile on four; where a target is missed
(or with --profil selalu) the largest build is profiled with py-spy across all
its processes (bench/profile.py). Targets are reported, never asserted.
RESULTS.md is written after each stage; the hand-written analysis between the
`analisis` markers and any section after it survive later runs.

Work folders go to bench/out/ (git-ignored).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from importlib.metadata import version
from pathlib import Path

from bench import lighthouse
from bench.bare import write_bare
from bench.preview import measure as measure_preview
from bench.releases_disk import du
from bench.sitesize import both_units, site_figures, tree
from bench.generate import generate
from bench.measure import run_measured
from bench.profile import profile_build
from bench.serving import serve_compressed
from portal_ekspor.deploy.release import share_with

from bench.weight import PAGE_TYPES, cold_visits, html_weights, mean_words, representative_pages

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
OUT = BENCH / "out"
BIN = Path(sys.executable).parent
ANALYSIS_START, ANALYSIS_END = "<!-- analisis:mulai -->", "<!-- analisis:selesai -->"

TARGET_ALUMNI = 20000
TARGET_WALL_S = 60
TARGET_TREE_MB = 1600
TARGET_RATIO = 0.5
TARGET_REBUILD = 0.10
TARGET_SAVE_S = 3
TARGET_SITE_MB = 450
TARGET_PROFILE_KB = 12
TARGET_VISIT_KB = 250
LIGHTHOUSE_PAGES = ("home", "module", "directory", "profile")
TYPE_LABELS = {"home": "beranda", "module": "modul", "directory": "direktori", "profile": "profil",
               "listing": "daftar (listing)", "statistics": "statistik"}


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def machine() -> dict[str, str]:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    mem_kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))

    def out(cmd: list[str]) -> str:
        try:
            return subprocess.run(cmd, capture_output=True, text=True, timeout=30).stdout.strip()
        except OSError:
            return "tidak ada"

    dirty = out(["git", "-C", str(ROOT), "status", "--porcelain", "--", "src", "hooks", "overrides", "docs", "data",
                 "mkdocs.yml"])
    return {
        "tanggal": out(["date"]),
        "commit": out(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"]) + (
            f" + {len(dirty.splitlines())} file situs belum di-commit" if dirty else " (pohon kerja situs bersih)"),
        "nproc": out(["nproc"]),
        "memori": f"{mem_kb / 1024 / 1024:.1f} GiB",
        "CPU": cpu,
        "OS": out(["uname", "-sr"]),
        "Python": platform.python_version(),
        "MkDocs": version("mkdocs"),
        "Material": version("mkdocs-material"),
        "Pagefind": version("pagefind"),
        "Chromium": out(["/usr/bin/chromium", "--version"]),
        "Node": out(["node", "--version"]),
        "Lighthouse": lighthouse.version() if lighthouse.available() else "tidak terpasang",
    }


def _loadavg() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def _html_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html"))


def _modules(portal: Path) -> tuple[int, int]:
    files = [p for p in (portal / "docs" / "modul").rglob("*.md") if p.name != "index.md"]
    synthetic = sum(1 for p in files if re.search(r'^description: "Modul \w+ tentang ', p.read_text(encoding="utf-8"), re.M))
    return len(files), synthetic


def clear_cache(portal: Path) -> None:
    """Remove the portal's build cache (mkdocs.yml extra.portal.folder_cache), for a clean build."""
    shutil.rmtree(portal / ".cache" / "portal", ignore_errors=True)


def build_portal(portal: Path, site: Path, *, clean: bool = True) -> dict:
    """`portal build` measured; ``clean`` empties the build cache and the output folder first
    (a first build); otherwise it builds over the published ``site``, as staff rebuild."""
    if clean:
        clear_cache(portal)
        shutil.rmtree(site, ignore_errors=True)
    result = run_measured([str(BIN / "portal"), "--folder", str(portal), "build", "--keluaran", str(site)])
    if result["returncode"] != 0:
        sys.exit(f"portal build gagal untuk {portal}:\n{result['output']}")
    result["cleanup_s"] = wait_for_cleanup(site)
    return result


def wait_for_cleanup(site: Path) -> float:
    """Seconds until the replaced site, deleted in the background once the new one is
    published (portal_ekspor/publish.py), is gone; waited for so it does not slow the next
    measurement, and reported beside the build."""
    started = time.perf_counter()
    while list(site.parent.glob(f".{site.name}.lama-*")):
        time.sleep(0.2)
    return time.perf_counter() - started


def edit_one_alumnus(portal: Path, n: int) -> Path:
    """A visible edit of one public alumnus (its business name), as staff make it."""
    public = [p for p in sorted((portal / "data" / "alumni").glob("*.yml"))
              if "profil_publik: true" in p.read_text(encoding="utf-8")]
    record = public[(n * 7919) % len(public)]
    text = re.sub(r'(?m)^nama_usaha: ("?)(.+?)\1\s*$', rf'nama_usaha: "\2 Baru{n}"',
                  record.read_text(encoding="utf-8"), count=1)
    record.write_text(text, encoding="utf-8")
    return record


def kept_releases(portal: Path, site: Path, count: int) -> tuple[dict, list[dict]]:
    """Disk for ``count`` kept releases on a self-hosted server. ``site`` holds the first
    release (a clean build); each next one is `portal build` over it after one alumni edit
    (measured: unchanged pages are linked from the published site), kept as a release by a
    hard-link copy whose files byte-identical to the previous release are then hard-linked
    to it by the server's own ``share_with``. Returns the figures and the measured rebuilds."""
    releases, rebuilds = [_keep(site, 1)], []
    for n in range(1, count):
        edit_one_alumnus(portal, n)
        rebuilds.append(build_portal(portal, site, clean=False))
        releases.append(_keep(site, n + 1))
        share_with(releases[-1], releases[-2])
    one = du(releases[0])
    stored = du(*releases)
    copies = sum(du(r) for r in releases)
    for release in releases:
        shutil.rmtree(release, ignore_errors=True)
    return {"count": count, "one": one, "stored": stored, "copies": copies}, rebuilds


def _keep(site: Path, n: int) -> Path:
    release = site.with_name(f"{site.name}-rilis{n}")
    shutil.rmtree(release, ignore_errors=True)
    shutil.copytree(site, release, copy_function=os.link)
    return release


def build_bare(bare: Path, site: Path) -> dict:
    shutil.rmtree(site, ignore_errors=True)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = run_measured([str(BIN / "mkdocs"), "build", "--config-file", str(bare / "mkdocs.yml"),
                           "--site-dir", str(site)], cwd=bare, env=env)
    if result["returncode"] != 0:
        sys.exit(f"mkdocs build (Material polos) gagal untuk {bare}:\n{result['output']}")
    return result


def bench_size(n: int, modules: int | None, repeats: int, glossary: bool, *, preview_saves: int,
               releases: int) -> dict:
    portal, bare = OUT / f"portal-{n}", OUT / f"polos-{n}"
    portal_site, bare_site = OUT / f"portal-{n}-situs", OUT / f"polos-{n}-situs"
    log(f"{n} alumni: membuat portal sintetis dan proyek Material polos")
    generate(portal, n, modules, glossary=glossary)
    bare_pages = write_bare(portal, bare)
    runs_portal, runs_bare = [], []
    for i in range(repeats):
        log(f"{n} alumni: build portal bersih ({i + 1}/{repeats})")
        runs_portal.append(build_portal(portal, portal_site))
        log(f"{n} alumni: {runs_portal[-1]['wall_s']:.1f} s; build Material polos ({i + 1}/{repeats})")
        runs_bare.append(build_bare(bare, bare_site))
        log(f"{n} alumni: {runs_bare[-1]['wall_s']:.1f} s")
    module_count, synthetic = _modules(portal)
    profiles = sorted(portal_site.glob("alumni/alumni-*/index.html"))[:200]
    bare_profiles = sorted(bare_site.glob("alumni/alumni-*/index.html"))[:200]
    bare_size = tree(bare_site)
    row = {
        "alumni": n, "modules": module_count, "synthetic_modules": synthetic,
        "glossary": (portal / "data" / "glossary.yml").exists(), "repeats": repeats,
        "portal_pages": _html_pages(portal_site), "bare_pages": bare_pages, "bare_html": _html_pages(bare_site),
        "portal_wall": statistics.median(r["wall_s"] for r in runs_portal),
        "bare_wall": statistics.median(r["wall_s"] for r in runs_bare),
        "portal_walls": [r["wall_s"] for r in runs_portal], "bare_walls": [r["wall_s"] for r in runs_bare],
        "portal_cpu": statistics.median(r["cpu_s"] for r in runs_portal),
        "bare_cpu": statistics.median(r["cpu_s"] for r in runs_bare),
        "portal_rss": max(r["peak_rss_mb"] for r in runs_portal), "portal_tree": max(r["peak_tree_rss_mb"] for r in runs_portal),
        "bare_rss": max(r["peak_rss_mb"] for r in runs_bare), "bare_tree": max(r["peak_tree_rss_mb"] for r in runs_bare),
        "process_peaks": {k: max(r["process_peaks_mb"].get(k, 0) for r in runs_portal)
                          for k in sorted({k for r in runs_portal for k in r["process_peaks_mb"]})},
        "loadavg": _loadavg(),
        "load_max": max(r["load_max"] for r in runs_portal + runs_bare),
        "words_profile": mean_words(profiles), "words_bare_profile": mean_words(bare_profiles),
        "words_module": mean_words(sorted(portal_site.glob("modul/*/*/index.html"))),
        "words_bare_module": mean_words(sorted(bare_site.glob("modul/*/*/index.html"))),
        "weights": html_weights(portal_site), "size": site_figures(portal_site),
        "bare_bytes": bare_size[0], "bare_files": bare_size[1],
        "site": portal_site, "portal": portal,
    }
    row["ratio_wall"] = row["portal_wall"] / row["bare_wall"]
    row["ratio_rss"] = row["portal_rss"] / row["bare_rss"]
    row["ratio_cpu"] = row["portal_cpu"] / row["bare_cpu"]
    shutil.rmtree(bare_site, ignore_errors=True)
    log(f"{n} alumni: {max(2, releases)} rilis: build setelah menyunting satu alumni (cache dipakai), hard link")
    row["releases"], rebuilds = kept_releases(portal, portal_site, max(2, releases))
    row["rebuild_wall"] = statistics.median(r["wall_s"] for r in rebuilds)
    row["rebuild_cpu"] = statistics.median(r["cpu_s"] for r in rebuilds)
    row["rebuild_walls"] = [r["wall_s"] for r in rebuilds]
    row["rebuild_tree"] = max(r["peak_tree_rss_mb"] for r in rebuilds)
    row["rebuild_cleanup"] = statistics.median(r["cleanup_s"] for r in rebuilds)
    row["load_max"] = max([row["load_max"]] + [r["load_max"] for r in rebuilds])
    row["rebuild_ratio"] = row["rebuild_wall"] / row["portal_wall"]
    row["preview"] = None
    if preview_saves:
        log(f"{n} alumni: simpan-sampai-tampil di bawah mkdocs serve ({preview_saves} kali)")
        try:
            row["preview"] = measure_preview(portal, preview_saves)
        except Exception as exc:  # reported, so the sizes measured above are not lost
            log(f"{n} alumni: pratinjau gagal diukur: {exc!r}")
        else:
            row["preview"]["load"] = _loadavg()
    return row


def _kb(n: float) -> str:
    return f"{n / 1024:.1f}"


def _ok(flag: bool) -> str:
    return "tercapai" if flag else "**tidak tercapai**"


def write_results(path: Path, info: dict, rows: list[dict], visits: dict | None, lh: dict | None,
                  profile: str | None, argv: list[str]) -> None:
    previous = path.read_text(encoding="utf-8") if path.exists() else ""
    m = re.search(re.escape(ANALYSIS_START) + r".*?" + re.escape(ANALYSIS_END), previous, re.S)
    analysis = m.group(0) if m else f"{ANALYSIS_START}\n_(Belum ada catatan analisis.)_\n{ANALYSIS_END}"
    # Sections other benchmarks keep after the analysis (e.g. search recall) stay as they are.
    kept = previous[m.end():].strip("\n") if m else ""
    largest = rows[-1]
    L = []
    L += ["# Hasil tolok ukur Portal Ekspor", "",
          f"Dibuat oleh `python -m bench.run {' '.join(argv)}` (`make bench`). Angka di bawah diukur, tidak diuji.", "",
          "## Mesin", "", "| | |", "|---|---|"]
    L += [f"| {k} | {v} |" for k, v in info.items()]
    L += ["", "## Kecepatan build", "",
          "Portal: `portal build --folder <proyek> --keluaran <folder>` dari cache kosong (`.cache/portal` dihapus) "
          "dan folder keluaran kosong: pemeriksaan data, MkDocs `--strict`, halaman profil/daftar dalam bingkai ringkas, "
          "halaman Inggris (`en/`, bawaan), lalu indeks Pagefind dan service worker setelah proses MkDocs selesai. "
          "Material polos: `mkdocs build` atas proyek Material bawaan (`plugins: [search]`, `nav` hanya `index.md`, "
          "`validation.nav.omitted_files: ignore`) dengan N + M halaman Markdown: satu per file alumni yang dibuat "
          "(semua N, termasuk yang tidak setuju dipublikasikan) berisi kolom yang sama dengan profil portal, ditambah "
          "salinan M modul yang sama. Median dari semua putaran.", "",
          "CPU = user + sys semua proses (kurang peka terhadap beban sesi lain daripada waktu dinding). "
          "RSS pohon = jumlah VmRSS semua proses yang hidup bersamaan (CLI `portal`, MkDocs dan pekerjanya, "
          "pengindeks, Pagefind), dicuplik tiap 50 ms; RSS puncak = proses tunggal terbesar (`ru_maxrss`).", "",
          "| Alumni | Modul | Halaman HTML portal | Halaman Material polos | Putaran | Portal (s) | Polos (s) | "
          "Rasio waktu | Portal CPU (s) | Polos CPU (s) | Rasio CPU | Portal RSS pohon (MB) | Portal RSS puncak (MB) | "
          "Polos RSS puncak (MB) | Portal ms/halaman | Polos ms/halaman |",
          "|" + "---|" * 16]
    for r in rows:
        L.append(f"| {r['alumni']:,} | {r['modules']} | {r['portal_pages']:,} | {r['bare_pages']:,} | {r['repeats']} | "
                 f"{r['portal_wall']:.1f} | {r['bare_wall']:.1f} | {r['ratio_wall']:.2f} | {r['portal_cpu']:.1f} | "
                 f"{r['bare_cpu']:.1f} | {r['ratio_cpu']:.2f} | {r['portal_tree']:.0f} | {r['portal_rss']:.0f} | "
                 f"{r['bare_rss']:.0f} | {1000 * r['portal_wall'] / r['portal_pages']:.2f} | "
                 f"{1000 * r['bare_wall'] / r['bare_pages']:.2f} |")
    L += ["", "Puncak RSS per proses dalam build portal bersih (VmHWM, MB; `pengindeks` = proses Python yang memberi "
          "makan Pagefind): " + "; ".join(
        f"{r['alumni']:,}: " + ", ".join(f"{k} {v:.0f}" for k, v in r["process_peaks"].items()) for r in rows) + ".", ""]
    L += ["Beban mesin: loadavg 1 menit tertinggi selama build tiap ukuran: " + "; ".join(
        f"{r['alumni']:,}: {r['load_max']:.1f}" for r in rows) + f" (loadavg 1/5/15 saat mulai: {info.get('loadavg', '?')}). "
        "Mesin ini dipakai bersama sesi lain (tes mereka bisa berjalan bersamaan), jadi angka waktu dinding bisa "
        "naik turun; bandingkan rasio dalam satu putaran.", ""]
    L += ["Semua putaran (s): " + "; ".join(
        f"{r['alumni']:,}: portal {', '.join(f'{w:.1f}' for w in r['portal_walls'])} / polos "
        f"{', '.join(f'{w:.1f}' for w in r['bare_walls'])}" for r in rows) + ".", ""]
    r0 = rows[-1]
    L += [f"Kesetaraan isi (rata-rata kata terlihat di artikel, {r0['alumni']:,} alumni): profil portal "
          f"{r0['words_profile']:.0f} vs halaman alumni polos {r0['words_bare_profile']:.0f}; modul portal "
          f"{r0['words_module']:.0f} vs modul polos {r0['words_bare_module']:.0f}. Modul: {r0['modules']} "
          f"({r0['synthetic_modules']} sintetis ~440 kata dari `bench/generate.py --modul`). Glosarium "
          f"{'disalin dan dipakai' if r0['glossary'] else '**tidak dipakai** (data/glossary.yml dihapus dari salinan)'}.", ""]

    L += ["## Build ulang setelah satu file berubah", "",
          "Satu file alumni publik disunting (nama usaha berubah: profil, halaman daftar, statistik, data terbuka dan "
          "indeks pencarian ikut berubah), lalu `portal build` lagi ke folder keluaran yang sama dengan cache "
          "`.cache/portal` dari build sebelumnya, seperti staf membangun ulang: halaman yang masukannya tidak berubah "
          "di-hard-link dari situs yang sedang terbit (`portal_ekspor/published.py`). Build ulang = sampai situs baru "
          "terbit dan perintah selesai; situs lama lalu dihapus oleh proses di latar belakang (kolom terakhir: "
          "ditunggu sebelum pengukuran berikutnya). Diulang untuk setiap rilis di bawah (file berbeda tiap kali); median.", "",
          "| Alumni | Build bersih (s) | Build ulang (s) | Rasio | Semua putaran (s) | CPU build ulang (s) | RSS pohon (MB) "
          "| Hapus situs lama di latar (s) |",
          "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        L.append(f"| {r['alumni']:,} | {r['portal_wall']:.1f} | {r['rebuild_wall']:.1f} | {r['rebuild_ratio']:.2f} | "
                 f"{', '.join(f'{w:.1f}' for w in r['rebuild_walls'])} | {r['rebuild_cpu']:.1f} | {r['rebuild_tree']:.0f} "
                 f"| {r.get('rebuild_cleanup', 0):.1f} |")
    L.append("")
    if any(r["preview"] for r in rows):
        L += ["## Pratinjau staf: simpan sampai tampil", "",
              "`python -m bench.preview` di dalam putaran ini: `mkdocs serve` atas proyek yang sama (cache dari build "
              "di atas), satu file alumni publik disunting; waktu sampai halaman profilnya yang dilayani memuat "
              "perubahan, dan sampai indeks pencarian berganti.", "",
              "| Alumni | Build pertama di bawah serve (s) | Simpan → halaman (s) | Simpan → pencarian (s) | loadavg |",
              "|---|---|---|---|---|"]
        for r in rows:
            v = r["preview"]
            if v:
                first = v.get("first_build_s", v.get("first_page_s", float("nan")))
                L.append(f"| {r['alumni']:,} | {first:.1f} | {', '.join(f'{x:.2f}' for x in v['save_to_page_s'])} | "
                         f"{', '.join(f'{x:.2f}' for x in v['save_to_search_s'])} | {v['load']} |")
        L += ["", "Kolom lain dari `bench.preview` (mis. halaman Inggris, halaman daftar): " + "; ".join(
            f"{r['alumni']:,}: " + ", ".join(f"{k} {val}" for k, val in r["preview"].items()
                                              if k not in ("first_build_s", "save_to_page_s", "save_to_search_s", "load"))
            for r in rows if r["preview"]) + "."]
        L.append("")
    L += ["## Ukuran situs", "",
          "Semua file biasa di folder keluaran build bersih (`en/` termasuk); profil = rata-rata byte mentah "
          "`alumni/<slug>/index.html` (Indonesia) dan `en/exporters/<slug>/index.html` (Inggris).", "",
          "| Alumni | Situs (MiB) | File | `en/` (MiB) | File `en/` | Profil Indonesia (KiB) | Profil Inggris (KiB) | "
          "Material polos (MiB) | File polos |",
          "|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        z = r["size"]
        L.append(f"| {r['alumni']:,} | {z['bytes'] / 2**20:.0f} | {z['files']:,} | {z['en_bytes'] / 2**20:.0f} | "
                 f"{z['en_files']:,} | {z['profile_bytes'] / 1024:.1f} | {z['en_profile_bytes'] / 1024:.1f} | "
                 f"{r['bare_bytes'] / 2**20:.0f} | {r['bare_files']:,} |")
    L += ["", "## Rilis yang disimpan di server sendiri", "",
          "Rilis pertama = build bersih; setiap rilis berikutnya = build ulang setelah satu alumni disunting (di atas), "
          "file yang sama persis dengan rilis sebelumnya di-hard-link dengan `share_with` milik server "
          "(`portal_ekspor/deploy/release.py`, dipanggil server pada setiap push). Diukur dengan `du` (hard link "
          "dihitung sekali). Jalur push lengkap melalui git: `python -m bench.releases_disk --alumni N`.", "",
          "| Alumni | Rilis | Satu rilis (MB) | Semua rilis, hard link (MB) | × satu rilis | Salinan penuh (MB) |",
          "|---|---|---|---|---|---|"]
    for r in rows:
        k = r["releases"]
        L.append(f"| {r['alumni']:,} | {k['count']} | {k['one'] / 2**20:.0f} | {k['stored'] / 2**20:.0f} | "
                 f"{k['stored'] / k['one']:.2f} | {k['copies'] / 2**20:.0f} |")
    L.append("")

    L += ["## Target", "", "| Target | Hasil | Status |", "|---|---|---|"]
    t = next((r for r in rows if r["alumni"] == TARGET_ALUMNI), None)
    if t:
        z = t["size"]
        L.append(f"| Build {TARGET_ALUMNI:,} alumni ≤ {TARGET_WALL_S} s | {t['portal_wall']:.1f} s | "
                 f"{_ok(t['portal_wall'] <= TARGET_WALL_S)} |")
        L.append(f"| Rasio waktu terhadap Material polos ≤ {TARGET_RATIO} | {t['ratio_wall']:.2f} (CPU {t['ratio_cpu']:.2f}) | "
                 f"{_ok(t['ratio_wall'] <= TARGET_RATIO)} |")
        L.append(f"| Build ulang satu file ≤ {TARGET_REBUILD:.0%} build bersih | {t['rebuild_ratio']:.0%} "
                 f"({t['rebuild_wall']:.1f} s) | {_ok(t['rebuild_ratio'] <= TARGET_REBUILD)} |")
        if t["preview"]:
            worst_save = max(t["preview"]["save_to_page_s"])
            L.append(f"| Simpan → halaman di bawah serve ≤ {TARGET_SAVE_S} s | terlama {worst_save:.1f} s | "
                     f"{_ok(worst_save <= TARGET_SAVE_S)} |")
        L.append(f"| RSS pohon proses ≤ {TARGET_TREE_MB} MB | {t['portal_tree']:.0f} MB | "
                 f"{_ok(t['portal_tree'] <= TARGET_TREE_MB)} |")
        # The budget is read in decimal megabytes, the stricter reading (450 MB = 429 MiB).
        L.append(f"| Situs ≤ {TARGET_SITE_MB} MB (10^6 byte, dengan `en/`) | {both_units(z['bytes'])}, {z['files']:,} file | "
                 f"{_ok(z['bytes'] <= TARGET_SITE_MB * 10**6)} |")
        L.append(f"| Profil ≤ {TARGET_PROFILE_KB} KB mentah | {z['profile_bytes'] / 1024:.1f} KB (Inggris "
                 f"{z['en_profile_bytes'] / 1024:.1f} KB) | {_ok(max(z['profile_bytes'], z['en_profile_bytes']) <= TARGET_PROFILE_KB * 1024)} |")
        k = t["releases"]
        L.append(f"| {k['count']} rilis disimpan ≈ satu rilis | {k['stored'] / k['one']:.2f} × satu rilis | "
                 f"{_ok(k['stored'] / k['one'] <= 1.5)} |")
    else:
        L.append(f"| Build {TARGET_ALUMNI:,} alumni | tidak diukur dalam putaran ini | – |")
    if visits:
        worst = max(visits.values(), key=lambda v: v["bytes"])
        searched = [k for k, v in visits.items() if v["search"]]
        L.append(f"| Kunjungan pertama tanpa indeks pencarian | {'ada: ' + ', '.join(searched) if searched else 'tidak ada permintaan indeks'} | "
                 f"{_ok(not searched)} |")
        L.append(f"| Setiap kunjungan pertama ≤ {TARGET_VISIT_KB} KB terkompresi | terbesar {_kb(worst['bytes'])} KB "
                 f"({worst['path']}) | {_ok(worst['bytes'] <= TARGET_VISIT_KB * 1024)} |")
        foreign = sorted({u for v in visits.values() for u in v["foreign"]})
        L.append(f"| Tidak ada permintaan ke host lain | {len(foreign)} | {_ok(not foreign)} |")
    if lh:
        below = [f"{k} {c}={s}" for k, v in lh.items() for c, s in v["scores"].items() if s < 100]
        L.append(f"| Lighthouse mobile 100 di empat kategori | {'semua 100' if not below else ', '.join(below)} | "
                 f"{_ok(not below)} |")
    L.append("")

    L += [f"## Bobot halaman ({largest['alumni']:,} alumni)", "",
          "HTML saja: ukuran mentah atas semua halaman tiap jenis; gzip level 6 (seperti server tolok ukur) atas "
          "sampel merata paling banyak 1.000 halaman per jenis, termasuk halaman terbesar.", "",
          "| Jenis | Jumlah | Median mentah (KB) | Maks mentah (KB) | Median gzip (KB) | Maks gzip (KB) |",
          "|---|---|---|---|---|---|"]
    for kind in PAGE_TYPES:
        w = largest["weights"].get(kind)
        if w:
            L.append(f"| {TYPE_LABELS[kind]} | {w['count']:,} | {_kb(w['raw_median'])} | {_kb(w['raw_max'])} | "
                     f"{_kb(w['gzip_median'])} | {_kb(w['gzip_max'])} |")
    if len(rows) > 1:
        L += ["", "Median gzip HTML (KB) per ukuran:", "",
              "| Jenis | " + " | ".join(f"{r['alumni']:,}" for r in rows) + " |", "|---|" + "---|" * len(rows)]
        for kind in PAGE_TYPES:
            L.append(f"| {TYPE_LABELS[kind]} | " + " | ".join(
                _kb(r["weights"][kind]["gzip_median"]) if kind in r["weights"] else "–" for r in rows) + " |")
    if visits:
        L += ["", f"### Kunjungan pertama di Chromium ({largest['alumni']:,} alumni)", "",
              "Konteks baru (cache kosong) per halaman, viewport ponsel 412×823, server loopback dengan gzip untuk "
              "teks (`bench/serving.py`). Semua permintaan dihitung, termasuk yang terjadi setelah menggulir ke bawah "
              "dan menunggu jaringan diam; byte = `encodedDataLength` Chrome (header + isi terkompresi).", "",
              "| Jenis | Halaman | Permintaan | Transfer (KB) | Permintaan indeks pencarian | Host lain | Teks tak terkompresi |",
              "|---|---|---|---|---|---|---|"]
        for kind, v in visits.items():
            L.append(f"| {TYPE_LABELS[kind]} | `{v['path']}` | {v['requests']} | {_kb(v['bytes'])} | "
                     f"{len(v['search'])} | {len(v['foreign'])} | {len(v['uncompressed_text'])} |")
        home = visits.get("home") or next(iter(visits.values()))
        L += ["", f"Rincian `{home['path']}`: " + ", ".join(f"`{u}` {_kb(b)} KB" for u, b in home["files"]) + "."]
    if lh:
        L += ["", f"## Lighthouse mobile ({largest['alumni']:,} alumni)", "",
              f"Lighthouse {info.get('Lighthouse')} (bawaan: emulasi ponsel, throttling simulasi 4G lambat dan CPU 4×), "
              "Chromium Debian headless, server loopback dengan gzip. Tiap halaman diukur beberapa kali; "
              "ditampilkan putaran dengan skor kinerja median.", "",
              "| Jenis | Halaman | Kinerja | Aksesibilitas | Praktik terbaik | SEO | Kinerja semua putaran | FCP | LCP | TBT | CLS | SI |",
              "|---|---|---|---|---|---|---|---|---|---|---|---|"]
        for kind, v in lh.items():
            s, mt = v["scores"], v["metrics"]
            L.append(f"| {TYPE_LABELS[kind]} | `{v['path']}` | {s['performance']} | {s['accessibility']} | "
                     f"{s['best-practices']} | {s['seo']} | {', '.join(map(str, v['performance_runs']))} | "
                     + " | ".join(mt.get(m, "") for m in lighthouse.METRICS) + " |")
        L += ["", "### Audit yang gagal", "",
              "Berbobot (mengurangi skor kategori):", ""]
        any_weighted = False
        for kind, v in lh.items():
            for cat, audits in v["failing"].items():
                for a in audits:
                    if a["weight"] > 0:
                        any_weighted = True
                        where = "; elemen: " + ", ".join(f"`{n}`" for n in a["nodes"]) if a.get("nodes") else ""
                        L.append(f"- {TYPE_LABELS[kind]}, {cat}: `{a['id']}` — {a['title']} (skor {a['score']}"
                                 f"{', ' + a['value'] if a['value'] else ''}{where})")
        if not any_weighted:
            L.append("- tidak ada")
        diag: dict[str, dict] = {}
        for kind, v in lh.items():
            for cat, audits in v["failing"].items():
                for a in audits:
                    if a["weight"] == 0:
                        diag.setdefault(a["id"], {"a": a, "pages": []})["pages"].append(TYPE_LABELS[kind])
        L += ["", "Tanpa bobot (diagnostik yang ditandai gagal; tidak mengubah skor):", ""]
        L += [f"- `{k}` — {d['a']['title']} ({d['a']['value'] or 'gagal'}; {', '.join(d['pages'])})"
              for k, d in sorted(diag.items())] or ["- tidak ada"]
        errors = [f"{k}: {v['runtime_error']}" for k, v in lh.items() if v["runtime_error"]]
        if errors:
            L += ["", "Galat Lighthouse: " + "; ".join(errors)]
    if profile:
        L += ["", f"## Profil build ({largest['alumni']:,} alumni)", "", profile]
    L += ["", "## Catatan analisis", "", analysis, ""]
    if kept:
        L += [kept, ""]
    path.write_text("\n".join(L), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description="Tolok ukur Portal Ekspor: kecepatan build, bobot halaman, Lighthouse.")
    parser.add_argument("--alumni", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--modul", type=int, default=None,
                        help="jumlah modul (bawaan: semua modul nyata; lebih sedikit bisa membuang prasyarat)")
    parser.add_argument("--ulang", type=int, default=3, help="putaran build untuk ukuran kecil (median)")
    parser.add_argument("--ulang-sampai", type=int, default=1000, help="ukuran terbesar yang diulang; di atasnya satu putaran")
    parser.add_argument("--lighthouse-ulang", type=int, default=3)
    parser.add_argument("--tanpa-lighthouse", action="store_true")
    parser.add_argument("--tanpa-glosarium", action="store_true")
    parser.add_argument("--profil", choices=["auto", "selalu", "tidak"], default="auto")
    parser.add_argument("--pratinjau", type=int, default=2,
                        help="simpanan yang diukur di bawah mkdocs serve per ukuran (0: lewati)")
    parser.add_argument("--rilis", type=int, default=5, help="rilis yang disimpan untuk ukuran disk (min. 2)")
    parser.add_argument("--hasil", type=Path, default=BENCH / "RESULTS.md")
    args = parser.parse_args()
    argv = sys.argv[1:]
    OUT.mkdir(exist_ok=True)
    info = machine()
    info["loadavg"] = _loadavg()
    log(f"mesin: {info['nproc']} inti, {info['memori']}, {info['CPU']}")
    rows = []
    for n in sorted(args.alumni):
        rows.append(bench_size(n, args.modul, args.ulang if n <= args.ulang_sampai else 1, not args.tanpa_glosarium,
                               preview_saves=args.pratinjau, releases=args.rilis))
        r = rows[-1]
        print(f"  {n:>6} alumni: portal {r['portal_wall']:.1f} s (CPU {r['portal_cpu']:.1f} s), pohon "
              f"{r['portal_tree']:.0f} MB | Material polos {r['bare_wall']:.1f} s | rasio {r['ratio_wall']:.2f} | "
              f"build ulang {r['rebuild_wall']:.1f} s ({r['rebuild_ratio']:.2f}) | situs {r['size']['bytes'] / 2**20:.0f} MB "
              f"| pratinjau {r['preview']}", flush=True)
        for earlier in rows[:-1]:
            shutil.rmtree(earlier["site"], ignore_errors=True)
    largest = rows[-1]
    # Written at every stage: a run stopped later still leaves the figures measured so far.
    write_results(args.hasil, info, rows, None, None, None, argv)
    pages = representative_pages(largest["site"])
    log("kunjungan pertama di Chromium")
    with serve_compressed(largest["site"]) as url:
        visits = cold_visits(url, pages)
        lh = None
        if not args.tanpa_lighthouse:
            if not lighthouse.available():
                sys.exit("Lighthouse belum terpasang: jalankan `make bench` (memasang bench/node_modules).")
            log("Lighthouse")
            lh = lighthouse.audit_pages(url, {k: pages[k] for k in LIGHTHOUSE_PAGES if k in pages},
                                        OUT / "lighthouse", runs=args.lighthouse_ulang)
    for kind, v in visits.items():
        print(f"  {kind:<10} {v['requests']:>2} permintaan, {v['bytes'] / 1024:.1f} KB, indeks pencarian: "
              f"{len(v['search'])}, host lain: {len(v['foreign'])}", flush=True)
    if lh:
        for kind, v in lh.items():
            print(f"  Lighthouse {kind:<10} {v['scores']}", flush=True)
    t = next((r for r in rows if r["alumni"] == TARGET_ALUMNI), None)
    missed = t is not None and (t["portal_wall"] > TARGET_WALL_S or t["portal_tree"] > TARGET_TREE_MB
                                or t["ratio_wall"] > TARGET_RATIO or t["rebuild_ratio"] > TARGET_REBUILD)
    profile = None
    write_results(args.hasil, info, rows, visits, lh, profile, argv)
    if args.profil == "selalu" or (args.profil == "auto" and missed):
        log("profil build terbesar (py-spy, atau cProfile bila py-spy tidak bisa)")
        clear_cache(largest["portal"])
        profile = profile_build(largest["portal"], BIN / "portal")
    write_results(args.hasil, info, rows, visits, lh, profile, argv)
    log(f"hasil ditulis ke {args.hasil}")


if __name__ == "__main__":
    main()
