"""The offline manifest the build writes into sw.js (portal_ekspor.offline)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from portal_ekspor.offline import OfflinePlan, plan, release_version, unstable_search_file, write_service_worker

ROOT = Path(__file__).resolve().parent.parent


def manifest(site) -> dict:
    text = (site / "sw.js").read_text(encoding="utf-8")
    return json.loads(re.search(r"^var OFFLINE = (.*?); // portal:offline$", text, re.M).group(1))


def test_manifest_names_every_module_and_the_assets_of_this_build(built_site):
    m = manifest(built_site)
    modules = sorted(p.parent.relative_to(built_site).as_posix() + "/" for p in built_site.glob("modul/*/*/index.html"))
    assert modules and set(modules) <= set(m["precache"])
    for page in ("", "modul/", "glosarium/", "program/", "offline/"):
        assert page in m["precache"]
    css = [p.relative_to(built_site).as_posix() for p in built_site.glob("assets/stylesheets/main.*.min.css")]
    js = [p.relative_to(built_site).as_posix() for p in built_site.glob("assets/javascripts/bundle.*.min.js")]
    assert css and js and set(css + js) <= set(m["precache"]) and set(css + js) <= set(m["core"])
    assert "assets/javascripts/harga-ekspor.js" in m["precache"]  # loaded only by the price module
    assert not any(u.startswith("alumni/") for u in m["precache"])  # profiles are kept only when opened
    for url in m["precache"]:
        target = built_site / url / "index.html" if url == "" or url.endswith("/") else built_site / url
        assert target.is_file(), url
    assert m["version"] == release_version(built_site)


def test_release_version_follows_every_file_but_not_the_worker(built_site, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(built_site, copy)
    before = release_version(copy)
    (copy / "sw.js").write_text("// changed", encoding="utf-8")
    assert release_version(copy) == before
    profile = next(copy.glob("alumni/*/index.html"))
    profile.write_text(profile.read_text(encoding="utf-8") + " ", encoding="utf-8")
    assert release_version(copy) != before
    profile.unlink()
    assert release_version(copy) != before


def test_worker_without_its_manifest_line_is_refused(tmp_path):
    (tmp_path / "sw.js").write_text("self.addEventListener('fetch', () => {});\n", encoding="utf-8")
    with pytest.raises(ValueError, match="portal:offline"):
        write_service_worker(tmp_path, OfflinePlan("x", [], []))


def test_plan_skips_other_hosts_and_missing_files(tmp_path):
    (tmp_path / "offline").mkdir()
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets/a.css").write_text("a{}", encoding="utf-8")
    (tmp_path / "offline/index.html").write_text(
        '<link rel="stylesheet" href="../assets/a.css"><link rel="stylesheet" href="https://cdn.example/x.css">'
        '<script src="../assets/missing.js"></script>', encoding="utf-8")
    p = plan(tmp_path, ["", "offline/"])
    assert p.core == ["offline/", "assets/a.css"]
    assert p.precache == ["offline/", "assets/a.css"]


def test_worker_keeps_the_hashed_files_of_every_search_shard(node):
    """Hash-named index files never change, in cari/ and in each shard (cari/bagian-N/): the
    worker serves them cache-first; the shard list and the entry files are fetched afresh."""
    source = (ROOT / "docs" / "sw.js").read_text(encoding="utf-8")
    pattern = re.search(r"^var IMMUTABLE = (/.*/);$", source, re.M).group(1)
    paths = ["/cari/index/id_1a2b.pf_index", "/cari/bagian-1/index/id_1a2b.pf_index",
             "/p/cari/bagian-12/fragment/id_3c.pf_fragment", "/cari/bagian-2/pagefind.id_9f8e.pf_meta",
             "/cari/bagian.json", "/cari/bagian-1/pagefind-entry.json", "/cari/pagefind-entry.json",
             "/cari/bagian-x/index/a.pf_index"]
    script = f"const re = {pattern}; console.log(JSON.stringify({json.dumps(paths)}.map(p => re.test(p))));"
    done = subprocess.run([node, "-e", script], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == [True, True, True, True, False, False, False, False]
    assert [unstable_search_file(p.removeprefix("/")) for p in paths[:7]] == [False, False, False, True, False, True, True]
