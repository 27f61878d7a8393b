"""Where the bytes of a built site go, by kind of output (issue 13's size budget).

    python -m bench.size_breakdown SITE_DIR [--alumni N --skala 20000]

Classifies every file of a built site (apparent size, the sum of st_size, as
the budget is stated) into kinds: profile pages per language, listing pages,
directory pages, other pages, the Pagefind index per language (fragments,
word index, filters, the rest), theme assets and open data. With ``--alumni``
and ``--skala`` it also extrapolates each kind linearly to another number of
alumni; kinds that do not grow with the alumni (modules, assets) are kept as
they are. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict
from pathlib import Path

PROFILE_MARK = 'class="pe-profile"'
LISTING_PARTS = {"negara", "sektor", "provinsi", "sertifikasi", "angkatan",
                 "country", "sector", "province", "certification", "cohort"}
_PAGEFIND = re.compile(r"^(?:(fragment|index|filter)/(\w+?)_|pagefind\.(\w+?)_)[0-9a-f]+\.pf_\w+$")
_QUERY_FILES = ("akar.json", "sinonim.json")

GROWS = ("profil", "daftar", "direktori", "pagefind id", "pagefind en", "data terbuka")
"""Kinds (by prefix) whose size grows with the number of alumni."""


def kind_of(site: Path, path: Path) -> str:
    rel = path.relative_to(site).as_posix()
    parts = rel.split("/")
    if rel.startswith("cari/"):
        match = _PAGEFIND.match(re.sub(r"^cari/(bagian-\d+/)?", "", rel))  # a shard: cari/bagian-N/
        if match:
            return f"pagefind {match.group(2) or match.group(3)} {match.group(1) or 'meta'}"
        if rel.removeprefix("cari/") in _QUERY_FILES or rel.startswith("cari/kata/"):
            return "pagefind id kata, akar, sinonim"
        return "pagefind program (skrip, wasm)"
    if rel in ("alumni.json", "alumni.csv") or rel.startswith("unduhan/"):
        return "data terbuka"
    if rel.startswith("assets/") or rel in ("sw.js",) or not rel.endswith(".html"):
        return "aset dan lain-lain"
    lang = "en" if parts[0] == "en" else "id"
    section = parts[1:] if lang == "en" else parts
    if section and section[0] in ("alumni", "exporters"):
        if len(section) > 1 and section[1] in LISTING_PARTS:
            return f"daftar {lang}"
        if len(section) > 1 and section[1] in ("page", "daftar") or len(section) == 2:
            return f"direktori {lang}"
        if PROFILE_MARK in path.read_text(encoding="utf-8", errors="replace"):
            return f"profil {lang}"
    return f"halaman lain {lang}"


def breakdown(site: Path) -> dict[str, tuple[int, int]]:
    sizes: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for path in site.rglob("*"):
        if path.is_file():
            entry = sizes[kind_of(site, path)]
            entry[0] += path.stat().st_size
            entry[1] += 1
    return {k: (v[0], v[1]) for k, v in sorted(sizes.items())}


def table(sizes: dict[str, tuple[int, int]], factor: float | None = None, scale: int | None = None) -> str:
    """Sizes per kind in MiB (2^20 bytes), averages in KiB; the total also in decimal MB."""
    head = "| jenis | file | MiB | rata-rata (KiB) |" + (f" MiB pada {scale} alumni |" if factor else "")
    rows = [head, "|---|---:|---:|---:|" + ("---:|" if factor else "")]
    total = projected = 0.0
    for kind, (size, count) in sizes.items():
        grow = factor if factor and kind.startswith(GROWS) else 1.0
        total += size
        projected += size * grow
        row = f"| {kind} | {count} | {size / 2**20:.1f} | {size / count / 1024:.1f} |"
        rows.append(row + (f" {size * grow / 2**20:.0f} |" if factor else ""))
    files = sum(c for _, c in sizes.values())
    rows.append(f"| **jumlah** | {files} | **{total / 2**20:.1f}** = {total / 1e6:.1f} MB | |"
                + (f" **{projected / 2**20:.0f}** = {projected / 1e6:.0f} MB |" if factor else ""))
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description="Rincian ukuran situs per jenis keluaran.")
    parser.add_argument("site", type=Path)
    parser.add_argument("--alumni", type=int, default=None, help="jumlah alumni situs ini")
    parser.add_argument("--skala", type=int, default=20000, help="proyeksikan ke jumlah alumni ini")
    args = parser.parse_args()
    factor = args.skala / args.alumni if args.alumni else None
    print(table(breakdown(args.site), factor, args.skala if factor else None))


if __name__ == "__main__":
    main()
