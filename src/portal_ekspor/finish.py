"""The last steps of a build, after the pages: the search index and the offline manifest.

Pagefind holds every page it indexes in memory. Run from MkDocs' post-build
hook it would add its peak to MkDocs' own, which still holds every page and
record: at 20,000 alumni the two together needed several GB. So `portal
build` asks the hook (environment variable ``PORTAL_SERAH_TERIMA``, a folder)
for a *handoff* instead: the search documents streamed to a file while pages
were written, and the curriculum URLs of the offline manifest. Once MkDocs has
exited, :func:`finish` indexes and writes the service worker. A plain `mkdocs
build` runs the same :func:`finish` inside the hook: the output is the same.

The service worker comes last because the release version hashes every file,
the search index included.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from .offline import plan, write_service_worker
from .published import Manifest, PreviousSite, read_page_keys
from .search.indexer import index_documents

HANDOFF_ENV = "PORTAL_SERAH_TERIMA"
DOCUMENTS = "cari-dokumen.jsonl"
OFFLINE_URLS = "luring.json"
INDEX_SETTINGS = "cari-aturan.json"


def handoff_folder() -> Path | None:
    """The folder `portal build` gave the hook for the handoff, if any."""
    value = os.environ.get(HANDOFF_ENV)
    return Path(value) if value else None


def write_offline_urls(work: Path, urls: list[str]) -> None:
    (work / OFFLINE_URLS).write_text(json.dumps(urls, ensure_ascii=False), encoding="utf-8")


def write_index_settings(work: Path, per_shard: int, cache: Path | None) -> None:
    """How the search index is split, and where unchanged shards are cached (from mkdocs.yml)."""
    value = {"halaman_per_bagian": per_shard, "cache": str(cache) if cache is not None else None}
    (work / INDEX_SETTINGS).write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")


def finish(site_dir: Path, work: Path, previous: PreviousSite | None = None) -> Manifest:
    """Index the handed-over documents into ``site_dir`` and write the service worker.
    Raises ``IndexError_`` (an Indonesian message) when the index cannot be made whole.

    Returns the manifest of the new site (published.py); files linked from the
    ``previous`` site are not hashed again."""
    settings = json.loads((work / INDEX_SETTINGS).read_text(encoding="utf-8"))
    index_documents(work / DOCUMENTS, site_dir / "cari", per_shard=settings["halaman_per_bagian"],
                    cache=Path(settings["cache"]) if settings["cache"] else None)
    urls = json.loads((work / OFFLINE_URLS).read_text(encoding="utf-8"))
    hashes: dict[str, list] = {}
    write_service_worker(site_dir, plan(site_dir, urls, previous, hashes))
    return Manifest("", (0, 0), hashes, read_page_keys(work))
