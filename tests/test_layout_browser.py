"""Layout of every page type at 360x740 (phone) and 1280x800 (desktop), asserted in Chromium.

These tests measure what a reader sees (boxes, columns, what is above the
fold), not which elements exist, so they hold whatever frame the pages get.
"""

from __future__ import annotations

import pytest

from tools.page_types import PAGE_TYPES, VIEWPORTS

pytestmark = pytest.mark.browser


@pytest.fixture(params=list(VIEWPORTS))
def sized(request, browser):
    name = request.param
    phone = name == "ponsel"
    context = browser.new_context(viewport=VIEWPORTS[name], is_mobile=phone, has_touch=phone, locale="id-ID")
    page = context.new_page()
    page.viewport_name = name
    yield page
    context.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=VIEWPORTS["ponsel"], is_mobile=True, has_touch=True, locale="id-ID")
    yield context.new_page()
    context.close()


@pytest.fixture
def desktop(browser):
    context = browser.new_context(viewport=VIEWPORTS["desktop"], locale="id-ID")
    yield context.new_page()
    context.close()


def _boxes(page, selector: str) -> list[dict]:
    return page.locator(selector).evaluate_all(
        "els => els.map(e => { const r = e.getBoundingClientRect(); return {x: r.x, y: r.y + scrollY, w: r.width, h: r.height}; })")


def _columns(boxes: list[dict]) -> int:
    return len({round(b["x"]) for b in boxes})


@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_no_page_is_wider_than_the_screen(sized, site_url, kind):
    sized.goto(site_url + PAGE_TYPES[kind], wait_until="networkidle")
    width = sized.evaluate("Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)")
    assert width <= VIEWPORTS[sized.viewport_name]["width"], f"{kind} is {width}px wide"


def test_home_says_what_and_where_to_start_on_the_first_phone_screen(phone, site_url):
    phone.goto(site_url, wait_until="networkidle")
    fold = VIEWPORTS["ponsel"]["height"]
    assert phone.locator("h1").bounding_box()["y"] < fold
    lead = phone.locator("h1 + p")
    assert lead.bounding_box()["y"] + lead.bounding_box()["height"] <= fold
    starts = _boxes(phone, ".pe-start li a")
    assert len(starts) >= 3
    assert all(b["y"] + b["h"] <= fold for b in starts), starts


def test_home_figures_sit_side_by_side(sized, site_url):
    sized.goto(site_url, wait_until="networkidle")
    figures = _boxes(sized, ".pe-figures > li")
    assert len(figures) == 4
    per_row = 4 if sized.viewport_name == "desktop" else 2
    assert _columns(figures) == per_row
    assert len({round(b["y"]) for b in figures}) == 4 // per_row
    bullets = sized.locator(".pe-figures > li, .pe-cards > li").evaluate_all(
        "els => els.filter(e => getComputedStyle(e).display === 'list-item' && getComputedStyle(e).listStyleType !== 'none').length")
    assert bullets == 0


def test_statistics_figures_side_by_side_on_desktop(desktop, site_url):
    desktop.goto(site_url + "statistik/", wait_until="networkidle")
    assert _columns(_boxes(desktop, ".pe-figures > li")) == 4


@pytest.mark.parametrize("path", ["alumni/", "alumni/provinsi/sumatera-barat/"])
def test_directory_cards_in_columns_on_desktop(desktop, site_url, path):
    desktop.goto(site_url + path, wait_until="networkidle")
    cards = _boxes(desktop, "#pe-results > li, .pe-cards > li")
    assert len(cards) >= 2
    assert _columns(cards) >= 2


def test_404_is_indonesian_with_a_search_box_and_ways_onward(phone, site_url):
    body = phone.context.request.get(site_url + "404.html").body()
    missing = site_url + "alumni/profil-yang-ditarik/"
    phone.route(missing, lambda route: route.fulfill(status=404, body=body, content_type="text/html; charset=utf-8"))
    phone.goto(missing, wait_until="networkidle")
    assert phone.locator("html").get_attribute("lang") == "id"
    assert phone.locator("h1").inner_text() == "Halaman tidak ditemukan"
    text = phone.locator("article").inner_text()
    assert "ditarik atas permintaan pemiliknya" in text
    assert "Not found" not in phone.content()
    assert phone.get_by_role("searchbox", name="Cari modul, istilah atau eksportir").first.is_visible()
    phone.locator(".pe-onward a", has_text="Direktori alumni").click()
    phone.wait_for_url(site_url + "alumni/")
    assert phone.locator("h1").inner_text() == "Direktori alumni"


def test_404_search_box_searches_the_portal(desktop, site_url):
    desktop.goto(site_url + "404.html", wait_until="networkidle")
    desktop.fill("#pe-404-q", "rendang")
    desktop.press("#pe-404-q", "Enter")
    desktop.wait_for_selector("#pe-search-results a")
    assert desktop.locator("#pe-search-input").input_value() == "rendang"
    assert "Rendang" in desktop.locator("#pe-search-results").inner_text()


def test_staff_guide_is_out_of_the_menu_but_one_click_from_the_footer(desktop, site_url):
    desktop.goto(site_url + "modul/", wait_until="networkidle")
    menu = desktop.locator(".md-nav--primary a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert menu and not [h for h in menu if "panduan-staf" in h]
    desktop.locator("footer a", has_text="Panduan staf").click()
    assert desktop.locator("h1").inner_text() == "Panduan Staf"
    desktop.go_back()
    desktop.locator("footer a", has_text="Tentang portal").click()
    assert desktop.locator("article a[href*='panduan-staf']").count() >= 1


def test_search_box_has_one_clear_button(phone, site_url):
    phone.goto(site_url, wait_until="networkidle")
    phone.locator("label[for=__search]").first.click()
    phone.fill("#pe-search-input", "kopi")
    box = phone.locator(".md-search__form")
    # A type=search input draws the browser's own clear button beside Material's.
    assert phone.locator("#pe-search-input").get_attribute("type") != "search"
    clear = box.locator("button[type=reset], input[type=reset]")
    assert clear.count() == 1 and clear.is_visible()
    clear.click()
    assert phone.locator("#pe-search-input").input_value() == ""
