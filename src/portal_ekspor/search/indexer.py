"""Run Pagefind over a built site.

Pagefind splits its index into chunks fetched on demand, so a reader's
phone downloads a few dozen KB per query instead of one index that grows with
every alumni profile. The binary ships inside the `pagefind_bin` wheel:
nothing is downloaded at build time.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

OUTPUT_SUBDIR = "cari"


class IndexError_(RuntimeError):
    pass


def index_site(site_dir: Path) -> None:
    cmd = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", OUTPUT_SUBDIR,
           "--force-language", "id", "--silent"]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        raise IndexError_(f"Pagefind gagal membuat indeks pencarian:\n{done.stdout}{done.stderr}")
