"""Save-to-page time of the staff preview (`make serve`): how long after a staff
member saves one alumni file the served profile shows the change, and when the
directory listing and search follow.

    python -m bench.preview PROJECT [--kali 3] [--mkdocs]

Callable interface (used by `make bench` through bench/run.py; keep it stable):

    measure(project: Path, times: int = 3, timeout: float = 900, *, mkdocs: bool = False) -> dict

``project`` is a portal folder (e.g. made by bench/generate.py). The preview is
started exactly as `make serve` starts it (``mkdocs=True``: plain `mkdocs
serve`, the old preview, for comparison). The edited record is the public
profile that sorts first, so it sits on the directory's first page. Each of
``times`` saves appends a new word to its business name (inside the YAML
quotes, so the file stays valid) and times, from the moment the file is
written, until the served HTML contains the word:

- ``save_to_page_s``: the Indonesian profile page;
- ``save_to_en_s``: the English profile page (when the portal builds them);
- ``save_to_listing_s``: the directory's first page;
- ``save_to_search_s``: the search index (``cari/pagefind-entry.json`` changed).

Also: ``check_s`` (the start-up `portal check`, two runs: cold and with the
cache of the first), ``first_page_s`` (start of the server until the profile is
served; also under its older name ``first_build_s``) and ``startup_s`` (until search
answers too). Every figure is printed, none asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_NAME = re.compile(r'^nama_usaha:[ \t]*(.*?)[ \t]*$', re.M)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.read().decode("utf-8", "replace")
    except OSError:
        return None


def _wait(predicate, timeout: float, step: float = 0.02) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if predicate():
            return time.perf_counter() - started
        time.sleep(step)
    raise TimeoutError


def _name(text: str) -> str:
    value = _NAME.search(text).group(1)
    return value[1:-1] if value[:1] in "\"'" and value[-1:] == value[:1] else value


def with_word(text: str, word: str) -> str:
    """The record with ``word`` appended to its business name, still valid YAML."""
    def add(m: re.Match) -> str:
        value = m.group(1)
        if value[:1] in "\"'" and value[-1:] == value[:1]:
            return f"nama_usaha: {value[:-1]} {word}{value[-1]}"
        return f"nama_usaha: {value} {word}"
    return _NAME.sub(add, text, count=1)


def _index_entries(base: str) -> str | None:
    """The entry files of every search shard (portal_ekspor/search/shards.py): an edit may
    change a shard other than the first."""
    counts = json.loads(_get(base + "cari/bagian.json") or "{}")
    paths = ["cari/"] + [f"cari/bagian-{n}/" for n in range(1, max(counts.values(), default=1))]
    entries = [_get(base + path + "pagefind-entry.json") for path in paths]
    return None if None in entries else "".join(entries)  # type: ignore[arg-type]


def first_public_record(project: Path) -> Path:
    """The public record whose business name sorts first (the directory's first page)."""
    best = None
    for path in sorted((project / "data" / "alumni").glob("*.yml")):
        text = path.read_text(encoding="utf-8")
        if "profil_publik: true" not in text or not _NAME.search(text):
            continue
        key = (_name(text).casefold(), path.stem)
        if best is None or key < best[0]:
            best = (key, path)
    if best is None:
        raise SystemExit(f"{project}: tidak ada alumni publik untuk diubah")
    return best[1]


def serve_command(project: Path, port: int, mkdocs: bool = False) -> list[str]:
    """The preview command `make serve` runs (after `portal check`)."""
    if mkdocs:
        return [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--watch", "data"]
    return [sys.executable, str(project / "hooks" / "pratinjau.py"), "--dev-addr", f"127.0.0.1:{port}"]


def _check(project: Path) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import sys; from portal_ekspor.cli.main import main; sys.exit(main())",
                    "--folder", str(project), "check"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return round(time.perf_counter() - started, 2)


def sync_hooks(project: Path) -> None:
    """The project's hooks/ as in this checkout: the code measured is the code checked out."""
    for source in sorted((ROOT / "hooks").glob("*.py")):
        target = project / "hooks" / source.name
        if not target.exists() or target.read_bytes() != source.read_bytes():
            shutil.copy2(source, target)


def measure(project: Path, times: int = 3, timeout: float = 900, *, mkdocs: bool = False) -> dict:
    project = Path(project).resolve()
    if not mkdocs:
        sync_hooks(project)  # (--mkdocs measures the project as it is: e.g. an older checkout's hooks)
    checks = [_check(project), _check(project)]
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    record = first_public_record(project)
    text = record.read_text(encoding="utf-8")
    slug = record.stem
    page, page_en, listing = base + f"alumni/{slug}/", base + f"en/exporters/{slug}/", base + "alumni/"
    started = time.perf_counter()
    proc = subprocess.Popen(serve_command(project, port, mkdocs), cwd=project, env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        first = _wait(lambda: "pe-profile" in (_get(page) or ""), timeout)
        english = _get(page_en) is not None
        entry = lambda: _index_entries(base)
        _wait(lambda: entry() is not None, timeout, 0.5)
        ready = time.perf_counter() - started
        out: dict[str, list[float]] = {"save_to_page_s": [], "save_to_en_s": [], "save_to_listing_s": [],
                                       "save_to_search_s": []}
        for i in range(times):
            word = f"Kata{os.getpid()}x{i}"
            before = entry()
            record.write_text(with_word(text, word), encoding="utf-8")
            saved = time.perf_counter()
            pending = {"save_to_page_s": page, "save_to_listing_s": listing}
            if english:
                pending["save_to_en_s"] = page_en
            while pending:
                for name, url in list(pending.items()):
                    if word in (_get(url) or ""):
                        out[name].append(round(time.perf_counter() - saved, 2))
                        del pending[name]
                if time.perf_counter() - saved > timeout:
                    raise TimeoutError(f"{', '.join(pending)} tidak memuat perubahan setelah {timeout} detik")
                time.sleep(0.02)
            _wait(lambda: entry() != before, timeout, 0.1)
            out["save_to_search_s"].append(round(time.perf_counter() - saved, 2))
        return {"alumni_files": sum(1 for _ in (project / "data" / "alumni").glob("*.yml")),
                "preview": "mkdocs serve" if mkdocs else "pratinjau", "check_s": checks,
                "first_page_s": round(first, 2), "first_build_s": round(first, 2),  # (older name, kept for callers)
                "startup_s": round(ready, 1), **out}
    finally:
        record.write_text(text, encoding="utf-8")
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=30)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(proc.pid, signal.SIGKILL)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--kali", type=int, default=3, help="berapa kali menyimpan")
    parser.add_argument("--mkdocs", action="store_true", help="pratinjau lama: `mkdocs serve` saja")
    args = parser.parse_args()
    print(json.dumps(measure(args.project, args.kali, mkdocs=args.mkdocs), indent=1))


if __name__ == "__main__":
    main()
