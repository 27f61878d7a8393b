"""Search in the header, in Chromium: lazy, Indonesian-aware, keyboard-driven, local."""

from __future__ import annotations

import pytest

from browser import PageWatch

pytestmark = pytest.mark.browser


def _open_search(page):
    page.locator("h1").first.click()
    page.keyboard.press("/")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'pe-search-input'")


def _results(page):
    page.wait_for_selector("#pe-search-results li")
    page.wait_for_timeout(200)
    return page.locator("#pe-search-results a").evaluate_all("els => els.map(e => e.getAttribute('href'))")


def test_nothing_is_loaded_until_the_reader_searches(page, site_url):
    watch = PageWatch(page, site_url)
    page.goto(site_url + "statistik/", wait_until="networkidle")
    assert [u for u in watch.requests if "/cari/" in u] == []
    _open_search(page)
    page.keyboard.type("rendang")
    hrefs = _results(page)
    assert any("alumni/rendang-uni-sari/" in h for h in hrefs)
    assert any("/cari/" in u for u in watch.requests)
    assert watch.foreign == [] and watch.errors == []


def test_affixed_query_finds_the_root_form(page, site_url):
    page.goto(site_url, wait_until="networkidle")
    _open_search(page)
    page.keyboard.type("pengemasan")  # the profiles say "kemasan"; Snowball alone reads that as "masan"
    _results(page)
    page.locator(".pe-chip[data-kind='Alumni']").click()  # modules about packaging rightly come first otherwise
    page.wait_for_function("[...document.querySelectorAll('#pe-search-results a')].length > 0 && "
                           "[...document.querySelectorAll('#pe-search-results a')].every(a => a.href.includes('/alumni/'))")
    # Either rendang profile (both say "kemasan retort"); their order flips with their length.
    assert any(h.rstrip("/").split("/")[-1] in ("rendang-uni-sari", "rendang-dapua-amak") for h in _results(page))


def test_typo_is_corrected(page, site_url):
    page.goto(site_url, wait_until="networkidle")
    _open_search(page)
    page.keyboard.type("andalimam")
    assert any("andaliman" in h for h in _results(page))
    assert "andaliman" in page.locator("#pe-search-status").inner_text()


def test_kind_facet_narrows_results(page, site_url):
    page.goto(site_url, wait_until="networkidle")
    _open_search(page)
    page.keyboard.type("ekspor")
    everything = _results(page)
    assert any("/alumni/" not in h for h in everything)
    page.locator(".pe-chip[data-kind='Alumni']").click()
    page.wait_for_function("document.querySelector('.pe-chip[data-kind=Alumni]').getAttribute('aria-pressed') === 'true'")
    page.wait_for_timeout(500)
    only = page.locator("#pe-search-results a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert only and all("/alumni/" in h for h in only)
    kinds = set(page.locator(".pe-search__kind").evaluate_all("els => els.map(e => e.textContent)"))
    assert kinds == {"Alumni"}


def test_keyboard_navigation(page, site_url):
    page.goto(site_url, wait_until="networkidle")
    _open_search(page)
    page.keyboard.type("gambir")
    hrefs = _results(page)
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.getAttribute('href')") == hrefs[0]
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.getAttribute('href')") == hrefs[1]
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "pe-search-input"
    page.keyboard.press("ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.rstrip("/").endswith(hrefs[0].rstrip("/").split("/")[-1])


def test_escape_closes_search(page, site_url):
    page.goto(site_url, wait_until="networkidle")
    _open_search(page)
    assert page.evaluate("document.getElementById('__search').checked")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")


def test_unconsented_alumni_are_not_found(page, site_url, built_site):
    from portal_ekspor.repository import load_valid_portal

    hidden = [a for a in load_valid_portal(built_site.parent).alumni if not a.data.consent.public_profile]
    assert hidden
    page.goto(site_url, wait_until="networkidle")
    _open_search(page)
    page.keyboard.type(hidden[0].data.business_name)
    page.wait_for_timeout(1500)
    hrefs = page.locator("#pe-search-results a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert not any(hidden[0].slug in h for h in hrefs)


def test_search_keeps_working_offline_once_loaded(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + "modul/", wait_until="networkidle")
    _open_search(page)
    page.keyboard.type("rendang")
    online = _results(page)
    assert page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload(wait_until="networkidle")  # now controlled by the service worker
    _open_search(page)
    page.keyboard.type("rendang")
    _results(page)
    context.set_offline(True)
    page.reload(wait_until="load")
    assert page.locator("h1").first.is_visible()
    _open_search(page)
    page.keyboard.type("rendang")
    assert _results(page)[:3] == online[:3]
    context.close()
