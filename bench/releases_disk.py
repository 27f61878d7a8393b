"""Disk used by kept releases on a self-hosted server: hard links vs full copies.

Installs a server folder in a temporary directory, pushes a portal, then four
more pushes that each change one alumnus (a typical week of edits), so five
releases are kept. Prints, measured with `du` the same run:
- one release alone (what a full copy costs),
- releases/ as stored (unchanged files hard-linked to the previous release),
- five full copies (the baseline: what the server stored before hard links).

    python -m bench.releases_disk                # the sample portal
    python -m bench.releases_disk --alumni 1000  # a generated portal (bench/generate.py)
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARTS = ("mkdocs.yml", "docs", "data", "hooks", "overrides")
ENV = {**os.environ, "GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "bench@example.invalid",
       "GIT_COMMITTER_NAME": "Bench", "GIT_COMMITTER_EMAIL": "bench@example.invalid", "NO_MKDOCS_2_WARNING": "1"}


def run(*cmd, cwd=None) -> str:
    done = subprocess.run(cmd, cwd=cwd, env=ENV, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{' '.join(map(str, cmd))}: {done.stdout}{done.stderr}")
    return done.stdout


def du(*paths: Path) -> int:
    """Bytes on disk; one du call counts a hard-linked file once."""
    out = run("du", "-s", "-B1", "-c", *map(str, paths))
    return int(out.strip().splitlines()[-1].split()[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--alumni", type=int, default=0, help="generate a portal with this many alumni (0: the sample)")
    parser.add_argument("--rilis", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-rilis-") as tmp:
        tmp = Path(tmp)
        clone = tmp / "klon"
        if args.alumni:
            run(sys.executable, "-m", "bench.generate", str(clone), "--alumni", str(args.alumni), cwd=ROOT)
        else:
            clone.mkdir()
            for part in PARTS:
                src = ROOT / part
                (shutil.copytree if src.is_dir() else shutil.copy2)(src, clone / part)
        server = tmp / "server"
        run(sys.executable, "-m", "portal_ekspor.cli.main", "server", "pasang", str(server), "--simpan", str(args.rilis),
            "--listen", "127.0.0.1:9", "--nama-server", "localhost")
        run("git", "init", "-q", "-b", "main", cwd=clone)
        run("git", "remote", "add", "server", str(server / "repo.git"), cwd=clone)
        run("git", "add", "-A", cwd=clone)
        run("git", "commit", "-q", "-m", "Portal awal", cwd=clone)
        run("git", "push", "-q", "server", "main", cwd=clone)
        records = sorted((clone / "data" / "alumni").glob("*.yml"))
        for n in range(1, args.rilis):
            record = records[n]
            # A visible edit: the business name changes, so its profile, listings, statistics
            # pages that name it, the open data and the search index change too.
            text = re.sub(r'(?m)^nama_usaha: ("?)(.+?)\1\s*$', rf'nama_usaha: "\2 Baru{n}"',
                          record.read_text(encoding="utf-8"), count=1)
            record.write_text(text, encoding="utf-8")
            run("git", "commit", "-q", "-am", f"Sunting satu alumni ({n})", cwd=clone)
            run("git", "push", "-q", "server", "main", cwd=clone)
        releases = sorted(p for p in (server / "releases").iterdir() if p.is_dir())
        one = du(releases[-1])
        stored = du(server / "releases")
        copies = sum(du(r) for r in releases)
        files = sum(1 for _ in releases[-1].rglob("*") if _.is_file())
        label = f"{args.alumni} alumni" if args.alumni else "portal contoh"
        print(f"{label}: {len(releases)} rilis disimpan, {files} file per rilis")
        print(f"  satu rilis            : {one / 2**20:8.1f} MiB")
        print(f"  releases/ (hard link) : {stored / 2**20:8.1f} MiB  ({stored / one:.2f} x satu rilis)")
        print(f"  {len(releases)} salinan penuh      : {copies / 2**20:8.1f} MiB  (pembanding, {copies / one:.2f} x)")


if __name__ == "__main__":
    main()
