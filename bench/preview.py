"""Save-to-page time under `mkdocs serve`: how long after a staff member saves
one alumni file the served profile shows the change (and when search follows).

    python -m bench.preview PROJECT [--kali 3]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8", "replace")
    except OSError:
        return None


def _wait(predicate, timeout: float, step: float = 0.05) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if predicate():
            return time.perf_counter() - started
        time.sleep(step)
    raise TimeoutError


def measure(project: Path, times: int = 3, timeout: float = 900) -> dict:
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}",
                             "--watch", "data"], cwd=project, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        public = [p for p in sorted((project / "data" / "alumni").glob("*.yml"))
                  if "profil_publik: true" in p.read_text(encoding="utf-8")]
        record = public[len(public) // 2]
        text = record.read_text(encoding="utf-8")
        slug = record.stem
        page = base + f"alumni/{slug}/"
        first = _wait(lambda: (_get(page) or "").find("pe-profile") >= 0, timeout)
        entry = lambda: _get(base + "cari/pagefind-entry.json")
        _wait(lambda: entry() is not None, timeout, 0.5)
        saves, searches = [], []
        for i in range(times):
            marker = f"Kata{os.getpid()}x{i}"
            before = entry()
            new = re.sub(r"^(nama_usaha: .*)$", lambda m: m.group(1) + f" {marker}", text, count=1, flags=re.M)
            record.write_text(new, encoding="utf-8")
            saved = time.perf_counter()
            _wait(lambda: marker in (_get(page) or ""), timeout)
            saves.append(time.perf_counter() - saved)
            _wait(lambda: entry() != before, timeout, 0.25)
            searches.append(time.perf_counter() - saved)
        record.write_text(text, encoding="utf-8")
        return {"first_build_s": round(first + 0, 2), "save_to_page_s": [round(s, 2) for s in saves],
                "save_to_search_s": [round(s, 2) for s in searches], "startup_s": round(time.perf_counter() - started, 1)}
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--kali", type=int, default=3)
    args = parser.parse_args()
    print(json.dumps(measure(args.project.resolve(), args.kali), indent=1))


if __name__ == "__main__":
    main()
