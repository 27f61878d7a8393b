"""Whole-build properties: reproducible output, ProperDocs, live reload of hooks."""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import build, run_portal
from portal_ekspor.parallel import WORKERS_ENV
from portal_ekspor.offline import unstable_search_file

pytestmark = pytest.mark.slow


def digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


# Pagefind writes its filter and metadata indexes from hash maps, so their bytes
# (and hashed names) vary between runs: Pagefind issue 638 ("Pagefind 1.1.0
# output is not stable"); since 1.3.0 the fragments are stable, the filter and
# metadata indexes and the entry file naming them still are not. Everything
# else, every page and the search text index included, must be identical.
pagefind_unstable = unstable_search_file  # in cari/ and in each shard, cari/bagian-N/


def _copy_reversed(project: Path, target: Path) -> Path:
    """The same project, its data files created in the opposite order (so a
    directory listing can come back in a different order)."""
    shutil.copytree(project, target, ignore=shutil.ignore_patterns("alumni"))
    (target / "data" / "alumni").mkdir()
    for path in sorted((project / "data" / "alumni").iterdir(), reverse=True):
        (shutil.copytree if path.is_dir() else shutil.copy2)(path, target / "data" / "alumni" / path.name)
    return target


def test_two_builds_are_byte_identical(project, tmp_path):
    """Separate processes, different hash seeds, build dates, file order and number of
    worker processes framing the pages (portal_ekspor/parallel.py), one output."""
    other = _copy_reversed(project, tmp_path / "other")
    runs = []
    for folder, seed, epoch, workers in ((project, "1", "1700000000", "1"), (other, "4242", "1800000000", "2")):
        out = tmp_path / f"site-{seed}"
        done = run_portal("build", "--keluaran", str(out), cwd=folder,
                          env={"PYTHONHASHSEED": seed, "SOURCE_DATE_EPOCH": epoch, WORKERS_ENV: workers})
        assert done.returncode == 0, done.stdout + done.stderr
        runs.append(digest(out))
    first, second = runs
    stable = lambda files: {k: v for k, v in files.items() if not pagefind_unstable(k)}
    differ = sorted(set(stable(first).items()) ^ set(stable(second).items()))
    assert differ == []
    assert len(stable(first)) > 100
    assert any(k.startswith("cari/fragment/") for k in stable(first))
    # The search word lists (roots, typo words, synonyms) are compared too.
    assert {"cari/akar.json", "cari/kata/indeks.json", "cari/sinonim.json"} <= set(stable(first))
    assert len([k for k in stable(first) if k.startswith("cari/kata/")]) > 10
    assert "sitemap.xml.gz" in first and "alumni/rendang-uni-sari/index.html" in first


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as r:
        return r.read().decode()


def _wait_for(url: str, needle: str, seconds: float) -> str:
    deadline = time.monotonic() + seconds
    body = ""
    while time.monotonic() < deadline:
        try:
            body = _get(url)
            if needle in body:
                return body
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{needle!r} not served at {url} within {seconds}s")


def test_serve_rebuilds_on_data_and_hook_changes(project):
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}",
                             "--watch", "data", "--watch", "hooks"],
                            cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}/"
        _wait_for(base + "alumni/rendang-uni-sari/", "Rendang Uni Sari", 120)
        record = project / "data" / "alumni" / "rendang-uni-sari.yml"
        record.write_text(record.read_text().replace("nama_usaha: Rendang Uni Sari", "nama_usaha: Rendang Uni Sari Baru"))
        _wait_for(base + "alumni/rendang-uni-sari/", "Rendang Uni Sari Baru", 120)
        adapter = project / "hooks" / "adapter.py"
        adapter.write_text(adapter.read_text().replace(
            "def on_page_content(html, page, config, files):\n",
            "def on_page_content(html, page, config, files):\n    html = '<p>PENANDA-HOOK-BARU</p>' + html\n", 1))
        _wait_for(base + "statistik/", "PENANDA-HOOK-BARU", 120)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_builds_unchanged_with_properdocs(project, tmp_path):
    # ProperDocs shares MkDocs' dependencies; only the package itself goes beside them.
    target = tmp_path / "pd"
    pip = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), "properdocs==1.6.7"],
                         capture_output=True, text=True)
    assert pip.returncode == 0, pip.stderr[-1000:]
    env = {**os.environ, "PORTAL_BUILDER": "properdocs", "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(target)}
    out = project / "pd-site"
    result = subprocess.run([sys.executable, "-m", "portal_ekspor.cli.main", "--folder", str(project), "build",
                             "--keluaran", str(out)], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    assert (out / "alumni" / "rendang-uni-sari" / "index.html").exists()
    assert (out / "cari" / "pagefind.js").exists()


def test_portal_build_indexes_after_mkdocs_with_the_same_output(project, tmp_path):
    """`portal build` runs Pagefind once MkDocs has exited (from the handoff the
    hook leaves); a plain `mkdocs build` indexes inside the hook. One output."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PORTAL_SERAH_TERIMA": str(tmp_path / "serah")}
    pages_only = tmp_path / "hanya-halaman"
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(pages_only)],
                          cwd=project, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    # With a handoff, MkDocs' process writes no index: it leaves the documents and the curriculum URLs.
    assert not (pages_only / "cari" / "pagefind-entry.json").exists()
    assert (pages_only / "cari" / "kata" / "indeks.json").is_file()
    lines = (tmp_path / "serah" / "cari-dokumen.jsonl").read_text(encoding="utf-8").splitlines()
    assert any('"url": "alumni/rendang-uni-sari/"' in line for line in lines)
    assert '"modul/"' in (tmp_path / "serah" / "luring.json").read_text(encoding="utf-8")

    in_hook = tmp_path / "dalam-hook"
    env.pop("PORTAL_SERAH_TERIMA")
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(in_hook)],
                          cwd=project, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    after = build(project, tmp_path / "portal-build")
    stable = lambda files: {k: v for k, v in files.items() if not pagefind_unstable(k)}
    first, second = stable(digest(in_hook)), stable(digest(after))
    assert sorted(set(first.items()) ^ set(second.items())) == []
    assert "sw.js" in first and any(k.startswith("cari/fragment/") for k in first)
