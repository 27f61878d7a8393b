"""Layout of every page type at 360x740 (phone) and 1280x800 (desktop), asserted in Chromium.

These tests measure what a reader sees (boxes, columns, what is above the
fold), not which elements exist, so they hold whatever frame the pages get.
"""

from __future__ import annotations

import pytest

from portal_ekspor.privacy import public_profiles
from portal_ekspor.repository import load_valid_portal
from portal_ekspor.site.pages import DIRECTORY_PAGE_SIZE
from tools.page_types import PAGE_TYPES, SCHEMES, VIEWPORTS

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def profiles(built_site):
    return public_profiles(load_valid_portal(built_site.parent))


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
    desktop.wait_for_url(site_url + "panduan-staf/")
    assert desktop.locator("h1").inner_text() == "Panduan Staf"
    desktop.goto(site_url + "alumni/rendang-uni-sari/", wait_until="networkidle")  # the slim frame too
    desktop.locator("footer a", has_text="Tentang portal").click()
    desktop.wait_for_url(site_url + "tentang/")
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


def _first_result_top(page) -> float:
    page.wait_for_selector("#pe-results .pe-card")
    return page.locator("#pe-results .pe-card").first.bounding_box()["y"]


# Both directories render one template with texts from the core; these are the
# texts a reader of each language sees (site/directory.py must say the same).
DIRECTORIES = {
    "id": {"url": "alumni/", "facet": "negara", "filter": "Saring", "reset": "Hapus saringan", "show": "Lihat hasil",
           "unit": "alumni", "one": "alumni", "japan": "tujuan Jepang", "ambassador": "duta ekspor"},
    "en": {"url": "en/exporters/", "facet": "country", "filter": "Filter", "reset": "Clear filters",
           "show": "Show results", "unit": "exporters", "one": "exporter", "japan": "market Japan", "ambassador": "export ambassadors"},
}


@pytest.mark.parametrize("filtered", [False, True])
@pytest.mark.parametrize("lang", list(DIRECTORIES))
def test_first_directory_result_within_one_and_a_half_phone_screens(phone, site_url, lang, filtered):
    d = DIRECTORIES[lang]
    phone.goto(site_url + d["url"] + (f"?{d['facet']}=jp" if filtered else ""), wait_until="networkidle")
    if filtered:
        phone.wait_for_function(f"document.getElementById('daftar').textContent.includes('{d['japan']}')")
    assert _first_result_top(phone) < 1.5 * VIEWPORTS["ponsel"]["height"]


@pytest.mark.parametrize("path", ["en/exporters/", "en/exporters/country/jp/"])
def test_english_directory_cards_in_columns_on_desktop(desktop, site_url, path):
    test_directory_cards_in_columns_on_desktop(desktop, site_url, path)


@pytest.mark.parametrize("lang", list(DIRECTORIES))
def test_filtered_heading_names_the_filter_and_the_count(phone, site_url, profiles, lang):
    d = DIRECTORIES[lang]
    expected = [p for p in profiles if any(c.country.code == "JP" for c in p.destinations)]
    assert 1 < len(expected) < len(profiles)
    phone.goto(site_url + d["url"] + f"?{d['facet']}=jp", wait_until="networkidle")
    phone.wait_for_function(f"document.querySelectorAll('#pe-results .pe-card').length === {len(expected)}")
    assert phone.locator("#daftar").inner_text() == f"{len(expected)} {d['unit']} · {d['japan']}"
    assert phone.get_by_role("button", name=f"{d['filter']} (1)").is_visible()
    assert phone.locator("#pe-filter").is_hidden(), "results first: the filters stay folded"
    assert phone.locator(".pe-pager").is_hidden() and phone.locator(".pe-more").is_hidden()
    phone.get_by_role("link", name=d["reset"]).click()
    phone.wait_for_function(f"document.getElementById('daftar').textContent === '{len(profiles)} {d['unit']}'")
    assert "?" not in phone.url
    assert phone.locator("#pe-results .pe-card").count() == min(DIRECTORY_PAGE_SIZE, len(profiles))
    assert phone.get_by_role("button", name=d["filter"], exact=True).is_visible()
    assert phone.get_by_role("link", name=d["reset"]).is_hidden()


@pytest.mark.parametrize("lang", list(DIRECTORIES))
def test_filter_toggle_opens_the_filters_and_counts_what_is_active(phone, site_url, profiles, lang):
    d = DIRECTORIES[lang]
    phone.goto(site_url + d["url"], wait_until="networkidle")
    toggle = phone.locator("#pe-filter-toggle")
    assert toggle.inner_text() == d["filter"]
    assert toggle.get_attribute("aria-expanded") == "false" and phone.locator("#pe-filter").is_hidden()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true" and phone.locator("#pe-filter").is_visible()
    phone.select_option(f"#pe-f-{d['facet']}", "jp")
    phone.check("#pe-f-duta")
    expected = [p for p in profiles if p.ambassador and any(c.country.code == "JP" for c in p.destinations)]
    unit = d["one"] if len(expected) == 1 else d["unit"]
    phone.wait_for_function(f"document.getElementById('daftar').textContent === "
                            f"'{len(expected)} {unit} · {d['japan']} · {d['ambassador']}'")
    phone.get_by_role("button", name=d["show"]).click()
    assert phone.locator("#pe-filter").is_hidden()
    assert phone.get_by_role("button", name=f"{d['filter']} (2)").is_visible()
    assert _first_result_top(phone) < 1.5 * VIEWPORTS["ponsel"]["height"]


@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("lang", list(DIRECTORIES))
def test_desktop_directory_shows_its_filters_open_beside_the_results(browser, site_url, profiles, lang, scheme):
    """At 1280 px the filters stand open in the column Material leaves for contents, beside the first card."""
    from test_accessibility_browser import axe_violations

    d = DIRECTORIES[lang]
    fold = VIEWPORTS["desktop"]
    context = browser.new_context(viewport=fold, color_scheme=SCHEMES[scheme], locale="id-ID")
    page = context.new_page()
    japan = sum(1 for p in profiles if any(c.country.code == "JP" for c in p.destinations))
    for query, active in (("", ""), (f"?{d['facet']}=jp", " (1)")):
        page.goto(site_url + d["url"] + query, wait_until="networkidle")
        if active:
            page.wait_for_function(f"document.querySelectorAll('#pe-results .pe-card').length === {japan}")
        form = page.locator("#pe-filter")
        assert form.is_visible(), "the filters are open without a click"
        assert page.locator("#pe-f-" + d["facet"]).is_visible()
        assert page.get_by_role("button", name=d["filter"] + active, exact=True).is_visible()
        assert page.get_by_role("link", name=d["reset"]).is_visible() == bool(active)
        cards = _boxes(page, "#pe-results .pe-card")
        first, panel = cards[0], _boxes(page, "#pe-filter")[0]
        assert panel["x"] >= first["x"] + first["w"], "beside the first card, not above it"
        assert panel["y"] < first["y"] + first["h"] and first["y"] < panel["y"] + panel["h"], (panel, first)
        assert first["y"] + first["h"] <= fold["height"], "the first card is above the fold"
        assert _columns(cards) >= 2
        assert page.evaluate("document.documentElement.scrollWidth") <= fold["width"]
        assert panel["x"] + panel["w"] <= fold["width"]
        assert axe_violations(page) == []
    context.close()


def test_flags_are_self_hosted_images_not_emoji(desktop, site_url):
    for path in ("alumni/", "alumni/rendang-uni-sari/", "alumni/negara/", "en/exporters/rendang-uni-sari/"):
        desktop.goto(site_url + path, wait_until="networkidle")
        flags = desktop.locator("main .pe-flag")
        assert flags.count() > 0
        drawn = flags.evaluate_all("""els => els.map(e => {
            const box = e.getBoundingClientRect(), style = getComputedStyle(e);
            return {image: style.backgroundImage, w: box.width, h: box.height, text: e.textContent,
                    country: e.parentElement.textContent.trim()};
        })""")
        assert [d for d in drawn if not (d["w"] >= 16 and 0.7 < d["h"] / d["w"] < 0.8)] == [], "a 4:3 flag box"
        assert [d for d in drawn if d["text"] or not d["country"]] == [], "empty and decorative, next to the country's name"
        sources = {d["image"] for d in drawn}
        for image in sources:
            src = image.removeprefix('url("').removesuffix('")')
            assert src.startswith(site_url + "assets/bendera/") and src.endswith(".svg"), image
            response = desktop.context.request.get(src)
            assert response.ok and response.body().startswith(b"<svg")
        text = desktop.locator("main").inner_text()
        assert not any(0x1F1E6 <= ord(ch) <= 0x1F1FF for ch in text), "regional-indicator emoji flags"


def test_statistics_labels_readable_and_whole(sized, site_url):
    sized.goto(site_url + "statistik/", wait_until="networkidle")
    cells = sized.locator("table.pe-bars th[scope=row], table.pe-bars .pe-bars__value")
    assert cells.count() > 20
    info = cells.evaluate_all("""els => els.map(e => ({text: e.textContent, size: parseFloat(getComputedStyle(e).fontSize),
        cut: e.scrollWidth > e.clientWidth + 1, right: e.getBoundingClientRect().right}))""")
    width = VIEWPORTS[sized.viewport_name]["width"]
    assert [i for i in info if i["size"] < 12] == []
    assert [i for i in info if i["cut"] or i["right"] > width] == []
    assert not [t for t in sized.locator("table.pe-bars th[scope=row]").all_inner_texts() if "…" in t]


def test_statistics_show_empty_years_and_never_draw_other_as_a_country(phone, site_url, profiles):
    phone.goto(site_url + "statistik/", wait_until="networkidle")
    years = phone.locator("#stat-ekspor-perdana + table.pe-bars tbody tr")
    labels = [int(t) for t in years.locator("th").all_inner_texts()]
    assert labels == list(range(labels[0], labels[-1] + 1)), "every year between first and last"
    counts = {y: sum(1 for p in profiles if p.first_export_year == y) for y in labels}
    assert 0 in counts.values(), "the sample data has a year without a first export"
    shown = dict(zip(labels, (int(v) for v in years.locator(".pe-bars__value").all_inner_texts())))
    assert shown == counts
    countries = phone.locator("#stat-negara + table.pe-bars th[scope=row]").all_inner_texts()
    names = {d.country.name for p in profiles for d in p.destinations}
    assert set(countries) <= names and "Lainnya" not in countries
    assert "negara lain" in phone.locator("#stat-negara ~ p").first.inner_text()


def test_serve_error_page_fits_the_screen(sized):
    from tools.page_types import serve_error_sample

    sized.set_content(serve_error_sample(), wait_until="load")
    width = sized.evaluate("Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)")
    assert width <= VIEWPORTS[sized.viewport_name]["width"]
    assert sized.locator("h1").bounding_box()["y"] < VIEWPORTS[sized.viewport_name]["height"] / 2


def test_statistics_bars_keep_their_proportions(sized, site_url):
    sized.goto(site_url + "statistik/", wait_until="networkidle")
    charts = sized.locator("table.pe-bars").evaluate_all("""tables => tables.map(t => [...t.querySelectorAll('tbody tr')]
        .map(r => ({value: parseInt(r.querySelector('.pe-bars__value').textContent.replace(/\\D/g, ''), 10),
                    width: r.querySelector('.pe-bars__bar').getBoundingClientRect().width})))""")
    assert len(charts) >= 3
    for rows in charts:
        top = max(rows, key=lambda r: r["value"])
        assert top["width"] > 100, rows  # the longest bar uses the room there is
        for r in rows:
            assert abs(r["width"] - top["width"] * r["value"] / top["value"]) <= 1.5, rows


MARKERLESS = ".pe-cards > li, .pe-figures > li, .pe-start li, .pe-chips li, .pe-onward li, .pe-facet-list li, .pe-contacts li"
"""Lists drawn as cards, figures, chips or buttons: a bullet beside them is a stray (Material styles every ul)."""


def test_no_stray_bullets_on_any_page(sized, site_url):
    seen = 0
    for kind, path in PAGE_TYPES.items():
        sized.goto(site_url + path, wait_until="networkidle")
        items = sized.locator(MARKERLESS).evaluate_all("""els => els.map(e => ({
            marker: getComputedStyle(e).display === 'list-item' && getComputedStyle(e).listStyleType !== 'none',
            text: e.textContent.trim().slice(0, 40)}))""")
        seen += len(items)
        assert [i["text"] for i in items if i["marker"]] == [], kind
    assert seen > 100
