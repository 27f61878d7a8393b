"""Where a portal build's wall time goes: py-spy over `portal build`, all processes.

py-spy (installed on demand into bench/out/tools, not into .venv) samples the
`portal` CLI, MkDocs, their process-pool workers and the Pagefind wrapper at
50 Hz, idle time included, so a phase's seconds are wall seconds of that
process (Pagefind's own Rust binary is not sampled: its time shows as the
indexer process waiting in `_index_language`). Falls back to cProfile of `mkdocs build` when py-spy
cannot be installed or attach.
"""

from __future__ import annotations

import collections
import io
import os
import pstats
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
TOOLS = OUT / "tools"
PYSPY = TOOLS / "bin" / "py-spy"
PYSPY_VERSION = "0.4.3"
RATE = 50

PHASES = [
    ("portal CLI", "load_portal (portal_ekspor/repository.py", "pemeriksaan data sebelum MkDocs (`portal build` → `load_portal`)"),
    ("portal CLI", "build_site (portal_ekspor/publish.py", "menunggu MkDocs (seluruh `mkdocs build`)"),
    ("mkdocs", "on_config (adapter.py", "`on_config`: memuat data + membuat halaman"),
    ("mkdocs", "load_portal (portal_ekspor/repository.py", "  `load_portal` (kedua kalinya)"),
    ("mkdocs", "build_site_content (portal_ekspor", "  `build_site_content`"),
    ("mkdocs", "public_profiles (portal_ekspor", "    `public_profiles` (sanitasi cerita dll.)"),
    ("mkdocs", "profile_pages (portal_ekspor", "    `profile_pages`"),
    ("mkdocs", "directory_pages (portal_ekspor", "    `directory_pages`"),
    ("mkdocs", "listing_pages (portal_ekspor", "    `listing_pages`"),
    ("mkdocs", "summary (portal_ekspor/site/views.py", "      `Listing.summary` (per halaman daftar)"),
    ("mkdocs", "statistics_page (portal_ekspor", "    `statistics_page`"),
    ("mkdocs", "corpus_roots (portal_ekspor", "  `corpus_roots`"),
    ("mkdocs", "on_files (adapter.py", "`on_files` (termasuk data terbuka)"),
    ("mkdocs", "_populate_page (mkdocs", "MkDocs: Markdown halaman yang dirender MkDocs"),
    ("mkdocs", "_build_page (mkdocs", "MkDocs: tema + tulis halaman yang dirender MkDocs"),
    ("mkdocs", "on_post_build (adapter.py", "`on_post_build`"),
    ("mkdocs", "_write_fast_pages (adapter.py", "  profil & daftar dalam bingkai ringkas (`_write_fast_pages`)"),
    ("mkdocs", "add (portal_ekspor/search/indexer.py", "    dokumen pencarian ke file (`Documents.add`)"),
    ("mkdocs", "write_query_files (portal_ekspor", "  `write_query_files` (akar, sinonim, kata)"),
    ("portal CLI", "finish (portal_ekspor/finish.py", "setelah MkDocs selesai: indeks + service worker (`finish`)"),
    ("portal CLI", "index_documents (portal_ekspor", "  menunggu pengindeks (`index_documents`)"),
    ("portal CLI", "write_service_worker (portal_ekspor", "  service worker (versi rilis = hash semua file)"),
    ("pengindeks", "_sorted_lines (portal_ekspor", "mengurutkan dokumen per bahasa"),
    ("pengindeks", "_index_language (portal_ekspor", "Pagefind per bahasa (menunggu proses Rust)"),
    ("pengindeks", "merge_bundles (portal_ekspor", "menggabungkan bundel bahasa"),
    ("pengindeks", "reference_assets (portal_ekspor", "berkas Pagefind acuan (di memori)"),
    ("pengindeks", "check_index_files (portal_ekspor", "memeriksa keutuhan berkas indeks"),
]


def ensure_pyspy() -> Path | None:
    if PYSPY.is_file():
        return PYSPY
    done = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--target", str(TOOLS),
                           f"py-spy=={PYSPY_VERSION}"], capture_output=True, text=True)
    return PYSPY if done.returncode == 0 and PYSPY.is_file() else None


def _role(frames: list[str]) -> str:
    chain = [f for f in frames if f.startswith("process ")]
    leaf = chain[-1] if chain else ""
    if "search.indexer" in leaf:
        return "pengindeks"
    if "pagefind" in leaf:
        return "pagefind"
    if "mkdocs" in leaf:
        return "mkdocs (pekerja)" if sum("mkdocs" in c for c in chain) > 1 else "mkdocs"
    return "portal CLI" if len(chain) <= 1 else "portal CLI (pekerja)"


def summarise_raw(raw: Path) -> tuple[dict[str, float], list[tuple[str, str, float]], list[tuple[str, float]]]:
    per_process: collections.Counter = collections.Counter()
    inclusive: collections.Counter = collections.Counter()
    leaves: collections.Counter = collections.Counter()
    for line in raw.read_text(encoding="utf-8", errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if not count.isdigit():
            continue
        n = int(count)
        frames = stack.split(";")
        role = _role(frames)
        per_process[role] += n
        for proc, key, _ in PHASES:
            if proc == role and key in stack:
                inclusive[(role, key)] += n
        if role == "mkdocs" and "Thread._bootstrap" not in stack and not frames[-1].startswith("process "):
            leaf = re.sub(r"\s*\(.*?/?([^/]+:\d+)\)$", r" (\1)", frames[-1])
            leaves[leaf] += n
    phases = [(label, proc, inclusive[(proc, key)] / RATE) for proc, key, label in PHASES]
    top = [(leaf, n / RATE) for leaf, n in leaves.most_common(15)]
    return {k: v / RATE for k, v in per_process.items()}, phases, top


def pyspy_build(portal: Path, portal_bin: Path) -> str | None:
    pyspy = ensure_pyspy()
    if pyspy is None:
        return None
    site, raw = OUT / "profil-situs", OUT / "profil-pyspy.txt"
    shutil.rmtree(site, ignore_errors=True)
    started = time.perf_counter()
    done = subprocess.run([str(pyspy), "record", "--subprocesses", "--idle", "--rate", str(RATE), "--format", "raw",
                           "-o", str(raw), "--", str(portal_bin), "--folder", str(portal), "build", "--keluaran", str(site)],
                          capture_output=True, text=True)
    wall = time.perf_counter() - started
    shutil.rmtree(site, ignore_errors=True)
    if done.returncode != 0 or not raw.is_file():
        return None
    processes, phases, top = summarise_raw(raw)
    lines = [f"py-spy {PYSPY_VERSION}, `portal build` dengan semua subproses, {RATE} sampel/detik termasuk waktu "
             f"menunggu; waktu dinding build di bawah py-spy: {wall:.1f} s.", "",
             "| Tahap (proses) | Detik |", "|---|---|"]
    lines += [f"| {label} ({proc}) | {sec:.1f} |" for label, proc, sec in phases]
    lines += ["", "Sampel per proses (detik; pekerja = kumpulan proses `load_portal`): " +
              ", ".join(f"{k} {v:.1f}" for k, v in sorted(processes.items(), key=lambda kv: -kv[1])) + ".", "",
              "Fungsi teratas (waktu sendiri, proses MkDocs, utas utama):", "", "| Fungsi | Detik |", "|---|---|"]
    lines += [f"| `{leaf}` | {sec:.1f} |" for leaf, sec in top]
    return "\n".join(lines)


def cprofile_build(portal: Path, top: int = 25) -> str:
    """Fallback: cProfile of MkDocs building the portal in one process (hooks, theme, Pagefind call included)."""
    site, prof = OUT / "profil-situs", OUT / "build.prof"
    shutil.rmtree(site, ignore_errors=True)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONHASHSEED="0")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "cProfile", "-o", str(prof), "-m", "mkdocs", "build", "--strict",
                    "--config-file", str(portal / "mkdocs.yml"), "--site-dir", str(site)],
                   cwd=portal, env=env, check=True, capture_output=True)
    wall = time.perf_counter() - started
    shutil.rmtree(site, ignore_errors=True)
    text = io.StringIO()
    stats = pstats.Stats(str(prof), stream=text).strip_dirs()
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    return (f"cProfile atas `mkdocs build --strict` (tanpa pemeriksaan awal CLI); waktu dinding di bawah cProfile "
            f"{wall:.1f} s.\n\n```text\n{text.getvalue().strip()}\n```")


def profile_build(portal: Path, portal_bin: Path) -> str:
    return pyspy_build(portal, portal_bin) or cprofile_build(portal)
