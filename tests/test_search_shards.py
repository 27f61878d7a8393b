"""Search index shards: a stable split, merged bundles, and unchanged shards from the cache
that can never be stale (portal_ekspor/search/shards.py)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from async_run import run
from portal_ekspor.search import indexer, shards


def test_a_page_keeps_its_shard_whatever_the_hash_seed_or_order():
    # Fixed values: blake2b of the URL, never Python's seeded hash().
    assert [shards.shard_of("alumni/rendang-uni-sari/", 4), shards.shard_of("modul/pemula/harga-ekspor/", 4)] == [1, 2]
    urls = [f"alumni/usaha-{i}/" for i in range(2000)]
    forward = shards.plan({"id": [(u, i) for i, u in enumerate(urls)]}, 600)["id"]
    assert len(forward) == 4 and all(400 < len(g) <= 600 for g in forward)
    assert sorted(o for g in forward for o in g) == list(range(2000))
    for number, group in enumerate(forward):
        assert all(shards.shard_of(urls[o], 4) == number for o in group)


def test_small_portals_keep_one_index_and_no_shard_is_empty():
    assert shards.plan({"id": [("a/", 0), ("b/", 1)]}, 5000) == {"id": [[0, 1]]}
    # Never more pages in a shard than asked for, and no shard empty, however the hash falls.
    for per_shard in (1, 3, 7, 20):
        groups = shards.plan({"en": [(f"p{i}/", i) for i in range(81)]}, per_shard)["en"]
        assert all(0 < len(g) <= per_shard for g in groups) and sum(map(len, groups)) == 81


def _records(n_id: int, n_en: int, *, changed: int | None = None, without: int | None = None) -> list[dict]:
    out = []
    for i in range(n_id):
        if i == without:
            continue
        extra = " sudah diubah" if i == changed else ""
        out.append({"url": f"alumni/usaha-{i}/", "title": f"Usaha {i}", "language": "id",
                    "html": f"<div data-pagefind-body><p>Kopi arabika dari usahaku{i}{extra}.</p></div>"})
    for i in range(n_en):
        out.append({"url": f"en/exporters/firm-{i}/", "title": f"Firm {i}", "language": "en",
                    "html": f"<div data-pagefind-body><p>Arabica coffee from firmno{i}.</p></div>"})
    return out


def _lines(records: list[dict]) -> dict[str, list[tuple[str, int]]]:
    """As the indexer reads them, with the offset replaced by the position in URL order."""
    by_language: dict[str, list[str]] = {}
    for record in records:
        by_language.setdefault(record["language"], []).append(record["url"])
    return {lang: [(url, i) for i, url in enumerate(sorted(urls))] for lang, urls in by_language.items()}


def _index(tmp: Path, name: str, records: list[dict], cache: Path | None) -> Path:
    documents = tmp / f"{name}.jsonl"
    indexer.write_documents(documents, records, {})
    output = tmp / name / "cari"
    run(indexer._feed(documents, output, 10, cache))
    return output


def _words(output: Path) -> dict[str, bytes]:
    """Every fragment and word-index file, decompressed, by path (their names are content hashes)."""
    return {p.relative_to(output).as_posix(): gzip.decompress(p.read_bytes()) for p in sorted(output.rglob("*"))
            if p.suffix in (".pf_fragment", ".pf_index")}


class _Runs(list):
    held: dict


@pytest.fixture
def counted(monkeypatch):
    """Pagefind runs, as (language of the first document, number of documents)."""
    runs: list[tuple[str, int]] = _Runs()
    real = indexer._index_language
    held = {"now": 0, "most": 0, "runs": 0, "most_runs": 0}

    async def spy(service, documents, offsets, output):
        first = next(indexer._read(documents, offsets[:1]))
        runs.append((first["language"], len(offsets)))
        held["now"] += len(offsets)
        held["runs"] += 1
        held["most"], held["most_runs"] = max(held["most"], held["now"]), max(held["most_runs"], held["runs"])
        try:
            await real(service, documents, offsets, output)
        finally:
            held["now"] -= len(offsets)
            held["runs"] -= 1

    monkeypatch.setattr(indexer, "_index_language", spy)
    runs.held = held
    return runs


def test_pagefind_runs_side_by_side_only_within_the_page_budget(tmp_path, counted):
    _index(tmp_path, "kecil", _records(4, 4), None)  # 8 pages, budget 10: both languages at once
    assert counted.held["most_runs"] == 2
    counted.held.update(most=0, most_runs=0)
    _index(tmp_path, "besar", _records(30, 12), None)  # shards of up to 10: never two of them past 10
    assert counted.held["most"] <= 10 and len(counted) >= 7


def test_shards_are_merged_per_number_and_unchanged_ones_come_from_the_cache(tmp_path, counted):
    cache = tmp_path / "cache"
    first = _index(tmp_path, "awal", _records(30, 12), cache)
    planned = shards.plan(_lines(_records(30, 12)), 10)
    counts = {"en": len(planned["en"]), "id": len(planned["id"])}
    assert counts["id"] >= 3 and counts["en"] >= 2
    assert json.loads((first / "bagian.json").read_text()) == counts
    entry = json.loads((first / "pagefind-entry.json").read_text())
    assert set(entry["languages"]) == {"en", "id"} and (first / "pagefind.js").is_file()
    pages = {"id": entry["languages"]["id"]["page_count"], "en": entry["languages"]["en"]["page_count"]}
    for number in range(1, counts["id"]):
        shard = json.loads((first / f"bagian-{number}" / "pagefind-entry.json").read_text())["languages"]
        for language, value in shard.items():
            pages[language] += value["page_count"]
            assert value["page_count"] == len(planned[language][number])
        assert set(shard) == {lang for lang, n in counts.items() if n > number}
        assert not (first / f"bagian-{number}" / "pagefind.js").exists()
    assert pages == {"id": 30, "en": 12}
    assert len(counted) == counts["id"] + counts["en"]

    counted.clear()
    again = _index(tmp_path, "lagi", _records(30, 12), cache)
    assert counted == []  # nothing changed: every shard from the cache
    assert _words(again) == _words(first)

    # One Indonesian page changes, another one is withdrawn: only their shards are indexed again,
    # and the result is the index a build without any cache makes.
    counted.clear()
    edited = _records(30, 12, changed=4, without=7)
    incremental = _index(tmp_path, "ubah", edited, cache)
    urls = [url for url, _ in _lines(_records(30, 12))["id"]]
    changed_shards = {n for n, group in enumerate(planned["id"]) for o in group if urls[o] in ("alumni/usaha-4/", "alumni/usaha-7/")}
    assert [language for language, _ in counted] == ["id"] * len(changed_shards)
    counted.clear()
    clean = _index(tmp_path, "bersih", edited, None)
    assert _words(incremental) == _words(clean)
    everything = b"".join(_words(incremental).values())
    assert b"usahaku7" not in everything and b"diubah" in everything
    assert b"usahaku7" in b"".join(_words(first).values())  # the control


def test_shards_no_build_uses_leave_the_cache(tmp_path):
    """Every edit makes new shards: those no build used for a while are dropped, the
    ones this build used and those another build (a preview) used a moment ago stay."""
    import os

    documents = tmp_path / "d.jsonl"
    indexer.write_documents(documents, _records(3, 0), {})
    folder = tmp_path / "bundel"
    folder.mkdir()
    (folder / "pagefind-entry.json").write_text("{}")
    first = shards.BundleCache(tmp_path / "cache")
    keys = [first.key("id", documents, [o]) for o in (0, 1, 2)]
    for key in keys:
        first.store(key, folder)
    paths = [first.cache._path(k) for k in keys]
    old = paths[0].stat().st_mtime - 2 * shards.KEEP_UNUSED_SECONDS
    os.utime(paths[0], (old, old))
    os.utime(paths[1], (old, old))
    later = shards.BundleCache(tmp_path / "cache")
    assert later.restore(keys[1], tmp_path / "pulih")  # used by this build: kept, however old
    later.prune()
    assert [p.exists() for p in paths] == [False, True, True]
    assert (tmp_path / "pulih" / "pagefind-entry.json").read_text() == "{}"
