"""Directory, profiles and statistics as a reader on a phone uses them."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from browser import PageWatch
from conftest import CHANNELS, slug_of
from portal_ekspor.privacy import public_profiles
from portal_ekspor.repository import load_valid_portal
from portal_ekspor.site.pages import DIRECTORY_PAGE_SIZE

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def profiles(built_site):
    portal = load_valid_portal(built_site.parent)
    return public_profiles(portal)


def _busiest_pair(profiles):
    """The province and sector pair with most alumni, so the filter is not trivial."""
    counts = {}
    for p in profiles:
        counts[(p.province_slug, p.sector)] = counts.get((p.province_slug, p.sector), 0) + 1
    return max(counts, key=counts.get)


def test_two_facets_give_exactly_the_expected_alumni_and_survive_reload(page, site_url, profiles):
    province, sector = _busiest_pair(profiles)
    expected = sorted(p.name for p in profiles if p.province_slug == province and p.sector == sector)
    assert 1 < len(expected) < len(profiles)
    page.goto(site_url + "alumni/", wait_until="networkidle")  # a desktop: the filters stand open
    page.select_option("#pe-f-provinsi", province)
    page.select_option("#pe-f-sektor", sector)
    # Settled on both facets: the heading names two of them (it is written only for the newest
    # query, so the province-only query cannot satisfy this) and that query's cards are in.
    page.wait_for_function(f"""document.getElementById('daftar').textContent.split(' \u00b7 ').length === 3
        && document.getElementById('daftar').textContent.startsWith('{len(expected)} alumni')
        && document.querySelectorAll('#pe-results .pe-card').length === {len(expected)}""")
    got = sorted(page.locator("#pe-results .pe-card__title").all_inner_texts())
    assert got == expected
    shared = page.url
    assert f"provinsi={province}" in shared and f"sektor={sector}" in shared
    fresh = page.context.new_page()
    fresh.goto(shared, wait_until="networkidle")
    fresh.wait_for_function(f"document.querySelectorAll('#pe-results .pe-card').length === {len(expected)}")
    assert fresh.locator("#pe-f-provinsi").input_value() == province
    assert fresh.locator("#pe-f-sektor").input_value() == sector
    assert sorted(fresh.locator("#pe-results .pe-card__title").all_inner_texts()) == expected


def test_ambassador_and_country_filters(page, site_url, profiles):
    country = max({d.country.code for p in profiles for d in p.destinations},
                  key=lambda c: sum(1 for p in profiles for d in p.destinations if d.country.code == c))
    expected = sorted(p.name for p in profiles if p.ambassador and any(d.country.code == country for d in p.destinations))
    page.goto(site_url + f"alumni/?negara={country.lower()}&duta=ya", wait_until="networkidle")
    page.wait_for_function(f"document.querySelectorAll('#pe-results .pe-card').length === {len(expected)}")
    assert sorted(page.locator("#pe-results .pe-card__title").all_inner_texts()) == expected


def test_without_javascript_the_list_and_pages_work(browser, own_site, own_site_url):
    """The paginated list, on a site with more than one page of alumni by construction (FILLER)."""
    total = len(public_profiles(load_valid_portal(own_site.parent)))
    assert total > DIRECTORY_PAGE_SIZE
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(own_site_url + "alumni/")
    cards = page.locator("#pe-results .pe-card__title")
    first = cards.all_inner_texts()
    assert len(first) == DIRECTORY_PAGE_SIZE
    assert page.locator("#pe-filter").is_hidden()
    page.locator(".pe-pager a[rel=next]").click()
    page.wait_for_url(own_site_url + "alumni/daftar/2/")
    second = cards.all_inner_texts()
    assert second and not set(second) & set(first)
    assert len(first) + len(second) == min(total, 2 * DIRECTORY_PAGE_SIZE)
    page.goto(own_site_url + "alumni/provinsi/")
    page.locator(".pe-facet-list a").first.click()
    assert page.locator(".pe-summary").inner_text().endswith("negara.")
    context.close()


@pytest.mark.parametrize("name", sorted(CHANNELS))
def test_profile_shows_only_consented_channels(page, own_site_url, name):
    number, wa_public, email_public = CHANNELS[name]
    page.goto(own_site_url + f"alumni/{slug_of(name)}/")
    text = page.locator("article.pe-profile").inner_text()
    hrefs = page.locator("article.pe-profile a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    digits = "".join(ch for ch in number if ch.isdigit())
    assert (number in text) == wa_public
    assert any(h and h.startswith("https://wa.me/") for h in hrefs) == wa_public
    assert any(digits[-6:] in (h or "") for h in hrefs) == wa_public
    assert ("info@uji.example" in text) == email_public
    assert any(h == "mailto:info@uji.example" for h in hrefs) == email_public


@pytest.mark.parametrize("path", ["alumni/", "alumni/rendang-uni-sari/", "statistik/", "alumni/provinsi/sumatera-barat/"])
def test_no_horizontal_scroll_on_a_phone(browser, site_url, path):
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(site_url + path, wait_until="networkidle")
    width = page.evaluate("Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)")
    assert width <= 360
    context.close()


def _every_year(counts: Counter) -> dict[str, int]:
    return {str(y): counts.get(y, 0) for y in range(min(counts), max(counts) + 1)} if counts else {}


def test_statistics_tables_all_match_the_data(page, site_url, profiles):
    """Every chart's table, row by row, against counts made here from the public profiles."""
    from portal_ekspor.reference.catalogues import SECTORS

    countries = Counter(d.country.name for p in profiles for d in {x.country.code: x for x in p.destinations}.values())
    top = sorted(countries.items(), key=lambda kv: (-kv[1], kv[0]))
    expected = {
        "Eksportir per provinsi": dict(Counter(p.province for p in profiles)),
        "Eksportir per sektor": dict(Counter(SECTORS[p.sector] for p in profiles)),
        "Eksportir per negara tujuan": dict(top[:15]),
        "Ekspor perdana per tahun": _every_year(Counter(p.first_export_year for p in profiles if p.first_export_year)),
        "Alumni per tahun angkatan": _every_year(Counter(p.cohort_year for p in profiles if p.cohort_year)),
    }
    page.goto(site_url + "statistik/")
    assert page.locator("table.pe-bars .pe-bars__bar").count() == page.locator("table.pe-bars tbody tr").count()
    shown = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('section')].filter(s => s.querySelector('h2') && s.querySelector('table')).map(s =>
        [s.querySelector('h2').textContent.trim(), [...s.querySelectorAll('tbody tr')].map(r => [r.querySelector('th').textContent.trim(), r.querySelector('td').textContent.trim()])]))""")
    got = {title: {label: int(value.replace(".", "")) for label, value in rows} for title, rows in shown.items()
           if title in expected}
    assert got == expected
    if len(top) > 15:
        rest = page.locator("section", has=page.locator("h2", has_text="Eksportir per negara tujuan")).inner_text()
        assert f"{sum(v for _, v in top[15:])} eksportir ke {len(top) - 15} negara lain" in rest


def test_meta_tags_and_json_ld(page, site_url):
    page.goto(site_url + "alumni/rendang-uni-sari/")
    assert page.locator("meta[name=description]").get_attribute("content").startswith("Rendang Uni Sari")
    assert page.locator("meta[property='og:title']").get_attribute("content") == "Rendang Uni Sari"
    data = json.loads(page.locator("script[type='application/ld+json']").inner_text())
    assert data["@type"] == "Organization" and data["name"] == "Rendang Uni Sari"
    assert "description" not in data, "the meta description is not repeated in the JSON-LD (issue 13: size)"
    assert "telephone" not in data
