"""The search index in shards (portal_ekspor/search/shards.py), searched in Chromium.

The sample portal is built with a few pages per shard, so each language's index
is split into several Pagefind bundles the search box merges. Every query must
find what the same query finds in one index: the same number of results, the
same kinds, and the shards are really fetched.
"""

from __future__ import annotations

import json
import re

import pytest

from browser import SEARCH_SETTLED, serve
from conftest import build, copy_project

pytestmark = pytest.mark.browser

PER_SHARD = 20


@pytest.fixture(scope="module")
def sharded(tmp_path_factory):
    """(url, log of every response the server sent, site folder)."""
    project = copy_project(tmp_path_factory.mktemp("bagian") / "portal")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "    folder_cache:" in text
    config.write_text(text.replace("halaman_per_bagian_cari: 10000", f"halaman_per_bagian_cari: {PER_SHARD}", 1),
                      encoding="utf-8")
    site = build(project)
    log: list = []
    with serve(site, log) as url:
        yield url, log, site


def _count(page, url: str, query: str, kind: str | None = None) -> tuple[int, list[str]]:
    """Number of results the header search reports for ``query`` and the hrefs it lists."""
    page.goto(url, wait_until="networkidle")
    page.locator("h1").first.click()
    page.keyboard.press("/")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'pe-search-input'")
    if kind:
        page.locator(f".pe-chip[data-kind='{kind}']").click()
    page.fill("#pe-search-input", query)
    page.wait_for_function(SEARCH_SETTLED)
    status = page.locator("#pe-search-status").inner_text()
    hrefs = page.locator("#pe-search-results a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    found = re.match(r"(\d+) ", status)
    return (int(found.group(1)) if found else 0), hrefs


def test_the_index_is_split_as_configured(sharded):
    _, _, site = sharded
    counts = json.loads((site / "cari" / "bagian.json").read_text(encoding="utf-8"))
    assert counts["id"] >= 3 and counts["en"] >= 2, counts
    for number in range(1, max(counts.values())):
        folder = site / "cari" / f"bagian-{number}"
        entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert set(entry["languages"]) == {lang for lang, n in counts.items() if n > number}
        assert all(0 < lang["page_count"] <= PER_SHARD for lang in entry["languages"].values())
        assert not list(folder.glob("*.js")) and not list(folder.glob("wasm.*"))  # the first bundle's are used


@pytest.mark.parametrize("query, kind", [("ekspor", None), ("ekspor", "Alumni"), ("kopi", None), ("rendang", None),
                                         ("pengemasan", None), ("sumbar", "Alumni")])
def test_shards_find_what_one_index_finds(page, site_url, sharded, query, kind):
    url, log, _ = sharded
    whole, whole_hrefs = _count(page, site_url, query, kind)
    seen = len(log)
    split, split_hrefs = _count(page, url, query, kind)
    assert whole > 0 and split == whole, (query, whole, split)
    assert set(split_hrefs) == set(whole_hrefs) or len(whole_hrefs) == 10, (whole_hrefs, split_hrefs)
    assert any(path.startswith("/cari/bagian-2/") for path, _ in log[seen:])


def test_english_pages_merge_their_own_shards(page, site_url, sharded):
    url, log, _ = sharded
    whole, _ = _count(page, site_url + "en/", "coffee")
    seen = len(log)
    split, hrefs = _count(page, url + "en/", "coffee")
    assert whole > 0 and split == whole
    assert hrefs and all("/en/" in h for h in hrefs)
    assert any(path.startswith("/cari/bagian-1/") for path, _ in log[seen:])
