"""The indexer runs Pagefind once per language and merges the bundles; its
input order never matters. (Waiting for Pagefind's late writes and restoring
its version assets: tests/test_indexer_writes.py.)"""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
from pathlib import Path

from portal_ekspor.search import indexer

RECORDS = [
    {"url": "modul/kemasan/", "title": "Kemasan", "language": "id",
     "html": "<div data-pagefind-body><p>Kemasan ekspor yang kuat melindungi produk</p></div>"},
    {"url": "en/exporters/kopi/", "title": "Coffee", "language": "en",
     "html": "<div data-pagefind-body><p>Robusta coffee beans from Lampung</p></div>"},
    {"url": "alumni/kopi/", "title": "Kopi", "language": "id",
     "html": "<div data-pagefind-body><p>Kopi robusta Lampung</p></div>"},
]


def _run(coro):
    # A thread of its own: Playwright's sync API may keep an event loop running in this one.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


def test_documents_are_read_per_language_in_url_order_whatever_the_write_order(tmp_path):
    documents = tmp_path / "dokumen.jsonl"
    words = indexer.write_documents(documents, [*RECORDS, {**RECORDS[0], "title": "Kemasan baru"}], {})  # unsorted
    by_language = indexer._sorted_lines(documents)
    assert sorted(by_language) == ["en", "id"]
    urls = {lang: [d["url"] for d in indexer._read(documents, [o for _, o in lines])] for lang, lines in by_language.items()}
    assert {lang: [u for u, _ in lines] for lang, lines in by_language.items()} == urls
    assert urls == {"en": ["en/exporters/kopi/"], "id": ["alumni/kopi/", "modul/kemasan/"]}
    # A URL written twice: the last one wins.
    assert "Kemasan baru" in next(indexer._read(documents, [by_language["id"][1][1]]))["html"]
    assert words["kopi"] == 1 and "coffee" not in words  # the typo list counts Indonesian pages only


def test_one_run_per_language_merged_into_one_whole_bundle(tmp_path, monkeypatch):
    merge = indexer.merge_bundles
    sizes = []

    def merge_then_cut(parts, output, **options):
        sizes.append(sorted(p.name for p in parts))
        merge(parts, output, **options)
        script = output / "pagefind-component-ui.js"
        script.write_bytes(script.read_bytes()[: 128 * 1024])  # as seen under load

    monkeypatch.setattr(indexer, "merge_bundles", merge_then_cut)
    documents = tmp_path / "dokumen.jsonl"
    indexer.write_documents(documents, RECORDS, {})
    output = tmp_path / "cari"
    restored = _run(indexer._feed(documents, output))
    assert sizes == [["en-0", "id-0"]]  # one bundle per language (a single shard each)
    assert restored == ["pagefind-component-ui.js"]  # checked after the merge, not only per run
    entry = json.loads((output / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert sorted(entry["languages"]) == ["en", "id"]
    assert entry["languages"]["id"]["page_count"] == 2 and entry["languages"]["en"]["page_count"] == 1
    for language in entry["languages"].values():
        assert (output / f"pagefind.{language['hash']}.pf_meta").is_file()
    assert {"wasm.id.pagefind", "wasm.en.pagefind"} <= {p.name for p in output.iterdir()}
    assert indexer.unfinished_files(output) == []
    assert not any(p.name.startswith(".pagefind-") for p in tmp_path.iterdir())  # the runs' folders are gone
