"""axe-core on every page type, in the light and the dark scheme: zero violations of any impact."""

from __future__ import annotations

import pytest

from conftest import ROOT
from tools.page_types import PAGE_TYPES, SCHEMES, VIEWPORTS, serve_error_sample

pytestmark = pytest.mark.browser
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def axe_violations(page) -> list[dict]:
    assert AXE.is_file(), "axe-core is missing: run `make install-test`"
    page.add_script_tag(path=str(AXE))
    return page.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
    }""")


@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_axe_finds_nothing(page, site_url, kind, scheme):
    page.emulate_media(color_scheme=SCHEMES[scheme])
    page.goto(site_url + PAGE_TYPES[kind], wait_until="networkidle")
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') !== null")
    assert page.locator("body").get_attribute("data-md-color-scheme") == ("slate" if scheme == "gelap" else "default")
    assert axe_violations(page) == []


def test_axe_finds_nothing_with_the_directory_filters_open(page, site_url):
    page.set_viewport_size(VIEWPORTS["ponsel"])  # a desktop shows them open anyway
    page.goto(site_url + "alumni/?negara=jp", wait_until="networkidle")
    page.locator("#pe-filter-toggle").click()
    assert page.locator("#pe-filter").is_visible()
    assert axe_violations(page) == []


def test_landmarks_are_named_in_indonesian(page, site_url):
    for path in ("", "alumni/rendang-uni-sari/"):
        page.goto(site_url + path, wait_until="networkidle")
        labels = page.locator("header nav, footer nav, nav.md-nav--primary").evaluate_all(
            "els => els.map(e => e.getAttribute('aria-label'))")
        assert labels and not {"Header", "Footer", "Navigation"} & set(labels), labels


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_axe_finds_nothing_on_the_serve_error_page(page, scheme):
    page.emulate_media(color_scheme=SCHEMES[scheme])
    page.set_content(serve_error_sample(), wait_until="load")
    assert page.locator("[data-pe-serve-error] li").count() == 2
    assert axe_violations(page) == []


def test_axe_finds_nothing_with_the_english_filters_open(page, site_url):
    page.set_viewport_size(VIEWPORTS["ponsel"])  # a desktop shows them open anyway
    page.goto(site_url + "en/exporters/?country=jp", wait_until="networkidle")
    page.locator("#pe-filter-toggle").click()
    assert page.locator("#pe-filter").is_visible()
    assert axe_violations(page) == []
