"""Build-time and size cost of the English pages for buyers (issue 12).

    python -m bench.english [--alumni 20000] [--modul 25]

Generates one synthetic portal (bench/generate.py) and builds it twice in the
same run from clean output folders: as configured (Indonesian + English) and
with ``extra.portal.halaman_inggris: false``. Prints wall and CPU time, peak
RSS of the process tree, site size and file count for both, the English
subtree alone, and the mean bytes of an English profile page, next to the
performance budgets of issue 13 (site <= 450 MB at 20,000 alumni with the
English twins, <= 12 KB per profile page) and where the bytes go
(bench/size_breakdown.py). Figures are reported, never asserted.
`make bench` (bench/run.py) builds the English pages in every run, as the
portal does by default; this script isolates what they cost. Work folders go to bench/out/ (git-ignored).
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from bench.generate import generate
from bench.run import build_portal
from bench.size_breakdown import breakdown, table
from bench.settings import set_portal_settings
from bench.sitesize import both_units, site_figures

OUT = Path(__file__).resolve().parent / "out"
SITE_BUDGET_MB = 450
PROFILE_BUDGET_KB = 12


def main() -> None:
    parser = argparse.ArgumentParser(description="Biaya halaman bahasa Inggris: waktu bangun dan ukuran situs.")
    parser.add_argument("--alumni", type=int, default=20000)
    parser.add_argument("--modul", type=int, default=None)
    args = parser.parse_args()
    work = OUT / f"inggris-{args.alumni}"
    shutil.rmtree(work, ignore_errors=True)
    with_en, without_en = work / "dengan", work / "tanpa"
    generate(with_en, args.alumni, args.modul)
    shutil.copytree(with_en, without_en)
    set_portal_settings(without_en / "mkdocs.yml", halaman_inggris=False, cache=False)
    set_portal_settings(with_en / "mkdocs.yml", cache=False)
    runs = {}
    for name, portal in (("tanpa", without_en), ("dengan", with_en)):
        print(f"membangun {name} halaman Inggris ({args.alumni} alumni) ...", flush=True)
        runs[name] = build_portal(portal, portal / "site")
    sizes = {name: site_figures(portal / "site") for name, portal in (("tanpa", without_en), ("dengan", with_en))}
    english_bytes, english_files = sizes["dengan"]["en_bytes"], sizes["dengan"]["en_files"]
    profile_kb = sizes["dengan"]["en_profile_bytes"] / 1024
    indonesian_kb = sizes["dengan"]["profile_bytes"] / 1024
    a, b = runs["tanpa"], runs["dengan"]
    print()
    print(f"| {args.alumni} alumni | tanpa halaman Inggris | dengan halaman Inggris | selisih |")
    print("|---|---:|---:|---:|")
    print(f"| waktu bangun (dinding) | {a['wall_s']:.1f} s | {b['wall_s']:.1f} s | "
          f"+{b['wall_s'] - a['wall_s']:.1f} s ({(b['wall_s'] / a['wall_s'] - 1) * 100:+.0f} %) |")
    print(f"| waktu CPU | {a['cpu_s']:.1f} s | {b['cpu_s']:.1f} s | +{b['cpu_s'] - a['cpu_s']:.1f} s "
          f"({(b['cpu_s'] / a['cpu_s'] - 1) * 100:+.0f} %) |")
    print(f"| RSS puncak pohon proses | {a['peak_tree_rss_mb']:.0f} MB | {b['peak_tree_rss_mb']:.0f} MB | "
          f"{b['peak_tree_rss_mb'] - a['peak_tree_rss_mb']:+.0f} MB |")
    print(f"| ukuran situs | {both_units(sizes['tanpa']['bytes'])} | {both_units(sizes['dengan']['bytes'])} "
          f"(anggaran {SITE_BUDGET_MB} MB = {SITE_BUDGET_MB * 1e6 / 2**20:.0f} MiB) | "
          f"+{both_units(sizes['dengan']['bytes'] - sizes['tanpa']['bytes'])} |")
    print(f"| jumlah file | {sizes['tanpa']['files']} | {sizes['dengan']['files']} | +{sizes['dengan']['files'] - sizes['tanpa']['files']} |")
    print(f"| folder en/ saja | | {both_units(english_bytes)}, {english_files} file | |")
    print(f"| rata-rata halaman profil | {indonesian_kb:.1f} KB (Indonesia) | {profile_kb:.1f} KB (Inggris) "
          f"| anggaran {PROFILE_BUDGET_KB} KB |")
    print(f"\nMesin: beban maksimum {max(a['load_max'], b['load_max']):.1f} selama pengukuran.")
    print(f"\nRincian situs dengan halaman Inggris ({args.alumni} alumni):\n")
    print(table(breakdown(with_en / "site")))


if __name__ == "__main__":
    main()
