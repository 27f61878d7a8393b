"""How long `portal check` takes on generated portals (target: ≤ 10 s at 20,000).

Baseline in the same run: PyYAML's own CSafeLoader reading the same files
without any validation, i.e. the floor any YAML-based check stands on.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from bench.generate import generate


def baseline(folder: Path) -> float:
    started = time.perf_counter()
    for path in sorted((folder / "data" / "alumni").glob("*.yml")):
        yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    return time.perf_counter() - started


def portal_check(folder: Path) -> float:
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "portal_ekspor.cli.main", "--folder", str(folder), "check"],
                            capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(result.stderr[-2000:])
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--alumni", type=int, nargs="+", default=[1000, 5000, 20000])
    args = parser.parse_args()
    print(f"mesin: {os.cpu_count()} inti, Python {sys.version.split()[0]}")
    print(f"{'alumni':>8} {'portal check (s)':>17} {'hanya CSafeLoader (s)':>22} {'rasio':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.alumni:
            folder = generate(Path(tmp) / f"p{n}", n)
            check = min(portal_check(folder) for _ in range(2))
            base = baseline(folder)
            print(f"{n:>8} {check:>17.2f} {base:>22.2f} {check / base:>6.2f}")


if __name__ == "__main__":
    main()
