"""Listing pages (per market, sector, province, certification, cohort) in both
languages: one page each with the first alumni and a link to the directory
filtered on that value, never the whole group paginated (issue 13's size budget)."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from portal_ekspor.privacy import public_profiles
from portal_ekspor.repository import load_portal
from portal_ekspor.site.english_pages import english_pages
from portal_ekspor.site.pages import PAGE_SIZE, listing_pages
from portal_ekspor.site.views import build_listings

ROOT = Path(__file__).resolve().parent.parent


def _crowd() -> list:
    """The sample's public profiles three times over under new names: some listings pass one page."""
    portal, problems = load_portal(ROOT)
    assert not problems
    profiles = public_profiles(portal)
    crowd = [dataclasses.replace(p, slug=f"{p.slug}-{n}") for n in range(3) for p in profiles]
    return sorted(crowd, key=lambda p: p.slug)


def test_each_listing_is_one_page_linking_to_the_filtered_directory():
    crowd = _crowd()
    listings = build_listings(crowd)
    big = max(listings["provinsi"], key=lambda l: len(l.profiles))
    assert len(big.profiles) > PAGE_SIZE
    pages = {p.url: p for p in listing_pages(listings)}
    assert not [u for u in pages if re.search(r"/\d+/$", u)], "no second pages"
    page = pages[big.url]
    assert page.html.count('class="pe-card"') == PAGE_SIZE
    assert (f'<a class="md-button" href="../../?provinsi={big.value}">Lihat semua {len(big.profiles)} '
            f"eksportir di direktori</a>") in page.html
    small = min(listings["provinsi"], key=lambda l: len(l.profiles))
    assert "Lihat semua" not in pages[small.url].html  # everything is on the page already

    english = {p.url: p for p in english_pages(crowd, listings)}
    assert not [u for u in english if re.search(r"/(page/)?\d+/$", u) and "/exporters/page/" not in u]
    en_page = next(p for p in english.values() if p.alternate == big.url)
    assert en_page.html.count('class="pe-card"') == PAGE_SIZE
    assert f'href="../../?province={big.value}">See all {len(big.profiles)} exporters' in en_page.html
