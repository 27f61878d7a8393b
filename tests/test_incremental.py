"""Incremental builds: after any sequence of edits, a build that reuses the cache
and the published site (pages linked from it, published.py) produces exactly the
site a clean build of the same files produces, and a withdrawn profile leaves no
trace."""

from __future__ import annotations

import hashlib
import re
import shutil
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import copy_project, run_portal
from site_scan import found, read_site
from portal_ekspor.cache import BuildCache, code_fingerprint
from portal_ekspor.offline import unstable_search_file

pytestmark = pytest.mark.slow

SLUG = "abon-ndalem-kartika"  # named nowhere in docs/
NAME = b"Abon Ndalem Kartika"


def _alumni(project: Path) -> list[Path]:
    return sorted((project / "data" / "alumni").glob("*.yml"))


def add(project: Path, n: int) -> None:
    source = _alumni(project)[n % len(_alumni(project))]
    text = source.read_text(encoding="utf-8").replace("nama_usaha: ", f"nama_usaha: Cabang {n} ", 1)
    (project / "data" / "alumni" / f"cabang-baru-{n}.yml").write_text(text, encoding="utf-8")


def delete(project: Path, n: int) -> None:
    files = _alumni(project)
    files[n % len(files)].unlink()


def rename(project: Path, n: int) -> None:
    files = _alumni(project)
    path = files[n % len(files)]
    path.rename(path.with_name(f"nama-baru-{n}-{path.name}"))


def withdraw(project: Path, n: int) -> None:
    files = _alumni(project)
    path = files[n % len(files)]
    path.write_text(path.read_text(encoding="utf-8").replace("profil_publik: true", "profil_publik: false", 1),
                    encoding="utf-8")


def hide_email(project: Path, n: int) -> None:
    for path in _alumni(project)[n % 5::5]:
        text = path.read_text(encoding="utf-8")
        head, sep, rest = text.partition("  email:\n")
        if sep:
            path.write_text(head + sep + rest.replace("publik: true", "publik: false", 1), encoding="utf-8")


def edit_module(project: Path, n: int) -> None:
    modules = sorted((project / "docs" / "modul").rglob("*.md"))
    path = modules[n % len(modules)]
    path.write_text(path.read_text(encoding="utf-8") + f"\nCatatan tambahan nomor {n} tentang pengemasan.\n",
                    encoding="utf-8")


def edit_glossary(project: Path, n: int) -> None:
    path = project / "data" / "glossary.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("Aturan baku", f"Aturan baku ({n})", 1), encoding="utf-8")


def edit_program(project: Path, n: int) -> None:
    path = project / "data" / "programs" / "ecp-sumbar.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("nama: ECP Sumatera Barat 2023",
                                                            f"nama: ECP Sumatera Barat 2023 gelombang {n}", 1),
                    encoding="utf-8")


def edit_theme(project: Path, n: int) -> None:
    path = project / "mkdocs.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("copyright: Portal Ekspor", f"copyright: Portal Ekspor {n}", 1),
                    encoding="utf-8")


EDITS = [add, delete, rename, withdraw, hide_email, edit_module, edit_glossary, edit_program, edit_theme]


unstable = unstable_search_file
"""Pagefind's filter and metadata indexes vary between runs (Pagefind issue 638)."""


_PAGEFIND_ASSET = re.compile(r"^cari/(pagefind[-.].*\.(js|css)|wasm\..*\.pagefind)$")
"""Pagefind's own scripts, styles and wasm, copied, not built from content.
Under load they are sometimes written short (pagefind-component-ui.js cut at
128 KiB, pagefind-highlight.js empty) by the index writing, whatever the
cache does: a separate fault, reported. Here they are checked for presence."""


def digest(folder: Path) -> dict[str, str]:
    out = {}
    for p in sorted(folder.rglob("*")):
        rel = p.relative_to(folder).as_posix()
        if not p.is_file() or unstable(rel):
            continue
        data = p.read_bytes()
        if _PAGEFIND_ASSET.match(rel):
            data = b"present"
        elif rel == "sw.js":  # the release version hashes every file, Pagefind's assets included
            data = re.sub(rb'"version":"[0-9a-f]+"', b'"version":""', data)
        out[rel] = hashlib.sha256(data).hexdigest()
    return out


PER_SHARD = 20
"""Pages per search shard in these builds: several shards per language, so an edit
re-indexes some and takes the others from the cache (search/shards.py)."""


def build(project: Path, out: Path, *, cache: bool) -> Path:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "    folder_cache:" in text
    sharded = text.replace("halaman_per_bagian_cari: 10000", f"halaman_per_bagian_cari: {PER_SHARD}", 1)
    config.write_text(sharded.replace("cache: true", "cache: false") if not cache else sharded, encoding="utf-8")
    try:
        done = run_portal("build", "--keluaran", str(out), cwd=project)
    finally:
        config.write_text(text, encoding="utf-8")
    assert done.returncode == 0, done.stdout + done.stderr
    return out


@settings(max_examples=3, deadline=None, suppress_health_check=list(HealthCheck))
@example(steps=[(edit_program, 1), (hide_email, 2), (rename, 3)])
@given(steps=st.lists(st.tuples(st.sampled_from(EDITS), st.integers(0, 60)), min_size=1, max_size=3))
def test_incremental_build_equals_a_clean_build(tmp_path_factory, steps):
    base = tmp_path_factory.mktemp("inkremental")
    project = copy_project(base / "portal")
    site = build(project, base / "situs", cache=True)  # fills the cache and publishes a manifest
    for edit, n in steps:
        edit(project, n)
        incremental = build(project, site, cache=True)  # over the published site, as staff rebuild
    clean_project = base / "bersih"
    shutil.copytree(project, clean_project, ignore=shutil.ignore_patterns(".cache"))
    clean = build(clean_project, base / "bersih-situs", cache=False)
    assert digest(incremental) == digest(clean), [e.__name__ for e, _ in steps]


def test_withdrawn_profile_leaves_no_trace_after_an_incremental_build(project, tmp_path):
    before = build(project, tmp_path / "awal", cache=True)
    assert (before / "alumni" / SLUG / "index.html").exists()
    record = project / "data" / "alumni" / f"{SLUG}.yml"
    record.write_text(record.read_text(encoding="utf-8").replace("profil_publik: true", "profil_publik: false"),
                      encoding="utf-8")
    shutil.copytree(before, tmp_path / "awal-salinan")  # the published site is replaced; keep one to compare
    before = tmp_path / "awal-salinan"
    site = build(project, tmp_path / "awal", cache=True)
    assert len(list((site / "cari").glob("bagian-*"))) >= 2  # shards, most of them from the cache
    for path in site.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert NAME not in data and SLUG.encode() not in data, path
            assert SLUG not in path.as_posix()
    # Decoded (the search index is gzip and CBOR): no shard, cached or not, still holds the profile.
    files = read_site(site)
    assert found(files, "Ndalem") == [] and found(files, SLUG) == []
    assert found(read_site(before), "Ndalem")  # the control: the scan sees it where it is


OTHER = "kopi-lae-renun"
"""Profiles no edit below touches: their pages must be linked from the published site."""


def test_rebuild_links_unchanged_pages_and_makes_changed_ones_again(project, tmp_path):
    site = build(project, tmp_path / "situs", cache=True)
    unchanged = [site / "alumni" / OTHER / "index.html", site / "en" / "exporters" / OTHER / "index.html"]
    inodes = [p.stat().st_ino for p in unchanged]
    # An edit whose pages must be made again, ...
    record = project / "data" / "alumni" / f"{SLUG}.yml"
    record.write_text(record.read_text(encoding="utf-8").replace(f"nama_usaha: {NAME.decode()}",
                                                                 f"nama_usaha: {NAME.decode()} Baru", 1),
                      encoding="utf-8")
    # ... and a published page changed by hand since: its key still matches, its file does not.
    tampered = site / "alumni" / "bakmi-telur-mbok-sinah" / "index.html"
    with open(tampered, "ab") as f:
        f.write(b"<!-- diubah tangan -->")
    build(project, site, cache=True)
    assert b"Abon Ndalem Kartika Baru" in (site / "alumni" / SLUG / "index.html").read_bytes()
    assert b"Abon Ndalem Kartika Baru" in (site / "en" / "exporters" / SLUG / "index.html").read_bytes()
    assert b"diubah tangan" not in tampered.read_bytes()
    assert [p.stat().st_ino for p in unchanged] == inodes, "unchanged pages are linked, not written again"
    _wait_until_replaced_sites_are_gone(site)
    clean_project = tmp_path / "bersih"
    shutil.copytree(project, clean_project, ignore=shutil.ignore_patterns(".cache", "site"))
    assert digest(site) == digest(build(clean_project, tmp_path / "bersih-situs", cache=False))


def _wait_until_replaced_sites_are_gone(site: Path, seconds: float = 300) -> None:
    """The replaced site is deleted by a process of its own once the new one is published (publish.py)."""
    deadline = time.monotonic() + seconds
    while list(site.parent.glob(f".{site.name}.lama-*")):
        assert time.monotonic() < deadline, "the replaced site was never deleted"
        time.sleep(0.2)


def test_cache_keys_change_with_the_code_and_bytes(tmp_path):
    cache = BuildCache(tmp_path / "c")
    assert cache.key("record", "a") != cache.key("record", "b")
    assert cache.key("record", "a") != cache.key("page", "a")
    cache.put(cache.key("record", "a"), {"x": 1})
    again = BuildCache(tmp_path / "c")
    assert again.get(cache.key("record", "a")) == {"x": 1}  # from disk, in a new process's cache
    assert cache.code == code_fingerprint() and len(cache.code) == 40
