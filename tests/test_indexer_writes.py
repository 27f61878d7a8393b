"""Pagefind answers "written" before its last buffers reach the disk; the indexer
must not end the service (or publish) until every file is whole.

CI saw the cut files for real (a WebAssembly stream and pagefind-component-ui.js
ending at 128 KiB under load); these tests plant the same cuts.
"""

from __future__ import annotations

import asyncio
import gzip
import shutil
from pathlib import Path

import pytest

from async_run import run
from portal_ekspor.search import indexer

RECORDS = [
    {"url": "modul/a/", "title": "A", "language": "id",
     "html": "<div data-pagefind-body><p>kopi pengemasan ekspor</p></div>"},
    {"url": "en/exporters/a/", "title": "A", "language": "en",
     "html": "<div data-pagefind-body><p>coffee packaging export</p></div>"},
]


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> tuple[Path, list[str]]:
    work = tmp_path_factory.mktemp("pagefind")
    documents = work / "dokumen.jsonl"
    indexer.write_documents(documents, RECORDS, {})
    output = work / "cari"
    rewritten = run(indexer._feed(documents, output))
    return output, rewritten


@pytest.fixture
def output(written, tmp_path) -> Path:
    copy = tmp_path / "cari"
    shutil.copytree(written[0], copy)
    return copy


def test_a_whole_index_has_nothing_unfinished_and_needs_no_asset_rewritten(written):
    folder, rewritten = written
    assert rewritten == []
    index_files = [p for p in folder.rglob("*.pf_*")]
    assert len(index_files) >= 6  # meta, index and fragment files of both languages
    assert indexer.unfinished_files(folder) == []


def test_cut_index_files_are_found(output):
    fragment = sorted((output / "fragment").iterdir())[0]
    fragment.write_bytes(fragment.read_bytes()[:-6])  # gzip trailer missing
    chunk = sorted((output / "index").iterdir())[0]
    chunk.write_bytes(b"")  # created, nothing written yet
    meta = sorted(output.glob("pagefind.*.pf_meta"))[0]
    meta.write_bytes(gzip.compress(b"something else"))  # whole gzip, not Pagefind's
    entry = output / "pagefind-entry.json"
    entry.write_bytes(entry.read_bytes()[:20])
    assert indexer.unfinished_files(output) == sorted([fragment, chunk, meta, entry])


def test_waiting_for_a_file_that_never_completes_ends_in_an_indonesian_error(output):
    fragment = sorted((output / "fragment").iterdir())[0]
    fragment.write_bytes(fragment.read_bytes()[:10])
    with pytest.raises(indexer.IndexError_) as problem:
        run(indexer._wait_until_written(output, seconds=0.2))
    assert "tidak selesai menulis 1 file indeks" in str(problem.value)
    assert fragment.relative_to(output).as_posix() in str(problem.value)


def test_waiting_ends_as_soon_as_the_cut_file_is_completed(output):
    fragment = sorted((output / "fragment").iterdir())[0]
    whole = fragment.read_bytes()
    fragment.write_bytes(whole[:10])

    async def finish_later():
        await asyncio.sleep(0)  # let the wait see the cut file first
        assert indexer.unfinished_files(output) == [fragment]
        fragment.write_bytes(whole)

    async def both():
        await asyncio.gather(indexer._wait_until_written(output, seconds=60), finish_later())

    run(both())
    assert indexer.unfinished_files(output) == []


def test_cut_version_assets_are_restored_from_pagefinds_own_bytes(written, output):
    script = output / "pagefind-component-ui.js"
    original = script.read_bytes()
    assert len(original) > 131072
    script.write_bytes(original[:131072])
    wasm = output / "wasm.id.pagefind"
    wasm_bytes = wasm.read_bytes()
    wasm.write_bytes(wasm_bytes[:4096])
    (output / "pagefind-ui.css").unlink()

    assets = run(_assets(indexer._languages(written[0])))
    assert {"pagefind-component-ui.js", "wasm.id.pagefind", "wasm.en.pagefind", "pagefind.js"} <= set(assets)
    assert not any(name.endswith((".pf_meta", ".pf_index", ".pf_fragment")) for name in assets)

    assert indexer.restore_version_assets(output, assets) == [
        "pagefind-component-ui.js", "pagefind-ui.css", "wasm.id.pagefind"]
    assert script.read_bytes() == original
    assert wasm.read_bytes() == wasm_bytes
    assert indexer.restore_version_assets(output, assets) == []


async def _assets(languages: list[str]) -> dict[str, bytes]:
    from pagefind.service import PagefindService

    async with PagefindService() as service:
        return await indexer._version_assets(service, languages)


def test_the_indexer_keeps_pagefind_alive_until_its_late_writes_land(tmp_path, monkeypatch):
    """Pagefind's answer comes first, the last buffer of a file later: the indexer
    returns only once that buffer is on disk."""
    from pagefind.index import PagefindIndex

    answer = PagefindIndex.write_files
    check = indexer.unfinished_files
    seen_cut = asyncio.Event()

    def watched_check(folder, known_good=None):
        waiting = check(folder, known_good)
        if waiting:
            seen_cut.set()
        return waiting

    async def write_files_answering_early(self, output_path=None):
        await answer(self, output_path)
        fragment = sorted((Path(self._config["output_path"]) / "fragment").iterdir())[0]
        whole = fragment.read_bytes()
        fragment.write_bytes(whole[: len(whole) // 2])

        async def last_buffer():
            await seen_cut.wait()  # lands only after the indexer has looked at the cut file
            fragment.write_bytes(whole)

        asyncio.get_running_loop().create_task(last_buffer())

    monkeypatch.setattr(PagefindIndex, "write_files", write_files_answering_early)
    monkeypatch.setattr(indexer, "unfinished_files", watched_check)
    documents = tmp_path / "dokumen.jsonl"
    indexer.write_documents(documents, RECORDS, {})
    run(indexer._feed(documents, tmp_path / "cari"))
    assert seen_cut.is_set()
    assert check(tmp_path / "cari") == []
