"""The search index in shards: a few Pagefind bundles per language, searched together.

Pagefind holds every page of a run in memory while it writes its files (about
140 KB a page, measured): one index over 18,000 profiles needed 2.2 GB. So each
language's pages are split into shards of at most ``halaman_per_bagian_cari``
pages (mkdocs.yml), and Pagefind runs side by side only while the pages they
hold together stay within that number (indexer.py): the indexer's peak is
bounded by the setting, not by the portal's size. The search box merges the
shards with Pagefind's ``mergeIndex`` (docs/assets/javascripts/cari.js).

The price is paid in the browser: Pagefind cuts each index into chunks of a
fixed number of word positions, so a query word costs one chunk *per shard*
(~17-20 KB gzip each at 20,000 alumni). Hence few, large shards by default
(bench/RESULTS.md: 10,000 pages, two shards per language at 20,000 alumni).

Layout: shard 0 of every language is the bundle in ``cari/`` itself, with
Pagefind's scripts and WebAssembly; shard k lives in ``cari/bagian-k/`` (index
files only: merged indexes use the WebAssembly of the first), and
``cari/bagian.json`` says how many shards each language has. A portal small
enough for one shard per language has exactly the layout of one index.

A page's shard is a hash of its URL: stable across builds, hash seeds and file
systems, and every shard gets the same share of profiles *and* modules. Pagefind
scores a page against its own index's statistics (how rare a word is, how long
pages are); shards that look alike keep scores comparable when the browser
sorts the merged results. A shard of modules alone would rate every topic word
common and hand topic queries to profiles.

A shard whose documents are byte-identical to an earlier build's, indexed by
the same code and Pagefind version, is not indexed again: its index files come
from the build cache (content-addressed, ``cache.py``), so editing one alumnus
re-indexes one shard per language.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from importlib import metadata
from pathlib import Path

from ..cache import BuildCache

MANIFEST = "bagian.json"
DEFAULT_PAGES_PER_SHARD = 10000
KEEP_UNUSED_SECONDS = 600.0
_KIND = "cari"
_INDEX_PARTS = ("index", "fragment", "filter")


def shard_count(pages: int, per_shard: int) -> int:
    return max(1, -(-pages // max(1, per_shard)))


def shard_of(url: str, count: int) -> int:
    """The shard of a page: a hash of its URL, independent of the hash seed."""
    if count <= 1:
        return 0
    return int.from_bytes(hashlib.blake2b(url.encode("utf-8"), digest_size=8).digest(), "big") % count


def plan(by_language: dict[str, list[tuple[str, int]]], per_shard: int) -> dict[str, list[list[int]]]:
    """Per language, the byte offsets of each shard's documents (in the order given, by URL)."""
    out: dict[str, list[list[int]]] = {}
    for language, lines in sorted(by_language.items()):
        count = shard_count(len(lines), per_shard)
        while True:  # a hash fills shards unevenly: one more until none holds too many
            groups: list[list[int]] = [[] for _ in range(count)]
            for url, offset in lines:
                groups[shard_of(url, count)].append(offset)
            if max(map(len, groups)) <= per_shard:
                break
            count += 1
        # An empty shard would be an index without the language (the search box
        # would then fall back to another language's): the others close up.
        out[language] = [group for group in groups if group] or [[]]
    return out


def folder_name(shard: int) -> str:
    return "" if shard == 0 else f"bagian-{shard}"


def write_manifest(output: Path, counts: dict[str, int]) -> None:
    (output / MANIFEST).write_text(json.dumps(dict(sorted(counts.items())), separators=(",", ":")), encoding="utf-8")


def is_index_file(rel: str) -> bool:
    """Files of a bundle that describe its pages (not Pagefind's scripts or WebAssembly)."""
    return rel == "pagefind-entry.json" or rel.endswith(".pf_meta") or rel.split("/", 1)[0] in _INDEX_PARTS


def index_files(folder: Path) -> list[tuple[str, bytes]]:
    files = []
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_file() and is_index_file(rel):
            files.append((rel, path.read_bytes()))
    return files


def documents_digest(documents: Path, offsets: list[int]) -> str:
    """A hash of a shard's documents: the exact lines Pagefind is fed, in order."""
    h = hashlib.blake2b(digest_size=20)
    with documents.open("rb") as lines:
        for offset in offsets:
            lines.seek(offset)
            line = lines.readline()
            h.update(len(line).to_bytes(8, "little"))
            h.update(line)
    return h.hexdigest()


def _pagefind_version() -> str:
    versions = []
    for name in ("pagefind", "pagefind_bin"):
        try:
            versions.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}==-")
    return ",".join(versions)


class BundleCache:
    """Index files of shards, keyed by their documents, this package's code and Pagefind's version."""

    def __init__(self, folder: Path):
        self.cache = BuildCache(folder, memory=False)
        self.version = _pagefind_version()
        self.used: set[str] = set()

    def key(self, language: str, documents: Path, offsets: list[int]) -> str:
        return self.cache.key(_KIND, self.version, language, documents_digest(documents, offsets))

    def restore(self, key: str, folder: Path) -> bool:
        """Write a cached shard's index files into ``folder``; False when not cached."""
        files = self.cache.get(key)
        self.used.add(key)
        if files is None:
            return False
        for rel, content in files:
            target = folder / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        path = self.cache._path(key)
        if path.exists():
            os.utime(path)  # recently used: kept by prune()
        return True

    def store(self, key: str, folder: Path) -> None:
        self.used.add(key)
        self.cache.put(key, index_files(folder))

    def prune(self) -> None:
        """Drop shards this run did not use, unless another build used them a moment ago
        (a preview and a `portal build` may share the cache): every edit makes new shards."""
        assert self.cache.folder is not None
        keep = {self.cache._path(k) for k in self.used}
        cutoff = time.time() - KEEP_UNUSED_SECONDS
        for path in (self.cache.folder / _KIND).glob("*/*"):
            try:
                if path not in keep and path.stat().st_mtime < cutoff:
                    path.unlink()
            except FileNotFoundError:
                pass

